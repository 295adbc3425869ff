"""DrainingProducerBuffer: flush returns only when nothing is left to hand to the client."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from faust.transport.producer import ProducerBuffer

from agents.producer_buffer import DrainingProducerBuffer


class SlowChannel:
    """A channel whose publish takes longer than Faust's 0.1 s flush patience."""

    def __init__(self) -> None:
        self.published: list[Any] = []

    async def publish_message(self, fut: Any, wait: bool = False) -> None:
        await asyncio.sleep(0.15)
        self.published.append(fut)


async def flush_three(buffer_type: type[ProducerBuffer]) -> tuple[int, int]:
    """Buffer three slow records, flush, and return (records left, records published)."""
    buffer = buffer_type()
    buffer.app = SimpleNamespace(conf=SimpleNamespace(producer_threaded=False))  # type: ignore[assignment]
    channel = SlowChannel()
    await buffer.start()
    try:
        for n in range(3):
            buffer.put(SimpleNamespace(message=SimpleNamespace(channel=channel), n=n))  # type: ignore[arg-type]
        await buffer.flush()
        left, published = buffer.size, len(channel.published)
    finally:
        while not buffer.pending.empty():  # stopping a buffer that still holds records raises
            buffer.pending.get_nowait()
        await buffer.stop()
    return left, published


def test_faust_buffer_returns_with_records_still_buffered() -> None:
    """The hole being fixed: Faust's own flush returns while records wait in the buffer."""
    left, _ = asyncio.run(flush_three(ProducerBuffer))
    assert left > 0


def test_draining_buffer_flush_leaves_nothing_buffered() -> None:
    """Our flush hands every record over before it returns."""
    left, published = asyncio.run(flush_three(DrainingProducerBuffer))
    assert left == 0
    assert published >= 2  # the last one may still be in its publish call


def test_the_app_uses_the_draining_buffer() -> None:
    """The worker's producer is built with the draining buffer."""
    from agents.app import app

    assert isinstance(app.producer.buffer, DrainingProducerBuffer)
