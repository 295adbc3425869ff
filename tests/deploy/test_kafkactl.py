"""deploy/kafka/kafkactl.py: the broker's cluster id is always a valid storage-tool argument."""

from __future__ import annotations

import base64
import importlib.util
import uuid
from pathlib import Path

import pytest

KAFKACTL = Path(__file__).resolve().parents[2] / "deploy" / "kafka" / "kafkactl.py"


@pytest.fixture(scope="module")
def kafkactl():
    """The kafkactl script, loaded as a module (it is not in a package)."""
    spec = importlib.util.spec_from_file_location("kafkactl", KAFKACTL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cluster_id_never_starts_with_a_dash(kafkactl, monkeypatch):
    """A draw that would start with '-' (read as an option by the storage tool) is redrawn."""
    draws = iter([uuid.UUID(bytes=b"\xf8" + bytes(15)), uuid.UUID(bytes=b"\x10" * 16)])
    monkeypatch.setattr(kafkactl.uuid, "uuid4", lambda: next(draws))
    cluster_id = kafkactl.new_cluster_id()
    assert cluster_id == "EBAQEBAQEBAQEBAQEBAQEA"


def test_cluster_ids_are_22_url_safe_characters(kafkactl):
    """Like Kafka's Uuid: 16 random bytes in URL-safe base64 without padding."""
    ids = {kafkactl.new_cluster_id() for _ in range(500)}
    assert len(ids) == 500
    for cluster_id in ids:
        assert len(cluster_id) == 22
        assert not cluster_id.startswith("-")
        assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16
