"""deploy/k8s agrees with Kubernetes' schemas, with itself, and with the worker settings."""

from __future__ import annotations

import copy
import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from agents.settings import WorkerSettings
from tests.shared_data import REPO_ROOT

K8S = REPO_ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.33.0"

MANIFEST_FILES = sorted(p for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
DOCS = [doc for path in MANIFEST_FILES for doc in yaml.safe_load_all(path.read_text()) if doc]
KINDS = {
    "Namespace": "v1",
    "ConfigMap": "v1",
    "Service": "v1",
    "StatefulSet": "apps/v1",
    "PodDisruptionBudget": "policy/v1",
    "Job": "batch/v1",
}


def _one(kind: str, name: str | None = None) -> dict:
    [doc] = [d for d in DOCS if d["kind"] == kind and name in (None, d["metadata"]["name"])]
    return doc


STATEFULSET = _one("StatefulSet")
POD = STATEFULSET["spec"]["template"]["spec"]
[WORKER] = POD["containers"]
ENV = _one("ConfigMap", "wirewatch-env")["data"]


def _kubernetes_validate() -> ModuleType:
    """The kubernetes-validate package (bundled schemas); absent it skips, but fails in CI."""
    try:
        return importlib.import_module("kubernetes_validate")
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("kubernetes-validate is a dev dependency; CI must have it")
        pytest.skip("pip install kubernetes-validate")
        raise


def _port(container: dict, name_or_number: str | int) -> int:
    if isinstance(name_or_number, int):
        return name_or_number
    [port] = [p for p in container["ports"] if p["name"] == name_or_number]
    return int(port["containerPort"])


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_manifest_is_valid_against_the_kubernetes_schema(doc):
    """Every manifest validates strictly (unknown fields are errors) against Kubernetes 1.33."""
    kv = _kubernetes_validate()
    kv.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_schema_check_catches_a_misspelt_field():
    """The strict validation is real: a typo in a field name is rejected."""
    kv = _kubernetes_validate()
    broken = copy.deepcopy(STATEFULSET)
    broken["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {}
    with pytest.raises(kv.ValidationError):
        kv.validate(broken, KUBERNETES_VERSION, strict=True)


def test_api_versions_kinds_and_names():
    """Only the expected kinds, each with its stable apiVersion, a name and the namespace."""
    for doc in DOCS:
        assert KINDS[doc["kind"]] == doc["apiVersion"], doc["kind"]
        assert doc["metadata"]["name"]
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == _one("Namespace")["metadata"]["name"]
    assert {doc["kind"] for doc in DOCS} == set(KINDS)


def test_kustomization_lists_every_manifest():
    """`kubectl apply -k deploy/k8s` applies every manifest in the folder."""
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == sorted(p.name for p in MANIFEST_FILES)


def test_selectors_match_the_pod_labels():
    """The StatefulSet, both Services and the PDB select exactly the worker pods."""
    labels = STATEFULSET["spec"]["template"]["metadata"]["labels"]
    selectors = [STATEFULSET["spec"]["selector"]["matchLabels"]]
    selectors += [d["spec"]["selector"] for d in DOCS if d["kind"] == "Service"]
    selectors.append(_one("PodDisruptionBudget")["spec"]["selector"]["matchLabels"])
    for selector in selectors:
        assert selector
        assert selector.items() <= labels.items()


def test_statefulset_has_a_headless_governing_service():
    """serviceName names a headless Service (clusterIP None) for stable pod DNS names."""
    service = _one("Service", STATEFULSET["spec"]["serviceName"])
    assert service["spec"]["clusterIP"] == "None"


def test_rocksdb_lives_on_a_volume_claim_template_at_the_data_dir():
    """Each worker's RocksDB folder (WIREWATCH_DATA_DIR) is its own persistent volume."""
    [claim] = STATEFULSET["spec"]["volumeClaimTemplates"]
    [mount] = [m for m in WORKER["volumeMounts"] if m["name"] == claim["metadata"]["name"]]
    assert mount["mountPath"] == ENV["WIREWATCH_DATA_DIR"]
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert claim["spec"]["resources"]["requests"]["storage"]


def test_ports_agree_with_the_web_port_setting():
    """Container, Services, probes and the scrape annotation all use WIREWATCH_WEB_PORT."""
    web_port = int(ENV["WIREWATCH_WEB_PORT"])
    assert WorkerSettings(web_port=web_port).web_port == web_port
    assert ENV["WIREWATCH_WEB_HOST"] == "0.0.0.0", "probes and Prometheus come from outside"
    assert _port(WORKER, "http") == web_port
    for service in (d for d in DOCS if d["kind"] == "Service"):
        for port in service["spec"]["ports"]:
            assert port["port"] == web_port
            assert _port(WORKER, port["targetPort"]) == web_port
    annotations = _one("Service", "wirewatch-metrics")["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == str(web_port)
    assert annotations["prometheus.io/path"] == "/metrics"


@pytest.mark.parametrize("probe", ["startupProbe", "livenessProbe", "readinessProbe"])
def test_probes_ask_healthz_on_the_web_port(probe):
    """Probes GET /healthz, which agents/views.py serves on the web port."""
    get = WORKER[probe]["httpGet"]
    assert get["path"] == "/healthz"
    assert _port(WORKER, get["port"]) == int(ENV["WIREWATCH_WEB_PORT"])


def test_every_container_has_requests_and_limits():
    """Workers and the topic job declare CPU and memory requests and limits."""
    job_pod = _one("Job")["spec"]["template"]["spec"]
    for container in POD["containers"] + job_pod["containers"]:
        for kind in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][kind]), container["name"]


def test_env_names_are_real_worker_settings():
    """Every WIREWATCH_* variable in the ConfigMap and the pods is a WorkerSettings field."""
    fields = {f"WIREWATCH_{name.upper()}" for name in WorkerSettings.model_fields}
    names = set(ENV) | {e["name"] for e in WORKER.get("env", [])}
    unknown = names - fields
    assert not unknown, f"variables no setting reads: {unknown}"
    settings = WorkerSettings(**{k.removeprefix("WIREWATCH_").lower(): v for k, v in ENV.items()})
    assert settings.standby_replicas >= 1, "the sequencer needs a standby for fast failover"


def test_alert_rules_configmap_is_mounted_at_the_rules_path():
    """The rules ConfigMap is mounted (no subPath: edits propagate) at WIREWATCH_ALERT_RULES."""
    rules_path = Path(ENV["WIREWATCH_ALERT_RULES"])
    [volume] = [v for v in POD["volumes"] if "configMap" in v]
    configmap = _one("ConfigMap", volume["configMap"]["name"])
    assert rules_path.name in configmap["data"]
    [mount] = [m for m in WORKER["volumeMounts"] if m["name"] == volume["name"]]
    assert mount["mountPath"] == str(rules_path.parent)
    assert mount["readOnly"] is True
    assert "subPath" not in mount


def test_alert_rules_configmap_is_fresh():
    """configmap-alert-rules.yaml holds exactly deploy/alerts/rules.yaml."""
    result = subprocess.run(
        [sys.executable, str(K8S / "render_alert_rules.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = _one("ConfigMap", "wirewatch-alert-rules")["data"]
    assert data["rules.yaml"] == (REPO_ROOT / "deploy" / "alerts" / "rules.yaml").read_text()


def test_topic_job_runs_topics_create_with_the_workers_settings():
    """The Job runs `wirewatch topics create` with the same ConfigMap and image as the workers."""
    [container] = _one("Job")["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["wirewatch", "topics", "create"]
    assert container["image"] == WORKER["image"]
    config_refs = [e for e in container["envFrom"] if "configMapRef" in e]
    assert config_refs == [e for e in WORKER["envFrom"] if "configMapRef" in e]


def test_pdb_keeps_a_standby_for_the_sequencer():
    """With the PDB, a drain never takes more than one worker; replicas exceed standbys."""
    pdb = _one("PodDisruptionBudget")["spec"]
    assert pdb["maxUnavailable"] == 1
    assert STATEFULSET["spec"]["replicas"] > int(ENV["WIREWATCH_STANDBY_REPLICAS"])
