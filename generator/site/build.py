"""Write the generated pages and build the site, swapping both in only when complete.

Everything is built in a staging folder beside the project: a copy of the hand-written pages of
``docs/`` plus the generated ones, and the site. The engine (engine.py) builds every page but
the record pages (client dossiers), which are written into the page the engine built for one of
them (shell.py). Only when the engine has built the site without a warning, and the safety scan
(guard.py) found nothing, are the generated folders of ``docs/`` and the site folder replaced,
by renames, all together. A failed build leaves the previous ``docs/`` and site as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing.connection import wait as _connection_wait
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .. import memory, workers
from ..errors import SiteBuildError
from ..files import discard, discard_leftovers, replace_all
from ..i18n import SOURCE_LANGUAGE, Language, language
from ..outputs import SITE_MARKER, publishable, write_marker
from ..pages.render import CHARTS, GENERATED, english_only
from ..timings import Timings
from .engine import Engine
from .guard import Finding, Scanner, in_file_order, scan_files, site_files
from .shell import (
    Article,
    Shell,
    ShellError,
    Unsupported,
    convert,
    hold_blocks,
    is_record,
    join_search_index,
    join_sitemap,
    put_back,
    search_content,
)

_T = TypeVar("_T")


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
    downloads: Callable[[], tuple[Path, list[Finding]]] | None = None,
    languages: Sequence[str] = ("en",),
    timings: Timings | None = None,
) -> int:
    """Write the pages into ``docs/`` and build the site into ``site_dir``; return the page count.

    ``pages`` is ``{path: content}`` (the same in every language), or a :class:`PageSource`
    that renders the pages of the language it is given, where that language is built. The
    first language is the default: its site is at the root of ``site_dir`` and its pages go
    into ``docs/``; every other language is built from its own staged copy into
    ``site_dir/<code>/``. Languages are built side by side, one process each, as many at a time
    as the machine has cores; ``timings`` gets the time of each stage. ``downloads()`` waits
    for the downloads and gives their folder (it becomes ``downloads/``) and what the safety
    scan found in it as it was written.

    Nothing is put in place unless the safety scan finds nothing in the whole site: with one
    language its record pages are looked at as they are written (by a process per core) and the
    rest once built, by a process per core; with more, each language's process looks at its
    pages as it writes them (see :func:`scanned_as_written`).
    """
    # MkDocs reads relative folders against mkdocs.yml's folder: give it absolute ones.
    project, site_dir = project.resolve(), site_dir.resolve()
    docs = project / "docs"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    discard_leftovers(site_dir.parent)
    if project != site_dir.parent:
        discard_leftovers(project)
    staging = Path(tempfile.mkdtemp(prefix=".accountbook-build-", dir=project))
    # Beside the site folder, so that putting the new site in place is one rename.
    site_staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    source: PageSource = pages if hasattr(pages, "render_into") else _FixedPages(pages)  # type: ignore[assignment]
    timings = timings or Timings()
    default = languages[0]
    # The languages are built one after the other in this process, or each in its own.
    here = len(languages) == 1 or not workers.can_fork()
    scanner = Scanner(private, secrets)
    as_written = scanned_as_written(languages)
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
                scanner=scanner,
                as_written=as_written,
                # One language is built here: its record pages are written by a process a core.
                shares=workers.cores() if len(languages) == 1 else 1,
                keep_pages=code == default,
                timings=timings,
            )
            for code in languages
        ]
        if len(builds) == 1:
            results = [builds[0].run()]  # it times its own stages
        else:
            with timings.stage("pages, MkDocs and the scan, every language"):
                results = _run_all(builds, staging)
        findings: list[Finding] = []
        for build, result in zip(builds, results, strict=True):
            within = "" if build.code == default else build.code + "/"
            findings += [replace(found, file=within + found.file) for found in result.findings]
        built = site_staging / "site"
        for build in builds[1:]:
            if (built / build.code).exists():
                raise SiteBuildError(
                    f"The site already has a folder named {build.code!r}, where the "
                    f"{build.code} language would go: rename that page or folder."
                )
            build.site.rename(built / build.code)
        if not as_written:
            # Never publish a site that leaks: with one language, the site is scanned once
            # built (the record pages and the downloads, as they were written), while the
            # downloads' process may still be writing, so that both cores stay busy.
            with timings.stage("safety scan"):
                looked = results[0].looked  # the record pages, as they were written
                findings += [found for file in looked.values() for found in file]
                files = [built / name for name in site_files(built) if name not in looked]
                findings += scan_files(scanner, built, files, timings.advance)
        if downloads is not None:
            # Written (and looked at) meanwhile by another process; they go into the site as
            # they are.
            with timings.stage("downloads"):  # what is left to wait for
                folder, found = downloads()
            shutil.move(str(folder), str(built / "downloads"))
            findings += [replace(each, file="downloads/" + each.file) for each in found]
        if findings:
            raise UnsafeSiteError(in_file_order(findings))
        write_marker(built, SITE_MARKER, "build")
        publishable(built)
        # docs/ and the site always come from the same build: all of it moves, or none.
        with timings.stage("replacing the previous site"):
            docs.mkdir(exist_ok=True)
            moves = [(builds[0].docs / name, docs / name) for name in GENERATED]
            moves.append((built, site_dir))
            replace_all(moves, staging / "replaced-docs", site_staging / "replaced-site")
            # The previous site and pages (a 20,000-page site takes half a minute to delete),
            # and the other languages' staged pages, are deleted by a process of their own:
            # the build does not wait for them.
            discard(staging / "replaced-docs", *(build.docs for build in builds[1:]), into=project)
            discard(site_staging / "replaced-site", into=site_dir.parent)
        return sum(result.pages for result in results)
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
    # Looks at each record page as it is written; with ``as_written``, at each picture as it is
    # written and at the rest of the site once built too (else the caller scans the rest).
    scanner: Scanner
    release: bool = False
    as_written: bool = True
    shares: int = 1  # the processes that write the record pages
    # Whether its generated pages are kept (in docs/, the default language's): another
    # language's site is all that is kept of it, so its record pages and charts are written
    # once, where the site needs them.
    keep_pages: bool = True
    timings: Timings = field(default_factory=Timings)

    def run(self) -> _Built:
        """Stage the pages and build them: how many Markdown pages were generated, and what
        the scanner found in the site."""
        engine = Engine(self.project, self.site_name, self.as_of, self.code, self.languages)
        with self.timings.stage("pages"):
            _copy_hand_written(self.project / "docs", self.docs, language(self.code))
            records = self.docs.with_name(self.docs.name + "-records") if RECORD_PAGES else None
            pictures = self.docs.with_name(self.docs.name + "-pictures")
            staged = _Staging(
                self.docs,
                records,
                engine,
                pictures,
                self.scanner if self.as_written else None,
                keep_records=self.keep_pages,
            )

            def write(relative: str, content: str | bytes) -> None:
                staged.write(relative, content)
                self.timings.advance(staged.pages)

            try:
                self.source.render_into(self.code, write)
            finally:
                staged.finish()
            if self.release:
                self.source.release()
                memory.give_back()
        with self.timings.stage("MkDocs"):
            engine.build(self.docs, self.site)
            self.scanner.allow_theme(self.site)
            # The charts are files the engine would only copy: they are linked into the site
            # (a big site has 40,000), then put in docs/ with the other generated files; where
            # the pages are not kept, they are moved into the site.
            if (pictures / CHARTS).is_dir():
                if self.keep_pages:
                    _link_tree(pictures / CHARTS, self.site / CHARTS)
                    (pictures / CHARTS).rename(self.docs / CHARTS)
                else:
                    _move_tree(pictures / CHARTS, self.site / CHARTS)
        if staged.records or staged.held:
            with self.timings.stage("record pages", len(staged.records)):
                try:
                    _put_back_blocks(engine, staged, self.site)
                    if staged.records:
                        _write_records(
                            engine,
                            staged,
                            self.site,
                            self.timings.advance,
                            self.scanner,
                            self.shares,
                        )
                    shell = True
                except ShellError:
                    shell = False  # a theme or setting the renderer does not know
                # docs/ holds every generated page as it was rendered, whoever built it (the
                # record pages of a language whose pages are not kept: only if the engine
                # builds them now).
                folders: set[str] = set()
                kept = staged.records if self.keep_pages else []
                for name in [*kept, *staged.held]:
                    target = os.path.join(self.docs, name)
                    folder = os.path.dirname(target)
                    if folder not in folders:
                        os.makedirs(folder, exist_ok=True)
                        folders.add(folder)
                    os.replace(os.path.join(staged.records_folder, name), target)  # type: ignore[arg-type]
                if not shell and not self.keep_pages:
                    staged.write_record_markdown(self.docs)
                    if (self.site / CHARTS).is_dir():
                        _move_tree(self.site / CHARTS, self.docs / CHARTS)
            if not shell:
                with self.timings.stage("MkDocs"):  # every page as it is, the record pages too
                    engine.build(self.docs, self.site)
                for name in staged.records:  # the pages looked at are not those built now
                    staged.looked.pop(engine.page_file(Path(), name).as_posix(), None)
        if not self.as_written:
            return _Built(staged.pages, [], staged.looked)
        with self.timings.stage("safety scan"):
            findings = [found for file in staged.looked.values() for found in file]
            rest = [name for name in site_files(self.site) if name not in staged.looked]
            findings += self.scanner.files(self.site, [self.site / path for path in rest])
        return _Built(staged.pages, findings)


@dataclass
class _Built:
    """What a language's build gives back."""

    pages: int  # the Markdown pages generated
    findings: list[Finding]  # what the scan found in its site (none: not scanned)
    # What the scan found in each file it looked at as it was written, when the rest of the
    # site is scanned by the caller.
    looked: dict[str, list[Finding]] = field(default_factory=dict)


def scanned_as_written(languages: Sequence[str]) -> bool:
    """Whether the pages of a site in ``languages`` are scanned file by file as they are
    written (in each language's process), or as a whole once built. The downloads are looked
    at as they are written, in their own process, either way.

    A site in one language is still in memory when it is built: it is scanned whole, by a
    process per core, while the downloads' process finishes. A site in several languages is too
    big to stay in memory until the end (a six-language site at 20,000 clients is 360,000
    files): read back, most of it would come from disk."""
    return len(languages) > 1


# Write record pages through the shell (False: the engine builds every page, as the test that
# compares both ways does).
RECORD_PAGES = True


def _link_tree(source: Path, target: Path) -> None:
    """Every file below ``source`` at the same place below ``target``: hard-linked (the file
    is written once), or copied where the file system cannot link."""
    for parent, _folders, files in os.walk(source):
        into = target / os.path.relpath(parent, source)
        into.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(os.path.join(parent, name), into / name)
            except OSError:
                shutil.copyfile(os.path.join(parent, name), into / name)


def _move_tree(source: Path, target: Path) -> None:
    """The folder ``source`` moved to ``target``: renamed, or where the two are on different
    file systems (a site folder on another disk than the project), linked or copied."""
    try:
        source.rename(target)
    except OSError:
        _link_tree(source, target)
        shutil.rmtree(source)


def _put_back_blocks(engine: Engine, staged: _Staging, site: Path) -> None:
    """The tables and cards held out of the pages MkDocs built, put back into the built pages."""
    assert staged.records_folder is not None
    for name in staged.held:
        _, blocks = hold_blocks((staged.records_folder / name).read_text(encoding="utf-8"), name)
        page = engine.page_file(site, name)
        page.write_text(
            put_back(page.read_text(encoding="utf-8"), name, blocks), encoding="utf-8", newline="\n"
        )


def _write_records(
    engine: Engine,
    staged: _Staging,
    site: Path,
    advance: Callable[[int], None] = lambda _: None,
    scanner: Scanner | None = None,
    shares: int = 1,
) -> None:
    """Every record page the engine did not build, written into the shell; their search
    entries and sitemap entries joined to the engine's.

    ``scanner`` looks at each page as it is written (what it finds goes into
    ``staged.looked``). The pages are shared out between ``shares`` processes, this one and
    forked ones, where the system forks."""
    assert staged.shell is not None and staged.records_folder is not None
    shell_path, shell_article = staged.shell
    shell_url = engine.page_url(shell_path)
    page = engine.page_file(site, shell_path).read_text(encoding="utf-8")
    shell = Shell.cut(page, shell_article, shell_url)
    index = engine.search_index(site)
    if index is not None:
        written = [
            entry
            for entry in json.loads(index.read_text(encoding="utf-8"))["docs"]
            if entry["location"].split("#", 1)[0] == shell_url
        ]
        ours = engine.search_entries(
            shell_url, shell_article.title, search_content(shell_article.body), shell_article.toc
        )
        if ours != written:
            raise ShellError("the theme's search entries differ from the renderer's")
    places = engine.page_places(site, staged.all_records)
    pages = {
        places[name][1].relative_to(site).as_posix(): places[name][0] for name in staged.records
    }
    if scanner is not None:  # it looks at each page as its shell around its own parts
        scanner.know_shell(shell, pages)
    for folder in sorted({places[name][1].parent for name in staged.records}):
        folder.mkdir(parents=True, exist_ok=True)
    job = _RecordShare(engine, staged, site, shell, places, scanner, index is not None)
    shares = shares if workers.can_fork() and len(staged.records) >= 2 * _SHARE_PAGES else 1
    others = [workers.start(job.run, share, shares) for share in range(1, shares)]
    try:
        # This process's share, counted as all of them: the others go at the same pace.
        done = [job.run(0, shares, lambda count: advance(count * shares))]
        done += [workers.outcome(process) for process in others]
    finally:
        for process in others:
            if process.is_alive():
                process.terminate()
                process.join()
    advance(len(staged.records))
    entries: dict[str, list[dict[str, Any]]] = {}
    for share_entries, looked in done:
        entries.update(share_entries)
        staged.looked.update(looked)
    urls = [places[name][0] for name in staged.records]
    order = [places[name][0] for name in sorted(staged.all_records)]
    join_search_index(engine, site, entries, order)
    join_sitemap(engine, site, shell_url, urls, order)


# Fewer record pages than this per process are written by one: a fork costs more.
_SHARE_PAGES = 500


@dataclass(frozen=True)
class _RecordShare:
    """Writes a share of the record pages into the shell: every ``shares``-th from ``share``."""

    engine: Engine
    staged: _Staging
    site: Path
    shell: Shell
    places: Mapping[str, tuple[str, Path]]
    scanner: Scanner | None
    indexed: bool

    def run(
        self, share: int, shares: int, advance: Callable[[int], None] = lambda _: None
    ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[Finding]]]:
        """Write the share; its search entries (by URL) and what the scanner found in each page."""
        entries: dict[str, list[dict[str, Any]]] = {}
        looked: dict[str, list[Finding]] = {}
        mine = self.staged.records[share::shares]
        for count, (name, article) in enumerate(
            zip(mine, self.staged.articles(share, shares), strict=True), start=1
        ):
            url, target = self.places[name]
            text = self.shell.page(article, url)
            _write_file(str(target), text)
            if self.scanner is not None:
                within = target.relative_to(self.site).as_posix()
                looked[within] = self.scanner.look(within, text)
            advance(count)
            if self.indexed:
                entries[url] = self.engine.search_entries(
                    url, article.title, search_content(article.body), article.toc
                )
        return entries, looked


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


class _Staging:
    """Writes the generated files into a language's docs folder as they are rendered; record
    pages that the shell can take go into ``records_folder`` instead (see shell.py)."""

    def __init__(
        self,
        folder: Path,
        records_folder: Path | None,
        engine: Engine,
        pictures: Path,
        scanner: Scanner | None = None,
        keep_records: bool = True,
    ) -> None:
        self.folder = folder
        # Looks at the pictures and record pages as they are written: what it found in each
        # file, by its path in the site.
        self.scanner = scanner
        self.looked: dict[str, list[Finding]] = {}
        self.records_folder = records_folder
        self.pictures = pictures  # where the charts go, out of the engine's sight
        self.engine = engine
        self.folders: set[str] = set()
        self.pages = 0  # Markdown pages written
        self.shell: tuple[str, Article] | None = None  # the record page the engine builds
        self.records: list[str] = []  # the record pages written into the shell
        self.held: list[str] = []  # pages MkDocs builds with their long tables held out
        self.all_records: list[str] = []  # and those the engine builds
        # The record pages' articles, converted once, one JSON line each in ``records``' order:
        # kept on disk, not in memory (a big site's articles are a few hundred megabytes).
        self._articles = (
            open(records_folder.with_name(records_folder.name + ".jsonl"), "w", encoding="utf-8")  # noqa: SIM115
            if records_folder is not None
            else None
        )
        # Without ``keep_records``, the record pages' Markdown is not written as files but
        # into one stream, for the engine to build them if the shell cannot take them (see
        # :meth:`record_markdown`).
        self._markdown = (
            open(records_folder.with_name(records_folder.name + ".md-stream"), "wb")  # noqa: SIM115
            if records_folder is not None and not keep_records
            else None
        )

    def finish(self) -> None:
        """Every page is written: the articles are saved for :meth:`articles`."""
        if self._articles is not None:
            self._articles.close()
        if self._markdown is not None:
            self._markdown.close()

    def write_record_markdown(self, folder: Path) -> None:
        """Write the Markdown of ``records`` into ``folder``, where it was not written as files
        but into the stream (in order, each its length in bytes on a line, then the text)."""
        assert self._markdown is not None
        with open(self._markdown.name, "rb") as stream:
            for name in self.records:
                self._write(folder, name, stream.read(int(stream.readline())))

    def articles(self, share: int = 0, shares: int = 1) -> Iterator[Article]:
        """The articles of ``records``, in order, as :meth:`write` converted them (those of
        every ``shares``-th record from ``share``)."""
        assert self._articles is not None
        with open(self._articles.name, encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if number % shares == share:
                    title, body, toc, hide = json.loads(line)
                    yield Article(title=title, body=body, toc=toc, hide=hide)

    def write(self, relative: str, content: str | bytes) -> None:
        if relative.endswith(".md"):
            self.pages += 1
            if self.records_folder is not None and isinstance(content, str):
                if is_record(relative):
                    self.all_records.append(relative)
                    article = self._to_shell(relative, content)
                    if article is not None:
                        if self._markdown is None:
                            self._write(self.records_folder, relative, content)
                        else:
                            data = content.encode("utf-8")
                            self._markdown.write(b"%d\n" % len(data) + data)
                        self.records.append(relative)
                        line = [article.title, article.body, article.toc, article.hide]
                        self._articles.write(json.dumps(line, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
                        return
                else:
                    shown, blocks = hold_blocks(content, relative)
                    if blocks:  # MkDocs builds the page without them; they are put back after
                        self._write(self.records_folder, relative, content)
                        self.held.append(relative)
                        content = shown
        elif relative.startswith(CHARTS + "/"):
            self._write(self.pictures, relative, content)
            if self.scanner is not None:  # linked into the site as it is
                self.looked[relative] = self.scanner.look(relative, content)
            return
        self._write(self.folder, relative, content)

    def _to_shell(self, relative: str, markdown: str) -> Article | None:
        """The page's article if it goes into the shell; the first one that can is the shell."""
        try:
            article = convert(markdown, self.engine.heading_ids())
        except Unsupported:
            return None
        if self.shell is None:
            self.shell = (relative, article)
            return None  # the engine builds it
        shell = self.shell[1]
        if article.headings == shell.headings and article.hide == shell.hide:
            return article
        return None

    def _write(self, folder: Path, relative: str, content: str | bytes) -> None:
        target = os.path.join(folder, relative)
        parent = os.path.dirname(target)
        if parent not in self.folders:
            os.makedirs(parent, exist_ok=True)
            self.folders.add(parent)
        _write_file(target, content)


def _write_file(target: str, content: str | bytes) -> None:
    """Write a file through its descriptor: a big site's 40,000 files, one Path and one text
    wrapper each, cost a second more (text is written as UTF-8, with "\n" line ends)."""
    data = memoryview(content if isinstance(content, bytes) else content.encode("utf-8"))
    descriptor = os.open(target, _NEW_FILE, 0o666)
    try:
        while data:
            data = data[os.write(descriptor, data) :]
    finally:
        os.close(descriptor)


def _run_all(builds: list[_LanguageBuild], staging: Path) -> list[_Built]:
    """Run every language's build: here when there is one, else side by side."""
    return _run_parallel([(build.code, build.run) for build in builds], staging)


def _run_parallel(jobs: list[tuple[str, Callable[[], _T]]], staging: Path) -> list[_T]:
    """Run each job and return what each returned: in this process when there is one job (or
    no fork), else in forked processes, as many at a time as there are cores. A failed job
    stops the others and raises its own error here."""
    at_once = max(1, min(len(jobs), workers.cores()))
    if at_once == 1 or not workers.can_fork():
        return [job() for _, job in jobs]
    results: dict[str, _T] = {}
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
