"""Plain-text page layout: split a crawled text page into header, body paragraphs and chrome."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from wirewatch.parse.dateline import parse_dateline, standalone_city
from wirewatch.parse.lexicon import (
    NAV_SEPARATOR,
    is_chrome,
    is_terminator,
    regular_lines,
)

_TERMINAL = frozenset('.!?"”»)…:;')
_HEADER_DATE: Final = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_HAS_DATE: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}\b.*\d{1,2}:\d{2}|"
    r"\b[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b|\b\d{1,2} [A-Za-zА-Яа-я]{3,9},? \d{4}\b|"
    r"\b\d{1,2} [A-Z]{3},? \d{1,2}:\d{2}\b|\b\d{1,2}:\d{2} (?:GMT|UTC)\b"
)
_FOUR_DIGITS: Final = re.compile(r"\d{4}")
_BYLINE: Final = re.compile(r"^by\s|\|\s*by\s|\bpublished\b|^source\s*:|\|\s*source\s*:", re.I)
_CREDIT: Final = re.compile(r"^\((?:additional )?(?:reporting|writing|editing) by\b", re.I)


@dataclass
class Extracted:
    """What a page layout yields before field parsing; HTML and plain text both produce it."""

    headlines: list[str] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    credit_lines: list[str] = field(default_factory=list)
    short_lines: list[str] = field(default_factory=list)
    meta_published: list[str] = field(default_factory=list)
    meta_authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    dateline_city: str | None = None
    header_date: str | None = None
    chrome_seen: bool = False


def is_prose(line: str) -> bool:
    """A body sentence: at least eight words ending in sentence punctuation, or a dateline."""
    if line[-1] in _TERMINAL and line.count(" ") >= 7:
        return True
    head = line[:80]
    if not ("(" in head or "/" in head or "—" in head or "–" in head):
        return False
    return line.count(" ") >= 5 and parse_dateline(line) is not None


def is_meta(line: str) -> bool:
    """A header line holding a date or a byline rather than a headline."""
    if len(line) > 160:
        return False
    # Every `_HAS_DATE` branch needs four digits in a row or a `h:mm` colon: test that first.
    if (":" in line or _FOUR_DIGITS.search(line)) and _HAS_DATE.search(line):
        return True
    if line.isascii() and line[:1] not in "bBsS" and "|" not in line:
        # On ASCII text the only `_BYLINE` branch left needs the word `published`.
        return "published" in line.lower() and _BYLINE.search(line) is not None
    return _BYLINE.search(line) is not None


def is_nav(line: str) -> bool:
    """A navigation or site-name line such as `News | Sport | Culture`."""
    if line[-1:] in ".!?":  # an empty line is no navigation either
        return False
    # Every NAV_SEPARATOR match holds one of these marks: the `in` tests are much cheaper.
    if not ("|" in line or ">" in line or "»" in line or "·" in line or "•" in line):
        return False
    return NAV_SEPARATOR.search(line) is not None


def is_credit(line: str) -> bool:
    """A wire credit line such as `(Reporting by Eleni Mavrou; Editing by ...)`."""
    return line[:1] == "(" and _CREDIT.match(line) is not None


def layout_text(body: str) -> Extracted:
    """Classify each line of a plain-text page as header, body or chrome."""
    out = Extracted()
    state = "header"
    for line in clean_lines(body):
        if not line:
            continue
        if is_terminator(line):
            out.chrome_seen = True
            state = "trailer" if state == "body" else "list"
            continue
        if state == "trailer":
            out.credit_lines.append(line)
            continue
        if is_chrome(line):
            out.chrome_seen = True
            out.credit_lines.append(line)
            continue
        if line[0] == "(" and is_credit(line):  # the test spares most lines the call
            out.credit_lines.append(line)
            continue
        if state == "body":
            _body_line(out, line)
            continue
        if is_prose(line):
            state = "body"
            out.paragraphs.append(line)
        elif state == "list":
            continue
        elif _HEADER_DATE.match(line):
            out.header_date = line
        elif is_meta(line):
            out.meta_lines.append(line)
        elif is_nav(line):
            out.chrome_seen = True
            out.short_lines.append(line)
        elif (city := standalone_city(line)) is not None:
            out.dateline_city = city
        elif line.count(" ") >= 2:
            out.headlines.append(line)
        else:
            out.short_lines.append(line)
    return out


def clean_lines(body: str) -> list[str]:
    """The body's lines with whitespace runs collapsed and trimmed; empty lines stay, empty."""
    if regular_lines(body):
        return body.split("\n")  # already clean: no need to split and join every line
    return [" ".join(line.split()) for line in body.splitlines()]


def _body_line(out: Extracted, line: str) -> None:
    """Keep prose; drop navigation and short label lines such as `Advertisement`."""
    if is_nav(line):
        out.chrome_seen = True
        return
    if line[-1] not in _TERMINAL and line.count(" ") < 5:
        out.credit_lines.append(line)
        return
    out.paragraphs.append(line)
