"""Build real sites with MkDocs and assert on their pages, numbers and files."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from generator import pipeline
from generator.cli import cli
from generator.config import Config
from generator.contract.schema import load_schema
from generator.kpi import compute, kpis_csv
from generator.model import build_model
from generator.sources.local import read
from generator.validation.validate import validate

from .conftest import set_cell, small_grid, write_csv

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "demo"
AS_OF = date(2026, 11, 22)


def make_project(folder: Path) -> Path:
    """A project folder as a user has it: mkdocs.yml and the hand-written pages of docs/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs" / "guide", folder / "docs" / "guide")
    return folder


def build(project: Path, source: Path, **settings: object) -> pipeline.BuildResult:
    config = Config(source=str(source), site_name="Test site", **settings)  # type: ignore[arg-type]
    return pipeline.build(config, AS_OF, project)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("demo"))
    build(project, DEMO)
    return project


def test_demo_site_has_every_page(demo_site: Path) -> None:
    site = demo_site / "site"
    schema = load_schema()
    tables = validate(read(DEMO, schema.table_names), schema).tables
    for client_id in tables["Clients"].columns["client_id"]:
        assert (site / "clients" / f"{client_id}.html").is_file()
    for manager_id in tables["Managers"].columns["manager_id"]:
        assert (site / "managers" / f"{manager_id}.html").is_file()
    for role_id in tables["Roles"].columns["role_id"]:
        assert (site / "roles" / f"{role_id}.html").is_file()
    for page in ("index.html", "kpi/index.html", "kpi/leaderboard.html", "data/spreadsheet.html",
                 "data/quality.html", "data/kpi-definitions.html", "kpi/team-M001.html"):  # fmt: skip
        assert (site / page).is_file(), page


def test_kpis_csv_matches_the_engine(demo_site: Path) -> None:
    schema = load_schema()
    report = validate(read(DEMO, schema.table_names), schema)
    expected = kpis_csv(compute(build_model(report, "EUR"), AS_OF))
    assert (demo_site / "site" / "downloads" / "kpis.csv").read_text(encoding="utf-8") == expected


def test_job_description_has_numbered_sections_and_holders(demo_site: Path) -> None:
    page = (demo_site / "site" / "roles" / "account-manager.html").read_text(encoding="utf-8")
    assert "APPROVED" in page
    for number, title in enumerate(
        ["General provisions", "Knowledge", "Duties", "Rights", "Responsibility"], 1
    ):
        assert f"{number}. {title}</h2>" in page
    assert "<strong>3.1</strong> Looks for new clients" in page
    assert 'href="../managers/M004.html"' in page  # a holder of the role, linked


def test_dossier_shows_contracts_receivables_and_flags(demo_site: Path) -> None:
    page = (demo_site / "site" / "clients" / "C00002.html").read_text(encoding="utf-8")
    assert "Risk flags" in page and "Overdue receivables" in page
    assert "K-2024-00002" in page
    assert "90+ days" in page
    assert page.count('class="ab-chart"') == 1
    chart = (demo_site / "site" / "charts" / "clients-C00002-sales.svg").read_text(encoding="utf-8")
    # A bar for each of the last 24 months; a month of returns only has a low (negative) one.
    assert chart.startswith("<svg") and chart.count('<rect class="bar') == 24


def test_search_index_holds_a_dossiers_title_and_summary_only(demo_site: Path) -> None:
    index = json.loads((demo_site / "site" / "search" / "search_index.json").read_text("utf-8"))
    dossier = [entry for entry in index["docs"] if entry["location"] == "clients/C00002.html"]
    # One entry, its text the summary: the cards, downloads, flags and tables are left out
    # (an element nested in an excluded one of the same tag once ended the exclusion early).
    assert len(dossier) == 1
    assert dossier[0]["text"].startswith("<p>Client in ") and dossier[0]["text"].count("<p>") == 1
    home = next(entry for entry in index["docs"] if entry["location"] == "index.html")
    assert "ab-card" not in home["text"] and "Revenue, " not in home["text"]


def test_home_alerts_name_the_few_that_matter_and_count_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.pages import render as pages

    monkeypatch.setattr(pages, "LIST_CAP", 3)
    schema = load_schema()
    report = validate(read(DEMO, schema.table_names), schema)
    model = build_model(report, "EUR")
    files = pages.render(
        model, compute(model, AS_OF), schema, report.warnings, Config(source=str(DEMO)), "demo"
    )
    alerts = files["index.md"].split("### Contracts expiring within 90 days", 1)[1]
    expiring, rest = alerts.split("### Clients lost or declining")
    assert expiring.count("| K-") == 3 and "The 3 soonest of 13;" in expiring
    lost, declining = rest.split("Selling under 75 %")
    assert lost.count("<a href=") == 3 and "; 2 more, each flagged on its page." in lost
    assert "the 3 with the largest fall of 19;" in declining
    falls = [
        float(before.replace(",", "")) - float(recent.replace(",", ""))
        for recent, before in re.findall(r"\| ([\d,.]+) \| ([\d,.]+) \|", declining)
    ]
    assert len(falls) == 3 and falls == sorted(falls, reverse=True)
    # Whoever is left out of the home page is flagged on its own page.
    lost_ids = re.findall(r"clients/(C\d+)\.html", lost)
    for client_id in set(re.findall(r"clients/(C\d+)", rest)) - set(lost_ids):
        assert "Risk flags" in files[f"clients/{client_id}.md"]
    quarter_flags = [
        name for name, page in files.items() if "Bought in 2026-Q3 and not in 2026-Q4" in page
    ]
    assert len(quarter_flags) == 5 and {f"clients/{c}.md" for c in lost_ids} <= set(quarter_flags)


def test_personal_and_internal_data_stay_out_by_default(demo_site: Path) -> None:
    schema = load_schema()
    tables = validate(read(DEMO, schema.table_names), schema).tables
    secrets = [
        value
        for table in schema.tables
        for column in table.fields
        if column.personal or column.internal
        for value in tables[table.name].columns[column.name]
        if value
    ]
    assert len(secrets) > 100
    text = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in (demo_site / "site").rglob("*")
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml")
    )
    leaked = {value for value in set(secrets) if value in text}
    # Short generic notes can occur in other text; personal values never may.
    assert not {value for value in leaked if "@" in value or value.startswith("+")}
    assert "Prefers quarterly invoicing." not in text


def test_personal_data_when_the_config_allows(tmp_path: Path) -> None:
    grid = small_grid()
    project = make_project(tmp_path / "p")
    build(project, write_csv(grid, tmp_path / "b"), publish_personal=True)
    page = (project / "site" / "clients" / "C1.html").read_text(encoding="utf-8")
    assert "pat@acme.example" in page


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    first = make_project(tmp_path / "one")
    second = make_project(tmp_path / "two")
    build(first, DEMO)
    build(second, DEMO)
    assert tree_digest(first / "docs") == tree_digest(second / "docs")
    assert tree_digest(first / "site") == tree_digest(second / "site")


def test_invalid_workbook_builds_nothing_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    good = write_csv(small_grid(), tmp_path / "good")
    build(project, good)
    before_site, before_docs = tree_digest(project / "site"), tree_digest(project / "docs")
    grid = small_grid()
    set_cell(grid, "Sales!C3", "C404")
    with pytest.raises(pipeline.InvalidWorkbook) as raised:
        build(project, write_csv(grid, tmp_path / "bad"))
    assert [issue.cell for issue in raised.value.report.errors] == ["Sales!C3"]
    assert tree_digest(project / "site") == before_site
    assert tree_digest(project / "docs") == before_docs
    assert not list(project.glob(".accountbook-build-*")) and not list(
        project.glob(".site-building-*")
    )


def test_hand_written_pages_are_kept_and_stale_pages_go(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "docs" / "guide" / "welcome.md").write_text(
        "# Welcome\n\nOur own words.\n", encoding="utf-8"
    )
    grid = small_grid()
    build(project, write_csv(grid, tmp_path / "a"))
    assert (project / "docs" / "clients" / "C2.md").is_file()
    grid["Sales"].pop()  # S2 was C2's only sale
    grid["Clients"].pop()  # C2 leaves the workbook
    build(project, write_csv(grid, tmp_path / "b"))
    assert not (project / "docs" / "clients" / "C2.md").exists()
    assert not (project / "site" / "clients" / "C2").exists()
    assert (project / "docs" / "guide" / "welcome.md").read_text(
        encoding="utf-8"
    ) == "# Welcome\n\nOur own words.\n"
    assert "Our own words." in (project / "site" / "guide" / "welcome.html").read_text(
        encoding="utf-8"
    )


def test_build_command_from_the_project_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "p")
    write_csv(small_grid(), project / "data")
    (project / "accountbook.toml").write_text(
        'source = "data"\nsite_name = "Small"\n', encoding="utf-8"
    )
    monkeypatch.chdir(project)
    result = CliRunner().invoke(
        cli, ["build", "--as-of", "2026-03-31", "--site-dir", "public"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Built {project / 'public'} (")
    assert "<title>Small</title>" in (project / "public" / "index.html").read_text(encoding="utf-8")


def test_build_command_invalid_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "p")
    grid = small_grid()
    set_cell(grid, "Clients!D2", "vip")
    write_csv(grid, project / "data")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["build", "--source", "data"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Clients!D2" in result.output and "The site was not built" in result.output
    assert not (project / "site").exists()


# Golden files: the generated Markdown of the small workbook, page by page.
GOLDEN = Path(__file__).resolve().parent / "golden"


def test_generated_markdown_matches_golden_files(tmp_path: Path, update_golden: bool) -> None:
    project = make_project(tmp_path / "p")
    build(project, write_csv(small_grid(), tmp_path / "b"))
    generated = {
        str(path.relative_to(project / "docs")): path.read_text(encoding="utf-8")
        for path in sorted((project / "docs").rglob("*.md"))
        if path.relative_to(project / "docs").parts[0] not in ("guide",)
    }
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in generated.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {
        str(path.relative_to(GOLDEN)): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*.md"))
    }
    assert sorted(generated) == sorted(expected)
    for name, text in generated.items():
        assert text == expected[name], (
            f"{name} differs from tests/golden (run pytest --update-golden on purpose)"
        )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "link": "href", "script": "src", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.targets.append(value)


def broken_links(site: Path) -> list[str]:
    """Every relative link of the site's pages that leads to no file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # MkDocs writes its links absolute, for any depth of missing URL
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            address = urlsplit(target)
            if address.scheme or address.netloc or not address.path:
                continue  # absolute links are the theme's own; fragments stay on the page
            resolved = (page.parent / unquote(address.path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append(f"{page.relative_to(site)} -> {target}")
    return broken


def test_every_link_of_the_demo_site_resolves(demo_site: Path) -> None:
    assert broken_links(demo_site / "site") == []


def test_serve_builds_then_serves_the_site(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project = make_project(tmp_path / "p")
    write_csv(small_grid(), project / "data")
    (project / "accountbook.toml").write_text(
        'source = "data"\nsite_name = "Served"\n', encoding="utf-8"
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--as-of",
            "2026-03-31",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        page = ""
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/clients/C1.html", timeout=2
                ) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, server.stdout.read().decode() if server.stdout else ""
                time.sleep(0.3)
        assert "<title>Acme - Served</title>" in page
        assert (project / "site" / "index.html").is_file()  # built first, as build does
    finally:
        server.terminate()
        server.wait(timeout=10)


def _through(record_pages: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build record pages through the shell (True) or every page through MkDocs (False)."""
    from generator.site import build as site_build

    monkeypatch.setattr(site_build, "RECORD_PAGES", record_pages)


@pytest.mark.parametrize("site_url", [None, "https://intranet.example/accounts/"])
def test_dossiers_through_the_shell_equal_dossiers_built_by_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_url: str | None
) -> None:
    # Every dossier but one is written into the page MkDocs built for that one. The site must
    # be the one MkDocs makes of every page, byte for byte: the pages, the search index and
    # (when site_url is set) the sitemap, whatever the names (a name that is also a heading
    # gives its page other heading ids: MkDocs builds that one).
    grid = small_grid()
    set_cell(grid, "Clients!B2", "Profile")  # the id "profile" is taken by the title
    set_cell(grid, "Clients!B3", "A & B <Ltd> 😀 Ωμέγα")
    source = write_csv(grid, tmp_path / "book")
    from generator.site.engine import Engine

    runs = []
    engine_build = Engine.build

    def counted(self: Engine, docs: Path, site: Path) -> None:
        runs.append(docs)
        engine_build(self, docs, site)

    monkeypatch.setattr(Engine, "build", counted)
    from generator.site import build as site_build

    converted: list[str] = []
    convert = site_build.convert

    def counted_convert(markdown: str, heading_id: Any) -> Any:
        article = convert(markdown, heading_id)  # raises for a page it does not take
        converted.append(article.title)
        return article

    monkeypatch.setattr(site_build, "convert", counted_convert)
    built = []
    for name, record_pages in (("mkdocs", False), ("shell", True)):
        _through(record_pages, monkeypatch)
        for book, label in ((DEMO, "demo"), (source, "small")):
            project = make_project(tmp_path / name / label)
            config = project / "mkdocs.yml"
            if site_url:
                config.write_text(f"site_url: {site_url}\n" + config.read_text(encoding="utf-8"))
            # A hand-written page linking to a heading of a generated list page.
            notes = project / "docs" / "notes"
            notes.mkdir()
            (notes / "underlined.md").write_text(
                "Team notes\n==========\n\nSee [the client list](../clients/index.md#clients).\n"
            )
            build(project, book)
            built.append(tree_digest(project / "site"))
    assert built[0] == built[2] and built[1] == built[3]
    assert len([name for name in built[2] if name.startswith("clients/")]) == 61
    # MkDocs ran once a build: the shell was used, not the fallback that builds every page;
    # and the renderer took every dossier of the demo (cards, charts and front matter too).
    assert len(runs) == 4
    assert len(converted) >= 60


def test_a_big_synthetic_site_through_the_shell_equals_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2,500 clients: the shell at the size where the sharded build used to start, whose
    # generated names (and their heading ids) the demo does not have.
    from bench.generate import generate

    source = generate(2500, 25_000, tmp_path / "book")
    built = []
    for name, record_pages in (("mkdocs", False), ("shell", True)):
        _through(record_pages, monkeypatch)
        project = make_project(tmp_path / name)
        build(project, source)
        built.append(tree_digest(project / "site"))
    assert built[0] == built[1]
    assert len([name for name in built[1] if name.startswith("clients/")]) == 2501


@pytest.mark.parametrize("languages", [("en",), ("en", "cs")])
def test_a_theme_the_shell_does_not_know_builds_every_page_with_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, languages: tuple[str, ...]
) -> None:
    # With permalinks on, MkDocs' headings differ from the renderer's: the shell's own page
    # shows it, and every dossier is built by MkDocs instead; the site is still whole, in
    # every language, and docs/ holds every generated page.
    built = []
    for name, record_pages in (("mkdocs", False), ("shell", True)):
        _through(record_pages, monkeypatch)
        project = make_project(tmp_path / name)
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("permalink: false", "permalink: true")
        )
        build(project, DEMO, languages=languages)
        built.append((tree_digest(project / "site"), tree_digest(project / "docs")))
    assert built[0] == built[1]
    assert f"{languages[-1]}/clients/C00002.html".removeprefix("en/") in built[1][0]
    assert "clients/C00002.md" in built[1][1]


def test_languages_through_the_shell_equal_languages_built_by_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On four cores, two languages are built side by side, each with its own shell. docs/
    # holds the default language's generated pages as MkDocs would have read them, dossiers
    # too, whoever built them.
    from generator import workers

    monkeypatch.setattr(workers.os, "cpu_count", lambda: 4)
    built = []
    for name, record_pages in (("mkdocs", False), ("shell", True)):
        _through(record_pages, monkeypatch)
        project = make_project(tmp_path / name)
        build(project, DEMO, languages=("en", "cs"))
        built.append((tree_digest(project / "site"), tree_digest(project / "docs")))
    assert built[0] == built[1]
    assert "cs/clients/C00002.html" in built[1][0]
    assert len([name for name in built[1][1] if name.startswith("clients/")]) == 61


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ('<a href="../cs/clients/C1.html">', '<a href="../cs/clients/C9.html">'),
        ('<link href="clients/C1.html">', '<link href="clients/C9.html">'),
        (
            '"clients/C1.html" and "/x/clients/C1.html"',
            '"clients/C9.html" and "/x/clients/C9.html"',
        ),
        ('"xclients/C1.html"', '"xclients/C1.html"'),  # another page's name ends so
        ('"clients/C1.html#top"', '"clients/C1.html#top"'),  # a link into it stays
        ('"clients/C1.html', '"clients/C1.html'),
    ],
)
def test_a_record_page_s_links_to_itself_point_at_the_new_record(text: str, moved: str) -> None:
    from generator.site.shell import _moved

    assert _moved(text, "clients/C1.html", "clients/C9.html") == moved


def test_the_shell_takes_only_the_markdown_it_knows() -> None:
    from generator.site.shell import Unsupported, convert

    def ids() -> Callable[[str], str]:
        return lambda text: text.lower().replace(" ", "-")

    page = '---\ntitle: "Acme"\n---\n\n# Acme\n\nClient in Wien.\n\n## Profile { data-search-exclude }\n\n<div class="ab-table"><table></table></div>\n'
    article = convert(page, ids())
    assert article.body == (
        '<h1 id="acme">Acme</h1>\n<p>Client in Wien.</p>\n'
        '<h2 data-search-exclude id="profile">Profile</h2>\n<div class="ab-table"><table></table></div>'
    )
    assert article.headings == ((2, "profile", "Profile"),)
    for markdown in ("Some *emphasis*", "- a list", "    code", "Text\n===", "[a](b.md)", "a  "):
        with pytest.raises(Unsupported):
            convert('---\ntitle: "x"\n---\n\n' + markdown + "\n", ids())


@pytest.mark.parametrize(
    "block",
    [
        '<div class="c" data-search-exclude><section><p>1</p><p class="t"><svg><polyline/></svg></p></section></div>',
        '<p data-search-exclude>Download: <a href="a.xlsx">it</a>,\n<a href="b.csv">b</a>.</p>',
        # The theme's search code ends the skip at a nested element of the same tag.
        '<div class="c" data-search-exclude><section><div class="t">in</div><p>out</p></section></div>',
        '<div data-search-exclude><h3 id="inner">Inner</h3><p>text</p></div>',  # a section
        "<div data-search-exclude><p>open<div>x</div></div>",  # tags that do not close in order
        "<div data-search-exclude><!-- note --><p>x</p></div>",
        "<div data-search-exclude><script>x</script></div>",
        "<p>kept</p>",
    ],
)
def test_search_content_reads_what_the_theme_would_index(block: str, tmp_path: Path) -> None:
    from generator.site.engine import Engine
    from generator.site.shell import search_content

    project = make_project(tmp_path)
    engine = Engine(project, "Test site", AS_OF, "en", ("en",))
    toc = [{"level": 1, "id": "acme", "name": "Acme", "children": []}]
    body = f'<h1 id="acme">Acme</h1>\n<p>Client in Wien.</p>\n{block}\n<p>After.</p>'
    trimmed = search_content(body)
    assert engine.search_entries("c.html", "Acme", trimmed, toc) == engine.search_entries(
        "c.html", "Acme", body, toc
    )
    if block.startswith(('<div class="c" data-search-exclude><section><p>', "<p data-search")):
        assert block not in trimmed  # skipped whole: not read at all


def test_tables_and_cards_are_held_out_of_the_engine_and_put_back() -> None:
    # MkDocs parses every raw HTML block it is given, in Python: a list of 20,000 clients is
    # one, and a sortable one carries its filters and words before its search mark.
    from generator.pages.markdown import table
    from generator.site.shell import hold_blocks, put_back

    rows = [(f"Client {n}", f"{n * 7:,}") for n in range(200)]
    plain = table(("Client", "Revenue"), rows, numeric=[1])
    sortable = table(
        ("Client", "Revenue"), rows, numeric=[1], sortable=True, filters=[0],
        words={"all": "All", "find": "Find {it}"},
    )  # fmt: skip
    short = table(("Client",), [("One",)], sortable=True, filters=[0])
    cards = (
        '<div class="ab-cards" data-search-exclude><section class="ab-card"><p>Revenue</p>'
        '<svg class="ab-spark"><polyline points="0,1 2,3"/></svg></section></div>'
    )
    mine = '<div class="note" data-search-exclude><p>Not ours to hold</p></div>'
    page = f"# Clients\n\n{plain}\n\nText.\n\n{sortable}\n\n{cards}\n\n{short}\n\n{mine}\n"
    shown, held = hold_blocks(page, "clients/index.md")
    assert held == [plain, sortable, cards, short]
    assert all(block not in shown for block in held) and mine in shown
    assert put_back(shown, "clients/index.md", held) == page


def test_pages_rendered_already_build_the_same_site(tmp_path: Path) -> None:
    # build_site also takes {path: Markdown} (the benchmarks pass it so).
    from generator.pages.render import render
    from generator.site import build_site

    schema = load_schema()
    report = validate(read(DEMO, schema.table_names), schema)
    model = build_model(report, "EUR")
    files = render(
        model, compute(model, AS_OF), schema, report.warnings, Config(source=str(DEMO)), "demo"
    )
    project = make_project(tmp_path / "p")
    pages = build_site(files, project, project / "site", "Test site", AS_OF)
    # 60 dossiers, 8 managers, 3 roles, and home, 3 lists, company KPIs, leaderboard, 3 teams,
    # the spreadsheet guide, the KPI definitions and data quality.
    assert pages == 60 + 8 + 3 + 12
    assert (project / "site" / "clients" / "C00060.html").is_file()


@pytest.mark.parametrize("languages", [("en",), ("en", "cs")])
def test_the_model_is_let_go_of_before_mkdocs_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, languages: tuple[str, ...]
) -> None:
    # A 20,000-client model takes most of a gigabyte: once this process has rendered its last
    # language's pages, it lets go of it before MkDocs starts. The model in a forked process is
    # a copy; freeing it there would only copy it, so that one is kept.
    import os

    from generator.pages.render import Pages
    from generator.site import build as site_build
    from generator.site.engine import Engine

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    schema = load_schema()
    report = validate(read(DEMO, schema.table_names), schema)
    model = build_model(report, "EUR")
    pages = Pages(model, compute(model, AS_OF), schema, [], Config(source=str(DEMO)), "demo")
    log = tmp_path / "held-at-mkdocs.txt"  # written by forked languages too
    log.touch()
    engine_build = Engine.build

    def spy(self: Engine, docs: Path, site: Path) -> None:
        with log.open("a") as stream:
            stream.write(f"{pages.model is not None}\n")
        engine_build(self, docs, site)

    monkeypatch.setattr(Engine, "build", spy)
    project = make_project(tmp_path / "project")
    site_build.build_site(pages, project, project / "site", "Test", AS_OF, languages=languages)
    assert (project / "site" / "clients" / "C00001.html").is_file()
    if len(languages) == 1:
        assert pages.model is None and not pages.sales_by_client
        assert log.read_text().split() == ["False"]
        with pytest.raises(RuntimeError, match="released"):
            pages.render("en")
    else:
        # Each language is built in a forked process, which keeps its copy; this one keeps its own.
        assert pages.model is model and log.read_text().split() == ["True", "True"]


def test_jobs_1_builds_in_one_process_and_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # jobs bounds the processes (and so the memory) of a build: with 1 nothing is forked, not
    # the languages, the downloads or the scan, and the site is the same as the parallel build's.
    import os

    from generator.site import guard

    monkeypatch.setattr(guard, "PARALLEL_FILES", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    built = []
    for jobs in (None, 1):
        project = make_project(tmp_path / f"jobs-{jobs}")
        if jobs == 1:

            def no_fork() -> int:
                raise AssertionError("forked a process with jobs = 1")

            monkeypatch.setattr(os, "fork", no_fork)
        build(project, DEMO, languages=("en", "cs"), jobs=jobs)
        built.append(tree_digest(project / "site"))
    assert built[0] == built[1]


def test_build_timings_name_every_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.chdir(make_project(tmp_path / "project"))
    result = CliRunner().invoke(
        cli, ["build", "--source", str(DEMO), "--as-of", "2026-11-22", "--timings"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Built ")
    stages = {}
    for line in result.output.splitlines()[1:]:
        name, seconds, unit = line.rsplit(None, 2)
        assert unit == "s"
        stages[name.strip()] = float(seconds)
    assert list(stages) == [
        "read and validate",
        "model",
        "downloads",
        "KPIs",
        "insights",
        "pages",
        "MkDocs",
        "record pages",
        "safety scan",
        "replacing the previous site",
        "total",
    ]
    assert stages["MkDocs"] > 0
    assert sum(stages.values()) - stages["total"] <= stages["total"] + 0.5


def test_a_failure_writing_the_downloads_in_one_process_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        yield "kpis.csv", "half"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline, "each_download", broken)
    project = make_project(tmp_path / "project")
    with pytest.raises(OSError, match="No space left"):
        build(project, DEMO, jobs=1)
    assert sorted(path.name for path in project.iterdir()) == ["docs", "mkdocs.yml"]


def test_jobs_in_the_config(tmp_path: Path) -> None:
    from generator.config import ConfigError, load_config

    path = tmp_path / "accountbook.toml"
    path.write_text("jobs = 1\n", encoding="utf-8")
    assert load_config(path, environ={}).jobs == 1
    assert load_config(path, environ={"ACCOUNTBOOK_JOBS": "3"}).jobs == 3
    for bad in ("jobs = 0", 'jobs = "many"', "jobs = true"):
        path.write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="jobs must be a whole number of 1 or more"):
            load_config(path, environ={})


def test_a_project_given_as_a_relative_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MkDocs reads relative folders against mkdocs.yml's own folder; the build must not care.
    make_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    result = build(Path("project"), write_csv(small_grid(), tmp_path / "book"))
    assert (tmp_path / "project" / "site" / "clients" / "C1.html").is_file()
    assert result.pages > 0
