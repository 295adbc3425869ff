"""Linker: decide for each parsed article whether it founds a story, copies, updates or re-captures.

Candidates come from the LSH band table; each is verified with exact Jaccard and containment on
the stored shingle sets. State lives in four stores (see STORE_NAMES and docs/dedup.md); only
get / [] / []= / del / in are used, so Faust tables and dicts serve alike. The band table is
in memory and derived from `dedup_articles` (`reindex.rebuild_buckets` rebuilds it).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np

from schemas.parsed import ParsedArticle
from schemas.story import LinkEvidence, MemberRole, StoryMember, StoryUpdateKind
from wirewatch.dedup import stories
from wirewatch.dedup.bandtable import BandTable
from wirewatch.dedup.minhash import (
    DecodedSets,
    MinHasher,
    Overlap,
    Shingler,
    U32Array,
    U64Array,
    decode_set,
    encode_set,
    known_fraction,
    overlap,
    shared_counts,
)
from wirewatch.dedup.originals import (
    agency_of_domain,
    credited_agency,
    effective_time,
    is_own_agency,
)
from wirewatch.dedup.results import LinkDecision, LinkerStats, LinkResult, StoryContent
from wirewatch.dedup.retention import RetentionWindow, day_number
from wirewatch.dedup.settings import DedupSettings
from wirewatch.state import StateStores, require_stores

_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "ocid")
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(/[^?#\s]*)?", re.ASCII)
_Verified = tuple[Overlap, str, dict[str, Any]]


def normalise_url(url: str) -> str:
    """URL identity for re-capture: no scheme, www., fragment, trailing slash or tracking query."""
    plain = _PLAIN_URL.fullmatch(url.strip())
    if plain is not None:  # no query, fragment, port or user: skip the full parse
        host = plain[1].lower().removeprefix("www.")
        return host + (plain[2] or "").rstrip("/")
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING_PARAMS)]
    )
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


class Linker:
    """Links syndicated copies to their original, one article at a time, in input order."""

    STORE_NAMES: tuple[str, ...] = (
        "dedup_articles",
        "dedup_keys",
        "dedup_stories",
        "dedup_days",
    )

    def __init__(self, settings: DedupSettings | None, stores: StateStores) -> None:
        require_stores(stores, self.STORE_NAMES, "Linker")
        self.settings = settings or DedupSettings()
        s = self.settings
        self.articles = stores["dedup_articles"]
        # the LSH band table lives in memory: a Linker over stores that already hold articles
        # starts with an empty one and needs `reindex.rebuild_buckets` (the worker does it)
        self.index = BandTable()
        self.keys = stores["dedup_keys"]
        self.stories = stores["dedup_stories"]
        self.window = RetentionWindow(stores["dedup_days"], s.retention_days)
        self.shingler = Shingler(s.shingle_words, s.seed)
        self.minhasher = MinHasher(s.num_perm, s.bands, s.rows, s.seed)
        self.stats = LinkerStats()
        self._decoded = DecodedSets()
        self._member_models = stories.MemberModels()
        self._last_url = ("", "")

    @property
    def index_size(self) -> int:
        """Articles currently indexed (persisted in the store, so it survives restarts)."""
        return self.window.indexed

    @property
    def evictions_total(self) -> int:
        """Articles evicted by retention since the store was created."""
        return self.window.evicted

    def index_counts(self) -> tuple[int, int]:
        """(articles indexed, articles evicted) from one read of the retention record."""
        meta = self.window.load()
        return int(meta["indexed"]), int(meta["evicted"])

    def link(self, parsed: ParsedArticle) -> LinkResult:
        """Link one article; write its index entries and return the decision and story records."""
        self.stats.articles += 1
        day = day_number(effective_time(parsed))
        self._evict_before(day)
        known = self.articles.get(parsed.article_id)
        if known is not None and known.get("gone"):
            return self._replayed_tombstone(parsed, known)
        if known is not None:
            story = self.stories.get(known["story"])
            if story is not None:
                return self._replayed(parsed, known, story)
        key_owners: dict[str, str | None] = {}  # keys read by _seen_before, for _remember
        seen = self._seen_before(parsed, key_owners)
        if seen is not None:
            return self._recapture(parsed, day, *seen, known is None, key_owners)
        shingles = self.shingler.text_hashes(parsed.text_for_matching)
        band_keys: U64Array | None = None
        verified: list[_Verified] = []
        if shingles.size:
            band_keys = self.minhasher.band_hashes(self.minhasher.signature(shingles))
            verified = self._verified_candidates(shingles, self.index.lookup(band_keys))
        if verified:
            result = self._join(parsed, day, shingles, verified)
        else:
            result = self._found(parsed, day)
        self._index(parsed, day, result.story_id, shingles, band_keys, known is None, key_owners)
        return result

    # -- decisions -------------------------------------------------------------------------

    def _found(self, parsed: ParsedArticle, day: int) -> LinkResult:
        story_id = stories.story_id_for(parsed.article_id)
        agency = credited_agency(parsed)
        own = is_own_agency(parsed.outlet.domain, agency)
        if agency is None and own:
            agency = agency_of_domain(parsed.outlet.domain)
        record = stories.new_record(
            _member(parsed, MemberRole.ORIGINAL, None), list(self._rank(parsed, own)), agency, day
        )
        self.stories[story_id] = record
        self.stats.new_stories += 1
        update = stories.to_update(
            story_id,
            record,
            StoryUpdateKind.CREATED,
            parsed.article_id,
            models=self._member_models,
        )
        content = StoryContent(
            story_id, parsed.article_id, MemberRole.ORIGINAL, list(parsed.paragraphs), parsed
        )
        return LinkResult(
            article_id=parsed.article_id,
            decision=LinkDecision.NEW_STORY,
            role=MemberRole.ORIGINAL,
            story_id=story_id,
            original_id=parsed.article_id,
            story_updates=[update],
            forward=content,
        )

    def _join(
        self, parsed: ParsedArticle, day: int, shingles: U32Array, verified: list[_Verified]
    ) -> LinkResult:
        best_overlap, best_id, best_record = verified[0]
        story_id = str(best_record["story"])
        record = self.stories.get(story_id)
        if record is None:  # defensive: a story evicted while a member lingers
            return self._found(parsed, day)
        record = dict(record)
        same_story = [
            self._decoded.get(article_id, r["sh"])
            for _, article_id, r in verified
            if r["story"] == story_id
        ]
        known = same_story[0] if len(same_story) == 1 else np.unique(np.concatenate(same_story))
        new_fraction = 1.0 - known_fraction(shingles, known)
        s = self.settings
        new_paragraphs: list[str] = []
        new_words = 0
        if new_fraction >= s.update_min_new_fraction:  # else a copy: its paragraphs are unused
            new_paragraphs, new_words = self._new_paragraphs(parsed, known)
        is_update = (
            new_words >= s.update_min_new_words and new_fraction >= s.update_min_new_fraction
        )
        decision = LinkDecision.UPDATE if is_update else LinkDecision.COPY
        evidence = self._evidence(parsed, best_overlap, best_id, best_record, "minhash-lsh+exact")
        return self._add(
            parsed, day, story_id, record, decision, evidence, new_paragraphs if is_update else []
        )

    def _replayed(
        self, parsed: ParsedArticle, known: dict[str, Any], record: dict[str, Any]
    ) -> LinkResult:
        """The same article again (at-least-once redelivery): its story, nothing written anew."""
        story_id = str(known["story"])
        role = next(
            (
                MemberRole(m["role"])
                for m in record["members"]
                if m["article_id"] == parsed.article_id
            ),
            MemberRole.COPY,
        )
        decision = _replayed_decision(role, record, parsed.article_id)
        return LinkResult(
            article_id=parsed.article_id,
            decision=decision,
            role=role,
            story_id=story_id,
            original_id=str(record["original"]),
        )

    def _replayed_tombstone(self, parsed: ParsedArticle, tomb: dict[str, Any]) -> LinkResult:
        """A redelivery of an evicted article: the answer it got, from its tombstone."""
        role = MemberRole(tomb["role"])
        self.stats.redelivered_after_eviction += 1
        return LinkResult(
            article_id=parsed.article_id,
            decision=LinkDecision(tomb["decision"]),
            role=role,
            story_id=str(tomb["story"]),
            original_id=str(tomb["original"]),
        )

    def _recapture(
        self,
        parsed: ParsedArticle,
        day: int,
        seen_id: str,
        seen: dict[str, Any],
        story: dict[str, Any],
        method: str,
        unknown: bool,
        key_owners: dict[str, str | None],
    ) -> LinkResult:
        story_id = str(seen["story"])
        record = dict(story)
        stored = seen.get("sh")
        if stored:
            shingles = self.shingler.text_hashes(parsed.text_for_matching)
            score = overlap(shingles, self._decoded.get(seen_id, stored))
        else:
            score = Overlap(0, 1.0, 1.0)
        evidence = self._evidence(parsed, score, seen_id, seen, method)
        result = self._add(
            parsed,
            day,
            story_id,
            record,
            LinkDecision.RECAPTURE,
            evidence,
            [],
            may_take_over=method != "same-url",
        )
        self._remember(parsed, day, story_id, None, unknown, key_owners)
        return result

    def _add(
        self,
        parsed: ParsedArticle,
        day: int,
        story_id: str,
        record: dict[str, Any],
        decision: LinkDecision,
        evidence: LinkEvidence,
        new_paragraphs: list[str],
        *,
        may_take_over: bool = True,
    ) -> LinkResult:
        role = {
            LinkDecision.COPY: MemberRole.COPY,
            LinkDecision.UPDATE: MemberRole.UPDATE,
        }.get(decision, MemberRole.RECAPTURE)
        if record["agency"] is None:
            record["agency"] = credited_agency(parsed)
        own = is_own_agency(parsed.outlet.domain, record["agency"])
        rank = self._rank(parsed, own)
        current = record["rank"]
        takes_over = may_take_over and rank < (
            int(current[0]),
            float(current[1]),
            str(current[2]),
        )
        if takes_over:
            role = MemberRole.ORIGINAL
            record["rank"] = list(rank)
            if record["agency"] is None:
                record["agency"] = agency_of_domain(parsed.outlet.domain)
        previous = stories.add_member(
            record,
            _member(parsed, role, evidence),
            day,
            self.settings.max_members_listed,
            takes_over,
        )
        self.stories[story_id] = record
        kind = {
            LinkDecision.COPY: StoryUpdateKind.COPY_ADDED,
            LinkDecision.UPDATE: StoryUpdateKind.UPDATE_ADDED,
        }.get(decision, StoryUpdateKind.RECAPTURE_ADDED)
        if previous is not None:
            kind = StoryUpdateKind.ORIGINAL_CHANGED
            self.stats.originals_changed += 1
        self._count(decision)
        update = stories.to_update(
            story_id, record, kind, parsed.article_id, previous, self._member_models
        )
        forward = None
        if new_paragraphs:
            forward = StoryContent(story_id, parsed.article_id, role, new_paragraphs, parsed)
        return LinkResult(
            article_id=parsed.article_id,
            decision=decision,
            role=role,
            story_id=story_id,
            original_id=str(record["original"]),
            evidence=evidence,
            original_changed=previous is not None,
            story_updates=[update],
            forward=forward,
        )

    # -- similarity ------------------------------------------------------------------------

    def _verified_candidates(self, shingles: U32Array, candidate_ids: set[str]) -> list[_Verified]:
        """Candidates from the band table that pass the exact check, best first."""
        s = self.settings
        ids: list[str] = []
        records: list[dict[str, Any]] = []
        sets: list[U32Array] = []
        for candidate_id in sorted(candidate_ids):
            record = self.articles.get(candidate_id)
            if record is None:
                continue
            encoded = record.get("sh")
            if not encoded:
                continue
            ids.append(candidate_id)
            records.append(record)
            sets.append(self._decoded.get(candidate_id, encoded))
        self.stats.candidates_verified += len(ids)
        verified: list[_Verified] = []
        size = shingles.size
        min_shared = s.min_shared_shingles
        jaccard_threshold = s.jaccard_threshold
        containment_threshold = s.containment_threshold
        for candidate_id, record, known, shared in zip(
            ids, records, sets, shared_counts(shingles, sets), strict=True
        ):
            if shared < min_shared:
                continue
            other = known.size
            jaccard = shared / (size + other - shared)  # as overlap_from, built only if kept
            containment = shared / min(size, other)
            if jaccard >= jaccard_threshold or containment >= containment_threshold:
                verified.append((Overlap(shared, jaccard, containment), candidate_id, record))
        verified.sort(key=lambda v: (-v[0].containment, -v[0].jaccard, v[1]))
        return verified

    def _new_paragraphs(self, parsed: ParsedArticle, known: U32Array) -> tuple[list[str], int]:
        """Prose paragraphs (not headline or chrome lines) most of whose shingles are unseen,
        and their word count."""
        threshold = self.settings.paragraph_known_fraction
        min_words = self.settings.update_min_paragraph_words
        fresh = []
        words = 0
        for paragraph in parsed.paragraphs:
            count, hashes = self.shingler.counted_hashes(paragraph)
            if count < min_words:
                continue
            if known_fraction(hashes, known) < threshold:
                fresh.append(paragraph)
                words += count
        return fresh, words

    def _evidence(
        self,
        parsed: ParsedArticle,
        score: Overlap,
        matched_id: str,
        matched: dict[str, Any],
        method: str,
    ) -> LinkEvidence:
        agency = credited_agency(parsed)
        city = parsed.dateline.city if parsed.dateline is not None else None
        other_city = matched.get("city")
        return LinkEvidence(
            matched_article_id=matched_id,
            jaccard=round(score.jaccard, 4),
            containment=round(score.containment, 4),
            shared_shingles=score.shared,
            shared_attribution=agency is not None
            and str(matched.get("agency") or "").lower() == agency.lower(),
            dateline_match=None
            if not city or not other_city
            else city.lower() == other_city.lower(),
            method=method,
        )

    # -- state -----------------------------------------------------------------------------

    def _seen_before(
        self, parsed: ParsedArticle, key_owners: dict[str, str | None]
    ) -> tuple[str, dict[str, Any], dict[str, Any], str] | None:
        """The indexed article with the same URL or content hash, its record, story and method.

        Fills `key_owners` with the keys it read (key -> article id or None).
        """
        for key, method in (
            ("u:" + self._url_key(parsed), "same-url"),
            ("h:" + parsed.content_hash, "same-content-hash"),
        ):
            seen_id = key_owners[key] = self.keys.get(key)
            if seen_id is None or seen_id == parsed.article_id:
                continue
            seen = self.articles.get(seen_id)
            if seen is not None:
                story = self.stories.get(seen["story"])
                if story is not None:
                    return seen_id, dict(seen), story, method
        return None

    def _index(
        self,
        parsed: ParsedArticle,
        day: int,
        story_id: str,
        shingles: U32Array,
        band_keys: U64Array | None,
        unknown: bool,
        key_owners: dict[str, str | None],
    ) -> None:
        if not self.window.admits(day):
            self.stats.not_indexed_too_old += 1
            return
        if band_keys is not None:
            self.index.insert(parsed.article_id, band_keys)
        encoded = encode_set(shingles) if shingles.size else None
        self._remember(parsed, day, story_id, encoded, unknown, key_owners)

    def _remember(
        self,
        parsed: ParsedArticle,
        day: int,
        story_id: str,
        encoded: str | None,
        unknown: bool,
        key_owners: dict[str, str | None],
    ) -> None:
        """Store the article's record and keys; `unknown`: `articles` was read without it."""
        if not unknown or not self.window.admits(day):
            return
        url_key = self._url_key(parsed)
        self.articles[parsed.article_id] = {
            "story": story_id,
            "day": day,
            "sh": encoded,
            "url": url_key,
            "hash": parsed.content_hash,
            "city": parsed.dateline.city if parsed.dateline is not None else None,
            "agency": credited_agency(parsed),
        }
        for key in ("u:" + url_key, "h:" + parsed.content_hash):
            owner = key_owners[key] if key in key_owners else self.keys.get(key)
            if owner is None:
                self.keys[key] = parsed.article_id
        self.window.add(day, parsed.article_id)

    def _evict_before(self, day: int) -> None:
        expired = self.window.advance(day)
        if not expired:
            return
        oldest = self.window.oldest_kept_day()
        ended: set[str] = set()  # stories deleted after every member got its tombstone
        entombed = [a for a in expired if self._forget(a, day if oldest is None else oldest, ended)]
        for story_id in sorted(ended):
            del self.stories[story_id]
        self.window.entomb(entombed)
        for article_id in self.window.expired_tombstones(self.settings.redelivery_memory_articles):
            record = self.articles.get(article_id)
            if record is not None and record.get("gone"):
                del self.articles[article_id]
        self.stats.evicted += len(expired)

    def _forget(self, article_id: str, oldest_day: int, ended: set[str]) -> bool:
        """Drop an evicted article's index entries; leave a tombstone. False if it was unknown."""
        record = self.articles.get(article_id)
        if record is None or record.get("gone"):
            return False
        if record.get("sh"):
            signature = self.minhasher.signature(decode_set(record["sh"]))
            self.index.remove(article_id, self.minhasher.band_hashes(signature))
        for key in ("u:" + record["url"], "h:" + record["hash"]):
            if self.keys.get(key) == article_id:
                del self.keys[key]
        story = self.stories.get(record["story"])
        role, original, decision = MemberRole.COPY, str(record["story"]), LinkDecision.COPY
        if story is not None:
            original = str(story["original"])
            role = next(
                (MemberRole(m["role"]) for m in story["members"] if m["article_id"] == article_id),
                MemberRole.ORIGINAL if original == article_id else MemberRole.COPY,
            )
            decision = _replayed_decision(role, story, article_id)
            if int(story["last_day"]) < oldest_day:
                ended.add(str(record["story"]))
        self.articles[article_id] = {
            "story": record["story"],
            "original": original,
            "role": role.value,
            "decision": decision.value,
            "gone": True,
        }
        return True

    def _url_key(self, parsed: ParsedArticle) -> str:
        """normalise_url of the article, computed once per link call."""
        if self._last_url[0] != parsed.url:
            self._last_url = (parsed.url, normalise_url(parsed.url))
        return self._last_url[1]

    def _rank(self, parsed: ParsedArticle, own: bool) -> tuple[int, float, str]:
        """Original ranking, lowest wins: agency's own item, then earliest, then smallest id."""
        return (0 if own else 1, effective_time(parsed).timestamp(), parsed.article_id)

    def _count(self, decision: LinkDecision) -> None:
        if decision is LinkDecision.COPY:
            self.stats.copies += 1
        elif decision is LinkDecision.UPDATE:
            self.stats.updates += 1
        else:
            self.stats.recaptures += 1


_REPLAYED_DECISION = {
    MemberRole.ORIGINAL: LinkDecision.NEW_STORY,
    MemberRole.COPY: LinkDecision.COPY,
    MemberRole.UPDATE: LinkDecision.UPDATE,
    MemberRole.RECAPTURE: LinkDecision.RECAPTURE,
}


def _replayed_decision(role: MemberRole, story: dict[str, Any], article_id: str) -> LinkDecision:
    """The decision a member got the first time, from its role in the story record."""
    if role is MemberRole.ORIGINAL and story["members"][0]["article_id"] != article_id:
        return LinkDecision.COPY  # a late original joined an existing story
    return _REPLAYED_DECISION.get(role, LinkDecision.COPY)


def _member(parsed: ParsedArticle, role: MemberRole, evidence: LinkEvidence | None) -> StoryMember:
    return StoryMember(
        article_id=parsed.article_id,
        outlet=parsed.outlet.domain,
        url=parsed.url,
        role=role,
        published_at=parsed.published_at,
        evidence=evidence,
    )
