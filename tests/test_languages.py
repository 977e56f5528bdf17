"""The site in several languages: catalogs, locale formats, fallbacks, the switcher, real builds."""

from __future__ import annotations

import html
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.numbers import format_currency, format_decimal
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator import catalogs
from generator.cli import cli
from generator.config import Config, ConfigError, load_config
from generator.i18n import language
from generator.pipeline import check
from generator.site import SiteBuildError

from .conftest import small_grid, write_csv
from .test_site import DEMO, ROOT, broken_links, build, make_project, tree_digest

sys.path.insert(0, str(DEMO))
from translations import TEXTS  # noqa: E402 (the demo's own texts, to compare pages with)

LANGUAGES = ("en", "cs", "de", "pt", "el", "tl")
NBSP = "\xa0"


def text_of(page: Path) -> str:
    """The readable text of a built page's article, one space between words."""
    content = page.read_text(encoding="utf-8")
    article = content[content.index("<article") : content.index("</article>")]
    # Only ASCII white space is folded: the no-break spaces of Czech numbers must stay.
    text = html.unescape(re.sub(r"<[^>]+>", " ", article))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# Formats


@pytest.mark.parametrize(
    ("code", "value", "currency", "expected"),
    [
        ("cs", "1234.56", "CZK", f"1{NBSP}234,56{NBSP}Kč"),
        ("de", "1234.56", "EUR", f"1.234,56{NBSP}€"),
        ("en", "1234.56", "USD", "$1,234.56"),
        ("pt", "-1234.5", "EUR", f"-€{NBSP}1.234,50"),
        ("el", "0.004", "EUR", f"0,00{NBSP}€"),
    ],
)
def test_money_with_a_currency_follows_the_locale(
    code: str, value: str, currency: str, expected: str
) -> None:
    assert language(code).amount(Decimal(value), currency) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("cs", "31. 3. 2026"),
        ("de", "31.03.2026"),
        ("en", "Mar 31, 2026"),
        ("pt", "31 de mar. de 2026"),
        ("el", "31 Μαρ 2026"),
    ],
)
def test_dates_follow_the_locale(code: str, expected: str) -> None:
    assert language(code).day(date(2026, 3, 31)) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "12.3%"), ("cs", f"12,3{NBSP}%"), ("de", f"12,3{NBSP}%"), ("el", "12,3%")],
)
def test_percentages_follow_the_locale(code: str, expected: str) -> None:
    assert language(code).percent(Decimal("0.1234")) == expected


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False),
    st.sampled_from(LANGUAGES),
)
def test_table_amounts_equal_babels_own_formatting(value: Decimal, code: str) -> None:
    # Tables use a fast path (Python's grouping with the locale's symbols); it must agree with
    # Babel's CLDR formatting for every value.
    lang = language(code)
    rounded = value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    expected = format_decimal(rounded if rounded else abs(rounded), "#,##0.00", locale=lang.locale)
    assert lang.money(value) == expected


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False),
    st.sampled_from(LANGUAGES),
    st.sampled_from(["EUR", "USD", "CZK", "GBP", "PHP", "JPY", "CHF", "XYZ"]),
)
def test_amounts_with_a_currency_equal_babels_own_formatting(
    value: Decimal, code: str, currency: str
) -> None:
    # Dossiers write many amounts with their currency; a fast path places the symbol around
    # a table's number where Babel would, and Babel writes the rest (JPY has no decimals).
    lang = language(code)
    rounded = value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    expected = format_currency(rounded if rounded else abs(rounded), currency, locale=lang.locale)
    assert lang.amount(value, currency) == expected


def test_placeholders_are_escaped_and_plurals_follow_the_language() -> None:
    cs = language("cs")
    assert cs._("Team of {name}", name="<b>Ann</b>") == "Tým: &#60;b&#62;Ann&#60;/b&#62;"
    clients = [cs.n_("{count} client.", "{count} clients.", n) for n in (1, 3, 5, 1200)]
    assert clients == ["1 klient.", "3 klienti.", "5 klientů.", f"1{NBSP}200 klientů."]
    assert language("el").word("Clients.status", "active") == "ενεργός"
    assert language("el").word("Contracts.status", "active") == "σε ισχύ"
    assert language("en").gettext("Duties") == "Duties"


def test_every_catalog_translates_every_text() -> None:
    # A text added to the code or the templates without its translations fails here, as does a
    # fuzzy (draft) translation or one the code no longer uses.
    assert catalogs.problems(ROOT) == []


def test_catalogs_find_texts_in_code_templates_schema_and_navigation() -> None:
    texts = {(message.context, message.id) for message in catalogs.template(ROOT) if message.id}
    assert (None, "Duties") in texts  # pages.py, marked N_()
    assert (None, "Nothing is overdue.") in texts  # a template
    assert ("Clients.status", "churned") in texts  # a word of the contract's lists
    assert (None, "Job descriptions") in texts  # the navigation of mkdocs.yml
    assert (None, ("{count} client.", "{count} clients.")) in texts  # a plural


# Configuration


def test_languages_from_the_config_file_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no accountbook.toml here: the defaults
    assert load_config(None, environ={}).languages == ("en",)
    path = tmp_path / "settings.toml"
    path.write_text('languages = ["cs", "en"]\n', encoding="utf-8")
    assert load_config(path, environ={}).languages == ("cs", "en")
    assert load_config(path, environ={}).default_language == "cs"
    overridden = load_config(path, environ={"ACCOUNTBOOK_LANGUAGES": "en, el"})
    assert overridden.languages == ("en", "el")
    path.write_text('languages = "de"\n', encoding="utf-8")  # one language, written as text
    assert load_config(path, environ={}).languages == ("de",)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('languages = ["en", "xx"]', "no translation catalog for the language 'xx'"),
        ('languages = ["en", "en"]', "names en more than once"),
        ("languages = []", "languages is empty"),
        ("languages = [1]", "must be a list of codes"),
    ],
)
def test_bad_languages_are_config_errors(tmp_path: Path, setting: str, message: str) -> None:
    path = tmp_path / "accountbook.toml"
    path.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path, environ={})


# The demo in six languages, built for real


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("six"))
    build(project, DEMO, languages=LANGUAGES)
    return project / "site"


def _root(site: Path, code: str) -> Path:
    return site if code == "en" else site / code


def test_every_language_has_the_whole_site_in_its_language(six: Path) -> None:
    english = {
        path.relative_to(six)
        for path in six.rglob("*.html")
        if path.relative_to(six).parts[0] not in LANGUAGES
    }
    assert len(english) > 80
    for code in LANGUAGES:
        root = _root(six, code)
        pages = {
            path.relative_to(root)
            for path in root.rglob("*.html")
            if path.relative_to(root).parts[0] not in LANGUAGES
        }
        assert pages == english, code
        home = (root / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{code}"' in home
        assert (root / "search" / "search_index.json").is_file()
    # The downloads are written once, at the root, for every language.
    assert (six / "downloads" / "kpis.xlsx").is_file()
    assert not any((six / code / "downloads").exists() for code in LANGUAGES[1:])
    assert broken_links(six) == []


@pytest.mark.parametrize(
    "page", ["index.html", "clients/C00007.html", "roles/account-manager.html",
             "kpi/leaderboard.html", "guide/cli.html"],
)  # fmt: skip
def test_switcher_links_land_on_the_same_page_in_every_language(six: Path, page: str) -> None:
    for code in LANGUAGES:
        source = _root(six, code) / page
        links = {
            lang: href
            for href, lang in re.findall(
                r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"',
                source.read_text(encoding="utf-8"),
            )
        }
        assert sorted(links) == sorted(LANGUAGES), (code, page)
        for target_code, href in links.items():
            landed = (source.parent / urlsplit(href).path).resolve()
            if landed.is_dir():
                landed = landed / "index.html"
            assert landed == (_root(six, target_code) / page).resolve(), (code, target_code)


def test_greek_job_description_has_greek_sections_and_clauses(six: Path) -> None:
    text = text_of(six / "el" / "roles" / "account-manager.html")
    greek = TEXTS["el"]
    assert text.startswith(greek["roles"]["account-manager"]["title"])
    assert "ΕΓΚΡΙΝΕΤΑΙ" in text
    for number, title in enumerate(
        ("Γενικές διατάξεις", "Γνώσεις", "Καθήκοντα", "Δικαιώματα", "Ευθύνη"), start=1
    ):
        assert f"{number}. {title}" in text
    first_duty = greek["duties"]["account-manager"][0]
    last_duty = greek["duties"]["account-manager"][-1]
    count = len(greek["duties"]["account-manager"])
    assert f"3.1 {first_duty}" in text
    assert f"3.{count} {last_duty}" in text
    assert "Not translated" not in text and "Δεν έχει μεταφραστεί" not in text
    # The people who hold it are linked, in Greek: "Κάτοχοι".
    assert "Κάτοχοι Eleni Papadaki , Tomás Ferreira" in text


def test_czech_dossier_uses_czech_words_numbers_and_dates(six: Path) -> None:
    text = text_of(six / "cs" / "clients" / "C00001.html")
    assert "Smlouvy" in text and "Pohledávky" in text and "Odpovědný manažer" in text
    assert re.search(r"Klientem od \d{1,2}\. \d{1,2}\. \d{4}", text)
    assert re.search(rf"Úvěrový limit \(EUR\) \d{{1,3}}(?:{NBSP}\d{{3}})*,\d\d", text)
    assert "malá a střední firma" in text or "klíčový" in text or "korporátní" in text


def test_navigation_and_hand_written_pages_in_other_languages(six: Path) -> None:
    home = (six / "de" / "index.html").read_text(encoding="utf-8")
    assert "Stellenbeschreibungen" in home and "Datenqualität" in home
    guide = text_of(six / "de" / "guide" / "cli.html")
    assert "Diese Seite gibt es nur auf Englisch." in guide
    assert "Diese Seite" not in text_of(six / "guide" / "cli.html")


def test_a_dossier_in_any_language_links_to_the_one_set_of_downloads(six: Path) -> None:
    page = six / "tl" / "clients" / "C00001.html"
    hrefs = re.findall(r'href="([^"]*downloads/[^"]*)"', page.read_text(encoding="utf-8"))
    assert hrefs
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), href


# Missing translations, and failures


def _english_only_workbook(tmp_path: Path) -> Path:
    grid = small_grid()
    grid["RoleTranslations"].append(
        ["account-manager", "el", "Υπεύθυνος Λογαριασμών", "", "", "", ""]
    )
    grid["RoleClauses"].append(["account-manager", "duties", "Βρίσκει πελάτες.", "el"])
    return write_csv(grid, tmp_path / "book")


def test_a_missing_translation_falls_back_with_a_note_and_is_listed(tmp_path: Path) -> None:
    source = _english_only_workbook(tmp_path)
    project = make_project(tmp_path / "project")
    result = build(project, source, languages=("en", "el"))
    site = project / "site"
    # Duties are translated; rights exist only in English and show in English with a note.
    text = text_of(site / "el" / "roles" / "account-manager.html")
    assert text.startswith("Υπεύθυνος Λογαριασμών")
    assert "1. Καθήκοντα 1.1 Βρίσκει πελάτες." in text
    assert "2. Δικαιώματα 2.1 May grant discounts." in text
    assert "Δεν έχει μεταφραστεί ακόμη" in text and "(English): Δικαιώματα." in text
    # The head of sales has no Greek at all: its title and details come from English too.
    head = text_of(site / "el" / "roles" / "head-of-sales.html")
    assert head.startswith("Head of Sales") and "τίτλος και στοιχεία" in head
    # The English site shows no note.
    assert "translated" not in text_of(site / "roles" / "account-manager.html")
    # check and the data-quality page (both languages) list what is missing.
    missing = [issue for issue in result.report.warnings if issue.code == "translation-missing"]
    assert [issue.value for issue in missing] == ["head-of-sales", "account-manager"]
    assert "Greek (el) text for: Rights" in missing[1].message
    for quality in (site / "data" / "quality.html", site / "el" / "data" / "quality.html"):  # fmt: skip
        assert text_of(quality).count("translation-missing") == 2


def test_check_lists_missing_translations_only_for_the_configured_languages(
    tmp_path: Path,
) -> None:
    source = _english_only_workbook(tmp_path)
    assert not [
        i for i in check(Config(source=str(source))).issues if i.code == "translation-missing"
    ]
    report = check(Config(source=str(source), languages=("en", "cs", "el")))
    found = [(i.value, i.message.split(" text for")[0]) for i in report.issues if i.code == "translation-missing"]  # fmt: skip
    assert found == [
        ("head-of-sales", "Role head-of-sales has no Czech (cs)"),
        ("account-manager", "Role account-manager has no Czech (cs)"),
        ("head-of-sales", "Role head-of-sales has no Greek (el)"),
        ("account-manager", "Role account-manager has no Greek (el)"),
    ]
    runner = CliRunner()
    result = runner.invoke(
        cli, ["check", "--source", str(source)], env={"ACCOUNTBOOK_LANGUAGES": "en,el"}
    )
    assert result.exit_code == 0, result.output
    assert "translation-missing" in result.output


def test_a_failing_language_stops_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    source = write_csv(small_grid(), tmp_path / "book")
    project = make_project(tmp_path / "project")
    build(project, source, languages=("en", "cs"))
    before = tree_digest(project / "site")
    # A hand-written page with a broken link: MkDocs' strict build fails in both languages'
    # processes, and the error comes back to the parent as a build error.
    (project / "docs" / "guide" / "broken.md").write_text("[x](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="nowhere.md"):
        build(project, source, languages=("en", "cs"))
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".accountbook-build-*"))


def test_a_multilingual_build_is_byte_identical(tmp_path: Path) -> None:
    source = write_csv(small_grid(), tmp_path / "book")
    digests = []
    for name in ("one", "two"):
        project = make_project(tmp_path / name)
        build(project, source, languages=("en", "cs", "el"))
        digests.append(tree_digest(project / "site"))
    assert digests[0] == digests[1]
    assert any(name.startswith("el/") for name in digests[0])


@pytest.mark.parametrize(
    ("code", "short", "legend"),
    [("en", "M<", ("Revenue (EUR)", "Target")), ("cs", "mil.<", ("Tržby (EUR)", "Plán")),
     ("el", "εκ.<", ("Στόχος",)), ("de", "Mio.<", ("Umsatz (EUR)",))],
)  # fmt: skip
def test_charts_speak_the_language_of_their_site(
    six: Path, code: str, short: str, legend: tuple[str, ...]
) -> None:
    """A chart's axis is shortened the way the language shortens millions (3,5 mil.), and its
    title, legend and table are in the site's language, on the wide and the narrow drawing."""
    for name in ("index-revenue.svg", "index-revenue-narrow.svg"):
        svg = (_root(six, code) / "charts" / name).read_text(encoding="utf-8")
        assert short in svg, (code, name)
        for word in legend:
            assert f">{word}</text>" in svg, (code, name, word)
        assert 'class="title"' in svg
    page = (_root(six, code) / "index.html").read_text(encoding="utf-8")
    assert 'srcset="charts/index-revenue-narrow.svg"' in page
    assert '<details class="ab-chart-data">' in page
