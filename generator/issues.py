"""Validation issues: what is wrong, where, and what was expected.

An issue never carries a whole row (rows hold personal data and reports go to CI logs): only the
offending value, shortened, and masked when the column holds personal data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, SupportsIndex

ERROR = "error"
WARNING = "warning"

# Every issue code with its severity and a one-line explanation, for the docs and `--help`.
CODES: dict[str, tuple[str, str]] = {
    "source-unreadable": (ERROR, "a tab's file cannot be read (encoding, CSV syntax)"),
    "csv-delimiter": (ERROR, "a CSV file is separated by semicolons or tabs, not commas"),
    "missing-tab": (ERROR, "a required tab is absent"),
    "missing-column": (ERROR, "a column is absent (a warning when the column is optional)"),
    "duplicate-column": (ERROR, "two columns of a tab have the same header"),
    "blank-header": (WARNING, "a column holds values but has no header; its values are ignored"),
    "unknown-column": (WARNING, "a column that the contract does not know; it is ignored"),
    "formula-without-value": (
        ERROR,
        "a cell holds a formula whose result was never saved (open and save the file)",
    ),
    "invalid-character": (ERROR, "a cell holds a character that is not text (a lone surrogate)"),
    "error-cell": (ERROR, "a cell shows a formula error such as #REF! or #N/A"),
    "type-error": (ERROR, "a value is not of the column's type"),
    "date-out-of-range": (ERROR, "a date before 1900 or after 2199"),
    "out-of-range": (
        ERROR,
        "a number too large or too near 0 to be meant, or a paid amount outside its sale's amount",
    ),
    "missing-value": (ERROR, "a required cell is empty"),
    "not-in-enum": (ERROR, "a value is not one of the allowed values"),
    "below-minimum": (ERROR, "a number is below the allowed minimum"),
    "pattern-mismatch": (ERROR, "a value is not written in the required form"),
    "duplicate-key": (ERROR, "a key that must be unique appears twice"),
    "file-name-collision": (
        ERROR,
        "two ids would name the same page (they differ only in letter case)",
    ),
    "reserved-name": (ERROR, "an id that is the name of one of the site's own pages (index)"),
    "file-name-too-long": (ERROR, "an id too long to name a file on every file system"),
    "foreign-key": (ERROR, "a reference to a row of another tab that does not exist"),
    "reference-mismatch": (ERROR, "a reference to a row that belongs to something else"),
    "date-order": (ERROR, "a date that must not be before another one is"),
    "cycle": (ERROR, "a chain of references that leads back to where it started"),
    "missing-rate": (ERROR, "a currency other than the base currency has no exchange rate"),
    "translation-missing": (
        WARNING,
        "a role has no text in one of the site's languages; the default language's is shown",
    ),
}

_LONGEST_VALUE = 60


@dataclass(frozen=True)
class Issue:
    """One problem in the workbook."""

    code: str
    message: str
    tab: str | None = None
    cell: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    expected: str | None = None
    severity: str = ERROR

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def issue(code: str, message: str, **where: Any) -> Issue:
    """An issue with the severity its code has (or the one given)."""
    severity = where.pop("severity", None) or CODES[code][0]
    return Issue(code=code, message=message, severity=severity, **where)


def shown_value(value: Any, personal: bool = False) -> str:
    """The value as an issue shows it: quoted, shortened, and masked when personal."""
    text = value if isinstance(value, str) else str(value)
    if personal:
        return f"{text[:1]!r}… (personal data, {len(text)} characters, hidden)"
    if len(text) > _LONGEST_VALUE:
        return f"{text[:_LONGEST_VALUE]!r}… ({len(text)} characters)"
    return repr(text)


# Beyond this many issues with the same tab, code and column, only their number is kept: a
# million-row tab with one wrong column must not hold a million issues in memory.
KEPT_PER_KIND = 1000


class Issues(list[Issue]):
    """A list of issues that keeps at most :data:`KEPT_PER_KIND` of each kind (tab, code,
    column), and counts the others in ``omitted`` by (tab, code, column, severity)."""

    def __init__(self, issues: Iterable[Issue] = ()) -> None:
        super().__init__()
        self.kept: Counter[tuple[str | None, str, str | None]] = Counter()
        self.omitted: Counter[tuple[str | None, str, str | None, str]] = Counter()
        self.extend(issues)

    def append(self, found: Issue) -> None:
        kind = (found.tab, found.code, found.column)
        if self.kept[kind] >= KEPT_PER_KIND:
            self.omitted[(*kind, found.severity)] += 1
            return
        self.kept[kind] += 1
        super().append(found)

    def extend(self, issues: Iterable[Issue]) -> None:
        for found in issues:
            self.append(found)

    def insert(self, index: SupportsIndex, found: Issue) -> None:
        raise TypeError("issues are appended")

    def count_of(self, severity: str) -> int:
        """How many issues of ``severity`` were found, the omitted ones included."""
        kept = sum(1 for found in self if found.severity == severity)
        return kept + sum(n for kind, n in self.omitted.items() if kind[3] == severity)
