"""`wirewatch alerts receive`: a sample webhook receiver that verifies signatures (stdlib)."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from rich.console import Console

from wirewatch.alerts.signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    verify,
)

MAX_BODY = 4 * 1024 * 1024


class ReceiverState:
    """Secret, seen idempotency keys and the optional JSONL log, shared by handler threads."""

    def __init__(self, secret: str, console: Console, log_path: Path | None) -> None:
        self._secret = secret
        self.console = console
        self.log_path = log_path
        self.seen: set[str] = set()
        self.lock = threading.Lock()

    def check(self, timestamp: str | None, body: bytes, signature: str | None) -> str | None:
        """None when authentic, else why not."""
        return verify(self._secret, timestamp, body, signature, now=time.time())

    def record(self, entry: dict[str, Any]) -> None:
        """Append one received or rejected request to the JSONL log."""
        if self.log_path is not None:
            with self.lock, self.log_path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")


def make_handler(state: ReceiverState) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to `state`."""

    class AlertReceiver(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: we print our own lines."""

        def _reply(self, status: int, payload: dict[str, Any]) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._reply(413, {"error": "body too large"})
                return
            body = self.rfile.read(length)
            received_at = dt.datetime.now(dt.UTC).isoformat()
            key = self.headers.get(IDEMPOTENCY_HEADER, "")
            reason = state.check(
                self.headers.get(TIMESTAMP_HEADER), body, self.headers.get(SIGNATURE_HEADER)
            )
            if reason is not None:
                state.console.print(f"[bold red]rejected[/] {key or '-'}: {reason}")
                state.record({"rejected": reason, "idempotency_key": key, "at": received_at})
                self._reply(401, {"error": reason})
                return
            with state.lock:
                duplicate = key in state.seen
                state.seen.add(key)
            alert = json.loads(body)
            state.record(
                {
                    "idempotency_key": key,
                    "duplicate": duplicate,
                    "received_at": received_at,
                    "received_unix": time.time(),
                    "alert": alert,
                }
            )
            mark = "[yellow]duplicate[/] " if duplicate else ""
            state.console.print(
                f"[green]verified[/] {mark}{alert.get('title', '?')} "
                f"[dim]({alert.get('rule')}, {key})[/]"
            )
            self._reply(200, {"ok": True, "duplicate": duplicate})

    return AlertReceiver


def serve(
    port: int, secret: str, host: str = "127.0.0.1", log_path: Path | None = None
) -> ThreadingHTTPServer:
    """A started-but-not-serving server; call serve_forever() on it."""
    state = ReceiverState(secret, Console(), log_path)
    server = ThreadingHTTPServer((host, port), make_handler(state))
    state.console.print(f"receiving alerts on http://{host}:{port}/ (signatures verified)")
    return server
