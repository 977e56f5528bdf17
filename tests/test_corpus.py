"""A corpus of malformed and hostile workbooks: each gives its exact issue, or renders as inert text.

The corpus is generated here from the small valid workbook, one change per entry, so every entry
says exactly what is wrong with it. Malformed entries are checked from CSV and from a typed xlsx;
hostile text goes through a real MkDocs build, and the built pages are parsed, not grepped.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.config import Config
from generator.contract.schema import load_schema
from generator.sources.local import read
from generator.validation.validate import column_letter, validate

from .conftest import Grid, check_grid, set_cell, small_grid, write_csv
from .test_site import AS_OF, make_project

SCHEMA = load_schema()
WRONG = {
    "integer": "twelve",
    "number": "12,50",
    "date": "31/03/2026",
    "boolean": "perhaps",
    "email": "name-at-example.com",
    "currency": "€",
}


def _typed_columns() -> list[tuple[str, str, str]]:
    """Every column of a type other than text, with the cell of the small workbook's first row."""
    grid = small_grid()
    found = []
    for table in SCHEMA.tables:
        for position, column in enumerate(table.fields):
            if column.type in WRONG and len(grid[table.name]) > 1:
                found.append((table.name, column.name, f"{table.name}!{column_letter(position)}2"))
    return found


@pytest.mark.parametrize(("tab", "column", "cell"), _typed_columns(), ids=lambda value: str(value))
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_wrong_type_in_every_typed_column(
    tmp_path: Path, kind: str, tab: str, column: str, cell: str
) -> None:
    grid = small_grid()
    set_cell(grid, cell, WRONG[SCHEMA.table(tab).field(column).type])
    report = check_grid(grid, tmp_path, kind)
    # A rate whose currency cannot be read leaves the sales in that currency without a rate
    # (Sales comes before Rates in the report, which follows the tabs' order).
    derived = [("missing-rate", "Sales!I3")] if (tab, column) == ("Rates", "currency") else []
    assert [(issue.code, issue.cell) for issue in report.issues] == [*derived, ("type-error", cell)]


def _grid_with(changes: dict[str, Any]) -> Grid:
    grid = small_grid()
    for reference, value in changes.items():
        set_cell(grid, reference, value)
    return grid


# (id, changes to the small workbook, expected issues as (code, cell)).
MALFORMED: list[tuple[str, dict[str, Any], list[tuple[str, str | None]]]] = [
    ("error cell in an id", {"Complaints!A2": "#REF!"}, [("error-cell", "Complaints!A2")]),
    ("#N/A in a date", {"Sales!B2": "#N/A"}, [("error-cell", "Sales!B2")]),
    ("#DIV/0! in an amount", {"Sales!H2": "#DIV/0!"}, [("error-cell", "Sales!H2")]),
    ("date after 2199", {"Contracts!E2": "2200-01-01"}, [("date-out-of-range", "Contracts!E2")]),
    ("date serial out of range", {"Sales!B2": "99999999"}, [("type-error", "Sales!B2")]),
    ("infinity as an amount", {"Sales!H2": "Infinity"}, [("type-error", "Sales!H2")]),
    ("a huge number", {"Sales!H2": "1e40"}, [("out-of-range", "Sales!H2")]),
    ("an empty required id", {"Sales!A3": ""}, [("missing-value", "Sales!A3")]),
    (
        "role id with slashes",
        {"Roles!A3": "a/b", "RoleClauses!A2": "a/b", "RoleClauses!A3": "a/b", "Managers!D3": "a/b"},
        [("pattern-mismatch", "Roles!A3")],
    ),  # fmt: skip
    (
        "case-colliding client ids",
        {"Clients!A4": "c1", "Clients!B4": "Tiny", "Clients!C4": "M2"},
        [("file-name-collision", "Clients!A4")],
    ),  # fmt: skip
    (
        "reports_to cycle of three",
        {
            "Managers!A4": "M3",
            "Managers!B4": "C",
            "Managers!D4": "account-manager",
            "Managers!E4": "M2",
            "Managers!E2": "M3",
        },
        [("cycle", "Managers!E2")],
    ),  # fmt: skip
    ("role reporting to itself", {"Roles!D2": "head-of-sales"}, [("cycle", "Roles!D2")]),
    (
        "sale under another client's contract",
        {"Sales!D3": "K1"},
        [("reference-mismatch", "Sales!D3")],
    ),
    ("currency without a rate", {"Sales!I3": "JPY"}, [("missing-rate", "Sales!I3")]),
    (
        "period written as a date",
        {"Targets!B2": "2026-01-01"},
        [("pattern-mismatch", "Targets!B2")],
    ),
    (
        "clause in an unknown section",
        {"RoleClauses!B2": "Duties"},
        [("not-in-enum", "RoleClauses!B2")],
    ),
    ("negative payment terms", {"Contracts!J2": "-30"}, [("below-minimum", "Contracts!J2")]),
    ("target for a missing manager", {"Targets!A2": "M9"}, [("foreign-key", "Targets!A2")]),
    ("complaint for a missing client", {"Complaints!B2": "C9"}, [("foreign-key", "Complaints!B2")]),
    (
        "interaction kind misspelled",
        {"Interactions!D2": "phone"},
        [("not-in-enum", "Interactions!D2")],
    ),
    (
        "duplicate complaint id",
        {"Complaints!A3": "R1", "Complaints!B3": "C1", "Complaints!C3": "2026-02-01"},
        [("duplicate-key", "Complaints!A3")],
    ),  # fmt: skip
    ("duplicate rate", {"Rates!A3": "USD", "Rates!B3": "0.8"}, [("duplicate-key", "Rates!A3")]),
    (
        "blank header with values",
        {"Sales!N1": "", "Sales!N2": "stray"},
        [("blank-header", "Sales!N1")],
    ),
    ("paid more than invoiced", {"Sales!L2": "1000"}, [("out-of-range", "Sales!L2")]),
    ("a target too near zero to divide by", {"Targets!C2": "1e-25"}, [("out-of-range", "Targets!C2")]),
    ("a rate too near zero", {"Rates!B2": "0.00000000001"}, [("out-of-range", "Rates!B2")]),
    ("a client id that names the list page", {"Clients!A3": "index", "Sales!C3": "index"},
     [("reserved-name", "Clients!A3")]),
    ("a role id README", {"Roles!A2": "readme", "Roles!D3": "readme", "Managers!D2": "readme"},
     [("reserved-name", "Roles!A2")]),
    ("a 300-character client id", {"Clients!A3": "C" * 300, "Sales!C3": "C" * 300},
     [("file-name-too-long", "Clients!A3")]),
    ("80 Cyrillic letters as a client id", {"Clients!A3": "Я" * 80, "Sales!C3": "Я" * 80},
     [("file-name-too-long", "Clients!A3")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "expected"), [entry[1:] for entry in MALFORMED], ids=[e[0] for e in MALFORMED]
)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_malformed_workbooks(
    tmp_path: Path, kind: str, changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    report = check_grid(_grid_with(changes), tmp_path, kind)
    assert [(issue.code, issue.cell) for issue in report.issues] == expected


@pytest.mark.parametrize(
    ("tab", "header"),
    [
        (table.name, column.name)
        for table in SCHEMA.tables
        if table.required
        for column in table.fields
        if column.required
    ][:12],
)
def test_each_required_header_missing(tmp_path: Path, tab: str, header: str) -> None:
    grid = small_grid()
    grid[tab][0][grid[tab][0].index(header)] = header.upper()
    report = check_grid(grid, tmp_path)
    found = [(issue.code, issue.tab, issue.column) for issue in report.errors]
    assert found == [("missing-column", tab, header)]


def test_duplicate_tab_names_in_xlsx_get_a_hint(tmp_path: Path) -> None:
    grid = small_grid()
    grid["sales"] = grid.pop("Sales")
    report = check_grid(grid, tmp_path, "xlsx")
    assert [(issue.code, issue.tab) for issue in report.issues] == [("missing-tab", "Sales")]


# Hostile text: valid data, which must render as the literal text in every page and the index.
HOSTILE = {
    "script tag": "<script>alert('x')</script>",
    "image with onerror": '<img src=x onerror="alert(1)">',
    "javascript link": "[click me](javascript:alert(1))",
    "attribute list": "Name {: onclick=alert(1) }",
    "pipes and newlines": "a | b\nc | d",
    "jinja": "{{ config }} {% for x in y %}",
    "formula": '=HYPERLINK("http://x.example","y")',
    "array formula": "{=1+1}",
    "html entity": "&lt;b&gt; &amp;",
    "right to left": "שלום עולם مرحبا",
    "emoji and zero width": "Team 👩‍💼\u200b\u200d co",
    "markdown heading": "# Not a heading",
    "long text": "x" * 50_000,
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The same workbook built twice: with plain names, and with a hostile value in every name."""
    folder = tmp_path_factory.mktemp("hostile")
    plain, hostile = small_grid(), small_grid()
    values = list(HOSTILE.values())
    # Each value goes to a column that some page shows.
    targets = ["Clients!B2", "Clients!B3", "Managers!B2", "Managers!B3", "Roles!B2", "Roles!B3", "RoleClauses!C2",
               "RoleClauses!C3", "Contracts!C2", "Complaints!G2", "Sales!F3", "Complaints!F2", "Clients!H2"]  # fmt: skip
    for target, value in zip(targets, values, strict=True):
        set_cell(hostile, target, value)
    sites = []
    for name, grid in (("plain", plain), ("hostile", hostile)):
        project = make_project(folder / name)
        pipeline.build(Config(source=str(write_csv(grid, folder / f"{name}-book"))), AS_OF, project)
        sites.append(project / "site")
    return sites[0], sites[1]


def test_hostile_text_adds_no_element_or_attribute(hostile_sites: tuple[Path, Path]) -> None:
    plain, hostile = hostile_sites
    pages = sorted(path.relative_to(hostile) for path in hostile.rglob("*.html"))
    assert pages == sorted(path.relative_to(plain) for path in plain.rglob("*.html"))
    for page in pages:
        allowed = set(_parse(plain / page).elements)
        added = set(_parse(hostile / page).elements) - allowed
        assert added == set(), (page, added)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_shows_as_itself(hostile_sites: tuple[Path, Path], name: str) -> None:
    _, hostile = hostile_sites
    value = " ".join(HOSTILE[name].replace("\u200b", "").replace("\u200d", "").split())
    shown = " ".join(
        " ".join("".join(_parse(page).text).replace("\u200b", "").replace("\u200d", "").split())
        for page in sorted(hostile.rglob("*.html"))
    )
    assert value[:200] in shown


def test_hostile_text_in_the_search_index_and_charts_is_escaped(
    hostile_sites: tuple[Path, Path],
) -> None:
    _, hostile = hostile_sites
    import json

    for entry in json.loads((hostile / "search" / "search_index.json").read_text(encoding="utf-8"))[
        "docs"
    ]:
        for field in ("title", "text"):
            page = _Page()
            page.feed(entry[field])  # the search box shows these as HTML
            assert {tag for tag, _ in page.elements} <= {"p", "code", "pre", "ul", "ol", "li"}, (
                entry
            )
    for chart in (hostile / "charts").glob("*.svg"):
        drawing = _parse(chart)
        assert {tag for tag, _ in drawing.elements} <= {
            "svg",
            "title",
            "style",
            "line",
            "text",
            "rect",
            "path",
        }
        assert not [
            name for _, names in drawing.elements for name in names if name.startswith("on")
        ]
    assert "<img src=x" in html.unescape(
        (hostile / "charts" / "clients-C2-sales.svg").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    "client_id", ["../../etc/passwd", "a/b", "..", ".", "CON", "nul", "x\\y", "C:\\z", "é"]
)
def test_ids_never_leave_the_output_folder(tmp_path: Path, client_id: str) -> None:
    grid = small_grid()
    set_cell(grid, "Clients!A3", client_id)
    set_cell(grid, "Sales!C3", client_id)
    project = make_project(tmp_path / "p")
    pipeline.build(Config(source=str(write_csv(grid, tmp_path / "b"))), AS_OF, project)
    outside = [
        path
        for path in tmp_path.rglob("*")
        if not path.is_relative_to(project) and not path.is_relative_to(tmp_path / "b")
    ]
    assert outside == []
    pages = sorted(
        path.stem
        for path in (project / "site" / "clients").glob("*.html")
        if path.name != "index.html"
    )
    assert len(pages) == 2 and "C1" in pages
    assert all("/" not in page and page not in (".", "..") for page in pages)
    schema = load_schema()
    assert validate(read(tmp_path / "b", schema.table_names), schema).valid
