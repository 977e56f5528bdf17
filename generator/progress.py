"""What a long command tells a person while it works, on standard error.

On a terminal, one line that is rewritten as the work goes: the stage, and a count where the
stage has one (``Writing the pages: 12,000 of 20,494``). Anywhere else (CI, a pipe, a log) one
plain line as each stage starts, so a log shows where a build spent its time and where it
stopped. ``--quiet`` says nothing; ``ACCOUNTBOOK_PROGRESS=bar|lines|quiet`` chooses for
benchmarks and tests. Only the process that made it writes: a forked worker's copy is silent.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MODES = ("bar", "lines", "quiet")
# How often the terminal line is rewritten at most: counts come thousands of times a second.
_EVERY_SECONDS = 0.1
_WIDTH = 24  # the bar's cells

# What each stage of a build (see Timings) is called on the screen.
LABELS = {
    "read and validate": "Reading and checking the workbook",
    "model": "Building the model",
    "KPIs": "Computing the KPIs",
    "insights": "Working out plans, pace and collection",
    "downloads": "Writing the downloads",
    "pages": "Writing the pages",
    "MkDocs": "Building the site with MkDocs",
    "record pages": "Writing the client dossiers into the site",
    "pages, MkDocs and the scan, every language": (
        "Writing, building and scanning the pages in every language"
    ),
    "safety scan": "Scanning the site for scripts, personal data and credentials",
    "replacing the previous site": "Putting the new site in place",
}
# Stages that a build enters twice, said differently the second time.
AGAIN = {
    "pages": ("Preparing the pages", "Writing the pages"),
    "downloads": ("Starting the downloads", "Waiting for the downloads"),
    "MkDocs": ("Building the site with MkDocs", "Building every page with MkDocs"),
}


class Progress:
    """Progress in one of :data:`MODES`, written to ``stream`` (standard error by default)."""

    def __init__(self, mode: str = "quiet", stream: TextIO | None = None) -> None:
        if mode not in MODES:
            raise ValueError(f"progress mode {mode!r}: expected one of {', '.join(MODES)}")
        self.mode = mode
        self.stream = stream if stream is not None else sys.stderr
        self.pid = os.getpid()
        self.label = ""
        self.total: int | None = None
        self.shown_at = 0.0
        self.open = False  # a terminal line is showing and must be ended
        self.seen: dict[str, int] = {}

    @classmethod
    def choose(cls, quiet: bool = False, stream: TextIO | None = None) -> Progress:
        """Quiet when asked; else a bar on a terminal and lines elsewhere (or the mode in
        ``ACCOUNTBOOK_PROGRESS``)."""
        stream = stream if stream is not None else sys.stderr
        if quiet:
            return cls("quiet", stream)
        forced = os.environ.get("ACCOUNTBOOK_PROGRESS", "")
        if forced in MODES:
            return cls(forced, stream)
        return cls("bar" if stream.isatty() else "lines", stream)

    def _mine(self) -> bool:
        return self.mode != "quiet" and os.getpid() == self.pid

    def start(self, stage: str, total: int | None = None) -> None:
        """A stage begins (``total``: how many things it will count, when known)."""
        if not self._mine():
            return
        times = self.seen[stage] = self.seen.get(stage, 0) + 1
        labels = AGAIN.get(stage)
        self.label = labels[min(times, 2) - 1] if labels else LABELS.get(stage, stage)
        self.total = total
        if self.mode == "lines":
            counted = f" ({total:,})" if total else ""
            self.stream.write(f"{self.label}{counted}...\n")
            self.stream.flush()
            return
        self._draw(0, force=True)

    def advance(self, done: int, total: int | None = None) -> None:
        """``done`` things of the current stage are done, of ``total`` when it is known only
        now (shown on a terminal only)."""
        if self.mode != "bar" or not self._mine():
            return
        if total is not None:
            self.total = total
        now = time.monotonic()
        if now - self.shown_at >= _EVERY_SECONDS:
            self.shown_at = now
            self._draw(done)

    def _draw(self, done: int, force: bool = False) -> None:
        if self.total:
            filled = min(_WIDTH, _WIDTH * done // self.total)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            text = f"{self.label}: [{bar}] {done:,} of {self.total:,}"
        elif done:
            text = f"{self.label}: {done:,}"
        else:
            text = f"{self.label}..."
        # Back to the line's start, clear it, write the new text: one line, rewritten.
        self.stream.write(f"\r\x1b[2K{text}")
        self.stream.flush()
        self.open = True
        if force:
            self.shown_at = time.monotonic()

    def close(self) -> None:
        """Clear the terminal line, so the command's own output starts on a clean line."""
        if self.mode == "bar" and self.open and self._mine():
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.open = False
