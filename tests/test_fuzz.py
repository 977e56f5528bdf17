"""Arbitrary cell contents never raise anything but validation issues."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.contract.schema import load_schema
from generator.issues import CODES
from generator.sources.local import Sheet, Workbook, read
from generator.validation.cells import _CONVERTERS, EXPECTED, _cell_by_cell, parse_column
from generator.validation.validate import validate

from .conftest import small_grid, write_csv

SCHEMA = load_schema()
GRID = small_grid()

cell_values = st.one_of(
    st.text(),
    st.text(alphabet="0123456789-.eE+/ #:,TtRrUuFfAaLlSs"),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.none(),
    st.sampled_from(["#REF!", "#N/A", "", "  ", "M1", "C1", "K1", "USD", "2026-01-01", "1e999999"]),
)


@st.composite
def workbooks(draw: st.DrawFn) -> Workbook:
    sheets = {}
    for name, rows in GRID.items():
        header = list(rows[0])
        if draw(st.booleans()):
            header[draw(st.integers(0, len(header) - 1))] = draw(st.text(max_size=12))
        body: list[list[Any]] = []
        for row in rows[1:]:
            cells: list[Any] = list(row)
            for position in range(len(cells)):
                if draw(st.integers(0, 3)) == 0:
                    cells[position] = draw(cell_values)
            body.append(cells[: draw(st.integers(0, len(cells) + 2))])
        sheets[name] = Sheet(name, header, body, list(range(2, len(body) + 2)))
    if draw(st.booleans()):
        sheets.pop(draw(st.sampled_from(sorted(sheets))))
    return Workbook(location="fuzz", sheets=sheets)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_any_cells_give_only_issues(workbook: Workbook) -> None:
    report = validate(workbook, SCHEMA)
    for found in report.issues:
        assert found.code in CODES
        assert found.message
    if report.valid:
        for table in report.tables.values():
            for column, values in table.columns.items():
                kind = SCHEMA.table(table.name).field(column).type
                for value in values:
                    assert (
                        value is None
                        or not isinstance(value, str)
                        or kind in ("string", "email", "currency")
                    )
                    if kind == "date" and value is not None:
                        assert type(value) is date and not isinstance(value, datetime)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(), min_size=12, max_size=12))
def test_any_text_survives_a_csv_round_trip(texts: list[str]) -> None:
    grid = small_grid()
    grid["Sales"].append(texts)
    with tempfile.TemporaryDirectory() as folder:
        location = write_csv(grid, Path(folder) / "book")
        report = validate(read(location, SCHEMA.table_names), SCHEMA)
    assert all(found.code in CODES for found in report.issues)


column_texts = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(
            [
                "",
                " ",
                "2026-01-31",
                "20260131",
                "2026-W05-1",
                "1899-12-31",
                "46036",
                "12.50",
                "-3",
                "1e3",
                "NaN",
                "1_000",
                "12,5",
                "#N/A",
                "TRUE",
                "yes",
                "7",
                "EUR",
                "eur",
                "a@b.example",
            ]
        ),  # fmt: skip
        st.dates().map(date.isoformat),
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(c for c in EXPECTED)), column_texts)
def test_fast_column_paths_agree_with_cell_by_cell(kind: str, texts: list[str]) -> None:
    fast = parse_column(kind, texts, text_only=True)
    slow = _cell_by_cell(texts, _CONVERTERS[kind])
    assert fast[0] == slow[0]
    assert [(index, problem.code, problem.expected) for index, problem in fast[1]] == [
        (index, problem.code, problem.expected) for index, problem in slow[1]
    ]
