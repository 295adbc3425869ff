"""SSRF guard: webhook destinations must resolve to public addresses unless allowed."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from wirewatch.alerts.errors import AlertsError

Resolver = Callable[[str, int], list[str]]


class DestinationRefused(AlertsError):
    """The webhook URL points at a destination this subscription may not reach."""


def resolve_host(host: str, port: int) -> list[str]:
    """Every IP address `host` resolves to (system resolver)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved and unspecified addresses."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_destination(
    url: str, allow_private: bool, resolve: Resolver = resolve_host
) -> tuple[str, int, str]:
    """Return (host, port, address to connect to); raise DestinationRefused if not allowed.

    The caller connects to the returned address (not the name again), so a DNS answer that
    changes between this check and the request cannot redirect the POST (DNS rebinding).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DestinationRefused(f"{url!r} is not an http(s) URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolve(parts.hostname, port)
    except OSError as exc:
        raise DestinationRefused(f"cannot resolve {parts.hostname}: {exc}") from None
    if not addresses:
        raise DestinationRefused(f"{parts.hostname} resolves to no address")
    if not allow_private:
        blocked = [a for a in addresses if not is_public(a)]
        if blocked:
            raise DestinationRefused(
                f"{parts.hostname} resolves to non-public {', '.join(blocked)}; set "
                "`allow_private: true` on the subscription only if that is intended"
            )
    return parts.hostname, port, addresses[0]
