"""Deterministic ids: every output id is a hash of the content that defines it."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: str, length: int = 16) -> str:
    """Return `prefix-<hex>` from a BLAKE2b hash of the parts: reprocessing gives the same id."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        encoded = part.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return f"{prefix}-{digest.hexdigest()[:length]}"


def content_hash(text: str) -> str:
    """Return the hex BLAKE2b-128 of a text, used as ParsedArticle.content_hash."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
