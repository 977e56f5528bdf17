"""Write the generated pages and build the site with MkDocs, swapping both in only when complete.

Everything is built in a staging folder beside the project: a copy of the hand-written pages of
``docs/`` plus the generated ones, and the site. Only when MkDocs has built it without a warning
are the generated folders of ``docs/`` and the site folder replaced, each by a rename. A failed
build leaves the previous ``docs/`` and site exactly as they were.
"""

from __future__ import annotations

import errno
import gzip
import html
import json
import logging
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from multiprocessing.connection import wait as _connection_wait
from pathlib import Path
from typing import Any, Protocol

from .. import memory, workers
from ..files import replace_all
from ..i18n import SOURCE_LANGUAGE, Language, language
from ..outputs import SITE_MARKER, publishable, write_marker
from ..pages import GENERATED, english_only
from ..timings import Timings
from .guard import Finding, scan

THEME = Path(__file__).parent / "theme"


class SiteBuildError(Exception):
    """MkDocs could not build the site, or warned (the build is strict)."""


class UnsafeSiteError(SiteBuildError):
    """The built site holds something it must not publish; it was not put in place."""

    def __init__(self, findings: list[Finding]) -> None:
        lines = [f"{finding.file}: {finding.what} {finding.detail}" for finding in findings[:20]]
        more = f" (and {len(findings) - 20} more)" if len(findings) > 20 else ""
        super().__init__(
            "The built site failed the safety scan, so it was not published"
            + more
            + ":\n"
            + "\n".join(lines)
        )
        self.findings = findings


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


class PageSource(Protocol):
    """What renders a site's pages, one language at a time."""

    def render_into(self, code: str, emit: Callable[[str, str], None]) -> None:
        """Give every generated file in the language ``code`` to ``emit(path, content)``."""

    def release(self) -> None:
        """Let go of what the pages are made from: no language is rendered here after."""


class _FixedPages:
    """Pages rendered already, as ``{path: content}``: the same in every language."""

    def __init__(self, files: Mapping[str, str | bytes]) -> None:
        self.files = files

    def render_into(self, code: str, emit: Callable[[str, str | bytes], None]) -> None:
        for name, content in self.files.items():
            emit(name, content)

    def release(self) -> None:
        """Nothing to let go of: the files belong to the caller."""


def build_site(
    pages: Mapping[str, str | bytes] | PageSource,
    project: Path,
    site_dir: Path,
    site_name: str,
    as_of: date,
    private: Mapping[str, str] | Iterable[str] = (),
    secrets: Iterable[str] = (),
    downloads: Callable[[], Path] | None = None,
    languages: Sequence[str] = ("en",),
    timings: Timings | None = None,
) -> int:
    """Write the pages into ``docs/`` and build the site into ``site_dir``; return the page count.

    ``pages`` is ``{path: content}`` (the same in every language), or a :class:`PageSource`
    that renders the pages of the language it is given, where that language is built. The
    first language is the default: its site is at the root of ``site_dir`` and its pages go
    into ``docs/``; every other language is built from its own staged copy into
    ``site_dir/<code>/``. Languages are built side by side, one process each, as many at a time
    as the machine has cores; ``timings`` gets the time of each stage.
    """
    # MkDocs reads relative folders against mkdocs.yml's folder: give it absolute ones.
    project, site_dir = project.resolve(), site_dir.resolve()
    docs = project / "docs"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".accountbook-build-", dir=project))
    # Beside the site folder, so that putting the new site in place is one rename.
    site_staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    source: PageSource = pages if hasattr(pages, "render_into") else _FixedPages(pages)  # type: ignore[assignment]
    timings = timings or Timings()
    default = languages[0]
    # The languages are built one after the other in this process, or each in its own.
    here = len(languages) == 1 or not workers.can_fork()
    try:
        builds = [
            _LanguageBuild(
                code=code,
                languages=tuple(languages),
                project=project,
                docs=staging / ("docs" if code == default else f"docs-{code}"),
                site=site_staging / ("site" if code == default else f"site-{code}"),
                site_name=site_name,
                as_of=as_of,
                source=source,
                # Freeing the model in a forked process would copy it first (every object
                # freed is written to): only this process lets go of it, after its last language.
                release=here and code == languages[-1],
                timings=timings,
            )
            for code in languages
        ]
        if len(builds) == 1:
            counts = [builds[0].run()]  # it times its own stages
        else:
            with timings.stage("pages and MkDocs, every language"):
                counts = _run_all(builds, staging)
        built = site_staging / "site"
        for build in builds[1:]:
            if (built / build.code).exists():
                raise SiteBuildError(
                    f"The site already has a folder named {build.code!r}, where the "
                    f"{build.code} language would go: rename that page or folder."
                )
            build.site.rename(built / build.code)
        if downloads is not None:
            # Written meanwhile by another process; they go into the site as they are.
            with timings.stage("downloads"):  # what is left to wait for
                folder = downloads()
            shutil.move(str(folder), str(built / "downloads"))
        write_marker(built, SITE_MARKER, "build")
        publishable(built)
        # Never publish a site that leaks: scan it before anything is put in place.
        with timings.stage("safety scan"):
            findings = scan(built, private, secrets)
        if findings:
            raise UnsafeSiteError(findings)
        # docs/ and the site always come from the same build: all of it moves, or none.
        docs.mkdir(exist_ok=True)
        moves = [(builds[0].docs / name, docs / name) for name in GENERATED]
        moves.append((built, site_dir))
        replace_all(moves, staging / "replaced-docs", site_staging / "replaced-site")
        return sum(counts)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(site_staging, ignore_errors=True)


@dataclass
class _LanguageBuild:
    """The site of one language: its pages staged in ``docs``, built into ``site``."""

    code: str
    languages: tuple[str, ...]
    project: Path
    docs: Path
    site: Path
    site_name: str
    as_of: date
    source: PageSource
    release: bool = False
    timings: Timings = field(default_factory=Timings)

    def run(self) -> int:
        """Stage the pages and build them; return how many Markdown pages were generated."""
        with self.timings.stage("pages"):
            _copy_hand_written(self.project / "docs", self.docs, language(self.code))
            staged = _Staging(self.docs)
            self.source.render_into(self.code, staged.write)
            if self.release:
                self.source.release()
                memory.give_back()
        bulk = staged.shardable
        shards = _shard_count(len(bulk), len(self.languages))
        if shards > 1:
            self._sharded(shards, staged, bulk)
        else:
            with self.timings.stage("MkDocs"):
                self._mkdocs(self.docs, self.site)
        return staged.pages

    def _sharded(self, shards: int, staged: _Staging, bulk: list[str]) -> None:
        """Build the site as ``shards`` MkDocs builds side by side, then join them.

        MkDocs builds one page at a time, and a big site is mostly client dossiers, which are
        not in the navigation and link to other pages only through HTML. The first shard builds
        every other page and a share of the dossiers; each other shard builds its share of the
        dossiers beside stand-ins for every other page (see :func:`_stand_in`), so that its
        navigation is the whole site's. The shares are sized so that each shard has about as
        much Markdown to convert. The first shard's site takes in the others' dossiers, and the
        search index and sitemap are joined in MkDocs' own order, so the site is the same, byte
        for byte, as one build would make it. The shards' folders hold hard links to the staged
        files: nothing is written twice.
        """
        shares = _shares(bulk, staged.sizes, shards, copied=staged.files - staged.pages)
        parts = [
            (
                self.docs.with_name(f"{self.docs.name}-shard{shard}"),
                self.site.with_name(f"{self.site.name}-shard{shard}"),
                mine,
            )
            for shard, mine in enumerate(shares)
        ]
        with self.timings.stage("pages"):
            for shard, (docs, _, mine) in enumerate(parts):
                _fill_shard(self.docs, docs, first=shard == 0, mine=set(mine), bulk=set(bulk))
        with self.timings.stage("MkDocs"):  # the shards side by side
            _run_parallel(
                [
                    (f"{self.code}-shard{shard}", partial(self._shard, docs, site))
                    for shard, (docs, site, _) in enumerate(parts)
                ],
                self.docs.parent,
            )
        with self.timings.stage("joining the shards"):
            main = parts[0][1]
            urls: dict[str, str] = {}  # each dossier's URL, by its Markdown file
            for shard, (_, site, mine) in enumerate(parts):
                for name in mine:
                    built = _built_page(site, name)
                    relative = built.relative_to(site)
                    urls[name] = (
                        relative.parent.as_posix() + "/"
                        if built.name == "index.html"
                        else relative.as_posix()
                    )
                    if shard:
                        destination = main / relative
                        destination.parent.mkdir(parents=True, exist_ok=True)
                        built.rename(destination)
            order = [urls[name] for name in bulk]
            _join_search_index(main, [site for _, site, _ in parts[1:]], order)
            _join_sitemap(main, [site for _, site, _ in parts[1:]], order)
            main.rename(self.site)

    def _shard(self, docs: Path, site: Path) -> int:
        self._mkdocs(docs, site)
        return 0

    def _mkdocs(self, docs: Path, site: Path) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        collect = _Collect()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collect)
        try:
            with _source_date(self.as_of):
                config = load_config(
                    str(self.project / "mkdocs.yml"),
                    docs_dir=str(docs),
                    site_dir=str(site),
                    site_name=self.site_name,
                    strict=True,
                    **self._language_settings(),
                )
                build(config)
        except (MkDocsException, OSError) as error:
            if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise  # the disk is full: said as such, not as MkDocs' trouble with a file
            details = "; ".join(collect.messages[:10]) or str(error)
            where = f" ({language(self.code).name})" if len(self.languages) > 1 else ""
            raise SiteBuildError(f"MkDocs could not build the site{where}: {details}") from error
        finally:
            logger.removeHandler(collect)

    def _language_settings(self) -> dict[str, Any]:
        """The theme's language, the navigation's titles and the language switcher."""
        if self.languages == (SOURCE_LANGUAGE,):
            return {}  # the project's mkdocs.yml as it is
        from mkdocs.utils.yaml import yaml_load

        with (self.project / "mkdocs.yml").open("rb") as stream:
            raw = yaml_load(stream) or {}
        theme = raw.get("theme") or {}
        theme = {"name": theme} if isinstance(theme, str) else dict(theme)
        theme["language"] = self.code
        if len(self.languages) > 1 and not theme.get("custom_dir"):
            # Our language switcher, which lands on the same page (see the file's comment).
            theme["custom_dir"] = str(THEME)
        settings: dict[str, Any] = {"theme": theme}
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

            settings["extra"] = {
                **(raw.get("extra") or {}),
                "alternate": [
                    {"name": language(code).name, "link": root(code), "lang": code}
                    for code in self.languages
                ],
            }
        return settings


# Generated folders whose pages (all but index.md) stand alone: not in the navigation, linked to
# and from other pages through HTML only. A big site's MkDocs build is split across them.
SHARDABLE = ("clients/",)
# Below this many such pages a site is built in one process: a shard costs a second MkDocs start.
SHARD_MIN_PAGES = 2000


def _shardable(name: str) -> bool:
    return name.startswith(SHARDABLE) and name.endswith(".md") and not name.endswith("/index.md")


def _shard_count(pages: int, languages: int) -> int:
    """How many MkDocs builds one language's site is split into: the cores the languages leave."""
    cores = workers.cores()
    if pages < SHARD_MIN_PAGES or not workers.can_fork():
        return 1
    return max(1, min(cores // languages, pages // (SHARD_MIN_PAGES // 2)))


def _built_page(site: Path, source: str) -> Path:
    stem = source.removesuffix(".md")
    for candidate in (site / stem / "index.html", site / f"{stem}.html"):
        if candidate.is_file():
            return candidate
    raise SiteBuildError(f"MkDocs built no page for {source}")


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def _join_search_index(main: Path, others: list[Path], order: list[str]) -> None:
    """Material's search index of the whole site from the shards' indexes."""
    path = main / "search" / "search_index.json"
    if not path.is_file():
        return
    wanted = set(order)
    index = json.loads(path.read_text(encoding="utf-8"))
    entries: dict[str, list[Any]] = defaultdict(list)
    for shard_path in [path, *(site / "search" / "search_index.json" for site in others)]:
        for entry in json.loads(shard_path.read_text(encoding="utf-8"))["docs"]:
            if _page_of(entry["location"]) in wanted:
                entries[_page_of(entry["location"])].append(entry)
    index["docs"] = _in_order(
        index["docs"], lambda entry: _page_of(entry["location"]), entries, order
    )
    # Written as the search plugin writes it.
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def _join_sitemap(main: Path, others: list[Path], order: list[str]) -> None:
    """The sitemap of the whole site (it lists pages only when site_url is set)."""
    path = main / "sitemap.xml"
    if not path.is_file() or "<url>" not in path.read_text(encoding="utf-8"):
        return
    block = re.compile(r"[ \t]*<url>.*?</url>\n?", re.DOTALL)
    wanted = set(order)

    def page(url_block: str) -> str:
        """The shardable page a block lists, or "": its URL is a tail of the block's <loc>."""
        found = re.search(r"<loc>(.*?)</loc>", url_block)
        location = html.unescape(found[1]) if found else ""
        # Only the tails that start after a "/" can be a page's URL: a few per address.
        starts = (index + 1 for index, char in enumerate(location) if char == "/")
        return next((location[at:] for at in starts if location[at:] in wanted), "")

    text = path.read_text(encoding="utf-8")
    entries: dict[str, list[str]] = defaultdict(list)
    for site in [main, *others]:
        for url_block in block.findall((site / "sitemap.xml").read_text(encoding="utf-8")):
            url = page(url_block)
            if url:
                entries[url].append(url_block)
    blocks = block.findall(text)
    start = text.index(blocks[0])
    end = text.index(blocks[-1]) + len(blocks[-1])
    joined = _in_order(blocks, page, entries, order)
    text = text[:start] + "".join(joined) + text[end:]
    path.write_text(text, encoding="utf-8")
    gz = main / "sitemap.xml.gz"
    if gz.is_file():
        mtime = int.from_bytes(gz.read_bytes()[4:8], "little")  # as MkDocs dated it
        with (
            gz.open("wb") as stream,
            gzip.GzipFile(fileobj=stream, filename=str(gz), mode="wb", mtime=mtime) as compressed,
        ):
            compressed.write(text.encode("utf-8"))


def _in_order(
    items: list[Any], page: Callable[[Any], str], entries: dict[str, list[Any]], order: list[str]
) -> list[Any]:
    """``items`` with the shardable pages' entries replaced by every shard's, in ``order``:
    they stand together where the first of them stood (MkDocs builds a folder's pages in a row)."""
    wanted = set(order)
    joined: list[Any] = []
    placed = False
    for item in items:
        if page(item) not in wanted:
            joined.append(item)
        elif not placed:
            joined += [entry for url in order for entry in entries[url]]
            placed = True
    return joined


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


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


class _Staging:
    """Writes the generated files into a language's docs folder as they are rendered, and
    notes what the build needs to know about them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folders: set[str] = set()
        self.files = 0
        self.sizes: dict[str, int] = {}  # each Markdown page's length

    @property
    def pages(self) -> int:
        """How many Markdown pages were written."""
        return len(self.sizes)

    @property
    def shardable(self) -> list[str]:
        """The pages that can be built apart from the others (see SHARDABLE), in order."""
        return sorted(name for name in self.sizes if _shardable(name))

    def write(self, relative: str, content: str | bytes) -> None:
        # Through the file descriptor: a big site's 40,000 files, one Path and one text
        # wrapper each, cost a second more (text is written as UTF-8, with "\n" line ends).
        target = os.path.join(self.folder, relative)
        parent = os.path.dirname(target)
        if parent not in self.folders:
            os.makedirs(parent, exist_ok=True)
            self.folders.add(parent)
        data = memoryview(content if isinstance(content, bytes) else content.encode("utf-8"))
        descriptor = os.open(target, _NEW_FILE, 0o666)
        try:
            while data:
                data = data[os.write(descriptor, data) :]
        finally:
            os.close(descriptor)
        self.files += 1
        if relative.endswith(".md"):
            self.sizes[relative] = len(content)


def _fill_shard(source: Path, target: Path, first: bool, mine: set[str], bulk: set[str]) -> None:
    """The folder a shard builds from: hard links to the staged files it needs (copies where
    the file system has none), and for a shard other than the first, stand-ins for every page
    but its own dossiers."""
    for folder, _, names in os.walk(source):
        relative = Path(folder).relative_to(source)
        (target / relative).mkdir(parents=True, exist_ok=True)
        for file_name in names:
            name = (relative / file_name).as_posix()
            if name in bulk and name not in mine:
                continue  # another shard's dossier
            if first or name in mine:
                _link(source / name, target / name)
            elif name.endswith(".md"):
                text = (source / name).read_text(encoding="utf-8")
                (target / name).write_text(_stand_in(text), encoding="utf-8", newline="\n")
            elif name.split("/", 1)[0] not in GENERATED:
                _link(source / name, target / name)  # a hand-written file: a picture, a style
            # (the charts are the first shard's to copy)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _stand_in(markdown: str) -> str:
    """A page as much as another page's build shows of it: its front matter and its title.

    The navigation in every page names the pages by title: the front matter's, or else the
    first heading if the page starts with one (MkDocs looks at the first block only). Nothing
    else of a page reaches another: a dossier's links are HTML, which MkDocs does not follow.
    """
    lines = markdown.split("\n")
    kept: list[str] = []
    start = 0
    if lines[0].rstrip() == "---":
        end = next((at for at in range(1, len(lines)) if lines[at].rstrip() in ("---", "...")), 0)
        if end:
            kept, start = lines[: end + 1], end + 1
    body = [line for line in lines[start:] if line.strip()][:2]
    if body and body[0].startswith("#") and not body[0].startswith("##"):
        kept.append(body[0])
    elif len(body) == 2 and body[1].strip() and set(body[1].strip()) == {"="}:
        kept += body  # a heading underlined with "="
    return "\n".join(kept) + "\n"


def _shares(
    bulk: list[str], sizes: Mapping[str, int], shards: int, copied: int = 0
) -> list[list[str]]:
    """The dossiers of each shard, in order, so that the shards take about as long each: the
    first also builds every other page (a long client list, the managers) and copies the
    ``copied`` files that are not pages (the charts).

    MkDocs' time goes with the pages and their size: a page counts as its bytes and 4 KiB, a
    page of lists a third more (measured at 20,000 clients: 0.97 µs a byte against 0.72 µs for
    a dossier), and copying a file as 300 bytes of a page.
    """
    mine = set(bulk)

    def weight(name: str) -> float:
        cost = sizes[name] + 4096
        return cost if name in mine else cost * 4 / 3

    total = sum(weight(name) for name in sizes if name.endswith(".md")) + 300 * copied
    target = total / shards
    shares: list[list[str]] = [[] for _ in range(shards)]
    load = total - sum(weight(name) for name in bulk)
    shard = 0
    for name in bulk:
        if load >= target * (shard + 1) and shard < shards - 1:
            shard += 1
        shares[shard].append(name)
        load += weight(name)
    return shares


def _run_all(builds: list[_LanguageBuild], staging: Path) -> list[int]:
    """Run every language's build: here when there is one, else side by side."""
    return _run_parallel([(build.code, build.run) for build in builds], staging)


def _run_parallel(jobs: list[tuple[str, Callable[[], int]]], staging: Path) -> list[int]:
    """Run each job and return what each returned: in this process when there is one job (or
    no fork), else in forked processes, as many at a time as there are cores. A failed job
    stops the others and raises its own error here."""
    at_once = max(1, min(len(jobs), workers.cores()))
    if at_once == 1 or not workers.can_fork():
        return [job() for _, job in jobs]
    results: dict[str, int] = {}
    waiting = list(jobs)
    running: dict[str, Any] = {}
    try:
        while waiting or running:
            while waiting and len(running) < at_once:
                name, job = waiting.pop(0)
                running[name] = workers.start(job)
            # A child's answer is read as soon as it is sent (a child blocks until it is).
            _connection_wait(
                [p.answer for p in running.values()] + [p.sentinel for p in running.values()]
            )
            for name, process in list(running.items()):
                if process.is_alive() and not process.answer.poll():
                    continue
                del running[name]
                results[name] = workers.outcome(process)  # raises what the job raised
    finally:
        for process in running.values():
            process.terminate()
            process.join()
    return [results[name] for name, _ in jobs]


def _copy_hand_written(docs: Path, target: Path, lang: Language) -> None:
    """Copy the hand-written pages; in a language other than English each says it is English."""
    target.mkdir(parents=True)
    if not docs.is_dir():
        return
    for entry in sorted(docs.iterdir()):
        if entry.name in GENERATED or entry.name.startswith(".accountbook"):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name)
        else:
            shutil.copy2(entry, target / entry.name)
    if lang.code == SOURCE_LANGUAGE:
        return
    for page in target.rglob("*.md"):
        page.write_text(
            english_only(lang, page.read_text(encoding="utf-8")), encoding="utf-8", newline="\n"
        )
