"""Keep the translation catalogs in step with the texts: ``python -m generator.catalogs``.

    python -m generator.catalogs update     # add new texts to every catalog, drop removed ones
    python -m generator.catalogs check      # what is untranslated, fuzzy or stale (exit 1 if any)
    python -m generator.catalogs init fr    # start a catalog for a new language

The texts are found where they are written: ``_()``, ``n_()``, ``N_()`` and ``gettext()`` in the
code and the page templates, the words of the contract's lists (``Clients.status``: active, ...,
each with its column as context), and the titles of the site's navigation in ``mkdocs.yml``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .contract.schema import load_schema
from .i18n import DOMAIN, LOCALES

PACKAGE = Path(__file__).parent
KEYWORDS = {"_": None, "N_": None, "gettext": None, "n_": (1, 2)}
METHODS = [("**.py", "python"), ("pages/templates/**.j2", "jinja2.ext:babel_extract")]
# Catalogs carry no dates that change on every run: the same texts give the same files.
_FIXED = datetime(2026, 1, 1, tzinfo=UTC)


def _navigation_titles(mkdocs_yml: Path) -> Iterator[str]:
    """The titles of the navigation of ``mkdocs.yml`` (a plain YAML file here)."""

    def walk(items: list[object]) -> Iterator[str]:
        for item in items:
            if isinstance(item, dict):
                for title, target in item.items():
                    yield str(title)
                    if isinstance(target, list):
                        yield from walk(target)

    with mkdocs_yml.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=yaml.BaseLoader)  # noqa: S506 (no tags are built)
    yield from walk(config.get("nav", []))


def template(project: Path) -> Catalog:
    """Every text to translate, as an empty catalog (what a .pot file holds)."""
    catalog = Catalog(domain=DOMAIN, project="Accountbook", creation_date=_FIXED)
    for filename, _line, message, _comments, context in extract_from_dir(
        str(PACKAGE), METHODS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        if message:
            catalog.add(message, locations=[(f"generator/{filename}", 0)], context=context)
    for table in load_schema().tables:
        for column in table.fields:
            for word in column.enum or ():
                catalog.add(word, context=f"{table.name}.{column.name}", locations=[])
    for title in _navigation_titles(project / "mkdocs.yml"):
        catalog.add(title, locations=[("mkdocs.yml", 0)])
    return catalog


def _path(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(code: str) -> Catalog:
    with _path(code).open("rb") as stream:
        return read_po(stream, locale=code.replace("-", "_"))


def _write(catalog: Catalog, code: str) -> None:
    catalog.revision_date = _FIXED
    catalog.creation_date = _FIXED
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        sort_output=True,
        ignore_obsolete=True,
        include_previous=False,
        include_lineno=False,
    )
    _path(code).parent.mkdir(parents=True, exist_ok=True)
    _path(code).write_bytes(buffer.getvalue())


def codes() -> list[str]:
    return sorted(folder.name for folder in LOCALES.iterdir() if _path(folder.name).is_file())


def update(project: Path) -> list[str]:
    """Bring every catalog in step with the texts; return the languages updated."""
    texts = template(project)
    for code in codes():
        catalog = _read(code)
        catalog.update(texts, update_header_comment=False, no_fuzzy_matching=True)
        _write(catalog, code)
    return codes()


def init(project: Path, code: str) -> Path:
    """Start the catalog of a new language, every text untranslated."""
    locale = Locale.parse(code, sep="-")
    if _path(code).exists():
        raise FileExistsError(f"{_path(code)} exists already")
    catalog = Catalog(
        domain=DOMAIN,
        locale=locale,
        project="Accountbook",
        creation_date=_FIXED,
        header_comment=(
            f"# {locale.get_display_name('en')} texts of Accountbook's site.\n"
            "# Keep in step with the code: python -m generator.catalogs update"
        ),
        fuzzy=False,
    )
    catalog.update(template(project), no_fuzzy_matching=True)
    _write(catalog, code)
    return _path(code)


def problems(project: Path) -> list[str]:
    """What each catalog lacks or has too much of, one line each; empty when all are complete."""
    texts = template(project)
    wanted = {(message.context, message.id) for message in texts if message.id}
    found = []
    for code in codes():
        catalog = _read(code)
        have = {}
        for message in catalog:
            if message.id:
                have[(message.context, message.id)] = message
        for key in sorted(wanted, key=lambda k: (k[0] or "", str(k[1]))):
            found_message = have.get(key)
            label = f"{key[0]}: {key[1]!r}" if key[0] else repr(key[1])
            if found_message is None:
                found.append(f"{code}: missing {label}")
            elif found_message.fuzzy:
                found.append(f"{code}: fuzzy {label}")
            elif not found_message.string or (
                isinstance(found_message.string, tuple) and not all(found_message.string)
            ):
                found.append(f"{code}: untranslated {label}")
        for key in sorted(set(have) - wanted, key=lambda k: (k[0] or "", str(k[1]))):
            found.append(f"{code}: no longer used {key[1]!r}")
    return found


def main(argv: list[str]) -> int:
    project = Path.cwd()
    if argv[:1] == ["update"]:
        print("updated:", ", ".join(update(project)))  # noqa: T201
        return 0
    if argv[:1] == ["init"] and len(argv) == 2:
        print("created", init(project, argv[1]))  # noqa: T201
        return 0
    if argv[:1] == ["check"]:
        found = problems(project)
        for line in found:
            print(line)  # noqa: T201
        return 1 if found else 0
    print(__doc__)  # noqa: T201
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
