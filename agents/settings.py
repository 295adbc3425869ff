"""Worker settings, read from WIREWATCH_* environment variables (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from wirewatch.alerts.replay import DEFAULT_RULES_PATH
from wirewatch.dedup.settings import DedupSettings
from wirewatch.incidents.settings import IncidentSettings
from wirewatch.settings import DEFAULT_MAX_BODY_BYTES, PipelineSettings


class WorkerSettings(BaseSettings):
    """Everything a worker needs; each field maps to WIREWATCH_<FIELD> (documented in README)."""

    model_config = SettingsConfigDict(
        env_prefix="WIREWATCH_", env_nested_delimiter="__", extra="ignore"
    )

    broker: str = Field(default="kafka://127.0.0.1:9092", description="Kafka bootstrap URL(s).")
    app_id: str = Field(default="wirewatch", description="Faust app id = consumer group id.")
    topic_prefix: str = Field(default="", description="Prefix for every topic name.")
    topic_partitions: int = Field(default=4, ge=1, description="Partitions of scalable topics.")
    topic_replication: int = Field(default=1, ge=1, description="Replication factor of topics.")
    data_dir: Path = Field(default=Path("var/worker"), description="RocksDB tables live here.")
    web_host: str = Field(default="127.0.0.1", description="Bind address of /metrics.")
    web_port: int = Field(default=6066, ge=1, le=65535, description="Port of /metrics.")
    max_body_bytes: int = Field(default=DEFAULT_MAX_BODY_BYTES, gt=0)
    standby_replicas: int = Field(default=1, ge=0, description="Table standbys per partition.")
    session_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        description="Consumer-group session timeout: how soon a dead worker's partitions move.",
    )
    producer_linger_ms: float = Field(
        default=5.0,
        ge=0,
        description="How long the producer waits to batch messages (changelogs, outputs).",
    )
    producer_max_batch_bytes: int = Field(
        default=262_144,
        ge=16_384,
        le=1_000_000,
        description=(
            "Producer batch size per partition. aiokafka keeps one produce request in flight "
            "per broker, so at the 16 KiB default a parsed article (5-10 KiB) or an article "
            "record (~3 KiB) fills a batch after a few messages and every request waits a "
            "round trip. Must stay below the broker's message.max.bytes (1 MiB)."
        ),
    )
    link_batch_max: int = Field(
        default=200,
        ge=1,
        le=10_000,
        description=(
            "Parsed articles the sequencer takes at once. Its state-table writes are flushed "
            "once per batch, so a key several articles touch costs one changelog message."
        ),
    )
    link_batch_within_ms: float = Field(
        default=50.0,
        gt=0,
        description=(
            "How long a sequencer batch waits to fill: the latency it may add under light load "
            "(under heavy load batches fill at once). Shorter waits make smaller batches at "
            "moderate rates, which coalesce fewer writes (at 10 ms the poison test's good "
            "articles cost 35% more CPU than at 50 ms). Must be > 0: Faust's take() without a "
            "timeout waits for a full batch."
        ),
    )
    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR.")
    log_format: Literal["auto", "json", "console"] = Field(
        default="auto", description="auto: console on a TTY, JSON otherwise."
    )

    dedup: DedupSettings = Field(
        default_factory=DedupSettings, description="WIREWATCH_DEDUP__<FIELD>, see docs/dedup.md."
    )
    incidents: IncidentSettings = Field(
        default_factory=IncidentSettings,
        description="WIREWATCH_INCIDENTS__<FIELD>, see docs/incidents.md.",
    )

    alert_rules: Path = Field(
        default=DEFAULT_RULES_PATH, description="Alert rules and webhook subscribers (YAML)."
    )
    webhook_delivery: bool = Field(default=True, description="Run the webhook delivery agent.")
    webhook_max_alert_age_seconds: float = Field(
        default=86400.0, gt=0, description="Alerts older than this are skipped, not POSTed."
    )

    def pipeline_settings(self) -> PipelineSettings:
        """The domain settings derived from the worker's."""
        return PipelineSettings(
            max_body_bytes=self.max_body_bytes, dedup=self.dedup, incidents=self.incidents
        )

    @property
    def bootstrap_servers(self) -> str:
        """Bootstrap servers without the kafka:// scheme, for plain aiokafka clients."""
        return ",".join(part.removeprefix("kafka://") for part in self.broker.split(";"))
