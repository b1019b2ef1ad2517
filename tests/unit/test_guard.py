"""The connect-time SSRF guard, against a real HTTP server on 127.0.0.1.

Only loopback traffic happens here: names are mapped by injected resolvers, and a spy
backend records every socket the guard opens, so a test can show that a refused address
(10.0.0.5) was never connected to.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpcore
import httpx
import pytest

from bot.feeds.guard import (
    BlockedAddressError,
    GuardedNetworkBackend,
    IPAddress,
    Resolver,
    guarded_transport,
    is_public_address,
    parse_host_literal,
)

# --- address tables ---------------------------------------------------------------------

NON_PUBLIC = [
    "127.0.0.1",  # loopback
    "127.255.255.254",
    "10.0.0.5",  # RFC 1918
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",  # link-local: cloud metadata
    "100.64.0.1",  # CGNAT
    "100.127.255.254",
    "0.0.0.0",  # unspecified
    "0.1.2.3",  # "this network"
    "224.0.0.1",  # multicast
    "239.255.255.250",
    "240.0.0.1",  # reserved
    "255.255.255.255",  # broadcast
    "192.0.0.9",  # IETF protocol assignments
    "192.0.2.1",  # documentation
    "198.51.100.7",
    "203.0.113.9",
    "198.18.0.1",  # benchmarking
    "192.88.99.1",  # 6to4 relay anycast
    "::",  # unspecified
    "::1",  # loopback
    "fc00::1",  # unique-local
    "fd12:3456::1",
    "fe80::1",  # link-local
    "fe80::1%eth0",
    "fec0::1",  # site-local
    "ff02::1",  # multicast
    "ff0e::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:10.0.0.5",
    "::ffff:169.254.169.254",
    "::127.0.0.1",  # IPv4-compatible
    "::8.8.8.8",  # IPv4-compatible, deprecated even when the v4 is public
    "2002:7f00:1::1",  # 6to4 embedding 127.0.0.1
    "2002:a00:5::",  # 6to4 embedding 10.0.0.5
    "2002:a9fe:a9fe::1",  # 6to4 embedding 169.254.169.254
    "64:ff9b::7f00:1",  # NAT64 embedding 127.0.0.1
    "64:ff9b::a00:5",  # NAT64 embedding 10.0.0.5
    "64:ff9b::a9fe:a9fe",  # NAT64 embedding 169.254.169.254
    "64:ff9b:1::a00:5",  # local-use NAT64
    "64:ff9b:1::808:808",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "2001:db8::1",  # documentation
    "3fff::1",
    "100::1",  # discard
    "5f00::1",  # SRv6 SIDs, outside 2000::/3
    "not an address",
    "",
]

PUBLIC = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "100.63.255.255",  # just below CGNAT
    "100.128.0.0",  # just above CGNAT
    "172.32.0.1",  # just above 172.16/12
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "2a00:1450:4001:81a::200e",
    "::ffff:8.8.8.8",  # IPv4-mapped public
    "2002:808:808::1",  # 6to4 embedding 8.8.8.8
    "64:ff9b::808:808",  # NAT64 embedding 8.8.8.8
]


@pytest.mark.parametrize("address", NON_PUBLIC)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),  # decimal
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("0x7f.0.0.1", "127.0.0.1"),  # hex
        ("0X7F.0.0.1", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),  # short forms
        ("0x7f.1", "127.0.0.1"),
        ("10.5", "10.0.0.5"),
        ("127.0.0.01", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("169.254.43518", "169.254.169.254"),
        (" 10.0.0.5 ", "10.0.0.5"),
        ("::1", "::1"),
        ("[::1]", "::1"),  # bracketed
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),
        ("[fe80::1%eth0]", "fe80::1%eth0"),
        ("example.com", None),
        ("localhost", None),
        ("1e100.net", None),
        ("0xcafe.be", None),
        ("123.abc", None),
        ("1.2.3.256", None),
        ("08.0.0.1", None),  # 8 is not an octal digit
        ("4294967296", None),  # 2**32
        ("127.0.0.1.", None),  # getaddrinfo does not take it as numeric either
        ("127.0.0.1 x", None),  # C inet_aton would ignore the tail; we do not
        ("[example.com]", None),
        ("[::1", None),
        ("", None),
    ],
)
def test_parse_host_literal(host: str, expected: str | None) -> None:
    parsed = parse_host_literal(host)
    assert (None if parsed is None else str(parsed)) == expected


def test_literals_parse_as_the_system_resolver_reads_them() -> None:
    for host in ("2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1"):
        infos = socket.getaddrinfo(host, 80, family=socket.AF_INET, type=socket.SOCK_STREAM)
        assert str(parse_host_literal(host)) == infos[0][4][0] == "127.0.0.1"


# --- a real server on 127.0.0.1 ---------------------------------------------------------


@dataclass
class Server:
    port: int
    requests: list[dict[str, str]] = field(default_factory=list)
    sni: list[str] = field(default_factory=list)


class Handler(BaseHTTPRequestHandler):
    # HTTP/1.0 (the default): the server closes every connection after one response,
    # so each request through the guard opens (and checks) a new connection.
    server: Any

    def do_GET(self) -> None:
        self.server.seen.append(
            {
                "path": self.path,
                "host": self.headers.get("Host", ""),
                "peer": self.client_address[0],
            }
        )
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", "http://" + self.path.removeprefix("/to/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"hello from loopback"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(tls: ssl.SSLContext | None = None) -> Iterator[Server]:
    """The handler served on 127.0.0.1 from a thread (over TLS if given a context)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    result = Server(httpd.server_address[1])
    httpd.seen = result.requests  # type: ignore[attr-defined]
    if tls is not None:
        tls.sni_callback = lambda _sock, name, _ctx: result.sni.append(name or "")
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield result
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as running:
        yield running


class SpyBackend(httpcore.AsyncNetworkBackend):
    """httpcore's real backend, recording every host it is asked to connect to."""

    def __init__(self) -> None:
        self.inner = httpcore.AnyIOBackend()
        self.connected: list[str] = []

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.connected.append(host)
        return await self.inner.connect_tcp(host, port, timeout, local_address, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def table_resolver(answers: dict[str, list[list[str]]]) -> tuple[Resolver, list[str]]:
    """A resolver giving each name its next answer in turn; and the log of lookups."""
    calls: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        n = sum(1 for h in calls if h == host)
        calls.append(host)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        replies = answers[host]
        return replies[min(n, len(replies) - 1)]

    return resolve, calls


def loopback_is_public(ip: IPAddress) -> bool:
    """For tests: treat loopback as the public internet, everything else by the rules."""
    return ip.is_loopback or is_public_address(ip)


def run(
    urls: list[str],
    *,
    resolver: Resolver | None = None,
    is_allowed: Callable[[IPAddress], bool] = is_public_address,
    backend: httpcore.AsyncNetworkBackend | None = None,
    follow_redirects: bool = False,
    timeout: float = 5,
    verify: ssl.SSLContext | bool = True,
) -> list[httpx.Response | BaseException]:
    """GET each URL in turn on one guarded client; the responses or the exceptions."""

    async def go() -> list[httpx.Response | BaseException]:
        transport = guarded_transport(
            resolver, is_allowed=is_allowed, backend=backend, verify=verify
        )
        results: list[httpx.Response | BaseException] = []
        async with httpx.AsyncClient(
            transport=transport, follow_redirects=follow_redirects, timeout=timeout
        ) as client:
            for url in urls:
                try:
                    results.append(await client.get(url))
                except Exception as exc:
                    results.append(exc)
        return results

    return asyncio.run(go())


def blocked(result: httpx.Response | BaseException) -> str:
    assert isinstance(result, BlockedAddressError), result
    return str(result)


def test_an_ip_literal_for_loopback_is_refused_before_connecting(server: Server) -> None:
    spy = SpyBackend()
    urls = [
        f"http://127.0.0.1:{server.port}/",
        f"http://[::1]:{server.port}/",
        f"http://[::ffff:127.0.0.1]:{server.port}/",
    ]
    results = run(urls, backend=spy)
    assert blocked(results[0]) == "refused: 127.0.0.1 is a non-public address"
    assert "::1" in blocked(results[1])
    assert "::ffff:7f00:1" in blocked(results[2])
    assert spy.connected == []
    assert server.requests == []


def test_the_default_transport_refuses_loopback_with_a_readable_error(server: Server) -> None:
    async def go() -> None:
        async with httpx.AsyncClient(transport=guarded_transport()) as client:
            with pytest.raises(BlockedAddressError, match=r"refused: 127\.0\.0\.1 is a non"):
                await client.get(f"http://127.0.0.1:{server.port}/")

    asyncio.run(go())
    assert server.requests == []


def test_localhost_is_refused_through_the_system_resolver(server: Server) -> None:
    (result,) = run([f"http://localhost:{server.port}/"])
    message = blocked(result)
    assert message.startswith("refused: localhost resolves to the non-public address ")
    assert message.rsplit(" ", 1)[1] in ("127.0.0.1", "::1")
    assert server.requests == []


def test_a_name_resolving_to_a_private_address_is_refused_without_connecting() -> None:
    resolver, calls = table_resolver({"intranet.test": [["10.0.0.5"]]})
    spy = SpyBackend()
    (result,) = run(["http://intranet.test/"], resolver=resolver, backend=spy)
    assert blocked(result) == "refused: intranet.test resolves to the non-public address 10.0.0.5"
    assert calls == ["intranet.test"]
    assert spy.connected == []


def test_a_name_with_any_private_address_is_refused(server: Server) -> None:
    resolver, _ = table_resolver({"mixed.test": [["127.0.0.1", "10.0.0.5"]]})
    spy = SpyBackend()
    results = run(
        [f"http://mixed.test:{server.port}/"],
        resolver=resolver,
        is_allowed=loopback_is_public,
        backend=spy,
    )
    assert "mixed.test resolves to the non-public address 10.0.0.5" in blocked(results[0])
    assert spy.connected == []
    assert server.requests == []


def test_an_allowed_name_connects_to_the_checked_address_and_keeps_its_host(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[object] = []
    real_getaddrinfo = socket.getaddrinfo

    def recording_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        looked_up.append(host)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", recording_getaddrinfo)
    resolver, calls = table_resolver({"public.test": [["127.0.0.1"]]})
    spy = SpyBackend()
    (response,) = run(
        [f"http://public.test:{server.port}/feed"],
        resolver=resolver,
        is_allowed=lambda ip: True,
        backend=spy,
    )
    assert isinstance(response, httpx.Response), response
    assert response.status_code == 200
    assert response.content == b"hello from loopback"
    assert calls == ["public.test"]
    assert spy.connected == ["127.0.0.1"]  # by IP, so no second lookup of the name
    assert "public.test" not in looked_up
    assert server.requests == [
        {"path": "/feed", "host": f"public.test:{server.port}", "peer": "127.0.0.1"}
    ]


def test_tls_verifies_the_name_although_the_socket_goes_to_the_ip(tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=public.test",
         "-addext", "subjectAltName=DNS:public.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    client_tls = ssl.create_default_context(cafile=str(cert))
    resolver, _ = table_resolver({"public.test": [["127.0.0.1"]]})
    spy = SpyBackend()
    with serving(server_tls) as tls_server:
        by_name, by_ip = run(
            [f"https://public.test:{tls_server.port}/", f"https://127.0.0.1:{tls_server.port}/"],
            resolver=resolver,
            is_allowed=lambda ip: True,
            backend=spy,
            verify=client_tls,
        )
    assert isinstance(by_name, httpx.Response), by_name
    assert by_name.content == b"hello from loopback"
    assert tls_server.sni[0] == "public.test"
    # Control: the same server reached by IP fails verification (the cert names public.test).
    assert isinstance(by_ip, httpx.ConnectError), by_ip
    assert "certificate" in str(by_ip).lower()
    assert spy.connected == ["127.0.0.1", "127.0.0.1"]


def test_unreachable_checked_addresses_fall_back_to_the_next(server: Server) -> None:
    # The server listens on 127.0.0.1 only, so 127.0.0.2 (also loopback) refuses.
    resolver, _ = table_resolver({"two.test": [["127.0.0.2", "127.0.0.1"]]})
    spy = SpyBackend()
    (response,) = run(
        [f"http://two.test:{server.port}/"],
        resolver=resolver,
        is_allowed=lambda ip: True,
        backend=spy,
    )
    assert isinstance(response, httpx.Response), response
    assert response.status_code == 200
    assert spy.connected == ["127.0.0.2", "127.0.0.1"]


def test_rebinding_is_checked_on_the_address_actually_connected(server: Server) -> None:
    """The name answers loopback ("public" here) first, then a private address.

    The guard looks the name up exactly once per connection and connects to that answer,
    so the first request reaches the server and the second is refused before connecting.
    """
    resolver, calls = table_resolver({"rebind.test": [["127.0.0.1"], ["10.0.0.5"]]})
    spy = SpyBackend()
    url = f"http://rebind.test:{server.port}/"
    first, second = run([url, url], resolver=resolver, is_allowed=loopback_is_public, backend=spy)
    assert isinstance(first, httpx.Response), first
    assert first.content == b"hello from loopback"
    assert blocked(second) == "refused: rebind.test resolves to the non-public address 10.0.0.5"
    assert calls == ["rebind.test", "rebind.test"]
    assert spy.connected == ["127.0.0.1"]
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("10.0.0.5/", "refused: 10.0.0.5 is a non-public address"),
        ("0x0a.5/", "refused: 0x0a.5 is the non-public address 10.0.0.5"),
        ("169.254.169.254/latest/meta-data/", "169.254.169.254 is a non-public address"),
        ("intranet.test/", "refused: intranet.test resolves to the non-public address 10.0.0.5"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused_on_the_hop(
    server: Server, target: str, message: str
) -> None:
    resolver, _ = table_resolver({"public.test": [["127.0.0.1"]], "intranet.test": [["10.0.0.5"]]})
    spy = SpyBackend()
    (result,) = run(
        [f"http://public.test:{server.port}/to/{target}"],
        resolver=resolver,
        is_allowed=loopback_is_public,
        backend=spy,
        follow_redirects=True,
    )
    assert message in blocked(result)
    assert spy.connected == ["127.0.0.1"]  # the hop never opened a socket
    assert [r["path"] for r in server.requests] == [f"/to/{target}"]


def test_a_redirect_to_an_allowed_name_is_followed(server: Server) -> None:
    resolver, calls = table_resolver({"a.test": [["127.0.0.1"]], "b.test": [["127.0.0.1"]]})
    (response,) = run(
        [f"http://a.test:{server.port}/to/b.test:{server.port}/end"],
        resolver=resolver,
        is_allowed=loopback_is_public,
        follow_redirects=True,
    )
    assert isinstance(response, httpx.Response), response
    assert response.content == b"hello from loopback"
    assert calls == ["a.test", "b.test"]
    assert [r["host"] for r in server.requests] == [
        f"a.test:{server.port}",
        f"b.test:{server.port}",
    ]


def test_an_unknown_name_is_a_connect_error() -> None:
    resolver, _ = table_resolver({})
    (result,) = run(["http://nowhere.test/"], resolver=resolver)
    assert isinstance(result, httpx.ConnectError), result
    assert "cannot resolve nowhere.test" in str(result)


def test_a_hanging_resolver_is_bounded_by_the_connect_timeout() -> None:
    async def never(host: str, port: int) -> list[str]:
        await asyncio.sleep(60)
        return []

    (result,) = run(["http://slow.test/"], resolver=never, timeout=0.2)
    assert isinstance(result, httpx.ConnectTimeout), result


def test_unix_sockets_and_proxies_are_not_offered() -> None:
    async def go() -> None:
        with pytest.raises(BlockedAddressError, match="Unix socket"):
            await GuardedNetworkBackend().connect_unix_socket("/run/docker.sock")

    asyncio.run(go())
    for option in ("proxy", "uds", "mounts"):
        with pytest.raises(ValueError, match=option):
            kwargs: dict[str, Any] = {option: "http://proxy.test:3128"}
            guarded_transport(**kwargs)


def test_the_resolver_sees_host_and_port() -> None:
    seen: list[tuple[str, int]] = []

    async def resolve(host: str, port: int) -> list[str]:
        seen.append((host, port))
        return ["10.0.0.5"]

    backend = GuardedNetworkBackend(resolve)

    async def go(awaitable: Awaitable[object]) -> None:
        with pytest.raises(BlockedAddressError):
            await awaitable

    asyncio.run(go(backend.connect_tcp("feeds.test", 8443)))
    assert seen == [("feeds.test", 8443)]
