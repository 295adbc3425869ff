"""docker-compose.yml agrees with the worker settings and topics (no Docker engine here)."""

from __future__ import annotations

import yaml

from agents.cli import OUR_COMMANDS
from agents.settings import WorkerSettings
from tests.shared_data import REPO_ROOT

COMPOSE = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())
PROMETHEUS = yaml.safe_load((REPO_ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())


def _worker_env():
    return COMPOSE["services"]["worker"]["environment"]


def test_compose_has_kafka_worker_and_prometheus_services():
    """The stack names the broker, a scalable worker, topic creation and Prometheus."""
    services = COMPOSE["services"]
    assert {"kafka", "topics", "worker", "prometheus"} <= set(services)
    assert "container_name" not in services["worker"], "a fixed name prevents --scale"
    assert "ports" not in services["worker"], "published ports prevent --scale; use expose"


def test_kafka_runs_in_kraft_mode():
    """The apache/kafka image runs as combined broker and controller, without ZooKeeper."""
    kafka = COMPOSE["services"]["kafka"]
    assert kafka["image"].startswith("apache/kafka:4.")
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert not any("ZOOKEEPER" in key for key in env)


def test_worker_env_names_real_settings():
    """Every WIREWATCH_* variable given to the worker is a WorkerSettings field."""
    fields = {f"WIREWATCH_{name.upper()}" for name in WorkerSettings.model_fields}
    unknown = set(_worker_env()) - fields
    assert not unknown, f"compose sets variables no setting reads: {unknown}"


def test_worker_env_values_validate_as_settings():
    """The worker's environment builds a valid WorkerSettings."""
    env = {k.removeprefix("WIREWATCH_").lower(): v for k, v in _worker_env().items()}
    settings = WorkerSettings(**env)
    assert settings.web_host == "0.0.0.0"


def test_broker_url_points_at_the_kafka_listener():
    """The worker's broker URL names the kafka service and its advertised PLAINTEXT port."""
    broker = _worker_env()["WIREWATCH_BROKER"]
    advertised = COMPOSE["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    assert broker == "kafka://" + advertised.removeprefix("PLAINTEXT://")


def test_prometheus_scrapes_the_worker_metrics_port():
    """Prometheus discovers the worker replicas on the port the worker serves /metrics on."""
    port = int(_worker_env()["WIREWATCH_WEB_PORT"])
    assert str(port) in COMPOSE["services"]["worker"]["expose"]
    [job] = [j for j in PROMETHEUS["scrape_configs"] if j["job_name"] == "wirewatch-worker"]
    [sd] = job["dns_sd_configs"]
    assert sd["names"] == ["worker"]
    assert sd["port"] == port
    assert job["metrics_path"] == "/metrics"


def test_topic_job_uses_an_existing_cli_command():
    """The topic-creation service runs `wirewatch topics create`, which the CLI provides."""
    command = COMPOSE["services"]["topics"]["command"]
    assert command[:3] == ["wirewatch", "topics", "create"]
    assert "topics" in OUR_COMMANDS
