"""agents/logging.py: JSON lines with bound ids, level from settings, secrets redacted."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
import structlog

from agents.logging import configure_logging, get_logger


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_json_mode_emits_one_json_object_with_bound_keys(capsys):
    """In JSON mode each event is one JSON line carrying the bound ids, level and timestamp."""
    configure_logging("INFO", "json")
    log = get_logger("test").bind(article_id="a-1", story_id="s-1")
    log.info("link.done", incident_id="i-1")
    [line] = _json_lines(capsys.readouterr().out)
    assert line["event"] == "link.done"
    assert (line["article_id"], line["story_id"], line["incident_id"]) == ("a-1", "s-1", "i-1")
    assert line["level"] == "info"
    assert line["timestamp"].endswith("Z")


def test_contextvars_are_merged_into_every_line(capsys):
    """Ids bound with structlog.contextvars appear on lines logged deeper in the call."""
    configure_logging("INFO", "json")
    structlog.contextvars.bind_contextvars(article_id="ctx-7")
    get_logger("test").info("parse.parsed")
    [line] = _json_lines(capsys.readouterr().out)
    assert line["article_id"] == "ctx-7"


def test_secret_looking_keys_are_redacted(capsys):
    """Values of keys that look like secrets never reach the output."""
    configure_logging("INFO", "json")
    get_logger("test").info(
        "webhook.sent",
        subscriber="ops",
        webhook_secret="s3cr3t-value",
        api_token="tok-123",
        Authorization="Bearer abc",
        password="hunter2",
        signature="sha256=deadbeef",
    )
    out = capsys.readouterr().out
    for value in ("s3cr3t-value", "tok-123", "Bearer abc", "hunter2", "deadbeef"):
        assert value not in out
    [line] = _json_lines(out)
    assert line["webhook_secret"] == "[redacted]"
    assert line["Authorization"] == "[redacted]"
    assert line["subscriber"] == "ops"


def test_level_filters_lower_events(capsys):
    """WARNING drops info lines and keeps warnings."""
    configure_logging("WARNING", "json")
    log = get_logger("test")
    log.info("quiet")
    log.warning("loud")
    assert [line["event"] for line in _json_lines(capsys.readouterr().out)] == ["loud"]


def test_console_mode_is_not_json(capsys):
    """The console format renders human-readable text, not JSON."""
    configure_logging("INFO", "console")
    get_logger("test").info("hello", article_id="a-2")
    out = capsys.readouterr().out
    assert "hello" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


def test_level_and_format_come_from_the_environment(capsys, monkeypatch):
    """WIREWATCH_LOG_LEVEL and WIREWATCH_LOG_FORMAT, read by WorkerSettings, drive the output."""
    from agents.settings import WorkerSettings

    monkeypatch.setenv("WIREWATCH_LOG_LEVEL", "WARNING")
    monkeypatch.setenv("WIREWATCH_LOG_FORMAT", "json")
    settings = WorkerSettings()
    configure_logging(settings.log_level, settings.log_format)
    log = get_logger("test")
    log.info("parse.parsed", article_id="a-3")
    log.warning("parse.slow", article_id="a-3")
    [line] = _json_lines(capsys.readouterr().out)
    assert (line["event"], line["article_id"], line["level"]) == ("parse.slow", "a-3", "warning")


def test_drop_spinner_logging_restores_the_root_level() -> None:
    """The Faust spinner's DEBUG root level and handler are removed; other handlers stay."""
    from faust.utils.terminal.spinners import Spinner, SpinnerHandler

    from agents.logging import drop_spinner_logging

    root = logging.Logger("test-root")
    console = logging.StreamHandler(io.StringIO())
    console.setLevel(logging.WARNING)
    root.addHandler(console)
    root.addHandler(SpinnerHandler(Spinner(file=io.StringIO()), level=logging.DEBUG))
    root.setLevel(logging.DEBUG)
    drop_spinner_logging(root)
    assert root.handlers == [console]
    assert not root.isEnabledFor(logging.DEBUG)
    assert root.isEnabledFor(logging.WARNING)
