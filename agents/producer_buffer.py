"""A producer buffer whose flush really drains, so offsets are never committed ahead of output.

Faust commits source offsets right after `producer.flush()`. Its ProducerBuffer.flush gives up
when one message takes longer than 0.1 s to hand over (a busy broker, a loaded core) and returns
with records still buffered: changelog and output records of already-committed input could then
be lost in a crash. This buffer keeps flushing until it is empty, or raises after `timeout`
so the worker crashes and the input is redelivered rather than skipped.
"""

from __future__ import annotations

import time

from faust.transport.producer import ProducerBuffer


class DrainingProducerBuffer(ProducerBuffer):
    """ProducerBuffer whose `flush` returns only once every buffered record was handed over."""

    timeout: float = 60.0

    async def flush(self) -> None:
        """Hand every buffered record to the client; raise after `timeout` seconds stuck."""
        deadline = time.monotonic() + self.timeout
        while self.size:
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"producer buffer still holds {self.size} records after {self.timeout:.0f} s; "
                    "not committing offsets ahead of them"
                )
            await self.flush_atmost(None)
