"""The order of the stages: the only module that knows it.

sources -> validate -> (model -> kpi -> pages -> site / export, in later stages)
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from . import memory, workers
from .config import Config
from .contract.schema import load_schema
from .downloads.export import client_workbooks, downloads, each_download
from .errors import InputError, InvalidWorkbookError
from .files import replaced_whole, write_files
from .insights import Insights
from .issues import Issue
from .kpi import Kpis, compute
from .model import Model, build_model, missing_translations
from .model import private_values as model_private_values
from .outputs import (
    EXPORT_MARKER,
    LEGACY_EXPORT,
    LEGACY_SITE,
    SITE_MARKER,
    check_output_folder,
    protected_paths,
    write_marker,
)
from .pages.render import Pages
from .progress import Progress
from .site import build_site
from .site.guard import Finding, Scanner, secrets_from_environment
from .sources.local import read
from .timings import Timings
from .validation.validate import Report, validate


class NoSourceError(InputError):
    """Neither the options nor the config name a source."""


class NotAProjectError(InputError):
    """The folder a build runs in has no mkdocs.yml: it is not a project."""


class InvalidWorkbook(InvalidWorkbookError):
    """The workbook has errors; the site is not built."""

    def __init__(self, report: Report) -> None:
        super().__init__(f"{len(report.errors)} errors")
        self.report = report


@dataclass(frozen=True)
class BuildResult:
    report: Report
    pages: int
    site_dir: Path
    timings: Timings


def check(config: Config, progress: Progress | None = None) -> Report:
    """Read the configured source and validate it against the contract."""
    progress = progress or Progress("quiet")
    if not config.source:
        raise NoSourceError(
            "no source: pass --source PATH, or set source in accountbook.toml or ACCOUNTBOOK_SOURCE"
        )
    schema = load_schema()
    # Gather everything before judging: read every tab, then validate the whole workbook.
    progress.start("Reading the workbook")
    workbook = read(config.source, schema.table_names, config.credentials, config.auth)
    rows = sum(len(sheet.rows) for sheet in workbook.sheets.values())
    progress.start(f"Checking {rows:,} rows")
    report = validate(workbook, schema, base_currency=config.base_currency)
    progress.close()
    more = (
        missing_translations(report, config.languages)
        if report.valid and len(config.languages) > 1
        else []
    )
    return replace(
        report,
        issues=report.issues_and(more),
        source_title=workbook.title or str(config.source),
    )


def private_values(report: Report, config: Config) -> dict[str, str]:
    """The values of the workbook that the config does not publish: see model.private_values."""
    return model_private_values(report, config.publish_personal, config.publish_internal)


def pull(config: Config, out: Path, pulled_at: str, progress: Progress | None = None) -> Path:
    """Save the configured Google Sheet as a local snapshot folder that builds offline."""
    from .sources import sheets

    progress = progress or Progress("quiet")
    key = sheets.spreadsheet_key(str(config.source or ""))
    if key is None:
        raise NoSourceError(
            f"pull needs a Google Sheets URL or key as the source, not {config.source!r}"
        )
    from .sources.local import SNAPSHOT_FILE

    _may_replace(out, config, Path.cwd(), "the pull", "--out", SNAPSHOT_FILE)
    schema = load_schema()
    progress.start("Reading the Google Sheet")
    spreadsheet = sheets.read_sheet(
        key, schema.table_names, sheets.connect(config.credentials, config.auth)
    )
    progress.start("Writing the snapshot")
    if spreadsheet.workbook.problems:  # cells that a snapshot could not keep as they are
        raise InvalidWorkbook(Report(issues=spreadsheet.workbook.problems, tables={}))
    kinds = {
        table.name: {column.name: column.type for column in table.fields} for table in schema.tables
    }
    try:
        return sheets.write_snapshot(spreadsheet, kinds, out, pulled_at)
    finally:
        progress.close()


def build(
    config: Config, as_of: date, project: Path, progress: Progress | None = None
) -> BuildResult:
    """Check the workbook, compute the KPIs, render the pages and build the site; each stage
    is shown on ``progress`` as it starts."""
    # Gather, then write: everything is read, validated and rendered in memory first.
    progress = progress or Progress("quiet")
    try:
        with workers.limited(config.jobs):
            return _build(config, as_of, project, Timings(progress))
    finally:
        progress.close()


def site_folder(config: Config, project: Path) -> Path:
    """The folder the site is built into, once it is known that the build may replace it."""
    site_dir = Path(config.site_dir)
    if not site_dir.is_absolute():
        site_dir = project / site_dir
    _may_replace(site_dir, config, project, "the build", "--site-dir", SITE_MARKER, LEGACY_SITE)
    return site_dir


def _may_replace(
    folder: Path,
    config: Config,
    project: Path,
    what: str,
    option: str,
    marker: str,
    legacy: tuple[tuple[str, ...], ...] = (),
    force: bool = False,
) -> None:
    """Refuse (outputs.OutputRefused) to replace ``folder`` unless it is ours and not the
    project's: see outputs.check_output_folder."""
    config_file = Path(config.config_file) if config.config_file else None
    protected = protected_paths(project, config_file, config.source)
    check_output_folder(folder, protected, marker, what, option, force=force, legacy=legacy)


def _build(config: Config, as_of: date, project: Path, timings: Timings) -> BuildResult:
    if not (project / "mkdocs.yml").is_file():
        raise NotAProjectError(
            f"{project} has no mkdocs.yml, so it is not an Accountbook project: run the command "
            "from the project's folder, or make a project here with accountbook init."
        )
    site_dir = site_folder(config, project)  # refused before any work is done
    with timings.stage("read and validate"):
        report = check(config)
    if not report.valid:
        raise InvalidWorkbook(report)
    with timings.stage("model"):
        model = build_model(
            report,
            config.base_currency,
            config.default_language,
            publish_personal=config.publish_personal,
            publish_internal=config.publish_internal,
        )
        # The model holds the values now (the private ones too); a big site needs the memory.
        report = replace(report, tables={})
    # The downloads (thousands of workbooks on a big site) are written by another process,
    # started as soon as the model exists: the clients' workbooks need nothing more, and are
    # written while this process works out the KPIs (which it then hands over), the pages, and
    # MkDocs builds them; with jobs = 1, here, once the KPIs are known.
    private, secrets = model.private, secrets_from_environment()
    with timings.stage("downloads"):
        writer = DownloadsWriter(model, as_of, config, project, Scanner(private, secrets))
    with writer:
        with timings.stage("KPIs"):
            kpis = compute(model, as_of)
        # The downloads' process goes on with the KPIs; with jobs = 1, every download is
        # written here and now.
        with nullcontext() if writer.process is not None else timings.stage("downloads"):
            writer.hand_over(kpis)
        with timings.stage("insights"):
            insights = Insights(model, kpis)
        # What the languages share is worked out once; each language's pages are rendered
        # where that language (or shard) is built: see site.build_site.
        with timings.stage("pages"):
            pages = Pages(
                model, kpis, load_schema(), report.warnings, config, report.source_title, insights
            )
        del model, kpis, insights
        count = build_site(
            pages,
            project,
            site_dir,
            config.site_name,
            as_of,
            private,
            secrets,
            downloads=writer.collect,
            languages=config.languages,
            timings=timings,
        )
    return BuildResult(report=report, pages=count, site_dir=site_dir, timings=timings)


class DownloadsWriter:
    """Writes every download into a folder, in a forked process where the system has fork,
    and the safety scan looks at each as it is written (read back at the end of a big build,
    20,000 workbooks would come from disk).

    The clients' workbooks are written first, from the model alone; the rest once
    ``hand_over(kpis)`` gives the KPIs (the process works out the insights itself).
    ``collect()`` waits for it and returns the folder and what ``scanner`` found in it (file
    names relative to the folder); leaving the ``with`` block removes the folder and stops the
    process if the build failed before collecting it.
    """

    def __init__(
        self, model: Model, as_of: date, config: Config, project: Path, scanner: Scanner
    ) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=".accountbook-downloads-", dir=project))
        self.model, self.as_of, self.config, self.scanner = model, as_of, config, scanner
        self.process: Any = None
        self.findings: list[Finding] = []
        self._ready: Any = None
        if workers.can_fork():
            waiting, self._ready = multiprocessing.get_context("fork").Pipe(duplex=False)
            self.process = workers.start(_write_downloads, self, waiting)
            waiting.close()

    def hand_over(self, kpis: Kpis) -> None:
        """Give the KPIs to the process (through a file: it may be busy), or write every
        download here and now."""
        if self.process is None:
            try:  # here, not through _write_downloads: a Ctrl-C must reach the build
                self.findings = self._write(lambda: kpis)
            except BaseException:
                shutil.rmtree(self.folder, ignore_errors=True)
                raise
            return
        handed = self.folder / _KPIS
        with open(handed.with_suffix(".part"), "wb") as file:
            pickle.dump(kpis, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handed.with_suffix(".part"), handed)
        self._ready.send_bytes(b"ready")
        self._ready.close()

    def _write(self, kpis: Callable[[], Kpis]) -> list[Finding]:
        """Write every download into the folder, the clients' workbooks first (``kpis()``
        gives the KPIs the rest needs); what the scanner found in them."""
        model, config, scanner = self.model, self.config, self.scanner
        findings: list[Finding] = []

        def looked_at(
            files: Iterable[tuple[str, str | bytes]],
        ) -> Iterator[tuple[str, str | bytes]]:
            for name, content in files:
                findings.extend(scanner.look(name, content))
                yield name, content

        write_files(looked_at(client_workbooks(model, self.as_of)), self.folder)
        memory.trim()  # what 20,000 workbooks left free goes back before the insights
        known = kpis()
        rest = each_download(model, known, config, insights=Insights(model, known), clients=False)
        write_files(looked_at(rest), self.folder)
        return findings

    def collect(self) -> tuple[Path, list[Finding]]:
        if self.process is not None:
            process, self.process = self.process, None
            self.findings = workers.outcome(process)  # raises here what stopped it there
        return self.folder, self.findings

    def __enter__(self) -> DownloadsWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.folder, ignore_errors=True)


_KPIS = ".kpis.pickle"  # how the KPIs reach the downloads' process, in its folder


def _write_downloads(writer: DownloadsWriter, ready: Any) -> list[Finding]:
    """In the downloads' process: write every download, taking the KPIs when handed over."""

    writer._ready.close()  # this process's copy of the sending end  # noqa: SLF001

    def handed() -> Kpis:
        ready.recv_bytes()  # once the file is whole
        path = writer.folder / _KPIS
        with open(path, "rb") as file:
            kpis: Kpis = pickle.load(file)  # noqa: S301 - written by this build's own process
        path.unlink()
        return kpis

    return writer._write(handed)  # noqa: SLF001


HEADER_CODES = (
    "missing-tab",
    "missing-column",
    "unknown-column",
    "duplicate-column",
    "blank-header",
)


@dataclass(frozen=True)
class Diagnosis:
    """What ``doctor`` found: how it signed in, what it could read, what to fix in the headers."""

    source: str
    credentials: str
    title: str
    tabs: list[str]
    issues: list[Issue]


def doctor(config: Config) -> Diagnosis:
    """Check credentials, access, and the tab and header names against the contract."""
    from .sources import sheets

    if not config.source:
        raise NoSourceError("no source: pass --source URL, or set source in accountbook.toml")
    schema = load_schema()
    key = sheets.spreadsheet_key(str(config.source))
    if key is None:
        workbook = read(config.source, schema.table_names)
        credentials, tabs = (
            "none needed (a local source)",
            sorted(workbook.sheets) + workbook.other_tabs,
        )
    else:
        access = sheets.connect(config.credentials, config.auth)
        credentials = access.method + (f" {access.identity}" if access.identity else "")
        spreadsheet = sheets.read_sheet(key, schema.table_names, access, headers_only=True)
        workbook, tabs = spreadsheet.workbook, spreadsheet.tabs
    issues = [found for found in validate(workbook, schema).issues if found.code in HEADER_CODES]
    return Diagnosis(str(config.source), credentials, workbook.title, tabs, issues)


def export(
    config: Config,
    as_of: date,
    output_format: str,
    out: Path,
    project: Path | None = None,
    force: bool = False,
) -> list[str]:
    """Write the downloads without building the site: xlsx, csv or json, into ``out``.

    ``out`` is replaced whole: only a new or empty folder, or one an earlier export made, unless
    ``force``; never the project's own folders (``project``: the folder the command runs in).
    """
    from .downloads.export import kpis_json

    project = project or Path.cwd()
    _may_replace(out, config, project, "the export", "--out", EXPORT_MARKER, LEGACY_EXPORT, force)
    report = check(config)
    if not report.valid:
        raise InvalidWorkbook(report)
    model = build_model(report, config.base_currency, config.default_language)
    kpis = compute(model, as_of)
    if output_format == "json":
        files: dict[str, str | bytes] = {"kpis.json": kpis_json(kpis)}
    else:
        every = downloads(model, kpis, config, per_record=output_format == "xlsx")
        files = {
            name: content for name, content in every.items() if name.endswith(f".{output_format}")
        }
    # Written beside the target and renamed into place: a failure leaves the earlier export.
    with replaced_whole(out) as staging:
        write_files(files, staging)
        write_marker(staging, EXPORT_MARKER, "export")
    return sorted(files)
