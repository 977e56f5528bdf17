"""Downloads, read back with openpyxl: the numbers, the formats, the charts, and nothing unsafe."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.config import Config
from generator.contract.schema import load_schema
from generator.csvfile import neutralised
from generator.downloads.export import downloads, kpis_workbook, manager_workbook, xlsxwriter_book
from generator.downloads.xlsx import TableWorkbook
from generator.kpi import compute
from generator.model import build_model
from generator.sources.local import read
from generator.validation.validate import validate

from .conftest import set_cell, small_grid, write_csv
from .test_site import DEMO

AS_OF = date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo_files() -> dict[str, str | bytes]:
    schema = load_schema()
    model = build_model(validate(read(DEMO, schema.table_names), schema), "EUR")
    return downloads(model, compute(model, AS_OF), Config(source=str(DEMO)))


def _book(content: str | bytes) -> openpyxl.Workbook:
    assert isinstance(content, bytes)
    return openpyxl.load_workbook(io.BytesIO(content))


def test_kpis_workbook_equals_kpis_csv(demo_files: dict[str, str | bytes]) -> None:
    book = _book(demo_files["kpis.xlsx"])
    assert book.sheetnames == [
        "Months", "Months chart", "Quarters", "Quarters chart", "Years", "Years chart",
        "Plans and pace", "Changes", "Collection", "Contracts and schedule",
    ]  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(str(demo_files["kpis.csv"]))))
    from_book = {}
    for sheet in (book["Months"], book["Quarters"], book["Years"]):
        for values in sheet.iter_rows(min_row=2, values_only=True):
            from_book[(values[0], values[1] or "", values[3])] = values
    assert len(from_book) == len(rows)
    for row in rows:
        values = from_book[(row["scope"], row["manager_id"], row["period"])]
        assert Decimal(str(values[4])).quantize(Decimal("0.01")) == Decimal(row["revenue"])
        assert (values[6] is None) == (row["attainment"] == "")
        if row["attainment"]:
            assert round(Decimal(str(values[6])), 4) == Decimal(row["attainment"])
        assert values[7] == int(row["orders"])
        assert Decimal(str(values[13])).quantize(Decimal("0.01")) == Decimal(row["overdue"])
        # v2's columns: the forecast to the cent, the client plans as counts.
        assert (values[14] is None) == (row["forecast"] == "")
        if row["forecast"]:
            assert Decimal(str(values[14])).quantize(Decimal("0.01")) == Decimal(row["forecast"])
        assert values[15] == (
            int(row["active_clients_target"]) if row["active_clients_target"] else None
        )
        assert values[16] == (int(row["new_clients_target"]) if row["new_clients_target"] else None)


def test_kpis_workbook_is_formatted_like_by_hand(demo_files: dict[str, str | bytes]) -> None:
    sheet = _book(demo_files["kpis.xlsx"])["Months"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:Q")
    assert sheet["E2"].number_format == "#,##0.00"
    assert sheet["G2"].number_format == "0.0%"
    assert sheet["A1"].font.bold
    assert len(sheet.conditional_formatting) >= 1
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)  # numbers and text, never formulas


def _chart_xml(book_bytes: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(book_bytes)) as archive:
        return [
            archive.read(name).decode()
            for name in sorted(archive.namelist())
            if name.startswith("xl/charts/chart")
        ]


def test_kpis_workbook_charts_print_whole_on_sheets_of_their_own(
    demo_files: dict[str, str | bytes],
) -> None:
    book = _book(demo_files["kpis.xlsx"])
    # Each chart has a sheet to itself, beside its table: it prints on one page, never split
    # across two or shrunk to the table's width.
    assert [sheet.title for sheet in book.chartsheets] == [
        "Months chart", "Quarters chart", "Years chart",
    ]  # fmt: skip
    for sheet in book.chartsheets:
        assert len(sheet._charts) == 1  # noqa: SLF001 - openpyxl keeps loaded charts there
    assert all(not sheet._charts for sheet in book.worksheets)  # noqa: SLF001
    charts = _chart_xml(demo_files["kpis.xlsx"])  # type: ignore[arg-type]
    assert len(charts) == 3
    for chart in charts:
        # A title, a legend, both axes named, and amounts on the axis as 1,800,000 (not 1800000).
        assert "revenue against target" in chart and "<c:legend>" in chart
        assert "Revenue (EUR)" in chart and "Period" in chart
        assert 'formatCode="#,##0"' in chart


@pytest.mark.parametrize("name", ["kpis.xlsx", "managers/M004.xlsx", "clients/C00002.xlsx"])
def test_every_workbook_sheet_has_a_page_setup(
    demo_files: dict[str, str | bytes], name: str
) -> None:
    """Printed, every sheet is A4, one page wide (landscape where its columns are wide), with
    its header row repeated on every page and the workbook's title and page numbers."""
    book = _book(demo_files[name])  # type: ignore[arg-type]
    assert book.worksheets
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9, sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title
        widths = [
            sheet.column_dimensions[letter].width or 13
            for letter in (cell.column_letter for cell in sheet[1])
        ]
        wide = sum(widths) > 100
        assert setup.orientation == ("landscape" if wide else "portrait") or not wide, (
            sheet.title, setup.orientation, sum(widths),
        )  # fmt: skip
        assert "&P" in (sheet.oddFooter.center.text or ""), sheet.title
        assert sheet.oddHeader.left.text, sheet.title
    if name == "kpis.xlsx":
        assert book["Months"].page_setup.orientation == "landscape"


def test_workbook_headers_are_plain_words(demo_files: dict[str, str | bytes]) -> None:
    for name in ("managers/M004.xlsx", "clients/C00002.xlsx"):
        receivables = _book(demo_files[name])["Receivables"]  # type: ignore[arg-type]
        headers = [cell.value for cell in receivables[1]]
        assert "Open amount" in headers and "Days overdue band" in headers
        assert not [header for header in headers if "(base)" in str(header)]


def test_manager_and_client_workbooks(demo_files: dict[str, str | bytes]) -> None:
    review = _book(demo_files["managers/M004.xlsx"])
    assert review.sheetnames == [
        "Months",
        "Months chart",
        "Quarters",
        "Quarters chart",
        "Years",
        "Years chart",
        "Portfolio",
        "Receivables",
        "Contracts expiring",
        "Forecast",
        "Plans and pace",
        "Changes",
        "Collection",
        "Contracts and schedule",
        "Schedule",
        "Over credit limit",
    ]
    forecast = list(review["Forecast"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in forecast] == ["Run rate"] * 3 + ["Last year's rest"]
    assert all(row[3] >= row[2] for row in forecast)  # a forecast is at least what was sold so far
    # The run rate is kpis.csv's forecast, the same number in both.
    kpis = {
        row["period"]: row["forecast"]
        for row in csv.DictReader(io.StringIO(str(demo_files["kpis.csv"])))
        if row["scope"] == "manager" and row["manager_id"] == "M004"
    }
    for row in forecast[:3]:
        assert Decimal(str(row[3])).quantize(Decimal("0.01")) == Decimal(kpis[row[1]])
    dossier = _book(demo_files["clients/C00002.xlsx"])
    assert dossier.sheetnames == ["Contracts", "Sales", "Receivables", "Complaints"]
    assert dossier["Contracts"]["A2"].value == "K-2024-00002"
    ages = {row[6] for row in dossier["Receivables"].iter_rows(min_row=2, values_only=True)}
    assert "90+" in ages


def test_personal_data_is_absent_by_default(demo_files: dict[str, str | bytes]) -> None:
    schema = load_schema()
    tables = validate(read(DEMO, schema.table_names), schema).tables
    emails = {value for value in tables["Clients"].columns["contact_email"] if value}
    for name, content in demo_files.items():
        if isinstance(content, bytes):
            text = " ".join(
                str(cell)
                for sheet in _book(content)
                for row in sheet.iter_rows(values_only=True)
                for cell in row
            )
        else:
            text = content
        assert not [email for email in emails if email in text], name
    portfolio = _book(demo_files["managers/M004.xlsx"])["Portfolio"]
    assert [cell.value for cell in portfolio[1]][-1] == "Credit limit"


def test_spreadsheet_text_arrives_as_text(tmp_path: Path) -> None:
    grid = small_grid()
    set_cell(grid, "Clients!B2", '=HYPERLINK("http://x.example","y")')
    set_cell(grid, "Clients!B3", "{=1+1}")
    set_cell(grid, "Sales!F3", "http://example.com/product")
    set_cell(grid, "Clients!F2", "@SUM(A1)")
    schema = load_schema()
    report = validate(read(write_csv(grid, tmp_path / "b"), schema.table_names), schema)
    model = build_model(report, "EUR")
    files = downloads(model, compute(model, AS_OF), Config(source="b"))
    contracts = _book(files["clients/C1.xlsx"])
    portfolio = _book(files["managers/M2.xlsx"])["Portfolio"]
    names = [row[1] for row in portfolio.iter_rows(min_row=2, values_only=True)]
    assert names == ['=HYPERLINK("http://x.example","y")', "{=1+1}"]
    for row in portfolio.iter_rows(min_row=2):
        assert row[1].data_type == "s" and row[1].hyperlink is None
    product = next(_book(files["clients/C2.xlsx"])["Sales"].iter_rows(min_row=2, values_only=True))[
        2
    ]
    assert product == "http://example.com/product"
    assert all(cell.hyperlink is None for row in contracts["Contracts"].iter_rows() for cell in row)
    lines = str(files["clients.csv"]).splitlines()
    assert lines[1].startswith('C1,"\'=HYPERLINK(""http://x.example"",""y"")",M2')
    assert ",'@SUM(A1)," in lines[1]


def test_table_workbook_writes_every_kind_of_value_as_itself() -> None:
    book = TableWorkbook("A <title> & more", date(2026, 3, 31))
    hostile = [
        '=HYPERLINK("http://x","y")', "{=1+1}", "http://example.com", "+1", "  padded  ",
        "bell\x07 and tab\t", "_x0041_ stays", "Ελληνικά, čeština", "x" * 40_000,
    ]  # fmt: skip
    book.sheet("Values", ("Text", "Money", "Count", "Day", "Yes"), [
        (hostile[0], Decimal("1234.565"), 3, date(2026, 3, 31), True),
        *((text, None, None, None, False) for text in hostile[1:]),
        ("", Decimal("-0.10"), 0, date(1900, 3, 1), None),
    ])  # fmt: skip
    book.sheet("It's quoted", ("A",), [])
    content = book.close()
    # The archive is written by our own code: every part's checksum and size are right.
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        assert [info.compress_type for info in archive.infolist()] == [zipfile.ZIP_DEFLATED] * 8
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    workbook = _book(content)
    assert workbook.properties.title == "A <title> & more"
    sheet = workbook["Values"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E11"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb == "FFDCE6F1"
    texts = [row[0] for row in sheet.iter_rows(min_row=2, max_row=10, values_only=True)]
    assert texts[:5] == hostile[:5] and texts[7] == "Ελληνικά, čeština"
    # Characters XML cannot hold are written as Excel's escapes, and text that looks like one
    # is escaped itself, so Excel shows both as written (openpyxl shows inline strings raw).
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml").decode()
    assert ">bell_x0007_ and tab\t<" in sheet_xml and ">_x005F_x0041_ stays<" in sheet_xml
    assert texts[8] == "x" * 32_767  # the most a cell holds
    assert all(cell.data_type == "s" and cell.hyperlink is None for cell in sheet["A"][1:10])
    # Money to the cent by the one rule of every page and file: 1234.565 is 1234.57.
    assert sheet["B2"].value == 1234.57 and sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].value == 3 and sheet["E2"].value is True and sheet["E3"].value is False
    assert (
        sheet["D2"].value.date() == date(2026, 3, 31)
        and sheet["D2"].number_format == "yyyy\\-mm\\-dd"
    )
    assert sheet["D11"].value.date() == date(1900, 3, 1) and sheet["B11"].value == -0.1
    assert sheet["A11"].value is None and sheet["E11"].value is None
    assert workbook.sheetnames == ["Values", "It's quoted"]
    # Nothing in a workbook depends on the clock: the same tables give the same bytes.
    twice = []
    for _ in range(2):
        same = TableWorkbook("t", date(2026, 1, 1))
        same.sheet("S", ("A", "B"), [("x", Decimal(1))])
        twice.append(same.close())
    assert twice[0] == twice[1]


def test_neutralised_cells() -> None:
    texts = ("=1", "+1", "-1+1", "@x", "\tx", "\rx", "plain", None, "-12.50", "-3", "=-1", "-1e5")
    assert [neutralised(text) for text in texts] == [
        "'=1", "'+1", "'-1+1", "'@x", "'\tx", "'\rx", "plain", "", "-12.50", "-3", "'=-1", "'-1e5",
    ]  # a plain number (an amount, a return) is no formula and keeps its sign  # fmt: skip


def test_same_input_same_bytes(demo_files: dict[str, str | bytes]) -> None:
    schema = load_schema()
    model = build_model(validate(read(DEMO, schema.table_names), schema), "EUR")
    again = kpis_workbook(model, compute(model, AS_OF))
    assert again == demo_files["kpis.xlsx"]


def test_export_command(tmp_path: Path) -> None:
    runner = CliRunner()
    for output_format, expected in (
        (
            "csv",
            [
                "clients.csv",
                "complaints.csv",
                "contracts.csv",
                "interactions.csv",
                "kpis.csv",
                "managers.csv",
                "receivables.csv",
                "sales-by-month.csv",
            ],
        ),  # fmt: skip
        ("json", ["kpis.json"]),
    ):
        out = tmp_path / output_format
        result = runner.invoke(
            cli,
            [
                "export",
                "--source",
                str(DEMO),
                "--as-of",
                "2026-11-22",
                "--format",
                output_format,
                "--out",
                str(out),
            ],
        )
        assert result.exit_code == 0, result.output
        # The marker that lets the next export replace the folder, and the files.
        assert sorted(path.name for path in out.iterdir()) == [".accountbook-export", *expected]
    xlsx = tmp_path / "xlsx"
    result = runner.invoke(
        cli, ["export", "--source", str(DEMO), "--as-of", "2026-11-22", "--out", str(xlsx)]
    )
    assert result.exit_code == 0
    assert len(list((xlsx / "clients").glob("*.xlsx"))) == 60 and (xlsx / "kpis.xlsx").is_file()


def test_a_spreadsheet_program_opens_the_workbook(
    demo_files: dict[str, str | bytes], tmp_path: Path
) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed; .ci/run installs libreoffice-calc")
        pytest.skip(
            "LibreOffice is not installed here (apt-get install libreoffice-calc); CI runs it"
        )
    # kpis.xlsx comes from xlsxwriter; a manager's review (with its charts) and a client's
    # dossier from our own writer (xlsx.py).
    paths = [tmp_path / "kpis.xlsx", tmp_path / "M004.xlsx", tmp_path / "C00002.xlsx"]
    paths[0].write_bytes(demo_files["kpis.xlsx"])  # type: ignore[arg-type]
    paths[1].write_bytes(demo_files["managers/M004.xlsx"])  # type: ignore[arg-type]
    paths[2].write_bytes(demo_files["clients/C00002.xlsx"])  # type: ignore[arg-type]
    result = subprocess.run(
        [
            office,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, paths),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    for path in paths:
        pdf = tmp_path / "pdf" / path.with_suffix(".pdf").name
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), result.stdout + result.stderr


def test_dossier_tables_as_csv_match_the_pages(demo_files: dict[str, str | bytes]) -> None:
    months = [
        row
        for row in csv.DictReader(io.StringIO(str(demo_files["sales-by-month.csv"])))
        if row["client_id"] == "C00002"
    ]
    assert [row["month"] for row in months][-3:] == ["2026-01", "2026-03", "2026-11"]
    assert months[-1] == {
        "client_id": "C00002",
        "month": "2026-11",
        "orders": "1",
        "revenue": "27300.00",
        "returns": "0.00",
    }
    contracts = list(csv.DictReader(io.StringIO(str(demo_files["contracts.csv"]))))
    assert len(contracts) == 80
    interactions = csv.DictReader(io.StringIO(str(demo_files["interactions.csv"])))
    assert interactions.fieldnames == [
        "date",
        "client_id",
        "manager_id",
        "kind",
        "status",
    ]  # internal summaries stay out


def _workbook_as_read(content: bytes) -> dict[str, Any]:
    """What openpyxl reads of a workbook: every cell with its format, every sheet's layout and
    print setup, the conditional formats and the charts."""
    book = _book(content)
    seen: dict[str, Any] = {"sheets": book.sheetnames}
    for sheet in book.worksheets:
        widths = {
            column: dimension.width
            for dimension in sheet.column_dimensions.values()
            if dimension.customWidth
            for column in range(dimension.min, dimension.max + 1)
        }
        setup = sheet.page_setup
        seen[sheet.title] = {
            # Excel writes the hyphens of a date format escaped (yyyy\-mm\-dd): the same format.
            "cells": [
                [
                    (
                        cell.value,
                        cell.number_format.replace("\\", ""),
                        bool(cell.font.b),
                        cell.fill.fgColor.rgb if cell.fill.fill_type else None,
                        bool(cell.alignment.wrap_text),
                        cell.border.left.style,
                    )
                    for cell in row
                ]
                for row in sheet.iter_rows()
            ],
            "layout": (sheet.freeze_panes, sheet.auto_filter.ref, widths, sheet.print_title_rows),
            "print": (
                setup.paperSize,
                setup.orientation,
                setup.fitToWidth in (None, 1),
                setup.fitToHeight,
                sheet.sheet_properties.pageSetUpPr.fitToPage,
                sheet.oddHeader.left.text,
                sheet.oddHeader.right.text,
                sheet.oddFooter.center.text,
            ),
            "colours": [
                (
                    str(formats.sqref),
                    [
                        (
                            r.type,
                            r.operator,
                            r.formula,
                            r.dxf.font.color.rgb,
                            r.dxf.fill.bgColor.rgb,
                        )
                        for r in formats.rules
                    ],
                )
                for formats in sheet.conditional_formatting
            ],
        }
    for sheet in book.chartsheets:
        charts = sheet._charts  # noqa: SLF001 - openpyxl keeps loaded charts there
        seen[sheet.title] = {
            "print": (sheet.pageSetup.paperSize, sheet.pageSetup.orientation),
            "header": sheet.oddHeader.left.text,
            "charts": [
                (
                    chart.tagname,
                    [c.tagname for c in chart._charts],  # noqa: SLF001 - bars and line
                    chart.title.tx.rich.p[0].r[0].t,
                    chart.x_axis.title.tx.rich.p[0].r[0].t,
                    chart.y_axis.title.tx.rich.p[0].r[0].t,
                    chart.y_axis.numFmt.formatCode,
                    chart.legend.position,
                    [
                        (
                            s.tx.v,
                            (s.cat.numRef or s.cat.strRef).f,
                            s.val.numRef.f,
                        )
                        for c in chart._charts  # noqa: SLF001
                        for s in c.series
                    ],
                )
                for chart in charts
            ],
        }
    return seen


def test_a_managers_workbook_is_the_same_through_both_writers() -> None:
    """Managers' workbooks are written by our own writer (xlsx.py), for speed; kpis.xlsx by
    xlsxwriter. The same manager's workbook through both reads back the same: every cell, format,
    colour rule, print setting and chart."""
    schema = load_schema()
    model = build_model(validate(read(DEMO, schema.table_names), schema), "EUR")
    kpis = compute(model, AS_OF)
    for manager_id in ("M004", "M001"):
        sales = [sale for sale in model.sales if sale.manager_id == manager_id]
        ours = manager_workbook(model, kpis, manager_id, sales, Config(source="x"))
        theirs = manager_workbook(
            model, kpis, manager_id, sales, Config(source="x"), writer=xlsxwriter_book
        )
        read_ours, read_theirs = _workbook_as_read(ours), _workbook_as_read(theirs)
        assert read_ours["sheets"] == read_theirs["sheets"]
        for name in read_theirs["sheets"]:
            assert read_ours[name] == read_theirs[name], (manager_id, name)
        assert len(read_ours["Months chart"]["charts"]) == 1
        assert read_ours["Months"]["colours"], "the attainment is coloured"
        # A chart keeps a copy of what it shows, for programs that draw it before they
        # read the sheet: the same numbers as the cells it names.
        chart = _chart_xml(ours)[0]
        # Our workbooks have no theme part: each series, the grid and the axes name their colour,
        # or a program would draw them in none.
        assert chart.count("<a:srgbClr") >= 4
        assert chart.count("<c:ser>") == chart.count("<c:ser><c:idx") == 2
        months = _book(ours)["Months"]
        first_revenue = months["E2"].value
        assert f"<c:v>{first_revenue!r}</c:v>" in chart
