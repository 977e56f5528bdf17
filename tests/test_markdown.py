"""The one escaping function: any spreadsheet text renders as itself, never as markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.markdown import Safe, escape, html_link
from tests.test_site import ROOT

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](http://example.com/x.png)",
    "{: onclick=alert(1) }",
    "a | b | c",
    "line one\nline two\r\nline three",
    "{{ config }} {% raw %}",
    "**bold** _em_ `code` ~~strike~~",
    "# heading",
    "- list item",
    "1. numbered",
    "12. numbered too",
    "---",
    "- - -",
    "+ plus item",
    "* star item",
    "  leading spaces",
    "    four spaces: a code block at line start",
    "> quote",
    "&amp; &lt;b&gt;",
    "<!-- comment -->",
    "<http://example.com>",
    "[ref]: http://example.com",
    "\\*not bold\\*",
    "Αθήνα, Žluťoučký kůň, ‏مرحبا‏, 👩‍💼",
]


def _extensions() -> list[object]:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return [
        next(iter(item)) if isinstance(item, dict) else item
        for item in config["markdown_extensions"]
    ]


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _render(source: str) -> _Collect:
    html = markdown.markdown(source, extensions=_extensions())
    collect = _Collect()
    collect.feed(html)
    return collect


_BIDI = re.compile(
    r"[\u200f\u061c\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]"
)


def _shown(value: str) -> str:
    """What a value shows as: its words, isolated (FSI ... PDI) when it can reorder the text
    around it (right-to-left letters, direction controls)."""
    shown = " ".join(value.split())
    if not _BIDI.search(shown):
        return shown
    # A closing PDI with no isolate of its own before it would end ours early: it is dropped.
    kept, open_isolates = [], 0
    for char in shown:
        if char == "\u2069" and not open_isolates:
            continue
        open_isolates += char in "\u2066\u2067\u2068"
        open_isolates -= char == "\u2069"
        kept.append(char)
    return "\u2068" + "".join(kept) + "\u2069"


def test_hostile_values_render_as_their_own_text() -> None:
    for value in HOSTILE:
        rendered = _render(escape(value))
        assert rendered.tags == ["p"], (value, rendered.tags)
        assert " ".join("".join(rendered.text).split()) == _shown(value), value


def test_values_in_a_table_cell_stay_in_their_cell() -> None:
    rows = "\n".join(f"| {escape(value)} | x |" for value in HOSTILE)
    rendered = _render(f"| a | b |\n|---|---|\n{rows}\n")
    assert rendered.tags.count("tr") == len(HOSTILE) + 1
    assert rendered.tags.count("td") == 2 * len(HOSTILE)
    assert set(rendered.tags) == {"table", "thead", "tbody", "tr", "th", "td"}


def test_a_text_escaped_again_comes_from_memory_and_our_markup_is_never_mistaken_for_it() -> None:
    from generator.pages import markdown

    for value in [*HOSTILE, "plain", "2026-11-22", "1 234,56 K\u010d"]:
        first = escape(value)
        assert value in markdown._ESCAPED
        assert escape(value) == first == markdown._escaped(value)
    # The same characters as markup of ours stay markup, and as a value stay escaped, whichever
    # was seen first.
    assert escape("<b>x</b>") == "&#60;b&#62;x&#60;/b&#62;"
    assert escape(Safe("<b>x</b>")) == "<b>x</b>"
    assert escape(Safe("<i>y</i>")) == "<i>y</i>"
    assert escape("<i>y</i>") == "&#60;i&#62;y&#60;/i&#62;"


def test_link_label_is_escaped() -> None:
    rendered = _render(html_link('<b>x</b>"><script>alert(1)</script>', "../clients/C1/"))
    assert rendered.tags == ["p", "a"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_is_one_paragraph_of_itself(value: str) -> None:
    # Control characters other than white space are dropped; everything else shows as written,
    # isolated when it can reorder what stands around it.
    kept = re.sub(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]", "", value)
    rendered = _render("Text: " + escape(value))
    assert rendered.tags == ["p"]
    assert " ".join("".join(rendered.text).split()) == " ".join(("Text: " + _shown(kept)).split())


_MARKUP_ALPHABET = st.sampled_from(
    list("-+*#.1 \t\n\r\x0b\x85\u2028\u00a0a<&|`_") + ["12.", "- ", "---"]
)


@settings(max_examples=500)
@given(st.one_of(st.text(), st.lists(_MARKUP_ALPHABET).map("".join)))
def test_the_quick_check_lets_through_only_text_the_slow_path_leaves_alone(text: str) -> None:
    # escape() returns most cells untouched after two quick checks; any text they let through
    # must be text the full escaping would not change.
    from generator.pages.markdown import _escaped

    assert escape(text) == _escaped(text)
