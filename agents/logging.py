"""structlog set-up: JSON lines when stdout is not a TTY, pretty console output when it is."""

from __future__ import annotations

import logging
import sys
from typing import Any, TextIO

import structlog

SECRET_KEYS = ("secret", "token", "password", "authorization", "signature")


def redact_secrets(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    """Replace the value of any key that looks like a secret."""
    for key in list(event):
        if any(word in key.lower() for word in SECRET_KEYS):
            event[key] = "[redacted]"
    return event


def configure_logging(level: str = "INFO", fmt: str = "auto", stream: TextIO | None = None) -> None:
    """Configure structlog (to `stream`, default stdout) and the stdlib root logger."""
    stream = stream or sys.stdout
    use_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    renderer: Any = (
        structlog.processors.JSONRenderer() if use_json else structlog.dev.ConsoleRenderer()
    )
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            redact_secrets,
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.WriteLoggerFactory(file=stream),
        cache_logger_on_first_use=True,
    )
    logging.basicConfig(level=max(numeric, logging.WARNING), stream=sys.stderr)


def drop_spinner_logging(root: logging.Logger | None = None) -> None:
    """Undo the Faust worker's terminal-spinner logging set-up.

    At `-l warn` and above the worker adds a SpinnerHandler and sets the root logger to DEBUG,
    so every library `log.debug` call (one per produced record in faust and aiokafka) builds a
    LogRecord: ~5% of the worker's CPU under load. The root goes back to its handlers' level.
    """
    root = root or logging.getLogger()
    spinners = [h for h in root.handlers if type(h).__name__ == "SpinnerHandler"]
    for handler in spinners:
        root.removeHandler(handler)
    if spinners:
        levels = [h.level for h in root.handlers if h.level > logging.NOTSET]
        root.setLevel(min(levels) if levels else logging.WARNING)


def get_logger(name: str) -> Any:
    """A structlog logger bound with the module name."""
    return structlog.get_logger(name)
