"""CSV as Accountbook writes it: the snapshots it reads back, and the downloads people open.

A download's cells go through one formula neutraliser (:func:`neutralised`), whatever the
column: a spreadsheet program shows each as text, never runs it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

# What a spreadsheet program reads as the start of a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number is no formula, and keeps its sign: -12.50 stays a number.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def neutralised(value: Any) -> str:
    """A cell that a spreadsheet program will show as text, never run (OWASP): text that
    starts like a formula gets a leading apostrophe; plain numbers stay as they are."""
    text = "" if value is None else str(value)
    if text[:1] in _FIRST and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


_FIRST = frozenset(_FORMULA_START)


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
        try:
            carriage = "\r" in "".join(cells)  # most rows: text only
        except TypeError:
            carriage = any("\r" in cell for cell in cells if isinstance(cell, str))
        (self.quoted if carriage else self.plain).writerow(cells)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def download_csv(header: Sequence[str], rows: Iterable[Iterable[Any]]) -> str:
    """A CSV download: every cell, header included, through :func:`neutralised`."""
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(map(neutralised, header))
    for row in rows:
        writer.writerow(map(neutralised, row))
    return out.getvalue()
