"""Write an empty, ready-to-fill workbook generated from the contract."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

from .docs import column_note
from .schema import Field, Schema, Table

# A fixed creation date keeps the file byte-identical from one run to the next.
# xlsx has no time zones: its dates are naive by definition.
_CREATED = datetime(2026, 1, 1)  # noqa: DTZ001
_BOOLEAN_CHOICES = ["TRUE", "FALSE"]
_NUMBER_FORMATS = {"date": "yyyy-mm-dd", "number": "#,##0.00", "integer": "0"}


# A document property that marks a workbook as a blank template of ours (see is_template).
TEMPLATE_PROPERTY = "Accountbook template"


def is_template(path: Path) -> bool:
    """Whether ``path`` is a template this command wrote: it may be overwritten without --force.

    A template once filled in and saved by a spreadsheet program keeps the property, so only a
    workbook with no data rows (every tab's header alone) counts.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            custom = archive.read("docProps/custom.xml").decode("utf-8", "replace")
            if TEMPLATE_PROPERTY not in custom:
                return False
            # The hidden list of currencies has rows of its own: it is not data.
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            lists = re.search(rf'<sheet name="{LISTS_TAB}" sheetId="(\d+)"', book)
            skip = f"xl/worksheets/sheet{lists[1]}.xml" if lists else ""
            sheets = [
                name
                for name in archive.namelist()
                if name.startswith("xl/worksheets/s") and name != skip
            ]
            return all('r="2"' not in _sheet_rows(archive.read(name)) for name in sheets)
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _sheet_rows(xml: bytes) -> str:
    start = xml.find(b"<sheetData")
    return xml[start : xml.find(b"</sheetData>")].decode("utf-8", "replace")


def write_template(schema: Schema, path: Path, rows: int = 1000) -> Path:
    """Write the template to ``path``: a tab per table, headers with notes, dropdowns, formats."""
    # Write next to the target and rename, so a failure never leaves half a file behind.
    partial = path.with_name(f".{path.name}.partial")
    workbook = xlsxwriter.Workbook(
        str(partial), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    try:
        workbook.set_properties(
            {"title": "Accountbook workbook", "created": _CREATED, "author": "Accountbook"}
        )
        workbook.set_custom_property(TEMPLATE_PROPERTY, "blank")
        header = workbook.add_format(
            {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True}
        )
        formats = {
            kind: workbook.add_format({"num_format": code})
            for kind, code in _NUMBER_FORMATS.items()
        }
        text = workbook.add_format({"num_format": "@"})
        lists = _Lists(schema, rows)
        for table in schema.tables:
            sheet = workbook.add_worksheet(table.name)
            sheet.freeze_panes(1, 0)
            for position, column in enumerate(table.fields):
                sheet.write_string(0, position, column.name, header)
                sheet.write_comment(
                    0, position, column_note(table, column), {"x_scale": 2.2, "y_scale": 2.5}
                )
                cell_format = formats.get(column.type, text)
                sheet.set_column(position, position, _width(column), cell_format)
                _add_validation(sheet, table, column, position, rows, lists)
        # The currencies a dropdown offers, on a hidden tab of their own (a list written into
        # the validation itself may not exceed 255 characters). Not a tab of the contract, so
        # a check ignores it.
        hidden = workbook.add_worksheet(LISTS_TAB)
        hidden.write_string(0, 0, "currency", header)
        for row, code in enumerate(CURRENCIES, start=1):
            hidden.write_string(row, 0, code)
        hidden.hide()
        workbook.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return path


def _width(column: Field) -> int:
    return max(len(column.name) + 4, 14 if column.type in ("date", "number") else 12)


LISTS_TAB = "Lists"


def _currencies() -> tuple[str, ...]:
    """The ISO 4217 codes a currency dropdown offers: every current one CLDR knows."""
    from babel.numbers import list_currencies

    return tuple(sorted(code for code in list_currencies() if len(code) == 3 and code.isupper()))


CURRENCIES = _currencies()


class _Lists:
    """Where each reference column's dropdown takes its values: the key column of the tab it
    refers to (``Clients!$A$2:$A$1001`` for Sales.client_id), and the currencies' hidden tab."""

    def __init__(self, schema: Schema, rows: int) -> None:
        self.sources: dict[tuple[str, str], str] = {}
        for table in schema.tables:
            for key in table.foreign_keys:
                if len(key.fields) != 1:
                    continue
                target = schema.table(key.target)
                letter = xl_col_to_name(list(target.field_names).index(key.target_fields[0]))
                self.sources[(table.name, key.fields[0])] = (
                    f"='{target.name}'!${letter}$2:${letter}${rows + 1}"
                )
        self.currencies = f"='{LISTS_TAB}'!$A$2:$A${len(CURRENCIES) + 1}"

    def source(self, table: Table, column: Field) -> tuple[str, str] | None:
        """The range a column's dropdown lists, and what to call it in a message."""
        found = self.sources.get((table.name, column.name))
        if found is not None:
            target = next(k for k in table.foreign_keys if k.fields == (column.name,))
            return found, f"a {target.target_fields[0]} of the {target.target} tab"
        if column.type == "currency":
            return self.currencies, "an ISO 4217 currency code such as EUR"
        return None


def _add_validation(
    sheet: xlsxwriter.worksheet.Worksheet,
    table: Table,
    column: Field,
    position: int,
    rows: int,
    lists: _Lists,
) -> None:
    choices = list(column.enum) or (_BOOLEAN_CHOICES if column.type == "boolean" else [])
    reference = lists.source(table, column)
    if reference is not None and not choices:
        source, what = reference
        sheet.data_validation(
            1,
            position,
            rows,
            position,
            {
                "validate": "list",
                "source": source,
                "input_title": column.name[:32],
                "input_message": f"Pick {what}."[:255],
                "error_title": "Not in the list",
                "error_message": f"{column.name} must be {what}."[:255],
            },
        )
    elif choices:
        sheet.data_validation(
            1,
            position,
            rows,
            position,
            {
                "validate": "list",
                "source": choices,
                "input_title": column.name[:32],
                "input_message": ", ".join(choices)[:255],
                "error_title": "Not an allowed value",
                "error_message": f"{column.name} must be one of: {', '.join(choices)}"[:255],
            },
        )
    elif column.type == "date":
        sheet.data_validation(
            1,
            position,
            rows,
            position,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": datetime(1900, 1, 1),  # noqa: DTZ001
                "maximum": datetime(2199, 12, 31),  # noqa: DTZ001
                "error_title": "Not a date",
                "error_message": f"{column.name} must be a date such as 2026-03-31",
            },
        )
    elif column.type in ("number", "integer") and column.minimum is not None:
        sheet.data_validation(
            1,
            position,
            rows,
            position,
            {
                "validate": "decimal" if column.type == "number" else "integer",
                "criteria": ">=",
                "value": float(column.minimum),
                "error_title": "Too small",
                "error_message": f"{column.name} must be at least {column.minimum}",
            },
        )
