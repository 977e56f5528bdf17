"""The pages stage: the site's Markdown pages from their templates (``Pages``; render.py), every
value through one escaping function (markdown.py), the charts (charts.py)."""

from typing import Any

__all__ = ["GENERATED", "Pages", "english_only"]


def __getattr__(name: str) -> Any:
    # Loaded when first asked for: the languages (i18n.py), which the config reads, use this
    # package's escaping, and the pages themselves need the config.
    if name in __all__:
        from . import render as module

        return getattr(module, name)
    raise AttributeError(name)
