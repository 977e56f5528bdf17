"""``accountbook init``: a team's own project, which builds from the installed package alone."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.config import Config
from generator.starter import FILES, WRITTEN

from .test_site import ROOT

DEMO = ROOT / "examples" / "demo"


def _init(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["init", *args])
    return result.exit_code, result.output


def test_init_makes_a_project_and_says_what_next(tmp_path: Path) -> None:
    code, output = _init(str(tmp_path / "ours"))
    assert code == 0, output
    made = {str(p.relative_to(tmp_path / "ours")) for p in (tmp_path / "ours").rglob("*")}
    assert {
        "accountbook.toml", "mkdocs.yml", "docs/about.md", ".gitignore", "requirements.txt",
        ".github/workflows/check.yml", ".github/workflows/publish.yml",
        "accountbook-template.xlsx",
    } <= made  # fmt: skip
    assert "Next steps:" in output and "accountbook build" in output
    assert "ACCOUNTBOOK_SERVICE_ACCOUNT_JSON" in output


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("ours", encoding="utf-8")
    code, output = _init(str(tmp_path))
    assert code == 2 and "is not empty" in output and "--force" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "mkdocs.yml").write_text("old", encoding="utf-8")
    code, output = _init(str(tmp_path), "--force")
    assert code == 0, output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "ours"  # left alone
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") != "old"


def test_the_config_names_every_setting() -> None:
    text = (FILES / "accountbook.toml").read_text(encoding="utf-8")
    for setting in dataclasses.fields(Config):
        if setting.name != "config_file":
            assert f"{setting.name} = " in text, setting.name


def test_the_workflows_match_githubs_schema(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(FILES / "workflows" / "check.yml"), str(FILES / "workflows" / "publish.yml")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_this_repository_publishes_with_the_same_workflow_and_settings() -> None:
    """One nightly workflow: this repository's installs the checkout, a team's its pin."""
    ours = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    theirs = (FILES / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert theirs == ours.replace("run: pip install .\n", "run: pip install -r requirements.txt\n")
    # mkdocs.yml: the same settings; only the Reference part of the navigation differs (this
    # repository documents Accountbook itself there).
    ours_yml = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theirs_yml = yaml.safe_load((FILES / "mkdocs.yml").read_text(encoding="utf-8"))
    assert ours_yml["nav"][:-1] == theirs_yml["nav"][:-1]
    assert {k: v for k, v in ours_yml.items() if k != "nav"} == {
        k: v for k, v in theirs_yml.items() if k != "nav"
    }
    assert len(WRITTEN) == 6


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as pip installs it: the wheel built from this checkout, unpacked."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    (built,) = out.glob("accountbook-*.whl")
    unpacked = out / "unpacked"
    with zipfile.ZipFile(built) as archive:
        archive.extractall(unpacked)
    return unpacked


def test_a_project_made_by_init_builds_from_the_wheel_alone(tmp_path: Path, wheel: Path) -> None:
    """In a folder outside this repository, with the wheel's files and nothing of the
    checkout (no docs/, no mkdocs.yml, no theme folder): init, then build the demo workbook."""
    env = {**os.environ, "PYTHONPATH": str(wheel), "PYTHONSAFEPATH": "1"}
    env.pop("ACCOUNTBOOK_SOURCE", None)
    workbook = shutil.copytree(DEMO, tmp_path / "workbook")

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip

    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert where.startswith(str(wheel)), where  # the wheel's package, not the checkout's
    made = run("init", "ours", cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    project = tmp_path / "ours"
    built = run("build", "--source", str(workbook), "--as-of", "2026-11-22", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    for page in ("index.html", "about.html", "data/kpi-definitions.html",
                 "managers/M004.html", "accountbook.css", "downloads/kpis.csv"):  # fmt: skip
        assert (site / page).is_file(), page
    assert "accountbook.css" in (site / "index.html").read_text(encoding="utf-8")
    # The blank template init wrote builds too: a team sees its site before any data is in.
    blank = run("build", cwd=project)
    assert blank.returncode == 0, blank.stdout + blank.stderr


def test_a_build_outside_a_project_says_to_run_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--source", str(DEMO), "--quiet"])
    assert result.exit_code == 2, result.output
    assert "has no mkdocs.yml" in result.output and "accountbook init" in result.output
    assert list(tmp_path.iterdir()) == []  # nothing was written
