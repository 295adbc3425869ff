"""Datelines: `WASHINGTON (UrduPoint News / Sputnik - 11th October, 2022)` and the wire variants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from wirewatch.parse.gazetteer import english_name, is_city, repair_city
from wirewatch.parse.lexicon import REPUBLISHER_ALIASES, agency_name

_CITY = r"(?P<city>[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]{1,2}[^\W\d_]+){0,4}\.?)"
_SHORT_DATE = r"(?P<date>[A-Za-zА-Яа-я]{3,9}\.? \d{1,2}|\d{1,2} [A-Za-zА-Яа-я]{3,9}\.?)"
_DASH = r"[-–—]"

#: `CITY[, Mon DD] (credit) -`, the Sputnik, Reuters, AFP and UrduPoint forms.
_PAREN: Final = re.compile(
    r"^(?P<pre>[^\W\d_][^()\n]{0,48}?)\s*,?\s*(?:" + _SHORT_DATE + r"\s*)?"
    r"\((?P<credit>[^()\n]{2,120})\)\s*(?::\s*|" + _DASH + r"+\s*|\s+|$)"
)
#: `YEREVAN, September 22. /TASS/.`
_SLASHED: Final = re.compile(
    r"^" + _CITY + r",\s*(?:" + _SHORT_DATE + r"\.?\s*)?/(?P<credit>[^/\n]{2,30})/\.?\s*"
)
#: `МОСКВА, 10 окт — РИА Новости.` and `Tehran, IRNA –`
_DASHED: Final = re.compile(
    r"^" + _CITY + r",\s*(?:" + _SHORT_DATE + r"\s*)?" + _DASH + r"?\s*"
    r"(?P<credit>[^\W\d_][\w .-]{1,30}?)(?:\.\s+|\s+" + _DASH + r"\s+)"
)
#: `LONDON — ` with an all-caps city and no credit.
_CAPS: Final = re.compile(r"^(?P<city>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}),?\s+[-–—]{1,2}\s+")
_CREDIT_DASH: Final = re.compile(r"\s+[-–—]\s+")
_DIGIT: Final = re.compile(r"\d")
_GLUED_FRAGMENT: Final = re.compile(r"^(?P<frag>[A-Z]{2,})\s+(?=[A-Z][a-z])")


@dataclass(frozen=True)
class DatelineMatch:
    """A parsed dateline and the lede text that follows it."""

    city: str | None
    date_text: str | None
    chain: list[str] = field(default_factory=list)
    raw: str = ""
    rest: str = ""
    agency: str | None = None
    republisher: str | None = None


def parse_dateline(paragraph: str) -> DatelineMatch | None:
    """Return the dateline that opens a paragraph, or None when it has none."""
    text = paragraph.lstrip()
    # The `in` tests skip patterns whose required punctuation the text lacks.
    match = _PAREN.match(text) if "(" in text else None
    if match:
        found = _from_paren(match, text)
        if found is not None:
            return found
    for pattern in (_SLASHED, _DASHED) if "," in text else ():
        match = pattern.match(text)
        if match and agency_name(match.group("credit")) and _plausible_city(match.group("city")):
            credit = match.group("credit").strip()
            return DatelineMatch(
                city=normalise_city(match.group("city")),
                date_text=match.group("date"),
                chain=[credit],
                raw=match.group(0).strip(),
                rest=text[match.end() :],
                agency=agency_name(credit),
            )
    match = _CAPS.match(text) if "-" in text or "–" in text or "—" in text else None
    if match and is_city(match.group("city")):
        return DatelineMatch(
            city=normalise_city(match.group("city")),
            date_text=None,
            raw=match.group(0).strip(),
            rest=text[match.end() :],
        )
    return None


def standalone_city(line: str) -> str | None:
    """Return the city of a dateline printed on its own line (`BELGRADE`), else None."""
    text = line.strip().rstrip(",.-–— ")
    if text and len(text) <= 40 and text.isupper() and is_city(text):
        return normalise_city(text)
    return None


def normalise_city(raw: str) -> str:
    """Return the city as printed, in title case; non-Latin names become their English name."""
    city = " ".join(raw.replace("’", "'").split()).strip(" ,")
    if not city.isascii():
        english = english_name(city)
        if english and english.isascii():
            return english
    if city.isupper() or city.islower():
        city = city.title().replace("'S ", "'s ")
    return city


def _from_paren(match: re.Match[str], text: str) -> DatelineMatch | None:
    pre = match.group("pre").strip().rstrip(",").strip()
    chain, date_text = _split_credit(match.group("credit"))
    agency = next((a for a in (agency_name(part) for part in chain) if a), None)
    republisher = next(
        (REPUBLISHER_ALIASES[p.casefold()] for p in chain if p.casefold() in REPUBLISHER_ALIASES),
        None,
    )
    if agency is None and republisher is None:
        return None
    city: str | None
    if _plausible_city(pre):
        city = normalise_city(pre)
    else:
        repaired = repair_city(pre)
        if repaired is None:
            return None
        city = normalise_city(repaired)
    rest = text[match.end() :]
    glued = _GLUED_FRAGMENT.match(rest)
    if glued and glued.group("frag") in pre.upper().replace(" ", ""):
        rest = rest[glued.end() :]
    return DatelineMatch(
        city=city,
        date_text=date_text or match.group("date"),
        chain=chain,
        raw=text[: match.end()].strip(),
        rest=rest,
        agency=agency,
        republisher=republisher,
    )


def _split_credit(credit: str) -> tuple[list[str], str | None]:
    """`UrduPoint News / Sputnik - 11th October, 2022` -> (["UrduPoint News", "Sputnik"], date)."""
    parts = [part.strip() for part in _CREDIT_DASH.split(credit.strip()) if part.strip()]
    date_text = None
    if len(parts) > 1 and _DIGIT.search(parts[-1]):
        date_text = parts.pop()
    chain = [name.strip() for part in parts for name in part.split("/") if name.strip()]
    return chain, date_text


def _plausible_city(text: str) -> bool:
    """A dateline city: one to five capitalised words, or a known city; no digits."""
    words = text.split()
    if not words or len(words) > 5 or any(ch.isdigit() for ch in text):
        return False
    if text.isupper() and len(words) <= 3 and _repeats(text):
        return False
    return all(word[0].isupper() for word in words) or is_city(text)


def _repeats(text: str) -> bool:
    """True for mangled caps like `T. PETERST. PETERSBURG`, where a fragment is printed twice."""
    squashed = text.replace(" ", "")
    half = len(squashed) // 2
    return any(squashed[:n] in squashed[n:] for n in range(4, half + 1)) and not is_city(text)
