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
# Numbers nearer 0 than this (but not 0) are typing mistakes too, and a target or a rate that
# small would make a ratio too large to compute.
_MAX_DECIMALS = 10

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
CellConverter = Callable[[Any], Any]


def parse_column(kind: str, values: Sequence[Any], text_only: bool = False) -> ColumnResult:
    """Parse one column of raw cells as the schema type ``kind``.

    ``text_only`` promises that every cell is a ``str`` (as from CSV), which saves a pass.

    A text column is parsed by its distinct values: a million sales have a few hundred distinct
    dates and a few dozen quantities, so each is converted once and looked up after. Where a
    batch conversion of the distinct values is safe it runs at C speed; anything unusual goes
    value by value through the cell converter, which names the problem.
    """
    convert = _CONVERTERS[kind]
    if not text_only and set(map(type, values)) != {str}:
        return _cell_by_cell(values, convert)
    texts = list(map(str.strip, values))
    if kind == "string":
        joined = "\x00".join(texts)
        if not _may_hold_errors(joined):
            has_empty = "\x00\x00" in joined or joined.startswith("\x00") or joined.endswith("\x00")
            return ([text or None for text in texts] if has_empty or not joined else texts), []
        return _cell_by_cell(texts, convert)
    distinct = list(set(texts))
    batch = _BATCHES.get(kind)
    converted = batch(distinct) if batch else None
    failed: dict[str, CellProblem] = {}
    if converted is None:
        converted = []
        for text in distinct:
            try:
                converted.append(convert(text))
            except CellProblem as problem:
                failed[text] = problem
                converted.append(None)
    lookup = dict(zip(distinct, converted, strict=True))
    typed = list(map(lookup.__getitem__, texts))
    bad = (
        [(index, failed[text]) for index, text in enumerate(texts) if text in failed]
        if failed
        else []
    )
    return typed, bad


def _cell_by_cell(values: Sequence[Any], convert: CellConverter) -> ColumnResult:
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


def _may_hold_errors(joined: str) -> bool:
    # Every error value starts with "#"; ``joined`` has the texts separated by NUL.
    return joined.startswith("#") or "\x00#" in joined


def _error_cell(text: str) -> CellProblem | None:
    if text in ERROR_VALUES:
        return CellProblem("error-cell", "a value instead of a formula error")
    return None


def _string(value: Any) -> str | None:
    if value.__class__ is str:
        text = value.strip()
        problem = _error_cell(text)
        if problem:
            raise problem
        return text or None
    if value is None:
        return None
    return _text(value) or None


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


def _patterned(kind: str, pattern: re.Pattern[str]) -> CellConverter:
    match = pattern.fullmatch

    def convert(value: Any) -> str | None:
        text = _string(value)
        if text is not None and match(text) is None:
            raise CellProblem("type-error", EXPECTED[kind])
        return text

    return convert


def _with_empty(texts: list[str], convert: Callable[[list[str]], list[Any]]) -> list[Any]:
    """Convert the non-empty ``texts`` in one batch; the empty text stays None."""
    if "" not in texts:
        return convert(texts)
    present = [text for text in texts if text]
    values = iter(convert(present))
    return [next(values) if text else None for text in texts]


_NUMBER_CHARACTERS = frozenset("0123456789.-+eE")
_LARGEST = Decimal(10) ** _MAX_NUMBER_DIGITS
_LONG_FRACTION = re.compile(rf"\.[0-9]{{{_MAX_DECIMALS + 1}}}")


def _batch_numbers(texts: list[str]) -> list[Any] | None:
    present = [text for text in texts if text]
    joined = "\n".join(present)
    if not present or not set(joined) <= _NUMBER_CHARACTERS | {"\n"}:
        return None
    if "e" in joined or "E" in joined or _LONG_FRACTION.search(joined):
        return None  # a number that may be too small to count with: each is looked at alone
    try:
        numbers = list(map(Decimal, present))
    except InvalidOperation:
        return None
    if not (min(numbers) > -_LARGEST and max(numbers) < _LARGEST):
        return None
    return _with_empty(texts, lambda _: numbers)


def _batch_integers(texts: list[str]) -> list[Any] | None:
    joined = "".join(texts)
    if not joined or not (joined.isdigit() and joined.isascii()):
        return None
    return _with_empty(texts, lambda present: list(map(int, present)))


def _batch_dates(texts: list[str]) -> list[Any] | None:
    # fromisoformat() also takes other ISO forms (20260331, 2026-W13-2), none longer than ten
    # characters: ten characters each and no W leaves only the form 2026-03-31.
    present = [text for text in texts if text]
    joined = "\x00".join(present)
    if not present or len(joined) != 11 * len(present) - 1 or "W" in joined:
        return None
    try:
        dates = list(map(date.fromisoformat, present))
    except ValueError:
        return None
    if not (min(dates) >= EARLIEST_DATE and max(dates) <= LATEST_DATE):
        return None
    return _with_empty(texts, lambda _: dates)


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
    if number and number.adjusted() < -_MAX_DECIMALS:
        raise CellProblem("out-of-range", f"0, or a number of at least 10^-{_MAX_DECIMALS}")
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


_CONVERTERS: dict[str, CellConverter] = {
    "string": _string,
    "email": _patterned("email", _EMAIL),
    "currency": _patterned("currency", _CURRENCY),
    "number": _number,
    "integer": _integer,
    "date": _date,
    "boolean": _boolean,
}
_BATCHES: dict[str, Callable[[list[str]], list[Any] | None]] = {
    "number": _batch_numbers,
    "integer": _batch_integers,
    "date": _batch_dates,
}


def as_text(kind: str, value: Any) -> str:
    """A typed cell as the text a CSV file would hold for it, read back to the same value."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == "date" and (value.__class__ is int or value.__class__ is float) and value == value:
        try:
            return _from_serial(int(value)).isoformat()
        except CellProblem:
            pass
    try:
        return _text(value)
    except CellProblem:
        return str(value)
