"""Digests as Discord messages: one embed per story, packed into as many messages as needed.

One embed per story, not per country: the story's headline is the embed's own title and
`url`, so there is a real link without any masked-link markup in feed text; the country
shows as the embed's author and a colour shared by its stories; and a story is the unit of
splitting, so no story is ever cut between two messages. Discord allows 10 embeds and
6,000 characters of embed text per message, so a default digest (8 stories) is one
message and a larger one continues ("(continued, 2/3)"). Per-country embeds would put
many stories into one 4,096-character description and cut them at arbitrary places.

Pings are impossible twice over: `allowed_mentions` is `{"parse": []}` on every message,
and feed text is escaped (`discord_escape`) or, where Discord shows plain text (author,
footer), cleaned with mentions neutralised. Lengths are UTF-16 units (see `safe`).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from bot.models import Digest, DigestItem
from bot.render.flags import country_label
from bot.render.labels import (
    DEFAULT_TITLE,
    EMPTY_DIGEST,
    KEY_FIGURES,
    by_country_line,
    figure_label,
    flags_line,
    header_counts,
    headline,
    join_fitting,
    omitted_line,
    quote_line,
    sources_line,
)
from bot.render.safe import (
    clean_text,
    cut,
    discord_escape,
    fit,
    neutralise_mentions,
    safe_url,
    units,
)

__all__ = [
    "AUTHOR_MAX",
    "CONTENT_MAX",
    "DESCRIPTION_MAX",
    "EMBEDS_MAX",
    "EMBEDS_TOTAL_MAX",
    "FOOTER_MAX",
    "TITLE_MAX",
    "embed_units",
    "render_discord",
]

Embed = dict[str, Any]
Message = dict[str, Any]

CONTENT_MAX = 2_000
TITLE_MAX = 256
DESCRIPTION_MAX = 4_096
FOOTER_MAX = 2_048
AUTHOR_MAX = 256
EMBEDS_MAX = 10
EMBEDS_TOTAL_MAX = 6_000

# Our own budgets, so that one embed (at most 3,620 units) always fits in a message.
_SUMMARY_MAX = 1_500
_QUOTE_MAX = 600
_FIGURES_MAX = 500
_FOOTER_TEXT = 600
_GREY = 0x95A5A6
_PALETTE = (0x1ABC9C, 0x3498DB, 0x9B59B6, 0xE67E22, 0xE74C3C, 0x2ECC71, 0xF1C40F, 0x34495E)


def _plain(text: str) -> str:
    """For fields Discord shows as plain text (author, footer): no markdown to escape."""
    return neutralise_mentions(clean_text(text))


def embed_units(embed: Embed) -> int:
    """An embed's text as Discord counts it toward the 6,000 of a message."""
    return (
        units(embed.get("title", ""))
        + units(embed.get("description", ""))
        + units(embed.get("footer", {}).get("text", ""))
        + units(embed.get("author", {}).get("name", ""))
        + sum(units(f["name"]) + units(f["value"]) for f in embed.get("fields", []))
    )


def _color(position: int, code: str) -> int:
    """A colour per country group, by its place in the digest, so neighbours differ."""
    return _GREY if country_label(code).startswith("🌐") else _PALETTE[position % len(_PALETTE)]


def _description(item: DigestItem) -> str:
    """Summary, best quote, key figures; at most 2,608 units."""
    parts = [fit(item.summary, discord_escape, _SUMMARY_MAX)]
    if item.quote:
        said = quote_line(item.quote, discord_escape, _QUOTE_MAX - 2)
        parts.append(f"> {said}" if said else "")
    published = item.story.published
    figures = [fit(figure_label(f, published), discord_escape, 120) for f in item.figures]
    if figures:
        prefix = f"**{KEY_FIGURES}** "
        parts.append(prefix + join_fitting(figures, _FIGURES_MAX - units(prefix)))
    return "\n\n".join(part for part in parts if part)


def _embed(position: int, code: str, item: DigestItem) -> Embed:
    embed: Embed = {
        "title": fit(headline(item), discord_escape, TITLE_MAX),
        "color": _color(position, code),
        "author": {"name": cut(_plain(country_label(code)), AUTHOR_MAX)},
    }
    url = safe_url(item.story.url)
    if url:
        embed["url"] = url
    description = _description(item)
    if description:
        embed["description"] = description
    meta = [
        flags_line(item.countries, language=item.story.analysis.language),
        sources_line(item.story, _plain, _FOOTER_TEXT - 70),
    ]
    embed["footer"] = {"text": " · ".join(m for m in meta if m)}
    published = item.story.published
    if published is not None:
        aware = published.astimezone(UTC) if published.tzinfo else published.replace(tzinfo=UTC)
        embed["timestamp"] = aware.isoformat()
    return embed


def _pack(embeds: list[Embed]) -> list[list[Embed]]:
    """Whole embeds into messages: at most 10 and 6,000 units of embed text each."""
    pages: list[list[Embed]] = []
    page: list[Embed] = []
    used = 0
    for embed in embeds:
        size = embed_units(embed)
        if page and (len(page) == EMBEDS_MAX or used + size > EMBEDS_TOTAL_MAX):
            pages.append(page)
            page, used = [], 0
        page.append(embed)
        used += size
    return [*pages, page] if page else pages


def _content(digest: Digest, title: str, part: int, parts: int) -> str:
    """The first message says what the digest holds; the others that they continue it."""
    if part > 1:
        return f"**{title}** (continued, {part}/{parts})"
    lines = [f"**{title}**", discord_escape(header_counts(digest))]
    lines += [fit(by_country_line(digest, 1_000), discord_escape, 1_000), omitted_line(digest)]
    if parts > 1:
        lines.append(f"part 1/{parts}")
    return cut("\n".join(line for line in lines if line), CONTENT_MAX)


def _message(content: str, embeds: list[Embed]) -> Message:
    return {"content": content, "embeds": embeds, "allowed_mentions": {"parse": []}}


def render_discord(digest: Digest) -> list[Message]:
    """The digest as one or more message payloads (for a channel or webhook), in order."""
    title = fit(digest.title, discord_escape, TITLE_MAX) or DEFAULT_TITLE
    if digest.empty:
        return [_message(f"**{title}**\n{EMPTY_DIGEST}", [])]
    embeds = [
        _embed(position, code, item)
        for position, (code, items) in enumerate(digest.groups)
        for item in items
    ]
    pages = _pack(embeds)
    return [
        _message(_content(digest, title, part, len(pages)), page)
        for part, page in enumerate(pages, 1)
    ]
