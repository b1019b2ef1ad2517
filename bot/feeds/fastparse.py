"""A fast path for `parse_feed`: plain RSS 2.0, RSS 1.0 (RDF) and Atom 1.0, read with lxml.

`fast_parse` gives exactly what `parse_feed`'s feedparser path gives (the same feed title,
ttl, and the same entries with the same keys, urls, titles, summaries and dates), or None,
and then the caller parses the feed with feedparser as before. It never raises on bad
input. It is None whenever anything is out of the ordinary, for example:

- the document has a DOCTYPE or an ENTITY declaration (nothing is expanded or fetched);
- it is not well-formed XML, or feedparser's own encoding detection (which this module
  runs, to parse the very bytes feedparser parses) finds no encoding or has to override
  the declared one;
- the root is not `rss`, `rdf:RDF` (RSS 1.0 / 0.90) or an Atom 1.0 `feed`;
- an element or attribute is one this module does not know to be harmless (for example
  `media:title`, `media:description`, `itunes:summary`, `dc:title`, `dc:description`,
  Atom `source`, or any unknown namespace), or a text element has child elements;
- an item has two titles, two descriptions, two guids and so on;
- relative URIs would be resolved (`xml:base`, a `base` attribute, or a
  `Content-Location` header);
- a date is not one of the RFC 822 or W3C-DTF forms below;
- content is base64 or inline XHTML, or an Atom link has no `href`.

How feedparser 6.0 treats the fields that `parse_feed` keeps, reproduced here:

- Text goes through feedparser's `pop()`: strip, relative-URI resolution (with an empty
  base this only drops extra slashes after "scheme://"), the HTML sanitizer for HTML
  content, the repair of UTF-8 read as Latin-1, and the cp1252 mapping of C1 characters.
  HTML goes through feedparser's own `resolve_relative_uris` and `_sanitize_html`, except
  where that provably cannot change anything parse_feed keeps: text without `<` or `&`,
  and summaries (only their text is kept) whose markup is plain, see
  `_sanitizing_keeps_text`.
- RSS titles that look like HTML (feedparser's own test) are sanitized like HTML.
- The summary is the first `description` (Atom: `summary`) if there is one, even an
  empty one, else the `content:encoded` (Atom: `content` of type text or html).
- The link is the last RSS `link`, else a permalink `guid`. In Atom it is the last
  `rel="alternate"` link of an HTML type, else the entry's `id`.
- The date is the last `pubDate` / `published` / `dcterms:issued`, else the last
  `updated` / `dc:date` / `dcterms:modified`. Unknown time-zone names count as UTC, as
  in feedparser; a date without a zone is UTC.

Much of this leans on feedparser internals, so it is switched off (always None) for any
feedparser other than 6.0.x until the differential tests have been run against it.
"""

from __future__ import annotations

import contextlib
import html.entities
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import feedparser
from feedparser.datetimes import _parse_date as _feedparser_parse_date
from feedparser.datetimes.rfc822 import timezone_names as _RFC822_ZONES
from feedparser.encodings import convert_to_utf8
from feedparser.exceptions import NonXMLContentType
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.sanitizer import _sanitize_html
from feedparser.urls import _urljoin, resolve_relative_uris
from lxml import etree

from bot.articles.extract import html_to_text
from bot.feeds import parse as _parse  # the module, not its names: parse may import us
from bot.models import Entry

if TYPE_CHECKING:
    from bot.feeds.parse import ParsedFeed

__all__ = ["fast_parse"]

ENABLED = str(getattr(feedparser, "__version__", "")).startswith("6.0.")


class _Fallback(Exception):
    """Something this fast path does not reproduce exactly: let feedparser do it."""


def fast_parse(body: bytes, headers: Mapping[str, str] | None = None) -> ParsedFeed | None:
    """The feed as `parse_feed` would give it, or None when feedparser must decide.

    `headers` are the HTTP response headers that would be given to `parse_feed`.
    """
    if not ENABLED:
        return None
    try:
        return _fast_parse(body, dict(headers or {}))
    except (_Fallback, etree.LxmlError, ValueError, OverflowError, UnicodeError, LookupError):
        return None


# -- the document ------------------------------------------------------------------------

_XMLNS_DECL = re.compile(rb"""xmlns(?::([^\s=>/]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# XML declaration, processing instructions, comments and white space before the root
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)

_ATOM_NS = "http://www.w3.org/2005/atom"
_RSS1_NS = {"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"}
_RDF_ROOT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_ATOM_ROOT = "{http://www.w3.org/2005/Atom}feed"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# feedparser's namespace URI (lower case) -> the prefix it files elements under
_FP_PREFIX: dict[str, str] = {
    str(uri).lower(): str(prefix) for uri, prefix in _FeedParserMixin.namespaces.items()
}
_FP_PREFIXES = {prefix for prefix in _FP_PREFIX.values() if prefix}


def _parser() -> Any:
    # A new parser per call: lxml parsers must not be shared between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=False,  # kept, to be refused: expat and libxml2 differ on PI targets
        collect_ids=False,
    )


def _fast_parse(body: bytes, headers: dict[str, str]) -> ParsedFeed:
    if headers.get("content-location"):
        raise _Fallback("feedparser resolves links against Content-Location")
    result: dict[str, Any] = {}
    # feedparser's own detection, so the bytes parsed here are the bytes it parses
    data = convert_to_utf8(headers, body, result)
    problem = result.get("bozo_exception")
    if not result.get("encoding") or not (
        problem is None or isinstance(problem, NonXMLContentType)
    ):
        raise _Fallback("encoding unknown, or not the declared one")
    # A DOCTYPE (the only place for ENTITY declarations) must come before the root;
    # anywhere else it is an error that lxml reports. The prolog is where feedparser looks.
    prolog = _PROLOG.match(data)
    end = prolog.end() if prolog else 0
    if data.startswith(b"<!", end) or b"<!DOCTYPE" in data[:end] or b"<!ENTITY" in data[:end]:
        raise _Fallback("DOCTYPE or ENTITY declaration")
    declared = _namespaces(data)
    root = etree.fromstring(data, _parser())
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        if not str(getattr(sibling, "target", "?")).isascii():  # PIs: comments are gone
            raise _Fallback("non-ASCII processing instruction target")
    tag = root.tag
    if tag == "rss":
        _ascii_attrs(root)
        return _rss(root, rdf=False)
    if tag == _RDF_ROOT:
        # feedparser takes its version from the first of these namespaces it meets: the
        # root's default one must give "rss10" or "rss090" (with no version an empty feed
        # is an error), and an Atom one first would change how it reads RSS 1.0 text.
        default = str(root.nsmap.get(None) or "").lower()
        if _ATOM_NS in declared or default not in _RSS1_NS:
            raise _Fallback("RDF without RSS 1.0 as the default namespace, or with Atom's")
        _attrs(root, ())
        return _rss(root, rdf=True)
    if tag == _ATOM_ROOT:
        if declared & _RSS1_NS:
            raise _Fallback("Atom with an RSS 1.0 namespace")
        _attrs(root, ())
        return _atom(root)
    raise _Fallback(f"root element {tag!r}")


def _namespaces(data: bytes) -> set[str]:
    """Every namespace URI declared (a superset: text that looks like a declaration counts).

    feedparser maps a declared prefix to its own name for the namespace and then looks up
    element prefixes in that map, so a prefix that is feedparser's name for a different
    namespace would file elements under the wrong name.
    """
    uris: set[str] = set()
    for match in _XMLNS_DECL.finditer(data):
        prefix, value = match.group(1), match.group(2) or match.group(3) or b""
        if b"&" in value or not (prefix or b"").isascii():
            raise _Fallback("namespace declaration with a reference or a non-ASCII prefix")
        uri = value.decode("utf-8").lower()
        uris.add(uri)
        name = prefix.decode("ascii") if prefix else ""
        canonical = "" if "backend.userland.com/rss" in uri else _FP_PREFIX.get(uri)
        if name and canonical is not None and canonical != name and name in _FP_PREFIXES:
            raise _Fallback(f"prefix {name!r} declared for {uri!r}")
    return uris


# -- element names -------------------------------------------------------------------------

_LABELS: dict[str, str] = {}


def _label(tag: Any) -> str:
    """The element's name as this module knows it ("?" for anything it does not).

    Like feedparser, local names are lower-cased. Atom and RSS 1.0 elements, which
    feedparser files without a prefix, get "atom:" and "rss1:" here.
    """
    if not isinstance(tag, str):
        raise _Fallback("not an element")
    label = _LABELS.get(tag)
    if label is None:
        label = _compute_label(tag)
        if len(_LABELS) < 4096:
            _LABELS[tag] = label
    return label


def _compute_label(tag: str) -> str:
    if not tag.isascii():  # expat and libxml2 disagree on some non-ASCII names
        return "?"
    if not tag.startswith("{"):
        return tag.lower()
    uri, _, local = tag[1:].partition("}")
    uri = uri.lower()
    if uri == _ATOM_NS:
        return "atom:" + local.lower()
    if uri in _RSS1_NS:
        return "rss1:" + local.lower()
    prefix = _FP_PREFIX.get(uri)
    return f"{prefix}:{local.lower()}" if prefix else "?"


def _ascii_attrs(el: Any) -> None:
    """Attribute names are ASCII and none is a base (feedparser resolves links against
    `xml:base` and against a plain `base`, any case, in any namespace)."""
    for key in el.keys():  # noqa: SIM118 (iterating an lxml element gives its children)
        if not key.isascii() or key.rpartition("}")[2].lower() == "base":
            raise _Fallback(f"attribute {key!r}")


def _attrs(el: Any, allowed: tuple[str, ...]) -> dict[str, str]:
    """The element's attributes by lower-cased name (as feedparser sees them); xml:lang is
    allowed anywhere, any other attribute not in `allowed` means fallback."""
    attrs: dict[str, str] = {}
    for key, value in el.items():
        if key == _XML_LANG:
            continue
        low = key.lower()
        if low not in allowed or low in attrs or not key.isascii():
            raise _Fallback(f"attribute {key!r}")
        attrs[low] = value
    return attrs


def _rdf_attrs(el: Any) -> None:
    """RSS 1.0 channels and items: rdf:about (and xml:lang) only."""
    for key in el.keys():  # noqa: SIM118
        if key not in (_RDF_ABOUT, _XML_LANG):
            raise _Fallback(f"attribute {key!r}")


def _check(el: Any, grammar: Mapping[str, Any]) -> None:
    """Every child of `el` is harmless: feedparser does nothing with it that reaches a feed
    title, a ttl or an entry's fields. None in the grammar means "no child elements"."""
    for child in el:
        _harmless(child, _label(child.tag), grammar)


def _harmless(el: Any, label: str, grammar: Mapping[str, Any]) -> None:
    """`el` (called `label`) is allowed by `grammar`, and so is everything in it."""
    if label not in grammar:
        raise _Fallback(f"element {label!r}")
    _ascii_attrs(el)
    sub = grammar[label]
    if sub is None:
        if len(el):
            raise _Fallback(f"child elements in {label!r}")
    else:
        _check(el, sub)


def _text(el: Any) -> str:
    if len(el):
        raise _Fallback("child elements in a text element")
    text = el.text
    return text if text else ""


# Elements known to be harmless, by context. (feedparser handlers checked one by one:
# none of these sets an entry's title, link, id, summary or dates, or the feed's title or
# ttl. media:title, media:description, dc:title, dc:description, itunes:summary and
# Atom's source, for example, do, and are not here.)
_MEDIA_LEAVES: dict[str, Any] = dict.fromkeys(
    ["media:thumbnail", "media:credit", "media:copyright", "media:keywords", "media:category"]
)
_MEDIA_CONTENT = _MEDIA_LEAVES
_MEDIA_GROUP: dict[str, Any] = {"media:content": _MEDIA_CONTENT, **_MEDIA_LEAVES}
_DC_LEAVES: dict[str, Any] = dict.fromkeys(
    ["dc:creator", "dc:subject", "dc:rights", "dc:publisher", "dc:language", "dc:identifier",
     "dc:format", "dc:type", "dc:source", "dc:contributor", "dc:coverage", "dc:relation"]
)  # fmt: skip
_ITEM_EXTRAS: dict[str, Any] = {
    **_DC_LEAVES,
    **dict.fromkeys(
        ["slash:comments", "slash:section", "slash:department", "slash:hit_parade",
         "wfw:comment", "wfw:commentrss", "feedburner:origlink", "feedburner:origenclosurelink"]
    ),
}  # fmt: skip
_RSS_ITEM: dict[str, Any] = {
    **_ITEM_EXTRAS,
    **dict.fromkeys(["author", "category", "comments", "enclosure", "source"]),
    "media:content": _MEDIA_CONTENT,
    "media:group": _MEDIA_GROUP,
    **_MEDIA_LEAVES,
}
_CHANNEL_EXTRAS: dict[str, Any] = {
    **_DC_LEAVES,
    **dict.fromkeys(["sy:updateperiod", "sy:updatefrequency", "sy:updatebase"]),
}
_RSS_CHANNEL: dict[str, Any] = {
    **_CHANNEL_EXTRAS,
    **dict.fromkeys(
        ["link", "description", "language", "copyright", "managingeditor", "webmaster",
         "category", "generator", "docs", "cloud", "rating", "atom:link"]
    ),
    "image": dict.fromkeys(["title", "url", "link", "width", "height", "description"]),
    "textinput": dict.fromkeys(["title", "description", "name", "link"]),
    "skiphours": {"hour": None},
    "skipdays": {"day": None},
}  # fmt: skip
_RSS_CHANNEL_DATES = {"pubdate", "lastbuilddate", "dc:date"}
_RDF_ITEM: dict[str, Any] = dict(_ITEM_EXTRAS)
_RDF_CHANNEL: dict[str, Any] = {
    **_CHANNEL_EXTRAS,
    **dict.fromkeys(["rss1:link", "rss1:description", "rss1:image", "rss1:textinput"]),
    "rss1:items": {"rdf:seq": {"rdf:li": None}},
}
_RDF_CHANNEL_DATES = {"dc:date"}
_RDF_ROOT_EXTRAS: dict[str, Any] = {
    "rss1:image": dict.fromkeys(["rss1:title", "rss1:url", "rss1:link"]),
    "rss1:textinput": dict.fromkeys(["rss1:title", "rss1:description", "rss1:name", "rss1:link"]),
}
_ATOM_PERSON: dict[str, Any] = dict.fromkeys(["atom:name", "atom:email", "atom:uri"])
_ATOM_FEED: dict[str, Any] = {
    **dict.fromkeys(
        ["atom:subtitle", "atom:id", "atom:link", "atom:generator", "atom:icon", "atom:logo",
         "atom:rights", "atom:category"]
    ),
    "atom:author": _ATOM_PERSON,
    "atom:contributor": _ATOM_PERSON,
}  # fmt: skip
_ATOM_FEED_DATES = {"atom:updated"}
_ATOM_ENTRY: dict[str, Any] = {
    **dict.fromkeys(["atom:category", "atom:rights"]),
    "atom:author": _ATOM_PERSON,
    "atom:contributor": _ATOM_PERSON,
    "media:content": _MEDIA_CONTENT,
    "media:group": _MEDIA_GROUP,
    **_MEDIA_LEAVES,
}


# -- text, as feedparser's pop() leaves it -------------------------------------------------

_looks_like_html: Callable[[str], bool] = _FeedParserMixin.looks_like_html
_HTML_TYPES = {"application/xhtml+xml", "text/html"}
_QUERY_REF = re.compile("&([A-Za-z0-9_]+);")
_HTML_ENTITIES = frozenset(html.entities.name2codepoint)
_CONTINUATION = re.compile("[\x80-\xbf]")  # in both patterns below; a faster search
_FINISH_NEEDED = re.compile("[\x80-\x9f]|[\xc2-\xf4][\x80-\xbf]")


def _finish(out: str) -> str:
    """The last steps of feedparser's pop(): UTF-8 read as Latin-1 is repaired, then C1
    characters are mapped as cp1252. Neither changes text that has no C1 character and no
    Latin-1 pair that could be a UTF-8 sequence (a lead byte, then a continuation byte)."""
    if out.isascii() or not _CONTINUATION.search(out) or not _FINISH_NEEDED.search(out):
        return out
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        out = out.encode("iso-8859-1").decode("utf-8")
    return str(out.translate(_cp1252))


def _html(out: str, content_type: str) -> str:
    """Relative-URI resolution (empty base) and sanitizing, exactly feedparser's."""
    if "<" in out or "&" in out:
        out = resolve_relative_uris(out, "", "utf-8", content_type)
        return str(_sanitize_html(out, "utf-8", content_type))
    # With neither character both functions give the text back, and the sanitizer then
    # strips it and turns CRLF into LF.
    return out.strip().replace("\r\n", "\n")


# Elements the sanitizer keeps (a subset of its list) whose text lxml.html reads the same
# way whether or not the markup was sanitized; none of them hides or adds text.
_TEXT_ELEMENTS = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "big", "blockquote", "br", "caption",
    "center", "cite", "code", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
    "img", "ins", "kbd", "li", "ol", "p", "pre", "q", "s", "samp", "section", "small",
    "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "tt", "u", "ul", "var",
})  # fmt: skip
_VOID_ELEMENTS = frozenset({"br", "hr", "img"})
_HTML_TOKEN = re.compile(r"<[^<>]*>|&#?[A-Za-z0-9]*;|[<&]")
_TEXT_TAG = re.compile(
    r"<(/)?([A-Za-z][A-Za-z0-9]*)"
    r"((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))?)*)\s*(/)?>"
)


def _sanitizing_keeps_text(html: str) -> bool:
    """Whether feedparser's relative-URI pass and sanitizer leave the *text* of `html`
    (stripped, with at least one "<") as lxml.html reads it, so that they can be skipped.

    Both re-serialize what they parse: tags they keep stay where they were (attributes may
    change, which the text does not see), text is copied as it is, and references come
    out as references to the same character. That holds for the tags in _TEXT_ELEMENTS
    written plainly (quoted attribute values, no "<" or ">" in them; no end tag for a void
    element), for named references HTML knows, for numeric references outside 128-159
    (which feedparser maps as cp1252), and for a bare "&" before white space. Anything
    else (comments, CDATA, script and style, unknown tags, a stray "<") makes it False.
    """
    for token in _HTML_TOKEN.finditer(html):
        text = token.group()
        if text[0] == "<":
            tag = _TEXT_TAG.fullmatch(text)
            if tag is None:
                return False
            closing, name, attributes, empty = tag.groups()
            name = name.lower()
            if name not in _TEXT_ELEMENTS or (
                closing and (name in _VOID_ELEMENTS or attributes or empty)
            ):
                return False
        elif text == "&":
            if html[token.end() : token.end() + 1] not in ("", " ", "\t", "\n", "\r"):
                return False
        elif text[1] == "#":
            digits = text[2:-1]
            try:
                code = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits)
            except ValueError:
                return False
            if not 0 < code < 0x110000 or 0xD800 <= code < 0xE000 or code in _cp1252:
                return False
        elif text[1:-1] not in _HTML_ENTITIES:
            return False  # also a stray "<"
    return True


def _summary(raw: str, content_type: str) -> str | None:
    """parse.py's summary: the element's text after pop(), as plain text."""
    out = raw.strip()
    if (
        content_type == "text/html"
        and "<" in out
        and not _FINISH_NEEDED.search(out)
        and _sanitizing_keeps_text(out)
    ):
        return _parse._clean(html_to_text(out))
    return _parse._clean(html_to_text(_typed_text(raw, content_type)))


def _rss_text(raw: str) -> str:
    """A text/plain RSS element (title): HTML-looking text is treated as HTML."""
    out = raw.strip()
    if ("<" in out or "&" in out) and _looks_like_html(out):
        out = _html(out, "text/html")
    return _finish(out)


def _content_type(attrs: Mapping[str, str], default: str) -> str:
    """feedparser's map_content_type, restricted to the two types reproduced here."""
    value = attrs.get("type", default).lower()
    value = {"text": "text/plain", "plain": "text/plain", "html": "text/html"}.get(value, value)
    if value not in ("text/plain", "text/html"):
        raise _Fallback(f"content type {value!r}")
    return value


def _typed_text(raw: str, content_type: str) -> str:
    out = raw.strip()
    if content_type == "text/html":
        out = _html(out, content_type)
    return _finish(out)


def _uri(raw: str) -> str:
    """feedparser's resolution against an empty base: it only drops the extra slashes of
    "scheme:///", so anything without ":///" comes back as it is."""
    return str(_urljoin("", raw)) if ":///" in raw else raw


def _rss_link(raw: str) -> str:
    out = _finish(_uri(raw.strip()))
    if "&" not in out:
        return out
    out = out.replace("&amp;", "&")  # feedparser's fix for query strings, as it does it
    return _QUERY_REF.sub(r"&\g<1>", out)


# -- dates -----------------------------------------------------------------------------------

_W3DTF = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?"
)
_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(\d{4})\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[+-]\d{2}:\d{2}|[a-z]+)",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _date(value: str) -> datetime | None:
    """What feedparser's _parse_date gives, via parse.py's conversion, for the two common
    forms; _Fallback for any other form.

    W3C-DTF is feedparser's first date handler and RFC 822 its second (W3C-DTF refuses
    every RFC 822 form matched here). Seconds are truncated, as in a struct_time.
    """
    if not value:
        return None  # feedparser: no date
    if not value.isascii():
        raise _Fallback("non-ASCII date")
    match = _W3DTF.fullmatch(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        offset = 0
        if zone and zone != "Z":
            offset = (int(zone[1:3]) * 60 + int(zone[4:6])) * (-1 if zone[0] == "-" else 1)
    else:
        match = _RFC822.fullmatch(value)
        if not match:
            raise _Fallback(f"date {value!r}")
        day, name, year, hour, minute, second, zone = match.groups()
        month = _MONTHS[name.lower()]
        zone = zone.lower()
        if zone[0] in "+-":
            minutes = int(zone[4:]) if ":" in zone else int(zone[3:])
            offset = (int(zone[1:3]) * 60 + minutes) * (-1 if zone[0] == "-" else 1)
        elif zone.startswith(("gmt", "etc")) and zone != "gmt":
            raise _Fallback(f"time zone {zone!r}")
        else:
            offset = int(_RFC822_ZONES.get(zone, 0)) * 60  # unknown names: UTC, like feedparser
    if not 1900 <= int(year) <= 9000:
        raise _Fallback("year out of range")
    stamp = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
        tzinfo=UTC,
    )  # fmt: skip
    return stamp - timedelta(minutes=offset) if offset else stamp


def _probe_date(raw: str) -> None:
    """A date feedparser parses but parse_feed does not use: only make sure that feedparser
    does not raise on it."""
    try:
        _feedparser_parse_date(_finish(raw.strip()))
    except Exception as exc:
        raise _Fallback("feedparser would raise on a date") from exc


# -- entries -----------------------------------------------------------------------------------


class _Dates:
    """feedparser keeps the last published-kind and the last updated-kind date of an
    entry; parse_feed takes the published one when it parsed, else the updated one."""

    __slots__ = ("published", "updated")

    def __init__(self) -> None:
        self.published: str | None = None
        self.updated: str | None = None

    def value(self) -> datetime | None:
        if self.published is not None:
            published = _date(_finish(self.published.strip()))
            if published is not None:
                if self.updated is not None:
                    _check_date(self.updated)
                return published
        if self.updated is not None:
            return _date(_finish(self.updated.strip()))
        return None


def _check_date(raw: str) -> None:
    """A date that parse_feed will not use: feedparser must still not raise on it."""
    try:
        _date(_finish(raw.strip()))
    except (_Fallback, ValueError, OverflowError):
        _probe_date(raw)


def _entry(
    key: str | None,
    link: str | None,
    title: str | None,
    summary: tuple[str, str] | None,
    dates: _Dates,
) -> Entry | None:
    """parse.py's _entry, from the raw pieces. `summary` is (raw text, content type)."""
    url = link or None
    clean_title = _parse._clean(title)
    published = dates.value()
    key = key or url or _parse._hash_key(clean_title, published)
    if key is None:
        return None
    text = _summary(*summary) if summary is not None else None
    return Entry(key=str(key)[:1024], url=url, title=clean_title, summary=text, published=published)


def _ttl(raw: str | None) -> int | None:
    ttl = _finish(raw.strip()).strip() if raw is not None else ""
    if not ttl.isascii():
        raise _Fallback("non-ASCII ttl")
    return int(ttl) if ttl.isdigit() else None


# -- RSS 2.0 / 0.9x and RSS 1.0 ------------------------------------------------------------------


def _rss(root: Any, *, rdf: bool) -> ParsedFeed:
    p = "rss1:" if rdf else ""
    channel_label, item_label, title_label = p + "channel", p + "item", p + "title"
    children = list(root)
    if not children or _label(children[0].tag) != channel_label:
        raise _Fallback("the channel is not the root's first element")
    if not rdf and len(children) != 1:
        raise _Fallback("more than one element under <rss>")
    channel = children[0]
    if rdf:
        _rdf_attrs(channel)
    else:
        _attrs(channel, ())
    grammar, dates = (
        (_RDF_CHANNEL, _RDF_CHANNEL_DATES) if rdf else (_RSS_CHANNEL, _RSS_CHANNEL_DATES)
    )
    title: str | None = None
    seen_title = False
    ttl: str | None = None
    item_elements: list[Any] = []
    for child in channel:
        label = _label(child.tag)
        if label == item_label and not rdf:
            item_elements.append(child)
        elif label == title_label:
            if seen_title:
                raise _Fallback("two channel titles")
            seen_title = True
            _attrs(child, ())
            title = _rss_text(_text(child))
        elif label == "ttl" and not rdf:
            _attrs(child, ())
            ttl = _text(child)
        elif label in dates:
            _attrs(child, ())
            _probe_date(_text(child))
        else:
            _harmless(child, label, grammar)
    if rdf:
        for child in children[1:]:
            label = _label(child.tag)
            if label == item_label:
                item_elements.append(child)
            elif label in _RDF_ROOT_EXTRAS:
                _ascii_attrs(child)
                _check(child, _RDF_ROOT_EXTRAS[label])
            else:
                raise _Fallback(f"element {label!r} under rdf:RDF")
    entries = [_rss_item(item, rdf) for item in item_elements]
    return _parse.ParsedFeed(_parse._clean(title), [e for e in entries if e is not None], _ttl(ttl))


_TITLE, _LINK, _DESCRIPTION, _ENCODED, _GUID, _PUBLISHED, _UPDATED = range(7)
_RSS_ITEM_ROLES = {
    "title": _TITLE,
    "link": _LINK,
    "description": _DESCRIPTION,
    "content:encoded": _ENCODED,
    "guid": _GUID,
    "pubdate": _PUBLISHED,
    "dcterms:issued": _PUBLISHED,
    "dc:date": _UPDATED,
    "dcterms:modified": _UPDATED,
}
_RDF_ITEM_ROLES = {
    ("rss1:" + label if label in ("title", "link", "description") else label): role
    for label, role in _RSS_ITEM_ROLES.items()
    if role != _GUID
}


def _rss_item(item: Any, rdf: bool) -> Entry | None:
    key: str | None = None
    if rdf:
        _rdf_attrs(item)
        key = item.get(_RDF_ABOUT) or None  # feedparser keeps the attribute as it is
        roles, grammar = _RDF_ITEM_ROLES, _RDF_ITEM
    else:
        _attrs(item, ())
        roles, grammar = _RSS_ITEM_ROLES, _RSS_ITEM
    title: str | None = None
    link: str | None = None  # the last <link>
    guid: str | None = None
    guid_link: str | None = None
    description: str | None = None
    encoded: str | None = None
    dates = _Dates()
    for child in item:
        label = _label(child.tag)
        role = roles.get(label)
        if role is None:
            _harmless(child, label, grammar)
            continue
        if role == _GUID:
            if guid is not None:
                raise _Fallback("two guids")
            permalink = _attrs(child, ("ispermalink",)).get("ispermalink", "true") == "true"
            raw = _text(child).strip()
            guid = _finish(_uri(raw) if permalink else raw)
            if permalink:
                guid_link = guid
            continue
        if child.keys():
            _attrs(child, ())  # xml:lang only
        text = _text(child)
        if role == _TITLE:
            if title is not None:
                raise _Fallback("two item titles")
            title = _rss_text(text)
        elif role == _LINK:
            link = _rss_link(text)
        elif role == _DESCRIPTION:
            if description is not None:
                raise _Fallback("two descriptions")
            description = text
        elif role == _PUBLISHED:
            dates.published = text
        elif role == _UPDATED:
            dates.updated = text
        else:  # _ENCODED
            if encoded is not None:
                raise _Fallback("two content:encoded")
            encoded = text
    if guid is not None:
        key = guid
    if link is None:
        link = guid_link
    summary = None
    if description is not None:
        summary = (description, "text/html")
    elif encoded is not None:
        summary = (encoded, "text/html")
    return _entry(key, link, title, summary, dates)


# -- Atom 1.0 ------------------------------------------------------------------------------------

_ATOM_LINK_ATTRS = ("href", "rel", "type", "hreflang", "title", "length")


def _atom(root: Any) -> ParsedFeed:
    title: str | None = None
    seen_title = False
    entries: list[Entry | None] = []
    for child in root:
        label = _label(child.tag)
        if label == "atom:entry":
            entries.append(_atom_entry(child))
        elif label == "atom:title":
            if seen_title:
                raise _Fallback("two feed titles")
            seen_title = True
            attrs = _attrs(child, ("type",))
            title = _typed_text(_text(child), _content_type(attrs, "text/plain"))
        elif label in _ATOM_FEED_DATES:
            _attrs(child, ())
            _probe_date(_text(child))
        else:
            _harmless(child, label, _ATOM_FEED)
    return _parse.ParsedFeed(_parse._clean(title), [e for e in entries if e is not None])


def _atom_entry(entry: Any) -> Entry | None:
    _attrs(entry, ())
    title: str | None = None
    key: str | None = None
    link: str | None = None
    summary: tuple[str, str] | None = None
    content: tuple[str, str] | None = None
    dates = _Dates()
    for child in entry:
        label = _label(child.tag)
        if label == "atom:title":
            if title is not None:
                raise _Fallback("two entry titles")
            attrs = _attrs(child, ("type",))
            title = _typed_text(_text(child), _content_type(attrs, "text/plain"))
        elif label == "atom:id":
            if key is not None:
                raise _Fallback("two ids")
            _attrs(child, ())
            key = _finish(_uri(_text(child).strip()))
            if link is None:
                link = key  # feedparser: the id stands in for a missing link
        elif label == "atom:link":
            attrs = _attrs(child, _ATOM_LINK_ATTRS)
            if len(child) or "href" not in attrs:
                raise _Fallback("Atom link without href")
            rel = attrs.get("rel", "alternate").lower()
            kind = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
            kind = kind.lower()
            kind = {"html": "text/html", "xhtml": "application/xhtml+xml"}.get(kind, kind)
            if rel == "alternate" and kind in _HTML_TYPES:
                link = _uri(attrs["href"])
        elif label == "atom:summary":
            if summary is not None:
                raise _Fallback("two summaries")
            attrs = _attrs(child, ("type",))
            summary = (_text(child), _content_type(attrs, "text/plain"))
        elif label == "atom:content":
            if content is not None:
                raise _Fallback("two contents")
            attrs = _attrs(child, ("type",))
            content = (_text(child), _content_type(attrs, "text/plain"))
        elif label == "atom:published":
            _attrs(child, ())
            dates.published = _text(child)
        elif label == "atom:updated":
            _attrs(child, ())
            dates.updated = _text(child)
        else:
            _harmless(child, label, _ATOM_ENTRY)
    return _entry(key, link, title, summary if summary is not None else content, dates)
