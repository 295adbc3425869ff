"""Agent `link-stories`: articles.parsed -> stories, incidents and alerts (the sequencer).

articles.parsed has one partition, so this agent sees every parsed article in one total order
and its Faust tables (dedup index, incidents, alert groups) live in one partition: the same
input order gives the same story, incident and alert ids however many workers run.

Alert groups wait (group_wait, group_interval) before they fire. Table writes must happen inside
a stream event, so a timer on every worker sends a tick to the one-partition `wirewatch.ticks`
topic; it is co-partitioned with articles.parsed, and the `flush-alerts` agent that owns it
flushes the due groups.
"""

from __future__ import annotations

import datetime as dt
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from faust.streams import _current_event as faust_current_event
from pydantic import ValidationError

from agents.codec import decode, encode, key
from agents.logging import get_logger
from agents.table_cache import CachedTable, flush_writes
from schemas.deadletter import DeadLetter, DeadLetterReason
from schemas.parsed import ParsedArticle
from wirewatch.deadletters import dead_letter_from
from wirewatch.dedup import LinkDecision, LinkResult
from wirewatch.dedup.reindex import rebuild_buckets
from wirewatch.errors import StageRejected

if TYPE_CHECKING:
    import faust

    from agents.metrics import WirewatchMetrics
    from agents.topics import Topics
    from wirewatch.pipeline import DownstreamOutput, Pipeline

log = get_logger(__name__)
TICK_SECONDS = 2.0


def invalid_parsed_record(payload: bytes, exc: ValidationError) -> DeadLetter:
    """A dead letter for an articles.parsed record that breaks the ParsedArticle contract."""
    fields = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})
    rejection = StageRejected(
        "link",
        DeadLetterReason.INVALID_FIELDS,
        f"articles.parsed record is not a ParsedArticle: {', '.join(fields)[:300]}",
        details={"fields": fields[:50]},
    )
    return dead_letter_from(payload, rejection)


def is_republication(link: LinkResult) -> bool:
    """True for a copy or update, or a verbatim copy found by its content hash (not its URL)."""
    if link.decision in (LinkDecision.COPY, LinkDecision.UPDATE):
        return True
    return (
        link.decision is LinkDecision.RECAPTURE
        and link.evidence is not None
        and link.evidence.method != "same-url"
    )


class DerivedIndex:
    """Rebuilds the linker's in-memory LSH band table before the first article after an
    assignment.

    The rebuild runs inside the agent's stream, once the tables are recovered, so it reads the
    recovered `dedup_articles` records and nothing else runs on the sequencer meanwhile.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.stale = True

    def forget_cached_state(self) -> None:
        """Clear the table read caches: recovery may have changed the tables under them."""
        for store in self.pipeline.stores.values():
            if isinstance(store, CachedTable):
                store.clear_cache()

    def rebuild_if_stale(self) -> None:
        """Empty the band table and refill it from the article records when an assignment made
        it stale (the records may have changed under it, or this worker never held them)."""
        linker = self.pipeline.linker
        if not self.stale or linker is None:
            return
        self.forget_cached_state()  # recovery has finished by the time the stream runs
        began = time.perf_counter()
        count = rebuild_buckets(linker, self.pipeline.stores["dedup_articles"].items())  # resets
        self.stale = False
        log.info(
            "dedup.index_rebuilt",
            articles=count,
            entries=len(linker.index),
            table_bytes=linker.index.nbytes,
            seconds=time.perf_counter() - began,
        )


@contextmanager
def current_event(event: Any) -> Iterator[None]:
    """Make `event` Faust's current event in this task only, for table writes.

    Faust tables write into the current event's partition, and take_events leaves none current
    in the agent's task. Faust's `Stream._set_current_event` would also overwrite the stream's
    `current_event` attribute, which take's background drainer uses to pair each message with
    its event; setting only the task-local context variable leaves the drainer's state alone.
    """
    token = faust_current_event.set(weakref.ref(event))
    try:
        yield
    finally:
        faust_current_event.reset(token)


@dataclass(frozen=True)
class LinkBatching:
    """How many parsed articles the sequencer takes at once, and how long it waits for them.

    Table writes are flushed once per batch, so a key several articles touch (the retention
    record, a busy story, an alert group) costs one changelog message per batch. Under light
    load a batch waits at most `within_seconds` for company, which bounds the added latency;
    under heavy load the input is already queued and batches fill at once.
    """

    max_events: int = 200
    within_seconds: float = 0.05


class LinkMetrics:
    """Records what the sequencer did: decisions, copies, incidents, index size, evictions."""

    def __init__(self, metrics: WirewatchMetrics) -> None:
        self.metrics = metrics
        self._evictions_seen: int | None = None

    def record(self, pipeline: Pipeline, parsed: ParsedArticle, output: DownstreamOutput) -> None:
        """Update every series for one processed article."""
        m = self.metrics
        for letter in output.dead_letters:
            m.dead_letters.labels(letter.stage, letter.reason.value).inc()
        if output.link is not None:
            m.articles.labels("link", output.link.decision.value).inc()
            if is_republication(output.link):
                m.copies.labels(parsed.attributed_agency or "none", parsed.outlet.name).inc()
        now = dt.datetime.now(dt.UTC)
        for event in output.incidents:
            m.incidents.labels(event.event_kind, event.type, event.location.country or "").inc()
            if event.event_kind == "created":
                m.end_to_end_latency.observe(max((now - parsed.fetched_at).total_seconds(), 0.0))
        if pipeline.linker is not None:
            indexed, evicted = pipeline.linker.index_counts()
            m.dedup_index_size.set(indexed)
            if self._evictions_seen is not None and evicted > self._evictions_seen:
                m.dedup_evictions.inc(evicted - self._evictions_seen)
            self._evictions_seen = evicted


def register(
    app: faust.App,
    topics: Topics,
    pipeline: Pipeline,
    metrics: WirewatchMetrics,
    batch: LinkBatching | None = None,
) -> Any:
    """Attach the linking agent, the alert flush and the derived-index rebuild to `app`."""
    batch = batch or LinkBatching()
    link_latency = metrics.stage_latency.labels("link")  # resolved once, as in parse_articles
    batch_size = metrics.link_batch_size
    recorder = LinkMetrics(metrics)
    index = DerivedIndex(pipeline)

    @app.on_partitions_assigned.connect  # type: ignore[misc]
    async def mark_index_stale(_app: Any, assigned: Any = None, **_: Any) -> None:
        index.stale = True
        index.forget_cached_state()

    @app.agent(topics.parsed, name="link-stories")
    async def link_stories(stream: faust.StreamT[bytes]) -> None:
        batches = stream.take_events(batch.max_events, within=batch.within_seconds)
        async for events in batches:
            index.rebuild_if_stale()
            batch_size.observe(len(events))
            outputs = [link_one(event.value) for event in events]
            with current_event(events[-1]):
                metrics.table_writes.inc(flush_writes(pipeline.stores.values()))
            for records in outputs:
                for topic, record_key, value in records:
                    await topic.send(key=record_key, value=value)

    def link_one(payload: bytes) -> list[tuple[Any, bytes, bytes]]:
        """Link one parsed article; return its output records (topic, key, value) in order."""
        began = time.perf_counter()
        try:
            parsed = decode(ParsedArticle, payload)
        except ValidationError as exc:  # a foreign producer wrote to articles.parsed
            letter = invalid_parsed_record(payload, exc)
            metrics.dead_letters.labels(letter.stage, letter.reason.value).inc()
            return [(topics.deadletter, key(letter.article_id), encode(letter))]
        output = pipeline.downstream(parsed)
        link_latency.observe(time.perf_counter() - began)
        records: list[tuple[Any, bytes, bytes]] = []
        for update in output.story_updates:
            records.append((topics.stories, key(update.story_id), encode(update)))
        for event in output.incidents:
            records.append((topics.incidents, key(event.incident_id), encode(event)))
        for alert in output.alerts:
            records.append((topics.alerts, key(alert.group_key), encode(alert)))
        for letter in output.dead_letters:
            records.append((topics.deadletter, key(letter.article_id), encode(letter)))
        recorder.record(pipeline, parsed, output)
        log.debug(
            "link.done",
            article_id=parsed.article_id,
            story_id=output.link.story_id if output.link else None,
            decision=output.link.decision.value if output.link else None,
            incident_ids=[e.incident_id for e in output.incidents],
        )
        return records

    @app.agent(topics.ticks, name="flush-alerts")
    async def flush_alerts(stream: faust.StreamT[bytes]) -> None:
        async for _tick in stream:
            alerts = pipeline.flush_alerts()
            metrics.table_writes.inc(flush_writes(pipeline.stores.values()))
            for alert in alerts:
                await topics.alerts.send(key=key(alert.group_key), value=encode(alert))
                log.info("alert.flushed", alert_id=alert.alert_id, group_key=alert.group_key)

    @app.timer(interval=TICK_SECONDS)
    async def send_tick() -> None:
        await topics.ticks.send(value=b"tick")

    return link_stories
