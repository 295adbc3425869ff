"""The alerts package's one base exception."""

from __future__ import annotations

from wirewatch.errors import WirewatchError


class AlertsError(WirewatchError):
    """Base for every error the alerts package raises on purpose."""


class RulesError(AlertsError):
    """The rules file is invalid; the message names each line and how to fix it."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(f"invalid alert rules in {path}:\n" + "\n".join(problems))
        self.problems = problems
