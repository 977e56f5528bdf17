"""The order of the stages: the only module that knows it.

sources -> validate -> (model -> kpi -> pages -> site / export, in later stages)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .config import Config
from .kpi import compute
from .model import build_model
from .pages import render
from .schema import load_schema
from .site import build_site
from .sources import read
from .validate import Report, validate


class NoSourceError(Exception):
    """Neither the options nor the config name a source."""


class InvalidWorkbook(Exception):
    """The workbook has errors; the site is not built."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{len(report.errors)} errors")
        self.report = report


@dataclass(frozen=True)
class BuildResult:
    report: Report
    pages: int
    site_dir: Path


def check(config: Config) -> Report:
    """Read the configured source and validate it against the contract."""
    if not config.source:
        raise NoSourceError(
            "no source: pass --source PATH, or set source in accountbook.toml or ACCOUNTBOOK_SOURCE"
        )
    schema = load_schema()
    # Gather everything before judging: read every tab, then validate the whole workbook.
    workbook = read(config.source, schema.table_names)
    return validate(workbook, schema, base_currency=config.base_currency)


def build(config: Config, as_of: date, project: Path) -> BuildResult:
    """Check the workbook, compute the KPIs, render the pages and build the site."""
    # Gather, then write: everything is read, validated and rendered in memory first.
    report = check(config)
    if not report.valid:
        raise InvalidWorkbook(report)
    model = build_model(report, config.base_currency)
    kpis = compute(model, as_of)
    files = render(
        model, kpis, load_schema(), report.warnings, config, Path(str(config.source)).name
    )
    site_dir = Path(config.site_dir)
    if not site_dir.is_absolute():
        site_dir = project / site_dir
    pages = build_site(files, project, site_dir, config.site_name, as_of)
    return BuildResult(report=report, pages=pages, site_dir=site_dir)
