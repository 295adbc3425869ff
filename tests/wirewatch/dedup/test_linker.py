"""Linker decisions: copies, independents, template twins, containment, originals, recaptures."""

from __future__ import annotations

import datetime as dt
import json

from schemas.story import MemberRole, StoryUpdateKind
from tests.wirewatch.dedup.articles import article, sentences
from wirewatch.dedup import DedupSettings, LinkDecision, Linker, final_story_rows, normalise_url
from wirewatch.dedup.stories import story_id_for
from wirewatch.state import in_memory_stores

T0 = dt.datetime(2022, 10, 10, 12, tzinfo=dt.UTC)


def new_linker(settings: DedupSettings | None = None) -> Linker:
    """A Linker over fresh in-memory stores."""
    return Linker(settings, in_memory_stores(Linker.STORE_NAMES))


def test_first_article_founds_a_story_and_forwards_everything() -> None:
    """A new story's id is the hash of its article id and all paragraphs go forward."""
    body = sentences(1, 6)
    result = new_linker().link(article("a1", body))
    assert result.decision is LinkDecision.NEW_STORY
    assert result.story_id == story_id_for("a1")
    assert result.forward is not None
    assert result.forward.paragraphs == body
    assert result.story_updates[0].kind is StoryUpdateKind.CREATED


def test_copy_with_new_dateline_and_chrome_links_without_forwarding() -> None:
    """A republication with a rewritten lede and a chrome line is a copy of the first story."""
    body = sentences(2, 7)
    linker = new_linker()
    first = linker.link(article("orig", body, domain="sputniknews.com"))
    lede = "Washington urdupoint news sputnik 15th june 2022 " + body[0]
    copy = linker.link(article("copy", [lede, *body[1:], "Related Topics: Sputnik, Russia"]))
    assert copy.decision is LinkDecision.COPY
    assert copy.story_id == first.story_id
    assert copy.original_id == "orig"
    assert copy.forward is None
    assert copy.evidence is not None
    assert copy.evidence.method == "minhash-lsh+exact"
    assert copy.evidence.containment > 0.9


def test_independent_report_of_same_incident_does_not_link() -> None:
    """Separately written text on the same topic founds its own story."""
    linker = new_linker()
    linker.link(article("a", sentences(3, 6)))
    other = linker.link(article("b", sentences(4, 6)))
    assert other.decision is LinkDecision.NEW_STORY


def test_template_twins_do_not_link() -> None:
    """Same boilerplate paragraphs with different fact paragraphs stay apart."""
    boilerplate = sentences(5, 2)
    linker = new_linker()
    linker.link(article("release-1", [*sentences(6, 3), *boilerplate]))
    twin = linker.link(article("release-2", [*sentences(7, 3), *boilerplate]))
    assert twin.decision is LinkDecision.NEW_STORY


def test_attribution_alone_does_not_link() -> None:
    """Two different texts both crediting Sputnik are two stories."""
    linker = new_linker()
    linker.link(article("s1", sentences(8, 5), agency="Sputnik"))
    other = linker.link(article("s2", sentences(9, 5), agency="Sputnik"))
    assert other.decision is LinkDecision.NEW_STORY


def test_copy_of_one_item_of_a_merged_wire_text_links_by_containment() -> None:
    """Each copy carrying one half of a merged original joins the original's story."""
    item_a, item_b = sentences(10, 5), sentences(11, 4)
    linker = new_linker()
    merged = linker.link(article("merged", [*item_a, *item_b], domain="sputniknews.com"))
    first = linker.link(article("part-a", item_a))
    second = linker.link(article("part-b", item_b))
    assert first.story_id == second.story_id == merged.story_id
    assert second.evidence is not None
    assert second.evidence.jaccard < 0.6 <= second.evidence.containment


def test_late_agency_original_takes_over_and_story_id_stays() -> None:
    """The agency's own item arriving after its copy becomes the original (original_changed)."""
    body = sentences(12, 6)
    linker = new_linker()
    copy = linker.link(article("copy", body, agency="Sputnik", published=T0))
    late = linker.link(
        article("orig", body, domain="sputniknews.com", published=T0 - dt.timedelta(hours=2))
    )
    assert late.story_id == copy.story_id == story_id_for("copy")
    assert late.role is MemberRole.ORIGINAL
    assert late.original_changed
    update = late.story_updates[0]
    assert update.kind is StoryUpdateKind.ORIGINAL_CHANGED
    assert update.previous_original_id == "copy"
    assert update.attributed_agency == "Sputnik"
    rows = {row["article_id"]: row for row in final_story_rows([copy, late])}
    assert rows["copy"]["original_id"] == "orig"
    assert rows["copy"]["role"] == "copy"
    assert rows["orig"]["role"] == "original"


def test_copy_without_its_original_credits_the_agency() -> None:
    """A lone Sputnik copy founds a story whose attributed agency is Sputnik."""
    result = new_linker().link(article("seed", sentences(13, 5), agency="Sputnik"))
    assert result.story_updates[0].attributed_agency == "Sputnik"


def test_same_url_is_a_recapture() -> None:
    """A second capture of one URL with different chrome is a recapture, with no forward."""
    body = sentences(14, 5)
    linker = new_linker()
    first = linker.link(article("c1", body, url="https://www.urdupoint.com/x.html"))
    again = linker.link(
        article("c2", [*body, "Share on Facebook"], url="http://urdupoint.com/x.html")
    )
    assert again.decision is LinkDecision.RECAPTURE
    assert again.story_id == first.story_id
    assert again.forward is None
    assert again.evidence is not None
    assert again.evidence.method == "same-url"


def test_same_content_hash_is_a_recapture() -> None:
    """Identical matching text at another URL is a recapture of the first article."""
    body = sentences(15, 5)
    linker = new_linker()
    linker.link(article("h1", body))
    again = linker.link(article("h2", body, url="https://mirror.example/h.html"))
    assert again.decision is LinkDecision.RECAPTURE
    assert again.evidence is not None
    assert again.evidence.method == "same-content-hash"


def test_update_forwards_only_its_new_paragraphs() -> None:
    """A longer version is an update and forwards just the added paragraphs."""
    body, extra = sentences(16, 6), sentences(17, 3)
    linker = new_linker()
    linker.link(article("v1", body))
    update = linker.link(article("v2", [*body[1:], *extra]))
    assert update.decision is LinkDecision.UPDATE
    assert update.forward is not None
    assert update.forward.paragraphs == extra
    assert update.story_updates[0].kind is StoryUpdateKind.UPDATE_ADDED


def test_retention_evicts_old_articles_and_their_keys() -> None:
    """After the window passes, old entries are gone and a copy of them founds a new story."""
    linker = new_linker(DedupSettings(retention_days=30))
    body = sentences(18, 5)
    linker.link(article("old", body, published=T0))
    assert linker.index_size == 1
    linker.link(article("new", sentences(19, 5), published=T0 + dt.timedelta(days=31)))
    assert linker.evictions_total == 1
    assert linker.index_size == 1
    assert linker.articles["old"] == {
        "story": story_id_for("old"),
        "original": "old",
        "role": "original",
        "decision": "new_story",
        "gone": True,
    }
    assert story_id_for("old") not in linker.stories
    late = linker.link(article("late", body, published=T0 + dt.timedelta(days=31)))
    assert late.decision is LinkDecision.NEW_STORY


def test_eviction_leaves_only_the_window_and_tombstones_in_every_store() -> None:
    """After eviction only tombstones remain of the old articles: no band entry, key or day."""
    stores = in_memory_stores(Linker.STORE_NAMES)
    linker = Linker(DedupSettings(retention_days=2), stores)
    body = sentences(25, 5)
    linker.link(article("o1", body, published=T0))
    linker.link(article("o2", [*body, "Related Topics: Sputnik"], published=T0))
    linker.link(article("n1", sentences(26, 5), published=T0 + dt.timedelta(days=3)))
    assert linker.evictions_total == 2
    assert {a for a, r in stores["dedup_articles"].items() if not r.get("gone")} == {"n1"}
    assert {article_id for _, article_id in linker.index.entries()} == {"n1"}
    assert linker.index.articles == 1
    assert set(stores["dedup_keys"].values()) == {"n1"}
    newest = stores["dedup_days"]["meta"]["newest"]
    assert sorted(stores["dedup_days"]) == [f"{newest}:0", "meta", "t:2:0", "t:2:1"]


def test_redelivery_after_eviction_gets_its_first_answer_and_writes_nothing() -> None:
    """An evicted copy delivered again keeps its story and original; no story update is sent."""
    linker = new_linker(DedupSettings(retention_days=2))
    body = sentences(27, 6)
    linker.link(article("first", body, published=T0))
    copy = linker.link(article("again", [*body, "Related Topics: Sputnik"], published=T0))
    linker.link(article("later", sentences(28, 5), published=T0 + dt.timedelta(days=5)))
    redelivered = linker.link(article("again", [*body, "Related Topics: Sputnik"], published=T0))
    assert (redelivered.story_id, redelivered.original_id) == (copy.story_id, copy.original_id)
    assert redelivered.decision is copy.decision
    assert redelivered.story_updates == []
    assert redelivered.forward is None
    assert linker.stats.redelivered_after_eviction == 1


def test_tombstones_expire_after_the_redelivery_memory() -> None:
    """Tombstones go once `redelivery_memory_articles` more articles were indexed."""
    stores = in_memory_stores(Linker.STORE_NAMES)
    linker = Linker(DedupSettings(retention_days=1, redelivery_memory_articles=2), stores)
    linker.link(article("gone-soon", sentences(29, 5), published=T0))
    for n in range(1, 5):
        day = T0 + dt.timedelta(days=2 * n)
        linker.link(article(f"next-{n}", sentences(30 + n, 5), published=day))
    assert "gone-soon" not in stores["dedup_articles"]
    tombstones = [a for a, r in stores["dedup_articles"].items() if r.get("gone")]
    assert "gone-soon" not in tombstones
    assert tombstones, "recent evictions keep their tombstones"


def test_store_values_are_json_ready() -> None:
    """Everything the linker writes serialises as JSON (Faust table values)."""
    stores = in_memory_stores(Linker.STORE_NAMES)
    linker = Linker(None, stores)
    body = sentences(20, 6)
    linker.link(article("j1", body))
    linker.link(article("j2", [*body, *sentences(21, 3)]))
    for store in stores.values():
        json.dumps(store)


def test_same_input_twice_gives_identical_outputs() -> None:
    """Two linkers fed the same articles in the same order emit identical records."""
    inputs = [
        article("d1", sentences(22, 5)),
        article("d2", sentences(22, 5)[1:] + sentences(23, 2)),
        article("d3", sentences(24, 5)),
    ]

    def run() -> list[str]:
        linker = new_linker()
        return [
            update.model_dump_json()
            for item in inputs
            for update in linker.link(item).story_updates
        ]

    assert run() == run()


def test_url_fast_path_matches_full_normalisation() -> None:
    """Plain URLs and URLs with query, port or fragment normalise the same documented way."""
    assert normalise_url("https://www.Example.COM/a/b/") == "example.com/a/b"
    assert normalise_url("http://x.example") == "x.example"
    assert normalise_url("https://x.example/a?utm_source=t&id=2#top") == "x.example/a?id=2"
    assert normalise_url("https://user@www.x.example:8080/a/") == "x.example/a"
