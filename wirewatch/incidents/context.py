"""What an article establishes for its sentences: reference day, host country, named places."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas.incident import Harm
from schemas.parsed import ParsedArticle
from wirewatch.incidents.caseless import CaselessPattern, lowered_ascii
from wirewatch.incidents.gazetteer import Place, fold
from wirewatch.incidents.patterns import ARREST, DENIAL, INJURY
from wirewatch.incidents.targets import TargetMention
from wirewatch.incidents.text import find_countries, find_places


@dataclass(slots=True)
class ResolvedTarget:
    """A target with its country and place filled in from the sentence or the article."""

    mention: TargetMention
    country: str | None
    place: Place | None


@dataclass(slots=True)
class ArticleContext:
    """What the article established so far: last named target per kind, common places."""

    countries: frozenset[str]
    host: str | None
    texts: list[tuple[str, int]]
    by_kind: dict[str, ResolvedTarget] = field(default_factory=dict)
    _top: list[Place | None] = field(default_factory=list)

    def top_city(self) -> Place | None:
        """The city the article names most (the outlet's own name counts twice); lazy."""
        if not self._top:
            cities: Counter[str] = Counter()
            places: dict[str, Place] = {}
            for text, weight in self.texts:
                for mention in find_places(text, self.countries):
                    if weight > 1 and mention.place.country not in self.countries:
                        continue
                    key = fold(mention.place.city or "")
                    cities[key] += weight
                    places.setdefault(key, mention.place)
            self._top.append(places[cities.most_common(1)[0][0]] if cities else None)
        return self._top[0]


def reference_date(parsed: ParsedArticle) -> dt.date:
    """The day relative dates count from: published_at, else the dateline date, else fetched_at."""
    if parsed.published_at is not None:
        return parsed.published_at.date()
    if parsed.dateline is not None and parsed.dateline.date is not None:
        return parsed.dateline.date
    return parsed.fetched_at.date()


def _tld_country(domain: str) -> str | None:
    tld = domain.rsplit(".", 1)[-1].lower()
    return {"uk": "GB"}.get(tld) or (tld.upper() if len(tld) == 2 else None)


def article_context(
    parsed: ParsedArticle, sentences: Sequence[str], relevant: Sequence[str]
) -> ArticleContext:
    """Countries named near incidents (plus the outlet's), and the texts for the top city."""
    countries = {code for text in relevant for *_, code in find_countries(text)}
    host = _tld_country(parsed.outlet.domain)
    if host:
        countries.add(host)
    # a local paper is usually named after its city ("Turku Daily"): that counts twice
    texts = [(parsed.outlet.name, 2), (parsed.headline, 1), *((t, 1) for t in sentences)]
    return ArticleContext(countries=frozenset(countries), host=host, texts=texts)


_CLAUSE = re.compile(r"[,;]|\bbut\b|\band\b")


def _judge(sentences: Sequence[str], pattern: CaselessPattern) -> bool | None:
    """None when no clause mentions it; else whether some clause states it undenied."""
    verdict: bool | None = None
    for sentence in sentences:
        lowered = lowered_ascii(sentence)
        if pattern.search(sentence, lowered) is None:
            continue  # a clause can only match where its sentence does
        for clause in _CLAUSE.split(sentence):
            lowered = lowered_ascii(clause)
            if pattern.search(clause, lowered):
                verdict = bool(verdict) or DENIAL.search(clause, lowered) is None
    return verdict


def reported_harm(sentences: Sequence[str]) -> Harm:
    """Injuries and arrests as the sentences state them; a denied mention is False."""
    return Harm(injuries=_judge(sentences, INJURY), arrests=_judge(sentences, ARREST))
