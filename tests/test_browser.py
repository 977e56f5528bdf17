"""What a person sees, in a real headless Chromium: charts drawn, no console errors, search works."""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .test_site import DEMO, build, make_project

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(tmp_path_factory, ("en",))


@pytest.fixture(scope="module")
def served_languages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(tmp_path_factory, ("en", "cs", "el"))


# The folder of each served site, by its address: the same site is also opened from disk.
SITES: dict[str, Path] = {}


def _serve(factory: pytest.TempPathFactory, languages: tuple[str, ...]) -> Iterator[str]:
    project = make_project(factory.mktemp("browser"))
    build(project, DEMO, languages=languages)
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    SITES[address] = project / "site"
    try:
        yield address
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail(
                "Chromium is not installed; .ci/run installs it with apt-get install chromium"
            )
        pytest.skip(
            "Chromium is not installed here (apt-get install chromium); CI runs these tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
            ],
        )
        try:
            yield launched
        finally:
            launched.close()


def _open(browser: Any, url: str) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    requests: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return page, errors, requests


@pytest.mark.parametrize(
    "path",
    ["", "clients/C00002.html", "kpi/index.html", "kpi/leaderboard.html", "managers/M004.html"],
)
def test_charts_are_drawn_without_errors_or_outside_requests(
    browser: Any, served: str, path: str
) -> None:
    page, errors, requests = _open(browser, served + path)
    charts = page.locator("img.ab-chart")
    assert charts.count() > 0
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        chart.evaluate("image => image.decode()")
        assert chart.evaluate("image => image.complete && image.naturalWidth > 300"), index
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
    assert errors == []
    assert [url for url in requests if not url.startswith(served)] == []
    # The picture itself: bars with a real size, as the browser lays them out. (Opened on its
    # own, the browser also asks for /favicon.ico, which a site need not have.)
    page.goto(charts.first.evaluate("image => image.src"))
    bars = page.locator("rect.bar")
    assert bars.count() > 0
    sizes = [bars.nth(index).bounding_box() for index in range(min(bars.count(), 5))]
    assert all(box is not None and box["width"] > 1 for box in sizes)
    page.close()


def test_search_finds_a_client_by_name(browser: Any, served: str) -> None:
    page, errors, _ = _open(browser, served)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Cobalt Components")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=15_000)
    links = [
        page.locator(".md-search-result__item a").nth(i).get_attribute("href") for i in range(3)
    ]
    assert any(link and "clients/C00002.html" in link for link in links), links
    assert errors == []
    page.close()


def test_language_switcher_lands_on_the_same_page_in_greek(
    browser: Any, served_languages: str
) -> None:
    page, errors, requests = _open(browser, served_languages + "cs/clients/C00007.html")
    name = page.locator("article h1").inner_text()
    assert page.locator("html").get_attribute("lang") == "cs"
    assert page.get_by_role("heading", name="Smlouvy").count() == 1
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator("a.md-select__link[hreflang=el]").click()
    assert page.url == served_languages + "el/clients/C00007.html"
    assert page.locator("html").get_attribute("lang") == "el"
    assert page.locator("article h1").inner_text() == name
    assert page.get_by_role("heading", name="Συμβάσεις").count() == 1
    # Greek is drawn with real glyphs from the system's fonts, not as empty boxes: an
    # unassigned code point (drawn as a box) measures differently from Greek letters.
    widths = page.evaluate(
        """() => {
            const context = document.createElement("canvas").getContext("2d");
            context.font = getComputedStyle(document.querySelector("article h2")).font;
            return [context.measureText("Συμβάσεις").width,
                    context.measureText("\u0378".repeat(9)).width];
        }"""
    )
    assert widths[0] > 0 and widths[0] != widths[1]
    assert errors == []
    assert [url for url in requests if not url.startswith(served_languages)] == []
    page.close()


def test_search_in_the_greek_site_finds_a_client(browser: Any, served_languages: str) -> None:
    page, errors, _ = _open(browser, served_languages + "el/")
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Αναζήτηση"
    page.locator("input.md-search__input").click()
    page.keyboard.type("Cobalt Components")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(state="visible", timeout=15_000)
    href = result.get_attribute("href") or ""
    assert "el/clients/C00002.html" in href, href
    assert errors == []
    page.close()


@pytest.mark.parametrize(
    "path", ["managers/M004.html", "kpi/index.html", "clients/index.html", "clients/C00002.html"]
)
def test_numbers_are_right_aligned_and_the_rest_left(browser: Any, served: str, path: str) -> None:
    """Every column a table of ours names as numeric (ab-r2: the second) is right-aligned as
    the browser lays it out, in figures of one width; the others stay left-aligned."""
    page, errors, _ = _open(browser, served + path)
    found = page.evaluate(
        """() => [...document.querySelectorAll("div.ab-table")].map(wrapper => {
            const numeric = [...wrapper.classList].filter(c => /^ab-r\\d+$/.test(c))
                .map(c => Number(c.slice(4)));
            const row = wrapper.querySelector("tbody tr");
            if (!row) return null;
            return [...row.children].map((cell, index) => ({
                numeric: numeric.includes(index + 1),
                align: getComputedStyle(cell).textAlign,
                figures: getComputedStyle(cell).fontVariantNumeric,
            }));
        }).filter(Boolean)"""
    )
    cells = [cell for table in found for cell in table]
    assert any(cell["numeric"] for cell in cells) and any(not cell["numeric"] for cell in cells)
    for cell in cells:
        assert cell["align"] == ("right" if cell["numeric"] else "left"), cell
        assert cell["figures"] == "tabular-nums"
    assert errors == []
    page.close()


# The reporting site, as a director sees it: at a laptop's width and a phone's. ----------------

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCOPE_PAGES = ["", "kpi/index.html", "kpi/team-M001.html", "managers/M004.html"]
PAGE_KINDS = [
    *SCOPE_PAGES, "kpi/leaderboard.html", "clients/index.html", "managers/index.html", "clients/C00002.html",
    "roles/account-manager.html",
]  # fmt: skip


def _at(browser: Any, url: str, viewport: dict[str, int]) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return page, errors


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_every_table_fits_at_a_laptops_width(browser: Any, served: str, path: str) -> None:
    page, errors = _at(browser, served + path, LAPTOP)
    tables = page.locator("article table")
    assert tables.count() > 0
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll(
                "article .ab-table, article .md-typeset__scrollwrap, article .md-typeset__table")]
            .filter(box => box.scrollWidth > box.clientWidth + 1)
            .map(box => [box.querySelector("th") && box.querySelector("th").textContent,
                         box.scrollWidth, box.clientWidth])"""
    )
    assert overflowing == []
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP["width"]
    assert errors == []
    page.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("path", SCOPE_PAGES)
def test_the_first_screen_shows_the_scorecards(
    browser: Any, served: str, path: str, viewport: dict[str, int]
) -> None:
    page, errors = _at(browser, served + path, viewport)
    cards = page.locator(".ab-cards .ab-card")
    assert cards.count() == 4
    first = cards.first.bounding_box()
    assert first is not None and first["y"] + 120 < viewport["height"]
    if viewport is LAPTOP:  # side by side: all four on the first screen
        tops = {round(cards.nth(i).bounding_box()["y"]) for i in range(4)}
        assert len(tops) == 1 and max(tops) < viewport["height"] / 2
    else:  # stacked, one under another, each as wide as the screen allows
        boxes = [cards.nth(i).bounding_box() for i in range(4)]
        assert all(b["y"] > a["y"] + a["height"] - 1 for a, b in itertools.pairwise(boxes))
        assert all(box["width"] > PHONE["width"] * 0.8 for box in boxes)
    # Ahead or behind is said in words and a symbol, not by colour alone.
    verdicts = page.locator(".ab-card__verdict").all_inner_texts()
    assert verdicts and all(text[:1] in "▲▼" and len(text) > 4 for text in verdicts)
    states = page.evaluate(
        """() => [...document.querySelectorAll(".ab-card")].map(card => [
            card.className, getComputedStyle(card).borderTopColor,
            card.querySelector(".ab-card__verdict")?.textContent || ""])"""
    )
    for classes, colour, verdict in states:
        if "ab-card--ahead" in classes:
            assert verdict.startswith("▲") and colour == "rgb(27, 122, 58)"
        if "ab-card--behind" in classes:
            assert verdict.startswith("▼") and colour == "rgb(179, 38, 30)"
    assert page.locator(".ab-card svg.ab-spark").count() >= 3
    assert errors == []
    page.close()


def _chart_text_sizes(page: Any) -> list[tuple[str, float]]:
    """Each chart's smallest text as drawn on the screen: the picture's own font size times
    how much the page scales the picture (its shown width over its viewBox's width)."""
    import re
    import urllib.request

    found = []
    charts = page.locator("img.ab-chart")
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        chart.evaluate("image => image.decode()")
        source = chart.evaluate("image => image.currentSrc")
        width = chart.evaluate("image => image.getBoundingClientRect().width")
        with urllib.request.urlopen(source) as response:  # noqa: S310 - our own test server
            svg = response.read().decode()
        view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
        sizes = [
            float(size) for size in re.findall(r"font(?:-size)?:\s*(?:bold\s+)?([\d.]+)px", svg)
        ]
        assert sizes, source
        found.append((source, min(sizes) * width / view_width))
    return found


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize(
    "path", ["", "managers/M004.html", "kpi/leaderboard.html", "clients/C00002.html"]
)
def test_chart_text_is_at_least_11_pixels(
    browser: Any, served: str, path: str, viewport: dict[str, int]
) -> None:
    page, errors = _at(browser, served + path, viewport)
    sizes = _chart_text_sizes(page)
    assert sizes
    for source, size in sizes:
        assert size >= 11, (source, size)
        # A phone is shown the narrow picture, drawn for its width.
        assert source.endswith("-narrow.svg") == (viewport is PHONE), source
    # Every chart's numbers are a table: under it, or (a dossier's) the page's sales by month.
    figure = page.locator("figure.ab-figure").first
    if path.startswith("clients/"):
        assert page.locator("#sales-by-month ~ .ab-table tbody tr").count() > 0
    else:
        assert figure.locator("details.ab-chart-data table tbody tr").count() > 0
    assert errors == []
    page.close()


def test_a_wide_table_scrolls_inside_itself_with_its_first_column_fixed(
    browser: Any, served: str
) -> None:
    page, errors = _at(browser, served + "kpi/index.html", PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = page.locator("article .md-typeset__scrollwrap").filter(has=page.locator("th")).nth(3)
    box.scroll_into_view_if_needed()
    assert box.evaluate("box => box.scrollWidth > box.clientWidth")
    first = box.locator("tbody tr td").first
    second = box.locator("tbody tr td").nth(1)
    before = first.bounding_box()["x"], second.bounding_box()["x"]
    box.evaluate("box => { box.scrollLeft = 200; }")
    after = first.bounding_box()["x"], second.bounding_box()["x"]
    assert after[0] == pytest.approx(before[0], abs=1)  # the first column stays
    assert after[1] < before[1] - 100  # the others scroll under it
    assert errors == []
    page.close()


def _column(page: Any, index: int) -> list[str]:
    return page.evaluate(
        """index => [...document.querySelectorAll(".ab-sortable tbody tr")]
            .filter(row => !row.hidden).map(row => row.cells[index].textContent.trim())""",
        index,
    )


def test_the_clients_list_sorts_by_any_column_and_filters(browser: Any, served: str) -> None:
    page, errors = _at(browser, served + "clients/index.html", LAPTOP)
    names = _column(page, 0)
    assert len(names) == 60 and names == sorted(names, key=str.casefold)  # by name at first
    assert "Small business" in _column(page, 2) and "smb" not in _column(page, 2)
    # The overdue column sorts as numbers, both ways.
    overdue = page.locator(".ab-sortable th button", has_text="Overdue")

    def amounts() -> list[float | None]:
        return [None if text == "–" else float(text.replace(",", "")) for text in _column(page, 5)]

    overdue.click()
    found = amounts()
    numbers = [amount for amount in found if amount is not None]
    assert len(numbers) > 10 and numbers == sorted(numbers)
    assert found[: len(numbers)] == numbers  # clients with nothing overdue come last
    overdue.click()
    found = amounts()
    assert [amount for amount in found if amount is not None] == sorted(numbers, reverse=True)
    assert found[: len(numbers)] == sorted(numbers, reverse=True)
    assert page.locator(".ab-sortable th").nth(5).get_attribute("aria-sort") == "descending"
    # Filters by segment and manager, together; the count says how many are shown.
    page.get_by_label("Segment").select_option("Key account")
    segments = _column(page, 2)
    assert segments and set(segments) == {"Key account"} and len(segments) < 60
    manager = _column(page, 1)[0]
    page.get_by_label("Manager").select_option(manager)
    shown = _column(page, 1)
    assert set(shown) == {manager} and set(_column(page, 2)) == {"Key account"}
    assert page.locator(".ab-count").inner_text() == f"{len(shown)} of 60 shown"
    page.get_by_label("Find").fill(_column(page, 0)[0][:8])
    assert 1 <= len(_column(page, 0)) <= len(shown)
    assert errors == []
    page.close()


def test_the_managers_list_sorts_and_filters_by_role(browser: Any, served: str) -> None:
    page, errors = _at(browser, served + "managers/index.html", LAPTOP)
    names = _column(page, 0)
    assert names == sorted(names, key=str.casefold)
    page.get_by_label("Role").select_option("Account Manager")
    assert set(_column(page, 1)) == {"Account Manager"}
    page.locator(".ab-sortable th button", has_text="Clients").click()
    counts = [int(text) for text in _column(page, 4)]
    assert counts == sorted(counts)
    assert errors == []
    page.close()


def _search(page: Any, words: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    # Typed as a person's keyboard would send it: Playwright types letters outside ASCII as
    # one inserted text, which sends no key events (and the theme searches on key-up).
    box.fill(words)
    box.press("End")
    page.locator(".md-search-result__item a").first.wait_for(state="visible", timeout=15_000)
    items = page.locator(".md-search-result__item a")
    return [items.nth(i).get_attribute("href") or "" for i in range(items.count())]


def test_search_finds_a_client_by_id(browser: Any, served: str) -> None:
    page, errors = _at(browser, served, LAPTOP)
    assert any("clients/C00044.html" in link for link in _search(page, "C00044")[:3])
    assert errors == []
    page.close()


def test_search_finds_a_manager_by_name(browser: Any, served: str) -> None:
    page, errors = _at(browser, served, LAPTOP)
    assert any("managers/M004.html" in link for link in _search(page, "Papadaki")[:3])
    assert errors == []
    page.close()


@pytest.mark.parametrize(
    ("code", "word", "search_language"),
    [
        ("el", "πελατών", "el"),  # "of the clients": Greek rules, Greek stop words
        ("cs", "klientů", "en"),  # lunr has no Czech rules: the theme's default
    ],
)
def test_search_finds_a_word_of_each_language(
    browser: Any, served_languages: str, code: str, word: str, search_language: str
) -> None:
    import json
    import urllib.request

    index_url = served_languages + f"{code}/search/search_index.json"
    with urllib.request.urlopen(index_url) as response:  # noqa: S310 - our own test server
        assert json.load(response)["config"]["lang"] == [search_language]
    page, errors = _at(browser, served_languages + f"{code}/", LAPTOP)
    links = _search(page, word)
    assert links and all(f"/{code}/" in link for link in links)
    assert errors == []
    page.close()


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("code", ["", "el/"], ids=["en", "el"])
def test_no_accessibility_violations_on_any_page_kind(
    browser: Any, served_languages: str, code: str, viewport: dict[str, int]
) -> None:
    """axe-core (bundled by axe-playwright-python) finds no WCAG 2.1 A or AA violation on any
    page kind, in English and in Greek, at both widths."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport=viewport)
    found = {}
    for path in PAGE_KINDS:
        page.goto(served_languages + code + path, wait_until="networkidle")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        violations = results.response["violations"]
        if violations:
            found[path] = [
                (item["id"], item["nodes"][0]["target"], item["nodes"][0]["failureSummary"][:160])
                for item in violations
            ]
    assert found == {}
    page.close()


def test_the_site_opened_from_disk_links_searches_and_switches_language(
    browser: Any, served_languages: str
) -> None:
    """site/index.html opened as a file, as the README says: the links land on pages (not on
    folder listings), search finds a client, and the language switcher lands on the same page."""
    root = SITES[served_languages].as_uri() + "/"
    page, errors = _at(browser, root + "index.html", LAPTOP)
    assert page.locator(".ab-cards .ab-card").count() == 4
    page.locator(".md-tabs__link", has_text="Clients").click()
    page.wait_for_load_state()
    assert page.url == root + "clients/index.html"
    page.locator(".ab-sortable tbody a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(root + "clients/C") and page.url.endswith(".html")
    dossier = page.url
    assert page.locator("article h1").count() == 1
    # Search: the theme's worker runs in our frame (no web worker from disk).
    links = _search(page, "Cobalt")
    assert any(link.startswith(root) and "clients/C00002.html" in link for link in links), links
    page.keyboard.press("Escape")
    page.goto(dossier)
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator("a.md-select__link[hreflang=el]").click()
    assert page.url == dossier.replace(root, root + "el/")
    assert page.locator("html").get_attribute("lang") == "el"
    # A download opens as a file too.
    href = page.locator("article a[href$='.xlsx']").first.get_attribute("href")
    assert href and (Path(page.url.removeprefix("file://")).parent / href).resolve().is_file()
    assert errors == []
    page.close()
