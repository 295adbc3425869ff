"""Offline geocoding and country lookups."""

from __future__ import annotations

from wirewatch.incidents.gazetteer import capital, country_code, find_city, find_city_russian
from wirewatch.incidents.targets import find_targets, target_model
from wirewatch.incidents.text import find_places, split_sentences


def test_city_lookup_folds_accents_and_aliases() -> None:
    """Montreal, Frankfurt and Thessaloniki resolve with their ISO countries."""
    assert (find_city("Montreal") or capital("XX")) is not None
    montreal, frankfurt = find_city("Montreal"), find_city("Frankfurt")
    assert montreal is not None
    assert montreal.country == "CA"
    assert frankfurt is not None
    assert frankfurt.country == "DE"
    thessaloniki = find_city("Thessaloniki")
    assert thessaloniki is not None
    assert thessaloniki.lat is not None


def test_russian_locative_resolves() -> None:
    """ "в Монреале" names Montreal."""
    place = find_city_russian("Монреале")
    assert place is not None
    assert place.city == "Montreal"


def test_demonyms_and_possessives_map_to_iso() -> None:
    """Adjectives, possessives and aliases give alpha-2 codes."""
    assert country_code("Russian") == "RU"
    assert country_code("Finland's") == "FI"
    assert country_code("the Islamic Republic") == "IR"


def test_capital_of_country() -> None:
    """An embassy "in Slovenia" sits in Ljubljana."""
    place = capital("SI")
    assert place is not None
    assert place.city == "Ljubljana"


def test_street_names_are_not_cities() -> None:
    """ "Sherbrooke Street" is a street in Montreal, not the city of Sherbrooke."""
    assert find_places("He fled toward Sherbrooke Street.", frozenset({"CA"})) == []


def test_old_names_are_not_matched() -> None:
    """A Molotov cocktail is not in Perm (Molotov was Perm's Soviet name)."""
    assert find_places("a Molotov cocktail was thrown", frozenset({"RU"})) == []


def test_targets_get_represented_country() -> None:
    """ "Russian Embassy", "Iran's Consulate General" and "Embassy of ..." carry the country."""
    text = (
        "Iran's Consulate General, the Russian embassy and the Embassy of the Republic of Belarus"
    )
    names = [target_model(t, t.country).name for t in find_targets(text)]
    assert names == ["Iranian Consulate General", "Russian Embassy", "Belarusian Embassy"]


def test_sentences_keep_abbreviations() -> None:
    """ "Sept." and "a.m." do not end sentences."""
    text = "It went off at 3 a.m. on Sept. 12 in the city. Nobody was hurt."
    assert len(split_sentences(text)) == 2
