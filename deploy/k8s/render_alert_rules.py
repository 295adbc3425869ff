"""Write configmap-alert-rules.yaml from deploy/alerts/rules.yaml (`--check`: fail when stale).

python deploy/k8s/render_alert_rules.py          # after editing deploy/alerts/rules.yaml
python deploy/k8s/render_alert_rules.py --check  # what tests/deploy/test_k8s.py asserts
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "alerts" / "rules.yaml"
TARGET = HERE / "configmap-alert-rules.yaml"
HEADER = """\
# GENERATED from deploy/alerts/rules.yaml by deploy/k8s/render_alert_rules.py: do not edit.
# Mounted by the workers at /etc/wirewatch/rules (WIREWATCH_ALERT_RULES names the file in it).
apiVersion: v1
kind: ConfigMap
metadata:
  name: wirewatch-alert-rules
  namespace: wirewatch
  labels:
    app.kubernetes.io/name: wirewatch
    app.kubernetes.io/part-of: wirewatch
data:
"""


def render(text: str) -> str:
    """The ConfigMap manifest holding `text` as rules.yaml, as a literal block scalar."""
    chomp = "+" if text.endswith("\n\n") else "" if text.endswith("\n") else "-"
    body = "".join(f"    {line}" if line.strip() else "\n" for line in text.splitlines(True))
    if not body.endswith("\n"):
        body += "\n"
    return f"{HEADER}  rules.yaml: |{chomp}\n{body}"


def main(argv: list[str] | None = None) -> int:
    """Render, or with --check compare, the ConfigMap."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    args = parser.parse_args(argv)
    wanted = render(SOURCE.read_text())
    if args.check:
        if not TARGET.exists() or TARGET.read_text() != wanted:
            print(f"{TARGET} is stale: run python {Path(__file__).relative_to(HERE.parents[1])}")
            return 1
        return 0
    TARGET.write_text(wanted)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
