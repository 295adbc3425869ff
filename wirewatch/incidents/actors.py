"""Actors: who did it, and who responded, from short noun-phrase patterns."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ACTORS = re.compile(
    r"\b(?:(?:an?|two|three|several|some|about|around|between \d+ and)\s+)?"
    r"(?:unknown|unidentified|masked|aggressive)\s+(?:person|persons|people|individuals|man|men|"
    r"woman|attackers?|assailants?|demonstrators|protesters|sender|bombers?)\b"
    r"|\b(?:about |around |some |close to )?\d+\s+"
    r"(?:demonstrators|protesters|people|workers|fishermen|fans)\b"
    r"|\ban? \d+-year-old (?:local )?(?:man|woman|suspect|driver)\b"
    r"|\b(?:pro-\w+ )?hacker group\b|\b[A-Z][\w-]+(?: [A-Z][\w-]+)* (?:Foreign Ministry|police)\b"
    r"|\b[A-Z][a-z]+'s (?:foreign ministry|Foreign Ministry)\b",
)


def find_actors(sentences: Sequence[str], limit: int = 6) -> tuple[str, ...]:
    """Return distinct actor phrases in first-seen order."""
    found: dict[str, None] = {}
    for sentence in sentences:
        for match in _ACTORS.finditer(sentence):
            phrase = match.group().strip()
            if phrase.lower() not in {key.lower() for key in found}:
                found[phrase] = None
    return tuple(found)[:limit]
