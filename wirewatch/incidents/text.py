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
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”»’)]?\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9])")
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
        before = paragraph[start : match.start()].rstrip('"”»’)')
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        pieces.append(paragraph[start : match.start()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def _sub_phrases(words: list[str]) -> Iterator[tuple[int, int]]:
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            yield first, first + size


@lru_cache(maxsize=8_192)
def find_places(sentence: str, context_countries: frozenset[str]) -> list[PlaceMention]:
    """Return known cities named in the sentence; small towns only in a context country."""
    found: list[PlaceMention] = []
    starts = city_first_words()
    for match in _CAPITALISED.finditer(sentence):
        words = match.group().split()
        if not any(fold(word.rstrip(".,'’")) in starts for word in words):
            continue
        offsets = [m.start() + match.start() for m in re.finditer(r"\S+", match.group())]
        for first, last in _sub_phrases(words):
            phrase = " ".join(words[first:last]).rstrip(".,'’").removesuffix("'s")
            place = find_city(phrase, context_countries)
            if place is None or (
                place.country not in context_countries
                and place.population < _MIN_POPULATION_OUT_OF_CONTEXT
            ):
                continue
            start = offsets[first]
            if _STREETISH.match(sentence[start + len(phrase) :]):
                continue
            found.append(PlaceMention(start, start + len(phrase), place))
            break
    for match in _RU_LOCATIVE.finditer(sentence):
        place = find_city_russian(match.group(1))
        if place is not None:
            found.append(PlaceMention(match.start(1), match.end(1), place))
    return sorted(found, key=lambda mention: mention.start)


def find_countries(sentence: str) -> list[tuple[int, int, str]]:
    """Return (start, end, ISO code) for every country name or demonym in the sentence."""
    found: list[tuple[int, int, str]] = []
    for match in _COUNTRY_RUN.finditer(sentence):
        words = [(m.start() + match.start(), m.group()) for m in re.finditer(r"\S+", match.group())]
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
    for match in _RU_LOCATIVE.finditer(sentence):
        code = country_code_russian(match.group(1))
        if code:
            found.append((match.start(1), match.end(1), code))
    return sorted(found)
