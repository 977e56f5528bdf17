"""The command line: exit codes, formats, help, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli, reference_markdown

from .conftest import set_cell, small_grid, write_csv

ROOT = Path(__file__).resolve().parent.parent


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_check_valid_workbook_exits_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # not the project's accountbook.toml (six languages: warnings)
    code, output = invoke("check", "--source", str(write_csv(small_grid(), tmp_path / "b")))
    assert code == 0
    assert output.splitlines()[-1] == "valid: 0 errors, 0 warnings"


def test_check_invalid_workbook_exits_1_with_a_table(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Sales!D17", "K404")
    set_cell(grid, "Sales!A17", "S17")
    set_cell(grid, "Sales!B17", "2026-03-01")
    set_cell(grid, "Sales!C17", "C1")
    set_cell(grid, "Sales!H17", "10")
    code, output = invoke("check", "--source", str(write_csv(grid, tmp_path / "b")))
    assert code == 1
    lines = output.splitlines()
    assert lines[1].split(None, 3) == [
        "error",
        "Sales!D17",
        "foreign-key",
        "contract_id 'K404' does not exist in Contracts.contract_id",
    ]
    assert lines[-1] == "invalid: 1 error, 0 warnings"


def test_check_json(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Clients!D2", "gold")
    code, output = invoke(
        "check", "--format", "json", "--source", str(write_csv(grid, tmp_path / "b"))
    )
    assert code == 1
    document = json.loads(output)
    assert document["valid"] is False and document["errors"] == 1
    (found,) = document["issues"]
    assert found["code"] == "not-in-enum" and found["cell"] == "Clients!D2"
    assert found["value"] == "'gold'" and found["expected"] == "one of key, corporate, smb, retail"


def test_check_groups_one_problem_in_many_cells(tmp_path: Path) -> None:
    grid = small_grid()
    for row in range(4, 30):  # 26 currencies without their rate: one thing to fix
        set_cell(grid, f"Rates!A{row}", f"Q{chr(65 + row // 26)}{chr(65 + row % 26)}")
    code, output = invoke("check", "--source", str(write_csv(grid, tmp_path / "b")))
    assert code == 1
    (line,) = [line for line in output.splitlines() if "missing-value" in line]
    assert line.startswith("error    Rates!B4, B5, B6 and 23 more  missing-value")
    assert line.endswith("(26 cells)")
    assert output.splitlines()[-1] == "invalid: 26 errors, 0 warnings"
    document = json.loads(invoke("check", "--format", "json", "--source", str(tmp_path / "b"))[1])
    assert len(document["issues"]) == 26  # JSON still lists every issue


def test_check_groups_a_retyped_id_and_a_missing_rate(tmp_path: Path) -> None:
    grid = small_grid()
    header = grid["Sales"][0]
    for number in range(3, 41):  # 38 sales of a client whose id was retyped
        row = {"sale_id": f"S{number}", "date": "2026-02-01", "client_id": "C9", "amount": "5"}
        grid["Sales"].append([row.get(column, "") for column in header])
    grid["Sales"][2][header.index("currency")] = "GBP"
    grid["Sales"][3][header.index("currency")] = "GBP"
    code, output = invoke("check", "--source", str(write_csv(grid, tmp_path / "b")))
    assert code == 1
    lines = [line for line in output.splitlines() if line.startswith("error")]
    assert len(lines) == 2, output
    foreign, rate = sorted(lines, key=lambda line: "missing-rate" in line)
    assert "Sales!C4, C5, C6 and 35 more" in foreign and foreign.endswith("(38 cells)")
    assert "client_id 'C9' does not exist" in foreign
    assert "Sales!I3, I4" in rate and "add a row to the Rates tab with currency GBP" in rate


def test_check_limit_still_counts_everything(tmp_path: Path) -> None:
    grid = small_grid()
    for row in range(4, 30):  # 26 values that are no currency, each a problem of its own
        set_cell(grid, f"Rates!A{row}", f"{row}X")
        set_cell(grid, f"Rates!B{row}", "1")
    code, output = invoke("check", "--limit", "3", "--source", str(write_csv(grid, tmp_path / "b")))
    assert code == 1
    assert (
        "... and 23 more in 23 more groups (use --limit 0 or --format json to see all)." in output
    )
    assert len([line for line in output.splitlines() if line.startswith("error")]) == 3
    assert output.splitlines()[-1] == "invalid: 26 errors, 0 warnings"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--source", "/nonexistent/book.xlsx"], "no such file or folder"),
        (["--config", "/nonexistent.toml", "check"], "cannot read the config file"),
    ],
)
def test_unreadable_source_or_config_exits_2(args: list[str], message: str) -> None:
    code, output = invoke(*args)
    assert code == 2
    assert message in output


def test_no_source_anywhere_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACCOUNTBOOK_SOURCE", raising=False)
    code, output = invoke("check")
    assert code == 2
    assert "no source: pass --source PATH" in output


def test_config_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_csv(small_grid(), tmp_path / "data")
    (tmp_path / "accountbook.toml").write_text('source = "data"\nbase_currency = "USD"\n')
    monkeypatch.chdir(tmp_path)
    # The base currency USD leaves the EUR amounts (empty currency is the base) fine, but the
    # rate table's USD row is now the base itself: still valid.
    assert invoke("check")[0] == 0
    monkeypatch.setenv("ACCOUNTBOOK_BASE_CURRENCY", "CZK")
    code, output = invoke("check")
    assert code == 0  # USD has a rate, empty currency means the base
    (tmp_path / "accountbook.toml").write_text('sauce = "data"\n')
    code, output = invoke("check")
    assert code == 2 and "unknown settings sauce" in output


def test_garbage_xlsx_exits_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04 broken zip")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--source", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert "cannot be opened as an .xlsx workbook" in result.stderr


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():
        code, output = invoke(name, "--help")
        assert code == 0, name
        assert command.help and "Example:" in command.help, name
    code, output = invoke("--help")
    assert "Exit codes" in output and "1  the workbook is invalid" in output


def test_cli_reference_page_is_current(update_golden: bool) -> None:
    page = ROOT / "docs" / "guide" / "cli.md"
    expected = reference_markdown()
    if update_golden:
        page.write_text(expected, encoding="utf-8")
    assert page.read_text(encoding="utf-8") == expected, (
        "run pytest --update-golden to refresh docs/guide/cli.md"
    )
    for name in cli.commands:
        assert f"## accountbook {name}" in expected


def test_demo_checks_clean_from_the_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, output = invoke("check")
    assert code == 0
    assert output.splitlines()[-1] == "valid: 0 errors, 0 warnings"


def test_schema_json_lists_every_tab() -> None:
    code, output = invoke("schema", "--format", "json")
    assert code == 0
    names = [table["name"] for table in json.loads(output)]
    assert names[:3] == ["Roles", "RoleTranslations", "RoleClauses"] and len(names) == 11


def test_github_annotations_and_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = small_grid()
    set_cell(grid, "Clients!L2", "not-an-email-but-private")
    set_cell(grid, "Sales!C3", "C404")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, output = invoke("check", "--source", str(write_csv(grid, tmp_path / "b")))
    assert code == 1
    annotations = [line for line in output.splitlines() if line.startswith("::")]
    assert annotations[1] == (
        "::error title=Sales!C3 foreign-key::client_id 'C404' does not exist in Clients.client_id"
    )
    text = summary.read_text(encoding="utf-8")
    assert "| Clients | type-error | error | 1 |" in text
    assert "private" not in output + text  # a personal value: masked everywhere
