"""One small broken workbook per issue code, each asserting the exact code and cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.issues import CODES, ERROR, WARNING

from .conftest import Grid, check_grid, set_cell, small_grid


def test_small_workbook_is_valid(tmp_path: Path) -> None:
    report = check_grid(small_grid(), tmp_path)
    assert report.issues == []
    assert report.valid


def _drop_tab(name: str) -> Callable[[Grid], None]:
    return lambda grid: grid.pop(name)


def _rename_header(tab: str, old: str, new: str) -> Callable[[Grid], None]:
    def mutate(grid: Grid) -> None:
        header = grid[tab][0]
        header[header.index(old)] = new

    return mutate


def _add_column(tab: str, header: str, value: str) -> Callable[[Grid], None]:
    def mutate(grid: Grid) -> None:
        for number, row in enumerate(grid[tab]):
            row.append(header if number == 0 else value)

    return mutate


def _cell(reference: str, value: Any) -> Callable[[Grid], None]:
    return lambda grid: set_cell(grid, reference, value)


def _cells(*pairs: tuple[str, Any]) -> Callable[[Grid], None]:
    def mutate(grid: Grid) -> None:
        for reference, value in pairs:
            set_cell(grid, reference, value)

    return mutate


# (case id, mutation, code, severity, cell, tab): every mutation breaks exactly one thing.
# Sales columns: A sale_id, B date, C client_id, D contract_id, E manager_id, F product,
# G quantity, H amount, I currency, J due_on, K paid_on, L paid_amount.
CASES: list[tuple[str, Callable[[Grid], None], str, str, str | None, str]] = [
    ("missing required tab", _drop_tab("Managers"), "missing-tab", ERROR, None, "Managers"),
    ("required column misspelled", _rename_header("Clients", "name", "Name"), "missing-column",
     ERROR, "Clients!1:1", "Clients"),
    ("optional column absent", _rename_header("Clients", "city", "town"), "missing-column",
     WARNING, "Clients!1:1", "Clients"),
    ("duplicate header", _add_column("Sales", "amount", "1"), "duplicate-column", ERROR,
     "Sales!M1", "Sales"),
    ("values under a blank header", _cells(("Rates!C2", "oops")), "blank-header", WARNING,
     "Rates!C1", "Rates"),
    ("error cell #REF!", _cell("Sales!H2", "#REF!"), "error-cell", ERROR, "Sales!H2", "Sales"),
    ("error cell #N/A in a text column", _cell("Clients!B3", "#N/A"), "error-cell", ERROR,
     "Clients!B3", "Clients"),
    ("integer as a word", _cell("Roles!G2", "five"), "type-error", ERROR, "Roles!G2", "Roles"),
    ("integer with a fraction", _cell("Roles!G2", "2.5"), "type-error", ERROR, "Roles!G2", "Roles"),
    ("number with a decimal comma", _cell("Sales!H3", "12,50"), "type-error", ERROR, "Sales!H3",
     "Sales"),
    ("number NaN", _cell("Sales!G2", "NaN"), "type-error", ERROR, "Sales!G2", "Sales"),
    ("date written day first", _cell("Sales!B2", "15/01/2026"), "type-error", ERROR, "Sales!B2",
     "Sales"),
    ("date that does not exist", _cell("Sales!B3", "2026-02-30"), "type-error", ERROR, "Sales!B3",
     "Sales"),
    ("boolean as maybe", _cell("Managers!H3", "maybe"), "type-error", ERROR, "Managers!H3",
     "Managers"),
    ("e-mail without @", _cell("Managers!C2", "ada.corp.example"), "type-error", ERROR,
     "Managers!C2", "Managers"),
    ("currency in lower case", _cell("Sales!I3", "usd"), "type-error", ERROR, "Sales!I3", "Sales"),
    ("date out of range", _cell("Contracts!E2", "2999-01-01"), "date-out-of-range", ERROR,
     "Contracts!E2", "Contracts"),
    ("number far too large", _cell("Sales!H2", "1e20"), "out-of-range", ERROR, "Sales!H2", "Sales"),
    ("required value empty", _cell("Clients!B3", ""), "missing-value", ERROR, "Clients!B3",
     "Clients"),
    ("required value only spaces", _cell("Sales!B3", "   "), "missing-value", ERROR, "Sales!B3",
     "Sales"),
    ("enum in the wrong case", _cell("Clients!D2", "Key"), "not-in-enum", ERROR, "Clients!D2",
     "Clients"),
    ("section not in the list", _cell("RoleClauses!B2", "tasks"), "not-in-enum", ERROR,
     "RoleClauses!B2", "RoleClauses"),
    ("negative credit limit", _cell("Clients!J2", "-5"), "below-minimum", ERROR, "Clients!J2",
     "Clients"),
    ("rate of zero", _cell("Rates!B2", "0"), "below-minimum", ERROR, "Rates!B2", "Rates"),
    ("role id with spaces", _cells(("Roles!A3", "Account Manager"), ("RoleClauses!A2", "Account Manager"),
     ("RoleClauses!A3", "Account Manager"), ("Managers!D3", "Account Manager")), "pattern-mismatch",
     ERROR, "Roles!A3", "Roles"),
    ("period month 13", _cell("Targets!B2", "2026-13"), "pattern-mismatch", ERROR, "Targets!B2",
     "Targets"),
    ("duplicate sale id", _cell("Sales!A3", "S1"), "duplicate-key", ERROR, "Sales!A3", "Sales"),
    ("duplicate composite key", _cells(("Targets!A3", "M2"), ("Targets!B3", "2026-01")),
     "duplicate-key", ERROR, "Targets!B3", "Targets"),
    ("ids differing only in letter case", _cells(("Clients!A4", "c1"), ("Clients!B4", "Tiny"), ("Clients!C4", "M2")),
     "file-name-collision", ERROR, "Clients!A4", "Clients"),
    ("sale of a missing client", _cell("Sales!C3", "C99"), "foreign-key", ERROR, "Sales!C3", "Sales"),
    ("manager of a missing role", _cell("Managers!D3", "sales-rep"), "foreign-key", ERROR,
     "Managers!D3", "Managers"),
    ("sale under another client's contract", _cell("Sales!D3", "K1"), "reference-mismatch", ERROR,
     "Sales!D3", "Sales"),
    ("contract ends before it starts", _cell("Contracts!F2", "2025-12-31"), "date-order", ERROR,
     "Contracts!F2", "Contracts"),
    ("complaint closed before opened", _cell("Complaints!D2", "2026-01-01"), "date-order", ERROR,
     "Complaints!D2", "Complaints"),
    ("reports_to cycle", _cell("Managers!E2", "M2"), "cycle", ERROR, "Managers!E2", "Managers"),
    ("manager reports to themself", _cell("Managers!E3", "M2"), "cycle", ERROR, "Managers!E3",
     "Managers"),
    ("currency with no rate", _cell("Sales!I2", "GBP"), "missing-rate", ERROR, "Sales!I2", "Sales"),
    ("contract currency with no rate", _cell("Contracts!H2", "CZK"), "missing-rate", ERROR,
     "Contracts!H2", "Contracts"),
    ("paid more than the invoice", _cell("Sales!L2", "1000"), "out-of-range", ERROR, "Sales!L2",
     "Sales"),
    ("a return paid back beyond its amount", _cell("Sales!L3", "-20"), "out-of-range", ERROR,
     "Sales!L3", "Sales"),
    ("a paid amount of the other sign", _cell("Sales!L3", "5"), "out-of-range", ERROR,
     "Sales!L3", "Sales"),
    ("target too near 0 to divide by", _cell("Targets!C2", "1e-25"), "out-of-range", ERROR,
     "Targets!C2", "Targets"),
    ("amount too large once converted", _cells(("Rates!B2", "1000"), ("Sales!H3", "-2000000000000")),
     "out-of-range", ERROR, "Sales!H3", "Sales"),
    ("client id of a list page", _cells(("Clients!A4", "index"), ("Clients!B4", "X"), ("Clients!C4", "M2")),
     "reserved-name", ERROR, "Clients!A4", "Clients"),
    ("manager id README", _cells(("Managers!A4", "README"), ("Managers!B4", "Rea D"),
     ("Managers!D4", "account-manager")), "reserved-name", ERROR, "Managers!A4", "Managers"),
    ("client id of 300 characters", _cells(("Clients!A4", "C" * 300), ("Clients!B4", "X"),
     ("Clients!C4", "M2")), "file-name-too-long", ERROR, "Clients!A4", "Clients"),
    ("client id of 80 Cyrillic letters", _cells(("Clients!A4", "Ж" * 80), ("Clients!B4", "X"),
     ("Clients!C4", "M2")), "file-name-too-long", ERROR, "Clients!A4", "Clients"),
]  # fmt: skip


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("mutate", "code", "severity", "cell", "tab"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_one_broken_thing_gives_one_exact_issue(
    tmp_path: Path,
    kind: str,
    mutate: Callable[[Grid], None],
    code: str,
    severity: str,
    cell: str | None,
    tab: str,
) -> None:
    grid = small_grid()
    mutate(grid)
    report = check_grid(grid, tmp_path, kind)
    found = [(issue.code, issue.severity, issue.cell, issue.tab) for issue in report.issues]
    # A misspelled header also reports the unknown column (a warning) with a hint.
    found = [item for item in found if item[0] != "unknown-column"]
    assert found == [(code, severity, cell, tab)]
    assert report.valid == (severity == WARNING)


def test_every_issue_code_has_a_case() -> None:
    # translation-missing depends on the configured languages: tests/test_languages.py has it.
    # formula-without-value (xlsx only) and invalid-character (Google Sheets only):
    # tests/test_output_safety.py has them.
    covered = {case[2] for case in CASES} | {
        "unknown-column", "source-unreadable", "csv-delimiter", "translation-missing",
        "formula-without-value", "invalid-character",
    }  # fmt: skip
    assert covered == set(CODES)


def test_misspelled_header_is_reported_with_a_hint(tmp_path: Path) -> None:
    grid = small_grid()
    _rename_header("Sales", "client_id", "clent_id")(grid)
    report = check_grid(grid, tmp_path)
    by_code = {issue.code: issue for issue in report.issues}
    assert by_code["missing-column"].message == (
        "the column 'client_id' is missing; the header 'clent_id' looks like it"
    )
    assert by_code["unknown-column"].cell == "Sales!C1"
    assert "did you mean 'client_id'?" in by_code["unknown-column"].message


def test_unknown_helper_column_is_only_a_warning(tmp_path: Path) -> None:
    grid = small_grid()
    for number, row in enumerate(grid["Clients"]):
        row.append("margin %" if number == 0 else "12")
    report = check_grid(grid, tmp_path)
    assert [(i.code, i.severity, i.cell) for i in report.issues] == [
        ("unknown-column", WARNING, "Clients!O1")
    ]
    assert report.valid


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    grid = small_grid()
    _cells(
        ("Sales!B2", "yesterday"), ("Sales!C3", "C99"), ("Clients!D2", "vip"), ("Rates!B2", "-1")
    )(grid)
    _drop_tab("Targets")(grid)  # optional: no issue
    report = check_grid(grid, tmp_path)
    assert [(i.code, i.cell) for i in report.issues] == [
        ("not-in-enum", "Clients!D2"),
        ("type-error", "Sales!B2"),
        ("foreign-key", "Sales!C3"),
        ("below-minimum", "Rates!B2"),
    ]


def test_issue_names_value_and_expectation(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Sales!B2", "15/01/2026")
    (issue,) = check_grid(grid, tmp_path).issues
    assert issue.value == "'15/01/2026'"
    assert issue.expected == "a date written 2026-03-31, a date cell or a date serial number"
    assert issue.row == 2 and issue.column == "date"


def test_personal_values_are_never_shown_in_full(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Clients!L2", "pat.secret-address")
    (issue,) = check_grid(grid, tmp_path).issues
    assert issue.code == "type-error" and issue.cell == "Clients!L2"
    assert "secret" not in issue.message and "secret" not in (issue.value or "")
    assert issue.value == "'p'… (personal data, 18 characters, hidden)"


def test_foreign_key_hint_for_case_mismatch(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Sales!C3", "c2")
    (issue,) = check_grid(grid, tmp_path).issues
    assert issue.message == (
        "client_id 'c2' does not exist in Clients.client_id; did you mean 'C2'? ids are exact"
    )


def test_cycle_names_the_whole_circle(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Managers!E2", "M2")
    (issue,) = check_grid(grid, tmp_path).issues
    assert issue.message == "reports_to goes round in a circle: M1 → M2 → M1"


def test_empty_rows_are_skipped_and_rows_keep_their_numbers(tmp_path: Path) -> None:
    grid = small_grid()
    grid["Sales"].insert(2, [""] * len(grid["Sales"][0]))
    grid["Sales"].insert(2, [" "] * len(grid["Sales"][0]))
    set_cell(grid, "Sales!H5", "lots")
    report = check_grid(grid, tmp_path)
    assert [(i.code, i.cell) for i in report.issues] == [("type-error", "Sales!H5")]
    assert report.tables["Sales"].row_numbers == [2, 5]


def test_defaults_fill_empty_cells(tmp_path: Path) -> None:
    report = check_grid(small_grid(), tmp_path)
    managers = report.tables["Managers"].columns
    assert managers["active"] == [True, True]
    assert report.tables["Clients"].columns["status"] == ["active", "active"]
    assert report.tables["Contracts"].columns["auto_renew"] == [False]


@pytest.mark.parametrize(
    ("column", "cell", "text", "expected"),
    [
        ("date", "Sales!B2", "46036", "2026-01-14"),  # a Sheets/Excel serial written as text
        ("date", "Sales!B2", " 2026-01-15 ", "2026-01-15"),
        ("amount", "Sales!H2", "1e3", "1E+3"),
        ("amount", "Sales!H2", "-0.10", "-0.10"),
        ("quantity", "Sales!G2", "+4", "4"),
    ],
)
def test_accepted_spellings(
    tmp_path: Path, column: str, cell: str, text: str, expected: str
) -> None:
    grid = small_grid()
    set_cell(grid, cell, text)
    report = check_grid(grid, tmp_path)
    assert report.issues == []
    value = report.tables["Sales"].columns[column][0]
    assert str(value) == expected


@pytest.mark.parametrize("text", ["TRUE", "true", "yes", "Yes", "1", "FALSE", "no", "0"])
def test_booleans(tmp_path: Path, text: str) -> None:
    grid = small_grid()
    set_cell(grid, "Managers!H3", text)
    report = check_grid(grid, tmp_path)
    assert report.issues == []
    assert report.tables["Managers"].columns["active"][1] is (text.lower() in ("true", "yes", "1"))
