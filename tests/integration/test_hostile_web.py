"""The real polling code against a hostile "test web" on 127.0.0.1.

`poll_feed` / `poll_all` run in-process with a real Fetcher and a real SQLite store; the
server (tests/integration/hostile_server.py) serves good feeds and the ways sites go
wrong. Each test checks the FeedReport and what the store remembers.

Every poll is bounded twice: `asyncio.wait_for` inside the event loop, and a join with a
timeout on the thread running the loop, so that even a parser stuck in synchronous code
(where cancellation cannot reach) fails the test instead of hanging the suite.
"""

from __future__ import annotations

import asyncio
import ipaddress
import resource
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import quote

import httpcore
import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.feeds.fetch import Fetcher
from bot.feeds.guard import IPAddress, guarded_transport, is_public_address
from bot.ingest import FeedReport, poll_all, poll_feed
from bot.models import Story
from bot.settings import FetchConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import FeedState, Store
from bot.store.tables import ArticleRow, EntryRow
from tests.integration.hostile_server import (
    ARTICLES,
    ENCODED_SUMMARY,
    ENCODED_TITLE,
    PAYWALL_SUMMARY,
    SECRET,
    HostileWeb,
    gzip_bomb,
    serve_hostile_web,
)

T = TypeVar("T")
POLL_LIMIT = 30.0  # seconds; no poll in this file should come anywhere near it
MIB = 1024 * 1024
JITTER = timedelta(minutes=5)  # the most the poll timing adds to spread feeds out
LOOPBACK = ipaddress.IPv4Address("127.0.0.1")
GUARD_HINT = "(set fetch.allow_private_networks to poll an intranet)"


# -- fixtures and helpers ------------------------------------------------------------


@pytest.fixture
def web() -> Iterator[HostileWeb]:
    with serve_hostile_web() as running:
        yield running
    assert running.errors == [], "the test server itself failed:\n" + "\n".join(running.errors)


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    engine = make_engine(f"sqlite:///{tmp_path / 'sovai.db'}")
    upgrade(engine)
    store = Store(engine)
    try:
        yield store
    finally:
        store.close()


def fetch_config(**changes: Any) -> FetchConfig:
    values: dict[str, Any] = {"allow_private_networks": True, "timeout": 5, "max_bytes": MIB}
    values.update(changes)
    return FetchConfig(**values)


def bounded(make: Callable[[], Awaitable[T]], limit: float = POLL_LIMIT) -> T:
    """Run `make()` in a fresh event loop on its own thread; fail if it outlives `limit`."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    async def within_limit() -> T:
        return await asyncio.wait_for(make(), limit)

    def target() -> None:
        try:
            outcome.append(asyncio.run(within_limit()))
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=target, name="bounded-poll", daemon=True)
    thread.start()
    thread.join(limit + 10)
    if thread.is_alive():
        pytest.fail(f"the poll was still running after {limit + 10:g} s (stuck outside asyncio)")
    if failure:
        if isinstance(failure[0], TimeoutError):
            pytest.fail(f"the poll did not complete within {limit:g} s")
        raise failure[0]
    return outcome[0]


def poll(
    store: Store,
    feed: FeedState,
    config: FetchConfig | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> FeedReport:
    """One `poll_feed(..., backfill=True)` with a Fetcher of its own, bounded in time."""

    async def go() -> FeedReport:
        fetcher = Fetcher(config or fetch_config(), transport)
        try:
            return await poll_feed(feed, store, fetcher, backfill=True)
        finally:
            await fetcher.aclose()

    return bounded(go)


def add(store: Store, url: str, name: str | None = None) -> FeedState:
    return store.add_feed(url, name, 60, datetime.now(UTC))


def state(store: Store, feed_id: int) -> FeedState:
    (found,) = [f for f in store.feeds() if f.id == feed_id]
    return found


def stories(store: Store) -> list[Story]:
    now = datetime.now(UTC)
    return store.stories(now - timedelta(days=1), now + timedelta(days=1))


def entry_rows(store: Store) -> list[EntryRow]:
    with Session(store.engine) as s:
        return list(s.scalars(select(EntryRow).order_by(EntryRow.id)))


def article_rows(store: Store) -> list[ArticleRow]:
    with Session(store.engine) as s:
        return list(s.scalars(select(ArticleRow).order_by(ArticleRow.id)))


def stored_text(store: Store) -> str:
    """Everything the store holds that came from the web, as one string to search."""
    parts: list[str | None] = []
    for e in entry_rows(store):
        parts += [e.entry_key, e.url, e.title, e.summary]
    for a in article_rows(store):
        parts += [a.url, a.canonical_url, a.title, a.text, a.source, a.author]
    for f in store.feeds():
        parts += [f.last_error, f.etag]
    for story in stories(store):
        parts += [story.title, *story.analysis.summary]
    return "\n".join(p for p in parts if p)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


class LoopbackOnlyBackend(httpcore.AsyncNetworkBackend):
    """Opens sockets to 127.0.0.1 only and logs every attempt.

    A safety net under the guard: should the guard ever let a private address through,
    the test sees it in `connected` and no packet leaves for that address.
    """

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
        if host != "127.0.0.1":
            raise httpcore.ConnectError(f"test backend: no connections to {host}")
        return await self.inner.connect_tcp(host, port, timeout, local_address, socket_options)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("test backend: no Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


NAMES = {"public.test": ["127.0.0.1"], "intranet.test": ["10.0.0.5"]}


async def fake_dns(host: str, port: int) -> list[str]:
    """DNS for the guarded tests: the test server is "public.test"; nothing else is real."""
    if host not in NAMES:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return NAMES[host]


def lab_policy(ip: IPAddress) -> bool:
    """The real rules, except that the test server's 127.0.0.1 stands for the internet."""
    return ip == LOOPBACK or is_public_address(ip)


def guarded(spy: LoopbackOnlyBackend) -> httpx.AsyncBaseTransport:
    return guarded_transport(fake_dns, is_allowed=lab_policy, backend=spy)


# -- 1. well-formed feeds ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "slugs"),
    [
        ("/rss.xml", ["nordic-compute", "kenya-language-models"]),
        ("/atom.xml", ["brazil-data-centre", "canada-chips"]),
        ("/feed.json", ["france-open-models", "indonesia-cloud"]),
    ],
)
def test_rss_atom_and_json_feeds_are_read_with_their_articles(
    web: HostileWeb, store: Store, path: str, slugs: list[str]
) -> None:
    feed = add(store, web.url(path), "Wire")
    before = datetime.now(UTC)
    report = poll(store, feed)

    assert (report.status, report.error) == ("ok", None)
    assert (report.new_entries, report.articles) == (2, 2)
    after = state(store, feed.id)
    assert (after.last_error, after.error_count, after.entry_count) == (None, 0, 2)
    assert after.etag is not None and after.last_success_at is not None
    assert after.next_poll_at is not None and after.next_poll_at >= before + timedelta(hours=1)

    titles = [ARTICLES[s][0] for s in slugs]
    assert sorted(s.title for s in stories(store)) == sorted(titles)
    articles = {a.url: a for a in article_rows(store)}
    for slug in slugs:
        article = articles[web.url(f"/articles/{slug}.html")]
        assert not article.from_feed  # the page's own text, not the feed's summary
        assert ARTICLES[slug][1][1] in " ".join(article.text.split())
        assert web.hits(f"/articles/{slug}.html") == 1
    assert all(story.sources == (("Wire", story.url),) for story in stories(store))


# -- 2. conditional GET ----------------------------------------------------------------


def test_a_matching_etag_gets_304_and_nothing_new_is_stored(web: HostileWeb, store: Store) -> None:
    feed = add(store, web.url("/rss.xml"))
    assert poll(store, feed).status == "ok"
    etag = state(store, feed.id).etag
    entries, articles = len(entry_rows(store)), len(article_rows(store))

    second = poll(store, state(store, feed.id))

    assert (second.status, second.new_entries, second.articles) == ("not-modified", 0, 0)
    feed_requests = [r for r in web.requests if r.path == "/rss.xml"]
    assert [r.headers.get("if-none-match") for r in feed_requests] == [None, etag]
    assert (len(entry_rows(store)), len(article_rows(store))) == (entries, articles)
    assert len([p for p in web.paths() if p.startswith("/articles/")]) == 2  # not fetched again
    after = state(store, feed.id)
    assert (after.etag, after.last_error, after.error_count) == (etag, None, 0)


# -- 3. rate limits and outages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "error", "asked"),
    [
        ("/status/429", "HTTP 429 Too Many Requests", timedelta(hours=2)),  # Retry-After: 7200
        ("/status/503", "HTTP 503 Service Unavailable", timedelta(hours=3)),  # an HTTP date
    ],
)
def test_retry_after_pushes_the_next_poll_back(
    web: HostileWeb, store: Store, path: str, error: str, asked: timedelta
) -> None:
    feed = add(store, web.url(path))
    start = datetime.now(UTC)
    report = poll(store, feed)
    end = datetime.now(UTC)

    assert (report.status, report.error) == ("error", error)
    after = state(store, feed.id)
    assert (after.error_count, after.last_error, after.last_success_at) == (1, error, None)
    assert after.next_poll_at is not None and after.next_poll_at == report.next_poll
    # An HTTP date has whole seconds, so the server's "3 h ahead" may be up to 1 s short.
    assert start + asked - timedelta(seconds=2) <= after.next_poll_at <= end + asked + JITTER


# -- 4. a server dripping a byte a second --------------------------------------------------


@pytest.mark.parametrize("path", ["/drip/body.xml", "/drip/headers.xml"])
def test_a_dripping_server_is_cut_off_by_the_deadline(
    web: HostileWeb, store: Store, path: str
) -> None:
    feed = add(store, web.url(path))
    started = time.monotonic()
    report = poll(store, feed, fetch_config(timeout=2))
    elapsed = time.monotonic() - started

    assert elapsed < 10  # a safety bound, not a benchmark
    assert elapsed >= 1.5  # it was the deadline that ended it, not some other failure
    assert (report.status, report.error) == ("error", "timed out after 2 s")
    after = state(store, feed.id)
    assert (after.error_count, after.last_error) == (1, "timed out after 2 s")
    assert web.hits(path) == 1


# -- 5. a gzip bomb ------------------------------------------------------------------------


def test_a_gzip_bomb_is_cut_off_without_inflating_it(web: HostileWeb, store: Store) -> None:
    bomb = gzip_bomb()
    assert bomb.decoded_size >= 1024 * MIB
    assert bomb.wire_size < 2 * MIB  # deflate tops out near 1032:1, so ~1 MiB per GiB
    feed = add(store, web.url("/bomb.xml"))
    peak_before = peak_rss_mib()
    started = time.monotonic()
    report = poll(store, feed, fetch_config(max_bytes=MIB, timeout=10))
    elapsed = time.monotonic() - started
    growth = peak_rss_mib() - peak_before

    assert report.status == "error"
    assert report.error == f"response larger than {MIB} bytes (decoded)"
    assert "larger than" in (state(store, feed.id).last_error or "")
    assert growth < 100, f"peak memory grew by {growth:.0f} MiB"
    assert elapsed < 10


# -- 6. a redirect loop --------------------------------------------------------------------


def test_a_redirect_loop_is_an_error(web: HostileWeb, store: Store) -> None:
    feed = add(store, web.url("/loop"))
    report = poll(store, feed)

    assert (report.status, report.error) == ("error", "more than 5 redirects")
    assert state(store, feed.id).error_count == 1
    assert web.hits("/loop") == 6  # the first request and five redirects, then it stops


def test_one_deadline_covers_a_whole_chain_of_slow_redirects(web: HostileWeb, store: Store) -> None:
    # Each hop takes 0.8 s: a per-hop deadline would follow all six (4.8 s) and end with
    # "more than 5 redirects"; one deadline for the fetch ends it during the third hop.
    feed = add(store, web.url("/slow-redirect?hop=1"))
    started = time.monotonic()
    report = poll(store, feed, fetch_config(timeout=2))
    elapsed = time.monotonic() - started

    assert (report.status, report.error) == ("error", "timed out after 2 s")
    assert elapsed < 3.5
    assert web.hits("/slow-redirect") == 3


# -- 7. redirects and links to private addresses ------------------------------------------


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("http://10.0.0.5/feed.xml", "refused: 10.0.0.5 is a non-public address"),
        ("http://0x0a.5/feed.xml", "refused: 0x0a.5 is the non-public address 10.0.0.5"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "refused: 169.254.169.254 is a non-public address",
        ),
        ("http://[::1]/feed.xml", "refused: ::1 is a non-public address"),
        (
            "http://intranet.test/feed.xml",
            "refused: intranet.test resolves to the non-public address 10.0.0.5",
        ),
    ],
)
def test_a_redirect_to_a_private_address_is_refused_on_the_hop(
    web: HostileWeb, store: Store, target: str, message: str
) -> None:
    spy = LoopbackOnlyBackend()
    url = f"http://public.test:{web.port}/redirect-to-private?to={quote(target, safe='')}"
    feed = add(store, url)
    report = poll(store, feed, fetch_config(allow_private_networks=False), guarded(spy))

    assert report.status == "error"
    assert report.error == f"{message} {GUARD_HINT}"
    assert state(store, feed.id).last_error == report.error
    assert spy.connected == ["127.0.0.1"]  # the first hop only; the redirect opened nothing
    assert web.paths() == ["/redirect-to-private"]
    assert web.requests[0].headers["host"] == f"public.test:{web.port}"


def test_the_default_guard_refuses_the_loopback_server_before_any_request(
    web: HostileWeb, store: Store
) -> None:
    feed = add(store, web.url("/redirect-to-private?to=http%3A%2F%2F10.0.0.5%2F"))
    report = poll(store, feed, FetchConfig(allow_private_networks=False, timeout=5))

    assert report.status == "error"
    assert report.error == f"refused: 127.0.0.1 is a non-public address {GUARD_HINT}"
    assert web.requests == []


def test_article_links_to_private_addresses_are_not_fetched(web: HostileWeb, store: Store) -> None:
    spy = LoopbackOnlyBackend()
    feed = add(store, f"http://public.test:{web.port}/guarded-feed.xml")
    report = poll(store, feed, fetch_config(allow_private_networks=False), guarded(spy))

    # Every article falls back to the feed's own text: the pages are never fetched.
    assert (report.status, report.new_entries, report.articles) == ("ok", 3, 3)
    assert sorted(a.text for a in article_rows(store)) == ["Text one.", "Text three.", "Text two."]
    assert all(a.from_feed for a in article_rows(store))
    assert set(spy.connected) == {"127.0.0.1"}
    # The click-through wrapper may be followed (then refused on its redirect) or unwrapped.
    assert set(web.paths()) <= {"/guarded-feed.xml", "/click"}


def test_a_redirect_to_a_file_url_is_refused(web: HostileWeb, store: Store) -> None:
    feed = add(store, web.url("/redirect-to-private?to=file%3A%2F%2F%2Fetc%2Fpasswd"))
    report = poll(store, feed)

    assert report.status == "error"
    assert report.error == "refused: only http and https URLs are fetched ('file')"
    assert "root:" not in stored_text(store)


# -- 8. not a feed -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "error"),
    [("/page.html", "an HTML page, not a feed"), ("/empty.xml", "empty response body")],
)
def test_a_body_that_is_not_a_feed_is_an_error_with_a_reason(
    web: HostileWeb, store: Store, path: str, error: str
) -> None:
    feed = add(store, web.url(path))
    report = poll(store, feed)

    assert (report.status, report.error) == ("error", error)
    after = state(store, feed.id)
    assert (after.error_count, after.last_error, after.entry_count) == (1, error, 0)


# -- 9. encodings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/enc/windows-1252.xml",  # Windows-1252 bytes, declared as such
        "/enc/mislabelled.xml",  # Windows-1252 bytes, declared as UTF-8
        "/enc/bom.xml",  # UTF-8 with a byte-order mark
        "/enc/bom.json",  # a JSON Feed with a byte-order mark
    ],
)
def test_titles_come_out_as_unicode_whatever_the_encoding(
    web: HostileWeb, store: Store, path: str
) -> None:
    feed = add(store, web.url(path))
    report = poll(store, feed)

    assert (report.status, report.new_entries, report.articles) == ("ok", 1, 1)
    (entry,) = entry_rows(store)
    assert (entry.title, entry.summary) == (ENCODED_TITLE, ENCODED_SUMMARY)
    assert [s.title for s in stories(store)] == [ENCODED_TITLE]
    text = stored_text(store)
    for garbage in ("\ufffd", "â€", "Ã©", "Â"):
        assert garbage not in text


# -- 10. entity tricks ---------------------------------------------------------------------


def test_a_billion_laughs_feed_is_not_expanded(web: HostileWeb, store: Store) -> None:
    feed = add(store, web.url("/billion-laughs.xml"))
    peak_before = peak_rss_mib()
    started = time.monotonic()
    report = poll(store, feed)
    elapsed = time.monotonic() - started
    growth = peak_rss_mib() - peak_before

    assert elapsed < 10
    assert growth < 100, f"peak memory grew by {growth:.0f} MiB"
    # Refusing the document and reading it with the entities left unexpanded are both
    # safe; what is not safe is expanding them.
    assert report.status in ("ok", "error"), report
    text = stored_text(store)
    assert "lollol" not in text
    assert len(text) < 10_000


def test_external_entities_are_never_resolved(web: HostileWeb, store: Store) -> None:
    feed = add(store, web.url("/xxe.xml"))
    started = time.monotonic()
    report = poll(store, feed)

    assert time.monotonic() - started < 10
    assert report.status == "ok", report
    text = stored_text(store)
    assert "root:" not in text
    assert "SECRET-FROM-THE-TEST-WEB" not in text
    assert SECRET not in text
    assert "/secret" not in web.paths()  # neither the feed's nor the article page's entities
    assert web.hits("/articles/xxe-page.html") == 1


# -- 11. GUIDs that change on every fetch --------------------------------------------------


@pytest.mark.parametrize("tracking", [False, True], ids=["same-links", "rotating-utm-params"])
def test_changing_guids_do_not_duplicate_stories(
    web: HostileWeb, store: Store, tracking: bool
) -> None:
    feed = add(store, web.url("/rotating.xml?tracking=1" if tracking else "/rotating.xml"))
    reports = [poll(store, state(store, feed.id)) for _ in range(3)]

    assert [(r.status, r.new_entries, r.articles) for r in reports] == [
        ("ok", 2, 2),  # new GUIDs each time, so new entries ...
        ("ok", 2, 0),  # ... but the same links, so no new articles
        ("ok", 2, 0),
    ]
    links = [web.url("/articles/rot-a.html"), web.url("/articles/rot-b.html")]
    found = stories(store)
    assert sorted(s.url for s in found) == links  # exactly one story per link
    assert sorted(s.title for s in found) == sorted(ARTICLES[s][0] for s in ("rot-a", "rot-b"))
    assert len(article_rows(store)) == 2
    assert web.hits("/rotating.xml") == 3
    assert web.hits("/articles/rot-a.html") == 1
    assert web.hits("/articles/rot-b.html") == 1
    entries = entry_rows(store)
    assert len(entries) == 6
    assert all(e.article_id is not None for e in entries)  # every entry points at its story


# -- 12. a paywalled article ---------------------------------------------------------------


def test_a_paywalled_article_keeps_the_feeds_summary(web: HostileWeb, store: Store) -> None:
    feed = add(store, web.url("/paywall-feed.xml"), "Paywalled Desk")
    report = poll(store, feed)

    assert (report.status, report.new_entries, report.articles) == ("ok", 1, 1)
    (story,) = stories(store)
    assert story.title == "Seoul weighs a sovereign AI fund"
    assert story.url == web.url("/articles/paywalled.html")
    (article,) = article_rows(store)
    assert article.from_feed
    assert article.text == PAYWALL_SUMMARY
    assert web.hits("/articles/paywalled.html") == 1


# -- 13. one bad feed does not affect another ----------------------------------------------


def poll_everything(store: Store, config: FetchConfig) -> dict[str, FeedReport]:
    async def go() -> list[FeedReport]:
        fetcher = Fetcher(config)
        try:
            return await poll_all(store, fetcher, backfill=True)
        finally:
            await fetcher.aclose()

    by_id = {f.id: f.url for f in store.feeds()}
    return {by_id[r.feed_id]: r for r in bounded(go)}


def test_bad_feeds_do_not_affect_a_good_one(web: HostileWeb, store: Store) -> None:
    expected_errors = {
        "/status/500": "HTTP 500 Internal Server Error",
        "/page.html": "an HTML page, not a feed",
        "/drip/body.xml": "timed out after 2 s",
        "/bomb.xml": f"response larger than {MIB} bytes (decoded)",
        "/loop": "more than 5 redirects",
    }
    for path in ["/rss.xml", *expected_errors, "/atom.xml"]:
        add(store, web.url(path))
    started = time.monotonic()
    reports = poll_everything(store, fetch_config(timeout=2))

    assert time.monotonic() - started < 10
    for path in ("/rss.xml", "/atom.xml"):
        report = reports[web.url(path)]
        assert (report.status, report.new_entries, report.articles, report.error) == (
            "ok",
            2,
            2,
            None,
        )
    for path, error in expected_errors.items():
        assert (reports[web.url(path)].status, reports[web.url(path)].error) == ("error", error)
    counts = {f.url: (f.error_count, f.last_error) for f in store.feeds()}
    assert counts[web.url("/rss.xml")] == (0, None)
    assert counts[web.url("/atom.xml")] == (0, None)
    assert counts[web.url("/loop")] == (1, "more than 5 redirects")
    assert len(stories(store)) == 4


def test_feeds_queued_for_a_busy_host_are_not_timed_out_while_waiting(
    web: HostileWeb, store: Store
) -> None:
    # Ten healthy feeds on one host, each answering in 0.6 s: alone, each is well within
    # its 2 s deadline. Two at a time (per_host=2), the last ones get a slot after 2.4 s,
    # so a deadline that also counted the wait for a slot would time them out (feeds 9
    # and 10 without ever sending a request).
    urls = [web.url(f"/slow.xml?n={n}&delay=0.6") for n in range(1, 11)]
    for url in urls:
        add(store, url)
    reports = poll_everything(store, fetch_config(timeout=2, per_host=2))

    outcome = {url.split("?")[1].split("&")[0]: reports[url].error for url in urls}
    assert outcome == {f"n={n}": None for n in range(1, 11)}
    assert sorted(r.query for r in web.requests) == sorted(u.split("?")[1] for u in urls)
