"""Rules files: validation errors name the YAML line and say how to fix it."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.alerts import DEFAULT_RULES_PATH, RulesError, load_rules, parse_rules

GOOD = """\
subscribers:
  desk:
    url: https://desk.example.org/hook
    secret_env: DESK_SECRET
rules:
  - name: canada
    match:
      countries: [CA]
    subscribers: [desk]
    group_wait: 30s
"""


def problems(text: str) -> list[str]:
    """The problems parse_rules reports for `text`."""
    with pytest.raises(RulesError) as info:
        parse_rules(text, "rules.yaml")
    return info.value.problems


def test_default_rules_file_is_valid():
    """deploy/alerts/rules.yaml loads and has the Canada and Europe rules."""
    names = {rule.name for rule in load_rules(DEFAULT_RULES_PATH).rules}
    assert {"russian-missions-canada", "protests-europe"} <= names


def test_durations_parse_with_units():
    """`30s` becomes 30 seconds."""
    assert parse_rules(GOOD).rules[0].group_wait == dt.timedelta(seconds=30)


def test_unknown_incident_type_names_the_line_and_allowed_values():
    """A misspelt type is reported at its line with the allowed values."""
    [problem] = problems(GOOD.replace("countries: [CA]", "types: [atack]"))
    assert problem.startswith("rules.yaml:8: rules[0].match.types[0]:")
    assert "'attack'" in problem
    assert "Fix:" in problem


def test_misspelt_key_lists_the_allowed_keys():
    """An unknown key says which keys are allowed there."""
    [problem] = problems(GOOD.replace("group_wait: 30s", "group_wiat: 30s"))
    assert problem.startswith("rules.yaml:10: rules[0].group_wiat:")
    assert "group_wait" in problem


def test_bad_duration_says_how_to_write_one():
    """A duration without a known unit explains the format."""
    [problem] = problems(GOOD.replace("30s", "thirty seconds"))
    assert problem.startswith("rules.yaml:10:")
    assert "30s, 5m, 1h or 7d" in problem


def test_unknown_subscriber_reference_names_the_line():
    """A rule naming an undefined subscriber points at that list item."""
    [problem] = problems(GOOD.replace("subscribers: [desk]", "subscribers: [dsk]"))
    assert problem.startswith("rules.yaml:9: rules[0].subscribers[0]:")
    assert "desk" in problem


def test_missing_secret_env_asks_to_add_it():
    """A subscriber without secret_env is told to add it."""
    [problem] = problems(GOOD.replace("    secret_env: DESK_SECRET\n", ""))
    assert problem.startswith("rules.yaml:2: subscribers.desk.secret_env:")
    assert "add `secret_env:`" in problem


def test_yaml_syntax_error_names_the_line():
    """Broken YAML reports the line of the syntax problem."""
    [problem] = problems("rules:\n  - name: [unclosed\n")
    assert problem.startswith("rules.yaml:3:")
    assert "YAML syntax" in problem
