"""Elements and attributes as feedparser names them, and the checks that refuse the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from feedparser.mixin import _FeedParserMixin


class _Fallback(Exception):
    """Something this fast path does not reproduce exactly: let feedparser do it."""


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
