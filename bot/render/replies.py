"""Command replies for Slack, Discord and the terminal, within each platform's limits.

A reply that is a digest renders as the digest itself (possibly several messages); any
other reply is one message: a title, fields (totals) and sections (stories, sources),
cut to the platform's limits with a count of what did not fit, never silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.models import Reply
from bot.render.discord_embeds import render_discord
from bot.render.safe import (
    Escape,
    clean_text,
    cut,
    discord_escape,
    fit,
    safe_url,
    slack_escape,
    units,
)
from bot.render.slack_blocks import (
    BLOCKS_MAX,
    MESSAGE_TEXT_BUDGET,
    SECTION_MAX,
    render_slack,
    slack_context,
    slack_link,
    text_units,
)
from bot.render.text import render_text

__all__ = ["FIELD_MAX", "SECTION_FIELDS_MAX", "reply_discord", "reply_slack", "reply_text"]

Message = dict[str, Any]
_SLACK_SECTIONS = 40  # of 50 blocks: header, fields, context and the "more" line fit beside
SECTION_FIELDS_MAX = 10  # Slack's limits for a section's fields
FIELD_MAX = 2_000
_SLACK_FIELDS_TEXT = 4_000  # all the fields of a reply together
_MORE_UNITS = 40  # "and 12,345 more not shown", with room to spare
_DISCORD_FIELDS = 25
_DISCORD_FOOTER_MAX = 300
_DISCORD_BUDGET = 5_500  # title and fields; with the footer well within 6,000 per message


def reply_text(reply: Reply) -> str:
    """Plain text, for the terminal and for tests that read replies."""
    if reply.digest is not None:
        return render_text(reply.digest)
    lines = [clean_text(reply.title)]
    lines += [f"{clean_text(name)}: {clean_text(value)}" for name, value in reply.fields]
    for section in reply.sections:
        if section.title:
            lines.append(
                f"• {clean_text(section.title)}"
                + (f" <{section.url}>" if safe_url(section.url) else "")
            )
        lines += [f"  {clean_text(line)}" for line in section.text.splitlines() if line.strip()]
    if reply.footer:
        lines.append(clean_text(reply.footer))
    return "\n".join(lines) + "\n"


def _lines(text: str, escape: Escape, limit: int) -> str:
    """Escape line by line (escapers flatten whitespace), within `limit` in all."""
    out: list[str] = []
    used = 0
    for line in text.splitlines():
        piece = fit(line, escape, max(limit - used - 1, 0))
        if not piece:
            continue
        out.append(piece)
        used += units(piece) + 1
    return "\n".join(out)


def _slack_section(title: str | None, url: str | None, text: str) -> str:
    """A linked heading and the body, within a section's 3,000 characters."""
    link = safe_url(url, max_length=1_000)
    heading = fit(title or "", slack_escape, 300)
    if heading:
        heading = f"*{slack_link(heading, link)}*" if link else f"*{heading}*"
    body = _lines(text, slack_escape, SECTION_MAX - units(heading) - 2)
    return "\n".join(part for part in (heading, body) if part) or " "


def reply_slack(reply: Reply) -> list[Message]:
    """Slack `chat.postMessage`/`respond` payloads (blocks plus fallback text)."""
    if reply.digest is not None:
        messages = render_slack(reply.digest)
        if reply.footer:  # a delivery problem: first, where a cut reply cannot lose it
            _note_first(messages, reply.footer)
        return messages
    return [_slack_message(reply)]


def _note_first(messages: list[dict[str, Any]], note: str) -> None:
    """`note` under the first message's header, or, when that message is full (blocks or
    text), as a message of its own before it."""
    block = _slack_context(note)
    first = messages[0]["blocks"]
    if len(first) < BLOCKS_MAX and text_units(first) + text_units([block]) <= MESSAGE_TEXT_BUDGET:
        first.insert(1 if first and first[0].get("type") == "header" else 0, block)
        return
    text = fit(note, slack_escape, 300) or " "
    messages.insert(
        0, {"text": text, "blocks": [block], "unfurl_links": False, "unfurl_media": False}
    )


def _slack_fields(fields: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
    """A section of up to ten fields (the reply's totals), each within an equal share of
    `_SLACK_FIELDS_TEXT`, so that totals with long values leave room for the stories."""
    shown = fields[:SECTION_FIELDS_MAX]
    if not shown:
        return []
    each = min(FIELD_MAX, _SLACK_FIELDS_TEXT // len(shown))
    texts = []
    for name, value in shown:
        head = f"*{fit(name, slack_escape, min(200, each // 4))}*"
        body = _lines(value, slack_escape, each - units(head) - 1)
        texts.append({"type": "mrkdwn", "text": f"{head}\n{body}", "verbatim": True})
    return [{"type": "section", "fields": texts}]


def _slack_message(reply: Reply) -> Message:
    """One message: header, totals, as many sections as fit, what was left out, footer.

    Every text counts toward the message's budget (`MESSAGE_TEXT_BUDGET`): the fallback,
    the header, the fields and the footer are measured first and the sections fill what
    is left, so no reply is refused by Slack for its size.
    """
    fallback = fit(reply.title, slack_escape, 300) or " "  # notifications: escaped too
    header = {"type": "plain_text", "text": cut(clean_text(reply.title), 150) or " "}
    top: list[dict[str, Any]] = [{"type": "header", "text": header}]
    top += _slack_fields(reply.fields)
    footer = [_slack_context(reply.footer)] if reply.footer else []
    fixed = units(fallback) + text_units(top) + text_units(footer) + _MORE_UNITS
    sections: list[dict[str, Any]] = []
    used = fixed
    for section in reply.sections[:_SLACK_SECTIONS]:
        text = _slack_section(section.title, section.url, section.text)
        if used + units(text) > MESSAGE_TEXT_BUDGET:
            break
        used += units(text)
        sections.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}
        )
    left = len(reply.sections) - len(sections) + max(len(reply.fields) - SECTION_FIELDS_MAX, 0)
    more = [_slack_context(f"and {left:,} more not shown")] if left else []
    return {
        "text": fallback,
        "blocks": [*top, *sections, *more, *footer],
        "unfurl_links": False,
        "unfurl_media": False,
    }


def _slack_context(text: str) -> dict[str, Any]:
    return slack_context([fit(text, slack_escape, 2_000)])


def reply_discord(reply: Reply) -> list[Message]:
    """Discord message payloads (one embed), mentions disabled."""
    if reply.digest is not None:
        messages = render_discord(reply.digest)
        if reply.footer:
            messages[-1]["content"] = cut(
                (messages[-1].get("content") or "") + "\n" + discord_escape(reply.footer), 2_000
            )
        return messages
    embed: dict[str, Any] = {"title": fit(reply.title, discord_escape, 256) or " "}
    used = units(embed["title"])
    fields: list[dict[str, Any]] = []
    for name, value in reply.fields:
        fields.append(
            {
                "name": fit(name, discord_escape, 256),
                "value": fit(value, discord_escape, 1_024) or "-",
                "inline": True,
            }
        )
    for section in reply.sections:
        name = fit(section.title or "", discord_escape, 256) or "-"
        value = _lines(section.text, discord_escape, 900) or "-"
        link = safe_url(section.url)
        if link and units(value) + units(link) + 3 <= 1_024:
            value = f"{value}\n<{link}>"
        fields.append({"name": name, "value": value, "inline": False})
    kept = []
    for field in fields[:_DISCORD_FIELDS]:
        size = units(field["name"]) + units(field["value"])
        if used + size > _DISCORD_BUDGET:
            break
        kept.append(field)
        used += size
    embed["fields"] = kept
    # the count of what was left out is never what a long footer pushes off the end
    more = f"{len(fields) - len(kept):,} more not shown" if len(kept) < len(fields) else ""
    own = fit(reply.footer or "", clean_text, _DISCORD_FOOTER_MAX - units(more) - 3)
    footer = " · ".join(part for part in (own, more) if part)
    if footer:
        embed["footer"] = {"text": footer}
    if reply.error:
        embed["color"] = 0xCC3333
    return [{"embeds": [embed], "allowed_mentions": {"parse": []}}]
