"""Merging: independent reports join one incident, copies only count, dates sharpen."""

from __future__ import annotations

import datetime as dt
import json

from schemas.incident import IncidentEvent
from tests.wirewatch.incidents.articles import DAY_REPORT, article
from wirewatch.incidents.settings import IncidentSettings
from wirewatch.incidents.tracker import IncidentTracker
from wirewatch.state import in_memory_stores

MONTH_REPORT = [
    "The Russian embassy in Ottawa said a Molotov cocktail was thrown onto its grounds last "
    "month and that nobody has been charged.",
]
LATER = dt.datetime(2022, 10, 14, 9, 0, tzinfo=dt.UTC)


def _tracker() -> tuple[IncidentTracker, dict[str, dict[str, object]]]:
    stores = in_memory_stores(IncidentTracker.STORE_NAMES)
    return IncidentTracker(IncidentSettings(), stores), stores


def test_two_stories_and_a_copy_make_one_incident() -> None:
    """Two independent reports and one copy: one incident, 2 stories, 3 articles."""
    tracker, _ = _tracker()
    first = tracker.observe(
        article("a1", MONTH_REPORT, domain="one.example"),
        story_id="s1",
        role="new_story",
        paragraphs=MONTH_REPORT,
    )
    second = tracker.observe(
        article("a2", DAY_REPORT, domain="two.example", published=LATER),
        story_id="s2",
        role="new_story",
        paragraphs=DAY_REPORT,
    )
    third = tracker.observe(
        article("a3", MONTH_REPORT, domain="three.example"),
        story_id="s1",
        role="copy",
        paragraphs=[],
    )
    assert [e.event_kind for e in first + second + third] == ["created", "updated", "updated"]
    assert len({e.incident_id for e in first + second + third}) == 1
    final = third[-1]
    assert (final.num_stories, final.num_articles, final.num_outlets) == (2, 3, 3)
    assert [e.revision for e in first + second + third] == [1, 2, 3]


def test_date_sharpens_from_month_to_day() -> None:
    """A later report that gives the day replaces the month-precision date."""
    tracker, _ = _tracker()
    tracker.observe(
        article("a1", MONTH_REPORT), story_id="s1", role="new_story", paragraphs=MONTH_REPORT
    )
    (event,) = tracker.observe(
        article("a2", DAY_REPORT, published=LATER),
        story_id="s2",
        role="new_story",
        paragraphs=DAY_REPORT,
    )
    assert event.event_date is not None
    assert (event.event_date.value, event.event_date.precision) == ("2022-09-12", "day")


def test_copy_never_creates_an_incident() -> None:
    """A copy of a story without incidents emits nothing, even with incident text."""
    tracker, _ = _tracker()
    events = tracker.observe(
        article("a1", DAY_REPORT), story_id="s9", role="copy", paragraphs=DAY_REPORT
    )
    assert events == []


def test_copy_seen_before_the_incident_is_counted_later() -> None:
    """A copy that arrived first is counted once the story's incident appears."""
    tracker, _ = _tracker()
    tracker.observe(article("c1", []), story_id="s1", role="copy", paragraphs=[])
    (event,) = tracker.observe(
        article("a1", MONTH_REPORT), story_id="s1", role="update", paragraphs=MONTH_REPORT
    )
    assert event.article_ids == ["a1", "c1"]


def test_replaying_the_same_copy_changes_nothing() -> None:
    """Observing the same article twice is idempotent."""
    tracker, _ = _tracker()
    tracker.observe(
        article("a1", MONTH_REPORT), story_id="s1", role="new_story", paragraphs=MONTH_REPORT
    )
    assert (
        tracker.observe(article("a1", MONTH_REPORT), story_id="s1", role="copy", paragraphs=[])
        == []
    )


def test_different_places_stay_apart() -> None:
    """The same kind of attack at another city's embassy is a different incident."""
    tracker, _ = _tracker()
    text = ["Vandals splashed red paint on the Russian embassy in Oslo on Monday."]
    other = ["Vandals splashed red paint on the Russian embassy in Helsinki on Monday."]
    a = tracker.observe(article("a1", text), story_id="s1", role="new_story", paragraphs=text)
    b = tracker.observe(article("a2", other), story_id="s2", role="new_story", paragraphs=other)
    assert a[0].incident_id != b[0].incident_id
    assert b[0].event_kind == "created"


def test_dates_outside_window_stay_apart() -> None:
    """The same target a week later is a new incident."""
    tracker, _ = _tracker()
    one = ["Vandals splashed red paint on the Russian embassy in Oslo on October 1."]
    two = ["Vandals splashed red paint on the Russian embassy in Oslo on October 10."]
    a = tracker.observe(article("a1", one), story_id="s1", role="new_story", paragraphs=one)
    b = tracker.observe(article("a2", two), story_id="s2", role="new_story", paragraphs=two)
    assert a[0].incident_id != b[0].incident_id


def test_results_are_deterministic_and_stores_are_json() -> None:
    """Same input order gives the same ids; store values survive a JSON round trip."""
    runs = []
    for _ in range(2):
        tracker, stores = _tracker()
        events = tracker.observe(
            article("a1", MONTH_REPORT), story_id="s1", role="new_story", paragraphs=MONTH_REPORT
        )
        runs.append([e.model_dump(mode="json") for e in events])
        for store in stores.values():
            for key, value in store.items():
                assert isinstance(key, str)
                assert json.loads(json.dumps(value)) == value
    assert runs[0] == runs[1]


def test_state_survives_a_restart() -> None:
    """A new tracker over the same stores continues the incident and its revisions."""
    tracker, stores = _tracker()
    tracker.observe(
        article("a1", MONTH_REPORT), story_id="s1", role="new_story", paragraphs=MONTH_REPORT
    )
    restarted = IncidentTracker(IncidentSettings(), stores)
    (event,) = restarted.observe(article("a2", []), story_id="s1", role="copy", paragraphs=[])
    assert isinstance(event, IncidentEvent)
    assert (event.revision, event.num_articles) == (2, 2)


def test_stores_are_used_without_iteration() -> None:
    """The tracker never iterates a store (Faust tables are partitioned)."""

    class NoIteration(dict[str, object]):
        def __iter__(self):  # type: ignore[no-untyped-def]
            raise AssertionError("store iterated")

        def keys(self):  # type: ignore[no-untyped-def]
            raise AssertionError("store iterated")

        def items(self):  # type: ignore[no-untyped-def]
            raise AssertionError("store iterated")

        def values(self):  # type: ignore[no-untyped-def]
            raise AssertionError("store iterated")

    stores = {name: NoIteration() for name in IncidentTracker.STORE_NAMES}
    tracker = IncidentTracker(IncidentSettings(), stores)
    tracker.observe(
        article("a1", MONTH_REPORT), story_id="s1", role="new_story", paragraphs=MONTH_REPORT
    )
    tracker.observe(
        article("a2", DAY_REPORT, published=LATER),
        story_id="s2",
        role="new_story",
        paragraphs=DAY_REPORT,
    )
