"""The first-character shortcuts of the chrome and terminator tests agree with their regexes."""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from wirewatch.parse import lexicon
from wirewatch.parse.lexicon import TERMINATOR, is_chrome, is_terminator


def _first_literals(items: Any) -> list[int]:
    """Code points a parsed pattern can start with; fails on anything but plain literals."""
    for op, av in items:
        if op is sre_constants.AT:
            continue
        if op is sre_constants.BRANCH:
            return [code for branch in av[1] for code in _first_literals(branch)]
        if op is sre_constants.SUBPATTERN:
            return _first_literals(av[3])
        assert op is sre_constants.LITERAL, f"unexpected first item {op}"
        return [av]
    raise AssertionError("pattern can match the empty string")


def _ascii_starts(pattern: re.Pattern[str]) -> frozenset[str]:
    """Lowercased ASCII characters that can open a match of the pattern."""
    codes = _first_literals(sre_parser.parse(pattern.pattern, pattern.flags))
    return frozenset(
        char.lower()
        for char in map(chr, range(128))
        if any(re.fullmatch(re.escape(chr(code)), char, pattern.flags) for code in codes)
    )


def test_first_letter_sets_match_the_patterns() -> None:
    """The shortcut sets are exactly the ASCII first characters the regexes accept."""
    assert _ascii_starts(TERMINATOR) == lexicon._TERMINATOR_FIRST
    assert _ascii_starts(lexicon._CHROME_START) == lexicon._CHROME_FIRST


@pytest.mark.parametrize(
    "line",
    [
        "Related stories",
        "READ MORE:",
        "Читайте также",
        "More from Evening Dispatch",
        "Comments",
        "The minister said on Tuesday that talks would resume.",
        "Recent stories of the week were long and detailed.",
        "",
    ],
)
def test_is_terminator_agrees_with_the_regex(line: str) -> None:
    """is_terminator(line) is True exactly when TERMINATOR matches the line."""
    assert is_terminator(line) == (TERMINATOR.match(line) is not None)


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("© 2023 Evening Dispatch. All rights reserved.", True),
        ("(c) Evening Dispatch", True),
        ("Share this article", True),
        ("Теги: Москва", True),
        ("Follow Evening Dispatch on Telegram to stay up to date", True),
        ("The minister said on Tuesday that talks would resume.", False),
        ("Quoted sources said the share price fell.", False),
    ],
)
def test_is_chrome_with_shortcut(line: str, chrome: bool) -> None:
    """Chrome lines are still found when the first-character shortcut lets them through."""
    assert is_chrome(line) is chrome
