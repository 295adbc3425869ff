"""Session fixtures: the real Kafka broker (started here, never mocked) and worker factories."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.kafka_harness import Broker, Worker, free_port, start_broker, worker_env

_counter = itertools.count()


@pytest.fixture(scope="session")
def kafka_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Broker]:
    """A real single-node Kafka broker for the whole session (or WIREWATCH_TEST_BOOTSTRAP)."""
    external = os.environ.get("WIREWATCH_TEST_BOOTSTRAP")
    if external:
        _, _, port = external.rpartition(":")
        yield Broker(external, Path("/nonexistent"), int(port), 0)
        return
    broker = start_broker(tmp_path_factory.mktemp("kafka"))
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture
def isolated_names(request: pytest.FixtureRequest) -> tuple[str, str]:
    """A unique app id and topic prefix per test, so tests sharing a broker never interfere."""
    n = next(_counter)
    base = "".join(ch if ch.isalnum() else "-" for ch in request.node.name)[:40]
    return f"ww-{base}-{n}", f"t{n}-{base}-"


@pytest.fixture
def make_worker(
    kafka_broker: Broker, isolated_names: tuple[str, str], tmp_path: Path
) -> Iterator[Callable[..., Worker]]:
    """Factory for real `wirewatch worker` subprocesses; every one is stopped at teardown."""
    workers: list[Worker] = []
    app_id, prefix = isolated_names

    def factory(name: str = "w0", **extra: str) -> Worker:
        port = free_port()
        env = worker_env(
            kafka_broker.bootstrap, app_id, prefix, tmp_path / name / "data", port, **extra
        )
        worker = Worker(env, tmp_path / name, port)
        workers.append(worker)
        worker.start()
        return worker

    yield factory
    for worker in workers:
        worker.kill()
