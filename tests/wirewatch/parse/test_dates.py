"""Date stamps from bylines, header lines and meta tags."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.parse.dates import find_stamp, parse_iso, zone_for

PKT = zone_for("urdupoint.com")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Faizan Hashmi Published October 11, 2022 | 01:40 AM", "2022-10-11T01:40:00+05:00"),
        ("November 16, 2021 8:02 AM UTC", "2021-11-16T08:02:00+00:00"),
        ("09:48 GMT 03.05.2022", "2022-05-03T09:48:00+00:00"),
        ("Published 3 May 2022, 11:30 | By Someone", "2022-05-03T11:30:00+05:00"),
        ("17 января 2023, 12:24", "2023-01-17T12:24:00+05:00"),
    ],
)
def test_stamps_with_time(line: str, expected: str) -> None:
    """Byline timestamps give an aware instant; naive times take the site's zone."""
    stamp = find_stamp(line, tz=PKT)
    assert stamp is not None
    assert stamp.moment == dt.datetime.fromisoformat(expected)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date 2022-10-11 UrduPoint.com", dt.date(2022, 10, 11)),
        ("2 July 2021 | by Fiona Strachan", dt.date(2021, 7, 2)),
        ("Dragan Ilić | 10.04.2022", dt.date(2022, 4, 10)),
        ("11th October, 2022", dt.date(2022, 10, 11)),
    ],
)
def test_date_only_stamps(line: str, expected: dt.date) -> None:
    """Lines with only a date give a date and no instant."""
    stamp = find_stamp(line, tz=PKT)
    assert stamp is not None
    assert (stamp.date, stamp.moment) == (expected, None)


def test_yearless_stamp_takes_default_year() -> None:
    """`19 SEP, 14:05` takes the year it is given (the fetch year)."""
    stamp = find_stamp("19 SEP, 14:05", tz=zone_for("tass.com"), default_year=2022)
    assert stamp is not None
    assert stamp.moment == dt.datetime(2022, 9, 19, 11, 5, tzinfo=dt.UTC)


def test_words_that_start_like_months_are_not_dates() -> None:
    """`Decided 5` is not December 5."""
    assert find_stamp("Decided 5 things", tz=dt.UTC) is None


def test_iso_meta_values() -> None:
    """Meta-tag values: instants keep their offset, plain dates stay dates."""
    stamp = parse_iso("2021-01-23T10:40:00.000Z", tz=PKT)
    assert stamp is not None
    assert stamp.moment == dt.datetime(2021, 1, 23, 10, 40, tzinfo=dt.UTC)
    date_only = parse_iso("2022-09-19", tz=PKT)
    assert date_only is not None
    assert date_only.moment is None
