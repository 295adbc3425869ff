"""StoryUpdate contract: round trip, immutability and strictness."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas.story import LinkEvidence, MemberRole, StoryMember, StoryUpdate, StoryUpdateKind


def make_update() -> StoryUpdate:
    """A two-member story update."""
    evidence = LinkEvidence(
        matched_article_id="a",
        jaccard=0.8,
        containment=0.95,
        shared_shingles=120,
        shared_attribution=True,
        dateline_match=None,
        method="minhash-lsh+exact",
    )
    return StoryUpdate(
        update_id="storyupdate-1",
        story_id="story-1",
        version=2,
        kind=StoryUpdateKind.COPY_ADDED,
        article_id="b",
        original_id="a",
        attributed_agency="Sputnik",
        members=[
            StoryMember(
                article_id="a", outlet="sputnikglobe.com", url="u", role=MemberRole.ORIGINAL
            ),
            StoryMember(
                article_id="b", outlet="urdupoint.com", url="v", role="copy", evidence=evidence
            ),
        ],
        member_count=2,
    )


def test_story_update_round_trips_through_json() -> None:
    """Serialising and parsing a StoryUpdate gives an equal model."""
    update = make_update()
    assert StoryUpdate.model_validate_json(update.model_dump_json()) == update


def test_story_update_rejects_unknown_fields() -> None:
    """An unexpected key is a contract violation."""
    data = make_update().model_dump()
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        StoryUpdate.model_validate(data)


def test_evidence_scores_are_bounded() -> None:
    """A Jaccard above 1 is refused."""
    with pytest.raises(ValidationError):
        LinkEvidence(
            matched_article_id="a",
            jaccard=1.5,
            containment=1.0,
            shared_shingles=1,
            shared_attribution=False,
            dateline_match=None,
            method="x",
        )
