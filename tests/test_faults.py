"""Faults while building: a folder that cannot be written, a full disk, Ctrl-C. The previous
site stays complete, nothing is left half-written, and the message says what happened."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

from .conftest import small_grid, write_csv
from .test_site import DEMO, make_project, tree_digest


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_project(tmp_path / "p")
    write_csv(small_grid(), folder / "data")
    (folder / "accountbook.toml").write_text('source = "data"\n', encoding="utf-8")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["build", "--as-of", "2026-03-31"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        path.name
        for path in folder.iterdir()
        if ".accountbook-build-" in path.name or "-building-" in path.name
    )


def test_site_folder_that_cannot_be_written(project: Path) -> None:
    (project / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--site-dir", "blocked/site"])
    assert result.exit_code == 2
    assert "Cannot write the site" in result.output and "previous site" in result.output
    assert "Traceback" not in result.output


def test_disk_full_while_writing_pages(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before_site, before_docs = tree_digest(project / "site"), tree_digest(project / "docs")
    real_open = os.open
    calls = {"count": 0}

    def open_file(path: str, flags: int, *args: int, **kwargs: object) -> int:
        # The generated pages are written through os.open (see site._Staging); removing the
        # staging folder opens its folders, which a full disk allows.
        if ".accountbook-build-" in str(path) and flags & os.O_CREAT:
            calls["count"] += 1
            if calls["count"] > 5:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_file)
    result = CliRunner().invoke(cli, ["build", "--as-of", "2026-03-31"])
    monkeypatch.undo()
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert calls["count"] > 5  # the disk filled up while the pages were written
    assert (
        tree_digest(project / "site") == before_site
        and tree_digest(project / "docs") == before_docs
    )
    assert _leftovers(project) == []


def test_ctrl_c_in_the_middle_of_a_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--source",
        str(DEMO),
        "--as-of",
        "2026-11-22",
    ]
    assert (
        subprocess.run(command, cwd=project, env=env, capture_output=True, check=False).returncode
        == 0
    )
    before = tree_digest(project / "site")
    build = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # Interrupt once MkDocs is at work: the staging folder for the site exists by then.
    deadline = time.monotonic() + 30
    while not _leftovers(project) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.02)
    time.sleep(0.3)
    build.send_signal(signal.SIGINT)
    _, errors = build.communicate(timeout=60)
    assert build.returncode == 130, errors
    assert "Interrupted: the site was not built; the previous site is unchanged." in errors
    assert "Traceback" not in errors
    assert tree_digest(project / "site") == before
    assert _leftovers(project) == []


def test_a_stop_python_dropped_is_raised_at_the_next_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Ctrl-C that lands in a callback of the import system is printed as "Exception
    ignored" and dropped by Python; the handler has recorded it, and the next stage of the
    build raises it again (the build then stops as for any Ctrl-C: exit 130, nothing replaced)."""
    from generator import timings

    ran = []
    monkeypatch.setattr(timings, "stop_requested", KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt), timings.Timings().stage("pages"):
        ran.append("pages")
    assert ran == []
    monkeypatch.setattr(timings, "stop_requested", None)
    with timings.Timings().stage("pages"):
        ran.append("pages")
    assert ran == ["pages"]
