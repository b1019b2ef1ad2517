"""The demo's news site: the bundled feed and article pages, served on 127.0.0.1.

`sovai demo` polls this site through the same fetcher, parser and reader as any real
feed, so what it prints is what the bot would post. The site is package data
(bot/demo/site/); the feed's item dates are written relative to the moment it is
served (`@HOURS_AGO_n@`), so the stories always fall in today's digest window.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files

__all__ = ["FEED_PATH", "serve_demo_site", "site_pages"]

FEED_PATH = "/feed.xml"
_TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8"}
_HOURS_AGO = re.compile(rb"@HOURS_AGO_(\d{1,3})@")


def site_pages() -> dict[str, bytes]:
    """Every page of the bundled site by its URL path: the feed and each article."""
    root = files("bot.demo").joinpath("site")
    pages = {FEED_PATH: root.joinpath("feed.xml").read_bytes()}
    for page in root.joinpath("articles").iterdir():
        if page.name.endswith(".html"):
            pages[f"/articles/{page.name}"] = page.read_bytes()
    return pages


def _filled(body: bytes, origin: str, now: datetime) -> bytes:
    """The page with this server's origin and the feed's dates filled in."""

    def date(match: re.Match[bytes]) -> bytes:
        when = now - timedelta(hours=int(match.group(1)))
        return format_datetime(when, usegmt=True).encode()

    return _HOURS_AGO.sub(date, body.replace(b"ORIGIN", origin.encode()))


def _handler(pages: Mapping[str, bytes]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path.split("?", 1)[0])
            if body is None:
                self.send_error(404)
                return
            suffix = self.path.split("?", 1)[0].rsplit(".", 1)[-1]
            self.send_response(200)
            self.send_header("Content-Type", _TYPES[f".{suffix}"])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the demo prints what it polled; the access log would only clutter that

    return Handler


@contextmanager
def serve_demo_site(now: datetime) -> Iterator[str]:
    """Serve the site on a free port of 127.0.0.1 until the block ends; yields its origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    pages = {path: _filled(body, origin, now) for path, body in site_pages().items()}
    server.RequestHandlerClass = _handler(pages)
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield origin
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
