"""How many processes a build may run at once: the machine's cores, or the config's ``jobs``.

A big site is built by several processes side by side (the languages, the shards of a big
language, the downloads, the safety scan); each holds its own share of the site in memory. On a
machine with little memory, ``jobs = 1`` builds everything in one process, one thing at a time.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from . import memory

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


def can_fork() -> bool:
    """Whether work can go to forked processes: the system forks and more than one may run."""
    return "fork" in multiprocessing.get_all_start_methods() and cores() > 1


def start(target: Callable[..., None], *args: Any) -> Any:
    """A forked process running ``target(*args)``, started.

    A forked process shares the parent's memory until either writes to a page. The cycle
    collector in the child would walk (and so write to) every object it inherited, copying the
    whole heap: moving them to the permanent generation first (``gc.freeze``) keeps it out of
    them, as Python's documentation recommends for fork without exec. They stay frozen in the
    parent too, which by then only waits for its workers or holds long-lived data (see
    memory.give_back). The free memory the parent holds goes back to the system first.
    """
    process = multiprocessing.get_context("fork").Process(target=target, args=args)
    memory.trim()
    gc.freeze()
    process.start()
    return process
