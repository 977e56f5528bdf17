"""Ids from the spreadsheet into file names that cannot leave the output folder."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_KEEP = re.compile(r"[A-Za-z0-9-]")
_ALL_KEPT = re.compile(r"[A-Za-z0-9-]+")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}


@lru_cache(maxsize=1 << 16)  # a page links to the same managers and roles as thousands of others
def page_slug(identifier: str) -> str:
    """A file-name stem for ``identifier``: letters, digits and hyphens; anything else encoded.

    Every other character becomes ``_`` and its code point in hex and ``_``, so the mapping is
    one to one: no two ids share a slug, and no slug holds a path separator, a dot or NUL.
    """
    if _ALL_KEPT.fullmatch(identifier) and identifier.lower() not in _RESERVED:
        return identifier  # most ids: nothing to encode
    text = unicodedata.normalize("NFC", identifier)
    slug = "".join(char if _KEEP.fullmatch(char) else f"_{ord(char):x}_" for char in text)
    if not slug or slug.lower() in _RESERVED:
        slug = f"_{slug}"
    return slug


# Names the site gives its own pages in the folders where ids name pages: an id spelled so
# would replace a list page (index.md) or be taken by MkDocs for one (README.md).
RESERVED_PAGE_NAMES = frozenset({"index", "readme"})
# Most file systems allow 255 bytes in a file name. The longest name an id makes is a chart's:
# charts/managers-<slug>-revenue.svg (21 bytes besides the slug).
LONGEST_SLUG = 255 - len("managers-") - len("-revenue.svg")


def slug_problem(identifier: str) -> str | None:
    """Why ``identifier`` cannot name a page, or None when it can."""
    slug = page_slug(identifier)
    if slug.casefold() in RESERVED_PAGE_NAMES:
        return "reserved"
    if len(slug.encode("utf-8")) > LONGEST_SLUG:
        return "too-long"
    return None
