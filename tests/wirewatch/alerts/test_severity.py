"""Severity scoring: type order, injuries and repeated incidents at one target."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.wirewatch.alerts.incidents import T0, incident
from wirewatch.alerts.rules import SeverityPolicy
from wirewatch.alerts.severity import TargetHistory, rank, score

POLICY = SeverityPolicy()


def test_base_order_is_bombing_attack_vandalism_protest():
    """bombing > attack = arson_attempt > vandalism > protest > diplomatic_protest."""
    levels = {
        kind: rank(score(incident(type=kind), 0, POLICY))
        for kind in ("bombing", "attack", "arson_attempt", "vandalism", "protest", "expulsion")
    }
    assert levels["bombing"] > levels["attack"] == levels["arson_attempt"]
    assert levels["attack"] > levels["vandalism"] > levels["protest"] > levels["expulsion"]


@pytest.mark.parametrize(
    ("others", "expected"), [(0, "medium"), (1, "high"), (2, "high"), (3, "critical")]
)
def test_repeat_incidents_raise_severity(others, expected):
    """Vandalism is medium, +1 with one other incident at the target, +2 with three."""
    assert score(incident(type="vandalism"), others, POLICY) == expected


def test_injuries_raise_one_level_and_critical_is_the_cap():
    """Injuries add a level; a bombing with injuries stays critical."""
    assert score(incident(type="protest", injuries=True), 0, POLICY) == "medium"
    assert score(incident(type="bombing", injuries=True), 5, POLICY) == "critical"


def test_target_history_counts_other_incidents_within_the_window_only():
    """Only other incidents at the same target within repeat_window count; updates do not."""
    history = TargetHistory({}, POLICY)
    assert history.observe(incident("i1", type="vandalism")) == 0
    assert history.observe(incident("i1", revision=2, type="vandalism")) == 0
    assert history.observe(incident("i2", at=T0 + dt.timedelta(days=3))) == 1
    assert history.observe(incident("i3", at=T0 + dt.timedelta(days=90))) == 0
    elsewhere = incident("i4", city="Toronto")
    assert history.observe(elsewhere) == 0


def test_protests_at_a_target_do_not_count_as_repeat_attacks():
    """A blockade at the embassy does not raise the severity of an arson attempt there."""
    history = TargetHistory({}, POLICY)
    assert history.observe(incident("blk", type="blockade")) == 0
    assert history.severity(incident("arson", revision=2)) == "high"
