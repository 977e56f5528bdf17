"""Keep a big build's memory in check: the cycle collector, and the memory let go of.

Reading and validating a big workbook allocates tens of millions of small objects (strings, row
lists, typed values) and no reference cycles. The cycle collector, triggered by allocation counts,
then walks the ever-growing heap again and again: measured on a 1,000,000-row Sales tab, parsing
the CSV took 6.4 s with it and 1.3 s without (see BENCHMARKS.md).

Once the pages of a big site are written, the model they were made from is let go of and its
memory handed back, before MkDocs' processes are forked (see site.py).

Memory let go of among objects that stay cannot be handed back: Python keeps it for objects of
the same size, and a forked process copies the pages it lies in as soon as either process
reuses it. So the readers keep one copy of each repeated text of a tab as they read it
(sources.local.cell_sharer) instead of letting ten million copies go after validation.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause the cycle collector for the block; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # The objects made meanwhile go straight to the oldest generation, without being
            # walked: else the first collection after this would walk all of them as young
            # objects, then again as middle-aged ones (about a second on a big workbook).
            # (Not where objects are frozen for a fork: thawing them would copy them.)
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def give_back() -> None:
    """Return the memory of objects just let go of to the system, as far as it can be: objects
    moved to the permanent generation (see workers.start) are collected again, then trimmed."""
    gc.unfreeze()
    gc.collect()
    trim()


def trim() -> None:
    """Ask glibc to hand its free pages back to the system (it keeps them for reuse otherwise).

    Before a fork this matters twice: a page the parent and the child share is copied as soon as
    either writes to it, and both would reuse the free memory in those pages.
    """
    malloc_trim = _malloc_trim()
    if malloc_trim is not None:
        malloc_trim(0)


@cache
def _malloc_trim() -> Any:
    """glibc's malloc_trim, looked up once (finding the C library asks ldconfig); None when
    the C library is not glibc."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
