#!/usr/bin/env python3
"""Start and stop a real single-node Apache Kafka (KRaft) broker on 127.0.0.1.

The jars come from Maven Central through `deploy/kafka/pom.xml` into a cache folder outside the
repo (default `~/.cache/wirewatch/kafka-<version>/libs`); a second start reuses them.

    python deploy/kafka/kafkactl.py start [--port 9092] [--controller-port 9093] [--data-dir DIR]
    python deploy/kafka/kafkactl.py status [--data-dir DIR]
    python deploy/kafka/kafkactl.py stop [--data-dir DIR]
    python deploy/kafka/kafkactl.py fetch            # resolve the jars only (CI does this first)

`start` formats storage when the data folder is new, starts the broker, and returns once the
broker answers a Metadata request. `stop` ends the broker by the PID it wrote and waits until
the process is gone. Standard library only, except aiokafka for the readiness probe.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import re
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
TEMPLATE = HERE / "server.properties.template"
LOG4J = HERE / "log4j2.properties"
DEFAULT_DATA_DIR = Path(os.environ.get("WIREWATCH_KAFKA_DATA_DIR", "/tmp/wirewatch-kafka"))


class KafkaCtlError(RuntimeError):
    """A failure this tool can explain in one sentence."""


def kafka_version() -> str:
    """Read the Kafka version pinned in the POM."""
    match = re.search(r"<kafka.version>([^<]+)</kafka.version>", POM.read_text())
    if not match:
        raise KafkaCtlError(f"no <kafka.version> in {POM}")
    return match.group(1)


def cache_dir() -> Path:
    """The folder (outside the repo) that holds the resolved jars."""
    root = os.environ.get("WIREWATCH_KAFKA_CACHE") or str(Path.home() / ".cache" / "wirewatch")
    return Path(root) / f"kafka-{kafka_version()}" / "libs"


def require_tool(name: str, install_hint: str) -> str:
    """Return the path of a required executable or explain what to install."""
    path = shutil.which(name)
    if path is None:
        raise KafkaCtlError(f"`{name}` was not found on PATH. Install {install_hint}.")
    return path


def fetch_jars() -> Path:
    """Resolve Kafka and its runtime dependencies with Maven, once; return the jar folder."""
    libs = cache_dir()
    marker = libs / ".complete"
    if marker.exists():
        return libs
    mvn = require_tool("mvn", "Maven 3.8+ (Debian: `apt-get install maven`)")
    require_tool("java", "Java 17+ (Debian: `apt-get install openjdk-17-jre-headless`)")
    libs.mkdir(parents=True, exist_ok=True)
    cmd = [
        mvn,
        "-q",
        "-B",
        "-f",
        str(POM),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={libs}",
    ]
    print(f"kafkactl: resolving Apache Kafka {kafka_version()} jars into {libs} ...", flush=True)
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise KafkaCtlError(
            f"Maven could not resolve the Kafka jars:\n{result.stdout}{result.stderr}"
        )
    marker.write_text(kafka_version())
    return libs


def pid_file(data_dir: Path) -> Path:
    """Where the broker's PID is kept."""
    return data_dir / "broker.pid"


def running_pid(data_dir: Path) -> int | None:
    """The PID of a live broker started from this data folder, if any."""
    path = pid_file(data_dir)
    if not path.exists():
        return None
    pid = int(path.read_text().strip() or 0)
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        path.unlink(missing_ok=True)
        return None
    return pid


def render_config(
    data_dir: Path, host: str, port: int, controller_port: int, partitions: int
) -> Path:
    """Write server.properties for this data folder from the template."""
    text = string.Template(TEMPLATE.read_text()).substitute(
        host=host,
        port=port,
        controller_port=controller_port,
        data_dir=data_dir,
        partitions=partitions,
    )
    path = data_dir / "server.properties"
    path.write_text(text)
    return path


def java_command(libs: Path, data_dir: Path, main: str, *args: str) -> list[str]:
    """A java command line with the Kafka classpath and our logging config."""
    java = require_tool("java", "Java 17+ (Debian: `apt-get install openjdk-17-jre-headless`)")
    heap = os.environ.get("WIREWATCH_KAFKA_HEAP", "-Xms256m -Xmx1g").split()
    return [
        java,
        *heap,
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        f"-Dlog4j2.configurationFile={LOG4J}",
        f"-Dkafka.logs.dir={data_dir}",
        "-cp",
        f"{libs}/*",
        main,
        *args,
    ]


def new_cluster_id() -> str:
    """A random cluster id as Kafka's `Uuid.randomUuid` makes it: URL-safe base64 of 16 bytes.

    Like Kafka, draw again when the id starts with "-": the storage tool's argument parser would
    read such an id as an option, and formatting failed about once in 64 starts.
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def format_storage(libs: Path, data_dir: Path, config: Path) -> None:
    """Format KRaft storage with a fresh cluster id (only for a new data folder)."""
    if (data_dir / "kraft-logs" / "meta.properties").exists():
        return
    cluster_id = new_cluster_id()
    cmd = java_command(
        libs,
        data_dir,
        "kafka.tools.StorageTool",
        "format",
        "-t",
        cluster_id,
        "-c",
        str(config),
        "--ignore-formatted",
    )
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise KafkaCtlError(f"storage format failed:\n{result.stdout}{result.stderr}")


def port_is_free(host: str, port: int) -> bool:
    """True when nothing listens on host:port."""
    with socket.socket() as sock:
        return sock.connect_ex((host, port)) != 0


async def _metadata_ok(bootstrap: str) -> bool:
    import logging

    from aiokafka.admin import AIOKafkaAdminClient

    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)

    client = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    try:
        await client.start()
        await client.list_topics()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return False
    finally:
        await client.close()


def wait_ready(bootstrap: str, pid: int, timeout: float, log: Path) -> None:
    """Poll with Metadata requests until the broker answers, the process dies, or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise KafkaCtlError(f"the broker exited during start-up; see {log}:\n{tail}") from None
        if asyncio.run(_metadata_ok(bootstrap)):
            return
        time.sleep(0.3)
    raise KafkaCtlError(f"the broker did not answer a Metadata request within {timeout:.0f}s")


def start(args: argparse.Namespace) -> int:
    """Start the broker (idempotent when one already runs from the same data folder)."""
    data_dir: Path = args.data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    bootstrap = f"{args.host}:{args.port}"
    if (pid := running_pid(data_dir)) is not None:
        print(f"kafkactl: broker already running (pid {pid}) at {bootstrap}")
        return 0
    for port in (args.port, args.controller_port):
        if not port_is_free(args.host, port):
            raise KafkaCtlError(
                f"port {port} on {args.host} is in use; pass --port/--controller-port"
            )
    began = time.monotonic()
    libs = fetch_jars()
    config = render_config(data_dir, args.host, args.port, args.controller_port, args.partitions)
    format_storage(libs, data_dir, config)
    out = data_dir / "broker.out"
    with out.open("ab") as sink:
        proc = subprocess.Popen(
            java_command(libs, data_dir, "kafka.Kafka", str(config)),
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    pid_file(data_dir).write_text(str(proc.pid))
    try:
        wait_ready(bootstrap, proc.pid, args.timeout, out)
    except KafkaCtlError:
        stop_pid(data_dir, proc.pid, 10.0)
        raise
    print(
        f"kafkactl: broker ready at {bootstrap} (pid {proc.pid}) in "
        f"{time.monotonic() - began:.1f}s; data in {data_dir}",
        flush=True,
    )
    return 0


def stop_pid(data_dir: Path, pid: int, timeout: float) -> None:
    """SIGTERM the broker's process group, then SIGKILL it if it outlives the timeout."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                reaped, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                reaped = 0
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    reaped = pid
            if reaped == pid:
                pid_file(data_dir).unlink(missing_ok=True)
                return
            time.sleep(0.1)
    pid_file(data_dir).unlink(missing_ok=True)


def stop(args: argparse.Namespace) -> int:
    """Stop the broker started from this data folder; a no-op when none runs."""
    data_dir: Path = args.data_dir.resolve()
    pid = running_pid(data_dir)
    if pid is None:
        print("kafkactl: no broker running")
    else:
        stop_pid(data_dir, pid, args.timeout)
        print(f"kafkactl: broker (pid {pid}) stopped")
    if args.wipe:
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


def status(args: argparse.Namespace) -> int:
    """Exit 0 when a broker runs from this data folder, 1 otherwise."""
    pid = running_pid(args.data_dir.resolve())
    print(f"kafkactl: {'running, pid ' + str(pid) if pid else 'not running'}")
    return 0 if pid else 1


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="kafkactl", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "stop", "status", "fetch"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
        if name == "start":
            cmd.add_argument("--host", default="127.0.0.1")
            cmd.add_argument("--port", type=int, default=int(os.environ.get("KAFKA_PORT", 9092)))
            cmd.add_argument(
                "--controller-port",
                type=int,
                default=int(os.environ.get("KAFKA_CONTROLLER_PORT", 9093)),
            )
            cmd.add_argument("--partitions", type=int, default=4)
            cmd.add_argument("--timeout", type=float, default=90.0)
        if name == "stop":
            cmd.add_argument("--timeout", type=float, default=20.0)
            cmd.add_argument("--wipe", action="store_true", help="delete the data folder too")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "fetch":
            print(f"kafkactl: jars in {fetch_jars()}")
            return 0
        return {"start": start, "stop": stop, "status": status}[args.command](args)
    except KafkaCtlError as exc:
        print(f"kafkactl: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
