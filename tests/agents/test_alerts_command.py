"""`wirewatch alerts`: tail filters and rendering, and the CLI wiring."""

from __future__ import annotations

import datetime as dt

from rich.console import Console

from agents.alerts_command import alert_passes, render_alert
from agents.cli import build_parser
from schemas.alert import Alert, AlertedIncident
from tests.wirewatch.alerts.incidents import T0, incident
from wirewatch.alerts import AlertEngine, parse_rules
from wirewatch.state import in_memory_stores

RULES = """
subscribers:
  desk: {url: "https://desk.example.org/", secret_env: S}
rules:
  - {name: canada, match: {countries: [CA]}, subscribers: [desk], group_wait: 0s}
"""


def ottawa_alert() -> Alert:
    """The alert the engine makes for the Ottawa Molotov incident."""
    engine = AlertEngine(parse_rules(RULES), in_memory_stores(AlertEngine.STORE_NAMES))
    [alert] = engine.on_incident(incident(), T0)
    return alert


def tail_args(*argv: str):
    """Parsed `wirewatch alerts tail` arguments."""
    return build_parser().parse_args(["alerts", "tail", *argv])


def test_filters_by_type_country_subscriber_and_severity():
    """Each filter admits the Ottawa alert when it matches and rejects it otherwise."""
    alert = ottawa_alert()
    assert alert_passes(alert, tail_args())
    assert alert_passes(alert, tail_args("--type", "arson_attempt", "--country", "ca"))
    assert alert_passes(alert, tail_args("--subscriber", "desk", "--min-severity", "high"))
    assert not alert_passes(alert, tail_args("--type", "protest"))
    assert not alert_passes(alert, tail_args("--country", "FR"))
    assert not alert_passes(alert, tail_args("--subscriber", "other"))
    assert not alert_passes(alert, tail_args("--min-severity", "critical"))


def test_render_shows_title_place_and_evidence():
    """The rich panel holds the title, the city and the first evidence sentence."""
    console = Console(record=True, width=120)
    console.print(render_alert(ottawa_alert()))
    text = console.export_text()
    assert "Russian Embassy" in text
    assert "Ottawa" in text
    assert "Molotov" in text


def test_receive_requires_port_and_secret_env():
    """`alerts receive` parses its port and the name of the secret's env var."""
    args = build_parser().parse_args(["alerts", "receive", "--port", "9000", "--secret-env", "S"])
    assert (args.port, args.secret_env) == (9000, "S")


def test_alerted_incident_round_trips_as_json():
    """An alert survives the JSON codec unchanged (what tail decodes)."""
    alert = ottawa_alert()
    assert Alert.model_validate_json(alert.model_dump_json()) == alert
    assert isinstance(alert.incidents[0], AlertedIncident)
    assert alert.created_at == T0.astimezone(dt.UTC)
