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
- RSS titles that look like HTML (feedparser's own test) are sanitized like HTML, and
  declared HTML. Each title and summary then goes, with the content type feedparser
  declares for it, through the one function both paths share
  (`bot.feeds.feed_text.reader_text`), and each entry through `parse.make_entry`.
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

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import feedparser
from feedparser.encodings import convert_to_utf8
from feedparser.exceptions import NonXMLContentType
from lxml import etree

from bot.feeds import fast_atom, fast_rss  # the modules, not their names: they import us
from bot.feeds import parse as _parse  # the module, not its names: parse may import us
from bot.feeds.fast_dates import _date as _date
from bot.feeds.fast_dates import _Dates
from bot.feeds.fast_text import _FINISH_NEEDED
from bot.feeds.fast_text import _sanitizing_keeps_text as _sanitizing_keeps_text
from bot.feeds.fast_text import _typed_text as _typed_text
from bot.feeds.fast_xml import (
    _ATOM_NS,
    _ATOM_ROOT,
    _FP_PREFIX,
    _FP_PREFIXES,
    _RDF_ROOT,
    _RSS1_NS,
    _ascii_attrs,
    _attrs,
)
from bot.feeds.fast_xml import _Fallback as _Fallback
from bot.feeds.feed_text import reader_text
from bot.models import Entry

if TYPE_CHECKING:
    from bot.feeds.parse import ParsedFeed

__all__ = ["fast_parse"]

ENABLED = str(getattr(feedparser, "__version__", "")).startswith("6.0.")


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
    data = _feedparser_bytes(body, headers)
    declared = _namespaces(data)
    root = etree.fromstring(data, _parser())
    for sibling in (*root.itersiblings(preceding=True), *root.itersiblings()):
        if not str(getattr(sibling, "target", "?")).isascii():  # PIs: comments are gone
            raise _Fallback("non-ASCII processing instruction target")
    tag = root.tag
    if tag == "rss":
        _ascii_attrs(root)
        return fast_rss._rss(root, rdf=False)
    if tag == _RDF_ROOT:
        # feedparser takes its version from the first of these namespaces it meets: the
        # root's default one must give "rss10" or "rss090" (with no version an empty feed
        # is an error), and an Atom one first would change how it reads RSS 1.0 text.
        default = str(root.nsmap.get(None) or "").lower()
        if _ATOM_NS in declared or default not in _RSS1_NS:
            raise _Fallback("RDF without RSS 1.0 as the default namespace, or with Atom's")
        _attrs(root, ())
        return fast_rss._rss(root, rdf=True)
    if tag == _ATOM_ROOT:
        if declared & _RSS1_NS:
            raise _Fallback("Atom with an RSS 1.0 namespace")
        _attrs(root, ())
        return fast_atom._atom(root)
    raise _Fallback(f"root element {tag!r}")


def _feedparser_bytes(body: bytes, headers: dict[str, str]) -> bytes:
    """The bytes feedparser parses, after its own encoding detection; _Fallback when it
    would resolve links against Content-Location, finds no encoding or has to override
    the declared one, or when there is a DOCTYPE or an ENTITY declaration."""
    if headers.get("content-location"):
        raise _Fallback("feedparser resolves links against Content-Location")
    result: dict[str, Any] = {}
    # feedparser's own detection, so the bytes parsed here are the bytes it parses
    data: bytes = convert_to_utf8(headers, body, result)
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
    return data


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


# -- entries, as parse.py makes them ------------------------------------------------------


def _entry(
    key: str | None,
    link: str | None,
    title: tuple[str | None, str],
    summary: tuple[str, str] | None,
    dates: _Dates,
) -> Entry | None:
    """parse.py's _entry, from the raw pieces: `title` is (text after pop(), content
    type), `summary` (raw text, content type)."""
    text = _summary(*summary) if summary is not None else None
    return _parse.make_entry(key, link, title, text, dates.value())


def _summary(raw: str, content_type: str) -> str | None:
    """parse.py's summary: the element's text after pop(), as plain text."""
    out = raw.strip()
    if (
        content_type == "text/html"
        and "<" in out
        and not _FINISH_NEEDED.search(out)
        and _sanitizing_keeps_text(out)
    ):
        return reader_text(out, content_type)
    return reader_text(_typed_text(raw, content_type), content_type)
