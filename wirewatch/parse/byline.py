"""Bylines and credits: the author's name, and the wire a page credits outside its dateline."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from wirewatch.parse.lexicon import agency_name

_SPLIT: Final = re.compile(r"\s*(?:\||·|•|/|,| - | – | — )\s*")
_URDUPOINT: Final = re.compile(r"^(?P<name>.+?)\s+Published\b", re.IGNORECASE)
_BY: Final = re.compile(r"(?:^|\|\s*|·\s*)by\s+(?P<name>[^|·,;]+)", re.IGNORECASE)
_SOURCE: Final = re.compile(r"\bsource\s*:\s*(?P<name>[^|·.;]+)", re.IGNORECASE)
_REPORTING: Final = re.compile(r"^\(?(?:reporting|writing) by (?P<names>[^;)]+)", re.IGNORECASE)
_NAMES_SPLIT: Final = re.compile(r",| and ")
_NOT_A_NAME: Final = frozenset(
    {
        "staff", "report", "reporter", "reporters", "correspondent", "desk", "editor", "editors",
        "news", "agency", "agencies", "published", "updated", "posted", "issued", "online", "team",
        "bureau", "service", "web", "wire", "wires", "content", "newsroom", "and", "by", "the",
    }
)  # fmt: skip
_PARTICLES: Final = frozenset(
    {"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "bin", "al", "el"}
)
_NAME_WORD: Final = re.compile(r"^[^\W\d_][\w'’.-]*$")


def looks_like_name(text: str) -> bool:
    """A person's name: two to four capitalised words, no digits, no organisation words."""
    words = text.split()
    if not 2 <= len(words) <= 4 or agency_name(text):
        return False
    for word in words:
        if not _NAME_WORD.match(word) or word.casefold() in _NOT_A_NAME:
            return False
        if not word[0].isupper() and word.casefold() not in _PARTICLES:
            return False
    return not text.isupper()


def author_from(lines: Iterable[str], *, outlet_name: str) -> str | None:
    """Return the first person's name credited in byline-like lines, else None."""
    outlet = outlet_name.casefold()
    for line in lines:
        for candidate in _candidates(line):
            name = candidate.strip(" .:-")
            if looks_like_name(name) and name.casefold() != outlet:
                return name
    return None


def credit_from(lines: Iterable[str]) -> str | None:
    """Return the wire agency a byline or source line credits (`By Reuters`, `Source: TASS`)."""
    for line in lines:
        for pattern in (_SOURCE, _BY):
            match = pattern.search(line)
            if match and (agency := agency_name(match.group("name"))):
                return agency
        for part in _SPLIT.split(line):
            if agency := agency_name(part):
                return agency
    return None


def reporter_from(lines: Iterable[str]) -> str | None:
    """Return the first reporter of a wire credit line `(Reporting by A and B; Editing by C)`."""
    for line in lines:
        if match := _REPORTING.match(line):
            first = _NAMES_SPLIT.split(match.group("names"))[0].strip()
            if looks_like_name(first):
                return first
    return None


def _candidates(line: str) -> list[str]:
    if match := _URDUPOINT.match(line):
        return [match.group("name")]
    found = [match.group("name") for match in _BY.finditer(line)]
    found += [part for part in _SPLIT.split(line) if not any(ch.isdigit() for ch in part)]
    return found
