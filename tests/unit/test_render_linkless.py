"""A story with no link of its own (a feed item that is only text) renders everywhere
with its headline and text and no link: no `<sha1:…|…>`, no `[…](tag:…)`, no URL line.

The store gives such a story the entry's key where a link would be (`sha1:…` for an
item keyed by its content, an Atom `tag:` id): these tests use exactly that.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from slack_sdk.models.blocks import Block

from bot.chat.replies import search_reply, story_section
from bot.digest.compose import compose_item
from bot.models import Analysis, Digest, Reply, Story
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.replies import reply_discord, reply_slack, reply_text
from bot.render.slack_blocks import render_slack
from bot.render.text import render_text

END = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
CONTENT_KEY = "sha1:6974108941c74df95b744c0010604f8d618d7c7e"
NOT_LINKS = (CONTENT_KEY, "tag:notes.example,2026:3", "urn:summary:1")
LINKED_URL = "https://news.example/japan-cluster"


def story(story_id: int, title: str, url: str) -> Story:
    analysis = Analysis(
        relevant=True,
        relevance=0.9,
        countries=("KE",),
        summary=("Kenya will build a national AI supercomputer with 2,000 GPUs.",),
    )
    return Story(
        story_id, title, url, "Nairobi Tech Desk", END, analysis, (("Nairobi Tech Desk", url),)
    )


def digest(*stories: Story) -> Digest:
    return Digest(
        key="linkless",
        title="Sovereign AI digest — 25 Nov 2026",
        window_start=END.replace(day=24),
        window_end=END,
        groups=(("KE", tuple(compose_item(s) for s in stories)),),
        total_stories=len(stories),
    )


LINKLESS = [
    story(i, f"Kenya will build a national AI supercomputer {i}.", u)
    for i, u in enumerate(NOT_LINKS, 1)
]
LINKED = story(9, "Japan funds a national AI cluster", LINKED_URL)


def no_pseudo_link(rendered: str) -> None:
    for key in NOT_LINKS:
        assert key not in rendered
    assert "Kenya will build a national AI supercomputer 1." in rendered.replace("\\", "")


def test_slack_shows_the_headline_bold_without_a_link() -> None:
    messages = render_slack(digest(*LINKLESS, LINKED))
    for message in messages:
        for block in message["blocks"]:
            Block.parse(block).validate_json()  # type: ignore[union-attr]
    text = json.dumps(messages, ensure_ascii=False)
    no_pseudo_link(text)
    assert "*Kenya will build a national AI supercomputer 1.*" in text
    assert f"<{LINKED_URL}|Japan funds a national AI cluster>" in text  # links still work


def test_discord_embeds_carry_no_url() -> None:
    messages = render_discord(digest(*LINKLESS, LINKED))
    embeds = [embed for message in messages for embed in message.get("embeds", [])]
    by_title = {embed["title"]: embed for embed in embeds}
    assert "url" not in by_title["Kenya will build a national AI supercomputer 1."]
    assert by_title["Japan funds a national AI cluster"]["url"] == LINKED_URL
    no_pseudo_link(json.dumps(messages, ensure_ascii=False))


def test_markdown_headline_is_not_a_link() -> None:
    text = render_markdown(digest(*LINKLESS, LINKED))
    no_pseudo_link(text)
    assert "### Kenya will build a national AI supercomputer 1." in text
    assert f"### [Japan funds a national AI cluster]({LINKED_URL})" in text


def test_text_digest_has_no_url_line_for_it() -> None:
    text = render_text(digest(*LINKLESS, LINKED))
    no_pseudo_link(text)
    assert f"    {LINKED_URL}" in text.splitlines()


@pytest.mark.parametrize("render", [reply_text, reply_slack, reply_discord])
def test_command_replies_show_it_without_a_link(render: Callable[[Reply], object]) -> None:
    reply = search_reply("kenya", [*LINKLESS, LINKED])  # /ai-search, as sent to each platform
    rendered = json.dumps(render(reply), ensure_ascii=False)
    no_pseudo_link(rendered)
    assert LINKED_URL in rendered


def test_a_story_section_keeps_its_text() -> None:
    section = story_section(compose_item(LINKLESS[0]))
    shown = reply_text(Reply(title="Stories", sections=(section,)))
    assert "• Kenya will build a national AI supercomputer 1." in shown.splitlines()
    assert "Kenya will build a national AI supercomputer with 2,000 GPUs." in shown
