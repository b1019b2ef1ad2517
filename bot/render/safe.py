"""Untrusted feed text made safe to post: cleaned, escaped per platform, cut to size.

Headlines, summaries, quotes and source names come from feeds and pages anyone can write,
so nothing of theirs may reach a chat as markup: no `<!channel>` in Slack, no `@everyone`
or masked `[bank](http://evil)` link in Discord, no raw HTML in Markdown. Every escaper
cleans first (control, zero-width and bidi-override characters out, whitespace collapsed),
so one call makes a piece of feed text safe for one platform.

Lengths are counted in UTF-16 code units (`units`). Discord counts code points (its API
is Python 3: discord/discord-api-docs#1315) and Slack documents "characters" without
saying which; UTF-16 units are never fewer than code points and equal what a JavaScript
client counts, so a text within a limit by this count is within it by either reading.
An emoji costs two units, which is the price of never being rejected.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote, urlsplit, urlunsplit

__all__ = [
    "ELLIPSIS",
    "Escape",
    "clean_text",
    "clip",
    "cut",
    "discord_escape",
    "fit",
    "markdown_escape",
    "neutralise_mentions",
    "safe_url",
    "slack_escape",
    "slack_url",
    "units",
]

Escape = Callable[[str], str]
ELLIPSIS = "…"
ZWSP = "\u200b"
MAX_URL = 2_000

# Every format character (Cf) of Unicode 14 but the two joiners, the controls that are
# not whitespace, surrogates and the Hangul fillers that render as nothing. A unit test
# checks this class against `unicodedata`, so a new Python cannot quietly widen the gap.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ud800-\udfff\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
# ZWJ/ZWNJ shape Indic and Persian words and join emoji (👨‍👩‍👧); between two
# non-ASCII letters they cannot hide markup, anywhere else they go.
_LONE_JOINER = re.compile(r"(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])")
_MENTION_WORD = re.compile(r"@(?=everyone|here|channel|room)", re.IGNORECASE)
_MENTION_TAG = re.compile(r"<(?=[@#!:/]|[at]:)")
_SLACK = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_DISCORD = re.compile(r"([\\*_~`|<>#\[\]])")
_MARKDOWN = re.compile(r"([\\*_~`|<>#\[\]&])")
_LIST_START = re.compile(r"^(?:\d+(?=[.)])|(?=[-+]))")
_URL_SAFE = "/?#@!$&*+,;=:%~-._"  # RFC 3986 minus ( ) and the characters of chat markup
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?")
_IPV6 = re.compile(r"[0-9a-f:.]*:[0-9a-f:.]*")
_HEX2 = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _escape_next(match: re.Match[str]) -> str:
    return match.group(0) + "\\"


def units(text: str) -> int:
    """Length as the platforms' limits are checked here: UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clean_text(text: str) -> str:
    """One line of visible text: invisible and control characters out, spaces collapsed."""
    text = _LONE_JOINER.sub("", _INVISIBLE.sub("", text))
    return " ".join(text.split())


def neutralise_mentions(text: str) -> str:
    """Mentions shown as typed, never pinging: a zero-width space after the `@` or `<`.

    Covers `@everyone`, `@here`, `@channel`, `@room` and the tags `<@id>`, `<@&id>`,
    `<#id>`, `<!here>`, `<:emoji:id>`, `<a:…>`, `<t:…>`, `</command:id>`. It is the
    last step of every escaper, and alone is enough where a platform shows plain text.
    """
    return _MENTION_TAG.sub("<" + ZWSP, _MENTION_WORD.sub("@" + ZWSP, text))


def slack_escape(text: str) -> str:
    """Clean text for Slack mrkdwn: `&`, `<`, `>` as entities, so no `<!channel>` survives."""
    return neutralise_mentions(clean_text(text).translate(_SLACK))


def slack_url(url: str) -> str:
    """A URL from `safe_url` as a Slack link target: `&`, `<`, `>` as entities, nothing else.

    Mentions are neutralised in text, never in a URL: a zero-width space after the `@`
    of `https://medium.com/@heretics` or `…/@here/…` would break the link, and inside
    `<url|text>` Slack reads no mention anyway (`safe_url` has percent-encoded any `<`,
    `>` and `|` that could end the target early).
    """
    return url.translate(_SLACK)


def discord_escape(text: str) -> str:
    """Clean text for Discord markdown: markup, mentions and masked links shown as typed.

    Brackets are escaped, so `[bank](http://evil)` cannot become a masked link, and so
    is `<`, so `<@123>`, `<@&1>`, `<#1>` and `<t:1>` stay text; parentheses are left
    alone ("(Reuters)" reads better without backslashes) as no link forms without `[`.
    """
    escaped = _DISCORD.sub(r"\\\1", clean_text(text))
    return neutralise_mentions(_LIST_START.sub(_escape_next, escaped, count=1))


def markdown_escape(text: str) -> str:
    """Clean text for CommonMark/GFM (GitHub, Matrix): no HTML, links, emphasis or @room."""
    escaped = _MARKDOWN.sub(r"\\\1", clean_text(text))
    return neutralise_mentions(_LIST_START.sub(_escape_next, escaped, count=1))


def safe_url(url: str | None, max_length: int = MAX_URL) -> str | None:
    """An http(s) URL that cannot break `<url|text>` or `[text](url)`, else None.

    Other schemes (`javascript:`, `data:`, `slack://`) and URLs with a user part
    (`http://bank.com@evil.example`) are refused; a host is its IDNA (punycode) form, so a
    look-alike domain shows as `xn--…`; characters that end a link in one of the
    platforms' syntaxes (`|`, `<`, `>`, `(`, `)`, spaces, quotes) are percent-encoded.
    """
    if not url or len(url) > 2 * max_length:
        return None
    try:
        parts = urlsplit(clean_text(url).replace(" ", "%20"))
        netloc = _netloc(parts.hostname or "", parts.port)
    except (ValueError, UnicodeError):
        return None
    if parts.scheme.lower() not in ("http", "https") or not netloc or "@" in parts.netloc:
        return None
    path, query, fragment = (
        quote(_HEX2.sub("%25", part), safe=_URL_SAFE)
        for part in (parts.path, parts.query, parts.fragment)
    )
    result = urlunsplit((parts.scheme.lower(), netloc, path or "/", query, fragment))
    return result if units(result) <= max_length else None


def _netloc(host: str, port: int | None) -> str | None:
    """`host[:port]` with the host in ASCII, or None for a host no browser would accept."""
    if _IPV6.fullmatch(host):
        host = f"[{host}]"
    else:
        host = host.encode("idna").decode("ascii")
        if not _HOST.fullmatch(host):
            return None
    return host if port is None else f"{host}:{port}"


def _inside_grapheme(text: str, i: int) -> bool:
    """Whether a cut before text[i] would split a user-perceived character."""
    if text[i - 1] == "\u200d":
        return True
    ch, code = text[i], ord(text[i])
    if unicodedata.category(ch).startswith("M") or ch in "\u200c\u200d":
        return True
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE01EF:
        return True
    if 0x1F1E6 <= code <= 0x1F1FF:  # regional indicators pair up into flags
        run = 0
        while i - run - 1 >= 0 and 0x1F1E6 <= ord(text[i - run - 1]) <= 0x1F1FF:
            run += 1
        return run % 2 == 1
    return False


def _prefix_end(text: str, budget: int) -> int:
    """The largest i with units(text[:i]) <= budget."""
    if units(text) == len(text):
        return min(budget, len(text))
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > budget:
            return i
    return len(text)


def _safe_end(text: str, end: int) -> int:
    """Move a cut back off a grapheme's middle, an `&amp;` entity and a lone backslash."""
    for back in range(min(end, 32)):
        if not _inside_grapheme(text, end - back):
            end -= back
            break
    amp = text.rfind("&", max(0, end - 5), end)
    if amp != -1 and ";" not in text[amp:end]:
        end = amp
    slashes = len(text[:end]) - len(text[:end].rstrip("\\"))
    return end - 1 if slashes % 2 else end


def cut(text: str, limit: int) -> str:
    """`text` within `limit` units, ending in "…" at a word boundary when one is near.

    Meant for escaped text: the cut never lands inside `&amp;`, after an escaping
    backslash, inside a surrogate pair, or between a letter and its accents, an emoji and
    its modifier or the two halves of a flag. Within the last quarter (at most 40 units)
    a space is preferred, so words are not split when it costs little.
    """
    if units(text) <= limit:
        return text
    if limit < units(ELLIPSIS):
        return ""
    end = _prefix_end(text, limit - units(ELLIPSIS))
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", 0, end)
        if space > 0 and end - space <= min(40, end // 4):
            end = space
    if end < len(text):
        end = _safe_end(text, end)
    kept = text[:end].rstrip().rstrip("\u200c\u200d")
    return kept + ELLIPSIS


def clip(text: str, limit: int) -> str:
    """The start of `text` that a cut at `limit` can need, marked "…" when shortened.

    Cleaning and escaping a megabyte of feed text to keep 300 characters is wasted work,
    and a cheap way for a feed to slow the bot; reading 2×limit+100 characters is enough
    for the cut, and the mark keeps the loss visible even when cleaning shrinks the rest.
    """
    size = 2 * limit + 100
    return text if len(text) <= size else text[:size] + ELLIPSIS


def fit(text: str, escape: Escape, limit: int) -> str:
    """Feed text made safe by `escape` and cut to `limit` units: the renderers' one step."""
    return cut(escape(clip(text, limit)), limit)
