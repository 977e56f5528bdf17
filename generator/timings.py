"""How long each stage of a build took: ``accountbook build --timings`` and the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from .progress import Progress

# A Ctrl-C or SIGTERM that arrived where Python could not raise it (in a callback of the import
# system, it is printed as "Exception ignored" and dropped): the signal handlers set it, and
# the next stage of a build to start or end raises it again, so the build still stops.
stop_requested: type[BaseException] | None = None


def raise_if_stopped() -> None:
    if stop_requested is not None:
        raise stop_requested


class Timings:
    """Wall-clock seconds per stage, in the order the stages first ran; each stage is also
    shown to a person as it starts (see progress.py)."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.stages: dict[str, float] = {}
        self.progress = progress or Progress("quiet")
        self._started = time.perf_counter()

    @contextmanager
    def stage(self, name: str, total: int | None = None) -> Iterator[None]:
        raise_if_stopped()
        started = time.perf_counter()
        self.progress.start(name, total)
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started
        raise_if_stopped()

    def advance(self, done: int, total: int | None = None) -> None:
        """How many things the current stage has done so far (pages written, files scanned)."""
        self.progress.advance(done, total)

    def total(self) -> float:
        return time.perf_counter() - self._started

    def lines(self) -> list[str]:
        """One line per stage, then the total: what ``--timings`` prints."""
        width = max((len(name) for name in self.stages), default=0)
        rows = [f"  {name:<{width}}  {seconds:7.1f} s" for name, seconds in self.stages.items()]
        return [*rows, f"  {'total':<{width}}  {self.total():7.1f} s"]
