"""Story records: member models reused across a story's updates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter

from schemas.story import MemberRole, StoryMember
from wirewatch.dedup.stories import MemberModels

_MEMBERS = TypeAdapter(list[StoryMember])


def _member(n: int, role: MemberRole = MemberRole.COPY) -> dict[str, Any]:
    return StoryMember(
        article_id=f"a{n}",
        outlet="example.com",
        url=f"https://example.com/{n}",
        role=role,
        published_at=dt.datetime(2024, 5, 1, n, tzinfo=dt.UTC),
    ).model_dump(mode="json")


def test_member_models_equal_validation_and_follow_appends_and_changes() -> None:
    """Models equal validating the dicts; kept for unchanged members, fresh for changed ones."""
    memo = MemberModels(stories=2)
    members = [_member(0, MemberRole.ORIGINAL)]
    first = memo.models("s", members)
    assert first == _MEMBERS.validate_python(members)
    members = [*members, _member(1)]
    grown = memo.models("s", members)
    assert grown == _MEMBERS.validate_python(members)
    assert grown[0] is first[0]
    members = [{**members[0], "role": "copy"}, members[1], _member(2, MemberRole.ORIGINAL)]
    changed = memo.models("s", members)
    assert changed == _MEMBERS.validate_python(members)
    assert changed[0].role is MemberRole.COPY
    assert changed[1] is grown[1]
    assert memo.models("s", members[:1]) == _MEMBERS.validate_python(members[:1])
    with pytest.raises(ValueError, match="stories"):
        MemberModels(stories=0)
