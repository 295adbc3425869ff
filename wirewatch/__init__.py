"""wirewatch domain logic: parsing, syndication linking, incident extraction, alert rules.

Pure functions and small classes over `schemas` models. Nothing here imports faust, aiokafka or
prometheus_client: the same code runs in the Faust worker and in the in-process replay runner.
"""

from __future__ import annotations

__version__ = "0.1.0"
