"""The template workbook, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner

from generator.cli import cli
from generator.contract.schema import Schema
from generator.contract.template import write_template
from generator.sources.local import read
from generator.validation.validate import validate


def test_template_has_a_tab_per_table_with_explained_headers(
    tmp_path: Path, schema: Schema
) -> None:
    path = write_template(schema, tmp_path / "template.xlsx")
    book = openpyxl.load_workbook(path)
    # A tab per table, then the hidden list of currencies the dropdowns offer.
    assert book.sheetnames == [*schema.table_names, "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    for table in schema.tables:
        sheet = book[table.name]
        assert sheet.freeze_panes == "A2"
        header = [cell.value for cell in sheet[1]]
        assert header == list(table.field_names)
        for cell, column in zip(sheet[1], table.fields, strict=True):
            assert cell.font.bold
            assert cell.comment is not None
            assert cell.comment.text.startswith(f"{column.name} (")
            assert column.description in cell.comment.text


def test_template_dropdowns_and_formats(tmp_path: Path, schema: Schema) -> None:
    book = openpyxl.load_workbook(write_template(schema, tmp_path / "t.xlsx", rows=50))
    clients = book["Clients"]
    lists = {
        str(rule.sqref): rule.formula1
        for rule in clients.data_validations.dataValidation
        if rule.type == "list"
    }
    assert lists == {
        "C2:C51": "'Managers'!$A$2:$A$51",  # manager_id: the Managers tab's ids
        "D2:D51": '"key,corporate,smb,retail"',
        "E2:E51": '"prospect,active,paused,churned"',
    }
    managers = book["Managers"]
    boolean = [r for r in managers.data_validations.dataValidation if r.formula1 == '"TRUE,FALSE"']
    assert [str(r.sqref) for r in boolean] == ["H2:H51"]
    sales = book["Sales"]
    references = {
        str(rule.sqref): rule.formula1
        for rule in sales.data_validations.dataValidation
        if rule.type == "list"
    }
    assert references == {
        "C2:C51": "'Clients'!$A$2:$A$51",
        "D2:D51": "'Contracts'!$A$2:$A$51",
        "E2:E51": "'Managers'!$A$2:$A$51",
        "I2:I51": f"'Lists'!$A$2:$A${1 + book['Lists'].max_row - 1}",
    }
    codes = [row[0] for row in book["Lists"].iter_rows(min_row=2, values_only=True)]
    assert {"EUR", "USD", "CZK", "PHP"} <= set(codes) and codes == sorted(codes)
    roles = {
        str(rule.sqref): rule.formula1
        for rule in book["Managers"].data_validations.dataValidation
        if rule.type == "list"
    }
    assert roles["D2:D51"] == "'Roles'!$A$2:$A$51" and roles["E2:E51"] == "'Managers'!$A$2:$A$51"
    assert _number_format(sales, 2) == "yyyy-mm-dd"  # date
    assert _number_format(sales, 8) == "#,##0.00"  # amount
    assert _number_format(sales, 1) == "@"  # sale_id: text, so an id like 0012 keeps its zeros
    note = sales["C1"].comment.text
    assert "- required" in note and "- must exist in Clients.client_id" in note


def _number_format(sheet: Any, column: int) -> str:
    # openpyxl merges neighbouring columns of equal format into one dimension entry.
    for dimension in sheet.column_dimensions.values():
        if dimension.min <= column <= dimension.max:
            return str(dimension.number_format)
    raise AssertionError(f"no dimension for column {column}")


def test_empty_template_is_a_valid_workbook(tmp_path: Path, schema: Schema) -> None:
    path = write_template(schema, tmp_path / "t.xlsx")
    report = validate(read(path, schema.table_names), schema)
    assert report.issues == []


def test_template_is_byte_identical_each_time(tmp_path: Path, schema: Schema) -> None:
    first = write_template(schema, tmp_path / "a.xlsx").read_bytes()
    second = write_template(schema, tmp_path / "b.xlsx").read_bytes()
    assert first == second


def test_template_command(tmp_path: Path) -> None:
    out = tmp_path / "new.xlsx"
    result = CliRunner().invoke(cli, ["template", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "Roles"
    assert not list(tmp_path.glob(".*partial"))
