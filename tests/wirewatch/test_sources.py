"""Input sources: JSONL files, folders of pages, and streams."""

from __future__ import annotations

import io
import json

import pytest

from wirewatch.sources import SourceError, count_payloads, iter_jsonl_payloads, iter_payloads


def test_jsonl_lines_are_yielded_raw_and_blank_lines_skipped():
    """Each non-blank line is yielded undecoded, so a bad line can still be dead-lettered."""
    stream = io.BytesIO(b'{"id": "a"}\n\n  \nnot json\n')
    assert list(iter_jsonl_payloads(stream)) == [b'{"id": "a"}', b"not json"]


def test_folder_pages_become_raw_articles(tmp_path):
    """A .txt and an .html file become RawArticle payloads with ids from their names."""
    (tmp_path / "b-story.html").write_text("<h1>Title</h1><p>Text</p>")
    (tmp_path / "a-story.txt").write_text("Title\nText")
    (tmp_path / "notes.md").write_text("ignored")
    records = [json.loads(p) for p in iter_payloads(tmp_path)]
    assert [r["id"] for r in records] == ["a-story", "b-story"]
    assert [r["content_type"] for r in records] == ["text/plain", "text/html"]
    assert count_payloads(tmp_path) == 2


def test_missing_path_raises_source_error(tmp_path):
    """A path that does not exist is reported with what to pass instead."""
    with pytest.raises(SourceError, match="does not exist"):
        list(iter_payloads(tmp_path / "nope.jsonl"))
