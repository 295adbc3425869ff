"""Static knowledge the parser uses: outlets, wire agencies, page chrome and local time zones."""

from __future__ import annotations

import re
from typing import Final

#: Site domain (without `www.`) -> the outlet's proper name.
OUTLET_NAMES: Final[dict[str, str]] = {
    "urdupoint.com": "UrduPoint",
    "pakistanpoint.com": "Pakistan Point",
    "sputniknews.com": "Sputnik",
    "sputnikglobe.com": "Sputnik",
    "sputniknews.gr": "Sputnik",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "ria.ru": "RIA Novosti",
    "reuters.com": "Reuters",
    "france24.com": "France 24",
    "afp.com": "AFP",
    "apnews.com": "AP",
    "aa.com.tr": "Anadolu Agency",
    "irna.ir": "IRNA",
    "xinhuanet.com": "Xinhua",
    "barrons.com": "Barron's",
    "cbc.ca": "CBC News",
    "dw.com": "DW",
    "err.ee": "ERR News",
    "swissinfo.ch": "SWI swissinfo.ch",
    "usnews.com": "U.S. News & World Report",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "aljazeera.com": "Al Jazeera",
    "dawn.com": "Dawn",
    "app.com.pk": "APP",
}

#: Canonical wire-agency names and the spellings that credit them.
AGENCY_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "Sputnik": ("Sputnik", "Sputnik International", "Спутник"),
    "RIA Novosti": ("RIA Novosti", "RIA", "РИА Новости"),
    "TASS": ("TASS", "ТАСС", "ITAR-TASS"),
    "Interfax": ("Interfax", "Интерфакс"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu", "AA"),
    "APP": ("APP", "Associated Press of Pakistan"),
    "IRNA": ("IRNA",),
    "Xinhua": ("Xinhua",),
    "dpa": ("dpa", "DPA"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Keystone-SDA": ("Keystone-SDA", "SDA", "Keystone-ATS"),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "PTI": ("PTI",),
    "UNI": ("UNI",),
    "WAM": ("WAM",),
    "BelTA": ("BelTA",),
    "Ukrinform": ("Ukrinform",),
}

_ALIAS_TO_AGENCY: Final[dict[str, str]] = {
    alias.casefold(): name for name, aliases in AGENCY_ALIASES.items() for alias in aliases
}

#: Outlets that are themselves wire agencies: their own reporting is credited to them.
AGENCY_OUTLETS: Final[frozenset[str]] = frozenset(
    name for name in OUTLET_NAMES.values() if name.casefold() in _ALIAS_TO_AGENCY
)

#: Outlets that republish wire copy under their own dateline chain.
REPUBLISHER_ALIASES: Final[dict[str, str]] = {
    "urdupoint": "UrduPoint",
    "urdupoint news": "UrduPoint",
    "pakistan point": "Pakistan Point",
    "pakistan point news": "Pakistan Point",
}


def agency_name(text: str) -> str | None:
    """Return the canonical agency a credit names (`"Sputnik International"` -> Sputnik)."""
    cleaned = text.strip().strip("/.,:;-–— ").strip()
    return _ALIAS_TO_AGENCY.get(cleaned.casefold())


#: Domain suffix (most specific first) -> IANA zone for naive local times on that site.
DOMAIN_TIMEZONES: Final[dict[str, str]] = {
    "urdupoint.com": "Asia/Karachi",
    "pakistanpoint.com": "Asia/Karachi",
    "tass.com": "Europe/Moscow",
    "sputniknews.com": "UTC",
    "sputnikglobe.com": "UTC",
    "reuters.com": "UTC",
    "irna.ir": "Asia/Tehran",
    "aa.com.tr": "Europe/Istanbul",
    "usnews.com": "America/New_York",
    "barrons.com": "America/New_York",
}

#: Country-code TLD -> IANA zone, for local sites whose pages give naive times.
TLD_TIMEZONES: Final[dict[str, str]] = {
    "pk": "Asia/Karachi",
    "ru": "Europe/Moscow",
    "gr": "Europe/Athens",
    "fi": "Europe/Helsinki",
    "ee": "Europe/Tallinn",
    "lv": "Europe/Riga",
    "lt": "Europe/Vilnius",
    "no": "Europe/Oslo",
    "se": "Europe/Stockholm",
    "dk": "Europe/Copenhagen",
    "de": "Europe/Berlin",
    "fr": "Europe/Paris",
    "ch": "Europe/Zurich",
    "at": "Europe/Vienna",
    "it": "Europe/Rome",
    "es": "Europe/Madrid",
    "si": "Europe/Ljubljana",
    "rs": "Europe/Belgrade",
    "pl": "Europe/Warsaw",
    "ua": "Europe/Kyiv",
    "by": "Europe/Minsk",
    "tr": "Europe/Istanbul",
    "ir": "Asia/Tehran",
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "in": "Asia/Kolkata",
    "cn": "Asia/Shanghai",
    "jp": "Asia/Tokyo",
    "au": "Australia/Sydney",
    "ca": "America/Toronto",
}

#: Lines after which everything is page chrome (related-story lists, comments, tags).
TERMINATOR = re.compile(
    r"^(?:recent stories|related stories|related articles|latest news|latest stories|more stories|"
    r"more from .{1,40}|read more|read also|see also|you may also like|comments?|"
    r"most (?:read|popular)|related|читайте также|по теме|также читайте)\s*:?\s*$",
    re.IGNORECASE,
)

#: Lowercased ASCII characters a TERMINATOR match can start with (its other first letters are
#: Cyrillic). Lines starting with any other ASCII character skip the regex.
_TERMINATOR_FIRST: Final = frozenset("rlmsyc")


#: Lowercased two-character ASCII openings of a TERMINATOR match: a tighter shortcut.
_TERMINATOR_START: Final = frozenset({"co", "la", "mo", "re", "se", "yo"})


def is_terminator(line: str) -> bool:
    """True when TERMINATOR matches the line: the end of the article body."""
    start = line[:2]
    if start.isascii() and start.lower() not in _TERMINATOR_START:
        return False  # every ASCII match opens with one of these (a shorter line cannot match)
    return TERMINATOR.match(line) is not None


#: Lines that are page chrome when they start this way.
_CHROME_START = re.compile(
    r"(?:related topics?|related|read (?:more|also|next)|also in [\w ]{1,30}|see also|"
    r"most (?:read|popular)|popular|latest|tags?|теги|trending|topics|more on this topic|"
    r"newsletter|advertisement|sponsored|source|share(?: this)?(?: article| story)?|"
    r"our standards|follow us)\b\s*[:|]"
    r"|(?:©|\(c\)|copyright\b|subscribe\b|sign (?:in|up)\b|share on \w+|news code \d+$)"
    r"|(?:advertisement|copy link|share this article|share)$",
    re.IGNORECASE,
)
#: Lowercased ASCII characters a `_CHROME_START` match can start with (else Cyrillic or `©`).
_CHROME_FIRST: Final = frozenset("rasmpltnofc(")
#: Boilerplate phrases that mark a line as chrome wherever they appear in it.
_CHROME_PHRASES = (
    "cookie", "all rights reserved", " on facebook", " on twitter", " on telegram",
    "website contains only a portion of", "republishes wire copy", "republished under licen",
    "aggregates reports from", "comments are closed",
)  # fmt: skip
_CHROME_ANYWHERE = re.compile(
    r"\bcookies?\b.{0,80}\b(?:accept|agree|consent|privacy)|\ball rights reserved\b"
    r"|\bfollow [\w .]{1,30} on (?:facebook|twitter|telegram|x)\b|\bon telegram to stay up to date"
    r"|\bwebsite contains only a portion of\b|\brepublishe[sd] (?:wire copy|[\w ]{0,20}under licen)"
    r"|\baggregates reports from\b|\bcomments are closed\b",
    re.IGNORECASE,
)


#: Lowercased two-character ASCII openings of a `_CHROME_START` match: a tighter shortcut.
_CHROME_START_PAIRS: Final = frozenset(
    {
        "(c", "ad", "al", "co", "fo", "la", "mo", "ne", "ou", "po", "re", "se", "sh", "si", "so",
        "sp", "su", "ta", "to", "tr",
    }
)  # fmt: skip


def is_chrome(line: str) -> bool:
    """True for page chrome: share and subscribe prompts, copyright, tags, cookie banners."""
    start = line[:2]
    if not (start.isascii() and start.lower() not in _CHROME_START_PAIRS) and _CHROME_START.match(
        line
    ):
        return True
    lowered = line.lower()
    return _has_chrome_phrase(lowered) and bool(_CHROME_ANYWHERE.search(line))


def _has_chrome_phrase(lowered: str) -> bool:
    """Any of `_CHROME_PHRASES` in a lowercased line; unrolled, as this runs on every line."""
    return (
        "cookie" in lowered
        or "all rights reserved" in lowered
        or " on facebook" in lowered
        or " on twitter" in lowered
        or " on telegram" in lowered
        or "website contains only a portion of" in lowered
        or "republishes wire copy" in lowered
        or "republished under licen" in lowered
        or "aggregates reports from" in lowered
        or "comments are closed" in lowered
    )


#: Whitespace other than space and newline: ASCII, then the rest that `str.split()` splits on.
_ODD_ASCII_SPACES: Final = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_ODD_SPACES: Final = (
    _ODD_ASCII_SPACES + "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def regular_lines(page: str) -> bool:
    """True when the page's lines are already clean: single spaces inside, none at the ends.

    Then `page.split("\\n")` gives the lines of `page.splitlines()` as `" ".join(line.split())`
    would make them (and empty lines, which stay empty).
    """
    if "  " in page or " \n" in page or "\n " in page or page[:1] == " " or page[-1:] == " ":
        return False
    odd = _ODD_ASCII_SPACES if page.isascii() else _ODD_SPACES
    return not any(map(page.__contains__, odd))


#: Navigation separators: `News | Sport | Culture`, `Home > Wire > Europe`, `A · B · C`.
NAV_SEPARATOR = re.compile(r"\s(?:\||>|»|·|•)\s")
