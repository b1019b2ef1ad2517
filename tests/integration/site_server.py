"""A real HTTP server on 127.0.0.1 serving the fixture site: feeds and article pages.

It answers conditional GETs with 304 when the ETag matches, so tests see what a
well-behaved news site does, and it records every request path for assertions.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).parent.parent / "fixtures" / "site"
TYPES = {".xml": "application/rss+xml", ".html": "text/html; charset=utf-8"}
ROUTES = {
    "/feed.xml": "feed.xml",
    "/wire.xml": "wire.xml",
    "/wire/tokyo-supercomputer.html": "wire-copy.html",
    "/articles/japan-ai-cluster.html": "japan-ai-cluster.html",
    "/articles/football.html": "football.html",
    "/articles/paywalled.html": "paywalled.html",
    "/articles/india-mission.html": "india-mission.html",
    "/ja.xml": "ja.xml",
    "/ja/compute-budget.html": "ja-compute-budget.html",
    "/de/rechenzentren.html": "de-rechenzentren.html",
}
NEW_ITEM = """<item>
      <title>India widens its national AI compute programme</title>
      <link>http://127.0.0.1:PORT/articles/india-mission.html</link>
      <guid isPermaLink="false">desk-0004</guid>
      <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
    </item>"""


@dataclass
class Site:
    port: int
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    extra_items: list[str] = field(default_factory=list)  # published after the first poll

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            site.requests.append((path, self.headers.get("If-None-Match")))
            name = ROUTES.get(path)
            if name is None:
                self.send_error(404)
                return
            body = (SITE / name).read_bytes()
            if site.extra_items and name == "feed.xml":
                extra = "\n".join(site.extra_items).encode()
                body = body.replace(b"<item>", extra + b"\n    <item>", 1)
            body = body.replace(b"PORT", str(site.port).encode())
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", TYPES[Path(name).suffix])
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_site() -> Iterator[Site]:
    site = Site(port=0)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
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
