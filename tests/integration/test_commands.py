"""The slash commands' shared core, used as a chat user would use it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.chat.commands import COMMANDS
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.site_server import Site, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def bot(tmp_path: Path, site: Site) -> Iterator[ChatBot]:
    chat = make_chat_bot(tmp_path, [site.url("/feed.xml")])
    yield chat
    chat.store.close()


def test_help_lists_every_command(bot: ChatBot) -> None:
    text = bot.command("/ai-help")
    for name in COMMANDS:
        assert f"/ai-{name}" in text


@pytest.mark.parametrize("asked", ["japan", "JP", "Japanese", "日本"])
def test_country_briefing(bot: ChatBot, asked: str) -> None:
    text = bot.command(f"/ai-country {asked}")
    assert "🇯🇵 Japan: sovereign AI in the last 30 days" in text
    assert "Stories: 1" in text
    assert "Announced money: $763M" in text
    assert "GPUs: 12,000" in text
    assert "Japan unveils national AI supercomputer" in text
    assert "Haruto Ishida" in text


def test_country_with_days_and_mistakes(bot: ChatBot) -> None:
    assert "last 7 days" in bot.command("/ai-country japan 7")
    assert "no sovereign-AI stories" in bot.command("/ai-country kenya")
    typo = bot.reply("/ai-country japn")
    assert typo.error and "Did you mean Japan" in typo.title
    assert bot.reply("/ai-country").error
    assert bot.reply("/ai-country japan 9999").error


def test_subscribe_preview_post_and_unsubscribe(bot: ChatBot) -> None:
    assert "not subscribed" in bot.command("/ai-digest preview")
    subscribed = bot.reply("/ai-subscribe JP korea at 7:30 tz Asia/Tokyo")
    assert not subscribed.error and not subscribed.ephemeral
    assert "Japan, South Korea" in bot.command("/ai-subscribe JP korea at 7:30 tz Asia/Tokyo")
    assert "07:30 Asia/Tokyo" in bot.command("/ai-subscribe JP korea at 7:30 tz Asia/Tokyo")

    preview = bot.reply("/ai-digest preview")
    assert preview.ephemeral and preview.digest is not None
    assert "Japan unveils" in bot.command("/ai-digest")
    assert bot.posted.getvalue() == ""  # a preview posts nothing

    assert "Posted the digest (2 stories)" in bot.command("/ai-digest now")
    assert "Japan unveils" in bot.posted.getvalue()
    assert "Nothing new to post" in bot.command("/ai-digest now")

    assert "Unsubscribed" in bot.command("/ai-unsubscribe")
    assert bot.reply("/ai-unsubscribe").error


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/ai-subscribe atlantis", "I don't know the country 'atlantis'"),
        ("/ai-subscribe JP at 25:00", "Time must be HH:MM"),
        ("/ai-subscribe JP tz Mars/Base", "Unknown time zone"),
        ("/ai-digest later", "Use /ai-digest preview"),
        ("/ai-sources delete 3", "Use /ai-sources list"),
        ("/ai-search  ", "Search for what?"),
    ],
)
def test_bad_arguments_get_a_helpful_message(bot: ChatBot, line: str, says: str) -> None:
    reply = bot.reply(line)
    assert reply.error and says in reply.title


def test_sources_list_for_all_add_and_remove_for_admins(bot: ChatBot, site: Site) -> None:
    listed = bot.command("/ai-sources")
    assert "1 source" in listed and "1 sources" not in listed
    assert "ok" in bot.command("/ai-sources list")
    refused = bot.reply(f"/ai-sources add {site.url('/wire.xml')}")
    assert refused.error and "Only admins" in refused.title
    added = bot.command(f"/ai-sources add {site.url('/wire.xml')}", admin=True)
    assert "Source added" in added and "first poll" in added
    assert "2 sources" in bot.command("/ai-sources")
    assert bot.reply("/ai-sources remove 1", admin=True).error  # from the config file
    assert "removed" in bot.command("/ai-sources remove 2", admin=True)
    not_feed = bot.reply(f"/ai-sources add {site.url('/articles/football.html')}", admin=True)
    assert not_feed.error and "is not a feed" in not_feed.title


def test_search(bot: ChatBot) -> None:
    found = bot.command("/ai-search supercomputer")
    assert "Japan unveils national AI supercomputer" in found
    assert "No stories match" in bot.command("/ai-search football derby")


def test_zone_folders_and_odd_digits_get_a_helpful_message(bot: ChatBot) -> None:
    zone = bot.reply("/ai-subscribe JP tz Asia")
    assert zone.error and "Unknown time zone" in zone.title
    assert bot.reply("/ai-country japan ²").error


def test_replies_keep_their_line_breaks_on_slack(bot: ChatBot) -> None:
    from bot.render.replies import reply_slack

    (message,) = reply_slack(bot.reply("/ai-country japan"))
    texts = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section" and "text" in b]
    assert any("\n" in t.split("\n", 1)[1] for t in texts if "\n" in t)
    assert all(len(t) <= 3000 for t in texts)
