"""Parse a validated RawArticle into a ParsedArticle, or reject it with a precise reason."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final
from urllib.parse import urlsplit

from schemas.deadletter import DeadLetterReason
from schemas.parsed import Dateline, Outlet, ParsedArticle
from schemas.raw import RawArticle
from wirewatch.errors import StageRejected
from wirewatch.ids import content_hash
from wirewatch.parse.byline import author_from, credit_from, reporter_from
from wirewatch.parse.dateline import DatelineMatch, parse_dateline
from wirewatch.parse.dates import (
    Stamp,
    find_stamp,
    has_explicit_zone,
    parse_iso,
    zone_for,
    zone_known,
)
from wirewatch.parse.html import layout_html
from wirewatch.parse.layout import Extracted, is_prose, layout_text
from wirewatch.parse.lexicon import AGENCY_OUTLETS, OUTLET_NAMES, agency_name
from wirewatch.parse.text import (
    detect_language,
    find_quotes,
    fold,
    headline_flags,
    is_junk,
    matching_text,
    split_all_glued,
)

STAGE = "parse"
MIN_WORDS: Final = 12
_LOOKS_HTML: Final = re.compile(r"<(?:!doctype|html|head|body|div|p|script|article)\b", re.I)
_OPEN_TAGS: Final = re.compile(r"<(?:p|div|h1|h2|title|td|table|body)\b", re.I)
_CLOSE_TAGS: Final = re.compile(r"</(?:p|div|h1|h2|title|td|table|body)\s*>", re.I)
_SQUASH: Final = re.compile(r"[\W_]+")
_SITE_SPLIT: Final = re.compile(r"\s+[|—–·]\s+")


def parse_article(raw: RawArticle) -> ParsedArticle:
    """Parse a validated raw article; raise StageRejected when it holds no article text."""
    content_type = raw.content_type.split(";")[0].strip().lower()
    if content_type and not (content_type.startswith("text/") or "html" in content_type):
        raise StageRejected(
            STAGE, DeadLetterReason.UNSUPPORTED_CONTENT_TYPE, f"cannot parse {content_type!r}"
        )
    is_html = "html" in content_type or _LOOKS_HTML.search(raw.body[:4096]) is not None
    page = layout_html(raw.body) if is_html else layout_text(raw.body)
    paragraphs = split_all_glued(page.paragraphs)
    _check_article_text(raw.body, paragraphs, page, is_html=is_html)

    host = (urlsplit(raw.url).hostname or "").lower().removeprefix("www.")
    outlet = Outlet(name=_outlet_name(host, page), domain=host)
    dateline_match = parse_dateline(paragraphs[0])
    body_for_matching = list(paragraphs)
    if dateline_match is not None:
        body_for_matching[0] = dateline_match.rest
    text = matching_text(body_for_matching)
    if not text:
        raise StageRejected(STAGE, DeadLetterReason.NO_ARTICLE_TEXT, "only a dateline, no text")

    tz = zone_for(host)
    agency = _agency(page, outlet.name, dateline_match)
    author = author_from([*page.meta_authors, *page.meta_lines], outlet_name=outlet.name)
    if author is None and agency is not None and agency_name(outlet.name) == agency:
        author = reporter_from(page.credit_lines)
    dateline_stamp = (
        find_stamp(dateline_match.date_text, tz=tz, default_year=raw.fetched_at.year)
        if dateline_match is not None and dateline_match.date_text
        else None
    )
    stamp = _published(
        page,
        dateline_match,
        dateline_stamp,
        tz=tz,
        zone_known=zone_known(host),
        fetched=raw.fetched_at,
    )
    headline, flags = _headline(page, host, outlet.name, paragraphs)
    republisher = None
    if agency is not None and agency_name(outlet.name) != agency:
        republisher = (dateline_match.republisher if dateline_match else None) or outlet.name
    return ParsedArticle(
        article_id=raw.id,
        url=raw.url,
        outlet=outlet,
        headline=headline,
        headline_flags=flags,
        author=author,
        published_at=stamp.as_datetime(tz) if stamp else None,
        published_precision=(
            None if stamp is None else "datetime" if stamp.moment is not None else "date"
        ),
        fetched_at=raw.fetched_at,
        dateline=_dateline(dateline_match, dateline_stamp, page, fetched=raw.fetched_at),
        attributed_agency=agency,
        republisher=republisher,
        paragraphs=paragraphs,
        language=detect_language(" ".join(paragraphs)),
        quotes=find_quotes(paragraphs),
        text_for_matching=text,
        content_hash=content_hash(text),
        content_type=raw.content_type,
    )


def _check_article_text(
    body: str, paragraphs: list[str], page: Extracted, *, is_html: bool
) -> None:
    """Reject pages without enough prose, naming the most precise reason."""
    words = sum(paragraph.count(" ") + 1 for paragraph in paragraphs)
    has_sentence = any(is_prose(paragraph) for paragraph in paragraphs)
    if words >= MIN_WORDS and has_sentence and not (len(body) > 65536 and is_junk(body)):
        return
    if is_junk(body):
        reason, message = DeadLetterReason.NO_ARTICLE_TEXT, "junk: repetitive or binary content"
    elif is_html and len(_CLOSE_TAGS.findall(body)) * 2 < len(_OPEN_TAGS.findall(body)):
        reason, message = DeadLetterReason.BROKEN_HTML, "unclosed tags and no article text"
    elif page.chrome_seen and not paragraphs:
        reason, message = DeadLetterReason.CHROME_ONLY, "page chrome only: no article paragraphs"
    else:
        reason = DeadLetterReason.NO_ARTICLE_TEXT
        message = f"{words} words and no full sentence of article text"
    raise StageRejected(STAGE, reason, message, details={"words": words})


def _outlet_name(host: str, page: Extracted) -> str:
    labels = host.split(".")
    for start in range(len(labels) - 1):
        name = OUTLET_NAMES.get(".".join(labels[start:]))
        if name:
            return name
    if page.site_name:
        return page.site_name
    stem = _domain_stem(host)
    for line in (*page.short_lines, *page.headlines):
        name = _SITE_SPLIT.split(line)[0].strip()
        if stem and stem in _SQUASH.sub("", name.casefold()) and name.count(" ") < 5:
            return name
    return host


def _domain_stem(host: str) -> str:
    labels = [label for label in host.split(".")[:-1] if label not in {"www", "en", "news", "m"}]
    return max(labels, key=len, default="")


def _headline(
    page: Extracted, host: str, outlet_name: str, paragraphs: list[str]
) -> tuple[str, list[str]]:
    stem, outlet = _domain_stem(host), fold(outlet_name)
    candidates = [
        line
        for line in page.headlines
        if fold(line) != outlet
        and not (len(stem) >= 4 and line.count(" ") < 5 and stem in _SQUASH.sub("", line.lower()))
    ]
    if not candidates:
        return " ".join(paragraphs[0].split()[:12]), []
    headline, flags = headline_flags(candidates[0])
    folded = fold(headline)
    for other in candidates[1:]:
        stripped, more = headline_flags(other)
        if fold(stripped) == folded:
            flags += [flag for flag in more if flag not in flags]
    return headline, flags


def _agency(page: Extracted, outlet_name: str, dateline: DatelineMatch | None) -> str | None:
    if dateline is not None and dateline.agency:
        return dateline.agency
    credited = credit_from([*page.meta_authors, *page.meta_lines]) or credit_from(
        line for line in page.credit_lines if "source" in line.lower()
    )
    if credited:
        return credited
    if outlet_name in AGENCY_OUTLETS:
        return agency_name(outlet_name)
    if dateline is not None and dateline.republisher and dateline.city:
        printed_city = dateline.raw.split("(")[0]
        if any(ch.islower() for ch in printed_city):
            return "AFP"  # UrduPoint prints AFP copy with a title-case city and no credit
    return None


def _published(
    page: Extracted,
    dateline: DatelineMatch | None,
    dateline_stamp: Stamp | None,
    *,
    tz: dt.tzinfo,
    zone_known: bool,
    fetched: dt.datetime,
) -> Stamp | None:
    """Meta tags, then the header date line, then byline stamps, then the dateline date.

    `dateline_stamp` is `find_stamp` of the dateline's date text, found once by the caller.
    """
    stamps: list[tuple[Stamp, bool]] = []  # (stamp, its time can be trusted)
    for value in page.meta_published:
        if stamp := parse_iso(value, tz=tz):
            stamps.append((stamp, True))
    for line in (page.header_date, *page.meta_lines):
        if line and (stamp := find_stamp(line, tz=tz, default_year=fetched.year)):
            stamps.append((_not_future(stamp, fetched), zone_known or has_explicit_zone(line)))
    if dateline is not None and dateline.date_text and dateline_stamp is not None:
        trusted = zone_known or has_explicit_zone(dateline.date_text)
        stamps.append((_not_future(dateline_stamp, fetched), trusted))
    if not stamps:
        return None
    best = stamps[0][0]
    if best.moment is None:
        same_day = (s for s, trusted in stamps if trusted and s.date == best.date and s.moment)
        best = next(same_day, best)
    return best


def _not_future(stamp: Stamp, fetched: dt.datetime) -> Stamp:
    """A yearless date later than the fetch belongs to the previous year."""
    if stamp.date <= fetched.date() + dt.timedelta(days=2):
        return stamp
    try:
        date = stamp.date.replace(year=stamp.date.year - 1)
    except ValueError:
        return stamp
    moment = stamp.moment.replace(year=date.year) if stamp.moment else None
    return Stamp(date, moment)


def _dateline(
    match: DatelineMatch | None, stamp: Stamp | None, page: Extracted, *, fetched: dt.datetime
) -> Dateline | None:
    """The dateline record; `stamp` is `find_stamp` of its date text (None without one)."""
    if match is None:
        if page.dateline_city:
            return Dateline(city=page.dateline_city, raw=page.dateline_city.upper())
        return None
    return Dateline(
        city=match.city,
        date=_not_future(stamp, fetched).date if stamp else None,
        chain=match.chain,
        raw=match.raw,
    )
