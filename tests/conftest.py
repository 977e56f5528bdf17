"""Shared fixtures: a small valid workbook as a grid of cells, and writers for CSV and typed xlsx."""

from __future__ import annotations

import copy
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytest_httpserver import HTTPServer

from generator.contract.schema import Schema, load_schema
from generator.csvfile import CsvWriter
from generator.sources.local import read
from generator.validation.validate import Report, column_letter, validate

Grid = dict[str, list[list[Any]]]

SMALL: dict[str, list[dict[str, str]]] = {
    "Roles": [
        {"role_id": "head-of-sales", "title": "Head of Sales", "experience_years": "5"},
        {
            "role_id": "account-manager",
            "title": "Account Manager",
            "reports_to_role": "head-of-sales",
        },
    ],
    "RoleTranslations": [],
    "RoleClauses": [
        {"role_id": "account-manager", "section": "duties", "text": "Finds clients.", "lang": "en"},
        {"role_id": "account-manager", "section": "rights", "text": "May grant discounts."},
    ],
    "Managers": [
        {
            "manager_id": "M1",
            "name": "Ada Head",
            "role_id": "head-of-sales",
            "email": "ada@corp.example",
        },
        {
            "manager_id": "M2",
            "name": "Bo Seller",
            "role_id": "account-manager",
            "reports_to": "M1",
            "hired_on": "2024-02-01",
            "active": "TRUE",
        },
    ],  # fmt: skip
    "Clients": [
        {
            "client_id": "C1",
            "name": "Acme",
            "manager_id": "M2",
            "segment": "key",
            "credit_limit": "1000",
            "contact_email": "pat@acme.example",
        },
        {"client_id": "C2", "name": "Bolt", "manager_id": "M2", "status": "active"},
    ],  # fmt: skip
    "Contracts": [
        {
            "contract_id": "K1",
            "client_id": "C1",
            "title": "Supply",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "value": "5000",
            "status": "active",
            "auto_renew": "FALSE",
        },
    ],  # fmt: skip
    "Sales": [
        {
            "sale_id": "S1",
            "date": "2026-01-15",
            "client_id": "C1",
            "contract_id": "K1",
            "amount": "100.50",
            "due_on": "2026-02-14",
            "paid_on": "2026-02-10",
        },
        {
            "sale_id": "S2",
            "date": "2026-02-03",
            "client_id": "C2",
            "amount": "-10",
            "currency": "USD",
            "quantity": "2",
        },
    ],  # fmt: skip
    "Targets": [{"manager_id": "M2", "period": "2026-01", "revenue": "1000"}],
    "Rates": [{"currency": "USD", "rate": "0.9"}],
    "Interactions": [{"date": "2026-01-10", "client_id": "C1", "kind": "call"}],
    "Complaints": [
        {
            "complaint_id": "R1",
            "client_id": "C1",
            "opened_on": "2026-01-20",
            "closed_on": "2026-01-25",
            "severity": "low",
        }
    ],  # fmt: skip
}


@pytest.fixture(autouse=True)
def _no_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run by tests say nothing while working (tests/test_progress.py checks that
    they do): Click's test runner mixes standard error into the output the tests read."""
    monkeypatch.setenv("ACCOUNTBOOK_PROGRESS", "quiet")


@pytest.fixture(scope="session")
def schema() -> Schema:
    return load_schema()


def small_grid() -> Grid:
    """The small valid workbook as {tab: [header, row, ...]} in the contract's column order."""
    contract = load_schema()
    grid: Grid = {}
    for name, rows in SMALL.items():
        header = list(contract.table(name).field_names)
        grid[name] = [header] + [
            [row.get(column, "") for column in header] for row in copy.deepcopy(rows)
        ]
    return grid


def set_cell(grid: Grid, reference: str, value: Any) -> None:
    """Set a cell given as ``Tab!B3`` (row 1 is the header), growing the grid as needed."""
    tab, cell = reference.split("!")
    match = re.fullmatch(r"([A-Z]+)(\d+)", cell)
    assert match, reference
    letters, row = match.groups()
    column = 0
    for char in letters:
        column = column * 26 + ord(char) - 64
    rows = grid[tab]
    while len(rows) < int(row):
        rows.append([""] * len(rows[0]))
    target = rows[int(row) - 1]
    while len(target) < column:
        target.append("")
    target[column - 1] = value


def cell_of(grid: Grid, tab: str, column: str, row: int) -> str:
    return f"{tab}!{column_letter(grid[tab][0].index(column))}{row}"


def write_csv(grid: Grid, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in grid.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            CsvWriter(stream).writerows(rows)
    return folder


def typed(kind: str, text: Any) -> Any:
    """The typed cell a spreadsheet would hold for ``text`` in a column of ``kind``, if it parses."""
    if not isinstance(text, str) or text == "":
        return None if text == "" else text
    try:
        if kind == "date":
            return date.fromisoformat(text)
        if kind == "integer":
            return int(text)
        if kind == "number" and Decimal(text).is_finite():
            return float(Decimal(text))
        if kind == "boolean" and text.upper() in ("TRUE", "FALSE"):
            return text.upper() == "TRUE"
    except (ValueError, ArithmeticError):
        pass
    return text


def write_xlsx(grid: Grid, path: Path) -> Path:
    """Write the grid as an .xlsx with typed cells: real dates, numbers and booleans."""
    contract = load_schema()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in grid.items():
        sheet = book.create_sheet(name)
        header = rows[0]
        kinds = []
        for column in header:
            try:
                kinds.append(contract.table(name).field(column).type)
            except KeyError:
                kinds.append("string")
        for row_number, row in enumerate(rows, start=1):
            for position, value in enumerate(row, start=1):
                kind = (
                    kinds[position - 1] if position <= len(kinds) and row_number > 1 else "string"
                )
                cell_value = typed(kind, value)
                if cell_value is not None:
                    sheet.cell(row=row_number, column=position, value=cell_value)
    book.save(path)
    return path


def check_grid(grid: Grid, tmp_path: Path, kind: str = "csv") -> Report:
    contract = load_schema()
    if kind == "csv":
        location: Path = write_csv(grid, tmp_path / "book")
    else:
        tmp_path.mkdir(parents=True, exist_ok=True)
        location = write_xlsx(grid, tmp_path / "book.xlsx")
    return validate(read(location, contract.table_names), contract)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def api(  # the fake Google Sheets API on 127.0.0.1, and credentials for it
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> HTTPServer:
    monkeypatch.setenv("ACCOUNTBOOK_SHEETS_API_URL", httpserver.url_for("/").rstrip("/"))
    monkeypatch.setenv("ACCOUNTBOOK_SHEETS_RETRY_SECONDS", "2")
    monkeypatch.setenv("GOOGLE_API_KEY", "test-api-key")
    for name in ("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON", "GOOGLE_APPLICATION_CREDENTIALS"):
        monkeypatch.delenv(name, raising=False)
    return httpserver
