"""Text helpers: glued-paragraph repair, headline flags, matching text, language, junk, quotes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import chain
from typing import Final

from schemas.parsed import Quote

_GLUE: Final = re.compile(
    r"(?<=[a-z]{2}[.!?])(?=[\"“]?[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”])(?=[A-Z])"
)
_FLAG: Final = re.compile(
    r"^(?P<flag>RPT|REPEAT|UPDATE(?:\s+\d+)?|REFILE|CORRECTED|CORRECTION|EXCLUSIVE|BREAKING|"
    r"URGENT|WRAPUP(?:\s+\d+)?|ANALYSIS|FACTBOX|INSTANT VIEW)\s*(?:[-–—:]\s*)",
)
_NON_WORD: Final = re.compile(r"[\W_]+")
_WORD: Final = re.compile(r"[^\W\d_]+")
_CYRILLIC: Final = re.compile(r"[Ѐ-ӿ]")
_LATIN: Final = re.compile(r"[A-Za-z]")
_STOPWORDS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        ["the", "and", "of", "to", "in", "that", "is", "was", "for", "on", "said", "with"]
    ),
    "de": frozenset(
        ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "von", "sich", "auf"]
    ),
    "fr": frozenset(["le", "la", "les", "et", "des", "est", "une", "pour", "dans", "que", "du"]),
    "es": frozenset(["el", "la", "los", "las", "y", "que", "del", "por", "una", "para", "con"]),
    "it": frozenset(["il", "la", "che", "di", "e", "per", "una", "sono", "della", "con", "gli"]),
    "tr": frozenset(["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "dedi"]),
    "pt": frozenset(["o", "a", "os", "que", "e", "do", "da", "em", "para", "com", "não"]),
    "nl": frozenset(["de", "het", "een", "en", "van", "dat", "niet", "is", "op", "zijn"]),
}
_STOP_INDEX: Final[dict[str, tuple[str, ...]]] = {
    word: tuple(code for code, words in _STOPWORDS.items() if word in words)
    for words in _STOPWORDS.values()
    for word in words
}
#: Sentence punctuation glued to what follows; a glue hint when a lowercase letter precedes it.
_GLUE_HINT: Final = re.compile(r"[.!?][\"”]?[A-Z\"“]")
_QUOTE: Final = re.compile(r"[\"“«](?P<text>[^\"“”«»]{12,600}?)[\"”»]")
_NAME: Final = r"(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}|the [a-z]+(?: [a-z]+)?)"
_AFTER: Final = re.compile(
    r"^,?\s*(?:(?P<a>" + _NAME + r") (?:said|says|added|stressed|noted|told|shared|wrote|"
    r"explained|insisted|warned)|(?:said|says|added|stressed|noted) (?P<b>" + _NAME + r")|"
    r"(?P<pron>he|she|they) (?:said|added|stressed|noted))"
)
_BEFORE: Final = re.compile(r"(?P<c>" + _NAME + r") (?:said|says|added|wrote)\s*:\s*$")
#: ASCII bytes -> themselves when `\w` and not `_`, else a space; `_LOWER_WORDS` also lowercases.
_WORDS: Final = bytes(b if b < 128 and chr(b).isalnum() else 32 for b in range(256))
_LOWER_WORDS: Final = _WORDS.lower()
#: ASCII bytes -> lowercase letters, everything else a space: `[^\W\d_]` on ASCII text.
_LOWER_LETTERS: Final = bytes(b if b < 128 and chr(b).isalpha() else 32 for b in range(256)).lower()
#: Common non-word characters outside ASCII; replacing them with a space keeps more texts ASCII.
_NON_WORD_PUNCT: Final = "\u00a0\u00a9\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"


def split_glued(paragraph: str) -> list[str]:
    """Split paragraphs glued without a break (`... Ottawa.LeClaire was ...`)."""
    if not _glue_hinted(paragraph):
        return [paragraph]
    parts: list[str] = []
    pending = ""
    for part in _GLUE.split(paragraph):
        part = part.strip()
        if part and not any(ch.isalnum() for ch in part):
            if parts and parts[-1].count('"') % 2 == 1:
                parts[-1] += part  # a closing quote belongs to the sentence before
            else:
                pending += part  # an opening quote belongs to the sentence after
        elif part:
            parts.append(pending + part)
            pending = ""
    return parts


def split_all_glued(paragraphs: list[str]) -> list[str]:
    """`split_glued` over every paragraph, with one scan of them all when none is glued."""
    if not _glue_hinted("\n".join(paragraphs)):  # no hint can span a line break
        return list(paragraphs)
    return [part for paragraph in paragraphs for part in split_glued(paragraph)]


def _glue_hinted(paragraph: str) -> bool:
    """True when `[a-z][.!?]["”]?[A-Z"“]` occurs: scanning for the punctuation first is faster."""
    for match in _GLUE_HINT.finditer(paragraph):
        start = match.start()
        if start and "a" <= paragraph[start - 1] <= "z":
            return True
    return False


def headline_flags(headline: str) -> tuple[str, list[str]]:
    """Strip wire prefixes such as `RPT - ` and `UPDATE 2 - `; return (headline, flags)."""
    flags: list[str] = []
    while match := _FLAG.match(headline):
        flags.append(" ".join(match.group("flag").split()).upper())
        headline = headline[match.end() :]
    return headline.strip(), flags


def fold(text: str) -> str:
    """Casefold and drop punctuation, for comparing headlines and lines."""
    if text.isascii():
        return b" ".join(text.encode("ascii").translate(_LOWER_WORDS).split()).decode("ascii")
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def matching_text(paragraphs: list[str]) -> str:
    """Lowercase NFKC text without punctuation: glued or split, the same words give one text."""
    text = " ".join(paragraphs)
    if not text.isascii():
        text = _without_punct(unicodedata.normalize("NFKC", text).casefold())
        if not text.isascii():
            return " ".join(_NON_WORD.sub(" ", text).split())
    return b" ".join(text.encode("ascii").translate(_LOWER_WORDS).split()).decode("ascii")


def _without_punct(text: str) -> str:
    """Common non-ASCII punctuation replaced by spaces: word runs stay, more texts are ASCII."""
    for char in _NON_WORD_PUNCT:
        if char in text:
            text = text.replace(char, " ")
    return text


def detect_language(text: str) -> str:
    """ISO 639-1 code from script and stopwords; English when unsure."""
    sample = text[:3000]
    ascii_sample = sample.isascii()
    if (
        not ascii_sample
        and _CYRILLIC.search(sample)
        and len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample))
    ):
        return "uk" if re.search(r"[іїєґ]", sample) else "ru"
    head = sample[:800] if ascii_sample else _without_punct(sample[:800].casefold())
    if head.isascii():
        words = head.encode("ascii").translate(_LOWER_LETTERS).decode("ascii").split()
    else:
        words = _WORD.findall(head)
    hits = dict.fromkeys(_STOPWORDS, 0)
    # Each stopword counts once for every language that lists it; map/filter keep this in C.
    found = map(_STOP_INDEX.__getitem__, filter(_STOP_INDEX.__contains__, words))
    hits.update(Counter(chain.from_iterable(found)))
    best = max(hits, key=lambda code: hits[code])
    return best if hits[best] > hits["en"] else "en"


def is_junk(text: str) -> bool:
    """Machine noise rather than prose: highly repetitive tokens or replacement characters."""
    tokens = text.split()
    if len(tokens) < 50:
        return False
    if text.count("\ufffd") * 100 > len(text):
        return True
    sample = tokens[:5000]
    return len(set(sample)) / len(sample) < 0.08


def find_quotes(paragraphs: list[str]) -> list[Quote]:
    """Direct quotations with the speaker named next to them, where one is."""
    quotes: list[Quote] = []
    last_speaker: str | None = None
    for paragraph in paragraphs:
        if not ('"' in paragraph or "“" in paragraph or "«" in paragraph):
            continue  # every quotation opens with one of these
        for match in _QUOTE.finditer(paragraph):
            speaker = _speaker(paragraph, match, last_speaker)
            last_speaker = speaker or last_speaker
            text = match.group("text").strip().rstrip(",")
            quotes.append(Quote(speaker=speaker, text=text))
    return quotes


def _speaker(paragraph: str, match: re.Match[str], last: str | None) -> str | None:
    after = _AFTER.match(paragraph[match.end() :])
    if after:
        if after.group("pron"):
            return last
        return after.group("a") or after.group("b")
    before = _BEFORE.search(paragraph[: match.start()])
    return before.group("c") if before else None
