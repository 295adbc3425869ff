"""WorkerSettings read WIREWATCH_* variables, including nested stage sections."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agents.settings import WorkerSettings


def test_settings_read_environment(monkeypatch):
    """Top-level variables override the defaults."""
    monkeypatch.setenv("WIREWATCH_BROKER", "kafka://10.1.2.3:9092")
    monkeypatch.setenv("WIREWATCH_TOPIC_PARTITIONS", "8")
    settings = WorkerSettings()
    assert settings.broker == "kafka://10.1.2.3:9092"
    assert settings.topic_partitions == 8


def test_nested_stage_settings_use_double_underscore(monkeypatch):
    """WIREWATCH_DEDUP__<FIELD> reaches the dedup stage's settings through pipeline_settings()."""
    monkeypatch.setenv("WIREWATCH_DEDUP__RETENTION_DAYS", "7")
    assert WorkerSettings().pipeline_settings().dedup.retention_days == 7


def test_bootstrap_servers_strip_the_scheme():
    """Several kafka:// URLs become an aiokafka bootstrap list."""
    settings = WorkerSettings(broker="kafka://a:9092;kafka://b:9092")
    assert settings.bootstrap_servers == "a:9092,b:9092"


def test_invalid_values_are_rejected(monkeypatch):
    """A zero partition count fails validation instead of starting a broken worker."""
    monkeypatch.setenv("WIREWATCH_TOPIC_PARTITIONS", "0")
    with pytest.raises(ValidationError):
        WorkerSettings()


def test_a_sequencer_batch_must_have_a_timeout(monkeypatch):
    """A zero batch wait is refused: Faust's take() without a timeout waits for a full batch."""
    monkeypatch.setenv("WIREWATCH_LINK_BATCH_WITHIN_MS", "0")
    with pytest.raises(ValidationError):
        WorkerSettings()


def test_every_setting_is_documented_in_the_readme():
    """Each top-level WIREWATCH_* variable appears in the README's configuration table."""
    from tests.shared_data import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text()
    missing = [
        f"WIREWATCH_{name.upper()}"
        for name in WorkerSettings.model_fields
        if f"WIREWATCH_{name.upper()}" not in readme
    ]
    assert not missing
