"""SSRF guard: refuse to connect to non-public addresses, checked at connect time.

Checking a URL's host with getaddrinfo *before* the request is open to DNS rebinding:
the connection resolves the name again and may get a different (private) answer. Here the
check sits inside the network backend httpcore connects through, so every connection,
including each redirect hop to a new origin, is checked once, and the socket is opened to
the very address that was checked (an IP literal, so there is no second lookup).

TLS is unaffected by connecting to an IP: httpcore's ``AsyncHTTPConnection._connect``
calls ``stream.start_tls(server_hostname=<sni_hostname extension or the origin host>)``,
never the address the backend connected to, so SNI and certificate checks use the name in
the URL. The ``Host`` header comes from the request, not from the socket.

Policy: a name is refused if *any* of its addresses is non-public (a name that mixes
public and private answers is suspicious, and refusing it is the safer choice); otherwise
the addresses are tried in the resolver's order.

Not guarded: proxies. With a proxy the backend connects to the proxy, and the proxy
resolves the target itself, so the guard cannot see the address. ``GuardedTransport``
therefore accepts no ``proxy`` (nor ``uds``), and the httpx client using it must not be
given ``proxy=`` or ``mounts=`` either (httpx ignores ``HTTP(S)_PROXY`` from the
environment when a ``transport`` is passed).
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeAlias

import httpcore
import httpx

__all__ = [
    "BlockedAddressError",
    "GuardedNetworkBackend",
    "GuardedTransport",
    "IPAddress",
    "Resolver",
    "guarded_transport",
    "is_public_address",
    "parse_host_literal",
    "system_resolver",
]

IPAddress: TypeAlias = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver: TypeAlias = Callable[[str, int], Awaitable[list[str]]]
# Same shape as httpcore's (private) SOCKET_OPTION alias.
SocketOption: TypeAlias = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network

# Spelled out rather than left to `is_global`, whose tables changed between Python
# patch releases; `is_global` is still consulted afterwards as a backstop.
_BLOCKED_V4 = tuple(
    _V4(net)
    for net in (
        "0.0.0.0/8",  # "this network", unspecified
        "10.0.0.0/8",  # RFC 1918
        "100.64.0.0/10",  # CGNAT shared address space
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata (169.254.169.254)
        "172.16.0.0/12",  # RFC 1918
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # TEST-NET-1
        "192.88.99.0/24",  # deprecated 6to4 relay anycast
        "192.168.0.0/16",  # RFC 1918
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # TEST-NET-2
        "203.0.113.0/24",  # TEST-NET-3
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, includes broadcast 255.255.255.255
    )
)
_GLOBAL_UNICAST_V6 = _V6("2000::/3")  # every public IPv6 address is in here
_BLOCKED_V6 = tuple(
    _V6(net)
    for net in (
        "2001::/23",  # IETF protocol assignments, includes Teredo 2001::/32
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation (RFC 9637)
    )
)
_NAT64 = _V6("64:ff9b::/96")  # well-known NAT64 prefix, embeds an IPv4 address
_SIXTOFOUR = _V6("2002::/16")  # 6to4, embeds an IPv4 address

# Characters an inet_aton-style IPv4 spelling can contain (digits, hex digits, "x", ".").
# Checked first because C inet_aton ignores anything after whitespace.
_V4_SPELLING = re.compile(r"[0-9a-fA-FxX.]+")


class BlockedAddressError(Exception):
    """A connection refused because the target address is not on the public internet.

    Raised from inside the transport; httpx does not wrap it (it is not an httpcore
    exception), so callers see it as is, not as an ``httpx.HTTPError``.
    """


def is_public_address(address: str | IPAddress) -> bool:
    """True for an address on the public internet; False for anything else or unparsable.

    Refused: loopback, RFC 1918, link-local (cloud metadata), CGNAT, multicast,
    unspecified, reserved, broadcast, documentation and benchmarking ranges; for IPv6 also
    unique-local, link-local, site-local, IPv4-compatible, the local-use NAT64 prefix
    64:ff9b:1::/48, Teredo, and everything outside 2000::/3. IPv4-mapped (::ffff:0:0/96),
    NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses are judged by the IPv4 address
    they embed.
    """
    if isinstance(address, str):
        try:
            ip: IPAddress = ipaddress.ip_address(address)
        except ValueError:
            return False
    else:
        ip = address
    if isinstance(ip, ipaddress.IPv4Address):
        if any(ip in net for net in _BLOCKED_V4):
            return False
        return ip.is_global and not ip.is_multicast
    if ip.ipv4_mapped is not None:
        return is_public_address(ip.ipv4_mapped)
    if ip in _NAT64:
        return is_public_address(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip in _SIXTOFOUR:
        embedded = ip.sixtofour
        return embedded is not None and is_public_address(embedded)
    # Outside 2000::/3 lie ::/128, ::1, IPv4-compatible ::/96, 64:ff9b:1::/48, 100::/64,
    # fc00::/7, fe80::/10, fec0::/10 and ff00::/8, among others: none of them public.
    if ip not in _GLOBAL_UNICAST_V6 or any(ip in net for net in _BLOCKED_V6):
        return False
    return ip.is_global and not ip.is_multicast


def parse_host_literal(host: str) -> IPAddress | None:
    """The address `host` spells, if it is an IP literal the OS resolver would accept.

    IPv4 follows inet_aton: ``2130706433``, ``0177.0.0.1``, ``0x7f.0.0.1`` and ``127.1``
    all mean 127.0.0.1. IPv6 may be bracketed (``[::1]``) and carry a zone (``%eth0``).
    Anything else (a name) gives None.
    """
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if ":" in text:
        try:
            return ipaddress.IPv6Address(text)
        except ValueError:
            return None
    if not _V4_SPELLING.fullmatch(text):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(text))
    except OSError:
        return None


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address getaddrinfo gives for `host`, in its order."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """An httpcore backend that resolves each host once, checks it, and connects by IP.

    `resolver` replaces getaddrinfo (tests map names to chosen addresses); `is_allowed`
    decides which addresses may be connected to (tests widen it to loopback); `backend`
    is the backend that opens the sockets (``httpcore.AnyIOBackend``, which is what
    httpcore's default ``AutoBackend`` picks under asyncio; ``AutoBackend`` is not exported).
    Asyncio only, like the default resolver.
    """

    def __init__(
        self,
        resolver: Resolver | None = None,
        *,
        is_allowed: Callable[[IPAddress], bool] = is_public_address,
        backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._resolve: Resolver = system_resolver if resolver is None else resolver
        self._is_allowed = is_allowed
        self._backend = httpcore.AnyIOBackend() if backend is None else backend

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """The checked addresses for `host`; BlockedAddressError if any is refused."""
        literal = parse_host_literal(host)
        if literal is not None:
            addresses = [literal]
        else:
            try:
                answers = await self._resolve(host, port)
            except OSError as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
            addresses = []
            for answer in answers:
                ip = parse_host_literal(answer)
                if ip is None:
                    raise BlockedAddressError(
                        f"refused: {host} resolves to {answer!r}, which is not an IP address"
                    )
                if ip not in addresses:
                    addresses.append(ip)
            if not addresses:
                raise httpcore.ConnectError(f"cannot resolve {host}: no addresses")
        for ip in addresses:
            if not self._is_allowed(ip):
                what = f"resolves to the non-public address {ip}"
                if literal is not None:  # "10.0.0.5 is 10.0.0.5" says nothing; "0x0a.5" does
                    same = str(ip) == host.strip("[]")
                    what = "is a non-public address" if same else f"is the non-public address {ip}"
                raise BlockedAddressError(f"refused: {host} {what}")
        return addresses

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        options = None if socket_options is None else list(socket_options)
        try:
            # One deadline for the lookup and every attempt, as anyio gives connect_tcp.
            async with asyncio.timeout(timeout):
                addresses = await self.resolve(host, port)
                failure: httpcore.ConnectError | None = None
                for ip in addresses:
                    try:
                        return await self._backend.connect_tcp(
                            str(ip),
                            port,
                            timeout=None,
                            local_address=local_address,
                            socket_options=options,
                        )
                    except httpcore.ConnectError as exc:
                        failure = exc
                assert failure is not None  # `addresses` is never empty
                raise failure
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"timed out connecting to {host}") from None

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddressError(f"refused: Unix socket {path} (only TCP is guarded)")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


# httpx's DEFAULT_LIMITS (private in httpx._config).
_DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """``httpx.AsyncHTTPTransport`` whose connection pool connects through the guard.

    httpx offers no network-backend argument, so this builds the pool the way httpx's own
    ``AsyncHTTPTransport.__init__`` does for the no-proxy case (same ssl context, limits
    and HTTP versions) with ``network_backend=GuardedNetworkBackend(...)``, and inherits
    the request mapping, exception mapping and closing, which all go through ``_pool``.
    """

    def __init__(
        self,
        resolver: Resolver | None = None,
        *,
        is_allowed: Callable[[IPAddress], bool] = is_public_address,
        backend: httpcore.AsyncNetworkBackend | None = None,
        verify: ssl.SSLContext | str | bool = True,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits | None = None,
        local_address: str | None = None,
        retries: int = 0,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> None:
        # Deliberately not calling super().__init__: it would build an unguarded pool.
        limits = _DEFAULT_LIMITS if limits is None else limits
        self.network_backend = GuardedNetworkBackend(
            resolver, is_allowed=is_allowed, backend=backend
        )
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=trust_env),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=http1,
            http2=http2,
            local_address=local_address,
            retries=retries,
            network_backend=self.network_backend,
            socket_options=socket_options,
        )


def guarded_transport(
    resolver: Resolver | None = None, **transport_kwargs: Any
) -> GuardedTransport:
    """An httpx transport that refuses non-public addresses on every connection.

    `transport_kwargs` are ``GuardedTransport``'s: ``is_allowed``, ``backend``, ``verify``,
    ``trust_env``, ``http1``, ``http2``, ``limits``, ``local_address``, ``retries``,
    ``socket_options``. Proxies and Unix sockets are refused (they bypass the guard).
    """
    for unguarded in ("proxy", "uds", "mounts"):
        if unguarded in transport_kwargs:
            raise ValueError(f"guarded_transport does not support {unguarded}= (unguarded)")
    return GuardedTransport(resolver, **transport_kwargs)
