"""A "test web" on 127.0.0.1: well-behaved feeds and the ways real sites go wrong.

Every behaviour has its own path: RSS, Atom and JSON feeds with their article pages,
conditional GETs, rate limits, a server that drips a byte a second, a gzip bomb, a
redirect loop, redirects to private addresses, HTML and empty bodies, mislabelled
encodings, entity bombs and XXE, a feed whose GUIDs change on every fetch, a
paywalled article, and healthy but slow feeds. Every request is recorded (path and
headers) for assertions.

Every handler is bounded: sockets time out after a few seconds, the drip stops after
`DRIP_SECONDS` or as soon as the client goes away or the server is stopped, and the gzip
bomb is streamed from one repeated ~1 KB deflate block, never held whole in memory.
"""

from __future__ import annotations

import email.utils
import functools
import hashlib
import json
import struct
import threading
import traceback
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "ARTICLES",
    "DRIP_SECONDS",
    "ENCODED_SUMMARY",
    "ENCODED_TITLE",
    "PAYWALL_SUMMARY",
    "SECRET",
    "GzipBomb",
    "HostileWeb",
    "Request",
    "gzip_bomb",
    "serve_hostile_web",
]

DRIP_SECONDS = 30  # the drip gives up after this long even if nobody hangs up
SOCKET_TIMEOUT = 5.0  # no handler blocks longer than this on a single read or write
SECRET = "root:x:0:0:SECRET-FROM-THE-TEST-WEB:/root:/bin/sh"
RSS_TYPE = "application/rss+xml"

# Titles with characters that Windows-1252 and UTF-8 spell differently.
ENCODED_TITLE = "Ministers call the “sovereign AI” fund a €2 billion bet on Europe’s café start-ups"
ENCODED_SUMMARY = "Brussels says the “gigafactory” plan will cost €20 billion, décidément."
PAYWALL_SUMMARY = (
    "South Korea's science ministry is weighing a sovereign AI fund of 1.2 trillion won to "
    "buy GPUs for a national AI computing centre, officials said, as the government pushes "
    "for Korean-language models trained at home."
)

ARTICLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "nordic-compute": (
        "Nordic ministers agree to pool funds for a shared AI supercomputer",
        (
            "Digital ministers from Norway, Sweden, Finland, Denmark and Iceland agreed on "
            "Thursday to pool 400 million euros for a shared AI supercomputer, so that "
            "Nordic universities can train models in their own languages.",
            "The machine will be built in northern Finland, where hydropower is cheap, and is "
            "due to hold about 6,000 GPUs when it starts operating in 2028.",
            '"Our languages are small, but our data must stay ours," Finnish minister Aino '
            "Virtanen told reporters in Helsinki after the meeting.",
        ),
    ),
    "kenya-language-models": (
        "Kenya backs Swahili language models trained at home",
        (
            "Kenya's ICT ministry will fund a programme to train Swahili and Sheng language "
            "models on servers in Nairobi, officials said on Tuesday, as part of a national AI "
            "strategy meant to keep public data in the country.",
            "The ministry set aside 2.5 billion shillings for the first two years and will "
            "invite universities and start-ups to apply for compute time.",
            "Officials said the models would first be used for health hotlines and for "
            "agricultural advice sent by text message to farmers.",
        ),
    ),
    "brazil-data-centre": (
        "Brazil opens a public AI data centre in Campinas",
        (
            "Brazil's science ministry opened a public AI data centre in Campinas on Monday, "
            "the first step of a plan to give Brazilian researchers compute that does not "
            "depend on foreign cloud providers.",
            "The centre holds 1,500 GPUs and will double in size next year, the ministry said, "
            "with 1.1 billion reais budgeted until 2028.",
            "Portuguese-language models for public services will be trained there first, "
            "starting with a model for the federal courts.",
        ),
    ),
    "canada-chips": (
        "Canada sets aside money for domestic AI chips",
        (
            "Canada will spend 900 million Canadian dollars on domestic AI chip design and "
            "packaging, the innovation minister said in Ottawa on Wednesday, part of a "
            "sovereign compute strategy announced last spring.",
            "Grants will go to companies that design accelerators in Canada, and a public test "
            "facility for advanced packaging will open in Bromont, Quebec.",
            "The minister said the country could not rely on a handful of foreign suppliers "
            "for the chips that run its public AI services.",
        ),
    ),
    "france-open-models": (
        "France funds open-weight models for public services",
        (
            "France will fund open-weight language models for its public services, the "
            "digital ministry said on Friday, with 250 million euros over three years and "
            "compute on the national Jean Zay supercomputer.",
            "The models will be published with their weights so that local governments and "
            "hospitals can run them on their own servers without sending data abroad.",
            "A first model for administrative French is due before the end of next year.",
        ),
    ),
    "indonesia-cloud": (
        "Indonesia requires government AI workloads to stay in the country",
        (
            "Indonesia will require ministries to run AI workloads in data centres on "
            "Indonesian soil, the communications ministry said on Thursday, in a regulation "
            "that takes effect in January.",
            "Foreign cloud providers may still serve government agencies, but only from "
            "local regions and with encryption keys held by an Indonesian operator.",
            "The ministry said 14 data centres in Jakarta and Batam already meet the rules.",
        ),
    ),
    "rot-a": (
        "Chile launches a national AI compute fund for universities",
        (
            "Chile's science ministry launched a national compute fund on Monday that will "
            "pay for GPU time for universities training Spanish-language models, part of a "
            "plan to keep research data in the country.",
            "The fund starts with 40 billion pesos, and the first calls for proposals open "
            "next month, the ministry said in Santiago.",
            "Officials said a shared cluster in the Atacama region would follow in 2028.",
        ),
    ),
    "rot-b": (
        "Vietnam plans a state-run cloud for public AI services",
        (
            "Vietnam plans a state-run cloud for public AI services, the information ministry "
            "said on Wednesday, so that Vietnamese-language models for ministries and "
            "provinces run on servers inside the country.",
            "The first phase will cost about 3 trillion dong and connect data centres in Hanoi "
            "and Ho Chi Minh City by the end of next year.",
            "Private providers will be able to rent capacity on the state cloud, officials said.",
        ),
    ),
    "xxe-page": (
        "Singapore opens a sovereign AI testing lab",
        (
            "Singapore opened a national lab on Tuesday to test AI models used by government "
            "agencies for safety and for how well they handle the city-state's languages, "
            "the digital development ministry said.",
            "The lab has a budget of 70 million Singapore dollars over five years and will "
            "publish its test suites for companies to use.",
            "Officials said models that pass the tests could be deployed across ministries "
            "from the second half of next year.",
        ),
    ),
}


@dataclass(frozen=True)
class Request:
    path: str
    query: str
    headers: dict[str, str]  # lower-case names


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    link: str | None
    summary: str
    published: str = "Mon, 23 Nov 2026 06:00:00 GMT"


@dataclass(frozen=True)
class GzipBomb:
    """A valid gzip stream of `decoded_size` bytes, served as head + block * repeats + tail."""

    head: bytes
    block: bytes
    repeats: int
    tail: bytes
    decoded_size: int

    @property
    def wire_size(self) -> int:
        return len(self.head) + len(self.block) * self.repeats + len(self.tail)

    def chunks(self, per_chunk: int = 64) -> Iterator[bytes]:
        yield self.head
        left = self.repeats
        while left > 0:
            n = min(per_chunk, left)
            yield self.block * n
            left -= n
        yield self.tail


@functools.cache
def gzip_bomb(mebibytes: int = 1024) -> GzipBomb:
    """A gzip body that inflates to `mebibytes` MiB (plus a short RSS prefix) of zeros.

    After a full flush deflate starts afresh, so compressing another MiB of zeros gives the
    very same bytes each time: the stream is one such block repeated, and only the CRC of
    the whole (computed over a 1 MiB buffer, reused) has to be worked out. Deflate cannot
    do better than about 1032:1, so 1 GiB costs about 1 MiB on the wire.
    """
    prefix = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>'
    zeros = bytes(1 << 20)
    z = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip header and trailer
    head = z.compress(prefix) + z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH)
    block = z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH)
    if z.compress(zeros) + z.flush(zlib.Z_FULL_FLUSH) != block:
        raise RuntimeError("deflate blocks after a full flush are not repeatable here")
    crc = zlib.crc32(prefix)
    for _ in range(mebibytes):
        crc = zlib.crc32(zeros, crc)
    size = len(prefix) + mebibytes * len(zeros)
    tail = b"\x03\x00" + struct.pack("<II", crc, size & 0xFFFFFFFF)  # empty final block
    return GzipBomb(head, block, mebibytes - 1, tail, size)


def _rss(title: str, items: list[Item], *, encoding: str = "utf-8", doctype: str = "") -> str:
    body = "".join(
        f"""
    <item>
      <title>{escape(i.title, quote=False)}</title>
      {f"<link>{escape(i.link)}</link>" if i.link else ""}
      <guid isPermaLink="false">{escape(i.guid)}</guid>
      <pubDate>{i.published}</pubDate>
      <description>{escape(i.summary, quote=False)}</description>
    </item>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="{encoding}"?>{doctype}
<rss version="2.0">
  <channel>
    <title>{escape(title, quote=False)}</title>
    <link>http://127.0.0.1/</link>
    <description>Fixture feed of the hostile test web</description>{body}
  </channel>
</rss>
"""


def _atom(title: str, items: list[Item]) -> str:
    body = "".join(
        f"""
  <entry>
    <id>{escape(i.guid)}</id>
    <title>{escape(i.title, quote=False)}</title>
    <link rel="alternate" href="{escape(i.link or "")}"/>
    <updated>2026-11-23T06:00:00Z</updated>
    <summary type="html">{escape(f"<p>{i.summary}</p>", quote=False)}</summary>
  </entry>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{escape(title, quote=False)}</title>
  <id>urn:hostile-web:atom</id>
  <updated>2026-11-23T06:00:00Z</updated>{body}
</feed>
"""


def _json_feed(title: str, items: list[Item]) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "items": [
                {
                    "id": i.guid,
                    "url": i.link,
                    "title": i.title,
                    "content_html": f"<p>{escape(i.summary)}</p>",
                    "date_published": "2026-11-23T06:00:00Z",
                }
                for i in items
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def _article_page(title: str, paragraphs: tuple[str, ...], doctype: str = "<!DOCTYPE html>") -> str:
    paras = "\n".join(f"    <p>{escape(p)}</p>" for p in paragraphs)
    return f"""{doctype}
<html lang="en">
<head><meta charset="utf-8"><title>{escape(title)} | Hostile Web Wire</title></head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
  <article>
    <h1>{escape(title)}</h1>
{paras}
  </article>
  <footer>© Hostile Web Wire. All rights reserved.</footer>
</body>
</html>
"""


PAYWALL_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Subscribe to continue</title></head>
<body>
  <div class="paywall"><p>Subscribe to continue reading.</p></div>
  <script>window.paywall = true;</script>
</body>
</html>
"""

HTML_HOME = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Hostile Web Wire: home</title></head>
<body><h1>Latest news</h1><ul><li><a href="/articles/canada-chips.html">Chips</a></li></ul>
</body>
</html>
"""


def _items(base: str, prefix: str, slugs: list[str]) -> list[Item]:
    return [
        Item(
            guid=f"{prefix}-{n}",
            title=ARTICLES[slug][0],
            link=f"{base}/articles/{slug}.html",
            summary=ARTICLES[slug][1][0][:140],
        )
        for n, slug in enumerate(slugs, 1)
    ]


def _billion_laughs() -> str:
    entities = ['  <!ENTITY lol "lol">']
    for n in range(1, 10):
        previous = f"&lol{n - 1};" if n > 1 else "&lol;"
        entities.append(f'  <!ENTITY lol{n} "{previous * 10}">')
    doctype = "\n<!DOCTYPE rss [\n" + "\n".join(entities) + "\n]>"
    items = [Item("laughs-1", "Laughing matter &lol9;", None, "A summary: &lol9;")]
    # The entity references must reach the parser unescaped.
    return _rss("Laughs &lol9;", items, doctype=doctype).replace("&amp;lol9;", "&lol9;")


def _xxe(base: str) -> str:
    doctype = f"""
<!DOCTYPE rss [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "{base}/secret?general">
  <!ENTITY % param SYSTEM "{base}/secret?parameter">
  %param;
]>"""
    items = [
        Item("xxe-1", "Leaked: &passwd;", f"{base}/articles/xxe-page.html", "Remote: &remote;"),
        Item("xxe-2", "Singapore story", None, "Passwd in the summary: &passwd;"),
    ]
    text = _rss("XXE &remote;", items, doctype=doctype)
    for name in ("passwd", "remote"):
        text = text.replace(f"&amp;{name};", f"&{name};")
    return text


def _xxe_page(base: str) -> str:
    doctype = f"""<!DOCTYPE html [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "{base}/secret?article">
]>"""
    title, paras = ARTICLES["xxe-page"]
    page = _article_page(title, (*paras, "Appendix: &passwd; &remote;"), doctype)
    return page.replace("&amp;passwd;", "&passwd;").replace("&amp;remote;", "&remote;")


def _encoded(encoding: str, declared: str, bom: bytes = b"") -> bytes:
    items = [Item("enc-1", ENCODED_TITLE, None, ENCODED_SUMMARY)]
    return bom + _rss(f"Café desk ({declared})", items, encoding=declared).encode(encoding)


def _static(port: int) -> dict[str, tuple[bytes, str]]:
    """The documents that never change, by path: (body, content type)."""
    base = f"http://127.0.0.1:{port}"
    html = "text/html; charset=utf-8"
    rss = _items(base, "rss", ["nordic-compute", "kenya-language-models"])
    atom = _items(base, "tag:hostile-web,2026:atom", ["brazil-data-centre", "canada-chips"])
    jsf = _items(base, "json", ["france-open-models", "indonesia-cloud"])
    paywalled = Item(
        "pay-1", "Seoul weighs a sovereign AI fund", f"{base}/articles/paywalled.html",
        PAYWALL_SUMMARY,
    )  # fmt: skip
    bom_json = _json_feed(
        "Café desk (JSON, BOM)", [Item("enc-json-1", ENCODED_TITLE, None, ENCODED_SUMMARY)]
    )
    docs: dict[str, tuple[bytes, str]] = {
        "/rss.xml": (_rss("Hostile Web Wire (RSS)", rss).encode(), RSS_TYPE),
        "/atom.xml": (_atom("Hostile Web Wire (Atom)", atom).encode(), "application/atom+xml"),
        "/feed.json": (
            _json_feed("Hostile Web Wire (JSON)", jsf).encode(),
            "application/feed+json",
        ),
        "/page.html": (HTML_HOME.encode(), html),
        "/empty.xml": (b"", RSS_TYPE),
        "/enc/windows-1252.xml": (_encoded("cp1252", "windows-1252"), RSS_TYPE),
        "/enc/mislabelled.xml": (_encoded("cp1252", "utf-8"), RSS_TYPE),
        "/enc/bom.xml": (_encoded("utf-8", "utf-8", b"\xef\xbb\xbf"), RSS_TYPE),
        "/enc/bom.json": (b"\xef\xbb\xbf" + bom_json.encode(), "application/feed+json"),
        "/billion-laughs.xml": (_billion_laughs().encode(), RSS_TYPE),
        "/xxe.xml": (_xxe(base).encode(), RSS_TYPE),
        "/paywall-feed.xml": (_rss("Paywalled Desk", [paywalled]).encode(), RSS_TYPE),
        "/articles/paywalled.html": (PAYWALL_PAGE.encode(), html),
        "/articles/xxe-page.html": (_xxe_page(base).encode(), html),
        "/secret": (SECRET.encode(), "text/plain"),
    }
    for slug, (title, paragraphs) in ARTICLES.items():
        docs.setdefault(f"/articles/{slug}.html", (_article_page(title, paragraphs).encode(), html))
    return docs


@dataclass
class HostileWeb:
    port: int = 0
    requests: list[Request] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # exceptions escaping a handler
    stop: threading.Event = field(default_factory=threading.Event)
    public_name: str = "public.test"  # how the guarded feed names this server
    static: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _served: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def next_serial(self, path: str) -> int:
        with self._lock:
            self._served[path] += 1
            return self._served[path]

    def rotating_feed(self, serial: int, tracking: bool) -> bytes:
        """The same two links every time, but new GUIDs (and new bytes) on every fetch."""
        items = []
        for slug in ("rot-a", "rot-b"):
            link = self.url(f"/articles/{slug}.html")
            if tracking:
                link += f"?utm_source=rss&utm_campaign=fetch{serial}"
            items.append(Item(f"{slug}-{serial}", ARTICLES[slug][0], link, "Rotating summary."))
        return _rss(f"Rotating GUIDs, fetch {serial}", items).encode()

    def guarded_feed(self) -> bytes:
        """A feed served under a public name whose links point at private addresses."""
        base = f"http://{self.public_name}:{self.port}"
        metadata = "http://169.254.169.254/latest/meta-data/"
        items = [
            Item("priv-1", "Internal report", "http://10.0.0.5/internal/report.html", "Text one."),
            Item("priv-2", "Metadata via a click", f"{base}/click?url={metadata}", "Text two."),
            Item("priv-3", "Intranet wiki", "http://intranet.test/wiki/", "Text three."),
        ]
        return _rss("Guarded desk", items).encode()


_Handler = Callable[[BaseHTTPRequestHandler, HostileWeb, dict[str, list[str]]], None]


def _send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _status(code: int) -> _Handler:
    def handle(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
        headers = {}
        if code == 429:
            headers["Retry-After"] = "7200"
        elif code == 503:
            when = datetime.now(UTC) + timedelta(hours=3)
            headers["Retry-After"] = email.utils.format_datetime(when, usegmt=True)
        _send(h, code, f"status {code}\n".encode(), "text/plain", headers)

    return handle


def _drip(headers_too: bool) -> _Handler:
    """One byte a second until the client hangs up, the server stops or DRIP_SECONDS pass."""

    def handle(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
        feed = _rss("Drip", _items(web.url(""), "drip", ["canada-chips"])).encode()
        head = f"HTTP/1.0 200 OK\r\nContent-Type: {RSS_TYPE}\r\n\r\n".encode()
        if not headers_too:
            h.wfile.write(head)
            data = feed
        else:
            data = head + feed
        for n in range(DRIP_SECONDS):
            h.wfile.write(data[n % len(data) : n % len(data) + 1])
            if web.stop.wait(1.0):
                return

    return handle


def _bomb(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    bomb = gzip_bomb()
    h.send_response(200)
    h.send_header("Content-Type", RSS_TYPE)
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(bomb.wire_size))
    h.end_headers()
    for chunk in bomb.chunks():
        if web.stop.is_set():
            return
        h.wfile.write(chunk)


def _loop(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    _send(h, 302, headers={"Location": "/loop"})


def _redirect(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    """/redirect-to-private?to=URL and /click?url=URL: a 302 to wherever the query says."""
    target = (q.get("to") or q.get("url") or ["/"])[0]
    _send(h, 302, headers={"Location": target})


def _rotating(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    # No ETag and no Last-Modified: the poller has to fetch and parse it every time.
    serial = web.next_serial("/rotating.xml")
    _send(h, 200, web.rotating_feed(serial, tracking="tracking" in q), RSS_TYPE)


def _guarded(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    _send(h, 200, web.guarded_feed(), RSS_TYPE)


def _slow(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    """/slow.xml?n=N&delay=S: a healthy but slow feed, answering after S seconds (max 5)."""
    n = (q.get("n") or ["0"])[0]
    delay = min(float((q.get("delay") or ["0.5"])[0]), 5.0)
    if web.stop.wait(delay):
        return
    item = Item(f"slow-{n}", f"Slow desk item {n}", None, f"Slow desk summary {n}.")
    _send(h, 200, _rss(f"Slow desk {n}", [item]).encode(), RSS_TYPE)


def _slow_redirect(h: BaseHTTPRequestHandler, web: HostileWeb, q: dict[str, list[str]]) -> None:
    """/slow-redirect?hop=N: waits 0.8 s, then redirects to hop N + 1 (a slow chain)."""
    hop = int((q.get("hop") or ["0"])[0])
    if web.stop.wait(0.8):
        return
    _send(h, 302, headers={"Location": f"/slow-redirect?hop={hop + 1}"})


DYNAMIC: dict[str, _Handler] = {
    "/status/429": _status(429),
    "/status/503": _status(503),
    "/status/500": _status(500),
    "/drip/body.xml": _drip(headers_too=False),
    "/drip/headers.xml": _drip(headers_too=True),
    "/bomb.xml": _bomb,
    "/loop": _loop,
    "/redirect-to-private": _redirect,
    "/click": _redirect,
    "/rotating.xml": _rotating,
    "/guarded-feed.xml": _guarded,
    "/slow.xml": _slow,
    "/slow-redirect": _slow_redirect,
}


def _handler_class(web: HostileWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = SOCKET_TIMEOUT  # socket timeout for every read and write

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            web.requests.append(Request(parts.path, parts.query, headers))
            try:
                self._route(parts.path, parse_qs(parts.query, keep_blank_values=True))
            except OSError:  # the client hung up or stalled: that is its right
                self.close_connection = True

        def _route(self, path: str, query: dict[str, list[str]]) -> None:
            dynamic = DYNAMIC.get(path)
            if dynamic is not None:
                dynamic(self, web, query)
                return
            if path not in web.static:
                _send(self, 404, b"not found\n", "text/plain")
                return
            body, content_type = web.static[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                _send(self, 304, headers={"ETag": etag})
                return
            _send(self, 200, body, content_type, {"ETag": etag})

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    web: HostileWeb

    def handle_error(self, request: Any, client_address: Any) -> None:
        self.web.errors.append(traceback.format_exc())


@contextmanager
def serve_hostile_web() -> Iterator[HostileWeb]:
    """Run the test web in a thread on 127.0.0.1 (an ephemeral port) until the block ends."""
    gzip_bomb()  # built once per process, before any test measures memory
    web = HostileWeb()
    server = _Server(("127.0.0.1", 0), _handler_class(web))
    server.web = web
    web.port = server.server_address[1]
    web.static = _static(web.port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield web
    finally:
        web.stop.set()  # ends the drip and the bomb at their next step
        server.shutdown()
        server.server_close()  # joins the handler threads, each bounded as above
        thread.join(timeout=5)
