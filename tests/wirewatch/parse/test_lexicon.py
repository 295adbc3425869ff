"""The first-character shortcuts of the chrome and terminator tests agree with their regexes."""

from __future__ import annotations

import re
import sys
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


def _openings(items: list[Any], size: int, prefix: str = "") -> set[str]:
    """Strings of up to `size` characters a parsed pattern can open with (plain literals only)."""
    if len(prefix) >= size or not items:
        return {prefix}
    op, av = items[0]
    rest = list(items[1:])
    if op is sre_constants.AT:
        return _openings(rest, size, prefix)
    if op is sre_constants.LITERAL:
        return _openings(rest, size, prefix + chr(av))
    if op is sre_constants.SUBPATTERN:
        return _openings(list(av[3]) + rest, size, prefix)
    assert op is sre_constants.BRANCH, f"unexpected item {op}"
    return {found for branch in av[1] for found in _openings(list(branch) + rest, size, prefix)}


def _ascii_pairs(pattern: re.Pattern[str]) -> frozenset[str]:
    """Lowercased two-character ASCII strings that can open a match of the pattern."""
    openings = _openings(list(sre_parser.parse(pattern.pattern, pattern.flags)), 2)
    letters = [chr(code) for code in range(128)]

    def ascii_forms(char: str) -> list[str]:
        return [c.lower() for c in letters if re.fullmatch(re.escape(char), c, pattern.flags)]

    return frozenset(
        first + second
        for opening in openings
        if len(opening) == 2
        for first in ascii_forms(opening[0])
        for second in ascii_forms(opening[1])
    )


def test_two_letter_sets_match_the_patterns() -> None:
    """The two-character shortcut sets are exactly the ASCII openings the regexes accept."""
    assert _ascii_pairs(TERMINATOR) == lexicon._TERMINATOR_START
    assert _ascii_pairs(lexicon._CHROME_START) == lexicon._CHROME_START_PAIRS


@pytest.mark.parametrize("line", ["Co", "re", "S", "Comment", "Tags:", "(c) X", "Tr:"])
def test_short_and_paired_lines_agree_with_the_regexes(line: str) -> None:
    """Lines of one or two characters, and shortcut openings, give the regexes' answers."""
    assert is_terminator(line) == (TERMINATOR.match(line) is not None)
    assert is_chrome(line) == bool(
        lexicon._CHROME_START.match(line)
        or (lexicon._has_chrome_phrase(line.lower()) and lexicon._CHROME_ANYWHERE.search(line))
    )


def test_odd_spaces_are_all_other_whitespace() -> None:
    """`_ODD_SPACES` holds every character `str.split()` splits on except space and newline."""
    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(lexicon._ODD_SPACES) == spaces - {" ", "\n"}
    assert set(lexicon._ODD_ASCII_SPACES) == {
        char for char in spaces - {" ", "\n"} if char.isascii()
    }


@pytest.mark.parametrize(
    ("page", "regular"),
    [
        ("Headline\nROME (Sputnik) - Text.\n\n© 2023 Sputnik", True),
        ("Headline  with two spaces\nText.", False),
        ("Headline \nText.", False),
        ("Headline\n Text.", False),
        (" Headline\nText.", False),
        ("Headline\nText. ", False),
        ("Headline\tTab\nText.", False),
        ("Headline\r\nText.", False),
        ("Headline\u00a0nbsp\nText.", False),
        ("Headline\u2028Text.", False),
        ("Заголовок\nТекст.", True),
    ],
)
def test_regular_lines(page: str, regular: bool) -> None:
    """regular_lines is True only when split("\\n") equals the cleaned splitlines()."""
    assert lexicon.regular_lines(page) is regular
    cleaned = [" ".join(line.split()) for line in page.splitlines()]
    if regular:
        assert page.split("\n") == cleaned
