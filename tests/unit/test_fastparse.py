"""The lxml fast path against parse_feed's feedparser path (the oracle), feed by feed.

Every fixture is parsed both ways: whenever `fast_parse` gives a result, it must equal
feedparser's exactly. Fixtures with `fast=True` must take the fast path; those with
`fast=False` document a case where the fast path deliberately steps aside (returns None,
so that parse_feed uses feedparser). The oracle is parse_feed with the fast path patched
out, so these tests keep their meaning once parse_feed calls fast_parse.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from bot.feeds import fastparse
from bot.feeds import parse as parse_module
from bot.feeds.fastparse import fast_parse
from bot.feeds.feed_text import reader_text
from bot.feeds.parse import ParsedFeed, parse_feed


def _no_fast_path(*_args: object, **_kwargs: object) -> None:
    return None


@contextmanager
def _feedparser_only() -> Iterator[None]:
    """parse_feed with the fast path switched off, however parse_feed calls it."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(fastparse, "fast_parse", _no_fast_path))
        if hasattr(parse_module, "fast_parse"):
            stack.enter_context(mock.patch.object(parse_module, "fast_parse", _no_fast_path))
        yield


def feedparser_result(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    with (
        _feedparser_only(),
        mock.patch.object(feedparser, "parse", wraps=feedparser.parse) as feedparser_parse,
    ):
        result = parse_feed(body, headers)
    assert feedparser_parse.called, "the oracle must be feedparser"
    return result


def differential(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed | None:
    """fast_parse's result, after checking that it is feedparser's (when there is one)."""
    fast = fast_parse(body, headers)
    if fast is not None:
        assert fast == feedparser_result(body, headers)
    return fast


# -- fixtures --------------------------------------------------------------------------------

NS = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:media="http://search.yahoo.com/mrss/"'
)


def rss(items: str, channel: str = "<title>Desk</title>", decl: str = "utf-8") -> bytes:
    head = f'<?xml version="1.0" encoding="{decl}"?>\n' if decl else ""
    doc = f'{head}<rss version="2.0" {NS}><channel>{channel}{items}</channel></rss>'
    return doc.encode(decl or "utf-8")


def atom(entries: str, feed: str = "<title>Atom desk</title><id>urn:feed</id>") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">'
        f"{feed}{entries}</feed>"
    ).encode()


def rdf(items: str, channel: str = "<title>RDF desk</title><link>http://e.org/</link>") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f'<channel rdf:about="http://e.org/">{channel}'
        '<items><rdf:Seq><rdf:li rdf:resource="http://e.org/1"/></rdf:Seq></items></channel>'
        f"{items}</rdf:RDF>"
    ).encode()


DATE = "<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>"


def bench_like_feed(items: int = 50) -> bytes:
    """The shape of bench/poll.py's feeds: 50 items of about 1 KB, newest first."""
    words = ["sovereign", "cloud", "data", "centre", "national", "model", "compute", "€", "¥",
             "grid", "budget"]  # fmt: skip
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">\n<channel>\n'
        "<title>Bench Desk 7</title>\n<link>http://127.0.0.9:8000/</link>\n"
        "<description>Generated feed 7</description>\n<language>en</language>\n"
    ]
    for i in range(items, 0, -1):
        text = " ".join(words[(i * k) % len(words)] for k in range(120))
        parts.append(
            f"<item>\n<title>Japan weighs a national AI supercomputer (7-{i})</title>\n"
            f"<link>http://127.0.0.9:8000/articles/7/{i}.html</link>\n"
            f'<guid isPermaLink="false">bench-7-{i}</guid>\n'
            f"<pubDate>Mon, 02 Mar 2026 {i % 24:02d}:00:00 GMT</pubDate>\n"
            f"<description>{text} &amp; more</description>\n</item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts).encode()


FEED_FIXTURES = sorted(
    (Path(__file__).resolve().parent.parent / "fixtures" / "feeds").glob("*.xml")
)


@dataclass(frozen=True)
class Case:
    name: str
    body: bytes
    fast: bool  # True: must take the fast path; False: must step aside
    headers: Mapping[str, str] | None = None


CASES = [
    # -- RSS 2.0: identity, links, guids ---------------------------------------------------
    Case("bench-like 50-item feed", bench_like_feed(), True),
    Case(
        "guid, no guid, title only",
        rss(
            "<item><title>  One\n story </title><link>https://e.org/1</link><guid>g-1</guid>"
            f"{DATE}<description>&lt;p&gt;Some &lt;b&gt;bold&lt;/b&gt; text&lt;/p&gt;"
            "</description></item>"
            "<item><title>No guid</title><link>https://e.org/2</link></item>"
            f"<item><title>Only a title</title>{DATE}</item><item><category>x</category></item>"
        ),
        True,
    ),
    Case(
        "permalink guids stand in for links, isPermaLink is case-sensitive",
        rss(
            "<item><title>a</title><guid>https://e.org/p1</guid></item>"
            '<item><title>b</title><guid isPermaLink="true">https://e.org/p2</guid></item>'
            '<item><title>c</title><guid isPermaLink="false">https://e.org/p3</guid></item>'
            '<item><title>d</title><guid isPermaLink="True">https://e.org/p4</guid></item>'
            '<item><title>e</title><guid ispermalink="false">x</guid></item>'
        ),
        True,
    ),
    Case(
        "link before and after the guid, empty link, several links (the last wins)",
        rss(
            "<item><link>https://e.org/first</link><guid>https://e.org/g1</guid></item>"
            "<item><guid>https://e.org/g2</guid><link>https://e.org/after</link></item>"
            "<item><title>t</title><guid>https://e.org/g3</guid><link></link></item>"
            "<item><link>https://e.org/a</link><link>https://e.org/b</link></item>"
            "<item><guid></guid><link>https://e.org/empty-guid</link></item>"
        ),
        True,
    ),
    Case(
        "odd links: relative, extra slashes, query strings, white space",
        rss(
            "<item><link>/articles/1</link></item>"
            "<item><link>http:///e.org/slashes</link></item>"
            "<item><link>  https://e.org/?a=1&amp;b=2  </link></item>"
            "<item><link>https://e.org/?a=1&amp;amp;b=2&amp;c;d</link></item>"
            "<item><guid>http:////e.org/guid-slashes</guid></item>"
            '<item><guid isPermaLink="false">http:///kept</guid></item>'
        ),
        True,
    ),
    Case(
        "long keys are cut to 1,024 characters",
        rss(f"<item><guid>{'k' * 2000}</guid></item>"),
        True,
    ),
    Case("a feed with no items", rss("", "<title>Empty</title><ttl>30</ttl>"), True),
    Case("a feed with no title", rss("<item><title>x</title></item>", ""), True),
    # -- titles ----------------------------------------------------------------------------
    Case(
        "titles with entities, CDATA, escaped markup that feedparser sanitizes",
        rss(
            "<item><title>AT&amp;T &lt; Verizon</title></item>"
            "<item><title>&lt;b&gt;Bold&lt;/b&gt; move</title></item>"
            "<item><title>Tom &amp;amp; Jerry</title></item>"
            "<item><title><![CDATA[<em>Cdata</em> & friends]]></title></item>"
            "<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Hi</title></item>"
            "<item><title>Use the &lt;br&gt; tag</title></item>"
            "<item><title>Caf\u00e9 \u65e5\u672c \U0001f600 \u00a0spaced</title></item>"
            "<item><title>a<!-- hidden -->b</title></item>"
            "<item><title/></item>"
        ),
        True,
    ),
    Case(
        "text that feedparser repairs: UTF-8 read as Latin-1, C1 controls as cp1252",
        rss(
            "<item><title>Caf\u00c3\u00a9 cr\u00c3\u00a8me</title><guid>g1</guid></item>"
            "<item><title>\u0093quoted\u0094 \u0096 dash</title><guid>g2</guid>"
            "<description>\u0093x\u0094 and Caf\u00c3\u00a9</description></item>"
        ),
        True,
    ),
    # -- summaries --------------------------------------------------------------------------
    Case(
        "HTML descriptions: sanitized, then reduced to text",
        rss(
            "<item><guid>1</guid><description><![CDATA[<p>Hello <a href='/x'>world</a>"
            "<script>var x = 1;</script><style>p{}</style><img src='a.png'> &amp; "
            "&nbsp;bye&#8217;s <foo>kept</foo></p>]]></description></item>"
            "<item><guid>2</guid><description>It&amp;#8217;s &amp;amp; plain</description>"
            "</item>"
            "<item><guid>3</guid><description>&lt;!-- c --&gt;after comment</description></item>"
            "<item><guid>4</guid><description>1 &lt; 2 &gt; 0</description></item>"
            "<item><guid>5</guid><description>   </description></item>"
            "<item><guid>6</guid><description>&amp;#150; &amp;#X41; &amp;foo; &amp;T"
            "</description></item>"
        ),
        True,
    ),
    Case(
        "description wins over content:encoded, in either order; else content:encoded",
        rss(
            "<item><guid>1</guid><description>desc</description>"
            "<content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded></item>"
            "<item><guid>2</guid><content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded>"
            "<description>desc</description></item>"
            "<item><guid>3</guid><content:encoded><![CDATA[<p>only <b>full</b></p>]]>"
            "</content:encoded></item>"
            "<item><guid>4</guid><description></description>"
            "<content:encoded>full</content:encoded></item>"
        ),
        True,
    ),
    # -- dates --------------------------------------------------------------------------------
    Case(
        "RFC 822 dates in their common shapes",
        rss(
            "<item><guid>1</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>"
            "<item><guid>2</guid><pubDate>Tue, 24 Nov 2026 10:00:00 +0000</pubDate></item>"
            "<item><guid>3</guid><pubDate>24 Nov 2026 10:00 -0500</pubDate></item>"
            "<item><guid>4</guid><pubDate>Tuesday, 24 November 2026 10:00:00 EST</pubDate></item>"
            "<item><guid>5</guid><pubDate>Tue, 24 Nov 2026 10:00:00 PDT</pubDate></item>"
            "<item><guid>6</guid><pubDate>Tue, 24 Nov 2026 10:00:00 +05:30</pubDate></item>"
            "<item><guid>7</guid><pubDate>tue, 4 nov 2026 9:05:00 cet</pubDate></item>"
            "<item><guid>8</guid><pubDate>  Tue, 24 Nov 2026 10:00:00 UT  </pubDate></item>"
            "<item><guid>9</guid><pubDate>Sun, 01 Mar 2026 00:30:00 +0100</pubDate></item>"
        ),
        True,
    ),
    Case(
        "W3C dates (dc:date), published falling back to updated",
        rss(
            "<item><guid>1</guid><dc:date>2026-11-24T10:00:00Z</dc:date></item>"
            "<item><guid>2</guid><dc:date>2026-11-24T10:00:00.123456-08:00</dc:date></item>"
            "<item><guid>3</guid><dc:date>2026-11-24</dc:date></item>"
            "<item><guid>4</guid><dc:date>2026-11-24T10:00</dc:date></item>"
            "<item><guid>5</guid><dc:date>2026-11-24T10:00:00</dc:date></item>"
            f"<item><guid>6</guid><dc:date>2026-01-01T00:00:00Z</dc:date>{DATE}</item>"
            "<item><guid>7</guid><pubDate></pubDate><dc:date>2026-01-01T00:00:00Z</dc:date></item>"
            "<item><guid>8</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>"
            "<pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate></item>"
        ),
        True,
    ),
    Case(
        "hash keys use the date: no guid, no link",
        rss(f"<item><title>Dated</title>{DATE}</item><item><title>Undated</title></item>"),
        True,
    ),
    # -- items that are only text, and text as the publisher meant it ---------------------------
    Case(
        "items with only a description, only content or only a title are kept",
        rss(
            f"<item><description>&lt;p&gt;Only a description&lt;/p&gt;</description>{DATE}</item>"
            "<item><content:encoded><![CDATA[<p>Only <b>content</b></p>]]></content:encoded>"
            "</item><item><description>Same text</description></item>"
            "<item><description><![CDATA[Same text]]></description></item>"
            "<item><title>Only a title</title></item><item><description> </description></item>"
        ),
        True,
    ),
    Case(
        "Atom entries and RSS 1.0 items with only text",
        atom(
            '<entry><summary type="text">Only a summary &lt;b&gt;as written&lt;/b&gt;</summary>'
            '</entry><entry><content type="html">&lt;p&gt;Only content&lt;/p&gt;</content>'
            "<updated>2026-11-24T09:30:00Z</updated></entry><entry><category term='x'/></entry>"
        ),
        True,
    ),
    Case(
        "RSS 1.0 items with only text",
        rdf(
            "<item><description>Only d&amp;#233;scription</description></item>"
            "<item><content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded></item>"
        ),
        True,
    ),
    Case(
        "character references escaped once, twice, three times; references that are not",
        rss(
            "<item><guid>1</guid><title>Don&amp;#x2019;t</title><description>don&amp;#146;t"
            "</description></item>"
            "<item><guid>2</guid><title>&amp;#8220;Q&amp;amp;A&amp;#8221;</title>"
            "<description>Tom &amp;amp;amp; Jerry &amp;amp;#8217;</description></item>"
            "<item><guid>3</guid><title>AT&amp;T &amp;notice &amp;foo;</title>"
            "<description>AT&amp;amp;T &amp;amp;foo; &amp;#0; &amp;#x110000;</description></item>"
        ),
        True,
    ),
    Case(
        "Atom text constructs keep their markup as text, HTML ones are stripped",
        atom(
            '<entry><id>1</id><title type="text">History of the &lt;blink&gt; tag</title>'
            '<summary type="text">a &lt; b &amp;amp; c</summary></entry>'
            '<entry><id>2</id><title type="html">&lt;b&gt;Atom&lt;/b&gt; &amp;amp; co</title>'
            '<summary type="html">History of the &lt;blink&gt; tag</summary></entry>'
            '<entry><id>3</id><content type="text">&lt;p&gt;not a paragraph&lt;/p&gt;</content>'
            "</entry>",
            '<title type="html">&lt;i&gt;Feed&lt;/i&gt; &amp;amp; co</title><id>urn:f</id>',
        ),
        True,
    ),
    *[Case(f"fixture {path.name}", path.read_bytes(), True) for path in FEED_FIXTURES],
    # -- the channel ----------------------------------------------------------------------------
    Case(
        "ttl values, channel extras (image, textinput, atom:link, skipHours)",
        rss(
            "<item><guid>1</guid></item>",
            "<title>Desk</title><ttl> 15 </ttl><link>http://e.org/</link>"
            "<description>About</description><language>en</language>"
            '<atom:link href="http://e.org/feed" rel="self" type="application/rss+xml"/>'
            "<image><title>Logo</title><url>http://e.org/l.png</url><link>http://e.org/</link>"
            "</image><textInput><title>Search</title><description>d</description>"
            "<name>q</name><link>http://e.org/s</link></textInput>"
            "<skipHours><hour>1</hour></skipHours><lastBuildDate>Tue, 24 Nov 2026 10:00:00 GMT"
            "</lastBuildDate><pubDate>whenever</pubDate><generator>g</generator>",
        ),
        True,
    ),
    Case("a ttl that is not a number", rss("", "<title>D</title><ttl>soon</ttl>"), True),
    Case("the channel title after the items", rss("<item><title>i</title></item>", ""), True),
    Case(
        "element names in any case (feedparser lower-cases them)",
        rss("<item><Title>t</Title><PUBDATE>Tue, 24 Nov 2026 10:00:00 GMT</PUBDATE></item>"),
        True,
    ),
    Case(
        "WordPress-style items: dc:creator, comments, wfw, slash, categories, media",
        rss(
            "<item><title>Post</title><link>https://e.org/post</link>"
            "<comments>https://e.org/post#comments</comments><dc:creator><![CDATA[Ann]]>"
            "</dc:creator><category><![CDATA[News]]></category>"
            '<guid isPermaLink="false">https://e.org/?p=1</guid>'
            "<description><![CDATA[<p>Short&#8230;</p>]]></description>"
            "<content:encoded><![CDATA[<p>Long</p>]]></content:encoded>"
            '<media:thumbnail url="https://e.org/t.jpg"/><media:content url="https://e.org/v.mp4">'
            "<media:credit>AP</media:credit></media:content>"
            '<enclosure url="https://e.org/a.mp3" length="1" type="audio/mpeg"/>'
            '<source url="https://other.org/rss">Other</source></item>'
        ),
        True,
    ),
    # -- encodings ------------------------------------------------------------------------------
    Case(
        "windows-1252 declared, smart quotes",
        rss(
            "<item><title>\u201cQuoted\u201d \u2013 na\u00efve</title></item>", decl="windows-1252"
        ),
        True,
    ),
    Case(
        "iso-8859-1 declared",
        rss("<item><title>Caf\u00e9 \u00bd</title></item>", decl="iso-8859-1"),
        True,
    ),
    Case(
        "UTF-8 with a byte order mark, no declaration",
        codecs.BOM_UTF8 + rss("<item><title>Bom \u00e9</title></item>", decl=""),
        True,
    ),
    Case(
        "UTF-16 with a byte order mark",
        rss("<item><title>Wide \u00e9</title></item>", decl="utf-16"),
        True,
    ),
    Case(
        "HTTP charset agrees with the document",
        rss("<item><title>\u00e9</title></item>"),
        True,
        {"content-type": "application/rss+xml; charset=utf-8"},
    ),
    Case(
        "text/xml without a charset, ASCII document (feedparser: us-ascii)",
        rss("<item><title>ascii</title></item>"),
        True,
        {"content-type": "text/xml"},
    ),
    Case(
        "HTTP charset says Latin-1, document is UTF-8",
        rss("<item><title>\u00e9\u00e9</title></item>"),
        True,
        {"content-type": "application/xml; charset=iso-8859-1"},
    ),
    Case(
        "text/xml without a charset, non-ASCII document: feedparser overrides the encoding",
        rss("<item><title>\u00e9</title></item>"),
        False,
        {"content-type": "text/xml"},
    ),
    Case(
        "declared UTF-8, but it is not",
        rss("<item><title>x</title></item>").replace(b"x</title>", b"\xe9</title>"),
        False,
    ),
    # -- RSS 1.0 and 0.91 ------------------------------------------------------------------------
    Case(
        "RSS 1.0 with rdf:about keys, dc:date, content:encoded",
        rdf(
            '<item rdf:about="http://e.org/1"><title>One</title><link>http://e.org/1</link>'
            "<description>d</description><dc:date>2026-11-24T10:00:00+01:00</dc:date>"
            "<dc:creator>Ann</dc:creator></item>"
            "<item><title>No about</title><link>http://e.org/2</link>"
            "<content:encoded>&lt;p&gt;c&lt;/p&gt;</content:encoded></item>"
            '<item rdf:about=" http://e.org/3 "><title>&lt;i&gt;x&lt;/i&gt;</title></item>'
        ),
        True,
    ),
    Case(
        "RSS 0.91",
        b'<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>'
        b"<item><title>t</title><link>http://e.org/1</link><description>d</description>"
        b"</item></channel></rss>",
        True,
    ),
    # -- Atom ------------------------------------------------------------------------------------
    Case(
        "Atom: ids, alternate links, id as the link, dates",
        atom(
            "<entry><id>tag:e.org,2026:1</id><title>One</title>"
            '<link href="https://e.org/a1"/><updated>2026-11-24T09:30:00Z</updated>'
            "<summary>Summary</summary></entry>"
            "<entry><id>tag:e.org,2026:2</id><title>Id only</title>"
            "<published>2026-11-24T09:30:00-05:00</published>"
            "<updated>2026-11-25T09:30:00Z</updated></entry>"
            '<entry><link rel="self" href="https://e.org/self"/>'
            '<link rel="enclosure" href="https://e.org/e.mp3" type="audio/mpeg"/>'
            "<id>urn:uuid:3</id><title>Only other links</title></entry>"
            '<entry><link rel="alternate" type="application/pdf" href="https://e.org/p.pdf"/>'
            '<link rel="ALTERNATE" type="TEXT/HTML" href="https://e.org/upper"/>'
            '<link rel="alternate" type="html" href=" https://e.org/spaced "/>'
            "<id>urn:4</id></entry>"
            '<entry><id>urn:5</id><link href=""/></entry>'
            '<entry><link href="https://e.org/before-id"/><id>http:///e.org/6</id></entry>'
        ),
        True,
    ),
    Case(
        "Atom: summary and content in either order, html and text types",
        atom(
            '<entry><id>1</id><summary>s</summary><content type="html">&lt;p&gt;c&lt;/p&gt;'
            "</content></entry>"
            '<entry><id>2</id><content type="html">&lt;p&gt;c&lt;/p&gt;</content>'
            "<summary>s</summary></entry>"
            '<entry><id>3</id><content type="html">&lt;p&gt;Only &lt;b&gt;c&lt;/b&gt;&lt;/p&gt;'
            "</content></entry>"
            "<entry><id>4</id><content>plain &lt;b&gt;not html&lt;/b&gt;</content></entry>"
            '<entry><id>5</id><summary type="text/html">&lt;i&gt;i&lt;/i&gt;</summary></entry>'
            '<entry><id>6</id><title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title>'
            '</entry><entry><id>7</id><title type="text">&lt;b&gt;Literal&lt;/b&gt;</title>'
            "</entry>"
        ),
        True,
    ),
    Case(
        "Atom: the feed title after the entries, authors, categories, media",
        atom(
            "<entry><id>1</id><title>e</title><author><name>A</name><uri>/a</uri></author>"
            '<category term="t"/><media:thumbnail url="https://e.org/t.jpg"/></entry>'
            "<title>Late title</title>",
            "<id>urn:f</id><updated>2026-11-24T09:30:00Z</updated>"
            '<link rel="self" href="https://e.org/atom"/>',
        ),
        True,
    ),
    Case(
        "comments and processing instructions outside the root",
        b'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="s.xsl"?>'
        b'\n<!-- generator --><rss version="2.0"><channel><title>T</title><item><title>i'
        b"</title></item></channel></rss><!-- done -->",
        True,
    ),
    # -- where the fast path steps aside --------------------------------------------------------
    Case("not XML", b"<rss><channel><title>Broken</channel></rss>", False),
    Case("an HTML page", b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", False),
    Case("an unknown root", b"<opml version='2.0'><body/></opml>", False),
    Case(
        "Atom 0.3",
        b'<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title></feed>',
        False,
    ),
    Case(
        "a date in a form not reproduced here",
        rss("<item><guid>1</guid><pubDate>Tue, 24 Nov 26 10:00:00 GMT</pubDate></item>"),
        False,
    ),
    Case("an unparseable date", rss("<item><guid>1</guid><pubDate>soon</pubDate></item>"), False),
    Case(
        "media:title can replace the item title",
        rss("<item><title>t</title><media:title>m</media:title></item>"),
        False,
    ),
    Case(
        "media:description can be the summary",
        rss("<item><media:content><media:description>d</media:description></media:content></item>"),
        False,
    ),
    Case("dc:title is a title", rss("<item><dc:title>t</dc:title></item>"), False),
    Case(
        "an unknown namespace",
        rss('<item><title>t</title><x:y xmlns:x="http://example.org/x">z</x:y></item>'),
        False,
    ),
    Case(
        "a prefix that is feedparser's name for another namespace",
        rss("<item><title>t</title></item>").replace(
            b'xmlns:atom="http://www.w3.org/2005/Atom"',
            b'xmlns:content="http://www.w3.org/2005/Atom" xmlns:c="http://purl.org/rss/1.0/modules/content/"',
        ),
        False,
    ),
    Case(
        "a Userland namespace under a prefix feedparser uses",
        rss("<item><title>t</title><dc:creator>a</dc:creator></item>")
        .replace(b"<channel>", b'<channel xmlns:dc2="http://purl.org/dc/elements/1.1/">')
        .replace(
            b'xmlns:dc="http://purl.org/dc/elements/1.1/"',
            b'xmlns:dc="http://backend.userland.com/rss2"',
        )
        .replace(b"dc:creator", b"dc2:creator"),
        False,
    ),
    Case(
        "RSS 0.90 namespace under a prefix (feedparser finds no version)",
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:n="http://my.netscape.com/rdf/simple/0.9/"><n:channel><n:title>t</n:title>'
        b"</n:channel></rdf:RDF>",
        False,
    ),
    Case(
        "RSS 0.90",
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Old</title>'
        b"<link>http://e.org/</link></channel><item><title>i</title><link>http://e.org/1</link>"
        b"</item></rdf:RDF>",
        True,
    ),
    Case("xml:base", atom('<entry xml:base="https://e.org/"><id>1</id></entry>'), False),
    Case(
        "a Content-Location header",
        rss("<item><link>/a</link></item>"),
        False,
        {"content-location": "https://e.org/feed"},
    ),
    Case("two titles in an item", rss("<item><title>a</title><title>b</title></item>"), False),
    Case(
        "two descriptions",
        rss("<item><description>a</description><description>b</description></item>"),
        False,
    ),
    Case(
        "an attribute on an RSS title",
        rss('<item><title type="html">&lt;b&gt;t&lt;/b&gt;</title></item>'),
        False,
    ),
    Case(
        "inline XHTML in Atom",
        atom(
            '<entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
            "<b>t</b></div></title></entry>"
        ),
        False,
    ),
    Case(
        "Atom content by reference",
        atom('<entry><id>1</id><content src="https://e.org/c"/></entry>'),
        False,
    ),
    Case(
        "an Atom source", atom("<entry><id>1</id><source><title>s</title></source></entry>"), False
    ),
    Case(
        "an Atom link without href",
        atom("<entry><id>1</id><link>https://e.org/x</link></entry>"),
        False,
    ),
    Case(
        "a processing instruction in an item", rss("<item><title>a<?pi x?>b</title></item>"), False
    ),
    Case("a non-ASCII ttl", rss("", "<title>D</title><ttl>\u0663</ttl>"), False),
    Case("two channels", rss("</channel><channel><title>second</title>"), False),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_matches_feedparser(case: Case) -> None:
    fast = fast_parse(case.body, case.headers)
    if case.fast:
        assert fast is not None, "expected the fast path"
        assert fast == feedparser_result(case.body, case.headers)
    else:
        assert fast is None, "expected a fallback to feedparser"


def test_enough_fixtures_take_the_fast_path() -> None:
    assert len([case for case in CASES if case.fast]) >= 25


def test_some_feedparser_rules_the_fast_path_follows() -> None:
    """What the fixtures rely on, spelled out (so a feedparser change is visible here)."""
    atom_feed = differential(atom("<entry><id>tag:e.org,2026:1</id><title>Id only</title></entry>"))
    assert atom_feed is not None
    (entry,) = atom_feed.entries
    assert entry.url == "tag:e.org,2026:1"  # an Atom id stands in for a missing link
    rss_feed = differential(
        rss(
            "<item><guid>1</guid><content:encoded>full</content:encoded>"
            "<description>short</description>"
            '</item><item><guid isPermaLink="True">https://e.org/x</guid></item>'
            "<item><title>&lt;b&gt;Bold&lt;/b&gt;</title></item>"
        )
    )
    assert rss_feed is not None
    first, second, third = rss_feed.entries
    assert first.summary == "short"
    assert second.url is None  # isPermaLink is compared with "true" exactly
    assert third.title == "Bold"  # HTML-looking RSS titles are HTML, shown as their text


def test_bench_feed_is_fast_and_identical() -> None:
    body = bench_like_feed()
    assert 40_000 < len(body) < 70_000
    fast = differential(body)
    assert fast is not None and len(fast.entries) == 50
    assert fast.entries[0].published == datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def test_switched_off_for_other_feedparser_versions() -> None:
    with mock.patch.object(fastparse, "ENABLED", False):
        assert fast_parse(bench_like_feed(2)) is None
    supported = feedparser.__version__.startswith("6.0.")
    assert fastparse.ENABLED is supported


def test_odd_inputs_give_none_and_never_raise() -> None:
    odd = [b"", b"\x00\x01", b"<", b"<?xml?>", b"<rss/>", b"<rss><channel/></rss>" * 2,
           b"\xef\xbb\xbf", b"<rss version='2.0'><channel><item/></channel></rss>"]  # fmt: skip
    for body in odd:
        result = fast_parse(body)
        assert result is None or result == feedparser_result(body)


# -- hostile input ------------------------------------------------------------------------------

LAUGHS = "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">' for i in range(10)
)
HOSTILE = {
    "billion laughs": f"<!DOCTYPE rss [{LAUGHS}]><rss version='2.0'><channel>"
    "<title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>",
    "billion laughs in an attribute": f"<!DOCTYPE rss [{LAUGHS}]><rss version='2.0'><channel>"
    "<item><guid isPermaLink='&lol9;'>g</guid></item></channel></rss>",
    "external entity (XXE)": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM '
    '"file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>',
    "external DTD": '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd"><rss version="2.0">'
    "<channel><title>t</title></channel></rss>",
    "parameter entity": '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">%p;]>'
    '<rss version="2.0"><channel><title>t</title></channel></rss>',
    "harmless-looking DOCTYPE": '<!DOCTYPE rss><rss version="2.0"><channel><title>t</title>'
    "</channel></rss>",
    "DOCTYPE after a comment": '<?xml version="1.0"?><!-- x --><!DOCTYPE rss>'
    '<rss version="2.0"><channel><title>t</title></channel></rss>',
    "DOCTYPE inside the document": '<rss version="2.0"><!DOCTYPE rss><channel><title>t'
    "</title></channel></rss>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_are_refused_before_parsing(name: str) -> None:
    body = HOSTILE[name].encode()
    inside = name == "DOCTYPE inside the document"  # not in the prolog: lxml refuses it
    parse = etree.fromstring
    with mock.patch.object(
        etree, "fromstring", side_effect=parse if inside else AssertionError("parsed")
    ) as fromstring:
        started = time.perf_counter()
        assert fast_parse(body) is None
        assert time.perf_counter() - started < 0.5
    assert fromstring.called == inside


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "windows-1252"])
def test_hostile_documents_in_other_encodings(encoding: str) -> None:
    """feedparser re-encodes the document as UTF-8 first; the check runs on what it made."""
    body = f'<?xml version="1.0" encoding="{encoding}"?>{HOSTILE["billion laughs"]}'
    with mock.patch.object(etree, "fromstring", side_effect=AssertionError("parsed")):
        assert fast_parse(body.encode(encoding)) is None


def test_the_parser_itself_expands_nothing() -> None:
    """Defence in depth: even past the DOCTYPE check, the parser neither expands nor fetches."""
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        etree.fromstring(HOSTILE["billion laughs"].encode(), fastparse._parser())
    xxe = etree.fromstring(HOSTILE["external entity (XXE)"].encode(), fastparse._parser())
    assert "root:" not in etree.tostring(xxe, encoding="unicode")
    shallow = HOSTILE["billion laughs"].encode().replace(b"&lol9;", b"&lol1;")
    root = etree.fromstring(shallow, fastparse._parser())
    assert "lollollol" not in etree.tostring(root, encoding="unicode")


# -- generated feeds ----------------------------------------------------------------------------

PLAIN_TEXT = st.text(
    st.characters(
        codec="utf-8",
        categories=("Lu", "Ll", "Lo", "Nd", "Zs", "Pd", "Po", "Sc", "So"),
        exclude_characters="<&",
    ),
    max_size=60,
)
MARKUP_PIECES = st.sampled_from(
    [
        "&", "<", ">", '"', "'", "&amp;", "&lt;", "&nbsp;", "&#8217;", "&#150;", "&#39;",
        "<b>", "</b>", "<p>", "</p>", "<br/>", "<a href='/x'>", "</a>", "<script>s</script>",
        "<foo>", "</foo>", "<!-- c -->", "]]", "\u00c3\u00a9", "\u0093", "\u00e9", "\U0001f600",
        "\u00a0", "\t", "\n", "  ", "x", "AT&T", "a < b", "1&2;",
    ]
)  # fmt: skip
RICH_TEXT = st.lists(st.one_of(MARKUP_PIECES, PLAIN_TEXT), max_size=8).map("".join)

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Tuesday", "thu"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ZONES = ["GMT", "UT", "UTC", "Z", "EST", "EDT", "CST", "PDT", "CET", "BST", "A", "gmt", "+0000",
         "-0500", "+0530", "+05:30", "-09:30", "+2359", "GMT+1", "Etc/GMT"]  # fmt: skip


@st.composite
def rfc822_dates(draw: st.DrawFn) -> str:
    day = draw(st.integers(1, 31))
    day_text = draw(st.sampled_from([str(day), f"{day:02d}"]))
    month = draw(st.sampled_from([*MONTHS, "November", "march", "SEPT"]))
    year = draw(st.sampled_from(["2026", "1999", "1970", "2038", "1899", "26", "99"]))
    time_text = f"{draw(st.integers(0, 24)):02d}:{draw(st.integers(0, 59)):02d}"
    if draw(st.booleans()):
        time_text += f":{draw(st.integers(0, 60)):02d}"
    zone = draw(st.sampled_from(ZONES))
    prefix = draw(st.sampled_from(["", *[d + ", " for d in DAYS], "Tue ", "Tue,"]))
    return f"{prefix}{day_text} {month} {year} {time_text} {zone}"


@st.composite
def w3c_dates(draw: st.DrawFn) -> str:
    text = f"{draw(st.integers(1899, 2100))}-{draw(st.integers(1, 12)):02d}-"
    text += f"{draw(st.integers(1, 31)):02d}"
    if draw(st.booleans()):
        text += draw(st.sampled_from(["T", "t", " "]))
        text += f"{draw(st.integers(0, 24)):02d}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            text += f":{draw(st.integers(0, 59)):02d}"
            text += draw(st.sampled_from(["", ".5", ".123456", ".1234567", ",5"]))
        text += draw(st.sampled_from(["", "Z", "z", "+01:00", "-05:30", "+0100", "-23:59"]))
    return text


DATES = st.one_of(rfc822_dates(), w3c_dates())
COMMON_DATES = st.builds(
    lambda day, month, hour: f"{DAYS[day % 7]}, {day:02d} {month} 2026 {hour:02d}:15:00 GMT",
    st.integers(1, 28),
    st.sampled_from(MONTHS),
    st.integers(0, 23),
)


def xml_text(text: str, cdata: bool) -> str:
    if cdata and "]]>" not in text:
        return f"<![CDATA[{text}]]>"
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def rss_items(draw: st.DrawFn, text: st.SearchStrategy[str], dates: st.SearchStrategy[str]) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(f"<title>{xml_text(draw(text), draw(st.booleans()))}</title>")
    if draw(st.booleans()):
        parts.append(f"<link>https://e.org/{draw(st.integers(0, 99))}</link>")
    if draw(st.booleans()):
        permalink = draw(st.sampled_from(["", ' isPermaLink="false"', ' isPermaLink="true"']))
        parts.append(f"<guid{permalink}>https://e.org/g{draw(st.integers(0, 99))}</guid>")
    if draw(st.booleans()):
        parts.append(f"<pubDate>{draw(dates)}</pubDate>")
    if draw(st.booleans()):
        parts.append(f"<description>{xml_text(draw(text), draw(st.booleans()))}</description>")
    order = draw(st.permutations(parts))
    return "<item>" + "".join(order) + "</item>"


def generated_feed(title: str, items: list[str], encoding: str) -> bytes:
    doc = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>{xml_text(title, False)}</title>{''.join(items)}</channel></rss>"
    )
    return doc.encode(encoding, "xmlcharrefreplace")


HYPOTHESIS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HYPOTHESIS
@given(
    title=RICH_TEXT,
    items=st.lists(rss_items(RICH_TEXT, DATES), max_size=5),
    encoding=st.sampled_from(["utf-8", "utf-8", "windows-1252", "iso-8859-1"]),
)
def test_generated_feeds_match_feedparser_when_fast(
    title: str, items: list[str], encoding: str
) -> None:
    differential(generated_feed(title, items, encoding))


@HYPOTHESIS
@given(
    title=PLAIN_TEXT,
    items=st.lists(rss_items(PLAIN_TEXT, COMMON_DATES), min_size=1, max_size=5),
)
def test_plain_generated_feeds_take_the_fast_path(title: str, items: list[str]) -> None:
    assert differential(generated_feed(title, items, "utf-8")) is not None


HTML_TAGS = ["p", "a", "b", "I", "br", "img", "span", "li", "ul", "td", "script", "style",
             "foo", "iframe", "svg", "textarea"]  # fmt: skip
ATTRIBUTES = st.sampled_from(
    ["", ' href="/x?a=1&b=2"', " alt='it&apos;s'", ' class="c" title="\u0093"', " hidden",
     ' style="color: red"', " src=x"]
)  # fmt: skip
HTML_PIECES = st.sampled_from(
    ["&amp;", "&nbsp;", "&eacute;", "&#8217;", "&#39;", "&#150;", "&#x41;", "&foo;", "& ",
     "AT&T", "<!-- c -->", "a < b", ">", "\r\n", "\u00c3\u00a9", "\u0093"]
)  # fmt: skip
HTML_TAG = st.builds(
    lambda form, name, attributes: form.format(name=name, attributes=attributes),
    st.sampled_from(["<{name}{attributes}>", "</{name}>", "<{name}{attributes}/>"]),
    st.sampled_from(HTML_TAGS),
    ATTRIBUTES,
)
HTML_TEXT = st.lists(st.one_of(HTML_TAG, HTML_PIECES, PLAIN_TEXT), min_size=1, max_size=12).map(
    "".join
)


@HYPOTHESIS
@given(
    descriptions=st.lists(st.tuples(HTML_TEXT, st.booleans()), min_size=1, max_size=5),
    encoded=st.booleans(),
)
def test_generated_html_summaries_match_feedparser(
    descriptions: list[tuple[str, bool]], encoded: bool
) -> None:
    element = "content:encoded" if encoded else "description"
    items = "".join(
        f"<item><guid>{i}</guid><{element}>{xml_text(text, cdata)}</{element}></item>"
        for i, (text, cdata) in enumerate(descriptions)
    )
    assert differential(rss(items)) is not None


@HYPOTHESIS
@given(HTML_TEXT)
def test_skipping_the_sanitizer_keeps_the_text(html: str) -> None:
    """Where the fast path skips feedparser's sanitizer, the text is what it would give."""
    html = html.strip()
    if "<" in html and fastparse._sanitizing_keeps_text(html):
        sanitized = fastparse._typed_text(html, "text/html")
        assert fastparse._summary(html, "text/html") == reader_text(sanitized, "text/html")


def _feedparser_date(value: str) -> datetime | None:
    return parse_module._struct_time(feedparser.datetimes._parse_date(value))


@HYPOTHESIS
@given(DATES)
def test_dates_match_feedparser(value: str) -> None:
    try:
        ours = fastparse._date(value)
    except (fastparse._Fallback, ValueError, OverflowError):
        return
    assert ours == _feedparser_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "Tue, 24 Nov 2026 10:00:00 GMT",
        "Tue, 24 Nov 2026 10:00:00 +0000",
        "Tue, 24 Nov 2026 10:00:00 -0500",
        "Tue, 24 Nov 2026 10:00:00 EST",
        "Tue, 24 Nov 2026 10:00:00 +05:30",
        "24 Nov 2026 10:00 PDT",
        "Tue, 24 Nov 2026 10:00:00 CET",  # feedparser: unknown names are UTC
        "2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00.5-03:00",
        "2026-11-24",
        "2026-11-24T10:00:00",  # no zone: UTC
    ],
)
def test_common_dates_are_reproduced(value: str) -> None:
    ours = fastparse._date(value)
    assert ours is not None and ours == _feedparser_date(value)
