"""Read a workbook from where it lives: an ``.xlsx`` file or a folder of ``<Tab>.csv`` files.

Every reader returns the same :class:`Workbook`: for each tab its header and its non-empty rows of
raw cells, with the spreadsheet row number of each row so that issues can point at a cell. Readers
do not interpret values; :mod:`generator.cells` does. A new kind of source (the Google Sheets
reader) is a function ``(location, tabs) -> Workbook`` added to :func:`read`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cells import is_empty
from .issues import Issue, issue
from .memory import cycle_collection_paused

# A cell may hold 50,000 characters in Sheets; leave room beyond that, but not without bound.
csv.field_size_limit(10_000_000)


class CsvWriter:
    """Writes CSV as Accountbook reads it: comma-separated, "\\n" line ends, quoted where needed.

    Python's csv module does not quote a lone carriage return when lines end in "\\n", and such
    a cell then splits its row when read back; a row holding one is written fully quoted.
    """

    def __init__(self, stream: Any) -> None:
        self.plain = csv.writer(stream, lineterminator="\n")
        self.quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]) -> None:
        cells = list(row)
        carriage = any("\r" in cell for cell in cells if isinstance(cell, str))
        (self.quoted if carriage else self.plain).writerow(cells)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SourceError(Exception):
    """The source cannot be read at all (missing, not a workbook, no permission)."""


@dataclass
class Sheet:
    """One tab as read: header texts, non-empty rows of raw cells and their row numbers."""

    name: str
    header: list[str]
    rows: Sequence[Sequence[Any]]
    row_numbers: list[int]
    text_only: bool = False  # every cell is a str (CSV): lets validation skip a type check


@dataclass
class Workbook:
    """The tabs of a source that the contract asked for, plus what else was there."""

    location: str
    title: str = ""  # what the site calls the source: a sheet's or snapshot's title, a file name
    sheets: dict[str, Sheet] = field(default_factory=dict)
    other_tabs: list[str] = field(default_factory=list)
    problems: list[Issue] = field(default_factory=list)


def read(
    location: str | Path, tabs: Iterable[str], credentials: str | None = None, auth: str = "auto"
) -> Workbook:
    """Read the tabs named ``tabs`` from a Google Sheet, a folder of CSV files or an ``.xlsx`` file.

    ``credentials`` and ``auth`` say how to sign in to Google (see :func:`generator.sheets.connect`).
    """
    from . import sheets  # the Google libraries load only for a Google source

    key = sheets.spreadsheet_key(str(location))
    if key is not None:
        return sheets.read_sheet(key, tabs, sheets.connect(credentials, auth)).workbook
    path = Path(location)
    if path.is_dir():
        with cycle_collection_paused():
            return read_csv_folder(path, tabs)
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        with cycle_collection_paused():
            return read_xlsx(path, tabs)
    raise SourceError(
        f"{path}: not a source Accountbook reads; give an .xlsx workbook or a folder of <Tab>.csv files"
    )


def read_csv_folder(folder: Path, tabs: Iterable[str]) -> Workbook:
    """Read ``<Tab>.csv`` files (UTF-8, with or without a byte-order mark) from ``folder``."""
    wanted = list(tabs)
    try:
        present = {path.stem: path for path in folder.iterdir() if path.suffix.lower() == ".csv"}
    except OSError as error:
        raise SourceError(f"{folder}: cannot list the folder ({error.strerror})") from error
    workbook = Workbook(location=str(folder), title=_snapshot_title(folder) or folder.name)
    workbook.other_tabs = sorted(name for name in present if name not in wanted)
    for name in wanted:
        if name not in present:
            continue
        try:
            data = present[name].read_bytes()
        except OSError as error:
            raise SourceError(
                f"{present[name]}: cannot read the file ({error.strerror})"
            ) from error
        sheet = _csv_sheet(name, data, workbook.problems)
        if sheet is not None:
            workbook.sheets[name] = sheet
    return workbook


SNAPSHOT_FILE = "snapshot.json"


def _snapshot_title(folder: Path) -> str | None:
    """The spreadsheet title a pulled snapshot records, if the folder is one."""
    import json

    try:
        recorded = json.loads((folder / SNAPSHOT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    title = recorded.get("title") if isinstance(recorded, dict) else None
    return title if isinstance(title, str) and title else None


def _csv_sheet(name: str, data: bytes, problems: list[Issue]) -> Sheet | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(
            issue(
                "source-unreadable",
                f"{name}.csv is not UTF-8 text (first bad byte in row {line}); "
                "save or export it as CSV UTF-8",
                tab=name,
                row=line,
                value=repr(data[error.start : error.start + 4]),
                expected="UTF-8 text",
            )
        )
        return None
    first_line = text[: text.find("\n")] if "\n" in text else text
    if "," not in first_line and (";" in first_line or "\t" in first_line):
        separator = "semicolons" if ";" in first_line else "tabs"
        problems.append(
            issue(
                "csv-delimiter",
                f"{name}.csv is separated by {separator}; Accountbook reads comma-separated files",
                tab=name,
                row=1,
                expected="values separated by commas",
            )
        )
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        records = list(reader)
    except csv.Error as error:
        problems.append(
            issue(
                "source-unreadable",
                f"{name}.csv cannot be read as CSV near row {reader.line_num}: {error}",
                tab=name,
                row=reader.line_num,
                expected="well-formed CSV",
            )
        )
        return None
    header = [cell.strip() for cell in records[0]] if records else []
    rows, numbers = _non_empty(records)
    while header and not header[-1]:
        header.pop()
    if not header and not rows:
        return None  # an entirely blank tab counts as absent
    return Sheet(name=name, header=header, rows=rows, row_numbers=numbers, text_only=True)


def _non_empty(records: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    """The rows after the header that hold something, with their 1-based row numbers."""
    # Most rows start with an id, so one look at the first cell settles them; only the others
    # are looked at whole.
    blank = [
        number
        for number, row in enumerate(records)
        if number and not (row and row[0] and not row[0].isspace()) and not "".join(row).strip()
    ]
    if not blank:
        return records[1:], list(range(2, len(records) + 1))
    skipped = set(blank)
    kept = [number for number in range(1, len(records)) if number not in skipped]
    return [records[number] for number in kept], [number + 1 for number in kept]


def read_xlsx(path: Path, tabs: Iterable[str]) -> Workbook:
    """Read the tabs of an ``.xlsx`` workbook with their typed cells (numbers, dates, booleans)."""
    import openpyxl  # imported here: it takes a noticeable time and CSV sources never need it

    wanted = list(tabs)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise SourceError(f"{path}: cannot be opened as an .xlsx workbook ({error})") from error
    workbook = Workbook(location=str(path), title=path.name)
    try:
        workbook.other_tabs = sorted(name for name in book.sheetnames if name not in wanted)
        for name in wanted:
            if name not in book.sheetnames:
                continue
            worksheet = book[name]
            rows: list[Sequence[Any]] = []
            numbers: list[int] = []
            header: list[str] = []
            for number, row in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
                if number == 1:
                    header = ["" if cell is None else str(cell).strip() for cell in row]
                elif not all(map(is_empty, row)):
                    rows.append(row)
                    numbers.append(number)
            while header and not header[-1]:
                header.pop()
            if header or rows:
                workbook.sheets[name] = Sheet(name, header, rows, numbers)
    except Exception as error:  # a damaged part of the file shows only while reading it
        raise SourceError(f"{path}: the workbook is damaged ({error})") from error
    finally:
        book.close()
    return workbook
