"""Diplomatic targets named in a sentence: "Russian Embassy", "Iran's Consulate General"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from schemas.incident import Target, TargetKind
from wirewatch.incidents.gazetteer import country_code, country_code_russian, country_pattern
from wirewatch.incidents.lexicon import DEMONYMS

_NOUN = (
    r"(?:consulate[- ]general|consulate|consular (?:department|section|office)|embassy|"
    r"diplomatic (?:mission|building|premises|facility)|high commission|mission|ambassador|"
    r"envoy|charg[ée] d'affaires|diplomat(?!s))"
)
_RU_NOUN = r"(?:генеральн\w+ консульств\w+|генконсульств\w+|консульств\w+|посольств\w+|диппредставительств\w+)"
_RU_OWNER = re.compile(rf"({_RU_NOUN})\s+(России|РФ|[А-ЯЁ][а-яё]+)", re.I)
_BARE = re.compile(
    rf"\b(?:the|its|our|their|this|that|an?)\s+(?:[\w-]+\s+)?(?P<noun>{_NOUN})(?:'s)?\b", re.I
)


@dataclass(frozen=True, slots=True)
class TargetMention:
    """A diplomatic target in a sentence; `country` is None for a bare "the consulate"."""

    start: int
    end: int
    kind: TargetKind
    noun: str
    country: str | None

    def family(self) -> str:
        """Targets that can stand for each other: the mission, or its head."""
        return "person" if self.kind in {"ambassador", "diplomat"} else "mission"


def _kind(noun: str) -> TargetKind:
    noun = noun.lower()
    if noun.startswith(("consulate", "генеральн", "генконсул", "консульств")):
        return "consulate"
    if noun.startswith(("embassy", "consular", "high commission", "посольств")):
        return "embassy"
    if noun.startswith(("ambassador", "envoy", "charg")):
        return "ambassador"
    if noun.startswith("diplomat") and not noun.startswith("diplomatic"):
        return "diplomat"
    return "mission"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    countries = country_pattern()
    before = re.compile(
        rf"(?<![\w])(?P<country>{countries})(?:'s|’s)?\s+(?:(?:main|new|honorary|former|own)\s+)?"
        rf"(?P<noun>{_NOUN})\b",
        re.I,
    )
    after = re.compile(rf"\b(?P<noun>{_NOUN})\s+of\s+(?P<country>{countries})(?![\w])", re.I)
    return before, after


def find_targets(sentence: str) -> list[TargetMention]:
    """Return the diplomatic targets in a sentence, left to right, without overlaps."""
    found: list[TargetMention] = []
    before, after = _patterns()
    for pattern in (before, after):
        for match in pattern.finditer(sentence):
            country = country_code(match.group("country"))
            if country is None or not any(ch.isupper() for ch in match.group("country")):
                continue
            noun = match.group("noun")
            found.append(TargetMention(match.start(), match.end(), _kind(noun), noun, country))
    for match in _RU_OWNER.finditer(sentence):
        code = country_code_russian(match.group(2)) if match.group(2) != "РФ" else "RU"
        noun = match.group(1)
        found.append(TargetMention(match.start(), match.end(), _kind(noun), noun, code))
    for match in _BARE.finditer(sentence):
        if any(t.start <= match.start("noun") < t.end for t in found):
            continue
        noun = match.group("noun")
        found.append(TargetMention(match.start("noun"), match.end(), _kind(noun), noun, None))
    return sorted(found, key=lambda mention: mention.start)


@lru_cache(maxsize=256)
def _adjective(country: str) -> str:
    for demonym, code in DEMONYMS.items():
        if code == country:
            return demonym.title()
    record = pycountry.countries.get(alpha_2=country)
    return str(getattr(record, "common_name", None) or getattr(record, "name", country))


_NAMES: dict[TargetKind, str] = {
    "embassy": "Embassy",
    "consulate": "Consulate",
    "mission": "Diplomatic Mission",
    "ambassador": "Ambassador",
    "diplomat": "Diplomat",
    "other": "Premises",
}


def target_model(mention: TargetMention, country: str | None) -> Target:
    """Name a target the way analysts write it: "Russian Consulate General"."""
    base = _NAMES[mention.kind]
    noun = mention.noun.lower()
    if mention.kind == "consulate" and ("general" in noun or noun.startswith("ген")):
        base = "Consulate General"
    name = f"{_adjective(country)} {base}" if country else base
    return Target(name=name, kind=mention.kind, represented_country=country)
