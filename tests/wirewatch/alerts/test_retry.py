"""Retry policy: exponential backoff with jitter, retryable statuses, circuit breaker."""

from __future__ import annotations

import random

from wirewatch.alerts.retry import CircuitBreaker, backoff_delay, is_retryable


def test_backoff_grows_exponentially_within_jitter_bounds_and_caps():
    """Delay n lies in [c/2, c] with c = min(max, initial * 2^(n-1))."""
    rng = random.Random(7)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (10, 30.0)]:
        delay = backoff_delay(attempt, 0.5, 30.0, rng)
        assert ceiling / 2 <= delay <= ceiling


def test_retryable_statuses():
    """Network errors, 429 and 5xx retry; 400, 401 and 404 are final."""
    assert all(is_retryable(s) for s in (None, 429, 500, 503))
    assert not any(is_retryable(s) for s in (400, 401, 404))


def test_breaker_opens_after_consecutive_failures_and_closes_on_success():
    """Three failures open it for the cooldown; after it, a success closes it."""
    breaker = CircuitBreaker(failures=3, cooldown=10.0)
    assert not breaker.record_failure(0.0)
    assert not breaker.record_failure(1.0)
    assert breaker.record_failure(2.0)
    assert breaker.state(5.0) == "open"
    assert breaker.wait_time(5.0) == 7.0
    assert breaker.state(12.5) == "half_open"
    assert breaker.wait_time(12.5) == 0.0
    breaker.record_success()
    assert breaker.state(13.0) == "closed"


def test_breaker_cooldown_doubles_when_the_trial_fails():
    """A failed half-open trial reopens it for twice as long."""
    breaker = CircuitBreaker(failures=1, cooldown=10.0)
    breaker.record_failure(0.0)
    breaker.record_failure(10.0)
    assert breaker.wait_time(10.0) == 20.0
