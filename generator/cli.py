"""Accountbook: check a sales team's spreadsheet and publish it as a site.

Exit codes (the same for every command):

\b
  0  done; the workbook is valid (warnings allowed)
  1  the workbook is invalid: the report lists every problem
  2  the source or the config cannot be read, the output cannot be written or is
     refused (a folder Accountbook did not make), or the command line is wrong
  3  an internal error (a bug): please report it with the command you ran
  4  the network or the Google Sheets API failed, even after retrying: try later
  130  interrupted (Ctrl-C): nothing was replaced
  143  stopped (SIGTERM, as CI and timeout send): nothing was replaced
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import FrameType

import click

from . import __version__, pipeline, timings
from .config import Config, load_config
from .contract.schema import SchemaError, load_schema
from .errors import AccountbookError
from .progress import Progress
from .validation.report import (
    as_json,
    as_text,
    github_annotations,
    inert,
    inert_lines,
    markdown_summary,
)
from .validation.validate import Report

EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3
EXIT_UNAVAILABLE = 4
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C
EXIT_TERMINATED = 143  # the shell's code for SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: handled as Ctrl-C is (every clean-up runs), but exits with 143."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    timings.stop_requested = Terminated  # raised again if this one is dropped (see timings.py)
    raise Terminated


def _interrupt(signum: int, frame: FrameType | None) -> None:
    timings.stop_requested = KeyboardInterrupt
    raise KeyboardInterrupt


def _echo(text: str, err: bool = False) -> None:
    """Print lines for a person: values from the spreadsheet in them are made inert (no escape
    sequence reaches the terminal, no value starts a line in a CI log)."""
    click.echo(inert_lines(text), err=err)


class Failure(click.ClickException):
    """A failure told in one sentence, with the values in it made inert, and its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # (a class variable in click)

    def format_message(self) -> str:
        return inert_lines(self.message)


@contextmanager
def _failures(
    ctx: click.Context, what: str = "nothing", stopped: str = "nothing was changed"
) -> Iterator[None]:
    """Turn whatever a command runs into into one sentence and its exit code: the one place
    errors become exit codes (an invalid workbook, whose report each command prints its own
    way, passes through).

    ``what`` is what the command writes ("the site"), ``stopped`` what a failure means for it
    ("the site was not built; the previous site is unchanged").
    """
    try:
        yield
    except pipeline.InvalidWorkbook:
        raise
    except AccountbookError as error:
        raise Failure(str(error), error.exit_code) from error
    except Terminated:
        _echo(f"Stopped (SIGTERM): {stopped}.", err=True)
        ctx.exit(EXIT_TERMINATED)
    except KeyboardInterrupt:
        _echo(f"Interrupted: {stopped}.", err=True)
        ctx.exit(EXIT_INTERRUPTED)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Failure(
                f"The disk is full ({error.strerror}): {stopped}. Free some space and run the "
                "command again."
            ) from error
        where = f" ({error.filename})" if error.filename else ""
        raise Failure(
            f"Cannot write {what}: {error.strerror or error}{where}. Nothing was replaced: "
            f"{stopped.split('; ', 1)[-1]}."
        ) from error


# Progress goes to standard error, so that standard output (a report, JSON) stays clean.
QUIET = click.option(
    "--quiet", "-q", is_flag=True, help="Say nothing while working (errors are still shown)."
)


def _config(ctx: click.Context, **options: object) -> Config:
    with _failures(ctx):
        config = load_config(ctx.obj)
    return config.with_options(**options)


@click.group(help=__doc__)
@click.version_option(__version__, prog_name="accountbook")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file (default: accountbook.toml in the current folder, or $ACCOUNTBOOK_CONFIG).",
)
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    ctx.obj = config_path


@cli.command(short_help="Check the workbook and list every problem, by cell.")
@click.option(
    "--source", help="A Google Sheets URL or key, an .xlsx workbook or a folder of <Tab>.csv files."
)
@click.option("--base-currency", help="ISO code of the currency KPIs are counted in (default EUR).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for programs.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=500,
    show_default=True,
    help="Show at most this many problems in the text table (0: all); counts cover all.",
)
@QUIET
@click.pass_context
def check(
    ctx: click.Context,
    source: str | None,
    base_currency: str | None,
    output_format: str,
    limit: int,
    quiet: bool,
) -> None:
    """Check the workbook against the contract and list every problem at once.

    Each problem names its cell (Sales!D17), the value and what was expected. Exit code 0 when the
    workbook is valid (warnings allowed), 1 when it is not, 2 when it cannot be read.

    \b
    Example:
      accountbook check --source examples/demo
      accountbook check --source team.xlsx --format json > report.json
    """
    config = _config(ctx, source=source, base_currency=base_currency)
    with _failures(ctx):
        report = pipeline.check(config, Progress.choose(quiet))
    location = str(config.source)
    _report_to_github(report, report.source_title or location)
    if output_format == "json":
        click.echo(as_json(report, location))  # JSON escapes control characters itself
    else:
        _echo(as_text(report, location, limit=limit))
    if not report.valid:
        ctx.exit(EXIT_INVALID)


def _report_to_github(report: Report, location: str) -> None:
    """In a GitHub Actions job: annotations on the run, and the table in the job summary."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    if report.issues:
        _echo(github_annotations(report))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(markdown_summary(report, location))


def _today() -> date:
    # The report date is an input of the pipeline; only the command line asks the clock.
    return datetime.now(UTC).astimezone().date()


@cli.command(short_help="Check the workbook and build the site.")
@click.option(
    "--source", help="A Google Sheets URL or key, an .xlsx workbook or a folder of <Tab>.csv files."
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The report date, written 2026-03-31 (default: report_date in the config, else today).",
)
@click.option("--site-dir", help="Where to build the site (default: site).")
@click.option("--base-currency", help="ISO code of the currency KPIs are counted in (default EUR).")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes to run at once (default: one per core); 1 uses the least memory.",
)
@click.option("--timings", is_flag=True, help="Print how long each stage of the build took.")
@QUIET
@click.pass_context
def build(
    ctx: click.Context,
    source: str | None,
    as_of: datetime | None,
    site_dir: str | None,
    base_currency: str | None,
    jobs: int | None,
    timings: bool,
    quiet: bool,
) -> None:
    """Check the workbook, compute the KPIs and build the site.

    Writes the generated pages into docs/ (hand-written pages there are left alone) and builds the
    site with MkDocs into site/. When the workbook has errors nothing is built: the report is
    printed, the exit code is 1 and the previous site stays as it was.

    \b
    Example:
      accountbook build
      accountbook build --source team.xlsx --as-of 2026-03-31 --site-dir public
    """
    config = _config(ctx, source=source, base_currency=base_currency, site_dir=site_dir, jobs=jobs)
    report_date = as_of.date() if as_of else (config.report_date or _today())
    try:
        with _failures(ctx, "the site", "the site was not built; the previous site is unchanged"):
            result = pipeline.build(config, report_date, Path.cwd(), Progress.choose(quiet))
    except pipeline.InvalidWorkbook as invalid:
        _report_to_github(invalid.report, invalid.report.source_title or str(config.source))
        _echo(as_text(invalid.report, str(config.source), limit=500), err=True)
        _echo("The site was not built; the previous site is unchanged.", err=True)
        ctx.exit(EXIT_INVALID)
    warnings = len(result.report.warnings)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") == "true" and summary:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(
                f"Built {result.pages:,} pages as of {report_date.isoformat()}; {warnings} warnings.\n"
            )
    _echo(
        f"Built {result.site_dir} ({result.pages:,} pages) as of {report_date.isoformat()}"
        + (f"; {warnings} warnings, see Data quality" if warnings else "")
    )
    if timings:
        _echo("\n".join(result.timings.lines()))


@cli.command(short_help="Build the site and serve it here, rebuilding on changes.")
@click.option(
    "--source", help="A Google Sheets URL or key, an .xlsx workbook or a folder of <Tab>.csv files."
)
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="The report date.")
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@click.pass_context
def serve(ctx: click.Context, source: str | None, as_of: datetime | None, dev_addr: str) -> None:
    """Build the site, then serve it on a local address, as it will be published.

    Every language and the downloads are served. When a hand-written page of docs/ or the
    source changes, the site is built again (reload the page to see it). Ctrl-C stops.

    \b
    Example:
      accountbook serve --dev-addr 127.0.0.1:8001
    """
    import threading

    from . import preview
    from .pages.render import GENERATED

    try:
        preview.parse_address(dev_addr)
    except ValueError as error:
        raise click.UsageError(str(error)) from None

    def rebuild() -> None:
        ctx.invoke(build, source=source, as_of=as_of, site_dir=None, base_currency=None, jobs=None)

    rebuild()
    config = _config(ctx, source=source)
    site = Path(config.site_dir)
    with _failures(ctx, "the preview"):
        httpd = preview.server(site, dev_addr)
    host, port = preview.parse_address(dev_addr)[0], httpd.server_address[1]
    _echo(f"Serving {site} at http://{host}:{port}/ (Ctrl-C to stop)")

    def watched() -> list[Path]:
        docs = Path("docs")
        hand_written = [
            path for path in (docs.iterdir() if docs.is_dir() else []) if path.name not in GENERATED
        ]
        local = [Path(config.source)] if config.source and Path(config.source).exists() else []
        return hand_written + local

    def safely() -> None:
        try:
            rebuild()
        except click.exceptions.Exit:
            pass  # an invalid workbook: the report was printed, the old site stays served
        except click.ClickException as error:
            _echo(f"Error: {error.format_message()}", err=True)

    stop = threading.Event()
    preview.watch(watched, safely, stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        _echo("Stopped serving.")
    finally:
        stop.set()
        httpd.server_close()


@cli.command(short_help="Write the downloads (xlsx, csv, json) without a site.")
@click.option(
    "--source", help="A Google Sheets URL or key, an .xlsx workbook or a folder of <Tab>.csv files."
)
@click.option(
    "--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="The report date (default: today)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["xlsx", "csv", "json"]),
    default="xlsx",
    show_default=True,
    help="Workbooks (KPIs, one per manager and per client), CSV files, or the KPIs as JSON.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to write (replaced whole).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace --out even if it is a file or a folder that Accountbook did not make.",
)
@click.pass_context
def export(
    ctx: click.Context,
    source: str | None,
    as_of: datetime | None,
    output_format: str,
    out: Path,
    force: bool,
) -> None:
    """Write the site's downloads without building the site.

    The folder is replaced whole, and only when every file was written. A folder that an
    earlier export did not make is refused unless --force is given; the project's own folders
    are refused always.

    \b
    Example:
      accountbook export --format xlsx --out exports
      accountbook export --source team.xlsx --as-of 2026-03-31 --format csv --out exports
    """
    config = _config(ctx, source=source)
    report_date = as_of.date() if as_of else (config.report_date or _today())
    try:
        with _failures(ctx, str(out), "nothing was exported; the earlier export is unchanged"):
            written = pipeline.export(
                config, report_date, output_format, out, Path.cwd(), force=force
            )
    except pipeline.InvalidWorkbook as invalid:
        _echo(as_text(invalid.report, str(config.source), limit=500), err=True)
        _echo("Nothing was exported.", err=True)
        ctx.exit(EXIT_INVALID)
    noun = "file" if len(written) == 1 else "files"
    _echo(f"Wrote {len(written):,} {noun} to {out} as of {report_date.isoformat()}")


@cli.command(short_help="Scan a built site for scripts, personal data, keys.")
@click.option("--source", help="The workbook the site was built from (for its private values).")
@click.option("--site-dir", help="The built site to scan (default: site).")
@click.pass_context
def guard(ctx: click.Context, source: str | None, site_dir: str | None) -> None:
    """Scan a built site: no foreign script, no event handler, no script URL, no leak.

    Fails (exit 1) on a <script> the theme did not write, an on...= attribute, a javascript:
    link, a personal or internal value of the workbook that the config does not publish, or a
    credential. accountbook build runs the same scan before it puts a site in place.

    \b
    Example:
      accountbook guard --source snapshot --site-dir site
    """
    from .site.guard import scan, secrets_from_environment

    config = _config(ctx, source=source, site_dir=site_dir)
    with _failures(ctx):
        report = pipeline.check(config)
    folder = Path(config.site_dir)
    if not (folder / "index.html").is_file():
        raise Failure(
            f"{folder} holds no built site (no index.html): run accountbook build first, or "
            "name the site's folder with --site-dir."
        )
    findings = scan(folder, pipeline.private_values(report, config), secrets_from_environment())
    for finding in findings:
        _echo(inert(f"{finding.file}: {finding.what} {finding.detail}"))
    if findings:
        _echo(f"{len(findings)} problems: do not publish this site.", err=True)
        ctx.exit(EXIT_INVALID)
    _echo(f"{folder}: nothing found that must not be published.")


@cli.command(short_help="Save the Google Sheet as a snapshot folder.")
@click.option("--source", help="The Google Sheets URL or key (default: source in the config).")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The snapshot folder to write (replaced whole, only when the pull succeeded).",
)
@QUIET
@click.pass_context
def pull(ctx: click.Context, source: str | None, out: Path, quiet: bool) -> None:
    """Save the Google Sheet as a local snapshot: a folder of CSV files and snapshot.json.

    Two requests read every tab. A build can then run offline from the folder, and a team can
    diff one night's snapshot against the next. A failed pull leaves the earlier snapshot as it was.

    \b
    Example:
      accountbook pull --source https://docs.google.com/spreadsheets/d/KEY --out snapshot
      accountbook build --source snapshot
    """
    config = _config(ctx, source=source)
    pulled_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    try:
        with _failures(ctx, "the snapshot", "nothing was saved; the earlier snapshot is unchanged"):
            folder = pipeline.pull(config, out, pulled_at, Progress.choose(quiet))
    except pipeline.InvalidWorkbook as invalid:
        _echo(as_text(invalid.report, str(config.source), limit=500), err=True)
        _echo("Nothing was saved; the earlier snapshot is unchanged.", err=True)
        ctx.exit(EXIT_INVALID)
    _echo(f"Saved {folder} (pulled {pulled_at})")


@cli.command(short_help="Check Google access, the tabs and the headers.")
@click.option("--source", help="The Google Sheets URL or key, or a local workbook.")
@click.pass_context
def doctor(ctx: click.Context, source: str | None) -> None:
    """Check credentials, access to the sheet, and its tab and header names; say what to fix.

    Exit code 0 when everything is in order, 1 when a tab or header needs fixing, 2 when the
    sheet cannot be read (the message says why), 4 when the network or the API failed.

    \b
    Example:
      accountbook doctor --source https://docs.google.com/spreadsheets/d/KEY
    """
    config = _config(ctx, source=source)
    with _failures(ctx):
        diagnosis = pipeline.doctor(config)
    _echo(f"ok    source: {diagnosis.source}")
    _echo(f"ok    credentials: {diagnosis.credentials}")
    tabs = ", ".join(map(inert, diagnosis.tabs)) or "(none)"  # tab names are anybody's text
    _echo(f"ok    read {diagnosis.title!r}: tabs {tabs}")
    for found in diagnosis.issues:
        mark = "fix " if found.severity == "error" else "note"
        _echo(f"{mark}  {found.cell or found.tab}: {inert(found.message)}")
    if any(found.severity == "error" for found in diagnosis.issues):
        _echo("Fix the tabs and headers above, then run accountbook check.")
        ctx.exit(EXIT_INVALID)
    _echo("Tabs and headers match the contract. Run accountbook check for the values.")


@cli.command(short_help="Start a team's own project in a new folder.")
@click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--force", is_flag=True, help="Write into a folder that is not empty (same-named files only)."
)
@click.pass_context
def init(ctx: click.Context, folder: Path, force: bool) -> None:
    """Start a team's own project in FOLDER (default: here), which must be new or empty.

    Writes accountbook.toml (every setting, commented), mkdocs.yml, docs/about.md to start
    from, the two GitHub workflows (a check on every push, the nightly publish),
    .gitignore, requirements.txt and a blank workbook to import into Google Sheets; then
    prints the next steps.

    \b
    Example:
      accountbook init our-accounts
    """
    from .starter import NEXT_STEPS, TEMPLATE, init_project

    with _failures(ctx, str(folder), "the project was not made"):
        made = init_project(folder, force=force)
    _echo(f"Made a project in {made.folder}:")
    for name in made.files:
        _echo(f"  {name}")
    _echo(NEXT_STEPS.format(template=TEMPLATE))


@cli.command(short_help="Write a blank workbook to fill in, with dropdowns.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the .xlsx file.",
)
@click.option(
    "--rows", default=1000, show_default=True, help="Rows prepared with dropdowns and formats."
)
@click.option(
    "--force", is_flag=True, help="Overwrite --out even if it is a file Accountbook did not write."
)
@click.pass_context
def template(ctx: click.Context, out: Path, rows: int, force: bool) -> None:
    """Write an empty workbook, ready to fill in, generated from the contract.

    One tab per table with a bold frozen header, a note on every header that explains the column,
    dropdowns for enumerations and booleans, and date and number formats. Upload it to Google Sheets
    (File > Import) to start a team's spreadsheet. An existing file is overwritten only if it is
    an earlier template, or with --force.

    \b
    Example:
      accountbook template --out accountbook-template.xlsx
    """
    from .contract.template import is_template, write_template

    if out.is_dir():
        raise Failure(f"--out {out}: that is a folder; give a file name such as team.xlsx.")
    if out.exists() and not force and not is_template(out):
        raise Failure(
            f"--out {out}: the file exists and is not a blank template Accountbook wrote (it may "
            "be a filled-in workbook). Choose another name, or pass --force to overwrite it."
        )
    with _failures(ctx, str(out), "the template was not written; nothing was overwritten"):
        write_template(load_schema(), out, rows=rows)
    _echo(f"Wrote {out}")


@cli.command(short_help="Print the contract: every tab, column and rule.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
def schema(output_format: str) -> None:
    """Print the contract: every tab and column with its type and rules.

    Markdown is the "How to fill in the spreadsheet" page of the site.

    \b
    Example:
      accountbook schema > docs/spreadsheet.md
    """
    from .contract.docs import schema_json, schema_markdown

    contract = load_schema()
    _echo(schema_markdown(contract) if output_format == "markdown" else schema_json(contract))


def reference_markdown() -> str:
    """The command reference page (docs/guide/cli.md), made from the commands' own --help."""
    lines = [
        "# Command reference",
        "",
        "Generated from `accountbook --help`; every command is listed.",
        "",
    ]
    # The same page on every terminal: a fixed width.
    with click.Context(
        cli, info_name="accountbook", terminal_width=100, max_content_width=100
    ) as root:
        lines += ["```text", cli.get_help(root), "```", ""]
        for name in sorted(cli.commands):
            command = cli.commands[name]
            with click.Context(
                command, info_name=name, parent=root, terminal_width=100, max_content_width=100
            ) as context:
                lines += [
                    f"## accountbook {name}",
                    "",
                    "```text",
                    command.get_help(context),
                    "```",
                    "",
                ]
    return "\n".join(lines)


def main() -> None:
    """Run the CLI; turn anything unexpected into a one-line message instead of a traceback."""
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        cli.main(prog_name="accountbook", standalone_mode=True)
    except SchemaError as error:
        _echo(f"accountbook: the contract in sheets_schema/ is broken: {error}", err=True)
        sys.exit(error.exit_code)
    except Exception as error:
        if os.environ.get("ACCOUNTBOOK_DEBUG"):
            raise
        _echo(
            f"accountbook: internal error ({type(error).__name__}: {error}). This is a bug; "
            "please report it with the command you ran. Set ACCOUNTBOOK_DEBUG=1 for the details.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
