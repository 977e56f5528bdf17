"""Spreadsheet text into the site's pages, safely: one escaping function, applied to every value.

Templates render with :func:`escape` as Jinja's ``finalize``, so every ``{{ value }}`` is escaped
unless it is :class:`Safe`: markup that our own code built (a link to one of our pages, a table,
a chart). The escaped text is plain characters and HTML character references only, so the same
string is literal text in Markdown and inside the raw HTML blocks (tables) the pages also use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# Characters that can start markup in Markdown (with the extensions we enable) or in HTML, or end
# an HTML attribute: each becomes a numeric character reference, which both read as the character.
_SPECIAL = re.compile(r"[&<>\"'\\`*_{}\[\]#|]")
# What starts markup only at the start of a line: a list item, a numbered list, a rule.
_LINE_START = re.compile(r"^(?:[-+]|\d+\.)(?=\s|$)|^(?:-\s*){3,}$")
# Anything that needs the slow path; most cells (names, ids, numbers) need none of it: a
# character anywhere, or a start (or an end) that is markup. Two simple expressions are faster
# than one with anchored alternatives, which the engine would try at every position.
_UNSAFE_CHARACTER = re.compile(
    r"[&<>\"'\\`*_{}\[\]#|\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e"
    r"\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\ufeff\ud800-\udfff]"
)
_UNSAFE_START = re.compile(r"\s|(?:[-+]|\d+\.)(?=\s|$)|(?:-\s*){3,}$")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ud800-\udfff]")
# Text that can reorder what stands around it: the explicit direction controls, and the letters
# of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, ...). Such a value is isolated.
_BIDI = re.compile(
    r"[\u200f\u061c\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]"
)
_ISOLATE_OPEN = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_ISOLATE_CLOSE = "\u2069"  # PDI


def _reference(found: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in found[0])


def _marker(found: re.Match[str]) -> str:
    # Writing the marker's last character as a reference is enough to stop the markup.
    text = found[0]
    return text[:-1] + f"&#{ord(text[-1])};" if not text.startswith("-") else f"&#45;{text[1:]}"


class Safe(str):
    """Markdown or HTML our own code produced; rendered as it is."""

    __slots__ = ()


def escape(value: Any) -> str:
    """Any value as literal text in Markdown: no markup, no HTML, one line."""
    if isinstance(value, Safe):
        return value
    if value is None:
        return ""
    text = value if value.__class__ is str else str(value)
    known = _ESCAPED.get(text)
    if known is not None:
        return known
    if (
        _UNSAFE_CHARACTER.search(text) is None
        and _UNSAFE_START.match(text) is None
        and not text[-1:].isspace()
    ):
        escaped = text
    else:
        escaped = _escaped(text)
    if len(_ESCAPED) < _REMEMBERED:
        _ESCAPED[text] = escaped
    return escaped


# Texts escaped before: the dates, amounts, names and labels every page repeats are looked at
# once a process (a third of the time over a dossier's tables), up to a few megabytes of them.
_ESCAPED: dict[str, str] = {}
_REMEMBERED = 100_000


def _escaped(text: str) -> str:
    """The slow path of :func:`escape`, which any text can take."""
    text = _LINE_BREAKS.sub(" ", _CONTROL.sub("", text)).strip()
    text = _SPECIAL.sub(_reference, text)
    text = _LINE_START.sub(_marker, text)
    return isolated(text) if _BIDI.search(text) else text


def isolated(text: str) -> str:
    """``text`` as a bidirectional isolate (FSI ... PDI, what ``<bdi>`` does in HTML), so that
    nothing in it can reorder the text around it: a direction override it opens ends with it.

    A PDI with no isolate of its own to close would close ours early, so such PDIs are dropped.
    Works in Markdown, HTML, page titles and plain text alike.
    """
    kept = []
    depth = 0
    for char in text:
        if char in _ISOLATE_OPEN:
            depth += 1
        elif char == _ISOLATE_CLOSE:
            if not depth:
                continue
            depth -= 1
        kept.append(char)
    return "\u2068" + "".join(kept) + "\u2069"


def html_link(label: Any, url: str) -> Safe:
    """An HTML link to one of our own pages (``url`` is a relative URL we built)."""
    return Safe(f'<a href="{url}">{escape(label)}</a>')


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    numeric: Iterable[int] = (),
    sortable: bool = False,
    filters: Iterable[int] = (),
    words: Mapping[str, str] | None = None,
) -> Safe:
    """A table as one raw HTML block: every cell escaped, or Safe markup of ours.

    Big tables are written as HTML rather than Markdown: the converter passes a raw block through
    instead of parsing every cell, which makes a 20,000-page site build several times faster.
    The table is left out of the search index (``data-search-exclude``). A ``sortable`` one
    gets buttons in its headers from our script (``accountbook.js``), and a choice of values for
    each column in ``filters`` (0-based), with the script's ``words`` in the page's language
    ("all", "find", "shown"); without the script it is a plain table.
    """
    # Right-aligned columns are named once on the table (ab-r2 = the second column), not on
    # every cell: each attribute is parsed again by every HTML parser the build runs.
    # (On the wrapper: Material styles only tables that have no class of their own.)
    right = "".join(f" ab-r{index + 1}" for index in sorted(set(numeric)))
    extra = ""
    if sortable:
        right += " ab-sortable"
        chosen = " ".join(str(index) for index in sorted(set(filters)))
        extra = f' data-filters="{chosen}"' if chosen else ""
        if words:
            extra += f' data-words="{escape(json.dumps(dict(words), ensure_ascii=False))}"'
    parts = [f'<div class="ab-table{right}"{extra} data-search-exclude><table>']
    if any(headers):
        parts.append("<thead><tr>")
        parts += [f"<th>{escape(header)}</th>" for header in headers]
        parts.append("</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr><td>" + "</td><td>".join(map(escape, row)) + "</td></tr>")
    parts.append("</tbody></table></div>")
    return Safe("".join(parts))


def warning(title: str, items: Iterable[Any]) -> Safe:
    """A warning box (Material's admonition style), left out of the search index."""
    entries = "".join(f"<li>{escape(item)}</li>" for item in items)
    return Safe(
        f'<div class="admonition warning" data-search-exclude><p class="admonition-title">{escape(title)}</p>'
        f"<ul>{entries}</ul></div>"
    )


def front_matter(title: Any = None, hide: Sequence[str] = ()) -> Safe:
    """A page's title as YAML front matter, escaped; ``hide`` names the sidebars the page does
    without ("navigation", "toc": Material's ``hide``, which Zensical reads too), so that a data
    page's tables have the whole width of the screen.

    MkDocs takes a page's title from its first heading as plain text, and themes write it into
    ``<title>`` and elsewhere without escaping; a title set here, already escaped, is used as is.
    """

    hidden = "".join(f"  - {name}\n" for name in hide if name in ("navigation", "toc"))
    hiding = f"hide:\n{hidden}" if hidden else ""
    if title is None:
        return Safe(f"---\n{hiding}---\n\n" if hiding else "")

    # Unicode as it is (an emoji written as a \\u pair of halves would not survive YAML);
    # what YAML cannot hold as a character is written as its escape.
    quoted = json.dumps(escape(title), ensure_ascii=False)
    return Safe(f"---\ntitle: {_NOT_YAML.sub(_yaml_escape, quoted)}\n{hiding}---\n\n")


# Characters YAML does not allow in a document (PyYAML's reader refuses them).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found[0]):04x}"
