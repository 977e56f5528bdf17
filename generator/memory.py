"""Keep Python's cycle collector out of the way while millions of cells are created.

Reading and validating a big workbook allocates tens of millions of small objects (strings, row
lists, typed values) and no reference cycles. The cycle collector, triggered by allocation counts,
then walks the ever-growing heap again and again: measured on a 1,000,000-row Sales tab, parsing
the CSV took 6.4 s with it and 1.3 s without (see BENCHMARKS.md).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause the cycle collector for the block; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
