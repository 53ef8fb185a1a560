"""Where `verify fetch` may connect, and what robots.txt lets it read.

A claims file or a page's redirect can name any URL, so a fetch is a request the *input*
chooses. Without a policy that turns the tool into a probe of the user's own network
(router admin pages, cloud metadata credentials at 169.254.169.254). The check runs at
connect time, on the addresses DNS actually returned, so a public name that resolves to a
private address -- or a redirect to one -- is refused just like a literal private IP.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

ALLOWED_SCHEMES = ("http", "https")

# Cloud instance-metadata endpoints. All are also non-global, but naming them makes the
# refusal message say *why* the address matters.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, DigitalOcean
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("192.0.0.192"),  # Oracle Cloud
}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 addresses that carry an IPv4 one in their last 32 bits (NAT64 well-known prefix)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class AddressRefused(Exception):
    """Raised from inside the HTTP connection when policy forbids the peer address."""


def scheme_refusal(url: str) -> str | None:
    """Why ``url`` may not be fetched at all, or None. Only absolute http(s) URLs pass."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"scheme {parts.scheme or '(none)'!r} is not allowed (only http and https)"
    if not parts.hostname:
        return "URL has no host"
    return None


def parse_networks(specs: Iterable[str]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Turn ``"127.0.0.1"`` / ``"10.1.0.0/16"`` strings into networks (exceptions to the policy)."""
    return tuple(ipaddress.ip_network(s, strict=False) for s in specs)


def address_refusal(ip: IPAddress, allow_private: bool = False, allow_networks: Iterable = ()) -> str | None:
    """Why connecting to ``ip`` is refused, or None when it is allowed.

    Anything not globally routable is refused (private, loopback, link-local, multicast,
    reserved, shared/CGNAT, unspecified), which is stricter and simpler than listing ranges.
    Cloud metadata endpoints are refused always, ``allow_private`` or not: they hand out
    credentials, and no source is ever there.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
                                      if ip in _NAT64 else None)
        if embedded is not None:
            ip = embedded
    if ip in METADATA_ADDRESSES:
        return f"address {ip} is a cloud metadata endpoint"
    if allow_private:
        return None
    for net in allow_networks:
        if ip.version == net.version and ip in net:
            return None
    for label, flag in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("unspecified", ip.is_unspecified),
    ):
        if flag:
            return f"address {ip} is {label}"
    if not ip.is_global:
        return f"address {ip} is not globally routable"
    return None


def resolve_allowed(host: str, port: int, allow_private: bool, allow_networks: Iterable) -> list[str]:
    """Resolve ``host`` and keep only the addresses policy allows.

    Raises AddressRefused naming the first refused address when none is left, so the user
    sees the reason rather than a bare connection error.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        import httpcore

        raise httpcore.ConnectError(f"cannot resolve host {host!r}: {exc}") from exc
    allowed: list[str] = []
    first_reason = ""
    for _family, _type, _proto, _canon, sockaddr in infos:
        addr = sockaddr[0].split("%", 1)[0]  # type: ignore[union-attr]
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError:
            continue
        reason = address_refusal(ip, allow_private, allow_networks)
        if reason is None:
            if addr not in allowed:
                allowed.append(addr)
        elif not first_reason:
            first_reason = reason
    if not allowed:
        raise AddressRefused(f"refused {host}: {first_reason or 'no usable address'}")
    return allowed


def guarded_backend(allow_private: bool = False, allow_networks: Iterable = ()):
    """An httpcore network backend that resolves names itself and connects only to allowed
    addresses. TLS still verifies against the original host name (httpcore passes the
    origin host as server_hostname), so pinning the IP does not weaken HTTPS. Built on
    demand so that importing this module does not import httpcore."""
    import httpcore

    networks = tuple(allow_networks)

    class GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            addresses = resolve_allowed(host, port, allow_private, networks)
            last: Exception | None = None
            for addr in addresses:
                try:
                    return super().connect_tcp(addr, port, timeout, local_address, socket_options)
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                    last = exc
            assert last is not None
            raise last

    return GuardedBackend()


class RobotsCache:
    """robots.txt per origin, fetched once per run and shared by the worker threads."""

    def __init__(self, agent: str) -> None:
        self.agent = agent
        self._parsers: dict[str, RobotFileParser | str] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def allowed(self, url: str, fetch_robots) -> tuple[bool, str]:
        """Whether ``url`` may be fetched. ``fetch_robots(robots_url)`` returns
        ``(http_status, text)`` or raises; it goes through the same client and policy."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._parsers:
                self._parsers[origin] = self._load(origin + "/robots.txt", fetch_robots)
        parser = self._parsers[origin]
        if isinstance(parser, str):
            return False, parser
        if parser.can_fetch(self.agent, url):
            return True, ""
        return False, f"disallowed by {origin}/robots.txt"

    @staticmethod
    def _load(robots_url: str, fetch_robots) -> RobotFileParser | str:
        # RFC 9309: 4xx means "no rules"; an unreachable or failing robots.txt (5xx, network
        # error) means "assume complete disallow" for now.
        parser = RobotFileParser(robots_url)
        try:
            status, text = fetch_robots(robots_url)
        except Exception as exc:  # noqa: BLE001 - any failure is "unreachable"
            return f"robots.txt unreachable ({exc}); not fetching"
        if 400 <= status < 500:
            parser.parse([])
        elif status >= 500:
            return f"robots.txt answered HTTP {status}; not fetching"
        else:
            parser.parse(text.splitlines())
        return parser
