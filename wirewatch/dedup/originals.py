"""Which member is a story's original: the agency's own item, failing that the earliest one."""

from __future__ import annotations

import datetime as dt

from schemas.parsed import ParsedArticle

# Domains where an agency publishes its own wire items. A page on one of these is the agency's
# own text, so it outranks any republication. France24 and Barron's carry AFP/Dow Jones wires but
# are not the agency itself: they compete on publication time.
AGENCY_DOMAINS: dict[str, str] = {
    "sputniknews.com": "Sputnik",
    "sputnikglobe.com": "Sputnik",
    "sputniknews.cn": "Sputnik",
    "sputniknews.lt": "Sputnik",
    "ria.ru": "RIA Novosti",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "reuters.com": "Reuters",
    "afp.com": "AFP",
    "apnews.com": "AP",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "aa.com.tr": "Anadolu Agency",
    "irna.ir": "IRNA",
    "app.com.pk": "APP",
    "keystone-sda.ch": "Keystone-SDA",
    "interfax.ru": "Interfax",
    "dpa.com": "dpa",
    "efe.com": "EFE",
    "ansa.it": "ANSA",
}

_AGENCY_BY_LOWER = {name.lower(): name for name in AGENCY_DOMAINS.values()}


def agency_of_domain(domain: str) -> str | None:
    """The agency that owns `domain` or one of its parent domains (en.irna.ir -> IRNA)."""
    host = domain.lower().removeprefix("www.")
    while host:
        if host in AGENCY_DOMAINS:
            return AGENCY_DOMAINS[host]
        _, _, host = host.partition(".")
    return None


def credited_agency(parsed: ParsedArticle) -> str | None:
    """The agency the article credits: the parser's field, else a known agency in the dateline."""
    if parsed.attributed_agency:
        return parsed.attributed_agency
    if parsed.dateline is not None:
        for name in reversed(parsed.dateline.chain):
            known = _AGENCY_BY_LOWER.get(name.strip().lower())
            if known is not None:
                return known
    return None


def effective_time(parsed: ParsedArticle) -> dt.datetime:
    """Publication time, clamped to the fetch time (a page cannot be read before it exists)."""
    published = parsed.published_at
    if published is None or published > parsed.fetched_at:
        return parsed.fetched_at
    return published


def is_own_agency(domain: str, story_agency: str | None) -> bool:
    """True when the page is on the domain of the agency the story credits (or of any agency,
    while the story credits none)."""
    owner = agency_of_domain(domain)
    if owner is None:
        return False
    return story_agency is None or owner.lower() == story_agency.lower()
