"""Spreadsheet text into the site's pages, safely: one escaping function, applied to every value.

Templates render with :func:`escape` as Jinja's ``finalize``, so every ``{{ value }}`` is escaped
unless it is :class:`Safe`: markup that our own code built (a link to one of our pages, a table,
a chart). The escaped text is plain characters and HTML character references only, so the same
string is literal text in Markdown and inside the raw HTML blocks (tables) the pages also use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

# Characters that can start markup in Markdown (with the extensions we enable) or in HTML, or end
# an HTML attribute: each becomes a numeric character reference, which both read as the character.
_SPECIAL = re.compile(r"[&<>\"'\\`*_{}\[\]#|]")
# What starts markup only at the start of a line: a list item or a numbered list.
_LINE_START = re.compile(r"^(?:[-+]|\d+\.)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _reference(found: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in found[0])


class Safe(str):
    """Markdown or HTML our own code produced; rendered as it is."""

    __slots__ = ()


def escape(value: Any) -> str:
    """Any value as literal text in Markdown: no markup, no HTML, one line."""
    if isinstance(value, Safe):
        return value
    if value is None:
        return ""
    text = _LINE_BREAKS.sub(" ", _CONTROL.sub("", str(value))).strip()
    text = _SPECIAL.sub(_reference, text)
    return _LINE_START.sub(_reference, text)


def link(label: Any, target: str) -> Safe:
    """A Markdown link to one of our own pages (``target`` is a relative path we built)."""
    return Safe(f"[{escape(label)}]({target})")


def html_link(label: Any, url: str) -> Safe:
    """An HTML link to one of our own pages (``url`` is a relative URL we built)."""
    return Safe(f'<a href="{url}">{escape(label)}</a>')


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Iterable[int] = ()
) -> Safe:
    """A table as one raw HTML block: every cell escaped, or Safe markup of ours.

    Big tables are written as HTML rather than Markdown: the converter passes a raw block through
    instead of parsing every cell, which makes a 20,000-page site build several times faster.
    The table is left out of the search index (``data-search-exclude``).
    """
    right = set(numeric)
    align = [' class="ab-num"' if index in right else "" for index in range(len(headers))]
    parts = ['<div class="ab-table" data-search-exclude><table><thead><tr>']
    parts += [f"<th{align[index]}>{escape(header)}</th>" for index, header in enumerate(headers)]
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>")
        parts += [f"<td{align[index]}>{escape(cell)}</td>" for index, cell in enumerate(row)]
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return Safe("".join(parts))
