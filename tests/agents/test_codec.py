"""The edge codec round-trips topic contracts as JSON bytes."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from agents.codec import decode, encode, key
from schemas.raw import RawArticle


def test_encode_then_decode_round_trips():
    """A RawArticle survives encoding to bytes and decoding back."""
    raw = RawArticle(
        id="c-1",
        url="https://x.test/a",
        fetched_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        body="text",
    )
    assert decode(RawArticle, encode(raw)) == raw


def test_decode_rejects_bytes_that_break_the_contract():
    """Bytes that are not a valid RawArticle raise a ValidationError."""
    with pytest.raises(ValidationError):
        decode(RawArticle, b'{"id": "x"}')


def test_key_encodes_ids_and_keeps_none():
    """Ids become UTF-8 keys; a missing id stays None (default partitioner)."""
    assert key("café") == "café".encode()
    assert key(None) is None
