"""Run Python's cyclic garbage collector less often during bulk work.

The collector's young generation is collected every 700 net allocations, and each pass promotes
survivors that later full passes walk again: the gazetteers and patterns loaded at import time
and, in a replay, the growing state stores. On the replay benchmark the default thresholds cost
~10% of the run. Reference counting still frees almost everything; only cyclic garbage waits
for the (rarer) passes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BULK_THRESHOLDS = (100_000, 50, 100)
"""A young-generation pass per 100k allocations instead of per 700."""


def freeze_long_lived() -> None:
    """Collect once, then exempt every surviving object (imports, start-up) from later passes."""
    gc.collect()
    gc.freeze()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Use BULK_THRESHOLDS inside the block and restore the previous thresholds after it."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
