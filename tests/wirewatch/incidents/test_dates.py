"""Event-date expressions resolved against the publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.incidents.dates import dates_compatible, find_dates

REF = dt.date(2022, 10, 11)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("after the incident last month", "2022-09", "month"),
        ("it happened on Monday", "2022-10-10", "day"),
        ("the blast on Sept. 12", "2022-09-12", "day"),
        ("in the end of September", "2022-09", "month"),
        ("shortly after midnight on September 12", "2022-09-12", "day"),
        ("windows were smashed overnight", "2022-10-11", "day"),
        ("early on Thursday", "2022-10-06", "day"),
        ("on 13 March 2021", "2021-03-13", "day"),
        ("in May 2022", "2022-05", "month"),
        ("earlier this week", "2022-10", "month"),
        ("Вчера около полуночи", "2022-10-10", "day"),
        ("утром 16 января", "2022-01-16", "day"),
    ],
)
def test_expression_resolves_against_reference(text: str, value: str, precision: str) -> None:
    """Each supported expression yields the expected value and precision."""
    found = find_dates(text, REF)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


def test_month_without_year_is_the_latest_past_one() -> None:
    """A bare "December" in October means last December, not the coming one."""
    assert find_dates("on December 3", REF)[0].value == "2021-12-03"


def test_date_after_reporting_verb_is_flagged() -> None:
    """ "told reporters on Monday" is when it was said, not when it happened."""
    found = find_dates("the ambassador told reporters on Monday", REF)
    assert found[0].reporting


def test_dateline_date_is_flagged() -> None:
    """The filing date in a dateline is not an event date."""
    assert find_dates("MOSCOW, Sept 19 (Reuters) - Russia said", REF)[0].reporting


def test_month_and_day_are_compatible_when_they_overlap() -> None:
    """2022-09 contains 2022-09-12; days a week apart are not within a 3-day window."""
    assert dates_compatible("2022-09", "2022-09-12", 3)
    assert not dates_compatible("2022-09-01", "2022-09-12", 3)
    assert dates_compatible("2022-09-30", "2022-10-02", 3)
