"""The output side held to the input side's standard: nothing Accountbook writes can destroy,
leak or crash. One section per class of the issue: data loss, injection and leaks outside the
Markdown pages, crashes, hangs and wrong exit codes."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from generator import pipeline
from generator.cli import cli
from generator.config import Config
from generator.contract.schema import load_schema
from generator.downloads.xlsx import TableWorkbook
from generator.issues import KEPT_PER_KIND
from generator.sources.local import read
from generator.validation.validate import validate

from .conftest import Grid, set_cell, small_grid, write_csv, write_xlsx
from .fake_sheets import KEY, FakeSheets
from .test_site import AS_OF, ROOT, make_project, tree_digest

ENV = {**os.environ, "PYTHONUNBUFFERED": "1", "ACCOUNTBOOK_PROGRESS": "quiet"}


def _project(tmp_path: Path, grid: Grid | None = None, config: str = "") -> Path:
    """A team's project with git, a config naming its CSV workbook, and one good build."""
    project = make_project(tmp_path / "p")
    write_csv(grid or small_grid(), project / "data")
    (project / "accountbook.toml").write_text(f'source = "data"\n{config}', encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return project


def _run(project: Path, *args: str) -> tuple[int, str]:
    """The command in ``project``, as a user runs it; returns the exit code and all it printed."""
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(cwd)
    return result.exit_code, result.output


# Data loss ------------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = _project(tmp_path)
    code, output = _run(project, "build", "--as-of", "2026-03-31")
    assert code == 0, output
    return project


@pytest.mark.parametrize(
    ("site_dir", "why"),
    [
        (".", "is "),
        ("..", "holds "),
        ("docs", "is "),
        ("data", "is "),  # the source
        ("docs/site", "inside"),
    ],
)
def test_a_site_folder_holding_the_project_is_refused(
    project: Path, site_dir: str, why: str
) -> None:
    before = tree_digest(project)
    code, output = _run(project, "build", "--site-dir", site_dir)
    assert code == 2, output
    assert why in output and "Traceback" not in output
    assert tree_digest(project) == before  # .git, docs/, the workbook, the site: all there


def test_a_config_folder_is_refused_when_site_dir_is_set_in_the_config(tmp_path: Path) -> None:
    project = _project(tmp_path, config='site_dir = "."\n')
    code, output = _run(project, "build")
    assert code == 2 and "one of the project's own" in output
    assert (project / ".git" / "HEAD").is_file()


def test_a_file_or_a_foreign_folder_at_site_dir_is_refused(project: Path) -> None:
    (project / "notes.txt").write_text("mine", encoding="utf-8")
    (project / "public").mkdir()
    (project / "public" / "photo.jpg").write_bytes(b"\xff\xd8")
    for target in ("notes.txt", "public"):
        code, output = _run(project, "build", "--site-dir", target)
        assert code == 2, output
        assert "Accountbook did not make it" in output or "a file of that name" in output
    assert (project / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (project / "public" / "photo.jpg").is_file()
    # An empty folder, or a new one, is fine.
    (project / "empty").mkdir()
    assert _run(project, "build", "--site-dir", "empty")[0] == 0
    assert (project / "empty" / ".accountbook-site").is_file()


def test_a_site_built_before_the_marker_is_still_replaced(project: Path) -> None:
    (project / "site" / ".accountbook-site").unlink()  # as an earlier version left it
    code, output = _run(project, "build")
    assert code == 0, output
    assert (project / "site" / ".accountbook-site").is_file()


def test_export_and_template_refuse_what_they_did_not_make(project: Path) -> None:
    (project / "reports").mkdir()
    (project / "reports" / "budget.xlsx").write_bytes(b"not ours")
    code, output = _run(project, "export", "--format", "csv", "--out", "reports")
    assert code == 2 and "--force" in output
    assert (project / "reports" / "budget.xlsx").read_bytes() == b"not ours"
    assert _run(project, "export", "--format", "csv", "--out", "reports", "--force")[0] == 0
    assert (project / "reports" / "kpis.csv").is_file()
    # Its own export is replaced without --force; the project never, even with it.
    assert _run(project, "export", "--format", "json", "--out", "reports")[0] == 0
    code, output = _run(project, "export", "--format", "csv", "--out", ".", "--force")
    assert code == 2 and (project / ".git" / "HEAD").is_file()
    # template: its own blank template is overwritten, a filled workbook is not.
    assert _run(project, "template", "--out", "team.xlsx")[0] == 0
    assert _run(project, "template", "--out", "team.xlsx")[0] == 0
    book = openpyxl.load_workbook(project / "team.xlsx")
    book["Clients"]["A2"] = "C1"
    book.save(project / "team.xlsx")
    filled = (project / "team.xlsx").read_bytes()
    code, output = _run(project, "template", "--out", "team.xlsx")
    assert code == 2 and "--force" in output
    assert (project / "team.xlsx").read_bytes() == filled
    assert _run(project, "template", "--out", "team.xlsx", "--force")[0] == 0
    assert (project / "team.xlsx").read_bytes() != filled


def test_docs_and_site_come_from_the_same_build_when_a_rename_fails(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_site, before_docs = tree_digest(project / "site"), tree_digest(project / "docs")
    real_rename = Path.rename

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        # The new clients/ folder cannot be put in place (a file held open on Windows, say).
        staged = self.parent.name == "docs" and ".accountbook-build-" in str(self)
        if Path(target) == project / "docs" / "clients" and staged:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    set_cell(grid := small_grid(), "Clients!B2", "Acme Renamed")
    write_csv(grid, project / "data")
    code, output = _run(project, "build", "--as-of", "2026-03-31")
    monkeypatch.undo()
    assert code == 2 and "Nothing was replaced" in output, output
    assert tree_digest(project / "docs") == before_docs
    assert tree_digest(project / "site") == before_site


def test_the_previous_site_is_deleted_without_the_build_waiting(project: Path) -> None:
    # Deleting a 20,000-page site takes half a minute: a detached process does it.
    old_page = (project / "site" / "index.html").stat().st_ino
    code, output = _run(project, "build", "--as-of", "2026-03-31", "--timings")
    assert code == 0, output
    assert "replacing the previous site" in output
    assert (project / "site" / "index.html").stat().st_ino != old_page  # a new site
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(
        path.name.startswith(".accountbook-trash-") for path in project.iterdir()
    ):
        time.sleep(0.1)
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".")) == [".git"]


def test_the_deletion_does_not_hold_the_builds_output_open(tmp_path: Path) -> None:
    # CI reads the build's output through a pipe: it must end when the build does, however
    # long the detached deletion of the previous site takes (here: until it is let go).
    project = _project(tmp_path)
    assert _run(project, "build")[0] == 0
    go = tmp_path / "go"
    patch = (
        "import os, shutil, time, types, generator.files as files\n"
        "def slow(path, ignore_errors=False):\n"
        f"    while not os.path.exists({str(go)!r}):\n"
        "        time.sleep(0.05)\n"
        "    shutil.rmtree(path, ignore_errors=ignore_errors)\n"
        "files.shutil = types.SimpleNamespace(rmtree=slow)"
    )
    try:
        done = _build_with(project, patch)  # would run into its timeout, the pipe held open
        assert done.returncode == 0, done.stderr
        assert any(path.name.startswith(".accountbook-trash-") for path in project.iterdir())
    finally:
        go.touch()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(
        path.name.startswith(".accountbook-trash-") for path in project.iterdir()
    ):
        time.sleep(0.1)
    assert not any(path.name.startswith(".accountbook-trash-") for path in project.iterdir())


def test_output_is_readable_by_a_web_server(tmp_path: Path) -> None:
    project = _project(tmp_path)
    previous = os.umask(0o077)  # a build run by a careful user or a locked-down CI
    try:
        code, output = _run(project, "build")
    finally:
        os.umask(previous)
    assert code == 0, output
    site = project / "site"
    modes = {
        stat.S_IMODE(path.stat().st_mode) for path in [site, *site.rglob("*")] if path.is_dir()
    }
    assert modes == {0o755}
    files = {stat.S_IMODE(path.stat().st_mode) for path in site.rglob("*") if path.is_file()}
    assert files == {0o644}
    assert (site / "downloads").is_dir()


# Rows and values that the output side could not survive -------------------------------------


def test_an_unclosed_csv_quote_is_an_error_naming_its_row(tmp_path: Path) -> None:
    folder = write_csv(small_grid(), tmp_path / "b")
    clients = folder / "Clients.csv"
    lines = clients.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Acme", '"Acme', 1)  # the quote opens on row 2, never closes
    clients.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = pipeline.check(Config(source=str(folder)))
    found = [(issue.code, issue.tab, issue.row) for issue in report.issues]
    assert ("source-unreadable", "Clients", 2) in found
    message = next(issue.message for issue in report.issues if issue.tab == "Clients")
    assert "row 2" in message and "never closed" in message
    assert not report.valid


def test_a_formula_without_a_saved_value_is_an_error_with_its_cell(tmp_path: Path) -> None:
    path = write_xlsx(small_grid(), tmp_path / "book.xlsx")
    book = openpyxl.load_workbook(path)
    book["Sales"]["L2"] = "=H2/2"  # written by a script: openpyxl saves no result
    book.save(path)
    report = pipeline.check(Config(source=str(path)))
    assert [(issue.code, issue.cell) for issue in report.issues] == [
        ("formula-without-value", "Sales!L2")
    ]
    assert "open and save" in report.issues[0].message


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write_xlsx(small_grid(), tmp_path / "book.xlsx")
    # 300 MB of nothing, in a few hundred kilobytes.
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/padding.xml", "w", force_zip64=True) as part,
    ):
        block = b" " * (1 << 20)
        for _ in range(300):
            part.write(block)
    assert path.stat().st_size < 2 << 20
    code, output = _run(tmp_path, "check", "--source", str(path))
    assert code == 2, output
    assert "would expand to 300 MB" in output and "more than a real workbook holds" in output


def test_check_keeps_a_thousand_issues_of_a_kind_and_counts_the_rest(tmp_path: Path) -> None:
    grid = small_grid()
    header = grid["Sales"][0]
    template = grid["Sales"][1]
    for number in range(KEPT_PER_KIND + 500):
        row = list(template)
        row[header.index("sale_id")] = f"X{number}"
        row[header.index("date")] = "31/12/2026"  # every one a type error in the same column
        grid["Sales"].append(row)
    report = pipeline.check(Config(source=str(write_csv(grid, tmp_path / "b"))))
    kept = [issue for issue in report.issues if issue.code == "type-error"]
    assert len(kept) == KEPT_PER_KIND
    assert report.error_count == KEPT_PER_KIND + 500
    assert report.omitted == {("Sales", "type-error", "date", "error"): 500}
    code, output = _run(tmp_path, "check", "--source", str(tmp_path / "b"), "--format", "json")
    document = json.loads(output)
    assert document["errors"] == KEPT_PER_KIND + 500
    assert document["omitted"][0]["count"] == 500


# Injection and leaks outside the Markdown pages -----------------------------------------------

FORMULA_ID = "=cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built from a workbook whose names are made to break every output format."""
    folder = tmp_path_factory.mktemp("hostile")
    grid = small_grid()
    for reference in ("Managers!A3", "Clients!C2", "Clients!C3", "Targets!A2"):
        set_cell(grid, reference, FORMULA_ID)
    set_cell(grid, "Managers!B3", "=[1]Sheet1!A1")  # a chart title in the manager's workbook
    set_cell(grid, "Clients!B2", "Acme\x00\x01\x1b[31m")  # control characters in a chart label
    set_cell(grid, "Clients!B3", "Bolt 😀 𠜎")  # an emoji and a rare CJK character in a title
    set_cell(grid, "Clients!H2", "Praha \u202eevil")  # a direction override in a city
    set_cell(grid, "Sales!L2", "50.125")  # rounded half away from zero: 50.13
    project = make_project(folder / "p")
    write_csv(grid, project / "data")
    (project / "accountbook.toml").write_text('source = "data"\n', encoding="utf-8")
    code, output = _run(project, "build", "--as-of", "2026-03-31")
    assert code == 0, output
    return project


def test_every_csv_cell_is_neutralised(hostile: Path) -> None:
    downloads = hostile / "site" / "downloads"
    files = sorted(downloads.rglob("*.csv"))
    assert downloads / "kpis.csv" in files
    seen = 0
    for path in files:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")):
            for cell in row:
                if cell.startswith(("=", "+", "@", "\t", "\r")):
                    raise AssertionError(f"{path.name}: {cell!r} would run as a formula")
                if cell.startswith("-"):
                    assert re.fullmatch(r"-[0-9]+(\.[0-9]+)?", cell), (path.name, cell)
                seen += cell == "'" + FORMULA_ID
    assert seen >= 3  # kpis.csv, managers.csv and clients.csv show the id, neutralised


def test_workbook_titles_are_text_and_amounts_rounded_to_the_cent(hostile: Path) -> None:
    downloads = hostile / "site" / "downloads"
    workbooks = sorted((downloads / "managers").glob("*.xlsx"))
    charts = []
    for workbook in workbooks:
        with zipfile.ZipFile(workbook) as archive:
            charts += [
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.startswith("xl/charts/chart")
            ]
    titled = [chart for chart in charts if "=[1]Sheet1!" in chart]
    assert titled, "the manager's chart names the manager"
    for chart in titled:
        title = chart[chart.index("<c:title>") : chart.index("</c:title>")]
        assert "<c:f>" not in title and "<a:t>" in title  # rich text, not a formula reference
    book = openpyxl.load_workbook(downloads / "kpis.xlsx")
    money = {"Revenue", "Target", "Average order", "Returns", "Overdue"}
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for name, value in zip(header, row, strict=False):
                if name in money and isinstance(value, float):
                    assert round(value, 2) == value, (sheet.title, name, value)


def test_our_workbook_writer_keeps_carriage_returns_and_the_cell_limit(tmp_path: Path) -> None:
    book = TableWorkbook("t", AS_OF)
    emoji = "😀" * 20_000  # 40,000 UTF-16 units: more than a cell holds
    book.sheet("S", ["a", "b"], [["line\rbreak", emoji]])
    path = tmp_path / "t.xlsx"
    path.write_bytes(book.close())
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value == "line\rbreak"
    kept = sheet["B2"].value
    assert len(kept.encode("utf-16-le")) // 2 <= 32_767 and set(kept) == {"😀"}


def test_every_chart_is_well_formed_xml(hostile: Path) -> None:
    charts = sorted((hostile / "site" / "charts").glob("*.svg"))
    assert charts
    for chart in charts:
        ElementTree.fromstring(chart.read_bytes())  # raises on an ill-formed picture


def test_page_titles_keep_any_unicode(hostile: Path) -> None:
    page = (hostile / "site" / "clients" / "C2.html").read_text(encoding="utf-8")
    title = page[page.index("<title>") + 7 : page.index("</title>")]
    assert "Bolt 😀 𠜎" in title


def test_a_direction_override_cannot_reorder_the_text_around_it(hostile: Path) -> None:
    page = (hostile / "site" / "clients" / "C1.html").read_text(encoding="utf-8")
    assert "\u2068Praha \u202eevil\u2069" in page  # isolated: the override ends with the value
    assert "Praha \u202eevil\u2069" not in page.replace("\u2068Praha \u202eevil\u2069", "")


def test_the_amount_rule_is_one_rule_everywhere(hostile: Path) -> None:
    receivables = (hostile / "site" / "downloads" / "receivables.csv").read_text(encoding="utf-8")
    # 100.50 invoiced, 50.125 paid: 50.375 open, rounded half away from zero.
    assert "50.38" in receivables and "50.37" not in receivables


def test_nothing_printed_reaches_the_terminal_as_a_command(tmp_path: Path) -> None:
    folder = write_csv(small_grid(), tmp_path / "b")
    (folder / "x\x1b[2J\n::error title=fake::pwned.csv").write_text("a\n1\n", encoding="utf-8")
    code, output = _run(tmp_path, "doctor", "--source", str(folder))
    assert code == 0, output
    assert "\x1b" not in output
    assert not [line for line in output.splitlines() if line.lstrip().startswith("::")]
    assert "\\x1b[2J\\n::error" in output  # shown, as escapes


def test_credentials_never_follow_a_redirect(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        other.expect_request("/", method="GET").respond_with_data("stolen")
        target = other.url_for(f"/v4/spreadsheets/{KEY}")
        httpserver.expect_request(f"/v4/spreadsheets/{KEY}").respond_with_data(
            "", status=302, headers={"Location": target}
        )
        monkeypatch.setenv("ACCOUNTBOOK_SHEETS_API_URL", httpserver.url_for("/").rstrip("/"))
        monkeypatch.setenv("GOOGLE_API_KEY", "secret-api-key")
        for name in ("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON", "GOOGLE_APPLICATION_CREDENTIALS"):
            monkeypatch.delenv(name, raising=False)
        code, output = _run(Path.cwd(), "check", "--source", KEY)
        assert code == 2 and "redirect" in output, output
        assert other.log == []  # the key went nowhere else
    finally:
        other.clear()
        other.stop()


@pytest.mark.parametrize(
    ("injected", "what"),
    [
        ('<img/src="x"/onerror=alert(1)>', "event handler attribute"),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "foreign element"),
        ('<a href="data:image/svg+xml;base64,PHN2Zz4=">x</a>', "script URL"),
        ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "script URL"),
        ('<p title="pat@acme.example">x</p>', "personal or internal value"),
    ],
)
def test_the_scan_reads_pages_as_a_browser_does(
    hostile: Path, tmp_path: Path, injected: str, what: str
) -> None:
    from generator.site.guard import scan

    site = tmp_path / "site"
    import shutil

    shutil.copytree(hostile / "site", site)
    page = site / "clients" / "C1.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", injected + "</article>"),
        encoding="utf-8",
    )
    found = {(finding.file, finding.what) for finding in scan(site, ["pat@acme.example"])}
    assert ("clients/C1.html", what) in found


def test_the_scan_finds_a_script_after_the_themes_last_and_leaks_in_data(
    hostile: Path, tmp_path: Path
) -> None:
    import shutil

    from generator.site.guard import scan

    site = tmp_path / "site"
    shutil.copytree(hostile / "site", site)
    page = site / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", "<script>steal()</script></body>"),
        encoding="utf-8",
    )
    with (site / "downloads" / "clients.csv").open("a", encoding="utf-8") as stream:
        stream.write('C9,"pat@acme.example",M1\n')
    index = site / "search" / "search_index.json"
    document = json.loads(index.read_text(encoding="utf-8"))
    document["docs"][0]["text"] += "<p>Call pat@acme.example</p>"
    index.write_text(json.dumps(document), encoding="utf-8")
    found = {(finding.file, finding.what) for finding in scan(site, ["pat@acme.example"])}
    assert ("index.html", "foreign inline script") in found
    assert ("downloads/clients.csv", "personal or internal value") in found
    assert ("search/search_index.json", "personal e-mail") in found


def test_a_refused_build_names_the_column_and_cell_of_the_leak(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "docs" / "guide" / "notes.md").write_text(
        "Call pat@acme.example\n", encoding="utf-8"
    )
    code, output = _run(project, "build")
    assert code == 2, output
    assert "Clients.contact_email, Clients!" in output and "pat@acme" not in output


def test_a_leak_in_the_downloads_stops_the_build(tmp_path: Path) -> None:
    # The downloads are written by a process of their own and moved into the site unchanged:
    # their process looks at each as it writes it.
    project = _project(tmp_path)
    assert _run(project, "build")[0] == 0
    before = tree_digest(project / "site")
    patch = (
        "import generator.pipeline as p\n"
        "real = p.each_download\n"
        "def leaky(*args, **kwargs):\n"
        "    yield from real(*args, **kwargs)\n"
        "    yield 'extra/leak.csv', 'C9,pat@acme.example\\n'\n"
        "p.each_download = leaky"
    )
    done = _build_with(project, patch)
    assert done.returncode == 2, done.stderr
    assert "downloads/extra/leak.csv: personal or internal value" in done.stderr
    assert "Clients.contact_email, Clients!" in done.stderr and "pat@acme" not in done.stderr
    assert tree_digest(project / "site") == before


# Crashes, hangs and wrong exit codes ----------------------------------------------------------


def _build_with(project: Path, patch: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``accountbook build`` in a fresh process, after ``patch`` (Python) broke something."""
    code = (
        f"{patch}\nimport sys\nfrom generator.cli import main\n"
        f"sys.argv = ['accountbook', 'build', *{list(args)!r}]\nmain()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=project, env=ENV, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raised", "code", "words"),
    [
        ("OSError(28, 'No space left on device')", 2, "The disk is full"),
        ("ValueError('a bug')", 3, "internal error (ValueError: a bug)"),
    ],
)
def test_a_failure_in_the_downloads_process_is_one_sentence(
    tmp_path: Path, raised: str, code: int, words: str
) -> None:
    project = _project(tmp_path)
    assert _run(project, "build")[0] == 0
    before = tree_digest(project / "site")
    # The downloads are written by a forked process: it inherits the broken function.
    patch = (
        "import generator.pipeline as p\n"
        f"def broken(*args, **kwargs):\n    raise {raised}\n"
        "p.each_download = broken"
    )
    done = _build_with(project, patch)
    assert done.returncode == code, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert tree_digest(project / "site") == before


def test_a_full_disk_while_mkdocs_writes_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs.utils

    project = _project(tmp_path)
    assert _run(project, "build")[0] == 0
    before = tree_digest(project / "site")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "site/assets/x.css")

    monkeypatch.setattr(mkdocs.utils, "write_file", full)
    monkeypatch.setattr(mkdocs.utils, "copy_file", full)
    code, output = _run(project, "build")
    assert code == 2, output
    assert "The disk is full" in output and "previous site is unchanged" in output
    assert "x.css" not in output
    assert tree_digest(project / "site") == before


def test_a_site_mkdocs_cannot_build_exits_2(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "docs" / "guide" / "broken.md").write_text("[x](missing.md)\n", encoding="utf-8")
    code, output = _run(project, "build")
    assert code == 2 and "MkDocs could not build the site" in output, output


def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--source", str(ROOT / "examples" / "demo")],
        cwd=project, env=ENV, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    before = tree_digest(project / "site")
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--source", str(ROOT / "examples" / "demo")],
        cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while (
        time.monotonic() < deadline
        and build.poll() is None
        and not any(".accountbook-build-" in path.name for path in project.iterdir())
    ):
        time.sleep(0.02)
    time.sleep(0.3)
    build.send_signal(signal.SIGTERM)
    _, errors = build.communicate(timeout=60)
    assert build.returncode == 143, errors
    assert "Stopped (SIGTERM)" in errors and "Traceback" not in errors
    assert tree_digest(project / "site") == before
    assert not [
        path for path in project.iterdir() if "-build" in path.name or "building" in path.name
    ]


@pytest.fixture
def trickle() -> Iterator[str]:
    """A server that answers every request one byte every half second: never done."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connection.recv(65536)
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
            )
            while not stop.is_set():
                try:
                    connection.sendall(b" ")
                except OSError:
                    break
                time.sleep(0.5)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(5)
    listener.close()


def test_an_answer_that_trickles_in_is_bounded_by_the_time_budget(
    trickle: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCOUNTBOOK_SHEETS_API_URL", trickle)
    monkeypatch.setenv("ACCOUNTBOOK_SHEETS_RETRY_SECONDS", "2")
    monkeypatch.setenv("GOOGLE_API_KEY", "test-api-key")
    for name in ("ACCOUNTBOOK_SERVICE_ACCOUNT_JSON", "GOOGLE_APPLICATION_CREDENTIALS"):
        monkeypatch.delenv(name, raising=False)
    started = time.monotonic()
    code, output = _run(Path.cwd(), "check", "--source", KEY)
    assert code == 4, output
    assert time.monotonic() - started < 10


def test_tabs_are_matched_to_the_answer_by_name(api: HTTPServer, tmp_path: Path) -> None:
    class Reversed(FakeSheets):
        def _values(self, request):  # type: ignore[no-untyped-def]
            answer = super()._values(request)
            body = json.loads(answer.get_data())
            body["valueRanges"].reverse()  # in another order than asked
            answer.set_data(json.dumps(body))
            return answer

    Reversed(api, small_grid())
    schema = load_schema()
    sheet = validate(read(KEY, schema.table_names), schema)
    local = validate(read(write_csv(small_grid(), tmp_path / "b"), schema.table_names), schema)
    assert sheet.issues == [] and {name: table.columns for name, table in sheet.tables.items()} == {
        name: table.columns for name, table in local.tables.items()
    }


def test_a_lone_surrogate_is_an_error_in_check_build_and_pull(
    api: HTTPServer, tmp_path: Path
) -> None:
    grid = small_grid()
    set_cell(grid, "Clients!B3", "Bolt \ud800")
    FakeSheets(api, grid)
    project = make_project(tmp_path / "p")
    for command in (["check"], ["build"], ["pull", "--out", "snapshot"]):
        code, output = _run(project, *command, "--source", KEY)
        assert code == 1, (command, output)
        assert "Clients!B3" in output and "invalid-character" in output
    assert not (project / "snapshot").exists() and not (project / "site").exists()


def test_serve_says_where_it_serves_every_language_and_the_downloads(tmp_path: Path) -> None:
    import urllib.request

    project = _project(tmp_path, config='languages = ["en", "cs"]\n')
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", address],
        cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            lines.append(line)
            if "Serving" in line or not line:
                break
        assert f"http://{address}/" in lines[-1], lines
        for path in ("/", "/cs/", "/downloads/kpis.csv", "/clients/C1.html"):
            with urllib.request.urlopen(f"http://{address}{path}", timeout=10) as answer:
                assert answer.status == 200, path
        taken = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--dev-addr", address],
            cwd=project, env=ENV, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert taken.returncode == 2 and "in use" in taken.stderr, taken.stderr
        assert "Traceback" not in taken.stderr
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
