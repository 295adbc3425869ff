"""Case-insensitive regexes with a fast path for ASCII text.

Python's `re.I` is slow: it defeats the engine's literal and first-character skips. On ASCII
text, `re.I` matching is the same as case-sensitive matching of the lower-cased text against
the pattern with its ASCII letters lower-cased (lower-casing ASCII keeps every offset), so
`CaselessPattern` keeps both forms and picks one by the text. Branches written in Cyrillic
cannot match ASCII text at all and are left out of the fast form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CYRILLIC_START = re.compile("[Ѐ-ӿ]")
_LETTER_OR_ESCAPE = re.compile(r"\\.|\(\?P|[A-Z]", re.S)


def lower_pattern(source: str) -> str:
    """Lower-case the ASCII letters of a regex source, but not escapes (`\\S`) or `(?P<`."""
    return _LETTER_OR_ESCAPE.sub(
        lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), source
    )


def lowered_ascii(text: str) -> str | None:
    """The lower-cased text when it is ASCII (the fast form applies), else None."""
    return text.lower() if text.isascii() else None


class CaselessPattern:
    """A `re.I` pattern: `latin` branches, then `cyrillic` ones, in that order of preference.

    Every `|`-separated piece of `cyrillic` must start with a Cyrillic letter, perhaps after
    `\\b`, and hold no groups, so that it cannot match ASCII text.
    """

    __slots__ = ("fast", "pattern")

    def __init__(self, latin: str, cyrillic: str = "") -> None:
        if cyrillic and (
            "(" in cyrillic
            or not all(
                _CYRILLIC_START.match(piece.removeprefix("\\b")) for piece in cyrillic.split("|")
            )
        ):
            raise ValueError(f"not a plain Cyrillic alternation: {cyrillic!r}")
        self.pattern = re.compile(f"{latin}|{cyrillic}" if cyrillic else latin, re.I)
        self.fast = re.compile(lower_pattern(latin))

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """Like `re.search`; `lowered` is `lowered_ascii(text)` when the caller has it.

        On the fast path the match is over the lower-cased text: same offsets, lower-case
        group text.
        """
        if lowered is None:
            lowered = lowered_ascii(text)
        if lowered is not None:
            return self.fast.search(lowered)
        return self.pattern.search(text)

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """Like `re.finditer`, with the same fast path and caveat as `search`."""
        if lowered is None:
            lowered = lowered_ascii(text)
        if lowered is not None:
            return self.fast.finditer(lowered)
        return self.pattern.finditer(text)
