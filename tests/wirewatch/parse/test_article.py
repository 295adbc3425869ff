"""parse_article on the shipped examples: fields, syndication patterns and matching text."""

from __future__ import annotations

import datetime as dt

from schemas.raw import RawArticle
from wirewatch.parse import parse_article


def _words(text: str) -> set[str]:
    return set(text.split())


def test_seedlike_urdupoint_copy_of_sputnik(examples: dict[str, RawArticle]) -> None:
    """An UrduPoint copy of a Sputnik story: wire, republisher, city, author and PKT time."""
    parsed = parse_article(examples["sample-seedlike-001"])
    assert parsed.attributed_agency == "Sputnik"
    assert parsed.republisher == "UrduPoint"
    assert parsed.outlet.name == "UrduPoint"
    assert parsed.dateline is not None
    assert parsed.dateline.city == "Washington"
    assert parsed.dateline.chain == ["UrduPoint News", "Sputnik"]
    assert parsed.dateline.date == dt.date(2022, 10, 11)
    assert parsed.author == "Hamza Tariq"
    assert parsed.published_at == dt.datetime.fromisoformat("2022-10-11T03:25:00+05:00")
    assert parsed.headline.startswith("Russian Envoy Urges Canada")
    assert not any("Recent Stories" in p or "Share on" in p for p in parsed.paragraphs)
    assert not parsed.text_for_matching.startswith("washington")


def test_same_url_twice_with_different_chrome_matches_exactly(
    examples: dict[str, RawArticle],
) -> None:
    """Two captures of one URL with different chrome give the same matching text and hash."""
    first, second = parse_article(examples["dev-025"]), parse_article(examples["dev-029"])
    assert first.content_hash == second.content_hash
    assert first.headline == second.headline


def test_copy_with_rewritten_dateline_matches_its_original(
    examples: dict[str, RawArticle],
) -> None:
    """The UrduPoint copy and the Sputnik HTML original share nearly all matching words."""
    original, copy = parse_article(examples["dev-045"]), parse_article(examples["dev-044"])
    a, b = _words(original.text_for_matching), _words(copy.text_for_matching)
    assert len(a & b) / len(a | b) > 0.9
    assert "urdupoint" not in copy.text_for_matching


def test_amp_capture_with_glued_paragraphs(examples: dict[str, RawArticle]) -> None:
    """Glued paragraphs are split, and the truncated AMP lede still matches its original."""
    amp, original = parse_article(examples["dev-018"]), parse_article(examples["dev-016"])
    assert len(amp.paragraphs) >= 6
    assert not any('."' in p[:-2] and p.count('"') == 1 for p in amp.paragraphs)
    a, b = _words(amp.text_for_matching), _words(original.text_for_matching)
    assert len(a & b) / len(a | b) > 0.8


def test_rpt_prefix_becomes_a_flag(examples: dict[str, RawArticle]) -> None:
    """The doubled wire headline is kept once, and `RPT - ` is a flag, not headline text."""
    parsed = parse_article(examples["dev-017"])
    assert parsed.headline_flags == ["RPT"]
    assert not parsed.headline.startswith("RPT")


def test_reuters_and_tass_datelines(examples: dict[str, RawArticle]) -> None:
    """Reuters and TASS datelines give Moscow; the Reuters site credits its reporter."""
    reuters, tass = parse_article(examples["dev-035"]), parse_article(examples["dev-034"])
    assert (reuters.attributed_agency, reuters.author) == ("Reuters", "Olga Vetrova")
    assert (tass.attributed_agency, tass.outlet.name) == ("TASS", "TASS")
    assert tass.dateline is not None
    assert tass.dateline.city == "Moscow"
    assert not any("Reporting by" in p for p in reuters.paragraphs)


def test_republished_reuters_copy_names_the_republisher(examples: dict[str, RawArticle]) -> None:
    """A Reuters item on another site: agency Reuters, republisher that site, no author."""
    parsed = parse_article(examples["dev-037"])
    assert (parsed.attributed_agency, parsed.author) == ("Reuters", None)
    assert parsed.republisher == "Nordic Ledger"
    assert parsed.published_precision == "date"


def test_afp_style_urdupoint_dateline(examples: dict[str, RawArticle]) -> None:
    """UrduPoint's title-case dateline without a credit is AFP copy."""
    parsed = parse_article(examples["dev-002"])
    assert (parsed.attributed_agency, parsed.republisher) == ("AFP", "UrduPoint")


def test_russian_original(examples: dict[str, RawArticle]) -> None:
    """A Russian TASS original: language ru, city Tallinn, agency TASS."""
    parsed = parse_article(examples["dev-054"])
    assert parsed.language == "ru"
    assert parsed.dateline is not None
    assert parsed.dateline.city == "Tallinn"
    assert parsed.attributed_agency == "TASS"


def test_missing_dateline_with_source_credit(examples: dict[str, RawArticle]) -> None:
    """No dateline: city is null, and `Source: Sputnik` still names the wire."""
    parsed = parse_article(examples["dev-028"])
    assert parsed.dateline is None
    assert parsed.attributed_agency == "Sputnik"
    assert parsed.republisher == "Eurasia Affairs Monitor"


def test_independent_report_has_no_agency(examples: dict[str, RawArticle]) -> None:
    """A broadcaster's own HTML report: author from meta, no wire, comments dropped."""
    parsed = parse_article(examples["dev-043"])
    assert (parsed.author, parsed.attributed_agency, parsed.republisher) == (
        "Émilie Gauthier",
        None,
        None,
    )
    assert not any("Comments are closed" in p for p in parsed.paragraphs)


def test_quotes_have_speakers(examples: dict[str, RawArticle]) -> None:
    """Quotes followed by `X said` are attributed to X."""
    parsed = parse_article(examples["dev-045"])
    assert any(q.speaker == "Volkhonsky" for q in parsed.quotes)


def test_parsing_is_deterministic(examples: dict[str, RawArticle]) -> None:
    """Parsing the same input twice gives the same record."""
    raw = examples["dev-044"]
    assert parse_article(raw) == parse_article(raw)
