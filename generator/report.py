"""Show a validation report to a person (an aligned table) or to a program (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .issues import ERROR, Issue
from .validate import Report


def summary_line(report: Report) -> str:
    errors = len(report.errors)
    warnings = len(report.warnings)
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
    hidden = len(report.issues) - len(shown)
    if hidden > 0:
        lines.append(f"... and {hidden:,} more (use --limit 0 or --format json to see all).")
        counts = Counter((found.tab or "", found.code) for found in report.issues)
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


def _one_line(text: str) -> str:
    # A value may hold newlines or control characters; the report stays one line per issue.
    return text.replace("\r", "\\r").replace("\n", "\\n")


def as_json(report: Report, location: str) -> str:
    document: dict[str, Any] = {
        "source": location,
        "valid": report.valid,
        "errors": sum(1 for found in report.issues if found.severity == ERROR),
        "warnings": sum(1 for found in report.issues if found.severity != ERROR),
        "issues": [found.as_dict() for found in report.issues],
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
