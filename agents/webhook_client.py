"""One signed webhook POST: SSRF check, address pinning, HMAC headers, outcome classified."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

from wirewatch.alerts.destinations import (
    DestinationRefused,
    Resolver,
    check_destination,
    resolve_host,
)
from wirewatch.alerts.retry import is_retryable
from wirewatch.alerts.rules import WebhookSubscriber
from wirewatch.alerts.signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    idempotency_key,
    sign,
)


@dataclass(frozen=True)
class PostOutcome:
    """What one attempt got: an HTTP status, or an error without one."""

    status: int | None
    error: str | None = None
    retry_after: float | None = None
    refused: bool = False

    @property
    def delivered(self) -> bool:
        """2xx means the receiver has it."""
        return self.status is not None and 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        """Worth another attempt (network errors, 408/425/429, 5xx); refusals never are."""
        return not self.refused and not self.delivered and is_retryable(self.status)

    def describe(self) -> str:
        """Short text for logs and dead letters."""
        return self.error or f"HTTP {self.status}"


def _pinned_url(url: str, address: str) -> str:
    """`url` with its host replaced by the checked IP address (port and path kept)."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


class WebhookClient:
    """POSTs alert bodies to one subscriber; the secret never leaves this object."""

    def __init__(
        self,
        name: str,
        config: WebhookSubscriber,
        url: str,
        secret: str,
        resolve: Resolver = resolve_host,
    ) -> None:
        self.name = name
        self.config = config
        self.url = url
        self._secret = secret
        self._resolve = resolve
        self._http = httpx.AsyncClient(
            timeout=config.timeout.total_seconds(), follow_redirects=False
        )

    def __repr__(self) -> str:
        return f"WebhookClient({self.name!r}, url={self.url!r})"

    async def post(self, body: bytes, alert_id: str, attempt: int) -> PostOutcome:
        """One attempt: refuse forbidden destinations, sign, POST to the pinned address."""
        try:
            host, port, address = await asyncio.to_thread(
                check_destination, self.url, self.config.allow_private, self._resolve
            )
        except DestinationRefused as exc:
            return PostOutcome(None, f"destination refused: {exc}", refused=True)
        timestamp = int(time.time())
        default_port = 443 if self.url.startswith("https") else 80
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "wirewatch-webhooks/1",
            "Host": host if port == default_port else f"{host}:{port}",
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: sign(self._secret, timestamp, body),
            IDEMPOTENCY_HEADER: idempotency_key(alert_id, self.name),
            "X-Wirewatch-Alert-Id": alert_id,
            "X-Wirewatch-Attempt": str(attempt),
        }
        try:
            response = await self._http.post(
                _pinned_url(self.url, address),
                content=body,
                headers=headers,
                extensions={"sni_hostname": host},
            )
        except httpx.TimeoutException:
            return PostOutcome(None, "timeout")
        except httpx.HTTPError as exc:
            return PostOutcome(None, f"{type(exc).__name__}: {exc}"[:300])
        return PostOutcome(response.status_code, retry_after=_retry_after(response))

    async def close(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()
