"""Turn raw cell values into typed values, a whole column at a time.

A cell arrives either typed (numbers, dates and booleans from an ``.xlsx`` file or the Sheets API)
or as text (from CSV). Both must give the same result, so every parser accepts both. Parsers work
on whole columns because validation of a million-row tab spends nearly all its time here: the loops
are written for speed, with the rare slow cases pushed into helper functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

# What a spreadsheet shows in a cell whose formula failed. Such a cell is never a value.
ERROR_VALUES = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#ERROR!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
    }
)

# Dates outside this range are typing mistakes (a year 226 or 20266), not real business dates.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
_SERIAL_EPOCH = date(
    1899, 12, 30
)  # Sheets and Excel count days from here (Excel's 1900 bug included)
_MAX_SERIAL = (date(9999, 12, 31) - _SERIAL_EPOCH).days
# Amounts past this size are typing mistakes and would make sums meaningless.
_MAX_NUMBER_DIGITS = 15

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CURRENCY = re.compile(r"[A-Z]{3}")
_BOOLEANS = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False}

EXPECTED = {
    "string": "text",
    "integer": "a whole number such as 12",
    "number": "a number with a '.' decimal point, such as 1520.50",
    "date": "a date written 2026-03-31, a date cell or a date serial number",
    "boolean": "TRUE or FALSE (yes/no and 1/0 are accepted too)",
    "email": "an e-mail address such as name@example.com",
    "currency": "a three-letter ISO 4217 currency code in capitals, such as EUR",
}


class CellProblem(Exception):
    """A cell's value cannot be read as the column's type."""

    def __init__(self, code: str, expected: str) -> None:
        super().__init__(expected)
        self.code = code
        self.expected = expected


# A column parser returns the typed values (None where the cell is empty or wrong) and the
# positions of the wrong cells with what was wrong.
ColumnResult = tuple[list[Any], list[tuple[int, CellProblem]]]
ColumnParser = Callable[[Sequence[Any]], ColumnResult]


def parse_column(kind: str, values: Sequence[Any]) -> ColumnResult:
    """Parse one column of raw cells as the schema type ``kind``."""
    return _PARSERS[kind](values)


def is_empty(value: Any) -> bool:
    """Whether a raw cell counts as empty: nothing, or only white space."""
    return value is None or (value.__class__ is str and not value.strip())


def _error_cell(text: str) -> CellProblem | None:
    if text in ERROR_VALUES:
        return CellProblem("error-cell", "a value, not a formula error")
    return None


def _text(value: Any) -> str:
    """The text a typed cell stands for in a text column (an id typed as a number, say)."""
    if value.__class__ is bool:
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellProblem("type-error", EXPECTED["string"])
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _parse_strings(values: Sequence[Any]) -> ColumnResult:
    out: list[Any] = []
    bad: list[tuple[int, CellProblem]] = []
    append = out.append
    for index, value in enumerate(values):
        if value.__class__ is str:
            text = value.strip()
            if text and text[0] == "#" and text in ERROR_VALUES:
                bad.append((index, CellProblem("error-cell", "a value, not a formula error")))
                append(None)
            else:
                append(text or None)
        elif value is None:
            append(None)
        else:
            try:
                append(_text(value) or None)
            except CellProblem as problem:
                bad.append((index, problem))
                append(None)
    return out, bad


def _pattern_parser(kind: str, pattern: re.Pattern[str]) -> ColumnParser:
    match = pattern.fullmatch
    problem = CellProblem("type-error", EXPECTED[kind])

    def parse(values: Sequence[Any]) -> ColumnResult:
        out, bad = _parse_strings(values)
        for index, text in enumerate(out):
            if text is not None and match(text) is None:
                bad.append((index, problem))
                out[index] = None
        return out, bad

    return parse


def _slow(values: Sequence[Any], convert: Callable[[Any], Any]) -> ColumnResult:
    out: list[Any] = []
    bad: list[tuple[int, CellProblem]] = []
    append = out.append
    for index, value in enumerate(values):
        try:
            append(convert(value))
        except CellProblem as problem:
            bad.append((index, problem))
            append(None)
    return out, bad


def _number(value: Any) -> Decimal | None:
    cls = value.__class__
    if cls is str:
        text = value.strip()
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise _problem_of_text(text, "number") from None
        if not number.is_finite() or "_" in text:
            raise CellProblem("type-error", EXPECTED["number"])
    elif value is None:
        return None
    elif cls is int:
        number = Decimal(value)
    elif cls is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise CellProblem("type-error", EXPECTED["number"])
        number = Decimal(repr(value))
    elif isinstance(value, Decimal) and value.is_finite():
        number = value
    else:
        raise CellProblem("type-error", EXPECTED["number"])
    if number and number.adjusted() >= _MAX_NUMBER_DIGITS:
        raise CellProblem("out-of-range", f"a number below 10^{_MAX_NUMBER_DIGITS}")
    return number


def _integer(value: Any) -> int | None:
    cls = value.__class__
    if cls is int:
        return int(value)
    if cls is str:
        text = value.strip()
        if text.isdigit() and text.isascii():
            return int(text)
        if not text:
            return None
    if value is None:
        return None
    if cls is bool:
        raise CellProblem("type-error", EXPECTED["integer"])
    try:
        number = _number(value)
    except CellProblem as problem:
        if problem.code == "type-error":
            problem = CellProblem(problem.code, EXPECTED["integer"])
        raise problem from None
    if number is None or number != number.to_integral_value():
        raise CellProblem("type-error", EXPECTED["integer"])
    return int(number)


def _date(value: Any) -> date | None:
    cls = value.__class__
    if cls is str:
        text = value.strip()
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                parsed = date.fromisoformat(text)
            except ValueError:
                raise CellProblem("type-error", EXPECTED["date"]) from None
        elif not text:
            return None
        elif text.isdigit() and text.isascii():
            parsed = _from_serial(int(text))
        else:
            raise _problem_of_text(text, "date")
    elif value is None:
        return None
    elif cls is datetime:
        parsed = value.date()
    elif cls is date:
        parsed = value
    elif cls is int or cls is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise CellProblem("type-error", EXPECTED["date"])
        parsed = _from_serial(int(value))
    else:
        raise CellProblem("type-error", EXPECTED["date"])
    if parsed < EARLIEST_DATE or parsed > LATEST_DATE:
        raise CellProblem(
            "date-out-of-range",
            f"a date between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}",
        )
    return parsed


def _from_serial(serial: int) -> date:
    if not 1 <= serial <= _MAX_SERIAL:
        raise CellProblem("type-error", EXPECTED["date"])
    return _SERIAL_EPOCH + timedelta(days=serial)


def _boolean(value: Any) -> bool | None:
    cls = value.__class__
    if cls is bool:
        return bool(value)
    if cls is str:
        text = value.strip()
        if not text:
            return None
        try:
            return _BOOLEANS[text.lower()]
        except KeyError:
            raise _problem_of_text(text, "boolean") from None
    if value is None:
        return None
    if (cls is int or cls is float) and value in (0, 1):
        return bool(value)
    raise CellProblem("type-error", EXPECTED["boolean"])


def _problem_of_text(text: str, kind: str) -> CellProblem:
    return _error_cell(text) or CellProblem("type-error", EXPECTED[kind])


_PARSERS: dict[str, ColumnParser] = {
    "string": _parse_strings,
    "email": _pattern_parser("email", _EMAIL),
    "currency": _pattern_parser("currency", _CURRENCY),
    "number": lambda values: _slow(values, _number),
    "integer": lambda values: _slow(values, _integer),
    "date": lambda values: _slow(values, _date),
    "boolean": lambda values: _slow(values, _boolean),
}
