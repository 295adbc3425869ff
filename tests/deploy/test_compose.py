"""docker-compose.yml agrees with the worker settings and topics (no Docker engine here)."""

from __future__ import annotations

import yaml

from agents.cli import OUR_COMMANDS
from agents.settings import WorkerSettings
from tests.shared_data import REPO_ROOT

COMPOSE = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())
PROMETHEUS = yaml.safe_load((REPO_ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
ALERT_RULES_FILE = REPO_ROOT / "deploy" / "alerts" / "rules.yaml"


def _worker_env():
    return COMPOSE["services"]["worker"]["environment"]


def _subscriber_env_names() -> set[str]:
    """The url_env / secret_env names the alert rules file tells the worker to read."""
    if not ALERT_RULES_FILE.exists():
        return set()
    rules = yaml.safe_load(ALERT_RULES_FILE.read_text())
    return {
        name
        for sub in (rules.get("subscribers") or {}).values()
        for name in (sub.get("url_env"), sub.get("secret_env"))
        if name
    }


def _mounts(service: str) -> dict[str, str]:
    """A service's bind mounts as {container path: host path} (mode suffix dropped)."""
    mounts = {}
    for volume in COMPOSE["services"][service].get("volumes", []):
        host, _, rest = volume.partition(":")
        if rest:
            mounts[rest.split(":")[0]] = host
    return mounts


def test_compose_has_the_full_stack():
    """Broker, topic creation, scalable workers, Prometheus, Grafana and the webhook receiver."""
    services = COMPOSE["services"]
    assert {"kafka", "topics", "worker", "prometheus", "grafana", "receiver"} <= set(services)
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
    """Every WIREWATCH_* variable is a WorkerSettings field or a subscriber's url/secret env."""
    fields = {f"WIREWATCH_{name.upper()}" for name in WorkerSettings.model_fields}
    unknown = set(_worker_env()) - fields - _subscriber_env_names()
    assert not unknown, f"compose sets variables no setting reads: {unknown}"


def test_two_worker_replicas_with_their_own_state():
    """Two workers by default; each replica gets its own RocksDB volume (never a shared one)."""
    worker = COMPOSE["services"]["worker"]
    assert worker["deploy"]["replicas"] == 2
    data_dir = _worker_env()["WIREWATCH_DATA_DIR"]
    assert data_dir in worker["volumes"], "an anonymous volume per replica for RocksDB"
    assert data_dir not in _mounts("worker"), "a named or host volume would be shared"


def test_worker_health_check_probes_healthz_on_the_web_port():
    """Compose's health check asks the worker's /healthz on its web port."""
    test = " ".join(COMPOSE["services"]["worker"]["healthcheck"]["test"])
    assert f"127.0.0.1:{_worker_env()['WIREWATCH_WEB_PORT']}/healthz" in test


def test_worker_mounts_the_alert_rules_file():
    """The rules file is mounted read-only where WIREWATCH_ALERT_RULES points."""
    path = _worker_env()["WIREWATCH_ALERT_RULES"]
    assert _mounts("worker")[path] == "./deploy/alerts/rules.yaml"
    assert any(v.endswith(f"{path}:ro") for v in COMPOSE["services"]["worker"]["volumes"])


def test_receiver_runs_the_sample_webhook_receiver():
    """`wirewatch alerts receive` on all interfaces; a subscriber posts to it, sharing a secret."""
    receiver = COMPOSE["services"]["receiver"]
    command = receiver["command"]
    assert command[:3] == ["wirewatch", "alerts", "receive"]
    options = dict(arg.removeprefix("--").split("=", 1) for arg in command[3:])
    assert options["host"] == "0.0.0.0", "127.0.0.1 is unreachable from the workers"
    port = options["port"]
    assert f"{port}:{port}" in receiver["ports"]
    urls = [v for k, v in _worker_env().items() if k.endswith("_URL")]
    assert f"http://receiver:{port}/" in urls
    secret = options["secret-env"]
    assert secret in _subscriber_env_names() or not ALERT_RULES_FILE.exists()
    assert receiver["environment"][secret] == _worker_env()[secret], "one shared secret"
    assert "receiver" in COMPOSE["services"]["worker"]["depends_on"]


def test_subscriber_secrets_come_from_the_environment():
    """Webhook secrets are interpolated from the operator's environment, never literal."""
    for name, value in _worker_env().items():
        if name.endswith("_SECRET"):
            assert value.startswith("${" + name), f"{name} must come from the environment"


def test_prometheus_mounts_config_and_rules():
    """Prometheus gets prometheus.yml and the rules folder the config's rule_files points into."""
    mounts = _mounts("prometheus")
    assert mounts["/etc/prometheus/prometheus.yml"] == "./deploy/prometheus/prometheus.yml"
    assert mounts["/etc/prometheus/rules"] == "./deploy/prometheus/rules"
    for rule_file in PROMETHEUS["rule_files"]:
        assert rule_file.startswith("rules/")
        assert (REPO_ROOT / "deploy" / "prometheus" / rule_file).is_file()
    config_flag = "--config.file=/etc/prometheus/prometheus.yml"
    assert config_flag in COMPOSE["services"]["prometheus"]["command"]


def test_grafana_mounts_provisioning_and_dashboards():
    """Grafana gets the datasource/dashboard provisioning and the dashboard JSON folder."""
    mounts = _mounts("grafana")
    assert mounts["/etc/grafana/provisioning"] == "./deploy/grafana/provisioning"
    dashboards = mounts["/var/lib/grafana/dashboards/wirewatch"]
    assert dashboards == "./deploy/grafana/dashboards"
    assert (REPO_ROOT / dashboards / "wirewatch.json").is_file()
    datasources = yaml.safe_load(
        (REPO_ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text()
    )
    [source] = datasources["datasources"]
    port = COMPOSE["services"]["prometheus"]["ports"][0].split(":")[-1]
    assert source["url"] == f"http://prometheus:{port}"


def test_every_bind_mount_source_exists():
    """Every ./path a service mounts exists in the repository."""
    for name in COMPOSE["services"]:
        for host in _mounts(name).values():
            if host.startswith("./"):
                assert (REPO_ROOT / host).exists(), f"{name} mounts missing {host}"


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


def test_topics_are_created_before_workers_with_the_workers_settings():
    """Topic creation waits for a healthy broker, uses the workers' env, and workers wait for it."""
    topics = COMPOSE["services"]["topics"]
    assert topics["environment"] == _worker_env()
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    depends = COMPOSE["services"]["worker"]["depends_on"]["topics"]
    assert depends["condition"] == "service_completed_successfully"
    kafka_env = COMPOSE["services"]["kafka"]["environment"]
    assert kafka_env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert kafka_env["KAFKA_NUM_PARTITIONS"] == _worker_env()["WIREWATCH_TOPIC_PARTITIONS"]
