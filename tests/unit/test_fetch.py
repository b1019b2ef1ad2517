"""The fetcher's limits, exercised through httpx's in-memory transport."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import Callable

import httpx
import pytest

from bot.feeds.fetch import USER_AGENT, Fetcher, FetchError, FetchResult
from bot.settings import FetchConfig

OPEN = FetchConfig(allow_private_networks=True, max_bytes=64 * 1024, timeout=5)


def fetch(
    handler: Callable[[httpx.Request], httpx.Response],
    url: str = "http://feeds.test/feed",
    config: FetchConfig = OPEN,
    **kw: str,
) -> FetchResult:
    async def go() -> FetchResult:
        fetcher = Fetcher(config, transport=httpx.MockTransport(handler))
        try:
            return await fetcher.fetch(url, **kw)
        finally:
            await fetcher.aclose()

    return asyncio.run(go())


def streamed(status: int, data: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    """A response whose body arrives as a stream, as from the network."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(data))


def test_conditional_get_sends_validators_and_reports_not_modified() -> None:
    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return httpx.Response(304, headers={"ETag": '"v1"'})

    result = fetch(handler, etag='"v1"', last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    assert result.not_modified
    assert seen["if-none-match"] == '"v1"'
    assert seen["if-modified-since"] == "Tue, 24 Nov 2026 10:00:00 GMT"
    assert seen["user-agent"] == USER_AGENT


def test_redirects_are_followed_up_to_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        if n < 3:
            return httpx.Response(302, headers={"Location": f"/{n + 1}"})
        return streamed(200, b"done")

    result = fetch(handler, "http://feeds.test/0")
    assert (result.body, result.url) == (b"done", "http://feeds.test/3")


def test_a_redirect_loop_is_an_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "/loop"})

    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(handler)


def test_the_decoded_size_is_capped_so_a_gzip_bomb_is_cut_off() -> None:
    bomb = gzip.compress(b"\0" * (10 * 1024 * 1024))

    def handler(request: httpx.Request) -> httpx.Response:
        return streamed(200, bomb, {"Content-Encoding": "gzip"})

    assert len(bomb) < OPEN.max_bytes  # small on the wire
    with pytest.raises(FetchError, match="larger than 65536 bytes"):
        fetch(handler)


def test_http_errors_and_schemes() -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(lambda request: httpx.Response(404))
    with pytest.raises(FetchError, match=r"only http and https"):
        fetch(lambda request: httpx.Response(200), "file:///etc/passwd")


def test_private_addresses_are_refused_at_connect_time_unless_allowed() -> None:
    async def go(url: str) -> FetchResult:
        fetcher = Fetcher(FetchConfig(timeout=5))  # the real, guarded transport
        try:
            return await fetcher.fetch(url)
        finally:
            await fetcher.aclose()

    for url in ("http://127.0.0.1:9/feed", "http://localhost:9/feed", "http://0x7f.1:9/"):
        with pytest.raises(FetchError, match=r"non-public address .*allow_private_networks"):
            asyncio.run(go(url))


def test_a_public_looking_name_that_resolves_to_a_private_address_is_refused() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]  # one bad answer is enough to refuse

    async def go() -> FetchResult:
        fetcher = Fetcher(FetchConfig(timeout=5), resolver=resolver)
        try:
            return await fetcher.fetch("http://feeds.example/rss")
        finally:
            await fetcher.aclose()

    with pytest.raises(FetchError, match=r"feeds\.example resolves to the non-public address"):
        asyncio.run(go())
