"""The neutral replies of the slash commands (text only; renderers escape and format)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.digest.compose import compose_item
from bot.models import DigestItem, Reply, ReplySection, Story
from bot.redact import public_error, redact
from bot.render.labels import figure_label, flags_line, language_label, quote_line
from bot.sources import source_status
from bot.store.repo import FeedState

__all__ = [
    "error",
    "help_reply",
    "search_reply",
    "sources_reply",
    "story_section",
]

HELP = (
    (
        "/ai-country <country> [days]",
        "a country's briefing: announced money, GPUs and power (each announcement once), "
        "the timeline, revisions, who spoke, a chart (e.g. /ai-country japan 90; names, "
        "codes, demonyms and native names work)",
    ),
    ("/ai-compare <country> <country> [more…] [days]", "countries side by side, with a chart"),
    ("/ai-speaker <name>", "who a person is and their latest quotes; a surname works"),
    (
        "/ai-alert [list | add money>=1bn [countries…] | add gpus>=10000 | remove ID]",
        "post new announcements crossing a threshold here at once (add/remove: admins)",
    ),
    ("/ai-export [country] [days]", "the announcements as a CSV file"),
    (
        "/ai-digest [preview|now]",
        "preview this channel's next digest (only you see it), or post it now",
    ),
    (
        "/ai-subscribe [countries…] [at HH:MM] [tz Area/City] [weekly [mon…sun] | daily]",
        "daily or weekly digests here, e.g. /ai-subscribe JP IN at 08:30 tz Asia/Tokyo, "
        "/ai-subscribe JP weekly fri (a weekly digest carries a chart of the week)",
    ),
    ("/ai-unsubscribe", "stop this channel's digests"),
    ("/ai-sources [list | add URL | remove ID]", "the feeds read (add/remove: admins)"),
    ("/ai-search <words>", "search the stories read so far"),
    ("/ai-help", "this help"),
)


def error(message: str) -> Reply:
    """A reply saying what went wrong and what was expected; only the asker sees it."""
    return Reply(title=message, error=True)


def help_reply() -> Reply:
    return Reply(
        title="sovai: sovereign-AI news, who said what and which numbers matter",
        sections=tuple(ReplySection(text=what, title=usage) for usage, what in HELP),
    )


def story_section(item: DigestItem) -> ReplySection:
    said_in = language_label(item.story.analysis.language)
    lines = [flags_line(item.countries, language=item.story.analysis.language)] if said_in else []
    lines += [item.summary] if item.summary else []
    if item.quote is not None and (said := quote_line(item.quote)):
        lines.append(said)
    if item.figures:
        lines.append(" · ".join(figure_label(f, item.story.published) for f in item.figures))
    return ReplySection(text="\n".join(lines), title=item.headline, url=item.story.url)


def sources_reply(feeds: Sequence[FeedState]) -> Reply:
    """`/ai-sources list`: each feed with its status."""
    if not feeds:
        return Reply(title="No sources yet. Admins can add one with /ai-sources add URL.")
    sections = []
    for feed in feeds:
        status = source_status(feed)
        detail = f"#{feed.id} · {status} · {feed.entry_count} items"
        if feed.error_count and feed.last_error:
            detail += f" · last error: {public_error(feed.last_error)}"
        url = redact(feed.url)  # a private feed's ?token= is not for every member
        sections.append(ReplySection(text=detail, title=redact(feed.label), url=url))
    noun = "source" if len(feeds) == 1 else "sources"
    return Reply(title=f"{len(feeds)} {noun}", sections=tuple(sections))


def search_reply(query: str, stories: Sequence[Story]) -> Reply:
    """`/ai-search`: the best matching stories."""
    if not stories:
        return Reply(title=f"No stories match {query!r}.")
    return Reply(
        title=f"Stories matching {query!r}",
        sections=tuple(story_section(compose_item(s)) for s in stories),
    )
