"""JSON Schema files in schemas/json/ match the pydantic contracts."""

from __future__ import annotations

from schemas.generate import available_contracts, stale_files


def test_committed_json_schemas_are_current():
    """Every contract's schemas/json file is present and identical to what the model generates."""
    stale = stale_files()
    assert not stale, f"regenerate with `python -m schemas.generate`: {stale}"


def test_every_existing_contract_has_a_schema():
    """RawArticle, ParsedArticle and DeadLetter always generate schemas."""
    assert {"RawArticle", "ParsedArticle", "DeadLetter"} <= set(available_contracts())
