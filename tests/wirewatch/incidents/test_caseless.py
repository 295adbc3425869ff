"""Case-insensitive patterns with an ASCII fast path."""

from __future__ import annotations

import pytest

from wirewatch.incidents.caseless import CaselessPattern, lower_pattern, lowered_ascii


def test_lower_pattern_keeps_escapes_and_group_syntax() -> None:
    """Letters are lower-cased; `\\S`, `\\B` and `(?P<` are left as written."""
    assert lower_pattern(r"(?P<m>Jan|FEB)\S\B[A-Z]") == r"(?P<m>jan|feb)\S\B[a-z]"


def test_lowered_ascii_only_for_ascii() -> None:
    """ASCII text is lower-cased; other text gets None (no fast path)."""
    assert lowered_ascii("The Embassy") == "the embassy"
    assert lowered_ascii("Посольство") is None


@pytest.mark.parametrize(
    "text",
    ["A Molotov cocktail hit the GATE", "no cocktail here", "Коктейль Молотова", "MOLOTOV"],
)
def test_fast_path_matches_like_re_ignorecase(text: str) -> None:
    """The fast form finds the same span as the plain `re.I` pattern, Cyrillic included."""
    pattern = CaselessPattern(r"\bmolotov (?:cocktail|bottle)s?\b|\bMOLOTOV\b", r"коктейл\w+")
    fast = pattern.search(text)
    full = pattern.pattern.search(text)
    assert (fast.span() if fast else None) == (full.span() if full else None)
    assert [m.span() for m in pattern.finditer(text)] == [
        m.span() for m in pattern.pattern.finditer(text)
    ]


def test_rejects_cyrillic_branches_that_could_match_ascii() -> None:
    """A `cyrillic` part whose branch starts with a Latin letter is refused."""
    with pytest.raises(ValueError, match="Cyrillic"):
        CaselessPattern("embassy", "посольств|consul")
