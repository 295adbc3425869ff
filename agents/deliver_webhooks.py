"""Agent `deliver-webhooks`: the `alerts` topic -> signed webhook POSTs, one queue per subscriber.

Each subscriber has its own Kafka consumer group (`<app id>-webhook-<subscriber>`) on `alerts`,
so Kafka itself is the durable per-subscriber queue: an alert's offset is committed only once
its delivery is final (2xx, or dead-lettered after `max_attempts`). A worker restart resumes at
the first unfinished alert; receivers de-duplicate the rare re-send by `Idempotency-Key`. A
slow or failing subscriber stalls only its own consumer, never the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError

from agents.codec import encode, key
from agents.logging import get_logger
from agents.topics import ALERTS
from agents.webhook_client import PostOutcome, WebhookClient
from schemas.alert import Alert
from schemas.deadletter import DeadLetter, DeadLetterReason
from wirewatch.alerts.loader import load_rules
from wirewatch.alerts.retry import CircuitBreaker, backoff_delay
from wirewatch.alerts.rules import AlertRules

if TYPE_CHECKING:
    import faust

    from agents.metrics import WirewatchMetrics
    from agents.settings import WorkerSettings
    from agents.topics import Topics

log = get_logger(__name__)
SendDeadLetter = Callable[[DeadLetter], Awaitable[Any]]


class SubscriberDelivery:
    """Delivers every alert addressed to one subscriber, in order, with retries and a breaker."""

    def __init__(
        self,
        client: WebhookClient,
        consumer_factory: Callable[[], AIOKafkaConsumer],
        send_dead_letter: SendDeadLetter,
        metrics: WirewatchMetrics,
        max_age: float,
    ) -> None:
        self.client = client
        self.name = client.name
        self.config = client.config
        self._consumer_factory = consumer_factory
        self.consumer: AIOKafkaConsumer = consumer_factory()
        self._send_dead_letter = send_dead_letter
        self._metrics = metrics
        self._max_age = max_age
        self.breaker = CircuitBreaker(
            self.config.breaker_failures, self.config.breaker_cooldown.total_seconds()
        )

    async def run(self) -> None:
        """Consume, deliver and commit until cancelled (a fresh consumer on every call)."""
        self.consumer = self._consumer_factory()
        await self.consumer.start()
        log.info("webhook.ready", subscriber=self.name, url=self.client.url)
        try:
            while True:
                batch = await self.consumer.getmany(timeout_ms=1000, max_records=100)
                for tp, records in batch.items():
                    committed = True
                    for record in records:
                        committed = await self.handle(record)
                        if committed:
                            await self._commit(tp, record.offset + 1)
                    if records and not committed:
                        await self._commit(tp, records[-1].offset + 1)
        finally:
            await self.consumer.stop()

    async def handle(self, record: ConsumerRecord[bytes, bytes]) -> bool:
        """Deliver one record if it is for this subscriber; True when an outcome was final."""
        try:
            alert = Alert.model_validate_json(record.value or b"")
        except ValueError:
            log.warning("webhook.bad_alert", subscriber=self.name, offset=record.offset)
            return False
        if self.name not in alert.subscribers:
            return False
        age = time.time() - record.timestamp / 1000
        if age > self._max_age:
            self._metrics.alerts.labels(self.name, "expired").inc()
            log.warning("webhook.expired", subscriber=self.name, alert_id=alert.alert_id, age=age)
            return True
        await self.deliver(alert, record.value or b"")
        return True

    async def deliver(self, alert: Alert, body: bytes) -> None:
        """POST until delivered, refused, finally rejected or out of attempts."""
        outcome = PostOutcome(None, "not attempted")
        for attempt in range(1, self.config.max_attempts + 1):
            wait = self.breaker.wait_time(time.monotonic())
            if wait > 0:
                await self._pause(wait)
            began = time.perf_counter()
            outcome = await self.client.post(body, alert.alert_id, attempt)
            self._metrics.webhook_latency.labels(self.name).observe(time.perf_counter() - began)
            if outcome.delivered:
                self.breaker.record_success()
                self._metrics.alerts.labels(self.name, "delivered").inc()
                log.info(
                    "webhook.delivered",
                    subscriber=self.name,
                    alert_id=alert.alert_id,
                    attempt=attempt,
                    status=outcome.status,
                )
                return
            if not outcome.retryable:
                break
            if self.breaker.record_failure(time.monotonic()):
                log.warning(
                    "webhook.breaker_open",
                    subscriber=self.name,
                    cooldown=self.breaker.wait_time(time.monotonic()),
                )
            if attempt < self.config.max_attempts:
                self._metrics.webhook_retries.labels(self.name).inc()
                delay = backoff_delay(
                    attempt,
                    self.config.backoff_initial.total_seconds(),
                    self.config.backoff_max.total_seconds(),
                )
                delay = max(delay, min(outcome.retry_after or 0.0, 300.0))
                log.info(
                    "webhook.retry",
                    subscriber=self.name,
                    alert_id=alert.alert_id,
                    attempt=attempt,
                    outcome=outcome.describe(),
                    delay=round(delay, 3),
                )
                await self._pause(delay)
        await self._dead_letter(alert, body, outcome)

    async def _dead_letter(self, alert: Alert, body: bytes, outcome: PostOutcome) -> None:
        result = "refused" if outcome.refused else "dead_letter"
        self._metrics.alerts.labels(self.name, result).inc()
        self._metrics.dead_letters.labels("deliver", DeadLetterReason.DELIVERY_FAILED.value).inc()
        message = f"webhook {self.name}: {outcome.describe()}"
        if not outcome.refused and outcome.retryable:
            message += f" after {self.config.max_attempts} attempts"
        log.error(
            "webhook.dead_letter", subscriber=self.name, alert_id=alert.alert_id, detail=message
        )
        await self._send_dead_letter(
            DeadLetter(
                article_id=alert.alert_id,
                stage="deliver",
                reason=DeadLetterReason.DELIVERY_FAILED,
                message=message,
                original=body.decode("utf-8", "replace")[:65536],
                original_truncated=len(body) > 65536,
                rejected_at=dt.datetime.now(dt.UTC),
                details={
                    "subscriber": self.name,
                    "alert_id": alert.alert_id,
                    "status": outcome.status,
                    "error": outcome.error,
                    "refused": outcome.refused,
                    "max_attempts": self.config.max_attempts,
                },
            )
        )

    async def _pause(self, seconds: float) -> None:
        """Wait while still polling (partitions paused), so the group keeps us as a member."""
        deadline = time.monotonic() + seconds
        assigned = self.consumer.assignment()
        self.consumer.pause(*assigned)
        try:
            while (left := deadline - time.monotonic()) > 0:
                await self.consumer.getmany(timeout_ms=max(1, int(min(left, 1.0) * 1000)))
        finally:
            self.consumer.resume(*(tp for tp in assigned if tp in self.consumer.assignment()))

    async def _commit(self, tp: TopicPartition, offset: int) -> None:
        try:
            await self.consumer.commit({tp: offset})
        except (CommitFailedError, KafkaError) as exc:
            log.warning("webhook.commit_failed", subscriber=self.name, error=str(exc))


def build_deliveries(
    rules: AlertRules,
    settings: WorkerSettings,
    send_dead_letter: SendDeadLetter,
    metrics: WirewatchMetrics,
    environ: dict[str, str] | None = None,
) -> list[SubscriberDelivery]:
    """One SubscriberDelivery per subscriber whose URL and secret are configured."""
    env = dict(os.environ if environ is None else environ)
    deliveries = []
    for name, config in sorted(rules.subscribers.items()):
        url = config.url or env.get(config.url_env or "")
        if not url:
            log.info("webhook.topic_only", subscriber=name, url_env=config.url_env)
            continue
        secret = env.get(config.secret_env)
        if not secret:
            log.error("webhook.no_secret", subscriber=name, env_var_name=config.secret_env)
            continue

        def consumer(group: str = f"{settings.app_id}-webhook-{name}") -> AIOKafkaConsumer:
            return AIOKafkaConsumer(
                ALERTS.full_name(settings),
                bootstrap_servers=settings.bootstrap_servers,
                group_id=group,
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                fetch_max_wait_ms=100,
                metadata_max_age_ms=3000,  # see the topic soon if it is created after us
            )

        client = WebhookClient(name, config, url, secret)
        deliveries.append(
            SubscriberDelivery(
                client, consumer, send_dead_letter, metrics, settings.webhook_max_alert_age_seconds
            )
        )
    return deliveries


async def _supervise(delivery: SubscriberDelivery) -> None:
    """Run one subscriber's loop; an unexpected crash restarts only that subscriber."""
    try:
        while True:
            try:
                await delivery.run()
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("webhook.crashed", subscriber=delivery.name, error=str(exc))
                await asyncio.sleep(2.0)
    finally:
        await delivery.client.close()


def register(
    app: faust.App, topics: Topics, settings: WorkerSettings, metrics: WirewatchMetrics
) -> Any:
    """Attach the webhook delivery task to `app` (one independent loop per subscriber)."""
    rules = load_rules(settings.alert_rules)

    async def send_dead_letter(letter: DeadLetter) -> Any:
        return await topics.deadletter.send(key=key(letter.article_id), value=encode(letter))

    @app.task
    async def deliver_webhooks() -> None:
        if not settings.webhook_delivery:
            return
        deliveries = build_deliveries(rules, settings, send_dead_letter, metrics)
        await asyncio.gather(*(_supervise(d) for d in deliveries))

    return deliver_webhooks
