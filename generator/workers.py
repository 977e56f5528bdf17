"""How many processes a build may run at once: the machine's cores, or the config's ``jobs``.

A big site is built by several processes side by side (the languages, the shards of a big
language, the downloads, the safety scan); each holds its own share of the site in memory. On a
machine with little memory, ``jobs = 1`` builds everything in one process, one thing at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

_limit: int | None = None


def cores() -> int:
    """The processes a build may run at once."""
    return _limit or os.cpu_count() or 1


@contextmanager
def limited(jobs: int | None) -> Iterator[None]:
    """Within the block, run at most ``jobs`` processes at once (None: one per core)."""
    global _limit
    previous, _limit = _limit, jobs
    try:
        yield
    finally:
        _limit = previous
