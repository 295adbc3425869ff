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


class MemberModels:
    """Validated StoryMember models of recent stories, reused while their member dicts are equal.

    A story's members only grow by appending (and a demoted original is a new dict in its
    place), so each article validates its own member instead of the whole list. A member dict is
    reused only when it equals the one validated, so the models are what validating the record
    would give. Member dicts are never changed in place (`add_member` replaces them).
    """

    def __init__(self, stories: int = 1024) -> None:
        if stories < 1:
            raise ValueError(f"stories must be >= 1, got {stories}")
        self.stories = stories
        self._cache: dict[str, tuple[list[dict[str, Any]], list[StoryMember]]] = {}

    def models(self, story_id: str, members: list[dict[str, Any]]) -> list[StoryMember]:
        """`members` as StoryMember models (the list is shared: do not modify it)."""
        cache = self._cache
        hit = cache.pop(story_id, None)
        if hit is None:
            result = _MEMBERS.validate_python(members)
        else:
            dicts, models = hit
            known = len(dicts)
            if known <= len(members) and members[:known] == dicts:
                fresh = members[known:]
                result = models + _MEMBERS.validate_python(fresh) if fresh else models
            else:
                result = _revalidated(members, dicts, models)
        cache[story_id] = (list(members), result)
        if len(cache) > self.stories:
            del cache[next(iter(cache))]
        return result


def _revalidated(
    members: list[dict[str, Any]], dicts: list[dict[str, Any]], models: list[StoryMember]
) -> list[StoryMember]:
    """Models of `members`, reusing the model of each position whose dict is unchanged."""
    result: list[StoryMember | None] = [
        model if old == new else None
        for old, new, model in zip(dicts, members, models, strict=False)
    ]
    result += [None] * (len(members) - len(result))
    changed = [index for index, model in enumerate(result) if model is None]
    fresh = _MEMBERS.validate_python([members[index] for index in changed])
    for index, model in zip(changed, fresh, strict=True):
        result[index] = model
    return [model for model in result if model is not None]


def to_update(
    story_id: str,
    record: StoryRecord,
    kind: StoryUpdateKind,
    article_id: str,
    previous_original: str | None = None,
    models: MemberModels | None = None,
) -> StoryUpdate:
    """The StoryUpdate carrying the record's full current state.

    Members are validated in one call, or taken from `models` (validated once per member).
    """
    members = record["members"]
    member_models = (
        _MEMBERS.validate_python(members) if models is None else models.models(story_id, members)
    )
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
        members=member_models,
        member_count=int(record["count"]),
    )
