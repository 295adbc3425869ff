"""build_deliveries: which subscribers get a delivery loop."""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from agents.deliver_webhooks import build_deliveries
from agents.metrics import WirewatchMetrics
from agents.settings import WorkerSettings
from wirewatch.alerts import parse_rules

RULES = """
subscribers:
  fixed: {url: "https://a.example.org/", secret_env: A_SECRET}
  from-env: {url_env: B_URL, secret_env: B_SECRET}
  no-secret: {url: "https://c.example.org/", secret_env: C_SECRET}
"""


async def _noop(letter):
    return None


async def test_only_subscribers_with_url_and_secret_get_a_delivery_loop():
    """url_env unset means topic-only; a missing secret disables the subscriber (not logged)."""
    metrics = WirewatchMetrics.create(CollectorRegistry())
    env = {"A_SECRET": "a", "B_SECRET": "b"}
    names = [
        d.name for d in build_deliveries(parse_rules(RULES), WorkerSettings(), _noop, metrics, env)
    ]
    assert names == ["fixed"]
    env["B_URL"] = "https://b.example.org/"
    names = [
        d.name for d in build_deliveries(parse_rules(RULES), WorkerSettings(), _noop, metrics, env)
    ]
    assert names == ["fixed", "from-env"]
