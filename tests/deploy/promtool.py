"""Find promtool (Debian's `prometheus` package); absent locally it skips, in CI it fails."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.shared_data import REPO_ROOT

PROMETHEUS_DIR = REPO_ROOT / "deploy" / "prometheus"


def promtool() -> str:
    """Path of promtool; skip without it, except under CI=true where .ci/run installs it."""
    found = shutil.which("promtool")
    if found:
        return found
    message = "promtool is not on PATH (apt-get install prometheus)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; .ci/run installs it, so CI must have it")
    pytest.skip(message)
    raise AssertionError  # unreachable: skip raises


def run_promtool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run promtool in deploy/prometheus and return the finished process."""
    return subprocess.run(
        [promtool(), *args], cwd=PROMETHEUS_DIR, capture_output=True, text=True, timeout=120
    )
