"""Atom 1.0 documents, read as feedparser reads them, or _Fallback."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.feeds import fastparse  # the module, not its names: it imports us
from bot.feeds import parse as _parse  # the module, not its names: parse may import us
from bot.feeds.fast_dates import _Dates, _probe_date
from bot.feeds.fast_grammar import _ATOM_ENTRY, _ATOM_FEED, _ATOM_FEED_DATES
from bot.feeds.fast_text import _content_type, _finish, _typed_text, _uri
from bot.feeds.fast_xml import _attrs, _Fallback, _harmless, _label, _text
from bot.feeds.feed_text import reader_text
from bot.models import Entry

if TYPE_CHECKING:
    from bot.feeds.parse import ParsedFeed

_HTML_TYPES = {"application/xhtml+xml", "text/html"}
_ATOM_LINK_ATTRS = ("href", "rel", "type", "hreflang", "title", "length")


def _atom(root: Any) -> ParsedFeed:
    title: tuple[str | None, str] = (None, "text/plain")
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
            title = _typed_title(child)
        elif label in _ATOM_FEED_DATES:
            _attrs(child, ())
            _probe_date(_text(child))
        else:
            _harmless(child, label, _ATOM_FEED)
    return _parse.ParsedFeed(reader_text(*title), [e for e in entries if e is not None])


def _atom_entry(entry: Any) -> Entry | None:
    _attrs(entry, ())
    title: tuple[str | None, str] | None = None
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
            title = _typed_title(child)
        elif label == "atom:id":
            if key is not None:
                raise _Fallback("two ids")
            _attrs(child, ())
            key = _finish(_uri(_text(child).strip()))
            if link is None:
                link = key  # feedparser: the id stands in for a missing link
        elif label == "atom:link":
            href = _alternate_link(child)  # "" still replaces the link; None leaves it
            if href is not None:
                link = href
        elif label == "atom:summary":
            if summary is not None:
                raise _Fallback("two summaries")
            summary = _typed_content(child)
        elif label == "atom:content":
            if content is not None:
                raise _Fallback("two contents")
            content = _typed_content(child)
        elif label == "atom:published":
            _attrs(child, ())
            dates.published = _text(child)
        elif label == "atom:updated":
            _attrs(child, ())
            dates.updated = _text(child)
        else:
            _harmless(child, label, _ATOM_ENTRY)
    text = summary if summary is not None else content
    return fastparse._entry(key, link, title or (None, "text/plain"), text, dates)


def _typed_title(el: Any) -> tuple[str | None, str]:
    """A title's text after pop(), and its content type."""
    raw, content_type = _typed_content(el)
    return _typed_text(raw, content_type), content_type


def _typed_content(el: Any) -> tuple[str, str]:
    """A text construct's raw text and content type (text/plain or text/html)."""
    attrs = _attrs(el, ("type",))
    return _text(el), _content_type(attrs, "text/plain")


def _alternate_link(el: Any) -> str | None:
    """The href of a `rel="alternate"` link of an HTML type, else None."""
    attrs = _attrs(el, _ATOM_LINK_ATTRS)
    if len(el) or "href" not in attrs:
        raise _Fallback("Atom link without href")
    rel = attrs.get("rel", "alternate").lower()
    kind = attrs.get("type", "application/atom+xml" if rel == "self" else "text/html")
    kind = kind.lower()
    kind = {"html": "text/html", "xhtml": "application/xhtml+xml"}.get(kind, kind)
    if rel == "alternate" and kind in _HTML_TYPES:
        return _uri(attrs["href"])
    return None
