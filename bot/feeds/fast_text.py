"""Text as feedparser's pop() leaves it: links, titles and summaries, sanitized or not."""

from __future__ import annotations

import contextlib
import html.entities
import re
from collections.abc import Callable, Mapping

from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.sanitizer import _sanitize_html
from feedparser.urls import _urljoin, resolve_relative_uris

from bot.feeds.fast_xml import _Fallback

_looks_like_html: Callable[[str], bool] = _FeedParserMixin.looks_like_html
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


def _rss_text(raw: str) -> tuple[str, str]:
    """A text/plain RSS element (title) and its content type: like feedparser, text that
    looks like HTML is treated (and declared) as HTML."""
    out = raw.strip()
    if ("<" in out or "&" in out) and _looks_like_html(out):
        return _finish(_html(out, "text/html")), "text/html"
    return _finish(out), "text/plain"


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
