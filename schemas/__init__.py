"""Topic contracts: the pydantic v2 models carried on every wirewatch topic.

This package imports pydantic only. Every other layer depends on it, never the reverse.
"""

from __future__ import annotations

from schemas.deadletter import DeadLetter, DeadLetterReason
from schemas.parsed import Dateline, Outlet, ParsedArticle, Quote
from schemas.raw import RawArticle

__all__ = [
    "Dateline",
    "DeadLetter",
    "DeadLetterReason",
    "Outlet",
    "ParsedArticle",
    "Quote",
    "RawArticle",
]
