"""RSS 2.0 / 0.9x and RSS 1.0 (RDF) documents, read as feedparser reads them, or _Fallback."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.feeds import fastparse  # the module, not its names: it imports us
from bot.feeds import parse as _parse  # the module, not its names: parse may import us
from bot.feeds.fast_dates import _Dates, _probe_date
from bot.feeds.fast_grammar import (
    _RDF_CHANNEL,
    _RDF_CHANNEL_DATES,
    _RDF_ITEM,
    _RDF_ROOT_EXTRAS,
    _RSS_CHANNEL,
    _RSS_CHANNEL_DATES,
    _RSS_ITEM,
)
from bot.feeds.fast_text import _finish, _rss_link, _rss_text, _uri
from bot.feeds.fast_xml import (
    _RDF_ABOUT,
    _ascii_attrs,
    _attrs,
    _check,
    _Fallback,
    _harmless,
    _label,
    _rdf_attrs,
    _text,
)
from bot.feeds.feed_text import reader_text
from bot.models import Entry

if TYPE_CHECKING:
    from bot.feeds.parse import ParsedFeed


def _ttl(raw: str | None) -> int | None:
    ttl = (_finish(raw.strip()).strip() if raw is not None else "")[:9]  # as parse.py
    if not ttl.isascii():
        raise _Fallback("non-ASCII ttl")
    return int(ttl) if ttl.isdigit() else None


def _rss(root: Any, *, rdf: bool) -> ParsedFeed:
    children = list(root)
    if not children or _label(children[0].tag) != ("rss1:" if rdf else "") + "channel":
        raise _Fallback("the channel is not the root's first element")
    if not rdf and len(children) != 1:
        raise _Fallback("more than one element under <rss>")
    channel = children[0]
    if rdf:
        _rdf_attrs(channel)
    else:
        _attrs(channel, ())
    title, ttl, item_elements = _rss_channel(channel, rdf=rdf)
    if rdf:
        item_elements.extend(_rdf_items(children[1:]))
    entries = [_rss_item(item, rdf) for item in item_elements]
    entries_kept = [e for e in entries if e is not None]
    return _parse.ParsedFeed(reader_text(*title), entries_kept, _ttl(ttl))


def _rss_channel(
    channel: Any, *, rdf: bool
) -> tuple[tuple[str | None, str], str | None, list[Any]]:
    """The channel's title (with its content type) and raw ttl, and its items (RSS 2.0;
    RSS 1.0 items are siblings of the channel); everything else in it must be harmless."""
    p = "rss1:" if rdf else ""
    item_label, title_label = p + "item", p + "title"
    grammar, dates = (
        (_RDF_CHANNEL, _RDF_CHANNEL_DATES) if rdf else (_RSS_CHANNEL, _RSS_CHANNEL_DATES)
    )
    title: tuple[str | None, str] = (None, "text/plain")
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
    return title, ttl, item_elements


def _rdf_items(siblings: list[Any]) -> list[Any]:
    """The RSS 1.0 items among the channel's siblings under rdf:RDF."""
    item_elements: list[Any] = []
    for child in siblings:
        label = _label(child.tag)
        if label == "rss1:item":
            item_elements.append(child)
        elif label in _RDF_ROOT_EXTRAS:
            _ascii_attrs(child)
            _check(child, _RDF_ROOT_EXTRAS[label])
        else:
            raise _Fallback(f"element {label!r} under rdf:RDF")
    return item_elements


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
    parts = _ItemParts()
    for child in item:
        label = _label(child.tag)
        role = roles.get(label)
        if role is None:
            _harmless(child, label, grammar)
        elif role == _GUID:
            parts.add_guid(child)
        else:
            parts.add_text(role, child)
    return parts.entry(key)


class _ItemParts:
    """What an item's elements give, as feedparser keeps it: the last link and the last
    date of each kind; a second title, description, guid or content:encoded means fallback."""

    __slots__ = ("dates", "description", "encoded", "guid", "guid_link", "link", "title")

    def __init__(self) -> None:
        self.title: tuple[str, str] | None = None
        self.link: str | None = None  # the last <link>
        self.guid: str | None = None
        self.guid_link: str | None = None
        self.description: str | None = None
        self.encoded: str | None = None
        self.dates = _Dates()

    def add_guid(self, child: Any) -> None:
        if self.guid is not None:
            raise _Fallback("two guids")
        permalink = _attrs(child, ("ispermalink",)).get("ispermalink", "true") == "true"
        raw = _text(child).strip()
        self.guid = _finish(_uri(raw) if permalink else raw)
        if permalink:
            self.guid_link = self.guid

    def add_text(self, role: int, child: Any) -> None:
        if child.keys():
            _attrs(child, ())  # xml:lang only
        text = _text(child)
        if role == _TITLE:
            if self.title is not None:
                raise _Fallback("two item titles")
            self.title = _rss_text(text)
        elif role == _LINK:
            self.link = _rss_link(text)
        elif role == _DESCRIPTION:
            if self.description is not None:
                raise _Fallback("two descriptions")
            self.description = text
        elif role == _PUBLISHED:
            self.dates.published = text
        elif role == _UPDATED:
            self.dates.updated = text
        else:  # _ENCODED
            if self.encoded is not None:
                raise _Fallback("two content:encoded")
            self.encoded = text

    def entry(self, key: str | None) -> Entry | None:
        """The entry: the guid is the key, and a permalink guid the link if there is none."""
        if self.guid is not None:
            key = self.guid
        link = self.link if self.link is not None else self.guid_link
        summary = None
        if self.description is not None:
            summary = (self.description, "text/html")
        elif self.encoded is not None:
            summary = (self.encoded, "text/html")
        title = self.title or (None, "text/plain")
        return fastparse._entry(key, link, title, summary, self.dates)
