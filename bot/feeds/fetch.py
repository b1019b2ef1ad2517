"""HTTP fetching for feeds and article pages: bounded in time, size and redirects.

Everything fetched comes from strangers' servers, so every limit is enforced here, in
one place: an overall deadline (a server dripping a byte a second cannot hold a worker),
a cap on the *decoded* size (we inflate gzip ourselves, chunk by chunk, so a gzip bomb is
cut off rather than inflated), a redirect cap, politeness (two requests at a time per
host) and a guard against being pointed at private addresses.
"""

from __future__ import annotations

import asyncio
import email.utils
import http.cookiejar
import logging
import zlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from bot import __version__
from bot.feeds.fetch_errors import describe_fetch_error
from bot.feeds.guard import BlockedAddressError, Resolver, guarded_transport
from bot.settings import FetchConfig

__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchResult",
    "Fetcher",
    "parse_retry_after",
]

_log = logging.getLogger(__name__)
USER_AGENT = f"sovai/{__version__} (+https://github.com/sovai-bot/sovai; sovereign-AI news digest)"
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch that did not give a usable body; the message says why, for the feed status."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


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


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(min(int(value), 365 * 24 * 3600))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Inflater:
    """Decodes a response body chunk by chunk without ever producing more than `limit`."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip", "deflate"):
            self._z = zlib.decompressobj(wbits=47 if encoding != "deflate" else 15)
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")
        self._raw_deflate = encoding == "deflate"

    def feed(self, data: bytes) -> bytes:
        if self._z is None:
            return self._count(data)
        out = []
        while data:
            room = self.limit - self.size + 1
            try:
                piece = self._z.decompress(data, room)
            except zlib.error:
                if self._raw_deflate and self.size == 0:  # "deflate" without the zlib header
                    self._z = zlib.decompressobj(wbits=-15)
                    self._raw_deflate = False
                    continue
                raise FetchError("corrupt compressed body") from None
            out.append(self._count(piece))
            data = self._z.unconsumed_tail
        return b"".join(out)

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise FetchError(f"response larger than {self.limit} bytes (decoded)")
        return piece


class Fetcher:
    """One shared async HTTP client with the configured limits and politeness."""

    def __init__(
        self,
        config: FetchConfig,
        transport: httpx.AsyncBaseTransport | None = None,
        *,
        resolver: Resolver | None = None,
    ) -> None:
        self.config = config
        if transport is None and not config.allow_private_networks:
            # every connection's resolved address is checked; `resolver` is for tests
            transport = guarded_transport(resolver)
        self._client = httpx.AsyncClient(
            # no cookies kept: they would follow us from site to site and count against
            # metered paywalls, and the jar would grow with every site polled
            cookies=http.cookiejar.CookieJar(
                http.cookiejar.DefaultCookiePolicy(allowed_domains=[])
            ),
            follow_redirects=False,
            timeout=httpx.Timeout(config.timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
        )
        self._slots = asyncio.Semaphore(config.concurrency)
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(config.per_host)
        )

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
                return await self._follow(url, headers)
            except TimeoutError:
                raise FetchError(f"timed out after {self.config.timeout:g} s") from None
            except BlockedAddressError as exc:
                hint = "set fetch.allow_private_networks to poll an intranet"
                raise FetchError(f"{exc} ({hint})") from None
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:  # bad URLs, IDNA
                raise FetchError(describe_fetch_error(exc, url)) from None

    async def _follow(self, url: str, headers: dict[str, str]) -> FetchResult:
        """Follow redirects; the deadline counts time spent on the network, not time spent
        waiting for a free slot on a busy host."""
        loop = asyncio.get_running_loop()
        budget = self.config.timeout
        for _ in range(self.config.max_redirects + 1):
            self._check_target(url)
            host = (urlsplit(url).hostname or "").lower()
            async with self._hosts[host]:
                started = loop.time()
                async with asyncio.timeout(budget):
                    result = await self._get(url, headers)
                budget -= loop.time() - started
            if isinstance(result, FetchResult):
                return result
            url = result
        raise FetchError(f"more than {self.config.max_redirects} redirects")

    async def _get(self, url: str, headers: dict[str, str]) -> FetchResult | str:
        """One request: the result, or the URL a redirect points to."""
        async with self._client.stream("GET", url, headers=headers) as resp:
            if resp.status_code in _REDIRECTS and "location" in resp.headers:
                return urljoin(url, resp.headers["location"])
            if resp.status_code == 304:
                return FetchResult(url, 304, b"", dict(resp.headers))
            if resp.status_code >= 400:
                raise FetchError(
                    f"HTTP {resp.status_code} {resp.reason_phrase}".strip(),
                    status=resp.status_code,
                    retry_after=parse_retry_after(resp.headers.get("retry-after")),
                )
            body = await self._read_capped(resp)
            return FetchResult(str(resp.url), resp.status_code, body, dict(resp.headers))

    async def _read_capped(self, response: httpx.Response) -> bytes:
        inflater = _Inflater(response.headers.get("content-encoding", ""), self.config.max_bytes)
        chunks = [inflater.feed(chunk) async for chunk in response.aiter_raw(_CHUNK)]
        return b"".join(chunks)

    @staticmethod
    def _check_target(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"refused: only http and https URLs are fetched ({parts.scheme!r})")
