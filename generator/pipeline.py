"""The order of the stages: the only module that knows it.

sources -> validate -> (model -> kpi -> pages -> site / export, in later stages)
"""

from __future__ import annotations

from .config import Config
from .schema import load_schema
from .sources import read
from .validate import Report, validate


class NoSourceError(Exception):
    """Neither the options nor the config name a source."""


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
