"""A real HTTP server on 127.0.0.1 with many feeds, counting the feed requests it saw.

`/feeds/N.xml` is feed N: `items` items linking to `/a/N-I.html`, whose pages answer
after `article_delay` seconds (articles slower than feeds, as on the web, so fetched
feeds would pile up in front of the article work unless the poller bounds them). The
count of feed requests is taken as each arrives, so a test can compare it with the
polls finished at any moment: the difference is how many feeds are in flight.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.integration.feed_server import PARAGRAPH

MAX_DELAY = 2.0  # seconds an article answer may be held at most


@dataclass
class ManyFeeds:
    feeds: int
    items: int
    article_delay: float = 0.0
    port: int = 0
    feed_requests: int = 0
    articles: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, feed: int) -> str:
        return f"http://127.0.0.1:{self.port}/feeds/{feed}.xml"

    def feed_xml(self, feed: int) -> bytes:
        items = "".join(
            f"<item><title>Kenya compute plan {feed}-{i}</title>"
            f"<link>http://127.0.0.1:{self.port}/a/{feed}-{i}.html</link>"
            f"<guid>item-{feed}-{i}</guid></item>"
            for i in range(self.items)
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            f"<title>Desk {feed}</title>{items}</channel></rss>"
        ).encode()


def _article(name: str) -> bytes:
    body = "".join(f"<p>{PARAGRAPH} Plan {name}, section {i}.</p>" for i in range(3))
    return (
        f"<html><head><title>Kenya compute plan {name}</title></head><body><article>"
        f"<h1>Kenya compute plan {name}</h1>{body}</article></body></html>"
    ).encode()


def _handler(site: ManyFeeds) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path.startswith("/feeds/") and path.endswith(".xml"):
                with site.lock:
                    site.feed_requests += 1
                self._send(site.feed_xml(int(path[7:-4])), "application/rss+xml")
            elif path.startswith("/a/") and path.endswith(".html"):
                with site.lock:
                    site.articles[path] += 1
                time.sleep(min(site.article_delay, MAX_DELAY))
                self._send(_article(path[3:-5]), "text/html")
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
def serve_many_feeds(feeds: int, items: int, article_delay: float = 0.0) -> Iterator[ManyFeeds]:
    site = ManyFeeds(feeds, items, article_delay)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
