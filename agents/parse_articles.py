"""Agent `parse-articles`: articles.raw -> articles.parsed, or articles.deadletter."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from agents.codec import encode, key
from agents.logging import get_logger
from schemas.deadletter import DeadLetter

if TYPE_CHECKING:
    import faust

    from agents.metrics import WirewatchMetrics
    from agents.topics import Topics
    from wirewatch.pipeline import Pipeline

log = get_logger(__name__)


def register(app: faust.App, topics: Topics, pipeline: Pipeline, metrics: WirewatchMetrics) -> Any:
    """Attach the parse agent to `app`. Stateless: it scales with articles.raw's partitions."""

    # Metric children resolved once: a label lookup per message is measurable under a flood.
    parse_latency = metrics.stage_latency.labels("parse")
    parsed_count = metrics.articles.labels("parse", "parsed")
    rejected_count = metrics.articles.labels("parse", "dead_letter")
    dead_letter_counts: dict[tuple[str, str], Any] = {}  # (stage, reason) -> counter child

    @app.agent(topics.raw, name="parse-articles")
    async def parse_articles(stream: faust.StreamT[bytes]) -> None:
        async for payload in stream:
            began = time.perf_counter()
            result = pipeline.parse(payload)
            parse_latency.observe(time.perf_counter() - began)
            if isinstance(result, DeadLetter):
                rejected_count.inc()
                reason = result.reason.value
                counter = dead_letter_counts.get((result.stage, reason))
                if counter is None:
                    counter = metrics.dead_letters.labels(result.stage, reason)
                    dead_letter_counts[(result.stage, reason)] = counter
                counter.inc()
                # Debug, like every per-message line: the dead-letter record is the audit
                # trail, and a hostile flood must not turn into a flood of log lines.
                log.debug(
                    "parse.rejected",
                    article_id=result.article_id,
                    reason=reason,
                    detail=result.message[:200],
                )
                await topics.deadletter.send(key=key(result.article_id), value=encode(result))
                continue
            parsed_count.inc()
            log.debug(
                "parse.parsed",
                article_id=result.article_id,
                outlet=result.outlet.name,
                agency=result.attributed_agency,
            )
            await topics.parsed.send(key=key(result.article_id), value=encode(result))

    return parse_articles
