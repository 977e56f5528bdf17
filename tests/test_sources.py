"""Reading CSV folders and xlsx workbooks: the same data gives the same typed values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.contract.schema import Schema
from generator.sources.local import SourceError, read
from generator.validation.validate import validate

from .conftest import check_grid, small_grid, write_csv, write_xlsx

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def test_csv_and_typed_xlsx_give_identical_tables(tmp_path: Path, schema: Schema) -> None:
    csv_report = check_grid(small_grid(), tmp_path / "a", "csv")
    xlsx_report = check_grid(small_grid(), tmp_path / "b", "xlsx")
    assert csv_report.issues == xlsx_report.issues == []
    for name in schema.table_names:
        assert csv_report.tables[name].columns == xlsx_report.tables[name].columns, name
        assert csv_report.tables[name].row_numbers == xlsx_report.tables[name].row_numbers


def test_demo_as_xlsx_validates_like_the_csv(tmp_path: Path, schema: Schema) -> None:
    import csv

    grid = {}
    for path in sorted(DEMO.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            grid[path.stem] = list(csv.reader(stream))
    from_csv = validate(read(DEMO, schema.table_names), schema)
    from_xlsx = validate(read(write_xlsx(grid, tmp_path / "demo.xlsx"), schema.table_names), schema)
    assert from_csv.valid and from_xlsx.valid
    for name in schema.table_names:
        assert from_csv.tables[name].columns == from_xlsx.tables[name].columns, name


def test_csv_with_byte_order_mark(tmp_path: Path, schema: Schema) -> None:
    folder = write_csv(small_grid(), tmp_path / "book")
    path = folder / "Sales.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    report = validate(read(folder, schema.table_names), schema)
    assert report.issues == []
    assert report.tables["Sales"].columns["sale_id"] == ["S1", "S2"]


def test_csv_in_windows_1250_is_an_issue_not_a_crash(tmp_path: Path, schema: Schema) -> None:
    grid = small_grid()
    grid["Clients"][2][1] = "Žluťoučký kůň"
    folder = write_csv(grid, tmp_path / "book")
    path = folder / "Clients.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1250"))
    report = validate(read(folder, schema.table_names), schema)
    assert [(i.code, i.tab, i.row) for i in report.issues] == [("source-unreadable", "Clients", 3)]
    assert "save or export it as CSV UTF-8" in report.issues[0].message


def test_semicolon_separated_csv(tmp_path: Path, schema: Schema) -> None:
    folder = write_csv(small_grid(), tmp_path / "book")
    path = folder / "Rates.csv"
    path.write_text("currency;rate\nUSD;0,9\n", encoding="utf-8")
    report = validate(read(folder, schema.table_names), schema)
    assert [(i.code, i.tab, i.row) for i in report.issues] == [("csv-delimiter", "Rates", 1)]
    assert "semicolons" in report.issues[0].message


def test_empty_folder_reports_every_required_tab(tmp_path: Path, schema: Schema) -> None:
    (tmp_path / "empty").mkdir()
    report = validate(read(tmp_path / "empty", schema.table_names), schema)
    required = [table.name for table in schema.tables if table.required]
    assert [(i.code, i.tab) for i in report.issues] == [("missing-tab", name) for name in required]


def test_empty_xlsx_workbook(tmp_path: Path, schema: Schema) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.save(tmp_path / "empty.xlsx")
    report = validate(read(tmp_path / "empty.xlsx", schema.table_names), schema)
    assert {i.code for i in report.issues} == {"missing-tab"}


def test_blank_tab_counts_as_absent(tmp_path: Path, schema: Schema) -> None:
    folder = write_csv(small_grid(), tmp_path / "book")
    (folder / "Contracts.csv").write_text("\n\n", encoding="utf-8")
    (folder / "Complaints.csv").write_text("", encoding="utf-8")
    report = validate(read(folder, schema.table_names), schema)
    # Contracts is required; Complaints is optional, so its blank file is no problem.
    assert [(i.code, i.tab) for i in report.issues] == [("missing-tab", "Contracts")]


def test_tab_name_in_wrong_case_gets_a_hint(tmp_path: Path, schema: Schema) -> None:
    folder = write_csv(small_grid(), tmp_path / "book")
    (folder / "Rates.csv").rename(folder / "rates.csv")
    (folder / "Sales.csv").rename(folder / "sales.csv")
    report = validate(read(folder, schema.table_names), schema)
    assert [(i.code, i.tab) for i in report.issues] == [("missing-tab", "Sales")]
    assert "a tab named 'sales' exists, and tab names are exact" in report.issues[0].message


def test_ragged_rows_are_padded(tmp_path: Path, schema: Schema) -> None:
    folder = write_csv(small_grid(), tmp_path / "book")
    (folder / "Rates.csv").write_text("currency,rate\nUSD,0.9\nCZK\n", encoding="utf-8")
    report = validate(read(folder, schema.table_names), schema)
    assert [(i.code, i.cell) for i in report.issues] == [("missing-value", "Rates!B3")]


def test_multiline_cell_keeps_row_numbers(tmp_path: Path, schema: Schema) -> None:
    grid = small_grid()
    grid["Complaints"][1][5] = "line one\nline two"
    grid["Complaints"].append(["R2", "C1", "not a date", "", "low", "", ""])
    report = check_grid(grid, tmp_path)
    assert [(i.code, i.cell) for i in report.issues] == [("type-error", "Complaints!C3")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing", None, "no such file or folder"),
        ("book.xlsx", b"this is not a zip file", "cannot be opened as an .xlsx workbook"),
        ("book.ods", b"whatever", "not a source Accountbook reads"),
    ],
)
def test_unreadable_sources_raise_source_error(
    tmp_path: Path, schema: Schema, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        read(path, schema.table_names)


def test_typed_xlsx_values_arrive_typed(tmp_path: Path, schema: Schema) -> None:
    import openpyxl

    path = write_xlsx(small_grid(), tmp_path / "book.xlsx")
    sheet = openpyxl.load_workbook(path)["Sales"]
    assert sheet["B2"].is_date and sheet["H2"].data_type == "n"  # the fixture is really typed
    workbook = read(path, schema.table_names)
    assert workbook.sheets["Sales"].rows[0][7] == 100.5


def _texts_shared(rows: Any, column: int) -> bool:
    """Whether every text of ``column`` that repeats is one object, not a copy per cell."""
    objects: dict[str, set[int]] = {}
    for row in rows:
        if isinstance(row[column], str):
            objects.setdefault(row[column], set()).add(id(row[column]))
    assert any(len([r for r in rows if r[column] == text]) > 1 for text in objects)
    return all(len(ids) == 1 for ids in objects.values())


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_repeated_texts_of_a_tab_are_read_once(
    tmp_path: Path, schema: Schema, kind: str
) -> None:
    # A million-row tab repeats a few texts (dates, ids, statuses) in every row: one copy of
    # each is kept, not one per cell (see sources.local.cell_sharer).
    import csv

    grid = {}
    for path in sorted(DEMO.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            grid[path.stem] = list(csv.reader(stream))
    location = DEMO if kind == "csv" else write_xlsx(grid, tmp_path / "demo.xlsx")
    sales = read(location, schema.table_names).sheets["Sales"]
    client = sales.header.index("client_id")
    assert _texts_shared(sales.rows, client)
    assert _texts_shared(sales.rows, sales.header.index("currency"))
    # The values are those of the file, as before.
    with (DEMO / "Sales.csv").open(encoding="utf-8", newline="") as stream:
        expected = [row[client] for row in list(csv.reader(stream))[1:] if any(row)]
    assert [row[client] for row in sales.rows] == expected
