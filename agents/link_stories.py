"""Agent `link-stories`: articles.parsed -> stories, incidents and alerts (the sequencer).

articles.parsed has one partition, so this agent sees every parsed article in one total order
and its Faust tables (dedup index, incidents, alert state) live in one partition: the same input
order gives the same story, incident and alert ids however many workers run.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from agents.codec import decode, encode, key
from agents.logging import get_logger
from schemas.parsed import ParsedArticle

if TYPE_CHECKING:
    import faust

    from agents.metrics import WirewatchMetrics
    from agents.topics import Topics
    from wirewatch.pipeline import Pipeline

log = get_logger(__name__)


def register(app: faust.App, topics: Topics, pipeline: Pipeline, metrics: WirewatchMetrics) -> Any:
    """Attach the linking agent to `app`."""

    @app.agent(topics.parsed, name="link-stories")
    async def link_stories(stream: faust.StreamT[bytes]) -> None:
        async for payload in stream:
            began = time.perf_counter()
            parsed = decode(ParsedArticle, payload)
            output = pipeline.downstream(parsed)
            metrics.stage_latency.labels("link").observe(time.perf_counter() - began)
            for letter in output.dead_letters:
                metrics.dead_letters.labels(letter.stage, letter.reason.value).inc()
                await topics.deadletter.send(key=key(letter.article_id), value=encode(letter))
            metrics.articles.labels("link", "linked").inc()
            log.info("link.done", article_id=parsed.article_id)

    return link_stories
