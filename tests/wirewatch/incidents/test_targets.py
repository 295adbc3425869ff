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


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Armed men entered the Kenyan embassy in Mogadishu.", "KE"),
        ("Eggs hit the South African embassy in Harare.", "ZA"),
        ("Protesters gathered at the Sri Lankan high commission in London.", "LK"),
        ("Paint covered the Indonesian consulate in Perth.", "ID"),
    ],
)
def test_adjectives_of_smaller_countries_name_the_country(sentence: str, country: str) -> None:
    """The demonym lexicon covers the world, not only the countries of the corpus."""
    [target] = find_targets(sentence)
    assert target.country == country
