"""Event-date expressions ("last month", "on Monday", "Sept. 12") resolved against a day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from schemas.incident import DatePrecision
from wirewatch.incidents.caseless import CaselessPattern, lowered_ascii

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_RU_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"

_IN_MONTH = (
    r"\b(?:(?:in|during|by)\s+(?:the\s+)?(?:(?:end|beginning|start|middle|first half|"
    r"second half)\s+of\s+|(?:early|mid|late)[- ])?)"
)
_RELATIVE = (
    r"\b(?P<rel>last month|this month|earlier this month|last week|this week|earlier this week|"
    r"last year|this year|yesterday|today|tonight|this morning|this afternoon|this evening|"
    r"last night|overnight|earlier today)\b"
)
_RU_MONTH = r"январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр"

_PATTERNS: list[tuple[str, re.Pattern[str] | CaselessPattern]] = [
    (
        "month_day",
        re.compile(
            rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR}))?"
        ),
    ),
    ("month", CaselessPattern(rf"{_IN_MONTH}(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?\b")),
    ("month_year", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b")),
    ("relative", CaselessPattern(_RELATIVE)),
    ("weekday", re.compile(rf"\b(?P<w>{_WEEKDAY})\b")),
    ("ru_day_month", re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{_RU_MONTH})[а-я]*", re.I)),
    ("ru_relative", re.compile(r"(?P<rel>[Вв]чера|[Сс]егодня|[Пп]озавчера)")),
]
_NEED_DIGIT = frozenset({"month_day", "day_month", "month_year", "ru_day_month"})
_NEED_CYRILLIC = frozenset({"ru_day_month", "ru_relative"})
_NEED_MONTH = frozenset({"month_day", "day_month", "month", "month_year"})
_MONTH_STEMS = tuple(_MONTHS)  # every month name starts with one of these (any case)
_DIGIT = re.compile(r"\d")


def _impossible(sentence: str, lowered: str | None) -> frozenset[str]:
    """Kinds of date pattern that cannot match the sentence, from cheap substring tests."""
    skip: set[str] = set()
    if _DIGIT.search(sentence) is None:
        skip |= _NEED_DIGIT
    if lowered is not None:  # ASCII: no Cyrillic, and re.I is plain lower-casing
        skip |= _NEED_CYRILLIC
        if not any(stem in lowered for stem in _MONTH_STEMS):
            skip |= _NEED_MONTH
    if "day" not in sentence:
        skip.add("weekday")
    return frozenset(skip)


# A date right after a reporting verb is when it was said, not when it happened.
_REPORTING = CaselessPattern(
    r"\b(?:said|says|told|tells|reported|reports|announced|confirmed|stated|added|wrote|"
    r"posted|sources?)\b[^.;:\"“”]{0,40}?\s(?:on\s+|in\s+)?$"
)


# "MOSCOW, Sept 19 (Reuters) -" or "ТАЛЛИН, 17 января.": the filing date, not the event's.
_DATELINE = re.compile(r"^\W*[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]+(?:\([^)]*\))?,?\s*$")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date expression and where it sits in the sentence."""

    start: int
    end: int
    value: str
    precision: DatePrecision
    reporting: bool


def _month_number(text: str) -> int:
    return _MONTHS[text.strip(".").lower()[:3]]


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _recent_year(ref: dt.date, month: int, day: int | None) -> int:
    """The year that puts month/day on or before the reference day (news is about the past)."""
    candidate = dt.date(ref.year, month, min(day or 1, calendar.monthrange(ref.year, month)[1]))
    return ref.year if candidate <= ref + dt.timedelta(days=1) else ref.year - 1


def _day(year: int, month: int, day: int) -> tuple[str, DatePrecision] | None:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _relative(rel: str, ref: dt.date) -> tuple[str, DatePrecision] | None:
    rel = rel.lower()
    if rel in {"yesterday", "last night", "вчера"}:
        return (ref - dt.timedelta(days=1)).isoformat(), "day"
    if rel == "позавчера":
        return (ref - dt.timedelta(days=2)).isoformat(), "day"
    if rel in {
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "overnight",
        "earlier today",
        "сегодня",
    }:
        return ref.isoformat(), "day"
    if rel in {"this month", "earlier this month"}:
        return _month_value(ref.year, ref.month), "month"
    if rel == "last month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return _month_value(first.year, first.month), "month"
    if rel in {"this week", "earlier this week", "last week"}:
        day = ref - dt.timedelta(days=7 if rel == "last week" else ref.weekday())
        return _month_value(day.year, day.month), "month"
    if rel == "last year":
        return f"{ref.year - 1:04d}", "year"
    if rel == "this year":
        return f"{ref.year:04d}", "year"
    return None


def _resolve(kind: str, match: re.Match[str], ref: dt.date) -> tuple[str, DatePrecision] | None:
    groups = match.groupdict()
    if kind in {"month_day", "day_month"}:
        month, day = _month_number(groups["m"]), int(groups["d"])
        year = int(groups["y"]) if groups.get("y") else _recent_year(ref, month, day)
        return _day(year, month, day)
    if kind in {"month", "month_year"}:
        month = _month_number(groups["m"])
        year = int(groups["y"]) if groups.get("y") else _recent_year(ref, month, None)
        return _month_value(year, month), "month"
    if kind == "weekday":
        back = (ref.weekday() - _WEEKDAYS.index(groups["w"].lower())) % 7
        return (ref - dt.timedelta(days=back)).isoformat(), "day"
    if kind == "ru_day_month":
        month = _RU_MONTHS[groups["m"].lower()]
        day = int(groups["d"])
        return _day(_recent_year(ref, month, day), month, day)
    return _relative(groups["rel"], ref)


def find_dates(sentence: str, ref: dt.date) -> list[DateMention]:
    """Return the date expressions in a sentence, resolved against `ref`, left to right."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lowered = lowered_ascii(sentence)
    skip = _impossible(sentence, lowered)
    for kind, pattern in _PATTERNS:
        if kind in skip:
            continue
        if isinstance(pattern, CaselessPattern):
            matches = pattern.finditer(sentence, lowered)
        else:
            matches = pattern.finditer(sentence)
        for match in matches:
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            resolved = _resolve(kind, match, ref)
            if resolved is None:
                continue
            taken.append((start, end))
            reporting = bool(
                _REPORTING.search(sentence[max(0, start - 60) : start])
                or _DATELINE.match(sentence[:start])
            )
            found.append(DateMention(start, end, resolved[0], resolved[1], reporting))
    return sorted(found, key=lambda mention: mention.start)


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a date value covers: `2022-09` -> Sept 1 .. Sept 30."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def dates_compatible(left: str, right: str, window_days: int) -> bool:
    """True when two date values can name the same event (overlap, or days within a window)."""
    l_start, l_end = date_bounds(left)
    r_start, r_end = date_bounds(right)
    gap = max((r_start - l_end).days, (l_start - r_end).days, 0)
    return gap <= window_days
