"""The one pipeline: stage functions that both the Faust worker and replay call, unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from schemas.deadletter import DeadLetter
from schemas.parsed import ParsedArticle
from wirewatch.deadletters import dead_letter_from, internal_error, payload_article_id
from wirewatch.errors import StageRejected
from wirewatch.parse import decode_raw_article, parse_article
from wirewatch.settings import PipelineSettings
from wirewatch.state import StateStores

Clock = Callable[[], dt.datetime]
Payload = bytes | str | Mapping[str, Any]


def utc_now() -> dt.datetime:
    """Wall-clock time in UTC."""
    return dt.datetime.now(dt.UTC)


@dataclass
class DownstreamOutput:
    """What one parsed article produced after the parse stage."""

    dead_letters: list[DeadLetter] = field(default_factory=list)


class Pipeline:
    """Runs the stages over one input at a time, with state in the given stores."""

    STORE_NAMES: tuple[str, ...] = ()

    def __init__(
        self,
        settings: PipelineSettings | None = None,
        stores: StateStores | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.settings = settings or PipelineSettings()
        self.stores = stores or {}
        self.clock = clock

    def parse(self, payload: Payload) -> ParsedArticle | DeadLetter:
        """Validate and parse one raw payload; every failure becomes a DeadLetter."""
        article_id: str | None = None
        try:
            raw = decode_raw_article(payload, max_body_bytes=self.settings.max_body_bytes)
            article_id = raw.id
            return parse_article(raw)
        except StageRejected as rejection:
            return dead_letter_from(payload, rejection, article_id=article_id, now=self.clock())
        except Exception as exc:
            article_id = article_id or payload_article_id(payload)
            return dead_letter_from(
                payload, internal_error("parse", exc), article_id=article_id, now=self.clock()
            )

    def downstream(self, parsed: ParsedArticle) -> DownstreamOutput:
        """Link, extract and alert for one parsed article (stages are added by later issues)."""
        return DownstreamOutput()
