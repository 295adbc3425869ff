"""Dateline parsing across the syndication patterns the corpus README lists."""

from __future__ import annotations

import pytest

from wirewatch.parse.dateline import normalise_city, parse_dateline, standalone_city


@pytest.mark.parametrize(
    ("text", "city", "chain", "agency", "republisher"),
    [
        (
            "WASHINGTON (UrduPoint News / Sputnik - 11th October, 2022) The envoy said.",
            "Washington",
            ["UrduPoint News", "Sputnik"],
            "Sputnik",
            "UrduPoint",
        ),
        (
            "FAISALABAD, (APP - UrduPoint / Pakistan Point News - 5th Dec, 2021 ) :Players won.",
            "Faisalabad",
            ["APP", "UrduPoint", "Pakistan Point News"],
            "APP",
            "UrduPoint",
        ),
        ("MOSCOW, Sept 19 (Reuters) - Russia said.", "Moscow", ["Reuters"], "Reuters", None),
        ("YEREVAN, September 22. /TASS/. The talks began.", "Yerevan", ["TASS"], "TASS", None),
        ("ТАЛЛИН, 17 января. /ТАСС/. Посольство получило.", "Tallinn", ["ТАСС"], "TASS", None),
        ("Moscow (AFP) – Russia said Saturday.", "Moscow", ["AFP"], "AFP", None),
        ("Tehran, IRNA – Iran summoned the envoy.", "Tehran", ["IRNA"], "IRNA", None),
    ],
)
def test_known_dateline_forms(
    text: str, city: str, chain: list[str], agency: str, republisher: str | None
) -> None:
    """Each wire dateline form yields its city, credited chain, agency and republisher."""
    found = parse_dateline(text)
    assert found is not None
    assert (found.city, found.chain, found.agency, found.republisher) == (
        city,
        chain,
        agency,
        republisher,
    )


def test_mangled_dateline_is_repaired() -> None:
    """A dateline with a duplicated, split city still gives the intended city and clean lede."""
    found = parse_dateline(
        "T. PETERST. PETERSBURG (Pakistan Point news / Sputnik - 20th September, 2022) BURG "
        "Cargo turnover grew."
    )
    assert found is not None
    assert found.city == "St. Petersburg"
    assert found.rest == "Cargo turnover grew."


def test_afp_style_urdupoint_dateline_has_no_agency_in_chain() -> None:
    """The AFP-style UrduPoint dateline credits only the republisher in its chain."""
    found = parse_dateline("Moscow, (UrduPoint / Pakistan Point News - 23rd Jan, 2021 ) :Russia")
    assert found is not None
    assert (found.city, found.agency, found.republisher) == ("Moscow", None, "UrduPoint")
    assert found.rest == "Russia"


@pytest.mark.parametrize(
    "text",
    [
        "Montreal police are investigating after someone threw a bottle.",
        "Passers-by on Drammensveien stopped to take photos on Tuesday.",
        "The Russian side (the ministry said) was not satisfied.",
    ],
)
def test_ordinary_ledes_have_no_dateline(text: str) -> None:
    """A lede that merely starts with a place name is not a dateline."""
    assert parse_dateline(text) is None


def test_standalone_city_line() -> None:
    """An all-caps city printed on its own line is a dateline; a word in caps is not."""
    assert standalone_city("BELGRADE") == "Belgrade"
    assert standalone_city("ADVERTISEMENT") is None


def test_city_normalisation_keeps_printed_name_in_title_case() -> None:
    """Upper-case cities become title case; Cyrillic names become their English names."""
    assert normalise_city("ST. PETERSBURG") == "St. Petersburg"
    assert normalise_city("МОСКВА") == "Moscow"
