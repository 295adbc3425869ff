"""wirewatch/incidents/targets.py: diplomatic targets and the country they represent."""

from __future__ import annotations

import pytest

from wirewatch.incidents.targets import find_targets


@pytest.mark.parametrize(
    ("sentence", "kind", "country"),
    [
        ("Eggs hit the Russian trade mission in Helsinki.", "mission", "RU"),
        ("Farmers marched to Brazil's permanent mission in Geneva.", "mission", "BR"),
        ("Paint covered the new Turkish embassy in Oslo.", "embassy", "TR"),
    ],
)
def test_a_descriptor_between_country_and_noun_keeps_the_country(
    sentence: str, kind: str, country: str
) -> None:
    """ "Russian trade mission" and "permanent mission" name the country's mission."""
    [target] = find_targets(sentence)
    assert (target.kind, target.country) == (kind, country)


def test_a_trade_delegation_without_a_mission_noun_is_no_target() -> None:
    """A trade word alone is not a diplomatic target."""
    assert find_targets("The Russian trade delegation met buyers in Helsinki.") == []
