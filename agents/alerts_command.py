"""`wirewatch alerts tail|receive`: watch the alerts topic, or run the sample receiver."""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from schemas.alert import SEVERITY_LEVELS, Alert

SEVERITY_STYLE = {
    "info": "dim",
    "low": "cyan",
    "medium": "yellow",
    "high": "bold red",
    "critical": "bold white on red",
}


def add_parser(sub: Any) -> None:
    """Add `alerts tail` and `alerts receive` to the wirewatch parser."""
    alerts = sub.add_parser("alerts", help="watch alerts, or run the sample webhook receiver")
    verbs = alerts.add_subparsers(dest="alerts_command", required=True)
    tail = verbs.add_parser("tail", help="pretty-print the alerts topic")
    tail.add_argument("--type", action="append", default=[], help="incident type (repeatable)")
    tail.add_argument("--country", action="append", default=[], help="ISO country code")
    tail.add_argument("--subscriber", action="append", default=[], help="subscriber name")
    tail.add_argument("--rule", action="append", default=[], help="rule name")
    tail.add_argument("--min-severity", choices=SEVERITY_LEVELS, default="info")
    tail.add_argument("--from-beginning", action="store_true", help="start at the oldest alert")
    tail.add_argument("--limit", type=int, default=0, help="stop after N alerts (0: never)")
    tail.add_argument("--timeout", type=float, default=0, help="stop after N seconds (0: never)")
    receive = verbs.add_parser("receive", help="sample webhook receiver, verifies signatures")
    receive.add_argument("--port", type=int, required=True)
    receive.add_argument("--host", default="127.0.0.1")
    receive.add_argument("--secret-env", required=True, help="env var holding the secret")
    receive.add_argument("--log", type=Path, default=None, help="append requests as JSONL")


def alert_passes(alert: Alert, args: argparse.Namespace) -> bool:
    """True when the alert satisfies every filter given on the command line."""
    types = {i.type for i in alert.incidents}
    countries = {i.location.country for i in alert.incidents}
    return (
        (not args.type or bool(types & set(args.type)))
        and (not args.country or bool(countries & {c.upper() for c in args.country}))
        and (not args.subscriber or bool(set(alert.subscribers) & set(args.subscriber)))
        and (not args.rule or alert.rule in args.rule)
        and SEVERITY_LEVELS.index(alert.severity) >= SEVERITY_LEVELS.index(args.min_severity)
    )


def render_alert(alert: Alert) -> Panel:
    """One alert as a rich panel: title, incidents with place, target and first evidence."""
    lines: list[Text] = []
    for incident in alert.incidents:
        place = ", ".join(p for p in (incident.location.city, incident.location.country) if p)
        target = f" → {incident.target.name}" if incident.target else ""
        line = Text(f"• {incident.type} ({incident.change}) {place}{target}  ")
        line.append(f"{incident.severity}", style=SEVERITY_STYLE[incident.severity])
        line.append(f"  {incident.num_articles} articles / {incident.num_outlets} outlets")
        lines.append(line)
        if incident.evidence:
            lines.append(Text(f"  “{incident.evidence[0].sentence[:200]}”", style="italic dim"))
    subtitle = f"{alert.rule} → {', '.join(alert.subscribers) or 'topic only'} · {alert.alert_id}"
    return Panel(
        Group(*lines),
        title=Text(alert.title, style=SEVERITY_STYLE[alert.severity]),
        subtitle=f"{alert.reason} #{alert.sequence} · {alert.created_at:%Y-%m-%d %H:%M} · "
        + subtitle,
        expand=False,
    )


async def tail(args: argparse.Namespace, console: Console) -> int:
    """Follow the alerts topic and print the alerts that pass the filters."""
    from aiokafka import AIOKafkaConsumer

    from agents.settings import WorkerSettings
    from agents.topics import ALERTS

    settings = WorkerSettings()
    consumer = AIOKafkaConsumer(
        ALERTS.full_name(settings),
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None,
        auto_offset_reset="earliest" if args.from_beginning else "latest",
        enable_auto_commit=False,
    )
    await consumer.start()
    shown = 0
    deadline = time.monotonic() + args.timeout if args.timeout else None
    try:
        while deadline is None or time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    alert = Alert.model_validate_json(record.value or b"")
                    if alert_passes(alert, args):
                        console.print(render_alert(alert))
                        shown += 1
                        if args.limit and shown >= args.limit:
                            return 0
    finally:
        await consumer.stop()
    return 0


def receive(args: argparse.Namespace, console: Console) -> int:
    """Run the sample receiver until Ctrl-C."""
    from agents.alerts_receiver import serve

    secret = os.environ.get(args.secret_env)
    if not secret:
        console.print(f"[red]set the secret in the environment variable {args.secret_env}[/]")
        return 2
    server = serve(args.port, secret, args.host, args.log)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def run_alerts(args: argparse.Namespace, console: Console) -> int:
    """Dispatch `wirewatch alerts <verb>`."""
    if args.alerts_command == "tail":
        try:
            return asyncio.run(tail(args, Console()))
        except KeyboardInterrupt:
            return 0
    return receive(args, console)
