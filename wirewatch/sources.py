"""Read raw article payloads from a .jsonl file, a folder of .txt/.html pages, or a stream."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from wirewatch.errors import WirewatchError

CONTENT_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
}


class SourceError(WirewatchError):
    """The input path cannot be read as articles."""


def iter_jsonl_payloads(stream: IO[bytes]) -> Iterator[bytes]:
    """Yield each non-blank line of a JSON Lines stream as raw bytes, unparsed.

    Lines are not decoded here: the parse stage validates them, so a bad line becomes a dead
    letter with a reason instead of stopping the read.
    """
    for line in stream:
        stripped = line.strip()
        if stripped:
            yield stripped


def page_payload(path: Path) -> bytes:
    """Wrap one .txt/.html file as a RawArticle JSON payload (id from the file name)."""
    fetched = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    body = path.read_bytes().decode("utf-8", errors="surrogateescape")
    record = {
        "id": path.stem,
        "url": path.resolve().as_uri(),
        "fetched_at": fetched.isoformat(),
        "content_type": CONTENT_TYPES[path.suffix.lower()],
        "body": body,
    }
    return json.dumps(record, ensure_ascii=False).encode("utf-8", errors="surrogateescape")


def iter_payloads(path: Path) -> Iterator[bytes]:
    """Yield raw payloads from a .jsonl file or a folder of pages, in a stable order."""
    if path.is_dir():
        pages = sorted(p for p in path.iterdir() if p.suffix.lower() in CONTENT_TYPES)
        if not pages:
            raise SourceError(f"{path} holds no .txt or .html files")
        for page in pages:
            yield page_payload(page)
        return
    if not path.exists():
        raise SourceError(f"{path} does not exist; pass a .jsonl file, a folder, or - for stdin")
    with path.open("rb") as stream:
        yield from iter_jsonl_payloads(stream)


def count_payloads(path: Path) -> int:
    """Count the payloads `iter_payloads` will yield, for progress bars."""
    if path.is_dir():
        return sum(1 for p in path.iterdir() if p.suffix.lower() in CONTENT_TYPES)
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())
