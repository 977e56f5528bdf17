"""Settings a team sets once: in ``accountbook.toml``, overridden by environment and options.

Precedence, lowest first: built-in defaults, the config file, ``ACCOUNTBOOK_*`` environment
variables, command-line options. Paths in the config file are relative to the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

CONFIG_FILE = "accountbook.toml"


class ConfigError(Exception):
    """The config file cannot be read or holds a setting we do not know."""


@dataclass(frozen=True)
class Config:
    """The settings of one run."""

    source: str | None = None
    base_currency: str = "EUR"
    site_name: str = "Accountbook"

    def with_options(self, **options: Any) -> Config:
        """This config with the options that were given (not None) taking precedence."""
        return replace(self, **{key: value for key, value in options.items() if value is not None})


def load_config(path: Path | None = None, environ: dict[str, str] | None = None) -> Config:
    """Read the config file (``path``, or ``accountbook.toml`` in the current folder if there is one)."""
    environ = dict(os.environ) if environ is None else environ
    settings: dict[str, Any] = {}
    if path is None and environ.get("ACCOUNTBOOK_CONFIG"):
        path = Path(environ["ACCOUNTBOOK_CONFIG"])
    if path is None and Path(CONFIG_FILE).is_file():
        path = Path(CONFIG_FILE)
    if path is not None:
        settings = _read_file(path)
    names = {item.name for item in fields(Config)}
    for name in names:
        value = environ.get(f"ACCOUNTBOOK_{name.upper()}")
        if value:
            settings[name] = value
    return Config(**settings)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            raw = tomllib.load(stream)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from error
    settings = raw.get("accountbook", raw)
    names = {item.name for item in fields(Config)}
    unknown = sorted(set(settings) - names)
    if unknown:
        raise ConfigError(
            f"{path}: unknown settings {', '.join(unknown)}; known: {', '.join(sorted(names))}"
        )
    for name, value in settings.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {name} must be text, not {value!r}")
    source = settings.get("source")
    if source and "://" not in source and not Path(source).is_absolute():
        settings["source"] = str(path.parent / source)
    return dict(settings)
