"""How long each stage of a build took: ``accountbook build --timings`` and the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings:
    """Wall-clock seconds per stage, in the order the stages first ran."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self._started = time.perf_counter()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started

    def total(self) -> float:
        return time.perf_counter() - self._started

    def lines(self) -> list[str]:
        """One line per stage, then the total: what ``--timings`` prints."""
        width = max((len(name) for name in self.stages), default=0)
        rows = [f"  {name:<{width}}  {seconds:7.1f} s" for name, seconds in self.stages.items()]
        return [*rows, f"  {'total':<{width}}  {self.total():7.1f} s"]
