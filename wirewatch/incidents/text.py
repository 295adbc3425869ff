"""Sentence splitting and place mentions in one sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from wirewatch.incidents.gazetteer import (
    Place,
    city_first_words,
    country_code,
    country_code_russian,
    find_city,
    find_city_russian,
    fold,
)

_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "const",
        "gen",
        "lt",
        "col",
        "sgt",
        "no",
        "vs",
        "etc",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "inc",
        "corp",
        "jr",
        "sr",
        "prof",
        "rev",
    ]
)
# The stop is matched, not looked behind for: a lookbehind first defeats the regex's scan.
_BOUNDARY = re.compile(r"[.!?][\"”»’)]?\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9])")
_CAPITALISED = re.compile(
    r"(?<![\w-])[A-ZÀ-ÞА-ЯЁ][\w'’.\-]*(?:\s+(?:am\s+|de\s+|del\s+|sur\s+|upon\s+)?[A-ZÀ-ÞА-ЯЁ][\w'’\-]*){0,3}"
)
_STREETISH = re.compile(
    r"^\s+(?:Street|St\b|Road|Rd\b|Avenue|Ave\b|Square|Boulevard|Lane|Gate|Court|Park|Bridge|"
    r"Stadium|Station|Mills?|Hall|Airport|University|Police|District)",
)
_RU_LOCATIVE = re.compile(r"(?<![\w])[вВ]\s+([А-ЯЁ][а-яё]+)")
_MIN_POPULATION_OUT_OF_CONTEXT = 100_000
# Capitalised runs, with the lower-case joints of "Republic of Belarus" or "U.S."
_COUNTRY_RUN = re.compile(
    r"(?<![\w])[A-ZА-ЯЁ][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?[A-ZА-ЯЁ][\w'’.-]*)*"
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A city or country named in a sentence, with its character span."""

    start: int
    end: int
    place: Place
    is_country: bool = False


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as `Sept.` and `a.m.` whole."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start() + 1  # just after the stop
        before = paragraph[start:end].rstrip('"”»’)')
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        pieces.append(paragraph[start:end].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def _sub_phrases(words: list[str]) -> Iterator[tuple[int, int]]:
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            yield first, first + size


_NON_SPACE = re.compile(r"\S+")


@lru_cache(maxsize=16_384)
def _run_places(run: str, context_countries: frozenset[str]) -> tuple[tuple[int, int, Place], ...]:
    """Sub-phrases of a capitalised run naming a usable city, in the order find_places tries
    them: (offset in the run, phrase length, place). Names recur, so runs are cached."""
    words = run.split()
    starts = city_first_words()
    if not any(fold(word.rstrip(".,'’")) in starts for word in words):
        return ()
    offsets = [m.start() for m in _NON_SPACE.finditer(run)]
    usable: list[tuple[int, int, Place]] = []
    for first, last in _sub_phrases(words):
        phrase = " ".join(words[first:last]).rstrip(".,'’").removesuffix("'s")
        place = find_city(phrase, context_countries)
        if place is None or (
            place.country not in context_countries
            and place.population < _MIN_POPULATION_OUT_OF_CONTEXT
        ):
            continue
        usable.append((offsets[first], len(phrase), place))
    return tuple(usable)


@lru_cache(maxsize=8_192)
def find_places(sentence: str, context_countries: frozenset[str]) -> list[PlaceMention]:
    """Return known cities named in the sentence; small towns only in a context country."""
    found: list[PlaceMention] = []
    for match in _CAPITALISED.finditer(sentence):
        for offset, length, place in _run_places(match.group(), context_countries):
            start = match.start() + offset
            if _STREETISH.match(sentence[start + length :]):
                continue
            found.append(PlaceMention(start, start + length, place))
            break
    for match in _RU_LOCATIVE.finditer(sentence):
        russian = find_city_russian(match.group(1))
        if russian is not None:
            found.append(PlaceMention(match.start(1), match.end(1), russian))
    return sorted(found, key=lambda mention: mention.start)


@lru_cache(maxsize=16_384)
def _run_countries(run: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, ISO code) of the country names in a capitalised run, offsets in the run."""
    found: list[tuple[int, int, str]] = []
    words = [(m.start(), m.group()) for m in _NON_SPACE.finditer(run)]
    first = 0
    while first < len(words):
        for last in range(len(words), first, -1):
            phrase = " ".join(w for _, w in words[first:last]).rstrip(".,")
            code = country_code(phrase)
            if code is not None:
                start = words[first][0]
                found.append((start, start + len(phrase), code))
                first = last - 1
                break
        first += 1
    return tuple(found)


def find_countries(sentence: str) -> list[tuple[int, int, str]]:
    """Return (start, end, ISO code) for every country name or demonym in the sentence."""
    found: list[tuple[int, int, str]] = []
    for match in _COUNTRY_RUN.finditer(sentence):
        countries = _run_countries(match.group())
        if countries:  # most capitalised runs name no country
            at = match.start()
            found.extend((at + start, at + end, code) for start, end, code in countries)
    for match in _RU_LOCATIVE.finditer(sentence):
        code = country_code_russian(match.group(1))
        if code:
            found.append((match.start(1), match.end(1), code))
    return sorted(found)
