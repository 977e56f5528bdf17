"""Show a validation report to a person (an aligned table) or to a program (JSON)."""

from __future__ import annotations

import json
import re
from collections import Counter
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


def as_text(report: Report, location: str, limit: int = 0) -> str:
    """The report as lines for a terminal: one issue a line, the worst first within each tab."""
    rows = sum(len(table) for table in report.tables.values())
    lines = [f"Checked {location}: {len(report.tables)} tabs, {rows:,} rows."]
    shown = report.issues if limit <= 0 else report.issues[:limit]
    if shown:
        cell_width = max(len(_where(found)) for found in shown)
        code_width = max(len(found.code) for found in shown)
        for found in shown:
            lines.append(
                f"{found.severity:<7}  {_where(found):<{cell_width}}  "
                f"{found.code:<{code_width}}  {_one_line(found.message)}"
            )
    omitted = sum(report.omitted.values())
    hidden = len(report.issues) - len(shown)
    if hidden > 0:
        lines.append(f"... and {hidden:,} more (use --limit 0 or --format json to see all).")
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
    for found in report.issues[:limit]:
        level = "error" if found.severity == ERROR else "warning"
        title = (
            _command_value(f"{_where(found)} {found.code}").replace(",", "%2C").replace("::", ": :")
        )
        lines.append(f"::{level} title={title}::{_command_value(found.message)}")
    hidden = len(report.issues) - limit
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
        lines += ["", "| cell | code | what is wrong |", "|---|---|---|"]
        for found in report.issues[:limit]:
            message = _one_line(found.message).replace("|", "\\|").replace("<", "&lt;")
            lines.append(f"| {_where(found)} | {found.code} | {message} |")
        if len(report.issues) > limit:
            lines.append(f"| … | | {len(report.issues) - limit:,} more, in the check output |")
    return "\n".join(lines) + "\n"
