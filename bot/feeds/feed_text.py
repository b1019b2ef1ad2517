"""Feed text as readers see it: plain text, every character reference decoded, one line.

Both parse paths (feedparser, and the lxml fast path that reproduces it) end here with
the text feedparser's pop() gives and the content type it declares, so that they agree
by construction, and so that titles and summaries reach the digest as plain text that
each renderer escapes for its own platform.

- Only HTML is stripped. Text declared `text/plain` (an Atom `type="text"` construct, an
  RSS title that does not look like HTML) keeps its "<" as written: "History of the
  <blink> tag" is a title about a tag, not a tag.
- HTML becomes its text as a browser shows it: tags dropped (block elements and `<br>`
  still separate words), scripts and styles dropped, references decoded ("don&#x2019;t"
  is "don’t").
- A reference still left after that was escaped twice by the publisher ("&amp;#8217;",
  "&amp;amp;"); it is decoded too, a few rounds at most, but only a complete one (a name
  HTML knows, or a number, ending in ";"), so "AT&T" and "&notice" stay as written.
"""

from __future__ import annotations

import html
import html.entities
import re

import lxml.html
from lxml.etree import ParserError

__all__ = ["HTML_TYPES", "one_line", "reader_text"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})  # feedparser's html_types

_LEFTOVER = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NAMED = frozenset(name for name in html.entities.html5 if name.endswith(";"))
_ROUNDS = 3  # "&amp;amp;amp;" is as far as real feeds go
# Elements whose edges separate words: "<p>One.</p><p>Two.</p>" reads "One. Two."
_BREAKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div",
    "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})  # fmt: skip


def reader_text(value: object, content_type: str) -> str | None:
    """What a reader should see of a feed's title or summary, or None when it is empty.

    `content_type` is the type feedparser declares for it ("text/plain", "text/html",
    "application/xhtml+xml", or whatever the feed said): only the HTML ones are stripped.
    """
    if not isinstance(value, str):
        return None
    text = html_text(value) if content_type in HTML_TYPES else value
    return one_line(_decode_leftovers(text))


def html_text(value: str) -> str:
    """The text of an HTML fragment, references decoded, words kept apart at block edges."""
    if "<" not in value:
        return html.unescape(value)
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return html.unescape(re.sub(r"<[^>]*>", " ", value))
    for hidden in list(root.iter("script", "style")):  # feedparser's sanitizer drops them
        hidden.drop_tree()  # too, but JSON Feed HTML does not go through it
    for element in root.iter(*_BREAKS):  # the HTML parser gives lower-case names
        element.tail = " " + (element.tail or "")
        if element.tag != "br":
            element.text = " " + (element.text or "")
    return str(root.text_content())


def one_line(value: object) -> str | None:
    """The text with its white space collapsed to single spaces, or None when empty."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _decode_leftovers(text: str) -> str:
    for _ in range(_ROUNDS):
        if "&" not in text:
            break
        decoded = _LEFTOVER.sub(_decode, text)
        if decoded == text:
            break
        text = decoded
    return text


def _decode(match: re.Match[str]) -> str:
    ref = match.group()
    if ref[1] != "#" and ref[1:] not in _NAMED:
        return ref  # "&foo;" is not a reference HTML knows: the publisher wrote it
    return html.unescape(ref)
