"""Trigger cue scanning: the per-paragraph pre-filter agrees with per-sentence matching."""

from __future__ import annotations

import pytest

from wirewatch.incidents.patterns import find_triggers, may_trigger
from wirewatch.incidents.text import split_sentences


@pytest.mark.parametrize(
    "paragraph",
    [
        "Rupee gains 12 paisa against the dollar. Markets were calm on Tuesday.",
        "Markets were calm. Vandals splashed red paint on the Russian embassy in Oslo.",
        "Неизвестные бросили коктейль Молотова в здание посольства. Никто не пострадал.",
    ],
)
def test_may_trigger_agrees_with_sentence_triggers(paragraph: str) -> None:
    """The paragraph pre-filter keeps exactly these paragraphs whose sentences trigger."""
    triggered = any(find_triggers(s) for s in split_sentences(paragraph))
    assert may_trigger(paragraph) == triggered


def test_may_trigger_rules_out_plain_business_news() -> None:
    """A paragraph without any cue word is ruled out; one with a cue is kept."""
    assert not may_trigger("Rupee gains 12 paisa against the dollar in interbank trading.")
    assert may_trigger("Protesters gathered outside the embassy. THEY THREW EGGS.")
