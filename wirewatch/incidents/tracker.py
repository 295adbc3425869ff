"""Merging: attach each report to an existing incident or create one; copies only raise counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from schemas.incident import EventDate, Evidence, Harm, IncidentEvent
from schemas.parsed import ParsedArticle
from wirewatch.ids import stable_id
from wirewatch.incidents.dates import dates_compatible
from wirewatch.incidents.extract import IncidentCandidate, extract_incidents
from wirewatch.incidents.gazetteer import fold
from wirewatch.incidents.settings import IncidentSettings
from wirewatch.state import require_stores

_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_COUNT_ONLY_ROLES = frozenset({"copy", "recapture"})
_SAME_FAMILY = ({"protest", "blockade"},)
_PERSON_KINDS = frozenset({"ambassador", "diplomat"})
_LOADED_MAX = 4096


def reported_at(parsed: ParsedArticle) -> dt.datetime:
    """When the article reported: published_at, else its dateline date, else fetched_at."""
    if parsed.published_at is not None:
        return parsed.published_at
    if parsed.dateline is not None and parsed.dateline.date is not None:
        return dt.datetime.combine(parsed.dateline.date, dt.time(), tzinfo=dt.UTC)
    return parsed.fetched_at


def block_key(country: str, city: str | None) -> str:
    """The blocking key incidents are indexed by: country and folded city."""
    return f"{country}|{fold(city) if city else '-'}"


def _types_compatible(left: str, right: str) -> bool:
    return left == right or any({left, right} <= family for family in _SAME_FAMILY)


def _matches(event: IncidentEvent, cand: IncidentCandidate, settings: IncidentSettings) -> bool:
    """Same target and place, compatible type, dates within the window."""
    if not _types_compatible(event.type, cand.type):
        return False
    if event.target is not None and cand.target is not None:
        if (event.target.kind in _PERSON_KINDS) != (cand.target.kind in _PERSON_KINDS):
            return False
        countries = {event.target.represented_country, cand.target.represented_country}
        if len(countries - {None}) > 1:
            return False
    elif (event.target is None) != (cand.target is None) and event.type != cand.type:
        return False
    if event.event_date is None or cand.event_date is None:
        return event.target is not None and cand.target is not None
    return dates_compatible(
        event.event_date.value, cand.event_date.value, settings.merge_window_days
    )


def _sharper(
    current: EventDate | None, new: EventDate | None, current_is_report_day: bool = False
) -> EventDate | None:
    """The more precise date; a date taken from "told X on Tuesday" yields to a stated one."""
    if new is None:
        return current
    if current is None or _PRECISION_RANK[new.precision] > _PRECISION_RANK[current.precision]:
        return new
    if (
        current_is_report_day
        and _PRECISION_RANK[new.precision] >= _PRECISION_RANK[current.precision]
    ):
        return new
    return current


def _either(left: bool | None, right: bool | None) -> bool | None:
    if left is None or right is None:
        return left if right is None else right
    return left or right


@dataclass(slots=True)
class _State:
    """One incident while an article is applied: its event, outlets and date provenance."""

    event: IncidentEvent
    outlets: list[str]
    report_day: bool
    changed: bool = False

    def record(self) -> dict[str, Any]:
        """The JSON-ready store value."""
        return {
            "event": self.event.model_dump(mode="json"),
            "outlets": self.outlets,
            "report_day": self.report_day,
        }


class IncidentTracker:
    """Keeps incidents in named stores and turns each observed article into incident events.

    Stores (string keys, JSON-ready values; only get / [] / []= / in are used):
    - `incidents`: incident id -> {"event": IncidentEvent JSON, "outlets": [domain],
      "report_day": bool (the date is only the day it was told)}
    - `incident_blocks`: "CC|folded city" -> [incident id], the merge candidates for a place
    - `incident_stories`: story id -> {"incidents": [incident id],
      "articles": [[article id, outlet domain, reported_at ISO]]}
    """

    STORE_NAMES: tuple[str, ...] = ("incidents", "incident_blocks", "incident_stories")

    def __init__(
        self, settings: IncidentSettings, stores: Mapping[str, MutableMapping[str, Any]]
    ) -> None:
        require_stores(stores, self.STORE_NAMES, "IncidentTracker")
        self.settings = settings
        self._incidents = stores["incidents"]
        self._blocks = stores["incident_blocks"]
        self._stories = stores["incident_stories"]
        # incident id -> (the record this tracker stored, the event it holds), so that a record
        # read back as the very object stored needs no validation; a bounded memo, not state
        self._loaded: dict[str, tuple[dict[str, Any], IncidentEvent]] = {}

    def observe(
        self, parsed: ParsedArticle, *, story_id: str, role: str, paragraphs: Sequence[str]
    ) -> list[IncidentEvent]:
        """Record one article of a story; return the created/updated incidents, in order."""
        stored = self._stories.get(story_id) or {"incidents": [], "articles": []}
        story = {"incidents": list(stored["incidents"]), "articles": list(stored["articles"])}
        article = [parsed.article_id, parsed.outlet.domain, reported_at(parsed).isoformat()]
        if all(seen[0] != parsed.article_id for seen in story["articles"]):
            story["articles"] = [*story["articles"], article][-self.settings.max_story_articles :]
        # incidents in the order first looked at; None: looked at, ruled out without loading
        touched: dict[str, _State | None] = {}
        for incident_id in story["incidents"]:
            self._apply(self._state(touched, incident_id), story, story_id, parsed, None)
        if role not in _COUNT_ONLY_ROLES and paragraphs:
            for cand in extract_incidents(parsed, paragraphs, self.settings):
                incident_id = self._find(cand, story["incidents"], touched)
                if incident_id is None:
                    incident_id = self._create(cand, parsed, story_id, touched)
                if incident_id not in story["incidents"]:
                    story["incidents"].append(incident_id)
                self._apply(self._state(touched, incident_id), story, story_id, parsed, cand)
        self._stories[story_id] = story
        events: list[IncidentEvent] = []
        for incident_id, state in touched.items():
            if state is not None and state.changed:
                record = state.record()
                self._incidents[incident_id] = record
                self._remember(incident_id, record, state.event)
                events.append(state.event)
        return events

    def _state(self, touched: dict[str, _State | None], incident_id: str) -> _State:
        state = touched.get(incident_id)
        if state is None:
            record = self._incidents[incident_id]
            loaded = self._loaded.get(incident_id)
            if loaded is not None and loaded[0] is record:
                event = loaded[1]
            else:
                event = IncidentEvent.model_validate(record["event"])
            state = touched[incident_id] = _State(
                event,
                list(record["outlets"]),
                bool(record.get("report_day", False)),
            )
        return state

    def _remember(self, incident_id: str, record: dict[str, Any], event: IncidentEvent) -> None:
        self._loaded.pop(incident_id, None)
        if len(self._loaded) >= _LOADED_MAX:
            del self._loaded[next(iter(self._loaded))]  # the least recently stored
        self._loaded[incident_id] = (record, event)

    def _find(
        self,
        cand: IncidentCandidate,
        story_incidents: Sequence[str],
        touched: dict[str, _State | None],
    ) -> str | None:
        """The first incident of this story, then of this place, that the candidate matches."""
        key = block_key(cand.location.country, cand.location.city)
        pool = list(story_incidents)
        pool += [i for i in self._blocks.get(key, []) if i not in story_incidents]
        for incident_id in pool:
            state = touched.get(incident_id)
            if state is None:
                # type and place never change: rule the incident out on its stored JSON
                touched.setdefault(incident_id, None)
                stored = self._incidents[incident_id]["event"]
                place = stored["location"]
                if not _types_compatible(stored["type"], cand.type) or (
                    block_key(place["country"], place.get("city")) != key
                ):
                    continue
                state = self._state(touched, incident_id)
            event = state.event
            same_place = block_key(event.location.country, event.location.city) == key
            if same_place and _matches(event, cand, self.settings):
                return incident_id
        return None

    def _create(
        self,
        cand: IncidentCandidate,
        parsed: ParsedArticle,
        story_id: str,
        touched: dict[str, _State | None],
    ) -> str:
        target = cand.target.name if cand.target else ""
        place = f"{cand.location.country}/{cand.location.city or ''}"
        incident_id = stable_id("inc", parsed.article_id, cand.type, target, place)
        when = reported_at(parsed)
        event = IncidentEvent(
            event_kind="created",
            incident_id=incident_id,
            revision=1,
            type=cand.type,
            target=cand.target,
            actors=list(cand.actors),
            location=cand.location,
            event_date=cand.event_date,
            harm=cand.harm,
            first_reported_at=when,
            last_reported_at=when,
            evidence=[
                Evidence(sentence=sentence, article_id=parsed.article_id)
                for sentence in cand.evidence[: self.settings.max_evidence]
            ],
            article_ids=[parsed.article_id],
            story_ids=[story_id],
            num_articles=1,
            num_stories=1,
            num_outlets=1,
            confidence=cand.confidence,
        )
        touched[incident_id] = _State(
            event, [parsed.outlet.domain], cand.date_from_report, changed=True
        )
        key = block_key(cand.location.country, cand.location.city)
        ids = [*self._blocks.get(key, []), incident_id][-self.settings.max_block_incidents :]
        self._blocks[key] = ids
        return incident_id

    def _apply(
        self,
        state: _State,
        story: dict[str, Any],
        story_id: str,
        parsed: ParsedArticle,
        cand: IncidentCandidate | None,
    ) -> None:
        """Add the story's articles (and the candidate's facts) to one incident."""
        event = before = state.event
        articles = list(event.article_ids)
        times = [event.first_reported_at, event.last_reported_at]
        for article_id, outlet, when in story["articles"]:
            if article_id not in articles:
                articles.append(article_id)
                times.append(dt.datetime.fromisoformat(when))
            if outlet not in state.outlets:
                state.outlets = [*state.outlets, outlet]
        stories = event.story_ids if story_id in event.story_ids else [*event.story_ids, story_id]
        update: dict[str, Any] = {
            "article_ids": articles,
            "story_ids": stories,
            "num_articles": len(articles),
            "num_stories": len(stories),
            "num_outlets": len(state.outlets),
            "first_reported_at": min(times),
            "last_reported_at": max(times),
        }
        if cand is not None:
            update |= self._facts(state, cand, parsed.article_id)
        # the copy differs from the event exactly where an update value does
        if not state.changed and any(getattr(before, k) != v for k, v in update.items()):
            update |= {"revision": before.revision + 1, "event_kind": "updated"}
            state.changed = True
        state.event = event.model_copy(update=update)

    def _facts(self, state: _State, cand: IncidentCandidate, article_id: str) -> dict[str, Any]:
        """Merge what one more report says: sharper date, evidence, actors, harm, confidence."""
        event = state.event
        date = _sharper(event.event_date, cand.event_date, state.report_day)
        if date is not event.event_date:
            state.report_day = cand.date_from_report
        evidence = list(event.evidence)
        for sentence in cand.evidence:
            if len(evidence) < self.settings.max_evidence and all(
                e.sentence != sentence for e in evidence
            ):
                evidence.append(Evidence(sentence=sentence, article_id=article_id))
        target = event.target
        if target is not None and cand.target is not None and target.represented_country is None:
            target = cand.target
        new_report = all(e.article_id != article_id for e in event.evidence)
        confidence = event.confidence
        if new_report:
            confidence = round(min(0.99, 1 - (1 - confidence) * (1 - cand.confidence)), 3)
        return {
            "evidence": evidence,
            "actors": list(dict.fromkeys([*event.actors, *cand.actors]))[:10],
            "event_date": date,
            "target": target or cand.target,
            "harm": Harm(
                injuries=_either(event.harm.injuries, cand.harm.injuries),
                arrests=_either(event.harm.arrests, cand.harm.arrests),
            ),
            "confidence": confidence,
        }
