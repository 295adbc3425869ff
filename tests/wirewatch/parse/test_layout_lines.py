"""clean_lines: the fast split of clean pages gives the same lines as splitting and joining."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.parse.layout import clean_lines

_CHARS = st.sampled_from(list("ab .\n\t\r\u00a0\u2028\u0416\u00a9 \n"))


@given(st.text(_CHARS, max_size=60))
def test_clean_lines_equals_split_and_join(page: str) -> None:
    """clean_lines gives the cleaned splitlines(), non-empty lines in the same order."""
    expected = [" ".join(line.split()) for line in page.splitlines()]
    assert [line for line in clean_lines(page) if line] == [line for line in expected if line]


def test_clean_lines_on_a_regular_page() -> None:
    """A page without stray whitespace is split on newlines as it is."""
    assert clean_lines("Headline\n\nROME (Sputnik) - Text.") == [
        "Headline",
        "",
        "ROME (Sputnik) - Text.",
    ]
