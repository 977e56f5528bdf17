"""Settings a team sets once: in ``accountbook.toml``, overridden by environment and options.

Precedence, lowest first: built-in defaults, the config file, ``ACCOUNTBOOK_*`` environment
variables, command-line options. Paths in the config file are relative to the file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .i18n import LanguageError, check_languages

CONFIG_FILE = "accountbook.toml"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(InputError):
    """The config file cannot be read or holds a setting we do not know."""


@dataclass(frozen=True)
class Config:
    """The settings of one run."""

    source: str | None = None
    base_currency: str = "EUR"
    site_name: str = "Accountbook"
    site_dir: str = "site"
    # The report date; None means today (the CLI passes it in: the pipeline never asks the clock).
    report_date: date | None = None
    publish_personal: bool = False
    publish_internal: bool = False
    # Google Sheets: a service-account key file, and how to sign in (auto, service-account,
    # api-key, oauth). Keys themselves never go here: see the Google Sheets docs page.
    credentials: str | None = None
    auth: str = "auto"
    # The site's languages; the first is the default, built at the site's root, the others in
    # a folder each (site/cs/, site/de/, ...). Each needs a catalog in generator/locales/.
    languages: tuple[str, ...] = ("en",)
    # How many processes a build may run at once (languages, shards of a big site, downloads,
    # the safety scan); None means one per core. Each holds its share of the site in memory:
    # 1 builds in one process, slower, in the least memory.
    jobs: int | None = None
    # The config file these settings were read from (not a setting: load_config fills it in).
    config_file: str | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def with_options(self, **options: Any) -> Config:
        """This config with the options that were given (not None) taking precedence."""
        return replace(self, **{key: value for key, value in options.items() if value is not None})


_KINDS = {item.name: item.type for item in fields(Config) if item.name != "config_file"}


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
        settings["config_file"] = str(path)
    for name in _KINDS:
        value = environ.get(f"ACCOUNTBOOK_{name.upper()}")
        if value:
            settings[name] = _typed(name, value, f"ACCOUNTBOOK_{name.upper()}")
    config = Config(**settings)
    try:
        check_languages(config.languages)
    except LanguageError as error:
        raise ConfigError(f"{path or 'languages'}: {error}") from None
    return config


def _typed(name: str, value: Any, where: str) -> Any:
    kind = str(_KINDS[name])
    if "int" in kind:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        if isinstance(value, str) and value.strip().isdigit() and int(value) >= 1:
            return int(value)
        raise ConfigError(f"{where}: {name} must be a whole number of 1 or more, not {value!r}")
    if "tuple" in kind:
        # A TOML array, or a comma-separated list in an environment variable.
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            raise ConfigError(f'{where}: {name} must be a list of codes such as ["en", "cs"]')
        return tuple(item.strip() for item in items if item.strip())
    if "bool" in kind:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise ConfigError(f"{where}: {name} must be true or false, not {value!r}")
    if "date" in kind:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(
                f"{where}: {name} must be a date written 2026-03-31, not {value!r}"
            ) from None
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be text, not {value!r}")
    return value


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            raw = tomllib.load(stream)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the config file ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from error
    settings = raw.get("accountbook", raw)
    unknown = sorted(set(settings) - set(_KINDS))
    if unknown:
        raise ConfigError(
            f"{path}: unknown settings {', '.join(unknown)}; known: {', '.join(sorted(_KINDS))}"
        )
    typed = {name: _typed(name, value, str(path)) for name, value in settings.items()}
    for name in ("source", "site_dir", "credentials"):
        location = typed.get(name)
        if location and "://" not in location and not Path(location).is_absolute():
            typed[name] = str(path.parent / location)
    return typed
