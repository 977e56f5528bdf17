"""Show a validation report to a person (an aligned table) or to a program (JSON)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..issues import ERROR, KEPT_PER_KIND, Issue
from .validate import Report


def summary_line(report: Report) -> str:
    errors = report.error_count
    warnings = report.warning_count
    verdict = "valid" if report.valid else "invalid"
    return f"{verdict}: {_count(errors, 'error')}, {_count(warnings, 'warning')}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


# Cells a grouped issue names before "and N more".
CELLS_SHOWN = 3


@dataclass(frozen=True)
class Group:
    """Issues with the same severity, tab, code, column and value: one retyped id that 38 sales
    use is one thing to fix, shown once with its count and its first cells."""

    first: Issue
    cells: tuple[str, ...]  # every cell (or row) of the group, in the report's order

    @property
    def count(self) -> int:
        return len(self.cells)

    @property
    def where(self) -> str:
        """``Sales!C40, C41, C57 and 35 more``: the first cells, on the tab named once."""
        if self.count == 1:
            return self.cells[0]
        tab = f"{self.first.tab}!" if self.first.tab else ""
        shown = [
            cell.removeprefix(tab) if index else cell
            for index, cell in enumerate(self.cells[:CELLS_SHOWN])
        ]
        more = self.count - len(shown)
        return ", ".join(shown) + (f" and {more:,} more" if more else "")


def grouped(issues: list[Issue]) -> list[Group]:
    """The issues in groups of the same severity, tab, code, column and value (an empty cell
    has none), each group where its first issue stands. Issues that name no cell or row (a
    missing tab, a header) stay apart."""
    groups: dict[tuple[Any, ...], list[Issue]] = {}
    for found in issues:
        key: tuple[Any, ...] = (found.severity, found.tab, found.code, found.column, found.value)
        if found.cell is None and found.row is None:
            key = (id(found),)
        groups.setdefault(key, []).append(found)
    return [Group(members[0], tuple(map(_where, members))) for members in groups.values()]


def as_text(report: Report, location: str, limit: int = 0) -> str:
    """The report as lines for a terminal: one line for each problem, the same problem in many
    cells (a retyped id, a missing rate) once with its count and first cells, the worst first
    within each tab."""
    rows = sum(len(table) for table in report.tables.values())
    lines = [f"Checked {location}: {len(report.tables)} tabs, {rows:,} rows."]
    groups = grouped(list(report.issues))
    shown = groups if limit <= 0 else groups[:limit]
    if shown:
        cell_width = min(max(len(group.where) for group in shown), 40)
        code_width = max(len(group.first.code) for group in shown)
        for group in shown:
            times = f" ({group.count:,} cells)" if group.count > 1 else ""
            lines.append(
                f"{group.first.severity:<7}  {group.where:<{cell_width}}  "
                f"{group.first.code:<{code_width}}  {_one_line(group.first.message)}{times}"
            )
    omitted = sum(report.omitted.values())
    hidden = sum(group.count for group in groups[len(shown) :])
    if hidden > 0:
        lines.append(
            f"... and {hidden:,} more in {len(groups) - len(shown):,} more groups "
            "(use --limit 0 or --format json to see all)."
        )
    if omitted:
        lines.append(
            f"... and {omitted:,} more of kinds listed {KEPT_PER_KIND:,} times already "
            "(counted below, not listed)."
        )
    if hidden > 0 or omitted:
        counts = Counter((found.tab or "", found.code) for found in report.issues)
        for (tab, code, _, _), count in report.omitted.items():
            counts[(tab or "", code)] += count
        lines.append("All issues by tab and code:")
        for (tab, code), count in sorted(counts.items()):
            lines.append(f"  {tab or '-':<14} {code:<20} {count:>9,}")
    lines.append(summary_line(report))
    return "\n".join(lines)


def _where(found: Issue) -> str:
    if found.cell:
        return found.cell
    if found.tab and found.row:
        return f"{found.tab}!{found.row}:{found.row}"
    return found.tab or "-"


# What a terminal or a CI log would act on rather than show: control characters (escape
# sequences start with ESC), line and paragraph separators, and the direction controls.
_NOT_INERT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)


def _shown(found: re.Match[str]) -> str:
    char = found[0]
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    )


def inert(text: str) -> str:
    """``text`` as one line that a terminal or a CI log shows and never acts on: every control
    character written as its escape (ESC as \\x1b), so no escape sequence reaches the terminal
    and no value starts a line of its own (as a GitHub workflow command ``::error::`` would)."""
    return _NOT_INERT.sub(_shown, text) if _NOT_INERT.search(text) else text


def inert_lines(text: str) -> str:
    """Several lines, each made :func:`inert`."""
    return "\n".join(map(inert, text.split("\n")))


def _one_line(text: str) -> str:
    # A value may hold newlines or control characters; the report stays one line per issue.
    return inert(text)


def as_json(report: Report, location: str) -> str:
    document: dict[str, Any] = {
        "source": location,
        "valid": report.valid,
        "errors": report.error_count,
        "warnings": report.warning_count,
        "issues": [found.as_dict() for found in report.issues],
        # Issues beyond the first thousand of a kind (tab, code, column) are counted, not listed.
        "omitted": [
            {"tab": tab, "code": code, "column": column, "severity": severity, "count": count}
            for (tab, code, column, severity), count in sorted(
                report.omitted.items(), key=lambda item: tuple(map(str, item[0]))
            )
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _command_value(text: str) -> str:
    # GitHub's workflow commands read %, CR and LF specially: escape them as its docs say.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_annotations(report: Report, limit: int = 50) -> str:
    """Workflow commands that show the first issues as annotations on the run."""
    lines = []
    groups = grouped(list(report.issues))
    for group in groups[:limit]:
        found = group.first
        level = "error" if found.severity == ERROR else "warning"
        title = (
            _command_value(f"{group.where} {found.code}").replace(",", "%2C").replace("::", ": :")
        )
        times = f" ({group.count} cells)" if group.count > 1 else ""
        lines.append(f"::{level} title={title}::{_command_value(found.message + times)}")
    hidden = sum(group.count for group in groups[limit:])
    if hidden > 0:
        lines.append(
            f"::notice title=More issues::{hidden} more issues are in the job summary and the check output."
        )
    return "\n".join(lines)


def markdown_summary(report: Report, location: str, limit: int = 100) -> str:
    """The check as a Markdown job summary: the verdict, counts by code, the first issues."""
    lines = [f"### Accountbook check of {location}", "", f"**{summary_line(report)}**", ""]
    if report.issues:
        counts = Counter((found.tab or "-", found.code, found.severity) for found in report.issues)
        lines += ["| tab | code | severity | count |", "|---|---|---|--:|"]
        lines += [
            f"| {tab} | {code} | {severity} | {count} |"
            for (tab, code, severity), count in sorted(counts.items())
        ]
        lines += ["", "| cells | code | what is wrong |", "|---|---|---|"]
        groups = grouped(list(report.issues))
        for group in groups[:limit]:
            message = _one_line(group.first.message).replace("|", "\\|").replace("<", "&lt;")
            where = group.where.replace("|", "\\|")
            lines.append(f"| {where} | {group.first.code} | {message} |")
        hidden = sum(group.count for group in groups[limit:])
        if hidden:
            lines.append(f"| … | | {hidden:,} more, in the check output |")
    return "\n".join(lines) + "\n"
