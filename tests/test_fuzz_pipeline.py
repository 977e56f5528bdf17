"""Hypothesis drives the whole pipeline with arbitrary text in every cell.

Whatever the cells hold, only validation issues come out; when the workbook is valid, the
KPIs, the pages and (for a few examples) a real MkDocs build follow, and the built HTML holds no
element or attribute that the plain workbook's pages do not have.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.config import Config
from generator.contract.schema import load_schema
from generator.issues import CODES
from generator.kpi import compute
from generator.model import build_model
from generator.pages.render import render
from generator.sources.local import Sheet, Workbook
from generator.validation.validate import column_letter, validate

from .conftest import Grid, small_grid, write_csv
from .test_markdown import _extensions
from .test_site import make_project

SCHEMA = load_schema()
AS_OF = date(2026, 3, 31)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# Every cell of the small workbook, by reference.
CELLS = [
    f"{name}!{column_letter(column)}{row + 1}"
    for name, rows in small_grid().items()
    for row in range(1, len(rows))
    for column in range(len(rows[0]))
]
# The cells whose columns are free text that pages show: any text there is valid data.
FREE_TEXT = ["Clients!B2", "Clients!B3", "Managers!B2", "Managers!B3", "Roles!B2", "Roles!H2", "RoleClauses!C2",
             "Contracts!C2", "Sales!F3", "Complaints!F2", "Complaints!G2", "Clients!F2", "Clients!H2"]  # fmt: skip


def _workbook(grid: Grid) -> Workbook:
    sheets = {
        name: Sheet(
            name,
            [str(cell) for cell in rows[0]],
            rows[1:],
            list(range(2, len(rows) + 1)),
            text_only=True,
        )
        for name, rows in grid.items()
    }
    return Workbook(location="fuzz", title="fuzz", sheets=sheets)


def _set(grid: Grid, reference: str, value: str) -> None:
    tab, cell = reference.split("!")
    letters = cell.rstrip("0123456789")
    column = sum((ord(char) - 64) * 26**power for power, char in enumerate(reversed(letters))) - 1
    grid[tab][int(cell[len(letters) :]) - 1][column] = value


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[tuple[str, tuple[str, ...]]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add((tag, tuple(sorted(name for name, _ in attrs))))


def _page_elements(grid: Grid) -> dict[str, set[tuple[str, tuple[str, ...]]]] | None:
    """Each page's (element, attribute names) as Markdown turns it into HTML; None if invalid."""
    report = validate(_workbook(grid), SCHEMA)
    for issue in report.issues:
        assert issue.code in CODES and issue.message
    if not report.valid:
        return None
    model = build_model(report, "EUR")
    files = render(
        model, compute(model, AS_OF), SCHEMA, report.warnings, Config(source="fuzz"), "fuzz"
    )
    pages = {}
    for path, text in files.items():
        if path.endswith(".md"):
            parser = _Elements()
            parser.feed(markdown.markdown(FRONT_MATTER.sub("", text), extensions=_extensions()))
            pages[path] = parser.found
    return pages


def _plain() -> Grid:
    """The baseline: every free-text cell holds plain words, so every optional part is there."""
    grid = small_grid()
    for reference in FREE_TEXT:
        _set(grid, reference, "Plain words")
    return grid


PLAIN = _page_elements(_plain())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=30), min_size=len(FREE_TEXT), max_size=len(FREE_TEXT)))
def test_any_free_text_renders_no_new_markup(texts: list[str]) -> None:
    grid = _plain()
    for reference, text in zip(FREE_TEXT, texts, strict=True):
        _set(grid, reference, text)
    pages = _page_elements(grid)
    if pages is None:
        return  # an error cell (#N/A, say) or an emptied required name: validation said so
    assert PLAIN is not None
    for path, elements in pages.items():
        assert elements <= PLAIN[path], (path, elements - PLAIN[path])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(CELLS), st.text(max_size=20), max_size=8))
def test_any_text_in_any_cell_gives_only_issues(changes: dict[str, str]) -> None:
    grid = small_grid()
    for reference, text in changes.items():
        _set(grid, reference, text)
    _page_elements(grid)  # raises only if something other than a validation issue goes wrong


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=25).filter(lambda text: text.strip() and not text.strip().startswith("#")),
                min_size=4, max_size=4))  # fmt: skip
def test_a_real_build_with_arbitrary_names(names: list[str]) -> None:
    grid = small_grid()
    for reference, text in zip(
        ["Clients!B2", "Clients!B3", "Managers!B2", "Roles!B2"], names, strict=True
    ):
        _set(grid, reference, text)
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder) / "p")
        pipeline.build(Config(source=str(write_csv(grid, Path(folder) / "b"))), AS_OF, project)
        assert (project / "site" / "clients" / "C1.html").is_file()
