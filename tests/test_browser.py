"""What a person sees, in a real headless Chromium: charts drawn, no console errors, search works."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
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


def _serve(factory: pytest.TempPathFactory, languages: tuple[str, ...]) -> Iterator[str]:
    project = make_project(factory.mktemp("browser"))
    build(project, DEMO, languages=languages)
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
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
    "path", ["", "clients/C00002/", "kpi/", "kpi/leaderboard/", "managers/M004/"]
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
    assert any(link and "clients/C00002/" in link for link in links), links
    assert errors == []
    page.close()


def test_language_switcher_lands_on_the_same_page_in_greek(
    browser: Any, served_languages: str
) -> None:
    page, errors, requests = _open(browser, served_languages + "cs/clients/C00007/")
    name = page.locator("article h1").inner_text()
    assert page.locator("html").get_attribute("lang") == "cs"
    assert page.get_by_role("heading", name="Smlouvy").count() == 1
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator("a.md-select__link[hreflang=el]").click()
    assert page.url == served_languages + "el/clients/C00007/"
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
    assert "el/clients/C00002/" in href or href.endswith("clients/C00002/"), href
    assert errors == []
    page.close()


@pytest.mark.parametrize("path", ["managers/M004/", "kpi/", "clients/", "clients/C00002/"])
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
