"""Digests as Slack Block Kit: a list of `chat.postMessage` payloads, never one too big.

Slack rejects a whole message for one block over its limit (`invalid_blocks`) or for
too much text in all blocks together (`msg_blocks_too_long`, observed from about 12,000
characters and undocumented: slackapi/bolt-js#2509, #2867), so every limit is kept by
construction: each piece of an item has its own budget and the budgets of a section add
up to less than 3,000; items are packed whole into messages of at most 50 blocks and
`MESSAGE_TEXT_BUDGET` characters, and a digest too big for one message continues in the
next ("(continued, 2/3)") instead of being cut. Lengths are UTF-16 units (see `safe`).

Every mrkdwn text object is `verbatim`, and `link_names` is never set, so Slack does not
turn feed text into links or mentions; feed text is escaped besides (`slack_escape`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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
from bot.render.safe import clean_text, cut, fit, safe_url, slack_escape, slack_url, units

__all__ = [
    "BLOCKS_MAX",
    "CONTEXT_ELEMENTS_MAX",
    "HEADER_MAX",
    "MESSAGE_TEXT_BUDGET",
    "SECTION_MAX",
    "render_slack",
    "slack_context",
    "slack_link",
    "text_units",
    "with_note",
]

Block = dict[str, Any]
Message = dict[str, Any]


HEADER_MAX = 150
SECTION_MAX = 3_000
CONTEXT_ELEMENTS_MAX = 10
BLOCKS_MAX = 50
MESSAGE_TEXT_BUDGET = 9_000  # all text of a message; Slack's own ceiling is ~12,000

# An item's section: the parts' budgets add up to 2,988 with the line breaks.
_URL_MAX = 1_000
_HEADLINE_MAX = 300
_SUMMARY_MAX = 1_000
_QUOTE_MAX = 400
_FIGURES_MAX = 280
_META_MAX = 600
_TALLY_MAX = 500
_FALLBACK_MAX = 400
_MANY = 99_999  # a part number at least as wide as any real one, to size the tops
_DIVIDER: Block = {"type": "divider"}


@dataclass(frozen=True)
class _Chunk:
    """Blocks that stay in one message: an item, with its country's heading if first."""

    label: str
    first: bool
    blocks: list[Block]


def text_units(value: object) -> int:
    """All text of a block (or list of blocks) as Slack counts it toward its ceiling."""
    if isinstance(value, dict):
        return sum(
            units(v) if k == "text" and isinstance(v, str) else text_units(v)
            for k, v in value.items()
        )
    if isinstance(value, list):
        return sum(text_units(v) for v in value)
    return 0


def slack_link(text: str, url: str) -> str:
    """`<url|text>` for escaped mrkdwn `text` and a URL from `safe_url` (see `slack_url`)."""
    return f"<{slack_url(url)}|{text}>"


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def slack_context(texts: Iterable[str]) -> Block:
    """A context block of mrkdwn elements (at most Slack's ten)."""
    return {"type": "context", "elements": [_mrkdwn(t) for t in texts if t][:CONTEXT_ELEMENTS_MAX]}


def _link_line(item: DigestItem) -> str:
    """'*<url|Headline>*', or the bold headline alone when the URL is unsafe or huge."""
    title = fit(headline(item), slack_escape, _HEADLINE_MAX)
    url = safe_url(item.story.url)
    if url is None or units(slack_url(url)) > _URL_MAX:
        return f"*{title}*"
    return f"*{slack_link(title, url)}*"


def _item_text(item: DigestItem) -> str:
    """Headline link, summary, best quote, key figures: one section, at most 2,988 units."""
    lines = [_link_line(item), fit(item.summary, slack_escape, _SUMMARY_MAX)]
    if item.quote:
        said = quote_line(item.quote, slack_escape, _QUOTE_MAX - 2)
        lines.append(f"> {said}" if said else "")
    figures = [fit(figure_label(f, item.story.published), slack_escape, 120) for f in item.figures]
    if figures:
        prefix = f"_{KEY_FIGURES}_ "
        lines.append(prefix + join_fitting(figures, _FIGURES_MAX - units(prefix)))
    return "\n".join(line for line in lines if line)


def _item_blocks(item: DigestItem) -> list[Block]:
    meta = [
        flags_line(item.countries, language=item.story.analysis.language),
        sources_line(item.story, slack_escape, _META_MAX - 70, slack_link),
    ]
    return [_section(_item_text(item)), slack_context([" · ".join(m for m in meta if m)])]


def _chunks(digest: Digest) -> list[_Chunk]:
    chunks = []
    for code, items in digest.groups:
        label = f"*{slack_escape(country_label(code))}*"
        for i, item in enumerate(items):
            blocks = _item_blocks(item)
            chunks.append(_Chunk(label, i == 0, [_section(label), *blocks] if i == 0 else blocks))
    return chunks


def _pack(chunks: list[_Chunk], blocks_room: int, text_room: int) -> list[list[Block]]:
    """Whole items into as few pages as fit the room left by each message's top and footer."""
    pages: list[list[Block]] = []
    page: list[Block] = []
    used = 0
    for chunk in chunks:
        blocks = [_DIVIDER, *chunk.blocks] if page and chunk.first else chunk.blocks
        size = text_units(blocks)
        if page and (len(page) + len(blocks) > blocks_room or used + size > text_room):
            pages.append(page)
            blocks = chunk.blocks
            if not chunk.first:
                blocks = [_section(f"{chunk.label} (continued)"), *blocks]
            page, used, size = [], 0, text_units(blocks)
        page += blocks
        used += size
    return [*pages, page] if page else pages


def _top(title: str, counts: str, part: int, parts: int) -> tuple[str, list[Block]]:
    """The fallback text and first blocks of message `part` of `parts`."""
    escaped = fit(title, slack_escape, HEADER_MAX)
    if part == 1:
        header = {"type": "header", "text": {"type": "plain_text", "text": title, "emoji": True}}
        marker = f" · part 1/{parts}" if parts > 1 else ""
        return f"{escaped}: {counts}", [header, slack_context([counts + marker])]
    continued = f"{escaped} (continued, {part}/{parts})"
    return continued, [slack_context([f"*{continued}*"])]


def _footer(digest: Digest) -> list[Block]:
    lines = [by_country_line(digest, _TALLY_MAX), omitted_line(digest)]
    texts = [fit(line, slack_escape, _TALLY_MAX) for line in lines if line]
    return [_DIVIDER, slack_context(texts)] if texts else []


def _room(title: str, counts: str, footer: list[Block]) -> tuple[int, int]:
    """Blocks and text left for items in any message, after the widest top and the footer.

    The footer goes only into the last message, but which one is last is known only after
    packing, so every message keeps room for it.
    """
    tops = [_top(title, counts, part, _MANY) for part in (1, _MANY)]
    top_blocks = max(len(blocks) for _, blocks in tops)
    top_text = max(units(cut(text, _FALLBACK_MAX)) + text_units(blocks) for text, blocks in tops)
    return (
        BLOCKS_MAX - top_blocks - len(footer),
        MESSAGE_TEXT_BUDGET - top_text - text_units(footer),
    )


def _message(fallback: str, blocks: list[Block]) -> Message:
    return {
        "text": cut(fallback, _FALLBACK_MAX),
        "blocks": blocks,
        "unfurl_links": False,
        "unfurl_media": False,
    }


def render_slack(digest: Digest) -> list[Message]:
    """The digest as one or more `chat.postMessage` payloads, to be posted in order."""
    title = fit(digest.title, clean_text, HEADER_MAX) or DEFAULT_TITLE
    if digest.empty:
        text = f"*{fit(title, slack_escape, HEADER_MAX)}*\n{EMPTY_DIGEST}"
        return [_message(EMPTY_DIGEST, [_section(text)])]
    counts = slack_escape(header_counts(digest))
    footer = _footer(digest)
    pages = _pack(_chunks(digest), *_room(title, counts, footer))
    messages = []
    for part, blocks in enumerate(pages, 1):
        fallback, top = _top(title, counts, part, len(pages))
        end = footer if part == len(pages) else []
        messages.append(_message(fallback, [*top, *blocks, *end]))
    return messages


def with_note(messages: list[Message], note: str, max_messages: int) -> list[Message]:
    """The messages with `note` (trusted mrkdwn: a reply's line about its files) last.

    It joins the last message as a context block while that has room for one; else it
    is a message of its own, or, when no more messages may be sent, it takes the last
    block's place: a line about the asker's files matters more than a footer.
    """
    block = slack_context([note])
    if not messages:
        return [_message(note, [block])]
    out = [*messages[:-1], {**messages[-1], "blocks": list(messages[-1]["blocks"])}]
    last = out[-1]["blocks"]
    if len(last) < BLOCKS_MAX and text_units(last) + units(note) <= MESSAGE_TEXT_BUDGET:
        last.append(block)
    elif len(out) < max_messages:
        out.append(_message(note, [block]))
    else:
        last[-1] = block
    return out
