"""Article HTML to main text and metadata, with trafilatura.

When a page gives no usable text (a paywall stub, a script-only page), the feed's own
summary stands in and the article is marked `from_feed`, so a story is never lost just
because its page could not be read.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import lxml.html
import trafilatura
from lxml.etree import ParserError

from bot.articles.dedupe import canonical_url, clean_url
from bot.models import Article, Entry

__all__ = [
    "MIN_TEXT_CHARS",
    "article_from_entry",
    "extract_article",
    "html_to_text",
    "strip_chrome",
]

MIN_TEXT_CHARS = 200
_CHROME = re.compile(
    r"^(?:\s*©|\W*(?:read (?:more|next|also)|also read|see also|related(?: articles| stories)?|"
    r"recommended|more from|sign up|subscribe|follow us|share this|click here|"
    r"this (?:article|story) (?:was|is|first) (?:originally )?(?:published|republished|appeared)|"
    r"(?:originally|first) published|republished|copyright|all rights reserved|"
    r"\(reporting by|\(editing by|advertisement|listen to this article)\b)",
    re.IGNORECASE,
)
_CHROME_MAX_CHARS = 300
_LANG = re.compile(rb"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def extract_article(html: bytes | str, url: str, entry: Entry, source: str | None) -> Article:
    """The page's main text and metadata, or the feed entry's text when extraction fails."""
    raw = html.encode("utf-8", "replace") if isinstance(html, str) else html
    result = trafilatura.extract(
        raw, url=url, output_format="json", with_metadata=True, include_comments=False
    )
    data = json.loads(result) if result else {}
    title = entry.title or data.get("title")
    text = _without_headline(strip_chrome(data.get("text") or ""), title, data.get("title"))
    if len(text) < MIN_TEXT_CHARS:
        return article_from_entry(entry, source, url=url)
    lang = _LANG.search(raw[:4096])
    return Article(
        url=clean_url(url),
        canonical_url=canonical_url(url),
        title=title,
        text=text,
        source=source or data.get("sitename") or data.get("hostname"),
        author=data.get("author"),
        published=entry.published or _date(data.get("date")),
        language=data.get("language") or (lang.group(1).decode().lower() if lang else None),
    )


def strip_chrome(text: str) -> str:
    """Drop site chrome that extraction lets through: "Read next" lines, republication
    footers, newsletter prompts, copyright lines (short paragraphs only, so an article
    that merely starts with "Subscribers to the plan…" keeps its text)."""
    kept = [
        p.strip()
        for p in text.split("\n")
        if p.strip() and not (len(p) <= _CHROME_MAX_CHARS and _CHROME.match(p.strip()))
    ]
    return "\n".join(kept)


def _without_headline(text: str, *titles: str | None) -> str:
    """Extraction often repeats the headline as the first line; it is not body text."""
    first, _, rest = text.partition("\n")
    wanted = {" ".join(t.split()).lower() for t in titles if t}
    return rest if " ".join(first.split()).lower() in wanted else text


def article_from_entry(
    entry: Entry, source: str | None, url: str | None = None, *, feed_id: int | None = None
) -> Article:
    """An article made of the feed's own title and summary, marked as such.

    An entry with no link is identified by its feed and key, so two feeds that both
    number their items "1" are not taken for the same story.
    """
    link = url or entry.url or entry.key
    has_scheme = link.startswith(("http://", "https://"))
    return Article(
        url=clean_url(link) if has_scheme else link,
        canonical_url=canonical_url(link) if has_scheme else f"entry:{feed_id}:{entry.key}",
        title=entry.title,
        text=entry.summary or entry.title or "",
        source=source,
        published=entry.published,
        from_feed=True,
    )


def html_to_text(value: object) -> str | None:
    """Plain text of an HTML fragment (feed summaries often carry markup)."""
    if not isinstance(value, str) or not value.strip():
        return None
    if "<" not in value:
        return value
    try:
        return str(lxml.html.fragment_fromstring(value, create_parent="div").text_content())
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", value)


def _date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
