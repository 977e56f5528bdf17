"""Progress on long work: a rewritten line on a terminal, one line a stage on a pipe, nothing
with --quiet; standard output keeps only the result."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from generator.progress import Progress

from .conftest import small_grid, write_csv
from .test_site import make_project

STAGES = [
    "Reading and checking the workbook...",
    "Building the model...",
    "Starting the downloads...",
    "Computing the KPIs...",
    "Working out plans, pace and collection...",
    "Preparing the pages...",
    "Writing the pages...",
    "Building the site with MkDocs...",
]


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "ACCOUNTBOOK_PROGRESS"}
    env.pop("ACCOUNTBOOK_SOURCE", None)
    return env


def _project(tmp_path: Path) -> tuple[Path, Path]:
    return make_project(tmp_path / "project"), write_csv(small_grid(), tmp_path / "book")


def test_a_pipe_gets_one_line_a_stage(tmp_path: Path) -> None:
    project, book = _project(tmp_path)
    done = subprocess.run(
        _command("build", "--source", str(book), "--as-of", "2026-03-01"),
        cwd=project, env=_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[: len(STAGES)] == STAGES
    assert "Scanning the site for scripts, personal data and credentials..." in lines
    assert lines[-1] == "Putting the new site in place..."
    assert "\r" not in done.stderr and "\x1b" not in done.stderr  # no terminal codes in a log
    assert done.stdout.startswith("Built ") and len(done.stdout.splitlines()) == 1


def test_quiet_says_nothing(tmp_path: Path) -> None:
    project, book = _project(tmp_path)
    for args in (["build", "--quiet", "--as-of", "2026-03-01"], ["check", "-q"]):
        done = subprocess.run(
            _command(*args, "--source", str(book)),
            cwd=project, env=_env(), capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0 and done.stderr == "", done.stderr


def test_check_says_what_it_reads(tmp_path: Path) -> None:
    _, book = _project(tmp_path)
    done = subprocess.run(
        _command("check", "--source", str(book)),
        cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    rows = sum(len(rows) - 1 for rows in small_grid().values())
    assert done.stderr.splitlines() == ["Reading the workbook...", f"Checking {rows:,} rows..."]
    assert done.stdout.splitlines()[-1] == "valid: 0 errors, 0 warnings"


def test_a_terminal_gets_one_line_rewritten(tmp_path: Path) -> None:
    project, book = _project(tmp_path)
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        _command("build", "--source", str(book), "--as-of", "2026-03-01"),
        cwd=project, env=_env(), stdin=terminal, stdout=terminal, stderr=terminal,
    )  # fmt: skip
    os.close(terminal)
    seen = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.wait(timeout=120) == 0, seen
    text = seen.decode("utf-8")
    assert "\r\x1b[2KWriting the pages" in text
    assert "\r\x1b[2KScanning the site" in text
    # The line is cleared before the result, which stands alone on its line.
    assert "\r\x1b[2KBuilt " in text.replace("\r\n", "\n") or "\x1b[2KBuilt " in text
    assert "Reading and checking the workbook...\n" not in text.replace("\r\n", "\n")


class _Terminal:
    """A stream that says it is a terminal, and keeps what was written."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_counts_are_drawn_with_a_bar_and_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACCOUNTBOOK_PROGRESS")
    stream = _Terminal()
    progress = Progress.choose(stream=stream)  # type: ignore[arg-type]
    assert progress.mode == "bar"
    progress.start("record pages", 200)
    progress.shown_at = 0.0  # as if the last drawing were long ago
    progress.advance(100)
    assert stream.written[-1] == (
        "\r\x1b[2KWriting the client dossiers into the site: [############------------] 100 of 200"
    )
    drawn = len(stream.written)
    progress.advance(101)  # within a tenth of a second: not drawn again
    assert len(stream.written) == drawn
    progress.close()
    assert stream.written[-1] == "\r\x1b[2K"
    assert Progress.choose(quiet=True, stream=stream).mode == "quiet"  # type: ignore[arg-type]
