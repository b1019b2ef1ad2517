"""OPML, the format feed readers use to move subscriptions between them.

Parsed with the standard library's expat through `xml.etree`, which expands no external
entities; a document with a DOCTYPE is refused outright, since OPML never needs one and
entity tricks (billion laughs) hide there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

__all__ = ["OpmlError", "OpmlFeed", "parse_opml", "write_opml"]


class OpmlError(Exception):
    """Not a usable OPML document; the message says why."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str | None = None


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Every outline with an xmlUrl, at any depth (categories are folders), in order."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise OpmlError("OPML with a DOCTYPE or entities is refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not valid XML: {exc}") from None
    if root.tag.lower() != "opml":
        raise OpmlError(f"not an OPML document (root element <{root.tag}>)")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        title = outline.get("title") or outline.get("text")
        feeds.append(OpmlFeed(url, title.strip() if title else None))
    return feeds


def write_opml(feeds: Iterable[OpmlFeed], title: str = "sovai feeds") -> bytes:
    """An OPML 2.0 document listing the feeds."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    for feed in feeds:
        label = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=label, title=label, xmlUrl=feed.url)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
