"""Read a workbook from where it lives: an ``.xlsx`` file or a folder of ``<Tab>.csv`` files.

Every reader returns the same :class:`Workbook`: for each tab its header and its non-empty rows of
raw cells, with the spreadsheet row number of each row so that issues can point at a cell. Readers
do not interpret values; :mod:`generator.cells` does. A new kind of source (the Google Sheets
reader) is a function ``(location, tabs) -> Workbook`` added to :func:`read`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..issues import Issue, issue
from ..memory import cycle_collection_paused

# A cell may hold 50,000 characters in Sheets; leave room beyond that, but not without bound.
csv.field_size_limit(10_000_000)


def cell_sharer() -> Callable[[Iterable[Any]], list[Any]]:
    """A function that gives a row's cells back with each text the one copy of it that every
    equal cell of the tab shares (make one per tab: its copies are let go of with it).

    A big tab holds the same few texts over and over (dates, amounts, client ids, statuses):
    750,000 sales are about 10 million cells and fewer than a million distinct texts. Shared as
    they are read, the repeats are let go of at once and their memory is reused for the next
    row, instead of being let go of together after validation, scattered among the texts that
    stay (memory the process then holds but cannot give back, and that a forked process copies).
    """
    copies: dict[str, str] = {}
    keep = copies.setdefault

    def shared(row: Iterable[Any]) -> list[Any]:
        return [keep(cell, cell) if cell.__class__ is str else cell for cell in row]

    return shared


def is_empty(value: Any) -> bool:
    """Whether a raw cell counts as empty: nothing, or only white space."""
    return value is None or (value.__class__ is str and not value.strip())


class SourceError(InputError):
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

    ``credentials`` and ``auth`` say how to sign in to Google (see :func:`generator.sources.sheets.connect`).
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
    keep: dict[str, str] = {}
    try:
        # Every cell is text: shared as cell_sharer shares them, without a look at each type.
        records = [list(map(keep.setdefault, row, row)) for row in reader]
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
    opened = _unclosed_quote(text, records)
    if opened is not None:
        problems.append(
            issue(
                "source-unreadable",
                f"{name}.csv: the quote that opens a cell in row {opened} is never closed, so "
                "every row after it would be read as part of that one cell; close the quote "
                '(write a quote inside a cell as two: "") or remove it',
                tab=name,
                row=opened,
                expected='a closing quote (")',
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


def _unclosed_quote(text: str, records: list[list[str]]) -> int | None:
    """The row (1-based record) whose quoted cell never closes, or None.

    Python's lenient reader takes an unclosed quote to run to the end of the file; only the
    last record can hold one, and only if it spans lines. Its lines are read again strictly.
    """
    if not records or '"' not in text:
        return None
    last = records[-1]
    if not any("\n" in cell or "\r" in cell for cell in last):
        return None
    lines = io.StringIO(text, newline="").readlines()
    spanned = sum(cell.count("\n") + cell.count("\r") - cell.count("\r\n") for cell in last)
    # From a line before the record's first (one more, in case its cell ends the file with a
    # line break): the lines before the record parse as whole records either way.
    tail = "".join(lines[max(0, len(lines) - spanned - 1) :])
    try:
        list(csv.reader(io.StringIO(tail, newline=""), strict=True))
    except csv.Error as error:
        return len(records) if "unexpected end of data" in str(error) else None
    return None


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
    formulas = _formulas_without_values(path, wanted)
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
            shared = cell_sharer()
            for number, row in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
                if number == 1:
                    header = ["" if cell is None else str(cell).strip() for cell in row]
                elif not all(map(is_empty, row)):
                    rows.append(shared(row))
                    numbers.append(number)
            while header and not header[-1]:
                header.pop()
            if header or rows:
                workbook.sheets[name] = Sheet(name, header, rows, numbers)
            workbook.problems += [
                issue(
                    "formula-without-value",
                    f"{name}!{reference} holds a formula whose result was never saved in the "
                    "file (typical of files written by a script), so its value is unknown; open "
                    "and save the file in a spreadsheet program, or type the value",
                    tab=name,
                    cell=f"{name}!{reference}",
                    row=int(reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
                    expected="a value, or a formula with its saved result",
                )
                for reference in formulas.get(name, ())
            ]
    except Exception as error:  # a damaged part of the file shows only while reading it
        raise SourceError(f"{path}: the workbook is damaged ({error})") from error
    finally:
        book.close()
    return workbook


# An .xlsx file is a zip archive: a small file can hold a sheet that expands to gigabytes (a
# "zip bomb") and would exhaust memory while read. Real sheets compress about 5 to 30 times.
LARGEST_PART = 2 << 30  # bytes, expanded
SUSPICIOUS_PART = 100 << 20  # bytes, expanded: above this, a part must not compress too well
SUSPICIOUS_RATIO = 100


def _formulas_without_values(path: Path, tabs: list[str]) -> dict[str, list[str]]:
    """The cells (``D17``) of each wanted tab that hold a formula but no saved result.

    Reading the file with openpyxl's ``data_only`` gives such a cell as empty, which would turn
    "paid 500" into "paid in full". Also refuses (:class:`SourceError`) an archive whose parts
    expand beyond reason, before anything is read from it.
    """
    import re
    import zipfile
    from xml.etree import ElementTree

    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise SourceError(f"{path}: cannot be opened as an .xlsx workbook ({error})") from error
    with archive:
        for info in archive.infolist():
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > LARGEST_PART or (
                info.file_size > SUSPICIOUS_PART and ratio > SUSPICIOUS_RATIO
            ):
                raise SourceError(
                    f"{path}: the part {info.filename} would expand to "
                    f"{info.file_size / (1 << 20):,.0f} MB ({ratio:,.0f} times its size in the "
                    "file), more than a real workbook holds; the file was not read. Save the "
                    "workbook again from a spreadsheet program, or export its tabs as CSV."
                )
        try:
            names = archive.namelist()
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return {}
            book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        except (ElementTree.ParseError, zipfile.BadZipFile, KeyError):
            return {}  # openpyxl says what is wrong with the file
        targets = {link.get("Id"): link.get("Target", "") for link in links}
        relation = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        found: dict[str, list[str]] = {}
        for sheet in book.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
            name, target = sheet.get("name", ""), targets.get(sheet.get(relation), "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if name not in tabs or part not in names:
                continue
            xml = archive.read(part)
            if b"<f" not in xml:
                continue  # values typed in, the usual case: nothing to look for
            cells = re.finditer(
                rb'<c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', xml, re.S
            )
            missing = [
                reference.decode()
                for reference, inner in (match.groups() for match in cells)
                if inner and b"<f" in inner and not re.search(rb"<v>[^<]", inner)
            ]
            if missing:
                found[name] = missing
        return found
