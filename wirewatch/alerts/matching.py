"""Does an incident, at a severity, satisfy a rule's match?"""

from __future__ import annotations

import re

from schemas.alert import Severity
from schemas.incident import IncidentEvent
from wirewatch.alerts.rules import Match
from wirewatch.alerts.severity import fold, rank

REGIONS: dict[str, frozenset[str]] = {
    "europe": frozenset(
        {
            "AD",
            "AL",
            "AT",
            "BA",
            "BE",
            "BG",
            "BY",
            "CH",
            "CY",
            "CZ",
            "DE",
            "DK",
            "EE",
            "ES",
            "FI",
            "FO",
            "FR",
            "GB",
            "GI",
            "GR",
            "HR",
            "HU",
            "IE",
            "IS",
            "IT",
            "LI",
            "LT",
            "LU",
            "LV",
            "MC",
            "MD",
            "ME",
            "MK",
            "MT",
            "NL",
            "NO",
            "PL",
            "PT",
            "RO",
            "RS",
            "RU",
            "SE",
            "SI",
            "SK",
            "SM",
            "UA",
            "VA",
            "XK",
        }
    ),
    "north_america": frozenset({"CA", "US", "MX"}),
}
"""Region names a rule may use, as sets of ISO 3166 alpha-2 codes."""


def region_of(country: str) -> str | None:
    """The first region that holds `country`, or None."""
    return next((name for name, codes in REGIONS.items() if country in codes), None)


def _has_keyword(event: IncidentEvent, keywords: list[str]) -> bool:
    sentences = [fold(item.sentence) for item in event.evidence]
    for keyword in keywords:
        pattern = re.compile(rf"\b{re.escape(fold(keyword))}\b")
        if any(pattern.search(sentence) for sentence in sentences):
            return True
    return False


def matches(match: Match, event: IncidentEvent, severity: Severity) -> bool:
    """True when every field of `match` that is set accepts the incident."""
    location, target = event.location, event.target
    return (
        (not match.types or event.type in match.types)
        and (not match.countries or location.country in match.countries)
        and location.country not in match.exclude_countries
        and (not match.regions or any(location.country in REGIONS[r] for r in match.regions))
        and (
            not match.cities
            or (
                location.city is not None and fold(location.city) in {fold(c) for c in match.cities}
            )
        )
        and (not match.target_kinds or (target is not None and target.kind in match.target_kinds))
        and (
            not match.represented_countries
            or (target is not None and target.represented_country in match.represented_countries)
        )
        and rank(severity) >= rank(match.min_severity)
        and event.confidence >= match.min_confidence
        and (not match.keywords or _has_keyword(event, match.keywords))
    )
