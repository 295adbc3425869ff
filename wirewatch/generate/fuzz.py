"""Poison inputs: fuzzed and malformed raw payloads that every parse must dead-letter."""

from __future__ import annotations

import json
import random

_JUNK = "#$%&*@!~^|<>{}[]"


def fuzz_payloads(count: int, seed: int = 0, id_prefix: str = "poison") -> list[bytes]:
    """`count` payloads that are not valid articles, each carrying `id_prefix` in its id.

    About one in eight is not JSON at all (no usable id: its dead letter has article_id null);
    the rest are JSON objects with an id and a defect: missing or mistyped fields, bad dates,
    empty, chrome-only or junk bodies.
    """
    rng = random.Random(seed)
    out: list[bytes] = []
    for index in range(count):
        article_id = f"{id_prefix}-{seed}-{index:06d}"
        base: dict[str, object] = {
            "id": article_id,
            "url": f"https://fuzz.example/{index}",
            "fetched_at": "2023-01-02T06:00:00Z",
            "content_type": "text/plain",
            "body": "",
        }
        kind = index % 8
        if kind == 0:
            blob = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300)))
            out.append(b"\xff" + blob)  # never valid UTF-8 JSON
            continue
        if kind == 1:
            base.pop(rng.choice(("body", "url", "fetched_at")))
        elif kind == 2:
            base["fetched_at"] = rng.choice(("yesterday", "2023-13-45T99:00:00Z", 12, None))
        elif kind == 3:
            base["body"] = rng.choice((12345, ["a", "b"], {"p": 1}, None))
        elif kind == 4:
            base["body"] = "".join(rng.choice(_JUNK) for _ in range(rng.randint(20, 3000)))
        elif kind == 5:
            base["body"] = "Recent Stories\nShare on Facebook Share on Twitter\nCopy Link"
        elif kind == 6:
            base["body"] = " \n\t " * rng.randint(0, 50)
        else:
            base["url"] = ""
        out.append(json.dumps(base).encode())
    return out
