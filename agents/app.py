"""The one Faust app: settings from the environment, RocksDB tables, agents, metrics, views."""

from __future__ import annotations

import gc
import sys
from typing import Any

import faust
from prometheus_client import REGISTRY, CollectorRegistry

from agents import deliver_webhooks, link_stories, parse_articles, views
from agents.faust_sensor import setup_faust_sensors
from agents.logging import configure_logging, drop_spinner_logging
from agents.metrics import WirewatchMetrics
from agents.producer_buffer import DrainingProducerBuffer
from agents.settings import WorkerSettings
from agents.tables import declare_tables
from agents.topics import Topics, declare_topics
from wirewatch.alerts import load_rules
from wirewatch.gc_pause import BULK_THRESHOLDS, freeze_long_lived
from wirewatch.pipeline import Pipeline


class WirewatchApp(faust.App):
    """faust.App that creates every declared topic (inputs and outputs) when it starts."""

    wirewatch_topics: Topics | None = None

    def _new_producer(self) -> Any:
        """Faust's producer with a buffer that drains fully before offsets are committed."""
        producer = super()._new_producer()
        buffer = DrainingProducerBuffer(loop=producer.loop, beacon=producer.beacon)
        buffer.app = self
        producer.buffer = buffer  # type: ignore[attr-defined]
        return producer

    async def on_start(self) -> None:
        """Declare our topics before any agent consumes or produces."""
        drop_spinner_logging()
        freeze_long_lived()  # modules, gazetteers and patterns: never garbage
        gc.set_threshold(*BULK_THRESHOLDS)
        await super().on_start()
        if self.wirewatch_topics is not None:
            for topic in self.wirewatch_topics.all():
                await topic.maybe_declare()


def create_app(
    settings: WorkerSettings | None = None, registry: CollectorRegistry = REGISTRY
) -> faust.App:
    """Build the app with its topics, tables, agents and the /metrics view."""
    settings = settings or WorkerSettings()
    # The process's real stdout: a Faust worker later redirects sys.stdout into its own logger,
    # which would wrap every JSON line in a second, non-JSON line and cost a formatting pass.
    configure_logging(settings.log_level, settings.log_format, stream=sys.__stdout__)
    app = WirewatchApp(
        settings.app_id,
        broker=settings.broker,
        store="rocksdb://",
        datadir=str(settings.data_dir),
        processing_guarantee="at_least_once",
        autodiscover=False,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        table_standby_replicas=settings.standby_replicas,
        producer_acks=-1,
        producer_linger=settings.producer_linger_ms / 1000.0,
        producer_max_batch_size=settings.producer_max_batch_bytes,
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=min(3.0, settings.session_timeout_seconds / 3),
        consumer_auto_offset_reset="earliest",
    )
    topics = declare_topics(app, settings)
    app.wirewatch_topics = topics
    stores = declare_tables(app, settings, Pipeline.STORE_NAMES)
    pipeline = Pipeline(
        settings.pipeline_settings(), stores, alert_rules=load_rules(settings.alert_rules)
    )
    metrics = WirewatchMetrics.create(registry)
    setup_faust_sensors(app, registry)
    parse_articles.register(app, topics, pipeline, metrics)
    batching = link_stories.LinkBatching(
        settings.link_batch_max, settings.link_batch_within_ms / 1000.0
    )
    link_stories.register(app, topics, pipeline, metrics, batching)
    deliver_webhooks.register(app, topics, settings, metrics)
    views.register(app)
    return app


app = create_app()
"""The worker's app: `wirewatch worker` (or `faust -A agents.app worker`) runs it."""
