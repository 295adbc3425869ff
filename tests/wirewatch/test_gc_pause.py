"""gc_pause: bulk runs collect less often, and the previous settings come back afterwards."""

from __future__ import annotations

import gc

from wirewatch.gc_pause import BULK_THRESHOLDS, fewer_collections, freeze_long_lived


def test_fewer_collections_sets_and_restores_the_thresholds() -> None:
    """Inside the block the bulk thresholds apply; after it, the previous ones, even on error."""
    before = gc.get_threshold()
    try:
        with fewer_collections():
            assert gc.get_threshold() == BULK_THRESHOLDS
            raise RuntimeError("stage failure")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def test_freeze_long_lived_moves_live_objects_out_of_the_collector() -> None:
    """After freezing, the objects alive now sit in the permanent generation."""
    try:
        freeze_long_lived()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
