"""Pattern extraction: types, targets, places, dates, negation and reported speech."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.wirewatch.incidents.articles import DAY_REPORT, article
from wirewatch.incidents.extract import extract_incidents, reference_date
from wirewatch.incidents.settings import IncidentSettings

SETTINGS = IncidentSettings()


def _extract(*paragraphs: str, **kwargs: object) -> list[tuple[str, str | None, str, str | None]]:
    parsed = article("a1", list(paragraphs), **kwargs)  # type: ignore[arg-type]
    return [
        (
            c.type,
            c.location.city,
            c.location.country,
            c.event_date.value if c.event_date else None,
        )
        for c in extract_incidents(parsed, parsed.paragraphs, SETTINGS)
    ]


@pytest.mark.parametrize(
    ("text", "expected_type", "city"),
    [
        ("Vandals splashed red paint on the Polish embassy in Kyiv on Monday.", "vandalism", None),
        (
            "A car rammed the gate of the Israeli embassy in Athens on Monday.",
            "vehicle_ramming",
            "Athens",
        ),
        ("A bomb exploded outside the Turkish consulate in Milan on Monday.", "bombing", "Milan"),
        (
            "Hackers knocked the Latvian embassy in Oslo offline in a DDoS attack on Monday.",
            "cyberattack",
            "Oslo",
        ),
        (
            "The Swedish embassy in Madrid received a threatening letter on Monday.",
            "threat",
            "Madrid",
        ),
        (
            "Spain declared a diplomat of the Chinese embassy in Madrid persona non grata on "
            "Monday.",
            "expulsion",
            "Madrid",
        ),
        (
            "About 50 people protested outside the Qatari embassy in Rome on Monday.",
            "protest",
            "Rome",
        ),
        (
            "Activists blocked the entrance to the Dutch consulate in Munich on Monday.",
            "blockade",
            "Munich",
        ),
    ],
)
def test_types_from_general_patterns(text: str, expected_type: str, city: str | None) -> None:
    """Each incident type is recognised from a plain news sentence."""
    found = _extract(text)
    assert [f[0] for f in found] == [expected_type]
    if city is not None:
        assert found[0][1] == city


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Youths threw stones at the US embassy in Baghdad on Sunday.", ["vandalism"]),
        (
            "A crowd broke into the Danish embassy in Beirut and set it on fire on Sunday.",
            ["arson_attempt"],
        ),
        ("Thousands of people rallied in Paris on Saturday against the new law.", ["protest"]),
        ("A lorry crashed into a bridge near Lahore on Monday, killing the driver.", []),
        ("The central bank summoned the heads of three lenders in Islamabad on Monday.", []),
        ("Shares in Embassy Group rose 3% in Mumbai on Monday.", []),
        (
            "A man drove a rented pickup truck into the fence of the Greek embassy in Sofia "
            "on Monday.",
            ["vehicle_ramming"],
        ),
        ("Van rams gate of Mexican consulate in Denver on Tuesday.", ["vehicle_ramming"]),
        ("She drove a small delivery van into a ditch near Leeds on Monday.", []),
        (
            "HELSINKI - A parcel holding an unknown powder reached the Russian trade mission in "
            "Helsinki, and staff left the building, the Russian ambassador to Finland told "
            "reporters on Monday.",
            ["threat"],
        ),
        (
            "Protesters blocked the gate of Brazil's permanent mission in Geneva on Monday.",
            ["blockade"],
        ),
        ("The Russian trade mission in Helsinki will open a new office on Monday.", []),
        (
            "Police defused an explosive device left near the Dutch embassy in Accra on Monday.",
            ["bombing"],
        ),
        ("Negotiators defused the row over fishing quotas in Oslo on Monday.", []),
        (
            "Protesters pelted the Italian embassy in Tunis with eggs and stones on Monday.",
            ["vandalism"],
        ),
        ("Fans pelted the referee with plastic cups in Madrid on Monday.", []),
        ("Gunshots were fired at the Chilean embassy in Lima early on Monday.", ["attack"]),
        ("Swastikas were daubed on the Austrian consulate in Krakow on Monday.", ["vandalism"]),
        ("A museum in Vienna showed uniforms with swastikas from the 1940s on Monday.", []),
        (
            "Activists chained themselves to the gates of the Norwegian embassy in Rome on Monday.",
            ["protest"],
        ),
        (
            "Estonia ordered the Belarusian ambassador to leave Tallinn within three days on "
            "Monday.",
            ["expulsion"],
        ),
        ("A drone crashed into the yard of the Latvian embassy in Minsk on Monday.", ["attack"]),
        ("Mortar rounds landed near the Italian embassy in Tripoli on Monday.", ["attack"]),
        ("The Finnish embassy in Kyiv said on Monday that drones struck the city overnight.", []),
        ("Rockets landed near the airport in Erbil on Monday.", []),
        ("Drones hit an oil depot in Bryansk on Monday, the Latvian embassy in Minsk said.", []),
        ("Armed men broke into the Kenyan embassy in Mogadishu on Monday.", ["attack"]),
        ("Burglars broke into a bakery near the Greek embassy in Sofia on Monday.", []),
        (
            "A crowd stormed the Dutch embassy in Khartoum and set it on fire on Monday.",
            ["arson_attempt"],
        ),
        ("A man threw a smoke grenade at the Thai embassy in Yangon on Monday.", ["attack"]),
        ("Fans threw smoke grenades onto the pitch in Zagreb on Monday.", []),
        (
            "A grenade was thrown into the courtyard of the Omani consulate in Aden on Monday.",
            ["bombing"],
        ),
        ("Students picketed the Chilean embassy in Lima on Monday.", ["protest"]),
        (
            "An envelope containing two bullets reached the Peruvian embassy in Quito on Monday.",
            ["threat"],
        ),
        ("A letter with a bullet-point agenda reached the embassy in Quito on Monday.", []),
        ("Protesters tore down the flag at the Malian embassy in Dakar on Monday.", ["vandalism"]),
        ("Workers pulled down the old flag after the ceremony in Riga on Monday.", []),
        (
            "Ghana recalled its ambassador from Lome for consultations on Monday.",
            ["diplomatic_protest"],
        ),
        ("The carmaker recalled its vans in Seoul on Monday.", []),
        ("The minister recalled the ambassador's visit to Lima on Monday.", []),
        (
            "MOSCOW, October 10 (Sputnik) - The UK has expelled Russian diplomats before, the "
            "spokesman told reporters on Monday.",
            [],
        ),
        (
            "MOSCOW, October 10 (Sputnik) - Lavrov said on Monday that the expulsion of "
            "diplomats harms dialogue.",
            [],
        ),
        ("The minister recalled her ambassador's warning in Lima on Monday.", []),
        (
            "Unknown people doused the gates of the Swiss embassy in Minsk with paint on Monday.",
            ["vandalism"],
        ),
        (
            "A truck crashed through the gates of the Polish embassy in Vilnius on Monday.",
            ["vehicle_ramming"],
        ),
        ("A truck crashed through a barrier on the highway near Cork on Monday.", []),
        ("The Czech embassy in Skopje was attacked by a group of men on Monday.", ["attack"]),
        ("Masked youths attacked the Slovak consulate in Uzhhorod on Monday.", ["attack"]),
        ("The minister attacked the embassy's statement as misleading on Monday.", []),
    ],
)
def test_general_news_sentences(text: str, expected: list[str]) -> None:
    """Common phrasings outside the corpus: true incidents found, look-alikes ignored."""
    assert [f[0] for f in _extract(text)] == expected


def test_summons_is_placed_where_the_ambassador_was_summoned() -> None:
    """A summons is a diplomatic_protest in the summoning capital."""
    found = _extract("Russia's foreign ministry summoned Finland's ambassador on Monday.")
    assert found == [("diplomatic_protest", "Moscow", "RU", "2022-10-10")]


def test_no_one_was_hurt_is_not_a_casualty() -> None:
    """Negated casualties and arrests are reported as False, not True."""
    parsed = article(
        "a1",
        [
            "Unknown people smashed windows of the Greek consulate in Lyon on Sunday.",
            "No one was hurt, and none of the perpetrators were apprehended.",
        ],
    )
    (cand,) = extract_incidents(parsed, parsed.paragraphs, SETTINGS)
    assert cand.harm.injuries is False
    assert cand.harm.arrests is False


def test_injury_and_arrest_are_reported() -> None:
    """Affirmed casualties and arrests are True."""
    parsed = article(
        "a1",
        [
            "A man attacked a guard with a knife outside the Austrian embassy in Rome on Sunday.",
            "The guard was injured and the attacker was arrested.",
        ],
    )
    (cand,) = extract_incidents(parsed, parsed.paragraphs, SETTINGS)
    assert (cand.type, cand.harm.injuries, cand.harm.arrests) == ("attack", True, True)


def test_general_complaint_creates_nothing() -> None:
    """A complaint listing past attacks without a target or date is not an incident."""
    assert (
        _extract(
            '"They throw eggs, Molotov cocktails, and none of the perpetrators are ever caught," '
            "the envoy said."
        )
        == []
    )


def test_demand_for_security_is_not_an_attack() -> None:
    """A demand to protect missions from attacks does not report one."""
    assert (
        _extract(
            "The ministry demanded that Canada protect Russian diplomatic missions "
            "from any attacks."
        )
        == []
    )


def test_hypothetical_attack_is_not_news() -> None:
    """ "could set fire to" is a fear, not an event."""
    assert _extract("Staff fear that someone could set fire to the Russian embassy in Oslo.") == []


def test_old_event_is_background() -> None:
    """An event a year before the report is background, not news."""
    assert _extract("In May 2021, the Russian embassy in Oslo was splashed with red paint.") == []


def test_repeated_mentions_give_one_candidate() -> None:
    """However often the Molotov cocktail is mentioned, one incident results."""
    found = _extract(
        *DAY_REPORT, "The Molotov cocktail attack on the Russian embassy in Ottawa was condemned."
    )
    assert found == [("arson_attempt", "Ottawa", "CA", "2022-09-12")]


def test_reference_date_falls_back_to_fetched_at() -> None:
    """Without published_at or dateline, relative dates count from fetched_at."""
    parsed = article(
        "a1", ["x"], published=None, fetched=dt.datetime(2022, 10, 20, 8, 0, tzinfo=dt.UTC)
    )
    assert reference_date(parsed) == dt.date(2022, 10, 20)


def test_only_new_paragraphs_produce_evidence() -> None:
    """For an update, only the new paragraphs are evidence; the rest is context."""
    old = "Unknown people smashed windows of the Greek consulate in Lyon on Sunday."
    new = "Vandals also sprayed graffiti on the Italian consulate in Lyon on Sunday."
    parsed = article("a1", [old, new])
    found = extract_incidents(parsed, [new], SETTINGS)
    assert [c.target.name if c.target else None for c in found] == ["Italian Consulate"]


def test_russian_report_is_extracted() -> None:
    """A Russian-language report of an incendiary bottle is an arson_attempt in Montreal."""
    found = _extract(
        "Неизвестный бросил бутылку с зажигательной смесью на территорию генерального "
        "консульства России в Монреале, пострадавших нет.",
        "Вчера около 22.50 неизвестный перебросил через ограждение бутылку с горючей жидкостью.",
    )
    assert found == [("arson_attempt", "Montreal", "CA", "2022-10-10")]
