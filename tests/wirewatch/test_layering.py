"""The dependency rule: the domain layer never imports the streaming shell's libraries."""

from __future__ import annotations

import subprocess
import sys

from tests.shared_data import REPO_ROOT

FORBIDDEN = ("faust", "aiokafka", "prometheus_client", "mode")


def test_importing_every_wirewatch_module_loads_no_streaming_library():
    """Importing all of wirewatch and schemas loads no faust, aiokafka or prometheus_client."""
    code = (
        "import importlib, pkgutil, sys\n"
        "import schemas, wirewatch\n"
        "for pkg in (schemas, wirewatch):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not m.name.endswith('__main__'):\n"
        "            importlib.import_module(m.name)\n"
        f"bad = [n for n in {FORBIDDEN!r} if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
