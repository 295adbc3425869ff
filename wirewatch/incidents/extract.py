"""Pure extraction: sentences -> trigger mentions -> one candidate per incident in the article."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas.incident import EventDate, Harm, IncidentType, Location, Target
from schemas.parsed import ParsedArticle
from wirewatch.incidents.actors import find_actors
from wirewatch.incidents.context import (
    ArticleContext,
    ResolvedTarget,
    article_context,
    reference_date,
    reported_harm,
)
from wirewatch.incidents.dates import DateMention, date_bounds, find_dates
from wirewatch.incidents.gazetteer import Place, capital, country_code, is_capital
from wirewatch.incidents.patterns import (
    NOT_NEWS_BEFORE,
    Trigger,
    find_triggers,
)
from wirewatch.incidents.settings import IncidentSettings
from wirewatch.incidents.targets import TargetMention, find_targets, target_model
from wirewatch.incidents.text import PlaceMention, find_countries, find_places, split_sentences

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_TOWN = 100_000
_MIN_SENTENCE = 40
_OBJECT_REACH = 120  # how far after a needs_target trigger its mission may be named
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]")
_TARGET_REQUIRED = frozenset({"vehicle_ramming"})  # without a target it is a traffic accident
_AT_PLACE = re.compile(r"^\s*(?:'s\s+\w+\s+)?(?:in|at|near|of)\s+(?:the\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class IncidentCandidate:
    """One incident as a single article reports it, before merging with other reports."""

    type: IncidentType
    target: Target | None
    location: Location
    event_date: EventDate | None
    actors: tuple[str, ...]
    evidence: tuple[str, ...]
    harm: Harm
    confidence: float
    date_from_report: bool = False


@dataclass(slots=True)
class _Mention:
    trigger: Trigger
    type: IncidentType
    target: ResolvedTarget | None
    place: Place | None
    date: DateMention | None
    sentence: str
    emit: bool
    paragraph: int = 0


@dataclass(slots=True)
class _Group:
    type: IncidentType
    target: ResolvedTarget | None
    place: Place | None
    mentions: list[_Mention] = field(default_factory=list)


def _place_after(target: TargetMention, sentence: str, places: list[PlaceMention]) -> Place | None:
    gap = _AT_PLACE.match(sentence[target.end :])
    if gap is None:
        return None
    for mention in places:
        if 0 <= mention.start - target.end - gap.end() <= 30:
            return mention.place
    return None


def _country_after(target: TargetMention, sentence: str) -> str | None:
    match = re.match(
        r"\s+(?:in|to)\s+((?:the\s+)?[A-ZА-ЯЁ][\w.]*(?:\s+[A-Z][\w]*)?)", sentence[target.end :]
    )
    if match is None:
        return None
    return country_code(match.group(1))


def _resolve(
    target: TargetMention, sentence: str, places: list[PlaceMention], ctx: ArticleContext
) -> ResolvedTarget:
    place = _place_after(target, sentence, places)
    if place is not None and target.kind == "embassy" and place.population < _TOWN:
        place = capital(place.country) or place  # embassies sit in capitals; this is a district
    hosted = _country_after(target, sentence)
    if place is None and hosted and target.kind in {"embassy", "ambassador"}:
        place = capital(hosted)
    previous = ctx.by_kind.get(target.kind) or ctx.by_kind.get(target.family())
    country = target.country
    if previous is not None and (country is None or country == previous.country):
        country = country or previous.country
        place = place or previous.place
    resolved = ResolvedTarget(target, country, place)
    if target.country is not None or place is not None:
        ctx.by_kind[target.kind] = resolved
        ctx.by_kind[target.family()] = resolved
    return resolved


def _nearest(items: Sequence[TargetMention], at: int) -> TargetMention | None:
    return min(items, key=lambda t: (abs(t.start - at), t.country is None), default=None)


def _pick_date(dates: list[DateMention], at: tuple[int, int]) -> DateMention | None:
    factual = [d for d in dates if not d.reporting] or dates
    return min(
        factual,
        key=lambda d: (d.reporting, min(abs(d.start - at[1]), abs(at[0] - d.end))),
        default=None,
    )


def _summoner_place(sentence: str, represented: str | None) -> Place | None:
    for _, _, code in find_countries(sentence):
        if code != represented:
            return capital(code)
    return None


def _sentence_mentions(
    sentence: str,
    hits: list[tuple[Trigger, re.Match[str]]],
    ref: dt.date,
    ctx: ArticleContext,
    emit: bool,
) -> list[_Mention]:
    found_targets = find_targets(sentence)
    if not hits and not found_targets:
        return []
    places = find_places(sentence, ctx.countries)
    targets = [_resolve(t, sentence, places, ctx) for t in found_targets]
    dates = find_dates(sentence, ref) if hits else []
    mentions: list[_Mention] = []
    seen: set[tuple[str, bool]] = set()
    specific = any(t.strong and not t.needs_target for t, _ in hits)
    for trigger, match in hits:
        if (trigger.type, trigger.strong) in seen or (trigger.needs_target and specific):
            continue
        if NOT_NEWS_BEFORE.search(sentence[max(0, match.start() - 40) : match.start()]):
            continue
        seen.add((trigger.type, trigger.strong))
        wanted = "person" if trigger.needs_diplomatic_target else "mission"
        pool = [r.mention for r in targets if r.mention.family() == wanted]
        if trigger.needs_target:  # the mission is what was hit: "rockets landed near the embassy"
            pool = [t for t in pool if _is_object(sentence, match, t)]
        nearest = _nearest(pool, match.start())
        target = next((r for r in targets if r.mention is nearest), None)
        if trigger.needs_diplomatic_target:
            if target is None:
                target = ctx.by_kind.get("person")
            if target is None:
                continue
        place = target.place if target else None
        if trigger.type == "diplomatic_protest" and target is not None:
            place = _place_after(target.mention, sentence, places) or place
            place = place or _summoner_place(sentence, target.country)
        if place is None and places and trigger.type != "diplomatic_protest":
            place = _nearby_place(places, match.start(), target, ctx)
        kind: IncidentType = trigger.type
        if kind == "blockade" and target is None:
            kind = "protest"  # a road blocked by demonstrators is a protest (see docs)
        date = _pick_date(dates, match.span())
        mentions.append(_Mention(trigger, kind, target, place, date, sentence, emit))
    return mentions


def _is_object(sentence: str, trigger: re.Match[str], target: TargetMention) -> bool:
    """Whether `target` is named in the trigger's own clause, after it: what was hit, not who
    reported it ("drones hit a depot, the embassy said")."""
    if not 0 <= target.start - trigger.start() <= _OBJECT_REACH:
        return False
    return _CLAUSE_BREAK.search(sentence, trigger.end(), max(trigger.end(), target.start)) is None


def _nearby_place(
    places: list[PlaceMention], at: int, target: ResolvedTarget | None, ctx: ArticleContext
) -> Place | None:
    """The sentence's city nearest the trigger; an embassy prefers a capital (embassies are)."""
    if target is not None and target.mention.kind == "embassy":
        capitals = [p for p in places if is_capital(p.place)]
        if capitals:
            return capitals[0].place
        top = ctx.top_city()
        if top is not None and is_capital(top):
            return top
        if ctx.host is not None:
            return capital(ctx.host)
    return min(places, key=lambda p: abs(p.start - at)).place


def _same_target(left: ResolvedTarget | None, right: ResolvedTarget | None) -> bool:
    if left is None or right is None:
        return left is right
    if left.mention.family() != right.mention.family():
        return False
    return left.country is None or right.country is None or left.country == right.country


def _same_place(left: Place | None, right: Place | None) -> bool:
    if left is None or right is None:
        return True
    return left.country == right.country and (
        left.city is None or right.city is None or left.city == right.city
    )


def _group(mentions: list[_Mention]) -> list[_Group]:
    groups: list[_Group] = []
    strong = [m for m in mentions if m.trigger.strong]
    for mention in strong:
        if mention.target is None:
            continue
        group = next(
            (
                g
                for g in groups
                if g.type == mention.type
                and _same_target(g.target, mention.target)
                and _same_place(g.place, mention.place)
            ),
            None,
        )
        if group is None:
            group = _Group(mention.type, mention.target, mention.place)
            groups.append(group)
        group.place = group.place or mention.place
        if group.target is not None and group.target.country is None:
            group.target = mention.target
        group.mentions.append(mention)
    for mention in strong:
        if mention.target is not None:
            continue
        # an article rarely reports two incidents of one type and names a target for only one
        if mention.date is None or mention.date.reporting:
            continue  # undated and untargeted: a generic complaint, not a report
        group = next((g for g in groups if g.type == mention.type), None)
        if group is None:
            if mention.type in _TARGET_REQUIRED or mention.trigger.needs_target:
                continue
            group = _Group(mention.type, None, mention.place)
            groups.append(group)
        group.mentions.append(mention)
    for mention in mentions:
        if mention.trigger.strong or mention.target is None:
            continue
        group = next(
            (
                g
                for g in groups
                if _same_target(g.target, mention.target) and _same_place(g.place, mention.place)
            ),
            None,
        )
        if group is not None:
            group.mentions.append(mention)
    return groups


def _best_date(group: _Group) -> DateMention | None:
    dated = [m.date for m in group.mentions if m.date is not None]
    return max(dated, key=lambda d: (not d.reporting, _PRECISION_RANK[d.precision]), default=None)


def _is_background(date: DateMention | None, ref: dt.date, settings: IncidentSettings) -> bool:
    if date is None:
        return False
    return (ref - date_bounds(date.value)[1]).days > settings.background_days


def _location(place: Place) -> Location:
    return Location(
        city=place.city,
        admin1=place.admin1,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        precision="city" if place.city else "country",
    )


def _candidate(group: _Group, date: DateMention | None, body: Sequence[str]) -> IncidentCandidate:
    assert group.place is not None
    target = None
    if group.target is not None:
        target = target_model(group.target.mention, group.target.country)
    evidence = tuple(dict.fromkeys(m.sentence for m in group.mentions if m.emit))
    confidence = 0.4 + 0.2 * (target is not None) + 0.15 * (date is not None)
    confidence += 0.1 * (group.place.city is not None) + 0.05 * min(len(evidence) - 1, 2)
    return IncidentCandidate(
        type=group.type,
        target=target,
        location=_location(group.place),
        event_date=EventDate(value=date.value, precision=date.precision) if date else None,
        actors=find_actors(evidence),
        evidence=evidence,
        harm=reported_harm(body),
        confidence=round(min(confidence, 0.95), 3),
        date_from_report=date is not None and date.reporting,
    )


@dataclass(slots=True)
class _Paragraph:
    """One paragraph text's triggers as a whole, and (when asked) per sentence."""

    triggers: list[tuple[Trigger, re.Match[str]]]
    sentences: list[str] | None = None
    hits: list[list[tuple[Trigger, re.Match[str]]]] = field(default_factory=list)


def _paragraph(paragraph: str, analysed: dict[str, _Paragraph]) -> _Paragraph:
    """The paragraph's analysis, once per paragraph text and call.

    Every trigger a sentence matches also matches its paragraph (a sentence is a stretch of it
    between blanks), so sentences of a paragraph without triggers need no trigger scan.
    """
    found = analysed.get(paragraph)
    if found is None:
        found = analysed[paragraph] = _Paragraph(find_triggers(paragraph))
    return found


def _analyse(paragraph: str, analysed: dict[str, _Paragraph]) -> _Paragraph:
    """The paragraph's sentences and their trigger matches."""
    found = _paragraph(paragraph, analysed)
    if found.sentences is None:
        found.sentences = split_sentences(paragraph)
        if found.triggers:
            found.hits = [find_triggers(sentence) for sentence in found.sentences]
        else:
            found.hits = [[] for _ in found.sentences]
    return found


def _reports_news(paragraph: str, analysed: dict[str, _Paragraph]) -> bool:
    """Whether a sentence of the paragraph matches a strong trigger."""
    if not any(t.strong for t, _ in _paragraph(paragraph, analysed).triggers):
        return False
    return any(t.strong for h in _analyse(paragraph, analysed).hits for t, _ in h)


def extract_incidents(
    parsed: ParsedArticle, paragraphs: Sequence[str], settings: IncidentSettings
) -> list[IncidentCandidate]:
    """Return one candidate per incident that `paragraphs` report as news (pure, deterministic)."""
    wanted = set(paragraphs)
    analysed: dict[str, _Paragraph] = {}
    if not any(_reports_news(p, analysed) for p in paragraphs):
        return []  # most news reports no incident: skip the gazetteer work
    known = set(parsed.paragraphs)
    body = list(parsed.paragraphs) + [p for p in paragraphs if p not in known]
    split: list[tuple[int, str]] = []
    hits: list[list[tuple[Trigger, re.Match[str]]]] = []
    for i, paragraph in enumerate(body):
        parts = _analyse(paragraph, analysed)
        assert parts.sentences is not None
        split.extend((i, sentence) for sentence in parts.sentences)
        hits.extend(parts.hits)
    relevant = [s for (_, s), h in zip(split, hits, strict=True) if h or find_targets(s)]
    ctx = article_context(parsed, [s for _, s in split], relevant)
    ref = reference_date(parsed)
    mentions: list[_Mention] = []
    previous = (-1, "")
    for (index, sentence), sentence_hits in zip(split, hits, strict=True):
        found = _sentence_mentions(sentence, sentence_hits, ref, ctx, body[index] in wanted)
        for mention in found:
            mention.paragraph = index
            if mention.date is None and previous[0] == index and len(previous[1]) >= _MIN_SENTENCE:
                # "The envelope was opened on January 16. Inside was a white powder."
                earlier = [d for d in find_dates(previous[1], ref) if not d.reporting]
                mention.date = earlier[-1] if earlier else None
        mentions.extend(found)
        previous = (index, sentence)
    candidates: list[IncidentCandidate] = []
    for group in _group(mentions):
        if not any(m.emit for m in group.mentions):
            continue
        date = _best_date(group)
        if _is_background(date, ref, settings):
            continue
        if group.place is None:
            group.place = ctx.top_city() or (capital(ctx.host) if ctx.host else None)
        if group.place is None:
            continue
        near = sorted({i + d for m in group.mentions for i in (m.paragraph,) for d in (0, 1)})
        context = [body[i] for i in near if i < len(body)]
        candidates.append(_candidate(group, date, context))
    return candidates
