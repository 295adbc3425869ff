"""Synthetic articles with ground truth: wire originals, syndicated copies, reports, negatives.

Deterministic for a seed. Originals are Sputnik-style wire items; copies are made with the
aggregator transformations our parser and linker must see through (UrduPoint dateline rewrite,
byline, "Recent Stories" chrome, Title Case headline, `RPT -` prefix, re-captures, updates with
extra paragraphs, truncated copies contained in the original). Independent local reports share
an incident but not text; negatives share neither; malformed items must be dead-lettered.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from wirewatch.generate import vocab as v

UTC = dt.UTC
PKT = dt.timezone(dt.timedelta(hours=5))


@dataclass(frozen=True)
class GeneratedArticle:
    """One raw article (RawArticle JSON) and its ground-truth label."""

    article: dict[str, Any]
    label: dict[str, Any]


@dataclass(frozen=True)
class GeneratorSettings:
    """The mix of the stream; shares are of episodes, not of articles."""

    seed: int = 0
    start: dt.datetime = dt.datetime(2023, 1, 2, 6, 0, tzinfo=UTC)
    incident_share: float = 0.45
    plain_story_share: float = 0.15
    negative_share: float = 0.32
    malformed_share: float = 0.08
    max_copies: int = 4
    independent_rate: float = 0.5
    late_original_rate: float = 0.0
    episode_gap_seconds: float = 90.0
    id_prefix: str = "gen"


@dataclass
class _Episode:
    items: list[tuple[float, GeneratedArticle]] = field(default_factory=list)


def title_case(text: str) -> str:
    """UrduPoint's headline style: every word capitalised."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def ordinal_day(day: int) -> str:
    """1 -> 1st, 2 -> 2nd, 11 -> 11th."""
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def slugify(text: str) -> str:
    """Lower-case URL slug."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:90]


class ArticleGenerator:
    """Yields GeneratedArticle items in fetched_at order; the same seed gives the same stream."""

    def __init__(self, settings: GeneratorSettings | None = None) -> None:
        self.settings = settings or GeneratorSettings()
        self.rng = random.Random(self.settings.seed)
        self._next_id = 0
        self._story = 0
        self._incident = 0

    # -- ids and small helpers ---------------------------------------------------------------

    def _id(self) -> str:
        self._next_id += 1
        return f"{self.settings.id_prefix}-{self.settings.seed}-{self._next_id:07d}"

    def _pick(self, pool: tuple[str, ...]) -> str:
        return self.rng.choice(pool)

    def _slots(self, city: tuple[str, str, str], nation: str, mission: str) -> dict[str, str]:
        r = self.rng
        return {
            "city": city[0],
            "country": city[2],
            "nat": nation,
            "mission": mission,
            "colour": self._pick(v.COLOURS),
            "objects": self._pick(v.OBJECTS),
            "part": self._pick(v.PARTS),
            "vehicle": self._pick(v.VEHICLES),
            "hour": self._pick(v.HOURS),
            "street": self._pick(v.STREETS),
            "ordinal": self._pick(v.ORDINALS),
            "month": self._pick(v.MONTHS),
            "weekday": self._pick(v.WEEKDAYS),
            "n1": str(r.randint(2, 40)),
            "n2": str(r.randint(41, 900)),
            "n3": str(r.randint(3, 60)),
            "age": str(r.randint(19, 67)),
            "first": self._pick(v.FIRST_NAMES),
            "surname": self._pick(v.LAST_NAMES),
            "thing": self._pick(v.THINGS),
            "sector": self._pick(v.SECTORS),
            "region": self._pick(v.REGIONS),
            "bank": self._pick(v.BANKS),
            "decade": str(r.choice((1980, 1990, 2000))),
            "official_title": self._pick(("ambassador", "diplomat", "consul general")),
            "reporter_cop": f"{self._pick(v.FIRST_NAMES)} {self._pick(v.LAST_NAMES)}",
        }

    def _fill(self, template: str, slots: dict[str, str]) -> str:
        # Refresh the numbers per paragraph so template twins don't share long word runs.
        local = dict(slots)
        local["n1"] = str(self.rng.randint(2, 40))
        local["n2"] = str(self.rng.randint(41, 900))
        local["weekday"] = self._pick(v.WEEKDAYS)
        local["thing_lower"] = local["thing"].lower()
        return template.format(**local)

    # -- formats -----------------------------------------------------------------------------

    def _sputnik(self, headline: str, dateline: str, paragraphs: list[str], at: dt.datetime) -> str:
        lines = [
            headline,
            f"{at:%H:%M} GMT {at:%d.%m.%Y}",
            f"{dateline} (Sputnik) - {paragraphs[0]}",
            *paragraphs[1:],
            "Subscribe to Sputnik on Telegram",
            f"© {at:%Y} Sputnik All rights reserved",
        ]
        return "\n".join(lines)

    def _urdupoint(
        self, headline: str, dateline: str, paragraphs: list[str], at: dt.datetime, rpt: bool
    ) -> str:
        local = at.astimezone(PKT)
        story_day = f"{ordinal_day(at.day)} {at:%B}, {at:%Y}"
        recent = self.rng.sample(v.RECENT_STORIES, self.rng.randint(3, 6))
        second = ("RPT - " if rpt else "") + headline[:1] + headline[1:].lower()
        lines = [
            f"date {local:%Y-%m-%d} UrduPoint.com",
            title_case(headline.lower()),
            second,
            f"{self._pick(v.BYLINE_NAMES)} Published {local:%B %d, %Y} | {local:%I:%M %p}",
            f"{dateline} (UrduPoint News / Sputnik - {story_day}) {paragraphs[0]}",
            *paragraphs[1:],
            "Recent Stories",
            *recent,
            f"Related Topics: Sputnik, {', '.join(self.rng.sample(v.MONTHS, 2))}, {at:%Y}",
            "Share on Facebook Share on Twitter Share on WhatsApp Copy Link",
        ]
        return "\n".join(lines)

    def _local(self, outlet: str, headline: str, reporter: str, paragraphs: list[str],
               at: dt.datetime) -> str:  # fmt: skip
        return "\n".join(
            [
                outlet,
                "News | City | Politics | Business | Sport",
                headline,
                f"{at:%d/%m/%Y %H:%M} | {reporter}",
                *paragraphs,
                f"Also in City: {self._pick(v.THINGS)} prices rise again",
            ]
        )

    def _url(self, prefix: str, headline: str, scale: int) -> str:
        return f"{prefix}/{slugify(headline)[:60]}-{self.rng.randint(scale, scale * 10)}"

    def _raw(self, article_id: str, url: str, at: dt.datetime, body: str) -> dict[str, Any]:
        return {
            "id": article_id,
            "url": url,
            "fetched_at": at.isoformat().replace("+00:00", "Z"),
            "content_type": "text/plain",
            "body": body,
        }

    # -- episodes ----------------------------------------------------------------------------

    def _wire_story(self, start: dt.datetime, with_incident: bool) -> _Episode:
        r = self.rng
        city = r.choice(v.CITIES)
        nation = self._pick(v.MISSION_NATIONS)
        mission = self._pick(v.MISSIONS)
        slots = self._slots(city, nation, mission)
        official = f"{nation} Ambassador to {city[2]} {slots['first']} {slots['surname']}"
        if with_incident:
            kind = r.choice(sorted(v.INCIDENTS))
            head_t, lede_t = v.INCIDENTS[kind]
            headline = self._fill(head_t, slots)
            clause = self._fill(lede_t, slots)
            lede = (
                f"{clause[:1].upper()}{clause[1:]}, {official} told Sputnik on {slots['weekday']}."
            )
            body = [self._fill(t, slots) for t in r.sample(v.WIRE_PARAGRAPHS, r.randint(4, 6))]
            self._incident += 1
            incident: str | None = f"ginc-{self.settings.seed}-{self._incident}"
        else:
            kind = ""
            headline = self._fill(self._pick(v.NEGATIVE_HEADLINES), slots)
            lede = self._fill(v.NEGATIVE_PARAGRAPHS[0], slots)
            body = [self._fill(t, slots) for t in r.sample(v.NEGATIVE_PARAGRAPHS[1:], 4)]
            incident = None
        paragraphs = [lede, *body]
        dateline = r.choice((city[0].upper(), self._pick(v.WIRE_CITIES)))
        self._story += 1
        story = f"gstory-{self.settings.seed}-{self._story}"
        episode = _Episode()
        original_id = self._id()
        url = self._url(f"https://sputniknews.com/{start:%Y%m%d}", headline, 10**9) + ".html"
        original = GeneratedArticle(
            self._raw(
                original_id, url, start, self._sputnik(headline, dateline, paragraphs, start)
            ),
            self._label(original_id, story, "original", original_id, incident),
        )
        copy_offsets = sorted(
            r.uniform(600, 3 * 3600) for _ in range(r.randint(1, self.settings.max_copies))
        )
        if r.random() < self.settings.late_original_rate:
            episode.items.append((copy_offsets[-1] + 60, original))
        else:
            episode.items.append((0.0, original))
        last_url: str | None = None
        for offset in copy_offsets:
            at = start + dt.timedelta(seconds=offset)
            variant = r.random()
            copy_paras, role = paragraphs, "copy"
            if variant < 0.2 and with_incident:
                extra = [self._fill(t, slots) for t in r.sample(v.UPDATE_PARAGRAPHS, 2)]
                copy_paras, role = [*paragraphs, *extra], "update"
            elif variant < 0.35:
                copy_paras = paragraphs[: max(3, len(paragraphs) - 2)]
            article_id = self._id()
            if last_url is not None and variant > 0.85:
                copy_url = last_url  # the same page captured again with other chrome
            else:
                copy_url = (
                    self._url("https://www.urdupoint.com/en/world", headline, 10**6) + ".html"
                )
            last_url = copy_url
            body_text = self._urdupoint(headline, dateline, copy_paras, at, rpt=variant > 0.7)
            label = self._label(article_id, story, role, original_id, incident)
            raw = self._raw(article_id, copy_url, at, body_text)
            episode.items.append((offset, GeneratedArticle(raw, label)))
        if with_incident and r.random() < self.settings.independent_rate:
            episode.items.append(self._independent(start, kind, slots, incident))
        return episode

    def _independent(
        self, start: dt.datetime, kind: str, slots: dict[str, str], incident: str | None
    ) -> tuple[float, GeneratedArticle]:
        r = self.rng
        outlet, domain = r.choice(v.LOCAL_OUTLETS)
        local = dict(slots, outlet=outlet)
        local["incident_local"] = self._fill(v.LOCAL_INCIDENTS[kind], local)
        local.update(
            resident=self._pick(v.RESIDENTS),
            shop=self._pick(v.SHOPS),
            district=self._pick(v.DISTRICTS),
            adjective=self._pick(v.ADJECTIVES),
            cop_rank=self._pick(v.COP_RANKS),
            street_cap=self._pick(v.STREETS).title(),
        )
        opener = self._fill(self._pick(v.LOCAL_OPENERS), local)
        body = [self._fill(t, local) for t in r.sample(v.LOCAL_PARAGRAPHS, r.randint(3, 5))]
        paragraphs = [opener, *body]
        headline = f"Police investigate after {local['incident_local']}"
        offset = r.uniform(300, 2 * 3600)
        at = start + dt.timedelta(seconds=offset)
        article_id = self._id()
        url = self._url(f"https://{domain}/news/{at:%Y/%m/%d}", headline, 10**5)
        reporter = self._pick(v.REPORTERS)
        text = self._local(outlet, headline, reporter, paragraphs, at)
        label = self._label(article_id, None, "independent", None, incident)
        return offset, GeneratedArticle(self._raw(article_id, url, at, text), label)

    def _negative(self, start: dt.datetime) -> _Episode:
        r = self.rng
        city = r.choice(v.CITIES)
        slots = self._slots(city, "", "")
        outlet, domain = r.choice(v.LOCAL_OUTLETS)
        headline = self._fill(self._pick(v.NEGATIVE_HEADLINES), slots)
        paragraphs = [self._fill(t, slots) for t in r.sample(v.NEGATIVE_PARAGRAPHS, 4)]
        article_id = self._id()
        url = self._url(f"https://{domain}/business/{start:%Y/%m/%d}", headline, 10**4)
        body = self._local(outlet, headline, self._pick(v.REPORTERS), paragraphs, start)
        label = self._label(article_id, None, "negative", None, None)
        return _Episode([(0.0, GeneratedArticle(self._raw(article_id, url, start, body), label))])

    def _malformed(self, start: dt.datetime) -> _Episode:
        r = self.rng
        article_id = self._id()
        raw = self._raw(article_id, f"https://broken.example/{article_id}", start, "")
        kind = r.randrange(5)
        if kind == 1:
            raw["body"] = "\n".join(["Recent Stories", *r.sample(v.RECENT_STORIES, 4)])
        elif kind == 2:
            raw["body"] = "".join(r.choice("#$%&*@!~^|") for _ in range(r.randint(50, 2000)))
        elif kind == 3:
            del raw["body"]
        elif kind == 4:
            raw["fetched_at"] = "not a date"
        label = self._label(article_id, None, "malformed", None, None)
        return _Episode([(0.0, GeneratedArticle(raw, label))])

    def _label(self, article_id: str, story: str | None, role: str, original_id: str | None,
               incident: str | None) -> dict[str, Any]:  # fmt: skip
        return {
            "id": article_id,
            "story": story,
            "role": role,
            "original_id": original_id,
            "incident": incident,
        }

    def _episode(self, start: dt.datetime) -> _Episode:
        s = self.settings
        roll = self.rng.random()
        if roll < s.incident_share:
            return self._wire_story(start, with_incident=True)
        if roll < s.incident_share + s.plain_story_share:
            return self._wire_story(start, with_incident=False)
        if roll < s.incident_share + s.plain_story_share + s.negative_share:
            return self._negative(start)
        return self._malformed(start)

    def __iter__(self) -> Iterator[GeneratedArticle]:
        pending: list[tuple[float, int, GeneratedArticle]] = []
        clock = 0.0
        order = 0
        while True:
            start = self.settings.start + dt.timedelta(seconds=clock)
            for offset, item in self._episode(start).items:
                order += 1
                heapq.heappush(pending, (clock + offset, order, item))
            clock += self.rng.expovariate(1.0 / self.settings.episode_gap_seconds)
            while pending and pending[0][0] <= clock:
                yield heapq.heappop(pending)[2]


def generate(count: int, settings: GeneratorSettings | None = None) -> list[GeneratedArticle]:
    """The first `count` articles of the stream for `settings`."""
    out: list[GeneratedArticle] = []
    for item in ArticleGenerator(settings):
        out.append(item)
        if len(out) >= count:
            break
    return out
