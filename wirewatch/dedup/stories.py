"""Story records in the `dedup_stories` store and the StoryUpdate built from them.

Record shape (JSON-ready): {"original": article id, "rank": [own 0|1, published ts, id],
"agency": str | None, "members": [StoryMember as JSON], "count": n, "version": n, "last_day": day}.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from schemas.story import MemberRole, StoryMember, StoryUpdate, StoryUpdateKind
from wirewatch.ids import stable_id

StoryRecord = dict[str, Any]
_MEMBERS = TypeAdapter(list[StoryMember])


def story_id_for(first_article_id: str) -> str:
    """A story's id: the hash of its first member's article id, fixed for its lifetime."""
    return stable_id("story", first_article_id)


def new_record(
    member: StoryMember, rank: list[object], agency: str | None, day: int
) -> StoryRecord:
    """The record of a story founded by `member`."""
    return {
        "original": member.article_id,
        "rank": rank,
        "agency": agency,
        "members": [member.model_dump(mode="json")],
        "count": 1,
        "version": 1,
        "last_day": day,
    }


def add_member(
    record: StoryRecord, member: StoryMember, day: int, max_listed: int, takes_over: bool
) -> str | None:
    """Append `member` (in place); when it takes over, demote the old original to copy.

    Returns the previous original's id when the original changed, else None.
    """
    previous: str | None = None
    members: list[dict[str, Any]] = list(record["members"])
    if takes_over:
        previous = str(record["original"])
        members = [
            {**m, "role": MemberRole.COPY.value} if m["article_id"] == previous else m
            for m in members
        ]
        record["original"] = member.article_id
    if len(members) < max_listed:
        members.append(member.model_dump(mode="json"))
    record["members"] = members
    record["count"] = int(record["count"]) + 1
    record["version"] = int(record["version"]) + 1
    record["last_day"] = max(int(record["last_day"]), day)
    return previous


def to_update(
    story_id: str,
    record: StoryRecord,
    kind: StoryUpdateKind,
    article_id: str,
    previous_original: str | None = None,
) -> StoryUpdate:
    """The StoryUpdate carrying the record's full current state (members validated in one call)."""
    version = int(record["version"])
    return StoryUpdate(
        update_id=stable_id("storyupdate", story_id, str(version), article_id, kind.value),
        story_id=story_id,
        version=version,
        kind=kind,
        article_id=article_id,
        original_id=str(record["original"]),
        previous_original_id=previous_original,
        attributed_agency=record["agency"],
        members=_MEMBERS.validate_python(record["members"]),
        member_count=int(record["count"]),
    )
