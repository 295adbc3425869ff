"""SSRF guard: private, loopback and link-local destinations are refused unless allowed."""

from __future__ import annotations

import pytest

from wirewatch.alerts.destinations import DestinationRefused, check_destination


def resolver(*addresses: str):
    """A resolver that answers with fixed addresses."""
    return lambda host, port: list(addresses)


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "::1", "fe80::1"]
)
def test_non_public_destinations_are_refused(address):
    """Loopback, private and link-local (cloud metadata) addresses are refused."""
    with pytest.raises(DestinationRefused, match="allow_private"):
        check_destination("https://hooks.example.org/x", False, resolver(address))


def test_a_name_with_any_private_address_is_refused():
    """One private answer among public ones is enough to refuse."""
    with pytest.raises(DestinationRefused):
        check_destination("https://x.example.org/", False, resolver("93.184.216.34", "10.0.0.1"))


def test_allow_private_permits_loopback_and_pins_the_address():
    """allow_private lets tests reach 127.0.0.1; the checked address is what to connect to."""
    host, port, address = check_destination("http://localhost:8080/h", True, resolver("127.0.0.1"))
    assert (host, port, address) == ("localhost", 8080, "127.0.0.1")


def test_public_destination_is_allowed():
    """A public address passes with the scheme's default port."""
    assert check_destination("https://x.example.org/", False, resolver("93.184.216.34"))[1] == 443


def test_non_http_scheme_is_refused():
    """Only http and https URLs are deliverable."""
    with pytest.raises(DestinationRefused):
        check_destination("file:///etc/passwd", True, resolver("127.0.0.1"))
