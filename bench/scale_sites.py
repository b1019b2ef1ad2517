"""The scale benchmark's web: generated feeds and articles served on loopback hosts.

One threaded HTTP server per loopback address (127.0.0.2 … 127.0.0.17), so per-host
politeness spreads as it does over real sites. `/f/N.xml` is feed N (an RSS channel of
`items` items, the same on every request), `/a/N-K.html` its K-th article: a few
paragraphs in which a country plans sovereign-AI spending, so each article is analysed,
found relevant and yields ledger claims, as real news does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["HOSTS", "article_page", "sites", "write_config"]

HOSTS = [f"127.0.0.{n}" for n in range(2, 18)]
COUNTRIES = ["Kenya", "Japan", "India", "France", "Brazil", "Canada", "Korea", "Nigeria"]


def article_page(name: str) -> bytes:
    n = sum(map(ord, name))
    country = COUNTRIES[n % len(COUNTRIES)]
    body = "".join(
        f"<p>{country} will spend {n % 90 + 10} billion on sovereign AI compute, minister "
        f"Amina Okafor said of plan {name}, part {i}: {n * (i + 3)} GPUs for local-language "
        "models and public research by 2028.</p>"
        for i in range(4)
    )
    page = f"<html><body><article><h1>{country} AI plan {name}</h1>{body}</article></body></html>"
    return page.encode()


def _feed(host: str, feed: str, items: int) -> bytes:
    rows = "".join(
        f"<item><title>AI plan {feed}-{k}</title><link>{host}/a/{feed}-{k}.html</link>"
        f"<guid>{feed}-{k}</guid></item>"
        for k in range(items)
    )
    channel = f"<channel><title>F{feed}</title>{rows}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def _handler(items: int) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = f"http://{self.headers['Host']}"
            if self.path.startswith("/f/"):
                body = _feed(host, self.path[3:].removesuffix(".xml"), items)
                kind = "application/rss+xml"
            else:
                body, kind = article_page(self.path[3:].removesuffix(".html")), "text/html"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def sites(items: int) -> Iterator[list[str]]:
    """One server per loopback host, serving feeds of `items` items; yields their base URLs."""
    servers = [ThreadingHTTPServer((host, 0), _handler(items)) for host in HOSTS]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def write_config(folder: Path, database: str, bases: list[str], feeds: int) -> Path:
    """`sovai.yaml` following `feeds` feeds spread over the hosts, on `database`."""
    lines = [f"  - {{url: '{bases[n % len(bases)]}/f/{n}.xml'}}" for n in range(feeds)]
    path = folder / "sovai.yaml"
    path.write_text(
        f"database: {database}\nfetch: {{allow_private_networks: true, timeout: 30}}\n"
        + ("feeds:\n" + "\n".join(lines) + "\n" if lines else ""),
        encoding="utf-8",
    )
    return path
