"""Record pages (the client dossiers) written straight into the page the theme made for one.

A big site is mostly client dossiers: thousands of pages with the same headings, not in the
navigation, linked to from other pages through HTML only. The engine builds every other page
and one dossier, the *shell*; every other dossier is the shell with its own title, links and
article. The article is the dossier's Markdown converted here, for the small part of Markdown
the dossier templates use (a title, paragraphs, headings with attributes, blocks of our own
HTML); a page that uses anything else, or whose headings differ from the shell's, is built by
the engine like any page. Each page's search entries come from the theme's own search code,
and its sitemap entry from the shell's.

Nothing is assumed of the theme: the shell's own conversion must be found, word for word, in
the page the engine built, and its search entries must be those the engine wrote. If not (a
theme or setting this renderer does not know), every dossier is built by the engine instead.
A test builds the demo both ways and requires the same site, byte for byte.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .engine import Engine, sitemap_blocks

# Folders whose pages (all but index.md) are record pages.
RECORD_FOLDERS = ("clients/",)


def is_record(name: str) -> bool:
    return name.startswith(RECORD_FOLDERS) and name.endswith(".md") and "/index.md" not in name


class Unsupported(Exception):
    """The page uses Markdown this renderer does not convert: the engine builds it."""


@dataclass(frozen=True)
class Article:
    """A record page converted: its title (front matter), body HTML and headings."""

    title: str
    body: str
    toc: list[dict[str, Any]]
    hide: str = ""  # the front matter's hide list, as written: it must be the shell's

    @property
    def first(self) -> str:
        """The id of the article's first heading (its title's), which the theme links to."""
        return self.toc[0]["id"] if self.toc else ""

    @property
    def headings(self) -> tuple[tuple[int, str, str], ...]:
        """Every heading below the title, which the theme lists in the page's contents."""
        found: list[tuple[int, str, str]] = []
        stack = list(reversed(self.toc))
        while stack:
            item = stack.pop()
            if item["level"] > 1:
                found.append((item["level"], item["id"], item["name"]))
            stack += reversed(item["children"])
        return tuple(found)


# A record page's front matter: its title, and the sidebars it hides (a page goes into the shell
# only if it hides the same ones as the shell).
_FRONT_MATTER = re.compile(r'---\ntitle: ("(?:[^"\\]|\\.)*")\n((?:hide:\n(?:  - [a-z]+\n)+)?)---\n')
_HEADING = re.compile(r"(#{1,6}) (.+?)(?: *\{ *([^{}]*?) *\})?")
_BLOCK_HTML = re.compile(r"<(div|p|figure)[\s>]")
# What would make Python-Markdown do more than wrap a line in <p>: emphasis, code, links,
# escapes, HTML, line breaks, lists, quotes, rules and underlined headings.
_INLINE_MARKUP = re.compile(r"[*_`\[\]<>\\!]|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_LINE_MARKUP = re.compile(r"^(?: {4}|[-+*>#=]|\d+[.)]\s|.*  $)|^-+$|^=+$")


_BLANK_LINE = re.compile(r"\n +(?=\n)")  # the line end first: see _moved


def convert(markdown: str, heading_id: Callable[[str], str]) -> Article:
    """The page's article as the engine's Markdown would give it, or :class:`Unsupported`."""
    found = _FRONT_MATTER.match(markdown)
    if not found:
        raise Unsupported("no title in front matter")
    title = json.loads(found[1])
    # As Python-Markdown's NormalizeWhitespace does: tabs expanded, blank lines emptied.
    text = markdown[found.end() :]
    if "\r" in text or "\t" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    if " \n" in text:
        text = _BLANK_LINE.sub("\n", text)
    parts: list[str] = []
    toc: list[dict[str, Any]] = []
    # Blocks between runs of two line ends or more, as re.split(r"\n{2,}") gives them (a run of
    # three leaves a line end before the next block; of four, an empty block): a fifth of its
    # time.
    for block in text.strip("\n").split("\n\n"):
        block = block.lstrip("\n")
        if not block:
            continue
        if block.startswith("#"):
            parts.append(_heading(block, heading_id, toc))
        elif _BLOCK_HTML.match(block):
            tag = _BLOCK_HTML.match(block)[1]  # type: ignore[index]
            if not block.rstrip().endswith(f"</{tag}>"):
                raise Unsupported("a block of HTML that does not end where it starts")
            parts.append(block.rstrip() + "\n")  # raw HTML blocks stand in a blank line
        else:
            lines = block.split("\n")
            for line in lines:
                if line != line.strip() or _LINE_MARKUP.match(line) or _INLINE_MARKUP.search(line):
                    raise Unsupported(f"Markdown in a paragraph: {line[:40]!r}")
            parts.append(f"<p>{block}</p>")
    return Article(title=title, body="\n".join(parts).strip(), toc=toc, hide=found[2])


def _heading(block: str, heading_id: Callable[[str], str], toc: list[dict[str, Any]]) -> str:
    found = _HEADING.fullmatch(block)
    if not found or "\n" in block:
        raise Unsupported("a heading this renderer does not know")
    hashes, text, attributes = found.groups()
    text = text.rstrip("#").rstrip()
    if _INLINE_MARKUP.search(text):
        raise Unsupported("Markdown in a heading")
    names = (attributes or "").split()
    if any(not re.fullmatch(r"[a-z][a-z0-9-]*", name) for name in names):
        raise Unsupported("a heading attribute with a value")
    level = len(hashes)
    identifier = heading_id(html.unescape(text))
    token: dict[str, Any] = {"level": level, "id": identifier, "name": text, "children": []}
    parent = toc
    while parent and parent[-1]["level"] < level:
        parent = parent[-1]["children"]
    parent.append(token)
    attrs = "".join(f" {name}" for name in names)
    return f'<h{level}{attrs} id="{identifier}">{text}</h{level}>'


# The tables of a dossier are all left out of the search index: the theme's search code reads
# the article without them (and so reads a tenth of it). A sortable table carries its filters
# and words between its class and the mark (escaped: no ">" in them).
_EXCLUDED_TABLE = re.compile(
    r'<div class="ab-table[^"]*"(?: data-[a-z]+="[^"<>]*")* data-search-exclude><table>.*?'
    r"</table></div>"
)


def search_content(body: str) -> str:
    """What of an article the theme's search code needs to read to index it as it would the
    whole: the blocks left out of the index (tables, cards, notes) are dropped, and after a
    heading that is left out of the index, with every heading after it, nothing more is read.

    (The end is cut first: no block left out holds a heading, so the cut is where it would be
    without them, and a dossier's tables, most of its article, are not looked at.)"""
    excluded = _EXCLUDED_HEADING.search(body)
    if excluded and not _INDEXED_HEADING.search(body, excluded.start()):
        body = body[: excluded.start()]
    return _without_excluded_blocks(_EXCLUDED_TABLE.sub("", body))


_EXCLUDED_HEADING = re.compile(r"<h[1-6] data-search-exclude id=")
# A block of HTML marked data-search-exclude at the start of a line, and the tags inside it.
_EXCLUDED_BLOCK = re.compile(r"^<([a-z]+)\b[^<>]*? data-search-exclude[ >]", re.MULTILINE)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>|<[!?]|<(?![/a-zA-Z])")
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def _without_excluded_blocks(body: str) -> str:
    """``body`` without the blocks that the theme's search code skips whole: those whose first
    element is marked data-search-exclude, holding no heading (a heading starts a section even
    there), whose tags all close in order (the code ends a skip at the first end tag of the
    same name, and ignores end tags that close nothing), and no comment or other markup."""
    heading = re.search(r"<h[1-6][ >]", body)
    if heading is None:  # before the first heading, any element starts the page's first section
        return body
    kept: list[str] = []
    at = heading.start()
    kept.append(body[:at])
    for found in _EXCLUDED_BLOCK.finditer(body, at):
        if found.start() < at:
            continue
        end = _skipped_whole(body, found.start())
        if end is not None:
            kept.append(body[at : found.start()])
            at = end
    kept.append(body[at:])
    return "".join(kept)


def _skipped_whole(body: str, start: int) -> int | None:
    """Where the element starting at ``start`` ends, if the search code skips it whole."""
    open_tags: list[str] = []
    for tag in _TAG.finditer(body, start):
        closing, name, self_closing = tag.groups()
        if name is None:
            return None
        name = name.lower()
        if name in _HEADINGS:
            return None
        if closing:
            if not open_tags or open_tags[-1] != name or name in open_tags[:-1]:
                return None
            open_tags.pop()
            if not open_tags:
                return tag.end()
        elif name in _VOID or self_closing:
            continue
        elif name in ("script", "style", "object"):  # skipped to the end of the page
            return None
        else:
            open_tags.append(name)
    return None


_INDEXED_HEADING = re.compile(r"<h[1-6](?! data-search-exclude)[ >]")

# Our tables and score cards in a page MkDocs builds are put back after the build: MkDocs (its
# Markdown library and the search plugin) parses every raw HTML block in Python, and a list of
# 20,000 clients is one; the search index leaves them out either way. (Cards hold sections,
# never a <div>: the first "</div>" after their start ends them.)
_HELD_BLOCK = re.compile(
    _EXCLUDED_TABLE.pattern + r'|<div class="ab-cards" data-search-exclude>(?:(?!<div).)*?</div>'
)


def hold_blocks(markdown: str, page: str) -> tuple[str, list[str]]:
    """``markdown`` with each table and set of cards of ours replaced by a placeholder, and
    the blocks replaced."""
    held: list[str] = []

    def hold(found: re.Match[str]) -> str:
        held.append(found[0])
        return f'<div data-ab-held="{html.escape(page)}:{len(held)}"></div>'

    return _HELD_BLOCK.sub(hold, markdown), held


def put_back(built: str, page: str, blocks: list[str]) -> str:
    """The page MkDocs built, with the blocks :func:`hold_blocks` held put back in place."""
    for number, block in enumerate(blocks, start=1):
        placeholder = f'<div data-ab-held="{html.escape(page)}:{number}"></div>'
        if built.count(placeholder) != 1:
            raise ShellError(f"the engine changed a held block of {page}")
        built = built.replace(placeholder, block, 1)
    return built


class ShellError(Exception):
    """The shell page is not what this renderer expects of the theme: build with the engine."""


@dataclass
class Shell:
    """The page the engine built for one record, cut where another record's parts go."""

    before_title: str
    between: str  # from after <title>'s text to the header's topic
    before_article: str
    after_article: str
    url: str
    title: str
    skip: str  # the theme's "skip to content" link, to the first heading

    @staticmethod
    def skip_to(first: str) -> str:
        """The theme's link to the content, to the heading ``first``."""
        return f'<a href="#{first}" class="md-skip">'

    @staticmethod
    def cut(page: str, article: Article, url: str) -> Shell:
        """Cut the engine's page for ``article``; :class:`ShellError` if it is not as expected."""
        body_at = page.find(article.body)
        if body_at < 0 or page.find(article.body, body_at + 1) >= 0:
            raise ShellError("the engine's article differs from this renderer's")
        head = page[:body_at]
        title_tag = f"<title>{article.title} - "
        title_at = head.find(title_tag)
        topic_at = head.find('data-md-component="header-topic"')
        shown_at = head.find(article.title, topic_at) if topic_at >= 0 else -1
        if title_at < 0 or shown_at < 0 or head.count(article.title) != 2:
            raise ShellError("the page's title is not where the theme puts it")
        start = title_at + len("<title>")
        skip = Shell.skip_to(article.first)
        if head.count(skip) != 1:
            raise ShellError("the theme's link to the content is not where it was")
        return Shell(
            before_title=head[:start],
            between=head[start + len(article.title) : shown_at],
            before_article=head[shown_at + len(article.title) :],
            after_article=page[body_at + len(article.body) :],
            url=url,
            title=article.title,
            skip=skip,
        )

    def page(self, article: Article, url: str) -> str:
        """Another record's page: this shell with its title, its links and its article."""
        before, after = self.around(article.title, article.first, url)
        return before + article.body + after

    def around(self, title: str, first: str, url: str) -> tuple[str, str]:
        """What stands before and after the article of the record page at ``url`` whose title
        is ``title`` (as HTML) and whose first heading is ``first``."""
        before = self.before_title + title + self.between + title
        before = (before + self.before_article).replace(self.skip, Shell.skip_to(first), 1)
        return _moved(before, self.url, url), _moved(self.after_article, self.url, url)


def _moved(text: str, old: str, new: str) -> str:
    """``text`` with every link to the page at ``old`` (its own URL, in another language, its
    canonical address) pointing at ``new``."""
    if not old or old not in text:
        return text
    # The address first, its neighbours after: a pattern that starts with a lookbehind is tried
    # at every character (a dossier's shell: 396 us against 27 us).
    link = re.escape(old)
    return re.sub(rf'{link}(?<=["/]{link})(?=")', new.replace("\\", "\\\\"), text)


def join_search_index(
    engine: Engine, site: Path, ours: dict[str, list[dict[str, Any]]], order: list[str]
) -> None:
    """Our pages' entries into the engine's search index, where the engine puts a folder's
    pages: together, in ``order`` (``ours`` and ``order`` by URL)."""
    path = engine.search_index(site)
    if path is None:
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    wanted = set(order)
    entries: dict[str, list[Any]] = defaultdict(list)
    for entry in index["docs"]:
        page = _page_of(entry["location"])
        if page in wanted:
            entries[page].append(entry)
    for url, found in ours.items():
        entries[url] += found
    index["docs"] = _in_order(
        index["docs"], lambda entry: _page_of(entry["location"]), entries, order
    )
    engine.write_search_index(path, index)


def join_sitemap(
    engine: Engine, site: Path, shell_url: str, ours: Iterable[str], order: list[str]
) -> None:
    """Our pages' entries into the sitemap (which lists pages only when site_url is set)."""
    path = engine.sitemap(site)
    if path is None:
        return
    text = path.read_text(encoding="utf-8")
    blocks = sitemap_blocks(text)
    if not blocks:
        return
    wanted = set(order)

    def page(block: str) -> str:
        found = re.search(r"<loc>(.*?)</loc>", block)
        location = html.unescape(found[1]) if found else ""
        starts = (index + 1 for index, char in enumerate(location) if char == "/")
        return next((location[at:] for at in starts if location[at:] in wanted), "")

    entries: dict[str, list[str]] = defaultdict(list)
    for block in blocks:
        if page(block) in wanted:
            entries[page(block)].append(block)
    model = entries.get(shell_url, [""])[0]
    for url in ours:
        entries[url].append(
            re.sub(
                rf"(?<=/){re.escape(html.escape(shell_url))}(?=</loc>)",
                html.escape(url).replace("\\", "\\\\"),
                model,
            )
        )
    start = text.index(blocks[0])
    end = text.index(blocks[-1]) + len(blocks[-1])
    joined = _in_order(blocks, page, entries, order)
    engine.write_sitemap(path, text[:start] + "".join(joined) + text[end:])


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def _in_order(
    items: list[Any], page: Callable[[Any], str], entries: dict[str, list[Any]], order: list[str]
) -> list[Any]:
    """``items`` with the record pages' entries replaced by ``entries``, in ``order``: they
    stand together where the first of them stood (the engine builds a folder's pages in a row)."""
    wanted = set(order)
    joined: list[Any] = []
    placed = False
    for item in items:
        if page(item) not in wanted:
            joined.append(item)
        elif not placed:
            joined += [entry for url in order for entry in entries[url]]
            placed = True
    if not placed:
        joined += [entry for url in order for entry in entries[url]]
    return joined
