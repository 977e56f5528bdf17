"""The engine that turns the staged Markdown into the site: MkDocs with the Material theme.

This is the only module that imports MkDocs, its Markdown library or the theme's code. Another
engine (ProperDocs, the maintained MkDocs fork; Zensical once it installs and keeps raw-HTML
links) is added here alone: it must build a folder of Markdown strictly, and answer the few
questions the record-page renderer (shell.py) asks of it: a page's URL, a heading's id, a page's
search entries, and where its search index and sitemap are.
"""

from __future__ import annotations

import errno
import gzip
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from ..errors import SiteBuildError
from ..i18n import SOURCE_LANGUAGE, Language, language

if TYPE_CHECKING:
    from mkdocs.structure.files import File

THEME = Path(__file__).parent / "theme"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _source_date(as_of: date) -> Iterator[None]:
    """Fix MkDocs' build date (sitemap, gzip headers) to the report date, unless already set."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(
        int(datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp())
    )
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


class Engine:
    """MkDocs for one language's site of a project."""

    def __init__(
        self,
        project: Path,
        site_name: str,
        as_of: date,
        code: str = SOURCE_LANGUAGE,
        languages: tuple[str, ...] = (SOURCE_LANGUAGE,),
    ) -> None:
        self.project = project
        self.site_name = site_name
        self.as_of = as_of
        self.code = code
        self.languages = languages
        self._config: Any = None

    def _load(self, docs: Path, site: Path) -> Any:
        from mkdocs.config import load_config

        return load_config(
            str(self.project / "mkdocs.yml"),
            docs_dir=str(docs),
            site_dir=str(site),
            site_name=self.site_name,
            strict=True,
            # Pages as files (clients/C1.html), not folders: a site opened from disk, where no
            # server turns a folder into its index.html, works as served (our links say so).
            use_directory_urls=False,
            **self._language_settings(),
        )

    def config(self) -> Any:
        """The project's settings as MkDocs reads them (loaded once, for the questions below)."""
        if self._config is None:
            try:
                self._config = self._load(self.project / "docs", self.project / "site")
            except Exception as error:  # noqa: BLE001 (MkDocs' config errors have many kinds)
                raise SiteBuildError(f"MkDocs cannot read mkdocs.yml: {error}") from error
        return self._config

    def build(self, docs: Path, site: Path) -> None:
        """Build ``docs`` into ``site``, strictly: a warning fails the build."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            with _source_date(self.as_of):
                build(self._load(docs, site))
            index = self.search_index(site)
            if index is not None:
                _offline_index(index, index.read_text(encoding="utf-8"))
        except (MkDocsException, OSError) as error:
            if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise  # the disk is full: said as such, not as MkDocs' trouble with a file
            details = "; ".join(collect.messages[:10]) or str(error)
            where = f" ({language(self.code).name})" if len(self.languages) > 1 else ""
            raise SiteBuildError(f"MkDocs could not build the site{where}: {details}") from error
        finally:
            logger.removeHandler(collect)

    # What the record-page renderer asks --------------------------------------------------------

    def page_url(self, source: str) -> str:
        """The URL of the page built from ``source`` (``clients/C1.md``), as MkDocs makes it."""
        return str(self._file(source).url)

    def page_file(self, site: Path, source: str) -> Path:
        """Where in ``site`` the page built from ``source`` is written."""
        return site / self._file(source).dest_uri

    def page_places(self, site: Path, sources: Iterable[str]) -> dict[str, tuple[str, Path]]:
        """For each of ``sources``, the URL of its page and where in ``site`` it is written:
        :meth:`page_url` and :meth:`page_file` at once, one MkDocs file each (20,000 of them)."""
        places = {}
        for source in sources:
            file = self._file(source)
            places[source] = (str(file.url), site / file.dest_uri)
        return places

    def _file(self, source: str) -> File:
        """MkDocs' own file for the page built from ``source``: its rules for URLs and paths."""
        from mkdocs.structure.files import File

        config = self.config()
        return File(source, config.docs_dir, config.site_dir, config.use_directory_urls)

    def heading_ids(self) -> Callable[[str], str]:
        """A function giving each heading of one page its id, as the toc extension does:
        the configured slugify of the heading's text, made unique within the page."""
        from markdown.extensions.toc import slugify, unique

        settings = (self.config().mdx_configs or {}).get("toc", {})
        slug: Callable[[str, str], str] = settings.get("slugify", slugify)
        separator = settings.get("separator", "-")
        used: set[str] = set()
        return lambda text: str(unique(slug(text, separator), used))

    def toc_settings(self) -> dict[str, Any]:
        """The toc extension's settings: the renderer converts only what it knows."""
        return dict((self.config().mdx_configs or {}).get("toc", {}))

    def search_entries(
        self, url: str, title: str, content: str, toc: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The search index's entries for a page, by the theme's own search plugin code."""
        from material.plugins.search.plugin import SearchIndex
        from mkdocs.structure.toc import get_toc

        index = SearchIndex()
        page = SimpleNamespace(
            meta={"title": title},
            title=title,
            content=content,
            toc=get_toc(toc),  # type: ignore[arg-type]
            url=url,
        )
        index.add_entry_from_context(page)
        return list(index.entries)

    def search_index(self, site: Path) -> Path | None:
        """The search index the build wrote, if the search plugin is on."""
        path = site / "search" / "search_index.json"
        return path if path.is_file() else None

    def sitemap(self, site: Path) -> Path | None:
        path = site / "sitemap.xml"
        return path if path.is_file() else None

    def write_sitemap(self, path: Path, text: str) -> None:
        """The sitemap and its gzip copy, dated as MkDocs dated them."""
        path.write_text(text, encoding="utf-8")
        compressed_path = path.with_name(path.name + ".gz")
        if compressed_path.is_file():
            mtime = int.from_bytes(compressed_path.read_bytes()[4:8], "little")
            with (
                compressed_path.open("wb") as stream,
                gzip.GzipFile(
                    fileobj=stream, filename=str(compressed_path), mode="wb", mtime=mtime
                ) as compressed,
            ):
                compressed.write(text.encode("utf-8"))

    @staticmethod
    def write_search_index(path: Path, index: dict[str, Any]) -> None:
        """Written as the search plugin writes it, with the copy a site opened from disk reads."""
        text = json.dumps(index, separators=(",", ":"), default=str)
        path.write_text(text, encoding="utf-8")
        _offline_index(path, text)

    # Settings for one language -----------------------------------------------------------------

    def _language_settings(self) -> dict[str, Any]:
        """The theme's language, the navigation's titles and the language switcher, and our
        script that lets a site opened from disk search (before the theme's own scripts)."""
        from mkdocs.utils.yaml import yaml_load

        with (self.project / "mkdocs.yml").open("rb") as stream:
            raw = yaml_load(stream) or {}
        extra = dict(raw.get("extra") or {})
        polyfills = list(extra.get("polyfills") or [])
        if OFFLINE_SCRIPT not in polyfills:
            extra["polyfills"] = [*polyfills, OFFLINE_SCRIPT]
        if self.languages == (SOURCE_LANGUAGE,):
            return {"extra": extra}  # else the project's mkdocs.yml as it is
        theme = raw.get("theme") or {}
        theme = {"name": theme} if isinstance(theme, str) else dict(theme)
        theme["language"] = self.code
        if not theme.get("custom_dir"):
            # Our language switcher, which lands on the same page, and the search's stemmer
            # for the language (see the files' comments).
            theme["custom_dir"] = str(THEME)
        settings: dict[str, Any] = {"theme": theme}
        base = self.code.split("-")[0]
        if base in _stemmers():
            extra["search_language"] = base
        lang = language(self.code)
        if raw.get("nav"):
            settings["nav"] = _translated_nav(raw["nav"], lang)
        if len(self.languages) > 1:
            default = self.languages[0]
            up = "" if self.code == default else "../"

            def root(code: str) -> str:
                if code == self.code:
                    return ""
                return up if code == default else f"{up}{code}/"

            extra["alternate"] = [
                {"name": language(code).name, "link": root(code), "lang": code}
                for code in self.languages
            ]
        settings["extra"] = extra
        return settings


# Written into docs/ by the pages (generator/pages/accountbook-offline.js): where the browser runs
# no web worker (a page opened from disk), the theme's search runs in a hidden frame instead.
OFFLINE_SCRIPT = "accountbook-offline.js"


def _offline_index(path: Path, text: str) -> None:
    """``search/search_index.js`` beside the index: the theme, opened from disk (file:), loads
    the index as this script (a page from disk may not fetch a file), as Material's offline
    plugin writes it. The plugin itself is not used: it would load a script from unpkg.com."""
    path.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")


@cache
def _stemmers() -> frozenset[str]:
    """The languages the theme's search has a stemmer for (lunr-languages' files it ships)."""
    import material

    folder = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    return frozenset(name.split(".")[1] for name in os.listdir(folder) if name.count(".") == 3)


def _translated_nav(nav: list[Any], lang: Language) -> list[Any]:
    """The navigation with its titles in ``lang`` (titles without a translation stay)."""
    translated: list[Any] = []
    for item in nav:
        if isinstance(item, dict):
            translated.append(
                {
                    lang.gettext(str(title)): (
                        _translated_nav(target, lang) if isinstance(target, list) else target
                    )
                    for title, target in item.items()
                }
            )
        else:
            translated.append(item)
    return translated


_URL_BLOCK = re.compile(r"[ \t]*<url>.*?</url>\n?", re.DOTALL)


def sitemap_blocks(text: str) -> list[str]:
    """The ``<url>`` blocks of a sitemap, in order."""
    return _URL_BLOCK.findall(text)
