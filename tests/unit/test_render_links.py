"""Links as the publisher wrote them: mention neutralising is for text, never for URLs.

A zero-width space after the `@` of `https://medium.com/@heretics/…` breaks the link, so a
URL keeps its `@here`, `@channel`, `@everyone`, `@room` (or a handle that starts like
them) in every format, while the same words in a headline are still neutralised. In
Slack's mrkdwn every `&` is an entity, in link targets (headline, outlets, reply
headings) as in text; Discord and Markdown take the URL as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.models import Analysis, Digest, Reply, ReplySection, Story
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.replies import reply_discord, reply_slack
from bot.render.safe import ZWSP, safe_url
from bot.render.slack_blocks import render_slack
from tests.unit.block_kit import assert_block_kit, mrkdwn_texts
from tests.unit.render_samples import END, START, item

MENTION_URLS = [
    "https://medium.com/@heretics/why-nations-build-their-own-models-3f2a",
    "https://video.example/@here/sovereign-ai-explained",
    "https://social.example/@channel",
    "https://forum.example/t/@everyone/42",
    "https://chat.example/#/room/@room:example.org",
    "https://blog.example/@Everyone-Counts/post",
]
RAW_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;)")
LINK_TARGET = re.compile(r"<([^|>]*)\|")


def _story(url: str, title: str = "Ministry opens a national AI cluster") -> Story:
    outlets = (("Medium", url), ("Wire", "https://wire.example/a?id=7&lang=en"))
    return Story(
        story_id=1,
        title=title,
        url=url,
        source="Medium",
        published=END,
        analysis=Analysis(relevant=True, relevance=0.9, countries=("KR",)),
        sources=outlets,
    )


def _digest(url: str, title: str = "Ministry opens a national AI cluster") -> Digest:
    return Digest(
        key="k",
        title="Sovereign AI digest",
        window_start=START,
        window_end=END,
        groups=(("KR", (item(_story(url, title), "Summary."),)),),
        total_stories=1,
    )


def _reply(url: str) -> Reply:
    return Reply(title="Stories", sections=(ReplySection("Summary.", "A story", url),))


@pytest.mark.parametrize("url", MENTION_URLS)
def test_a_slack_link_keeps_the_at_sign_of_its_url(url: str) -> None:
    target = safe_url(url)
    assert target is not None and "@" in target and ZWSP not in target
    digest, reply = render_slack(_digest(url)), reply_slack(_reply(url))
    for message in digest + reply:
        assert_block_kit(message)
        for text in mrkdwn_texts(message):
            assert not [t for t in LINK_TARGET.findall(text) if ZWSP in t], text
    headline = next(t for t in mrkdwn_texts(digest[0]) if "Summary." in t)
    assert headline.startswith(f"*<{target}|Ministry opens")
    assert f"<{target}|Medium>" in "\n".join(mrkdwn_texts(digest[0]))  # the outlet's link
    assert mrkdwn_texts(reply[0])[0].startswith(f"*<{target}|A story>*")


@pytest.mark.parametrize("url", MENTION_URLS)
def test_a_discord_link_keeps_the_at_sign_of_its_url(url: str) -> None:
    target = safe_url(url)
    (message,) = render_discord(_digest(url))
    (embed,) = message["embeds"]
    assert embed["url"] == target
    (reply,) = reply_discord(_reply(url))
    assert reply["embeds"][0]["fields"][0]["value"].endswith(f"\n<{target}>")


@pytest.mark.parametrize("url", MENTION_URLS)
def test_a_markdown_link_keeps_the_at_sign_of_its_url(url: str) -> None:
    text = render_markdown(_digest(url))
    assert f"]({safe_url(url)})" in text
    assert f"[Medium]({safe_url(url)})" in text  # the outlet's link too


def test_the_same_words_in_a_headline_are_still_neutralised() -> None:
    url = MENTION_URLS[0]
    digest = _digest(url, "Readers @here and @everyone: @heretics on sovereign AI")
    slack = "\n".join(t for m in render_slack(digest) for t in mrkdwn_texts(m))
    assert f"@{ZWSP}here and @{ZWSP}everyone: @{ZWSP}heretics" in slack
    assert f"<{safe_url(url)}|" in slack
    (message,) = render_discord(digest)
    assert f"@{ZWSP}here" in message["embeds"][0]["title"]
    assert f"@{ZWSP}here" in render_markdown(digest)


def test_every_ampersand_in_slack_mrkdwn_is_an_entity() -> None:
    url = "https://news.example/story?id=1&ref=rss&amp;utm=x"
    digest = _digest(url, "Q&A: the minister on chips & clouds")
    digest = replace(digest, tally=(("KR", 1),))
    replies = reply_slack(
        Reply(
            title="R&D totals",
            fields=(("R&D", "KRW 1 trillion & more"),),
            sections=(ReplySection("Chips & clouds", "Q&A", url),),
            footer="Terms & conditions",
        )
    )
    for message in render_slack(digest) + replies:
        assert_block_kit(message)
        for text in [*mrkdwn_texts(message), message["text"]]:
            assert not RAW_AMPERSAND.search(text), text
    slack = "\n".join(t for m in render_slack(digest) for t in mrkdwn_texts(m))
    assert "<https://news.example/story?id=1&amp;ref=rss&amp;amp;utm=x|" in slack
    assert "<https://wire.example/a?id=7&amp;lang=en|Wire>" in slack  # an outlet's link
    heading = mrkdwn_texts(replies[0])[1]
    assert heading.startswith(
        "*<https://news.example/story?id=1&amp;ref=rss&amp;amp;utm=x|Q&amp;A>*"
    )


def test_discord_and_markdown_take_the_ampersand_of_a_url_as_it_is() -> None:
    url = "https://news.example/story?id=1&ref=rss"
    (message,) = render_discord(_digest(url))
    assert message["embeds"][0]["url"] == url
    assert f"]({url})" in render_markdown(_digest(url))
