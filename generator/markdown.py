"""Spreadsheet text into Markdown, safely: one escaping function, applied to every value.

Templates render with :func:`escape` as Jinja's ``finalize``, so every ``{{ value }}`` is escaped
unless it is :class:`Safe`: markup that our own code built (a link to one of our pages, a chart).
"""

from __future__ import annotations

import html
import re
from typing import Any

# Python-Markdown's backslash escapes, plus | for tables: every character that can start markup
# with the extensions we enable (and no other: an escape it does not know prints the backslash).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class Safe(str):
    """Markdown or HTML our own code produced; rendered as it is."""

    __slots__ = ()


def escape(value: Any) -> str:
    """Any value as literal text in Markdown: no markup, no HTML, one line."""
    if isinstance(value, Safe):
        return value
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value))
    text = _LINE_BREAKS.sub(" ", text)
    # HTML first (so & < > cannot start an entity or a tag), then Markdown's own characters.
    text = html.escape(text, quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def link(label: Any, target: str) -> Safe:
    """A link to one of our own pages (``target`` is a relative path we built)."""
    return Safe(f"[{escape(label)}]({target})")
