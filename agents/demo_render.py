"""One-line rich renderings of output records for the demo and `alerts tail`."""

from __future__ import annotations

from typing import Any

from rich.text import Text

STYLES = {
    "articles.parsed": "cyan",
    "articles.deadletter": "red",
    "stories": "magenta",
    "incidents": "bold yellow",
    "alerts": "bold white on red",
}


def render_record(topic: str, record: dict[str, Any]) -> Text:
    """A short, human line describing one record from `topic`."""
    style = STYLES.get(topic, "white")
    if topic == "articles.parsed":
        agency = record.get("attributed_agency") or "own reporting"
        body = f"{record['article_id']}: {record.get('headline', '')[:80]!r} ({agency})"
    elif topic == "articles.deadletter":
        body = (
            f"{record.get('article_id')}: {record['stage']}/{record['reason']}: "
            f"{record['message'][:90]}"
        )
    elif topic == "stories":
        body = (
            f"{record.get('story_id')}: {record.get('kind')} {record.get('article_id')} "
            f"(original {record.get('original_id')})"
        )
    elif topic == "incidents":
        loc = record.get("location") or {}
        target = record.get("target") or {}
        date = record.get("event_date") or {}
        body = (
            f"{record.get('event_kind')} {record.get('type')} at {target.get('name')} in "
            f"{loc.get('city')}, {loc.get('country')} on {date.get('value')} — "
            f"{record.get('num_articles')} articles / {record.get('num_stories')} stories"
        )
    else:
        body = f"{record.get('alert_id')}: {record.get('summary') or record}"
    return Text.assemble((f"[{topic}] ", style), body)
