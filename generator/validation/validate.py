"""Check a workbook against the contract and type its values.

Checks collect issues; they never stop at the first one. The result is a :class:`Report`: every
issue found, and for every tab that could be read its columns as typed values, which the later
stages use so that nothing is parsed twice.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..contract.schema import Field, ForeignKey, Rule, Schema, Table
from ..issues import ERROR, WARNING, Issue, Issues, issue, shown_value
from ..memory import cycle_collection_paused
from ..paths import LONGEST_SLUG, page_slug, slug_problem
from ..sources.local import Sheet, Workbook, is_empty
from .cells import parse_column

DEFAULT_BASE_CURRENCY = "EUR"


@dataclass
class TableData:
    """One tab's typed values, column by column, with where each value came from."""

    name: str
    columns: dict[str, list[Any]]
    row_numbers: list[int]
    letters: dict[str, str] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.row_numbers)

    def cell(self, column: str, index: int) -> str:
        """The cell reference (``Sales!D17``) of row ``index`` in ``column``."""
        letter = self.letters.get(column, "")
        return f"{self.name}!{letter}{self.row_numbers[index]}"

    def records(self) -> Iterator[dict[str, Any]]:
        """The rows as mappings from column name to typed value."""
        names = list(self.columns)
        for values in zip(*self.columns.values(), strict=True):
            yield dict(zip(names, values, strict=True))


@dataclass
class Report:
    """What validation found, and the typed tables it read."""

    issues: list[Issue]
    tables: dict[str, TableData]
    source_title: str = ""

    def issues_and(self, more: Iterable[Issue]) -> Issues:
        """This report's issues and ``more``, in a new list (the counts of the omitted kept)."""
        joined = Issues(self.issues)
        if isinstance(self.issues, Issues):
            joined.omitted.update(self.issues.omitted)
        joined.extend(more)
        return joined

    @property
    def error_count(self) -> int:
        """Every error found, those beyond the number kept of each kind included."""
        return self._count(ERROR)

    @property
    def warning_count(self) -> int:
        return self._count(WARNING)

    @property
    def omitted(self) -> dict[tuple[str | None, str, str | None, str], int]:
        """Issues found but not kept, by (tab, code, column, severity)."""
        return dict(self.issues.omitted) if isinstance(self.issues, Issues) else {}

    def _count(self, severity: str) -> int:
        if isinstance(self.issues, Issues):
            return self.issues.count_of(severity)
        return sum(1 for found in self.issues if found.severity == severity)

    @property
    def errors(self) -> list[Issue]:
        return [found for found in self.issues if found.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [found for found in self.issues if found.severity == WARNING]

    @property
    def valid(self) -> bool:
        return not any(found.severity == ERROR for found in self.issues)


def column_letter(index: int) -> str:
    """The spreadsheet letter of the 0-based column ``index`` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def validate(
    workbook: Workbook, schema: Schema, base_currency: str = DEFAULT_BASE_CURRENCY
) -> Report:
    """Check ``workbook`` against ``schema`` and return every issue with the typed tables."""
    with cycle_collection_paused():
        return _validate(workbook, schema, base_currency)


def _validate(workbook: Workbook, schema: Schema, base_currency: str) -> Report:
    issues = Issues(workbook.problems)
    # Tabs that could not be read at all (a problem in a cell leaves the tab readable).
    unreadable = {
        problem.tab for problem in workbook.problems if problem.tab not in workbook.sheets
    }
    tables: dict[str, TableData] = {}
    for table in schema.tables:
        sheet = workbook.sheets.get(table.name)
        if sheet is not None:
            tables[table.name] = _read_table(table, sheet, issues)
        elif table.required and table.name not in unreadable:
            issues.append(_missing_tab(table, workbook))
    for table in schema.tables:
        data = tables.get(table.name)
        if data is None:
            continue
        issues.extend(_check_keys(table, data))
        issues.extend(_check_file_names(table, data))
        # A tab that could not be read proves nothing about the rows that refer to it.
        for key in table.foreign_keys:
            if key.target not in unreadable:
                issues.extend(_check_foreign_key(key, data, tables))
        for rule in table.rules:
            if rule.target not in unreadable:
                issues.extend(_RULES[rule.check](rule, table, data, tables, base_currency))
    order = {name: position for position, name in enumerate(schema.table_names)}
    issues.sort(key=lambda found: _position(found, order, tables, schema))
    return Report(issues=issues, tables=tables)


def _position(
    found: Issue, order: dict[str, int], tables: dict[str, TableData], schema: Schema
) -> tuple[int, int, int, str]:
    column = 0
    if found.tab in tables and found.column is not None:
        letter = tables[found.tab].letters.get(found.column, "")
        column = sum((ord(char) - 64) * 26**power for power, char in enumerate(reversed(letter)))
    return (order.get(found.tab or "", -1), found.row or 0, column, found.code)


def _missing_tab(table: Table, workbook: Workbook) -> Issue:
    present = list(workbook.sheets) + workbook.other_tabs
    close = _close_match(table.name, present)
    hint = f"; a tab named {close!r} exists, and tab names are exact" if close else ""
    return issue(
        "missing-tab",
        f"the required tab {table.name} is missing{hint}: "
        + (
            f"rename it to {table.name}"
            if close
            else f"add a tab named {table.name} with the header {', '.join(table.field_names)} "
            "(accountbook template writes one)"
        ),
        tab=table.name,
        expected=f"a tab named {table.name}",
    )


def _close_match(name: str, candidates: Sequence[str]) -> str | None:
    lowered = {candidate.lower(): candidate for candidate in candidates}
    if name.lower() in lowered:
        return lowered[name.lower()]
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.75)
    return matches[0] if matches else None


def _read_table(table: Table, sheet: Sheet, issues: list[Issue]) -> TableData:
    name = table.name
    positions: dict[str, int] = {}
    blank: list[int] = []
    for position, header in enumerate(sheet.header):
        letter = column_letter(position)
        if not header:
            blank.append(position)
        elif header in positions:
            issues.append(
                issue(
                    "duplicate-column",
                    f"the header {header!r} appears twice, in columns "
                    f"{column_letter(positions[header])} and {letter}",
                    tab=name,
                    cell=f"{name}!{letter}1",
                    row=1,
                    column=header,
                    value=repr(header),
                    expected="each column once",
                )
            )
        else:
            positions[header] = position
    rows = _rectangular(sheet, blank)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(sheet.header)
    _check_headers(table, positions, columns, blank, issues)
    data = TableData(name=name, columns={}, row_numbers=sheet.row_numbers)
    for column in table.fields:
        if column.name in positions:
            data.letters[column.name] = column_letter(positions[column.name])
            raw: Sequence[Any] = columns[positions[column.name]]
        else:
            data.missing.add(column.name)
            raw = (None,) * len(rows)
        text_only = sheet.text_only and column.name not in data.missing
        data.columns[column.name] = _typed_column(column, raw, data, issues, text_only)
    return data


def _rectangular(sheet: Sheet, blank: list[int]) -> Sequence[Sequence[Any]]:
    """The rows cut or padded to the header's width; cells beyond it count as blank-header columns."""
    width = len(sheet.header)
    rows = sheet.rows
    if not rows or set(map(len, rows)) == {width}:
        return rows
    beyond = max(len(row) for row in rows)
    for position in range(width, beyond):
        if any(len(row) > position and not is_empty(row[position]) for row in rows):
            blank.append(position)
    padding = ("" if sheet.text_only else None,) * width
    return [tuple(row[:width]) + padding[len(row) :] for row in rows]


def _check_headers(
    table: Table,
    positions: dict[str, int],
    columns: Sequence[Sequence[Any]],
    blank: list[int],
    issues: list[Issue],
) -> None:
    name = table.name
    known = set(table.field_names)
    unknown = [header for header in positions if header not in known]
    for position in blank:
        if position >= len(columns) or any(not is_empty(value) for value in columns[position]):
            letter = column_letter(position)
            issues.append(
                issue(
                    "blank-header",
                    f"column {letter} holds values but has no header, so they are ignored",
                    tab=name,
                    cell=f"{name}!{letter}1",
                    row=1,
                    expected="a column name in row 1",
                )
            )
    for header in unknown:
        close = _close_match(header, [f for f in table.field_names if f not in positions])
        hint = f"; did you mean {close!r}?" if close else " and is ignored"
        letter = column_letter(positions[header])
        issues.append(
            issue(
                "unknown-column",
                f"the column {header!r} is not in the contract{hint}",
                tab=name,
                cell=f"{name}!{letter}1",
                row=1,
                column=header,
                value=repr(header),
                expected="one of the contract's columns, or a helper column to ignore",
            )
        )
    for column in table.fields:
        if column.name in positions:
            continue
        close = _close_match(column.name, unknown)
        hint = f"; the header {close!r} looks like it" if close else ""
        issues.append(
            issue(
                "missing-column",
                f"the column {column.name!r} is missing{hint}",
                tab=name,
                cell=f"{name}!1:1",
                row=1,
                column=column.name,
                expected=f"a header {column.name!r} in row 1",
                severity=ERROR if column.required else WARNING,
            )
        )


def _typed_column(
    column: Field, raw: Sequence[Any], data: TableData, issues: list[Issue], text_only: bool
) -> list[Any]:
    typed, bad = parse_column(column.type, raw, text_only)
    name = data.name

    def problem(code: str, index: int, message: str, expected: str, value: Any) -> Issue:
        return issue(
            code,
            message,
            tab=name,
            cell=data.cell(column.name, index),
            row=data.row_numbers[index],
            column=column.name,
            value=shown_value(value, column.personal),
            expected=expected,
        )

    for index, cell_problem in bad:
        value = raw[index]
        shown = shown_value(value, column.personal)
        if cell_problem.code == "error-cell":
            message = (
                f"{column.name}: the cell shows the formula error {shown}; fix the formula, or "
                "type the value itself"
            )
        else:
            message = f"{column.name}: {shown} is not {cell_problem.expected}"
        issues.append(problem(cell_problem.code, index, message, cell_problem.expected, value))
    if column.default is not None and None in typed:
        default = parse_column(column.type, [column.default])[0][0]
        failed = {index for index, _ in bad}
        typed = [
            default if value is None and index not in failed else value
            for index, value in enumerate(typed)
        ]
    if column.required and column.name not in data.missing and None in typed:
        failed = {index for index, _ in bad}
        for index, value in enumerate(typed):
            if value is None and index not in failed:
                message = f"{column.name} is required but the cell is empty"
                issues.append(problem("missing-value", index, message, "a value", ""))
    checks: list[tuple[Callable[[Any], bool], str, Callable[[Any], str], str]] = []
    if column.enum:
        allowed = set(column.enum)
        listed = ", ".join(column.enum)
        checks.append(
            (
                lambda value: value not in allowed,
                "not-in-enum",
                lambda value: (
                    f"{column.name}: {value!r} is not one of {listed}"
                    + _enum_hint(value, column.enum)
                ),
                f"one of {listed}",
            )
        )
    if column.minimum is not None:
        low = column.minimum
        checks.append(
            (
                lambda value: value < low,
                "below-minimum",
                lambda value: f"{column.name}: {value} is below the minimum {low}",
                f"a number of at least {low}",
            )
        )
    if column.exclusive_minimum is not None:
        floor = column.exclusive_minimum
        checks.append(
            (
                lambda value: value <= floor,
                "below-minimum",
                lambda value: f"{column.name}: {value} is not above {floor}",
                f"a number above {floor}",
            )
        )
    if column.pattern is not None:
        match = column.pattern.fullmatch
        form = column.pattern_hint or f"text matching {column.pattern.pattern}"
        checks.append(
            (
                lambda value: match(value) is None,
                "pattern-mismatch",
                lambda value: f"{column.name}: {shown_value(value, column.personal)} is not {form}",
                form,
            )
        )
    # A value that breaks a constraint keeps its place: other rows that refer to it must not
    # report a second, derived problem.
    # Each check looks at the distinct values first; only a failing value is searched for.
    distinct = set(typed) if checks else set()
    distinct.discard(None)
    for fails, code, describe, expected in checks:
        failing = {value for value in distinct if fails(value)}
        if not failing:
            continue
        for index, value in enumerate(typed):
            if value in failing:
                issues.append(problem(code, index, describe(value), expected, raw[index]))
    return typed


def _enum_hint(value: Any, allowed: Sequence[str]) -> str:
    close = _close_match(str(value), allowed)
    return f"; did you mean {close!r}?" if close else ""


def _key_columns(table: Table) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = [(column.name,) for column in table.fields if column.unique]
    if table.primary_key and tuple(table.primary_key) not in keys:
        keys.append(tuple(table.primary_key))
    return keys


def _check_keys(table: Table, data: TableData) -> Iterator[Issue]:
    for key in _key_columns(table):
        if any(name in data.missing for name in key):
            continue
        values = [data.columns[name] for name in key]
        keys: Sequence[Any] = values[0] if len(key) == 1 else list(zip(*values, strict=True))
        if len(set(keys)) == len(keys):
            continue  # the common case, decided at the speed of a set
        seen: dict[Any, int] = {}
        for index, value in enumerate(keys):
            if value is None or (isinstance(value, tuple) and None in value):
                continue
            first = seen.setdefault(value, index)
            if first == index:
                continue
            shown = value if len(key) == 1 else dict(zip(key, value, strict=True))
            yield issue(
                "duplicate-key",
                f"{' + '.join(key)} {shown!r} appears again; first in row {data.row_numbers[first]}",
                tab=data.name,
                cell=data.cell(key[-1], index),
                row=data.row_numbers[index],
                column=key[-1],
                value=repr(value[-1] if isinstance(value, tuple) else value),
                expected=f"a unique {' + '.join(key)}",
            )


def _check_file_names(table: Table, data: TableData) -> Iterator[Issue]:
    """Ids that name pages must name different files on every file system and in every URL."""
    for column in table.fields:
        if not column.file_name or column.name in data.missing:
            continue
        values = data.columns[column.name]
        yield from _unusable_file_names(column.name, data, values)
        slugs = [None if value is None else page_slug(value).casefold() for value in values]
        if len(set(slugs)) == len(slugs):
            continue
        first: dict[str, int] = {}
        for index, slug in enumerate(slugs):
            if slug is None:
                continue
            seen = first.setdefault(slug, index)
            if seen == index or values[seen] == values[index]:
                continue  # the same id twice is a duplicate-key issue already
            yield issue(
                "file-name-collision",
                f"{column.name} {values[index]!r} and {values[seen]!r} (row {data.row_numbers[seen]}) "
                "would be the same page; ids that name pages must differ in more than letter case",
                tab=data.name,
                cell=data.cell(column.name, index),
                row=data.row_numbers[index],
                column=column.name,
                value=repr(values[index]),
                expected=f"a {column.name} that differs from {values[seen]!r} in more than letter case",
            )


def _unusable_file_names(name: str, data: TableData, values: list[Any]) -> Iterator[Issue]:
    """Ids the site cannot name a page after: its own pages' names, and ids too long."""
    for index, value in enumerate(values):
        problem = None if value is None else slug_problem(value)
        if problem is None:
            continue
        if problem == "reserved":
            code, expected = "reserved-name", f"a {name} other than index or README"
            message = (
                f"{name} {value!r} is the name of one of the site's own pages; "
                "choose another id (such as adding a prefix)"
            )
        else:
            code = "file-name-too-long"
            expected = f"a shorter {name} (at most {LONGEST_SLUG} letters, digits and hyphens)"
            message = (
                f"{name} is too long to name a file ({len(value)} characters; other than "
                "letters, digits and hyphens each counts as several); choose a shorter id"
            )
        yield issue(
            code,
            message,
            tab=data.name,
            cell=data.cell(name, index),
            row=data.row_numbers[index],
            column=name,
            value=shown_value(value),
            expected=expected,
        )


def _check_foreign_key(
    key: ForeignKey, data: TableData, tables: dict[str, TableData]
) -> Iterator[Issue]:
    target = tables.get(key.target)
    if target is None or any(name in data.missing for name in key.fields):
        return
    if any(name in target.missing for name in key.target_fields):
        return
    where = f"{key.target}.{', '.join(key.target_fields)}"
    if len(key.fields) == 1:
        values: Sequence[Any] = data.columns[key.fields[0]]
        existing: set[Any] = set(target.columns[key.target_fields[0]])
    else:
        values = list(zip(*(data.columns[name] for name in key.fields), strict=True))
        existing = set(zip(*(target.columns[name] for name in key.target_fields), strict=True))
    # Set arithmetic finds whether anything is missing at C speed; only then look for the rows.
    absent = set(values) - existing
    absent.discard(None)
    absent = {value for value in absent if not (isinstance(value, tuple) and None in value)}
    if not absent:
        return
    lowered = {str(found).lower(): found for found in existing if found is not None}
    for index, value in enumerate(values):
        if value not in absent:
            continue
        close = lowered.get(str(value).lower())
        hint = f"; did you mean {close!r}? ids are exact" if close is not None else ""
        yield issue(
            "foreign-key",
            f"{key.fields[-1]} {value!r} does not exist in {where}{hint}",
            tab=data.name,
            cell=data.cell(key.fields[-1], index),
            row=data.row_numbers[index],
            column=key.fields[-1],
            value=repr(value),
            expected=f"a value of {where}",
        )


def _check_acyclic(
    rule: Rule, table: Table, data: TableData, tables: dict[str, TableData], base: str
) -> Iterator[Issue]:
    if rule.field in data.missing or not table.primary_key:
        return
    ids = data.columns[table.primary_key[0]]
    parents = data.columns[rule.field]
    parent_of = {child: parent for child, parent in zip(ids, parents, strict=True) if child}
    row_of = {child: index for index, child in enumerate(ids) if child is not None}
    settled: set[Any] = set()
    for start in ids:
        path: list[Any] = []
        on_path: set[Any] = set()
        node = start
        while node is not None and node not in settled and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parent_of.get(node)
        if node is not None and node in on_path:
            cycle = path[path.index(node) :]
            first = min(cycle, key=lambda member: row_of[member])
            turn = cycle.index(first)
            ordered = cycle[turn:] + cycle[:turn] + [first]
            index = row_of[first]
            yield issue(
                "cycle",
                f"{rule.field} goes round in a circle: {' → '.join(map(str, ordered))}",
                tab=data.name,
                cell=data.cell(rule.field, index),
                row=data.row_numbers[index],
                column=rule.field,
                value=repr(parents[index]),
                expected=f"a {rule.field} chain that ends at the top",
            )
        settled.update(path)


def _check_not_before(
    rule: Rule, table: Table, data: TableData, tables: dict[str, TableData], base: str
) -> Iterator[Issue]:
    if rule.other is None or rule.field in data.missing or rule.other in data.missing:
        return
    later, earlier = data.columns[rule.field], data.columns[rule.other]
    for index, (end, start) in enumerate(zip(later, earlier, strict=True)):
        if end is not None and start is not None and end < start:
            yield issue(
                "date-order",
                f"{rule.field} {end.isoformat()} is before {rule.other} {start.isoformat()}",
                tab=data.name,
                cell=data.cell(rule.field, index),
                row=data.row_numbers[index],
                column=rule.field,
                value=repr(end.isoformat()),
                expected=f"a date on or after {rule.other} ({start.isoformat()})",
            )


def _check_same_reference(
    rule: Rule, table: Table, data: TableData, tables: dict[str, TableData], base: str
) -> Iterator[Issue]:
    target = tables.get(rule.target or "")
    if target is None or rule.other is None or len(rule.target_fields) != 2:
        return
    if {rule.field, rule.other} & data.missing or set(rule.target_fields) & target.missing:
        return
    key, owner = rule.target_fields
    owner_of = dict(zip(target.columns[key], target.columns[owner], strict=True))
    references, mine = data.columns[rule.field], data.columns[rule.other]
    wrong = {
        (reference, client)
        for reference, client in set(zip(references, mine, strict=True))
        if reference in owner_of
        and client is not None
        and owner_of[reference] is not None
        and owner_of[reference] != client
    }
    if not wrong:
        return
    for index, pair in enumerate(zip(references, mine, strict=True)):
        if pair not in wrong:
            continue
        reference, client = pair
        yield issue(
            "reference-mismatch",
            f"{rule.field} {reference!r} belongs to {owner} {owner_of[reference]!r}, not {client!r}",
            tab=data.name,
            cell=data.cell(rule.field, index),
            row=data.row_numbers[index],
            column=rule.field,
            value=repr(reference),
            expected=f"a {rule.field} of {owner} {client!r}",
        )


def _check_has_rate(
    rule: Rule, table: Table, data: TableData, tables: dict[str, TableData], base: str
) -> Iterator[Issue]:
    if rule.field in data.missing:
        return
    rates = tables.get(rule.target or "")
    known = {base}
    if rates is not None and rule.target_fields and rule.target_fields[0] not in rates.missing:
        known.update(rates.columns[rule.target_fields[0]])
    currencies = data.columns[rule.field]
    if rule.other and rule.other not in data.missing and rates is not None:
        yield from _beyond_base_range(rule, data, rates, base)
    if set(currencies) <= known | {None}:
        return
    for index, currency in enumerate(currencies):
        if currency is not None and currency not in known:
            yield issue(
                "missing-rate",
                f"{currency} has no exchange rate: add a row to the {rule.target} tab with "
                f"currency {currency} and the {base} it is worth (the base currency is {base})",
                tab=data.name,
                cell=data.cell(rule.field, index),
                row=data.row_numbers[index],
                column=rule.field,
                value=repr(currency),
                expected=f"{base} or a currency listed in {rule.target}",
            )


# Amounts in the base currency stay below this, as typed amounts do (see cells.py): sums of
# a million of them are then exact in Decimal's 28 digits, cents included.
_LARGEST_BASE_AMOUNT = Decimal(10) ** 15


def _beyond_base_range(rule: Rule, data: TableData, rates: TableData, base: str) -> Iterator[Issue]:
    """Amounts (``rule.other``) that their currency's rate makes too large to count in."""
    if "rate" in rates.missing or rule.target_fields[0] in rates.missing:
        return
    rate_of = {
        currency: rate
        for currency, rate in zip(
            rates.columns[rule.target_fields[0]], rates.columns["rate"], strict=True
        )
        if currency is not None and rate is not None and currency != base
    }
    largest = {
        currency: _LARGEST_BASE_AMOUNT / rate for currency, rate in rate_of.items() if rate > 1
    }
    if not largest:
        return  # a rate of at most 1 keeps every amount in range
    column = rule.other or ""
    amounts = data.columns[column]
    for index, (currency, amount) in enumerate(zip(data.columns[rule.field], amounts, strict=True)):
        limit = largest.get(currency)
        if limit is not None and amount is not None and abs(amount) >= limit:
            yield issue(
                "out-of-range",
                f"{rule.other} {amount} {currency} is {amount * rate_of[currency]:.4g} {base} at "
                f"the rate in {rule.target}, too large to count in",
                tab=data.name,
                cell=data.cell(column, index),
                row=data.row_numbers[index],
                column=column,
                value=repr(str(amount)),
                expected=f"an amount below {_LARGEST_BASE_AMOUNT:.0e} {base} once converted",
            )


def _check_within(
    rule: Rule, table: Table, data: TableData, tables: dict[str, TableData], base: str
) -> Iterator[Issue]:
    """``rule.field`` lies between 0 and ``rule.other`` (a paid amount within its sale's)."""
    if rule.other is None or rule.field in data.missing or rule.other in data.missing:
        return
    for index, (part, whole) in enumerate(
        zip(data.columns[rule.field], data.columns[rule.other], strict=True)
    ):
        if part is None or whole is None:
            continue
        low, high = (whole, Decimal(0)) if whole < 0 else (Decimal(0), whole)
        if low <= part <= high:
            continue
        yield issue(
            "out-of-range",
            f"{rule.field} {part} lies outside {rule.other} {whole}: "
            + (
                f"a return's {rule.field} lies between {whole} and 0"
                if whole < 0
                else f"it lies between 0 and {whole}"
            ),
            tab=data.name,
            cell=data.cell(rule.field, index),
            row=data.row_numbers[index],
            column=rule.field,
            value=repr(str(part)),
            expected=f"a number between {low} and {high}",
        )


_RULES = {
    "within": _check_within,
    "acyclic": _check_acyclic,
    "not-before": _check_not_before,
    "same-reference": _check_same_reference,
    "has-rate": _check_has_rate,
}
