"""Diplomatic targets named in a sentence: "Russian Embassy", "Iran's Consulate General"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from schemas.incident import Target, TargetKind
from wirewatch.incidents.caseless import CaselessPattern, lowered_ascii
from wirewatch.incidents.gazetteer import country_code, country_code_russian
from wirewatch.incidents.lexicon import DEMONYMS

_NOUN = (
    r"(?:consulate[- ]general|consulate|consular (?:department|section|office)|embassy|"
    r"diplomatic (?:mission|building|premises|facility)|high commission|mission|ambassador|"
    r"envoy|charg[ée] d'affaires|diplomat(?!s))"
)
_RU_NOUN = (
    r"(?:генеральн\w+ консульств\w+|генконсульств\w+|консульств\w+|посольств\w+|"
    r"диппредставительств\w+)"
)
_RU_OWNER = re.compile(rf"({_RU_NOUN})\s+(России|РФ|[А-ЯЁ][а-яё]+)", re.I)
_BARE = CaselessPattern(
    rf"\b(?:the|its|our|their|this|that|an?)\s+(?:[\w-]+\s+)?(?P<noun>{_NOUN})(?:'s)?\b"
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


_NOUN_RE = CaselessPattern(rf"\b{_NOUN}\b")
# words allowed between the country and the noun: "Russia's new embassy", "the Russian trade
# mission", "Brazil's permanent mission"
_MODIFIER = frozenset({"main", "new", "honorary", "former", "own", "the", "trade", "permanent"})
_OF = re.compile(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’.-]*\s*(?:of\s+(?:the\s+)?)?){1,5})")


_WORD = re.compile(r"\S+")
_TAIL = 160  # characters that usually hold the last few words


def _last_words(text: str, count: int) -> list[tuple[int, str]]:
    """The last `count` whitespace-separated words of `text` with their offsets."""
    at = max(0, len(text) - _TAIL)
    words = [(at + m.start(), m.group()) for m in _WORD.finditer(text, at)]
    if at and len(words) <= count:  # the window may have cut the first of them short
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    return words[-count:]


def _country_before(text: str) -> tuple[int, str] | None:
    """The country that ends `text` ("Russia's", "the Islamic Republic's"), and where it starts."""
    at = max(0, len(text) - _TAIL)
    words = text[at:].split()  # the words of _last_words(text, 6), offsets only when found
    if at and len(words) <= 6:
        words = text.split()
    words = words[-6:]
    while words and words[-1].lower() in _MODIFIER:
        words.pop()
    for first in range(max(0, len(words) - 5), len(words)):
        phrase = " ".join(words[first:])
        if phrase != phrase.lower() and (code := country_code(phrase)):
            return _last_words(text, 6)[first][0], code
    return None


def _country_after(text: str) -> tuple[int, str] | None:
    """The country in "... of the Republic of Belarus" right after a noun, and where it ends."""
    match = _OF.match(text)
    if match is None:
        return None
    words = match.group(1).split()
    for last in range(len(words), 0, -1):
        phrase = " ".join(words[:last])
        code = country_code(phrase.rstrip(".,"))
        if code is not None:
            return match.start(1) + len(phrase), code
    return None


_QUICK = CaselessPattern(
    r"consul|embass|mission|ambassador|envoy|charg|diplomat|commission",
    "посольств|консульств|диппредставительств",
)


@lru_cache(maxsize=8_192)
def find_targets(sentence: str) -> list[TargetMention]:
    """Return the diplomatic targets in a sentence, left to right, without overlaps."""
    found: list[TargetMention] = []
    lowered = lowered_ascii(sentence)
    if not _QUICK.search(sentence, lowered):
        return found
    for match in _NOUN_RE.finditer(sentence, lowered):
        noun = sentence[match.start() : match.end()]
        before = _country_before(sentence[: match.start()])
        if before is not None:
            start, code = before
            found.append(TargetMention(start, match.end(), _kind(noun), noun, code))
            continue
        after = _country_after(sentence[match.end() :])
        if after is not None:
            end, code = after
            found.append(TargetMention(match.start(), match.end() + end, _kind(noun), noun, code))
    if lowered is None:  # Russian nouns: never in ASCII text
        for match in _RU_OWNER.finditer(sentence):
            owner = country_code_russian(match.group(2)) if match.group(2) != "РФ" else "RU"
            noun = match.group(1)
            found.append(TargetMention(match.start(), match.end(), _kind(noun), noun, owner))
    for match in _BARE.finditer(sentence, lowered):
        if any(t.start <= match.start("noun") < t.end for t in found):
            continue
        noun = sentence[match.start("noun") : match.end("noun")]
        found.append(TargetMention(match.start("noun"), match.end(), _kind(noun), noun, None))
    return sorted(found, key=lambda mention: mention.start)


@lru_cache(maxsize=256)
def _adjective(country: str) -> str:
    if country in _USUAL_ADJECTIVES:
        return _USUAL_ADJECTIVES[country]
    for demonym, code in DEMONYMS.items():
        if code == country:
            return demonym.title()
    record = pycountry.countries.get(alpha_2=country)
    return str(getattr(record, "common_name", None) or getattr(record, "name", country))


_USUAL_ADJECTIVES = {"US": "US", "GB": "British", "KR": "South Korean"}
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
