"""Hand-run benchmark of polling many feeds (not a test).

    .venv/bin/python bench/poll.py [--feeds 1000] [--items 50] [--hosts 49] [--concurrency 32]
                                   [--repeat 1] [--backfill-feeds 0] [--profile DIR]
                                   [--skip-naive]

A local HTTP server (an asyncio server in its own process, so its CPU is not counted as
the client's) serves `--feeds` RSS feeds of `--items` generated items each (~1 KB per item:
title, link, guid, date and a ~750-character description) at /feeds/N.xml and a generated
~2,000-character HTML article page for every item link at /articles/N/I.html. Feed N is
reached under the host name 127.0.0.{2 + N % hosts}: the server listens on each of those
loopback addresses (all of 127.0.0.0/8 is loopback on Linux; 127.0.0.1 only takes the
benchmark's control requests), because the fetcher allows two requests at a time *per host
name* and a real deployment polls feeds spread over many hosts; one host for everything
would measure the politeness limit, not the poller. Bodies are generated and
gzip-compressed once at server start-up and sent gzip-encoded when the client accepts it
(both clients do), as news sites do.

Steady state ("phase 1") differs from the first poll ("phase 0") like this:

* every tenth feed (N % 10 == 0) has 5 new items on top (the 5 oldest fall off, so the
  feed keeps `--items` items) and a new ETag;
* of the other feeds, half send an ETag and answer 304 to a matching If-None-Match, and
  half send no validators at all (no ETag, no Last-Modified) and return the very same
  bytes.

"Phase 2" is phase 0 again: nothing is new anywhere.

Measured, each in its own fresh Python process (so every peak RSS is separate), timing
only the polling itself (imports, server start-up and store set-up are outside it):

* naive cold / naive steady: `feedparser.parse(url)` of every feed URL in turn (feedparser
  fetches with urllib, one connection per feed, no validators, nothing stored, no articles);
* sovai cold: `poll_all` over a fresh SQLite store with backfill=False (the default): the
  first poll of a feed stores its entries as seen and reads no article;
* sovai steady: `poll_all` (all feeds, due or not) over a copy of the store the cold pass
  left, in phase 1: 304s, unchanged bodies, and 100 feeds x 5 new entries whose 500 article
  pages are fetched, extracted (trafilatura), analysed, fingerprinted and stored;
* sovai steady, articles 404: the same, but every article page answers 404, so sovai
  falls back to the feed's summary: still analysed and stored, no page fetched/extracted;
* sovai steady, nothing new: phase 2 over a copy of the cold store: only the polling
  machinery (550 x 304, 450 unchanged bodies), no parsing and no article;
* with --backfill-feeds N: a first poll of N feeds with backfill=True, which reads every
  article (50 per feed); not in the default run, because 50,000 articles take too long.

Prints one table (median of --repeat runs); --profile DIR writes a cProfile per sovai run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email.utils
import gzip
import hashlib
import inspect
import json
import multiprocessing as mp
import os
import platform
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 240  # seconds for any one measured process
NEW_ITEMS = 5  # per changed feed in phase 1
BASE_TIME = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)

# -- generated content ---------------------------------------------------------------

_COUNTRIES = [
    "Japan", "India", "France", "Germany", "South Korea", "Brazil", "Canada", "Saudi Arabia",
    "the United Arab Emirates", "Singapore", "Kenya", "Indonesia", "Italy", "Spain", "Mexico",
    "Nigeria", "Vietnam", "Poland", "Sweden", "Chile", "Egypt", "Malaysia", "Thailand",
]  # fmt: skip
_PEOPLE = [
    "Aiko Tanaka", "Ravi Menon", "Claire Dubois", "Jonas Weber", "Min-jun Park", "Lucia Alves",
    "Omar Haddad", "Grace Otieno", "Sofia Rossi", "Tomasz Nowak", "Elena Garcia", "Daniel Reyes",
]  # fmt: skip
_ROLES = [
    "the digital minister", "the science minister", "a government spokesperson",
    "the agency's director", "an analyst at a Paris consultancy", "the chief executive",
    "a senior official", "the head of the national research council",
]  # fmt: skip
_TOPICS = [
    "a national AI supercomputer", "its own large language models", "a sovereign cloud",
    "a public data centre programme", "domestic GPU clusters", "an AI strategy",
    "a new semiconductor plant", "a port expansion", "rural broadband", "a football stadium",
    "the electricity grid", "a high-speed rail line", "a pension reform", "a water treaty",
]  # fmt: skip
_FILLER_WORDS = (
    "the and of to in a is that for on with as was at by from it be this have are which "
    "market week year people city council plan report company companies price prices "
    "official officials project projects local regional growth share shares team season "
    "quarter industry investors economy workers schools hospitals weather traffic tourism "
    "farmers exports imports bank banks budget election court policy research university "
    "students energy climate transport housing network service services customers"
)
_FILLER = _FILLER_WORDS.split()
_TEMPLATES = [
    "{country}'s government said on {day} it would spend {money} on {topic}.",
    "The ministry expects {topic} to be ready within {months} months, officials said.",
    '"{quote}," {person}, {role}, told reporters in the capital.',
    "The plan would add about {count} GPUs, roughly {pct}% more than last year.",
    "Critics in parliament asked whether {topic} was the best use of public money.",
    "{person}, {role}, said the country could not depend on foreign providers for {topic}.",
    "Shares in the company rose {pct}% after the announcement on {day}.",
    "The regional council approved {money} for {topic} after a long debate.",
    "Local officials said the {filler} {filler} would be reviewed before the end of the year.",
    "{Filler} {filler} {filler} {filler} and {filler} {filler} in the {filler} {filler}.",
    "In {country}, the {filler} {filler} grew {pct}% over {months} months.",
    "The {filler} {filler} of {topic} was first discussed in {country} last spring.",
]
_QUOTES = [
    "We cannot leave our language and our data to others",
    "This is about capacity we control ourselves",
    "The money is there and the sites are chosen",
    "Nobody should expect results before next year",
    "It is a question of national resilience",
    "We will publish every contract",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _sentence(rng: random.Random) -> str:
    template = rng.choice(_TEMPLATES)
    while "{filler}" in template or "{Filler}" in template:
        template = template.replace("{filler}", rng.choice(_FILLER), 1)
        template = template.replace("{Filler}", rng.choice(_FILLER).capitalize(), 1)
    return template.format(
        country=rng.choice(_COUNTRIES),
        day=rng.choice(_DAYS),
        money=rng.choice(["$", "€", "¥"]) + f"{rng.randint(1, 900)} million",
        topic=rng.choice(_TOPICS),
        months=rng.randint(3, 36),
        quote=rng.choice(_QUOTES),
        person=rng.choice(_PEOPLE),
        role=rng.choice(_ROLES),
        count=f"{rng.randint(1, 40) * 1000:,}",
        pct=rng.randint(2, 60),
    )


class Content:
    """Deterministic feeds and articles: same arguments, same bytes, in every process."""

    def __init__(self, port: int, feeds: int, items: int, hosts: int) -> None:
        self.port, self.feeds, self.items, self.hosts = port, feeds, items, hosts
        self._pool: list[str] = []
        others = [n for n in range(feeds) if n % 10 != 0]
        self.with_etag = set(others[0::2])

    def host(self, feed: int) -> str:
        return f"127.0.0.{2 + feed % self.hosts}"

    def feed_url(self, feed: int) -> str:
        return f"http://{self.host(feed)}:{self.port}/feeds/{feed}.xml"

    def kind(self, feed: int) -> str:
        if feed % 10 == 0:
            return "new"  # new items in phase 1 (sends an ETag)
        return "etag" if feed in self.with_etag else "plain"

    @property
    def pool(self) -> list[str]:
        """20,000 generated sentences that item and article texts are drawn from."""
        if not self._pool:
            rng = random.Random(20260302)
            self._pool = [_sentence(rng) for _ in range(20_000)]
        return self._pool

    def _text(self, seed: int, chars: int) -> list[str]:
        rng = random.Random(seed)
        out: list[str] = []
        while sum(len(s) + 1 for s in out) < chars:
            out.append(rng.choice(self.pool))
        return out

    def title(self, feed: int, item: int) -> str:
        rng = random.Random(feed * 1_000_003 + item)
        return f"{rng.choice(_COUNTRIES)} weighs {rng.choice(_TOPICS)} ({feed}-{item})"

    def feed_xml(self, feed: int, phase: int) -> bytes:
        top = self.items + (NEW_ITEMS if phase == 1 and self.kind(feed) == "new" else 0)
        host = self.host(feed)
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>Bench Desk {feed}</title>\n<link>http://{host}:{self.port}/</link>\n"
            f"<description>Generated feed {feed} for bench/poll.py</description>\n"
            "<language>en</language>\n"
        ]
        for item in range(top - 1, top - 1 - self.items, -1):  # newest first
            link = f"http://{host}:{self.port}/articles/{feed}/{item}.html"
            when = email.utils.format_datetime(BASE_TIME + timedelta(hours=item), usegmt=True)
            text = " ".join(self._text(feed * 7_919 + item * 104_729, 720))
            parts.append(
                f"<item>\n<title>{self.title(feed, item)}</title>\n<link>{link}</link>\n"
                f'<guid isPermaLink="false">bench-{feed}-{item}</guid>\n'
                f"<pubDate>{when}</pubDate>\n<description>{_xml(text)}</description>\n"
                "</item>\n"
            )
        parts.append("</channel>\n</rss>\n")
        return "".join(parts).encode()

    def article_html(self, feed: int, item: int) -> bytes:
        sentences = self._text(feed * 15_485_863 + item * 32_452_843 + 1, 2_000)
        paragraphs, i = [], 0
        while i < len(sentences):
            n = 1 + (i % 3)
            paragraphs.append(" ".join(sentences[i : i + n]))
            i += n
        body = "\n".join(f"    <p>{_xml(p)}</p>" for p in paragraphs)
        title = self.title(feed, item)
        related = "".join(
            f'<li><a href="/articles/{feed}/{max(0, item - k)}.html">Earlier story {k}</a></li>'
            for k in range(1, 6)
        )
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n'
            f"  <title>{title} | Bench Desk {feed}</title>\n"
            f'  <meta name="author" content="{_PEOPLE[item % len(_PEOPLE)]}">\n'
            '  <link rel="stylesheet" href="/static/site.css">\n</head>\n<body>\n'
            '  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Tech</a>'
            ' <a href="/subscribe">Subscribe</a></nav>\n'
            f"  <article>\n    <h1>{title}</h1>\n"
            f'    <time datetime="{(BASE_TIME + timedelta(hours=item)).isoformat()}"></time>\n'
            f"{body}\n  </article>\n"
            f"  <aside><h2>Read more</h2><ul>{related}</ul></aside>\n"
            f"  <footer>© Bench Desk {feed}. All rights reserved.</footer>\n</body>\n</html>\n"
        ).encode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- the server (its own process) ----------------------------------------------------


class _Site:
    def __init__(self, content: Content) -> None:
        self.content = content
        self.phase = 0
        self.articles_ok = True
        self.stats: Counter[str] = Counter()
        # (feed, phase) -> (etag, identity body, gzip body); phase 1 only where it differs
        self.bodies: dict[tuple[int, int], tuple[bytes, bytes, bytes]] = {}
        for feed in range(content.feeds):
            for phase in (0, 1) if content.kind(feed) == "new" else (0,):
                raw = content.feed_xml(feed, phase)
                etag = b'"' + hashlib.sha1(raw).hexdigest()[:20].encode() + b'"'
                self.bodies[feed, phase] = (etag, raw, gzip.compress(raw, 6, mtime=0))
        self.pages: dict[tuple[int, int], tuple[bytes, bytes]] = {}

    def respond(self, target: bytes, headers: dict[bytes, bytes]) -> bytes:
        path, _, query = target.decode("latin-1").partition("?")
        gz = b"gzip" in headers.get(b"accept-encoding", b"")
        parts = path.strip("/").split("/")
        try:
            if len(parts) == 2 and parts[0] == "feeds" and parts[1].endswith(".xml"):
                return self._feed(int(parts[1][:-4]), headers, gz)
            if len(parts) == 3 and parts[0] == "articles" and parts[2].endswith(".html"):
                return self._article(int(parts[1]), int(parts[2][:-5]), gz)
            if parts[0] == "_bench":
                return self._control(parts[1:], dict(parse_qsl(query)))
        except ValueError:
            pass
        self.stats["other 404"] += 1
        return _response(404, b"not found\n", "text/plain")

    def _feed(self, feed: int, headers: dict[bytes, bytes], gz: bool) -> bytes:
        if not 0 <= feed < self.content.feeds:
            raise ValueError(feed)
        kind = self.content.kind(feed)
        etag, raw, packed = self.bodies.get((feed, self.phase)) or self.bodies[feed, 0]
        if kind != "plain" and headers.get(b"if-none-match") == etag:
            self.stats["feed 304"] += 1
            return _response(304, b"", None, [(b"ETag", etag)])
        self.stats["feed 200"] += 1
        extra = [] if kind == "plain" else [(b"ETag", etag)]
        if gz:
            extra.append((b"Content-Encoding", b"gzip"))
        return _response(200, packed if gz else raw, "application/rss+xml; charset=utf-8", extra)

    def _article(self, feed: int, item: int, gz: bool) -> bytes:
        if not self.articles_ok or not 0 <= feed < self.content.feeds:
            self.stats["article 404"] += 1
            return _response(404, b"<html><body>Not found</body></html>", "text/html")
        page = self.pages.get((feed, item))
        if page is None:
            raw = self.content.article_html(feed, item)
            page = self.pages[feed, item] = (raw, gzip.compress(raw, 6, mtime=0))
        self.stats["article 200"] += 1
        extra = [(b"Content-Encoding", b"gzip")] if gz else []
        return _response(200, page[1] if gz else page[0], "text/html; charset=utf-8", extra)

    def _control(self, parts: list[str], query: dict[str, str]) -> bytes:
        if parts == ["set"]:  # ?phase=0|1, ?articles=ok|404; every set resets the counts
            self.phase = int(query.get("phase", self.phase))
            self.articles_ok = query.get("articles", "ok" if self.articles_ok else "404") == "ok"
            self.stats.clear()
        body = json.dumps({"phase": self.phase, "stats": dict(self.stats)}).encode()
        return _response(200, body, "application/json")


def _response(
    status: int, body: bytes, ctype: str | None, extra: list[tuple[bytes, bytes]] | None = None
) -> bytes:
    reason = {200: b"OK", 304: b"Not Modified", 404: b"Not Found"}[status]
    lines = [b"HTTP/1.1 %d %s" % (status, reason), b"Server: bench-poll"]
    if ctype:
        lines.append(b"Content-Type: " + ctype.encode())
    if status != 304:
        lines.append(b"Content-Length: %d" % len(body))
    lines += [k + b": " + v for k, v in extra or []]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class _Http(asyncio.Protocol):
    """Minimal HTTP/1.1 (GET only, keep-alive unless the client says close)."""

    def __init__(self, site: _Site) -> None:
        self.site = site
        self.buf = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buf += data
        while (end := self.buf.find(b"\r\n\r\n")) >= 0:
            head, self.buf = self.buf[:end], self.buf[end + 4 :]
            lines = head.split(b"\r\n")
            try:
                _method, target, version = lines[0].split(b" ", 2)
            except ValueError:
                self.transport.close()
                return
            headers = {}
            for line in lines[1:]:
                key, _, value = line.partition(b":")
                headers[key.strip().lower()] = value.strip()
            self.transport.write(self.site.respond(target, headers))
            if version == b"HTTP/1.0" or headers.get(b"connection", b"").lower() == b"close":
                self.transport.close()
                return
        if len(self.buf) > 65_536:
            self.transport.close()


def _bind_all(addresses: list[str]) -> list[socket.socket]:
    """Listening sockets on every address, all on one port (retried if it is taken)."""
    for _ in range(50):
        socks: list[socket.socket] = []
        try:
            for address in addresses:
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                socks.append(sock)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((address, socks[0].getsockname()[1] if len(socks) > 1 else 0))
                sock.listen(1024)
                sock.setblocking(False)
            return socks
        except OSError:
            for sock in socks:
                sock.close()
    raise RuntimeError("no port free on every loopback address")


def serve(conn: Any, feeds: int, items: int, hosts: int) -> None:
    """Server process: bind, report the port, generate content, serve until told to stop."""
    addresses = ["127.0.0.1"] + [f"127.0.0.{2 + h}" for h in range(hosts)]
    socks = _bind_all(addresses)
    port = socks[0].getsockname()[1]
    site = _Site(Content(port, feeds, items, hosts))

    async def main() -> None:
        loop = asyncio.get_running_loop()
        servers = [await loop.create_server(lambda: _Http(site), sock=s) for s in socks]
        conn.send(port)
        await loop.run_in_executor(None, conn.recv)  # any message (or EOF) means stop
        for server in servers:
            server.close()

    with contextlib.suppress(EOFError):
        asyncio.run(main())


# -- measured processes --------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class _PeakTracer:
    """tracemalloc snapshots near the traced peak (`--trace-memory`): what the peak RSS is
    made of. A thread samples the traced size and keeps a snapshot whenever it has grown by
    5 MB since the last one; tracing slows the run several times, so its times mean nothing."""

    def __init__(self) -> None:
        import threading
        import tracemalloc

        self._tm = tracemalloc
        self._stop = threading.Event()
        self.best: tuple[int, Any] = (0, None)
        tracemalloc.start(8)
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            current, _ = self._tm.get_traced_memory()
            if current > self.best[0] + 5_000_000:
                self.best = (current, self._tm.take_snapshot())

    def report(self, top: int = 12) -> str:
        self._stop.set()
        self._thread.join(timeout=5)
        _, peak = self._tm.get_traced_memory()
        self._tm.stop()
        size, snapshot = self.best
        lines = [f"traced peak {peak / 1e6:.0f} MB; snapshot at {size / 1e6:.0f} MB, largest:"]
        if snapshot is not None:
            for stat in snapshot.statistics("traceback")[:top]:
                frames = " <- ".join(
                    f"{Path(f.filename).name}:{f.lineno}" for f in list(stat.traceback)[:5]
                )
                lines.append(f"  {stat.size / 1e6:6.1f} MB {stat.count:>8} blocks  {frames}")
        return "\n    ".join(lines)


def child_naive(args: argparse.Namespace) -> dict[str, Any]:
    import feedparser

    socket.setdefaulttimeout(30)
    content = Content(args.port, args.feeds, args.items, args.hosts)
    urls = [content.feed_url(n) for n in range(args.feeds)]
    before = _peak_mb()
    entries = errors = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for url in urls:
        parsed = feedparser.parse(url)
        entries += len(parsed.entries)
        errors += parsed.get("status") != 200
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "wall": wall,
        "cpu": cpu,
        "rss_before": before,
        "rss_peak": _peak_mb(),
        "detail": f"{entries} entries parsed, {errors} feeds not HTTP 200",
    }


# Synchronous stages of a poll, timed by wrapping them (only with --breakdown). They run on
# the event loop without awaiting, so their wall time is exact and, summed, is time the
# loop could do nothing else. (module, class or "", function, nested in another stage?)
_STAGES = [
    ("bot.ingest", "", "parse_feed", False),
    ("bot.ingest", "", "extract_article", False),
    ("bot.ingest", "", "article_from_entry", False),
    ("bot.ingest", "", "analyze", False),
    ("bot.ingest", "", "fingerprint", False),
    ("bot.ingest", "", "_recent_stories", False),
    ("bot.ingest", "", "find_story", False),
    ("bot.store.repo", "Store", "add_entries", False),
    ("bot.store.repo", "Store", "record_poll", False),
    ("bot.store.repo", "Store", "save_article", False),
    ("bot.store.repo", "Store", "article_id_for", False),
    ("bot.store.repo", "Store", "link_entry", False),
    ("bot.store.repo", "Store", "recent_fingerprints", True),
    ("bot.articles.similarity", "Fingerprint", "from_json", True),
]


def _time_stages() -> dict[str, tuple[bool, list[float]]]:
    """Wrap each stage that exists in this version of bot/ with a timer; totals by name."""
    import functools
    import importlib

    totals: dict[str, tuple[bool, list[float]]] = {}
    for module_name, class_name, name, nested in _STAGES:
        owner: Any = importlib.import_module(module_name)
        if class_name:
            owner = getattr(owner, class_name, None)
        if owner is None or not hasattr(owner, name):
            continue  # not in this version of bot/
        raw = inspect.getattr_static(owner, name)
        func = raw.__func__ if isinstance(raw, classmethod) else raw
        slot = [0.0, 0]
        totals[name] = (nested, slot)

        def timed(*a: Any, _f: Any = func, _slot: list[float] = slot, **kw: Any) -> Any:
            t = time.perf_counter()
            try:
                return _f(*a, **kw)
            finally:
                _slot[0] += time.perf_counter() - t
                _slot[1] += 1

        wrapped = functools.wraps(func)(timed)
        setattr(owner, name, classmethod(wrapped) if isinstance(raw, classmethod) else wrapped)
    return totals


def child_sovai(args: argparse.Namespace) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from bot.feeds.fetch import Fetcher
    from bot.ingest import poll_all
    from bot.settings import FeedConfig, FetchConfig
    from bot.store.db import make_engine, upgrade
    from bot.store.repo import Store

    content = Content(args.port, args.feeds, args.items, args.hosts)
    engine = make_engine(f"sqlite:///{args.db}")
    upgrade(engine)
    store = Store(engine)
    if args.fresh:
        store.sync_feeds(
            [FeedConfig(url=content.feed_url(n)) for n in range(args.feeds)], datetime.now(UTC)
        )
    feeds = store.feeds()  # every feed, due or not
    config = FetchConfig(allow_private_networks=True, concurrency=args.concurrency)

    async def run() -> list[Any]:
        fetcher = Fetcher(config)
        try:
            return await poll_all(store, fetcher, feeds, backfill=args.backfill)
        finally:
            await fetcher.aclose()

    stages = _time_stages() if args.breakdown else None
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    tracer = _PeakTracer() if args.trace_memory else None
    before = _peak_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    reports = asyncio.run(run())
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _peak_mb()
    store.close()
    if profiler:
        profiler.dump_stats(args.profile)
    statuses = Counter(r.status for r in reports)
    errors = sorted({r.error for r in reports if r.error})[:3]
    detail = ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
    detail += f"; {sum(r.new_entries for r in reports)} new entries"
    detail += f", {sum(r.articles for r in reports)} articles stored"
    if errors:
        detail += f"; errors: {errors}"
    if stages:
        detail += "\n    synchronous stages, s (calls): " + ", ".join(
            f"{name}{' (nested)' if nested else ''} {total:.2f} ({int(calls)})"
            for name, (nested, (total, calls)) in stages.items()
            if calls
        )
        top = sum(total for nested, (total, _) in stages.values() if not nested)
        detail += f"; the rest (fetching, event loop, hashing): {wall - top:.2f}"
    if tracer:
        detail += "\n    " + tracer.report()
    return {"wall": wall, "cpu": cpu, "rss_before": before, "rss_peak": peak, "detail": detail}


# -- the orchestrator ----------------------------------------------------------------


def _control(port: int, **params: str) -> dict[str, Any]:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    url = f"http://127.0.0.1:{port}/_bench/{'set?' + query if params else 'stats'}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        return json.loads(resp.read())  # type: ignore[no-any-return]


def _measure(name: str, argv: list[str], port: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *argv]
    timeout = CHILD_TIMEOUT * (5 if "--trace-memory" in argv else 1)  # tracing is slow
    _control(port, reset="1")
    print(f"  {name} ...", end="", flush=True, file=sys.stderr)
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
        )
    except subprocess.TimeoutExpired:
        print(" timed out", file=sys.stderr)
        return {"name": name, "error": f"timed out after {timeout} s"}
    if done.returncode != 0 or not done.stdout.strip():
        print(" failed", file=sys.stderr)
        return {"name": name, "error": done.stderr.strip()[-2000:] or f"exit {done.returncode}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["name"] = name
    result["server"] = _control(port)["stats"]
    print(f" {result['wall']:.1f} s", file=sys.stderr)
    return result


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median wall and CPU time, highest peak RSS (each run's listed), over the
    repetitions of one variant."""
    good = [r for r in runs if "error" not in r]
    if len(good) < len(runs):
        return next(r for r in runs if "error" in r)
    out = dict(good[0])
    for key in ("wall", "cpu"):
        out[key] = statistics.median(r[key] for r in good)
        out[key + "_all"] = [round(r[key], 2) for r in good]
    out["rss_all"] = [round(r["rss_peak"]) for r in good]
    out["rss_peak"] = max(r["rss_peak"] for r in good)
    out["rss_before"] = max(r["rss_before"] for r in good)
    return out


def _provenance() -> str:
    def git(*argv: str) -> str:
        done = subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else "?"

    lines = git("status", "--porcelain", "--", "bot").splitlines()
    changed = [line[3:] for line in lines if not line.startswith("??")]
    new = len(lines) - len(changed)
    state = f" with uncommitted changes to {', '.join(changed)}" if changed else " (bot/ clean"
    state += f", {new} untracked files in bot/" if new else ""
    return f"sovai at {git('rev-parse', '--short', 'HEAD')}{state}{')' if not changed else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=49, help="127.0.0.2 onwards")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant (median)")
    parser.add_argument(
        "--backfill-feeds", type=int, default=0, help="also time backfill=True on this many feeds"
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile of each sovai run here")
    parser.add_argument(
        "--breakdown", action="store_true", help="time the synchronous stages of sovai runs"
    )
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument(
        "--trace-memory", action="store_true", help="tracemalloc the peak of sovai runs (slow)"
    )
    parser.add_argument("--child", choices=["naive", "sovai"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--fresh", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--backfill", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.hosts <= 253:
        parser.error("--hosts must be between 1 and 253")
    if not 1 <= args.repeat <= 10 or not 0 <= args.backfill_feeds <= args.feeds:
        parser.error("--repeat must be 1 to 10, --backfill-feeds 0 to --feeds")

    if args.child:
        result = child_naive(args) if args.child == "naive" else child_sovai(args)
        print(json.dumps(result))
        return

    started = time.perf_counter()
    ctx = mp.get_context("spawn")
    ours, theirs = ctx.Pipe()
    server = ctx.Process(target=serve, args=(theirs, args.feeds, args.items, args.hosts))
    server.start()
    results: list[dict[str, Any]] = []
    try:
        if not ours.poll(120):
            raise RuntimeError("the server did not start within 120 s")
        port = ours.recv()
        print(f"server ready on port {port} after {time.perf_counter() - started:.1f} s",
              file=sys.stderr)  # fmt: skip
        common = [f"--port={port}", f"--items={args.items}", f"--hosts={args.hosts}"]
        common.append(f"--concurrency={args.concurrency}")
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="sovai-bench-"))
        cold_db = tmp / "cold.db"

        def naive(name: str, phase: str) -> None:
            _control(port, phase=phase, articles="ok")
            runs = [
                _measure(name, ["naive", *common, f"--feeds={args.feeds}"], port)
                for _ in range(args.repeat)
            ]
            results.append(_summary(runs))

        def sovai(name: str, phase: str, articles: str, *extra: str, feeds: int = 0) -> None:
            _control(port, phase=phase, articles=articles)
            runs = []
            for i in range(args.repeat):
                db = tmp / f"run-{len(results)}-{i}.db"
                if "--fresh" not in extra:
                    shutil.copyfile(cold_db, db)  # the cold run closed its engine: no WAL
                argv = ["sovai", *common, f"--feeds={feeds or args.feeds}", f"--db={db}", *extra]
                if args.breakdown:
                    argv.append("--breakdown")
                if args.trace_memory:
                    argv.append("--trace-memory")
                if args.profile:
                    slug = "".join(c if c.isalnum() else "_" for c in name)
                    argv.append(f"--profile={args.profile / slug}-{i}.prof")
                runs.append(_measure(name, argv, port))
                if name == "sovai cold" and i == 0 and "error" not in runs[0]:
                    shutil.copyfile(db, cold_db)
                db.unlink(missing_ok=True)
            results.append(_summary(runs))

        try:
            if not args.skip_naive:
                naive("naive cold", "0")
            sovai("sovai cold", "0", "ok", "--fresh")
            if not args.skip_naive:
                naive("naive steady", "1")
            if cold_db.exists():
                sovai("sovai steady", "1", "ok")
                sovai("sovai steady, articles 404", "1", "404")
                sovai("sovai steady, nothing new", "2", "ok")
            if args.backfill_feeds:
                sovai(f"sovai cold, backfill {args.backfill_feeds} feeds", "0", "ok",
                      "--fresh", "--backfill", feeds=args.backfill_feeds)  # fmt: skip
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    finally:
        with contextlib.suppress(OSError):
            ours.send("stop")
        ours.close()
        server.join(timeout=10)
        if server.is_alive():
            server.terminate()
            server.join(timeout=5)

    _report(args, results, time.perf_counter() - started)


def _report(args: argparse.Namespace, results: list[dict[str, Any]], total: float) -> None:
    print(
        f"\n{args.feeds} feeds x {args.items} items on {args.hosts} loopback hosts, "
        f"concurrency {args.concurrency}, median of {args.repeat}; "
        f"python {platform.python_version()}, {os.cpu_count()} cores, "
        f"{datetime.now(UTC):%Y-%m-%d}; {_provenance()}; whole run {total:.0f} s"
    )
    print(f"{'run':<34} {'wall s':>7} {'cpu s':>7} {'peak RSS MB':>12} {'(before)':>9}")
    for r in results:
        if "error" in r:
            print(f"{r['name']:<34} FAILED: {r['error']}")
            continue
        print(
            f"{r['name']:<34} {r['wall']:>7.2f} {r['cpu']:>7.2f} {r['rss_peak']:>12.0f} "
            f"{r['rss_before']:>9.0f}"
        )
    by_name = {r["name"]: r for r in results if "error" not in r}
    ratios = [
        ("naive steady / sovai steady", "naive steady", "sovai steady"),
        ("naive steady / sovai steady, nothing new", "naive steady", "sovai steady, nothing new"),
        ("naive cold / sovai cold", "naive cold", "sovai cold"),
    ]
    print()
    for label, a, b in ratios:
        if a in by_name and b in by_name:
            print(f"{label}: wall x{by_name[a]['wall'] / by_name[b]['wall']:.2f}, "
                  f"cpu x{by_name[a]['cpu'] / by_name[b]['cpu']:.2f}")  # fmt: skip
    print()
    for r in results:
        if "error" not in r:
            server_stats = ", ".join(f"{k} {v}" for k, v in sorted(r["server"].items()))
            spread = (
                f" (wall {r['wall_all']}, cpu {r['cpu_all']}, peak RSS MB {r['rss_all']})"
                if args.repeat > 1
                else ""
            )
            print(f"{r['name']}: {r['detail']}{spread}\n    server: {server_stats}")


if __name__ == "__main__":
    main()
