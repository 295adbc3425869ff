"""Locate ../shared (seed and corpus); tests that need it skip only where it is absent.

CI always lays ../shared beside the clone, so there these tests always run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """The shared folder beside the repo, or None on a fresh clone without it."""
    candidate = (REPO_ROOT / ".." / "shared").resolve()
    return candidate if (candidate / "corpus").is_dir() else None


def require_shared() -> Path:
    """The shared folder; skip the calling test when it is absent (never the case in CI)."""
    found = shared_dir()
    if found is None:
        pytest.skip("../shared is not present (fresh clone); CI always provides it")
    return found
