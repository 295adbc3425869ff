"""Retry policy for webhook delivery: exponential backoff with jitter, and a circuit breaker."""

from __future__ import annotations

import random
from dataclasses import dataclass

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def is_retryable(status: int | None) -> bool:
    """Network errors (None), timeouts, throttling and 5xx are retried; other 4xx are final."""
    return status is None or status in RETRYABLE_STATUS or status >= 500


def backoff_delay(
    attempt: int, initial: float, maximum: float, rng: random.Random | None = None
) -> float:
    """Delay before retry `attempt` (1-based): half of min(max, initial*2^(n-1)) plus jitter."""
    ceiling: float = min(maximum, initial * 2.0 ** max(attempt - 1, 0))
    jitter: float = (rng or random).uniform(0, ceiling / 2)
    return ceiling / 2 + jitter


@dataclass
class CircuitBreaker:
    """Closed until `failures` consecutive failures; then open for `cooldown` (doubling, capped
    at `max_cooldown`); then half-open: one trial request closes it or opens it again."""

    failures: int
    cooldown: float
    max_cooldown: float = 300.0
    consecutive: int = 0
    open_until: float = 0.0
    trips: int = 0

    def wait_time(self, now: float) -> float:
        """Seconds to wait before the next request may go out (0 when closed or half-open)."""
        return max(0.0, self.open_until - now)

    def state(self, now: float) -> str:
        """closed, open or half_open (for logs and tests)."""
        if self.consecutive < self.failures:
            return "closed"
        return "open" if self.open_until > now else "half_open"

    def record_success(self) -> None:
        """A delivery succeeded: close the breaker."""
        self.consecutive = 0
        self.open_until = 0.0
        self.trips = 0

    def record_failure(self, now: float) -> bool:
        """A delivery failed; return True when this failure opened the breaker."""
        self.consecutive += 1
        if self.consecutive >= self.failures:
            self.open_until = now + min(self.max_cooldown, self.cooldown * 2.0**self.trips)
            self.trips += 1
            return True
        return False
