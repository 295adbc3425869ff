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

    @app.agent(topics.raw, name="parse-articles")
    async def parse_articles(stream: faust.StreamT[bytes]) -> None:
        async for payload in stream:
            began = time.perf_counter()
            result = pipeline.parse(payload)
            metrics.stage_latency.labels("parse").observe(time.perf_counter() - began)
            if isinstance(result, DeadLetter):
                metrics.articles.labels("parse", "dead_letter").inc()
                metrics.dead_letters.labels(result.stage, result.reason.value).inc()
                log.info(
                    "parse.rejected",
                    article_id=result.article_id,
                    reason=result.reason.value,
                    detail=result.message[:200],
                )
                await topics.deadletter.send(key=key(result.article_id), value=encode(result))
                continue
            metrics.articles.labels("parse", "parsed").inc()
            log.info(
                "parse.parsed",
                article_id=result.article_id,
                outlet=result.outlet.name,
                agency=result.attributed_agency,
            )
            await topics.parsed.send(key=key(result.article_id), value=encode(result))

    return parse_articles
