"""HTTP fetching for feeds and article pages: bounded in time, size and redirects.

Everything fetched comes from strangers' servers, so every limit is enforced here, in
one place: an overall deadline (a server dripping a byte a second cannot hold a worker),
a cap on the *decoded* size (a gzip bomb is cut off, not inflated), a redirect cap, and
a guard against being pointed at private addresses.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from bot import __version__
from bot.settings import FetchConfig

__all__ = ["USER_AGENT", "FetchError", "FetchResult", "Fetcher", "is_public_address"]

_log = logging.getLogger(__name__)
USER_AGENT = f"sovai/{__version__} (+https://github.com/sovai-bot/sovai; sovereign-AI news digest)"
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A fetch that did not give a usable body; the message says why, for the feed status."""


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def is_public_address(address: str) -> bool:
    """True for an address on the public internet (not loopback, private, link-local…)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return is_public_address(str(mapped))
        if ip in ipaddress.ip_network("64:ff9b::/96"):
            return is_public_address(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


class Fetcher:
    """One shared async HTTP client with the configured limits."""

    def __init__(self, config: FetchConfig, transport: httpx.AsyncBaseTransport | None = None):
        self.config = config
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(config.timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._slots = asyncio.Semaphore(config.concurrency)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET `url` (conditionally when validators are given), following safe redirects."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        async with self._slots:
            try:
                async with asyncio.timeout(self.config.timeout):
                    return await self._follow(url, headers)
            except TimeoutError:
                raise FetchError(f"timed out after {self.config.timeout:g} s") from None
            except httpx.HTTPError as exc:
                detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                raise FetchError(detail) from None

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        for _ in range(self.config.max_redirects + 1):
            await self._check_target(url)
            async with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code == 304:
                    return FetchResult(url, 304, b"", dict(response.headers))
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
                body = await self._read_capped(response)
                return FetchResult(
                    str(response.url), response.status_code, body, dict(response.headers)
                )
        raise FetchError(f"more than {self.config.max_redirects} redirects")

    async def _read_capped(self, response: httpx.Response) -> bytes:
        limit = self.config.max_bytes
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(f"response larger than {limit} bytes (decoded)")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _check_target(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"refused: only http and https URLs are fetched ({parts.scheme!r})")
        if self.config.allow_private_networks:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                parts.hostname, port, type=socket.SOCK_STREAM
            )
        except socket.gaierror as exc:
            raise FetchError(f"cannot resolve {parts.hostname}: {exc.strerror}") from None
        for info in infos:
            address = str(info[4][0])
            if not is_public_address(address):
                raise FetchError(
                    f"refused: {parts.hostname} resolves to the non-public address {address} "
                    "(set fetch.allow_private_networks to poll an intranet)"
                )
