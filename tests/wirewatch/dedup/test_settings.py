"""DedupSettings defaults and validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from wirewatch.dedup import DedupSettings


def test_defaults_document_their_reason() -> None:
    """Every setting carries a description explaining its default."""
    for name, spec in DedupSettings.model_fields.items():
        assert spec.description, name


def test_bands_beyond_num_perm_are_refused_with_remedy() -> None:
    """A band layout that needs more permutations than exist names the fix."""
    with pytest.raises(ValidationError, match="raise num_perm to at least 150"):
        DedupSettings(num_perm=128, bands=50, rows=3)
