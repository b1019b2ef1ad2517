"""A real HTTP server on 127.0.0.1 whose feed a test rewrites between polls.

`/feed.xml` serves `FeedSite.feed` (an RSS document built by `rss`); `/a/N.html` serves
an article page with a long paragraph about item N. An article request can be held
until the test lets it go (`hold_articles` / `release`), so a test can do something
(take a database lock) at the exact point between storing a poll's entries and saving
their articles. Every request path is recorded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOLD_LIMIT = 30.0  # seconds a held article request waits at most

PARAGRAPH = (
    "Kenya will build a national AI supercomputer with 2,000 GPUs, the ministry of "
    "information said, as the government funds sovereign AI compute for local-language "
    "models and public research. "
)


@dataclass
class FeedSite:
    port: int = 0
    feed: bytes = b""
    article_repeat: int = 3  # paragraphs per article page: a test may want big articles
    requests: list[str] = field(default_factory=list)
    held: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)
    article_requested: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hold_articles(self) -> None:
        self.released.clear()
        self.held.set()

    def release(self) -> None:
        self.released.set()
        self.held.clear()


def rss(site: FeedSite, numbers: Iterable[int], *, links: bool = True) -> bytes:
    """An RSS document with one item per number, newest (highest) first; items link to
    `/a/N.html` on the site, or carry only a title when `links` is false."""
    parts = []
    for n in sorted(numbers, reverse=True):
        link = f"<link>{site.url(f'/a/{n}.html')}</link>" if links else ""
        parts.append(f"<item><title>Kenya AI item {n}</title>{link}<guid>item-{n}</guid></item>")
    items = "".join(parts)
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        f"{items}</channel></rss>"
    ).encode()


def _article(n: str, repeat: int) -> bytes:
    body = "".join(f"<p>{PARAGRAPH} Item {n}, part {i}.</p>" for i in range(repeat))
    return (
        f"<html><head><title>Kenya AI item {n}</title></head><body><article>"
        f"<h1>Kenya AI item {n}</h1>{body}</article></body></html>"
    ).encode()


def _handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            site.requests.append(path)
            if path == "/feed.xml":
                self._send(site.feed, "application/rss+xml")
            elif path.startswith("/a/") and path.endswith(".html"):
                site.article_requested.set()
                if site.held.is_set():
                    site.released.wait(HOLD_LIMIT)
                self._send(_article(path[3:-5], site.article_repeat), "text/html")
            else:
                self.send_error(404)

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_feed() -> Iterator[FeedSite]:
    site = FeedSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        site.release()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
