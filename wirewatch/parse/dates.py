"""Date and time parsing for bylines, datelines and meta tags; explicit regexes, no dateparser."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wirewatch.parse.lexicon import DOMAIN_TIMEZONES, TLD_TIMEZONES

MONTHS: Final[dict[str, int]] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip

_MONTH = r"(?P<mon>[A-Za-zА-Яа-яё]{3,9})\.?"
_TIME = (
    r"(?:(?:,|\s|at|\||-|–)*\s*(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*"
    r"(?P<ampm>[AaPp]\.?[Mm]\.?)?(?:\s*(?P<tz>UTC|GMT|Z|EST|EDT|CET|CEST|MSK|PKT)\b)?)?"
)
_PATTERNS: Final[tuple[re.Pattern[str], ...]] = (
    # 2022-10-11, 2022-10-11T01:40:00+05:00
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<iso>\d{2}:\d{2}[^\s\"<]*))?"),
    # October 11, 2022 | 01:40 AM ; Sept. 19, 2022, at 8:41 a.m.
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b" + _TIME),
    # 11th October, 2022 ; 3 May 2022, 11:30 ; 17 января 2023, 12:24
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b" + _TIME),
    # 09:48 GMT 03.05.2022 ; 18:05 10.10.2022
    re.compile(
        r"\b(?P<hh>\d{1,2}):(?P<mi>\d{2})\s*(?P<tz>GMT|UTC|MSK)?\s+"
        r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b"
    ),
    # 16/11/2021 11:45 ; 17.01.2023 15:52 ; 14.8.2022
    re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b" + _TIME),
    # 19 SEP, 14:05 (no year: taken from the fetch time)
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r"(?:,\s*|\s+)(?P<hh>\d{1,2}):(?P<mi>\d{2})\b"),
    # Sept 19 / September 22 (no year)
    re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})\b"),
    # 10 окт / 17 января (no year)
    re.compile(r"\b(?P<d>\d{1,2})\s+" + _MONTH + r"(?!\w)"),
)
#: Per pattern: one or two characters of which every match holds one ("": no shortcut).
_PATTERN_NEEDS: Final[tuple[str, ...]] = ("-", "", "", ":", "./", ":", "", "")
_DIGIT: Final = re.compile(r"\d")
_EXPLICIT_ZONE: Final = re.compile(
    r"\b(?:UTC|GMT|EST|EDT|CET|CEST|MSK|PKT)\b|\d[+-]\d{2}:?\d{2}\b|\dZ\b"
)
_FIXED_ZONES: Final[dict[str, dt.tzinfo]] = {
    "UTC": dt.UTC, "GMT": dt.UTC, "Z": dt.UTC,
    "EST": dt.timezone(dt.timedelta(hours=-5)), "EDT": dt.timezone(dt.timedelta(hours=-4)),
    "CET": dt.timezone(dt.timedelta(hours=1)), "CEST": dt.timezone(dt.timedelta(hours=2)),
    "MSK": dt.timezone(dt.timedelta(hours=3)), "PKT": dt.timezone(dt.timedelta(hours=5)),
}  # fmt: skip


@dataclass(frozen=True)
class Stamp:
    """A date found in the page, with its time when the page states one."""

    date: dt.date
    moment: dt.datetime | None = None

    def as_datetime(self, tz: dt.tzinfo) -> dt.datetime:
        """The timezone-aware instant: the stated time, or local midnight of a date-only stamp."""
        if self.moment is not None:
            return self.moment
        return dt.datetime.combine(self.date, dt.time(), tzinfo=tz)


_FULL_MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            "january января январь", "february февраля февраль", "march марта март",
            "april апреля апрель", "may мая май", "june июня июнь", "july июля июль",
            "august августа август", "september сентября сентябрь", "october октября октябрь",
            "november ноября ноябрь", "december декабря декабрь",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip


def month_number(name: str) -> int | None:
    """Return 1-12 for an English or Russian month name or abbreviation, else None."""
    key = name.casefold().rstrip(".")
    return MONTHS.get(key) or _FULL_MONTHS.get(key)


@lru_cache(maxsize=256)
def zone_for(host: str) -> dt.tzinfo:
    """Time zone for naive times on this site: per-domain, then per-TLD, else UTC."""
    return _zone(_zone_name(host) or "UTC")


@lru_cache(maxsize=256)
def zone_known(host: str) -> bool:
    """True when the site's local time zone is known (not just assumed to be UTC)."""
    return _zone_name(host) is not None


def has_explicit_zone(text: str) -> bool:
    """True when a date line names its zone (`GMT`, `UTC`, `+05:00`, `Z`)."""
    return _EXPLICIT_ZONE.search(text) is not None


def _zone_name(host: str) -> str | None:
    for suffix, name in DOMAIN_TIMEZONES.items():
        if host == suffix or host.endswith("." + suffix):
            return name
    return TLD_TIMEZONES.get(host.rsplit(".", 1)[-1])


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def find_stamp(text: str, *, tz: dt.tzinfo, default_year: int | None = None) -> Stamp | None:
    """Return the first date (and time, if stated) in a short line of text, or None."""
    if _DIGIT.search(text) is None:
        return None  # every pattern needs a digit
    for pattern, needs in zip(_PATTERNS, _PATTERN_NEEDS, strict=True):
        if needs and needs[0] not in text and needs[-1] not in text:
            continue  # the pattern cannot match without one of these characters
        for match in pattern.finditer(text):
            stamp = _stamp_from(match, tz, default_year)
            if stamp is not None:
                return stamp
    return None


def parse_iso(value: str, *, tz: dt.tzinfo) -> Stamp | None:
    """Parse an ISO 8601 meta-tag value: a date, or an instant (naive ones take `tz`)."""
    value = value.strip()
    try:
        if len(value) == 10:
            return Stamp(dt.date.fromisoformat(value))
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return find_stamp(value, tz=tz)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return Stamp(moment.date(), moment)


def _stamp_from(match: re.Match[str], tz: dt.tzinfo, default_year: int | None) -> Stamp | None:
    parts = match.groupdict()
    if parts.get("iso"):
        return parse_iso(match.group(0), tz=tz)
    month = int(parts["m"]) if parts.get("m") else month_number(parts.get("mon") or "")
    year = int(parts["y"]) if parts.get("y") else default_year
    if month is None or year is None:
        return None
    day = int(parts["d"])
    if month > 12 and day <= 12:
        day, month = month, day
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not parts.get("hh"):
        return Stamp(date)
    hour, minute = int(parts["hh"]), int(parts["mi"])
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return Stamp(date)
    zone = _FIXED_ZONES.get((parts.get("tz") or "").upper(), tz)
    moment = dt.datetime.combine(date, dt.time(hour, minute)).replace(tzinfo=zone)
    return Stamp(date, moment)
