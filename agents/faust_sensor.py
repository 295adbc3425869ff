"""Faust's Prometheus sensor, with each labelled series looked up once instead of per message.

Faust's `PrometheusMonitor` calls `metric.labels(...)` for every message in, stream event, send
and table operation, and for every stream event it also normalises the stream's name with
regular expressions. Under a flood (poison inputs, a replayed backlog) those lookups are a
measurable share of the event loop. This sensor exports the same series with the same values:
it keeps the label children it resolved, and drops them whenever Faust removes series (at the
start of a rebalance it clears the per-topic and per-partition ones).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from faust.sensors.monitor import Monitor
from faust.sensors.prometheus import PrometheusMonitor, setup_prometheus_sensors

if TYPE_CHECKING:
    import faust
    from faust.types import TP, CollectionT, EventT, Message, PendingMessage, StreamT
    from faust.types.transports import ProducerT
    from prometheus_client import CollectorRegistry


class CachedLabelsPrometheusMonitor(PrometheusMonitor):
    """`PrometheusMonitor` whose per-message hooks reuse the label children they resolved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._children: dict[tuple[Any, ...], Any] = {}
        # weak, like Faust's own stream lookups: a finished stream must not be kept alive here
        self._stream_children: WeakKeyDictionary[StreamT, Any] = WeakKeyDictionary()

    def _child(self, metric: Any, *labels: Any) -> Any:
        """`metric.labels(*labels)`, resolved once (labels in the metric's label order)."""
        key = (id(metric), *labels)
        child = self._children.get(key)
        if child is None:
            child = self._children[key] = metric.labels(*labels)
        return child

    def on_message_in(self, tp: TP, offset: int, message: Message) -> None:
        """Call before message is delegated to streams."""
        Monitor.on_message_in(self, tp, offset, message)
        metrics = self._metrics
        metrics.messages_received.inc()
        metrics.active_messages.inc()
        self._child(metrics.messages_received_per_topics, tp.topic).inc()
        self._child(metrics.messages_received_per_topics_partition, tp.topic, tp.partition).set(
            offset
        )

    def track_tp_end_offset(self, tp: TP, offset: int) -> None:
        """Track a topic partition's end offset (lag = end offset - committed offset)."""
        Monitor.track_tp_end_offset(self, tp, offset)
        self._child(self._metrics.topic_partition_end_offset, tp.topic, tp.partition).set(offset)

    def on_stream_event_in(
        self, tp: TP, offset: int, stream: StreamT, event: EventT
    ) -> dict[str, Any] | None:
        """Call when stream starts processing an event."""
        state = Monitor.on_stream_event_in(self, tp, offset, stream, event)
        metrics = self._metrics
        metrics.total_events.inc()
        metrics.total_active_events.inc()
        child = self._stream_children.get(stream)
        if child is None:
            label = f"stream.{self._stream_label(stream)}.events"
            child = self._stream_children[stream] = metrics.total_events_per_stream.labels(label)
        child.inc()
        return state

    def on_table_get(self, table: CollectionT, key: Any) -> None:
        """Call when value in table is retrieved."""
        Monitor.on_table_get(self, table, key)
        self._table_operation(table, self.KEYS_RETRIEVED)

    def on_table_set(self, table: CollectionT, key: Any, value: Any) -> None:
        """Call when new value for key in table is set."""
        Monitor.on_table_set(self, table, key, value)
        self._table_operation(table, self.KEYS_UPDATED)

    def on_table_del(self, table: CollectionT, key: Any) -> None:
        """Call when value in table is deleted."""
        Monitor.on_table_del(self, table, key)
        self._table_operation(table, self.KEYS_DELETED)

    def _table_operation(self, table: CollectionT, operation: str) -> None:
        self._child(self._metrics.table_operations, f"table.{table.name}", operation).inc()

    def on_send_initiated(
        self,
        producer: ProducerT,
        topic: str,
        message: PendingMessage,
        keysize: int,
        valsize: int,
    ) -> Any:
        """Call when message added to producer buffer."""
        self._child(self._metrics.topic_messages_sent, f"topic.{topic}").inc()
        return Monitor.on_send_initiated(self, producer, topic, message, keysize, valsize)

    def on_rebalance_start(self, app: faust.types.AppT) -> dict[str, Any]:
        """Cluster rebalance in progress: Faust removes series, so forget their children."""
        state = super().on_rebalance_start(app)
        self._children.clear()
        return state


def setup_faust_sensors(app: faust.App, registry: CollectorRegistry) -> None:
    """Faust's Prometheus metrics (`faust_*`) and its /metrics page, with the cached sensor."""
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="faust")
    faust_sensor = app.monitor
    assert isinstance(faust_sensor, PrometheusMonitor)
    app.monitor = CachedLabelsPrometheusMonitor(metrics=faust_sensor._metrics)
