"""Text helpers: splitting glued paragraphs in one pass over a page."""

from __future__ import annotations

import pytest

from wirewatch.parse.text import split_all_glued, split_glued

PAGES = [
    ["Talks resumed on Monday in Ottawa.", "The minister said nothing new."],
    ["The embassy closed in Ottawa.LeClaire was told to leave.", "Nothing else happened."],
    ['He said "we will not stop."Officials disagreed.', "Second paragraph here."],
    ["Lines end here.", "Another starts.", "A third.Glued right after."],
    ["ALL CAPS.NOT GLUED because the letter before is upper case."],
    [],
]


@pytest.mark.parametrize("paragraphs", PAGES)
def test_split_all_glued_matches_per_paragraph_split(paragraphs: list[str]) -> None:
    """split_all_glued gives exactly what split_glued gives paragraph by paragraph."""
    expected = [part for paragraph in paragraphs for part in split_glued(paragraph)]
    assert split_all_glued(paragraphs) == expected


def test_split_all_glued_splits_a_glued_paragraph() -> None:
    """A glued paragraph is split even when the others need nothing."""
    paragraphs = ["First one is fine.", "Ottawa said no.LeClaire left the room."]
    assert split_all_glued(paragraphs) == [
        "First one is fine.",
        "Ottawa said no.",
        "LeClaire left the room.",
    ]


def test_split_all_glued_returns_a_new_list() -> None:
    """The caller's list is not handed back, so changing the result leaves it alone."""
    paragraphs = ["Nothing glued here at all."]
    result = split_all_glued(paragraphs)
    result.append("more")
    assert paragraphs == ["Nothing glued here at all."]
