"""The elements known to be harmless, by context: anything else sends a feed to feedparser."""

from __future__ import annotations

from typing import Any

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
