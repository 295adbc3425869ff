"""The one pipeline: stage functions that both the Faust worker and replay call, unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from schemas.alert import Alert
from schemas.deadletter import DeadLetter
from schemas.incident import IncidentEvent
from schemas.parsed import ParsedArticle
from schemas.story import StoryUpdate
from wirewatch.alerts import AlertEngine, AlertRules
from wirewatch.deadletters import dead_letter_from, internal_error, payload_article_id
from wirewatch.dedup import Linker, LinkResult
from wirewatch.errors import StageRejected
from wirewatch.incidents.tracker import IncidentTracker
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

    link: LinkResult | None = None
    story_updates: list[StoryUpdate] = field(default_factory=list)
    incidents: list[IncidentEvent] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    dead_letters: list[DeadLetter] = field(default_factory=list)


class Pipeline:
    """Runs the stages over one input at a time, with state in the given stores."""

    STORE_NAMES: tuple[str, ...] = (
        *Linker.STORE_NAMES,
        *IncidentTracker.STORE_NAMES,
        *AlertEngine.STORE_NAMES,
    )

    def __init__(
        self,
        settings: PipelineSettings | None = None,
        stores: StateStores | None = None,
        clock: Clock = utc_now,
        alert_rules: AlertRules | None = None,
    ) -> None:
        self.settings = settings or PipelineSettings()
        self.stores = stores if stores is not None else {}
        self.clock = clock
        self.linker = Linker(self.settings.dedup, self.stores) if self.stores else None
        self.tracker = (
            IncidentTracker(self.settings.incidents, self.stores) if self.stores else None
        )
        self.alerter = (
            AlertEngine(alert_rules, self.stores) if self.stores and alert_rules else None
        )

    def parse(self, payload: Payload) -> ParsedArticle | DeadLetter:
        """Validate and parse one raw payload; every failure becomes a DeadLetter."""
        article_id: str | None = None
        try:
            raw = decode_raw_article(payload, max_body_bytes=self.settings.max_body_bytes)
            article_id = raw.id
            return parse_article(raw)
        except StageRejected as rejection:
            return dead_letter_from(payload, rejection, article_id=article_id, now=self.clock())
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the stream
            article_id = article_id or payload_article_id(payload)
            return dead_letter_from(
                payload, internal_error("parse", exc), article_id=article_id, now=self.clock()
            )

    def downstream(self, parsed: ParsedArticle, now: dt.datetime | None = None) -> DownstreamOutput:
        """Link one parsed article, extract and merge its incidents, and alert on them.

        `now` is the alert engine's clock (default: the pipeline clock). A failure in a stage
        becomes a dead letter of that stage; the stream goes on.
        """
        if self.linker is None or self.tracker is None:
            raise RuntimeError("Pipeline.downstream needs state stores; pass `stores`")
        output = DownstreamOutput()
        try:
            output.link = self.linker.link(parsed)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop linking
            output.dead_letters.append(self._stage_failure("link", parsed, exc))
            return output
        output.story_updates = output.link.story_updates
        forward = output.link.forward
        try:
            output.incidents = self.tracker.observe(
                parsed,
                story_id=output.link.story_id,
                role=output.link.decision.value,
                paragraphs=forward.paragraphs if forward is not None else [],
            )
        except Exception as exc:  # noqa: BLE001
            output.dead_letters.append(self._stage_failure("incident", parsed, exc))
            return output
        if self.alerter is not None:
            clock = now or self.clock()
            try:
                for event in output.incidents:
                    output.alerts.extend(self.alerter.on_incident(event, clock))
            except Exception as exc:  # noqa: BLE001
                output.dead_letters.append(self._stage_failure("alert", parsed, exc))
        return output

    def flush_alerts(self, now: dt.datetime | None = None) -> list[Alert]:
        """Alerts whose grouping wait has elapsed by `now` (none when alerting is off)."""
        return self.alerter.flush(now or self.clock()) if self.alerter is not None else []

    def _stage_failure(self, stage: str, parsed: ParsedArticle, exc: Exception) -> DeadLetter:
        return dead_letter_from(
            parsed.model_dump(mode="json"),
            internal_error(stage, exc),
            article_id=parsed.article_id,
            now=self.clock(),
        )
