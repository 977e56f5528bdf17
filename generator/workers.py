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


def start(target: Callable[..., Any], *args: Any) -> Any:
    """A forked process running ``target(*args)``, started; :func:`outcome` gives its result.

    A forked process shares the parent's memory until either writes to a page. The cycle
    collector in the child would walk (and so write to) every object it inherited, copying the
    whole heap: moving them to the permanent generation first (``gc.freeze``) keeps it out of
    them, as Python's documentation recommends for fork without exec. They stay frozen in the
    parent too, which by then only waits for its workers or holds long-lived data (see
    memory.give_back). The free memory the parent holds goes back to the system first.
    """
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_child, args=(target, args, writer)
    )
    memory.trim()
    gc.freeze()
    process.start()
    writer.close()
    process.answer = reader  # type: ignore[attr-defined]  # what the child sends: see outcome()
    return process


def _child(target: Callable[..., Any], args: tuple[Any, ...], answer: Any) -> None:
    """Run ``target`` and send back what it returned or raised; never a traceback on stderr.

    Ctrl-C (and SIGTERM, handled as it) ends the child quietly: the parent reports it.
    """
    try:
        result = target(*args)
    except KeyboardInterrupt:
        os._exit(130)
    except BaseException as error:  # noqa: BLE001 (sent to the parent, which raises it)
        _send(answer, ("error", error))
        os._exit(1)
    _send(answer, ("result", result))
    os._exit(0)


def _send(answer: Any, message: tuple[str, Any]) -> None:
    try:
        answer.send(message)
    except Exception:  # noqa: BLE001 (an error that cannot be pickled: send its words)
        kind, value = message
        answer.send((kind, RuntimeError(f"{type(value).__name__}: {value}")))


def outcome(process: Any) -> Any:
    """Wait for a process made by :func:`start`; return what its target returned, or raise in
    this process what it raised (KeyboardInterrupt if it was interrupted)."""
    try:
        kind, value = process.answer.recv()
    except (EOFError, OSError):
        kind, value = "lost", None
    finally:
        process.answer.close()
    process.join()
    if kind == "result":
        return value
    if kind == "error":
        raise value
    if process.exitcode == 130:
        raise KeyboardInterrupt
    raise ChildLost(f"a worker process stopped (exit code {process.exitcode})")


class ChildLost(RuntimeError):
    """A worker process ended without saying why (killed, out of memory)."""
