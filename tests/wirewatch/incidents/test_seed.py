"""The UrduPoint/Sputnik seed: one arson attempt, one blockade, one summons, nothing else."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from schemas.incident import IncidentEvent
from schemas.parsed import ParsedArticle
from tests.shared_data import require_shared
from tests.wirewatch.incidents.articles import DAY_REPORT, article
from wirewatch.incidents.settings import IncidentSettings
from wirewatch.incidents.tracker import IncidentTracker
from wirewatch.pipeline import Pipeline
from wirewatch.state import in_memory_stores

SEED = "seed/urdupoint-sputnik-2022-10-11.txt"
PUBLISHED = dt.datetime(2022, 10, 11, 1, 40, tzinfo=dt.timezone(dt.timedelta(hours=5)))


def _seed_text() -> str:
    return (require_shared() / SEED).read_text(encoding="utf-8")


def _seed_constructed() -> ParsedArticle:
    """The seed body as paragraphs (after the header lines), published 2022-10-11."""
    blocks = [b.strip() for b in _seed_text().split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("WASHINGTON"))
    return article("seed", blocks[start:], published=PUBLISHED, domain="www.urdupoint.com")


def _seed_parsed() -> ParsedArticle:
    payload = {
        "id": "seed",
        "url": "https://www.urdupoint.com/en/world/russia-demands-ottawa-boost-security.html",
        "fetched_at": "2022-10-11T06:00:00Z",
        "content_type": "text/plain",
        "body": _seed_text(),
    }
    parsed = Pipeline().parse(json.dumps(payload).encode())
    assert isinstance(parsed, ParsedArticle)
    return parsed


def _observe(parsed: ParsedArticle) -> tuple[IncidentTracker, dict[str, IncidentEvent]]:
    tracker = IncidentTracker(IncidentSettings(), in_memory_stores(IncidentTracker.STORE_NAMES))
    events = tracker.observe(
        parsed, story_id="story-seed", role="new_story", paragraphs=parsed.paragraphs
    )
    assert all(e.event_kind == "created" for e in events)
    return tracker, {e.type: e for e in events}


@pytest.mark.corpus
@pytest.mark.parametrize("build", [_seed_constructed, _seed_parsed], ids=["constructed", "parser"])
def test_seed_yields_exactly_the_three_incidents(build: object) -> None:
    """Arson attempt, separate blockade and summons; the complaint and the demand add nothing."""
    _, by_type = _observe(build())  # type: ignore[operator]
    assert sorted(by_type) == ["arson_attempt", "blockade", "diplomatic_protest"]
    arson = by_type["arson_attempt"]
    assert arson.target is not None
    assert (arson.target.name, arson.target.represented_country) == ("Russian Embassy", "RU")
    assert (arson.location.city, arson.location.country) == ("Ottawa", "CA")
    assert arson.event_date is not None
    assert (arson.event_date.value, arson.event_date.precision) == ("2022-09", "month")
    blockade = by_type["blockade"]
    assert blockade.incident_id != arson.incident_id
    assert blockade.target is not None
    assert blockade.target.represented_country == "RU"
    summons = by_type["diplomatic_protest"]
    assert summons.target is not None
    assert summons.target.represented_country == "CA"
    assert (summons.location.city, summons.location.country) == ("Moscow", "RU")


@pytest.mark.corpus
def test_seed_complaint_is_not_evidence() -> None:
    """The general complaint about eggs and Molotov cocktails is no incident's evidence."""
    _, by_type = _observe(_seed_constructed())
    sentences = [e.sentence for event in by_type.values() for e in event.evidence]
    assert not any("throwing eggs" in s for s in sentences)


@pytest.mark.corpus
def test_seed_date_sharpens_when_the_day_is_reported() -> None:
    """A later report saying "shortly after midnight on September 12" sharpens the date."""
    tracker, by_type = _observe(_seed_constructed())
    later = article(
        "day-report",
        DAY_REPORT,
        published=dt.datetime(2022, 10, 14, 9, 0, tzinfo=dt.UTC),
        domain="ottawa.example",
    )
    (event,) = tracker.observe(later, story_id="story-day", role="new_story", paragraphs=DAY_REPORT)
    assert event.event_kind == "updated"
    assert event.incident_id == by_type["arson_attempt"].incident_id
    assert event.event_date is not None
    assert (event.event_date.value, event.event_date.precision) == ("2022-09-12", "day")
    assert (event.num_stories, event.num_articles, event.num_outlets) == (2, 2, 2)
