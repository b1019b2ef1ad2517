"""Replies with files on Discord, end to end against the fake Discord API.

An interaction goes through the bot's real command tree; the real command answers and
`FileCommands` adds files to its reply. The fake parses discord.py's multipart requests,
so what is checked is what Discord would store: each file's bytes (sha256), its name and
description, the embed's `attachment://` image, the ephemeral flag, and the one sentence
a reply says when a file is left out or refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import discord
import pytest
from discord.http import Route

from bot.chat.discord_app import ADMIN_COMMANDS, SovaiDiscord
from bot.feeds.fetch import Fetcher
from bot.models import Attachment, Chart
from bot.runtime import senders_for
from bot.settings import load_settings
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_discord import TOKEN, FakeDiscord
from tests.integration.fake_discord import serve_discord as serve_fake
from tests.integration.fake_discord_files import UploadedFile
from tests.integration.site_server import serve_site
from tests.integration.test_discord import EPHEMERAL, interaction
from tests.integration.test_reply_files import FileCommands, chart, export

Answers = list[tuple[str, dict[str, Any], float]]
MIB = 1024 * 1024


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with serve_fake() as running:
        monkeypatch.setattr(Route, "BASE", running.base)
        yield running


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[ChatBot]:
    with serve_site() as site:
        bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
        bot.settings = load_settings(bot.settings.path, environ={"DISCORD_BOT_TOKEN": TOKEN})
        yield bot
        bot.store.close()


def run(
    fake: FakeDiscord,
    chat: ChatBot,
    files: tuple[Attachment, ...],
    payload: dict[str, Any],
    public: bool = False,
    charts: tuple[Chart, ...] = (),
) -> tuple[dict[str, Any], list[UploadedFile]]:
    """Dispatch the interaction; the message shown (the last answer's JSON, without its
    files) and the files that came with it, as the fake parsed them."""

    async def go() -> None:
        fetcher = Fetcher(chat.settings.config.fetch)
        commands = FileCommands(
            chat.settings, chat.store, fetcher, senders_for(chat.settings), ADMIN_COMMANDS
        )
        commands.files, commands.public, commands.charts = files, public, charts
        client = SovaiDiscord(commands)
        client.ack_seconds = 0.2
        try:
            await client.login(TOKEN)
            data = cast(Any, payload)
            await client.tree._call(discord.Interaction(data=data, state=client._connection))
        finally:
            await client.close()
            await fetcher.aclose()

    asyncio.run(asyncio.wait_for(go(), 30))
    answers: Answers = fake.interactions[payload["token"]]
    _, body, _ = answers[-1]
    message = body.get("data") or body  # a callback wraps the message in `data`
    if answers[0][1].get("type") == 5:  # deferred: the deferral must be as private
        assert answers[0][1]["data"]["flags"] == message.get("flags", 0)
    return message, fake.uploads.get(payload["token"], [])


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "options"),
    [("help", {}), ("country", {"country": "JP", "days": 30})],  # answered; deferred
)
def test_an_ephemeral_reply_carries_its_chart_in_the_embed_and_its_csv_beside(
    fake: FakeDiscord, chat: ChatBot, name: str, options: dict[str, Any]
) -> None:
    files = (chart(), export())
    message, uploaded = run(fake, chat, files, interaction(name, **options))
    assert message["flags"] == EPHEMERAL  # the files are as private as the text
    assert [(f.filename, f.sha256) for f in uploaded] == [
        ("jp-usd.png", sha(files[0].data)),
        ("jp.csv", sha(files[1].data)),
    ]
    assert uploaded[0].description == files[0].alt  # what a screen reader says
    assert uploaded[1].description == "Japan's announcements"
    (embed,) = message["embeds"]
    assert embed["image"] == {"url": "attachment://jp-usd.png"}
    assert [a["filename"] for a in message["attachments"]] == ["jp-usd.png", "jp.csv"]
    assert "attached" not in json.dumps(message)


def test_a_public_reply_shows_its_files_to_the_channel(fake: FakeDiscord, chat: ChatBot) -> None:
    message, uploaded = run(fake, chat, (chart(),), interaction("help"), public=True)
    assert not message.get("flags")
    assert [f.sha256 for f in uploaded] == [sha(chart().data)]


def test_hostile_names_are_safe_and_the_embed_points_at_the_first_picture(
    fake: FakeDiscord, chat: ChatBot
) -> None:
    files = (
        export("../../etc/passwd"),
        chart("..\\..\\évil\x00\u202e name.png", 1),
        chart("x" * 300, 2),
        chart("Évil Name.png", 3),
    )
    message, uploaded = run(fake, chat, files, interaction("help"))
    names = [f.filename for f in uploaded]
    assert names == ["passwd.csv", "evil_name.png", "x" * 92 + ".png", "Evil_Name-2.png"]
    assert message["embeds"][0]["image"] == {"url": "attachment://evil_name.png"}
    assert [f.sha256 for f in uploaded] == [sha(f.data) for f in files]


def test_a_file_over_the_servers_limit_is_left_out_and_said(
    fake: FakeDiscord, chat: ChatBot
) -> None:
    big = Attachment("big.png", b"\x89PNG" + b"\x00" * (9 * MIB), "image/png", "Too big")
    message, uploaded = run(fake, chat, (big, export()), interaction("help"))
    assert [f.filename for f in uploaded] == ["jp.csv"]  # the rest still goes
    assert message["content"].endswith(
        "⚠️ 1 chart could not be attached: 9.4 MB is over the 8.4 MB upload limit."
    )
    assert "image" not in message["embeds"][0]  # the picture that is not there
    assert not any(
        len(r.files) > 1 or (r.files and len(r.files[0].data) > MIB) for r in fake.requests
    )  # never sent: checked before


def test_at_most_ten_files_go_with_a_message(fake: FakeDiscord, chat: ChatBot) -> None:
    files = tuple(chart(f"c{i}.png", i) for i in range(12))
    message, uploaded = run(fake, chat, files, interaction("help"))
    assert [f.filename for f in uploaded] == [f"c{i}.png" for i in range(10)]
    assert message["content"].endswith(
        "⚠️ 2 charts could not be attached: at most 10 files go with one message."
    )


@pytest.mark.parametrize(("name", "options"), [("help", {}), ("country", {"country": "JP"})])
def test_files_discord_refuses_leave_the_text_and_one_sentence(
    fake: FakeDiscord, chat: ChatBot, name: str, options: dict[str, Any]
) -> None:
    fake.file_limit = 1_000  # the server says 8 MiB, Discord itself says no: 413
    message, uploaded = run(fake, chat, (chart(), export()), interaction(name, **options))
    assert uploaded == []
    assert message["flags"] == EPHEMERAL and message["embeds"][0]["title"]
    assert "image" not in message["embeds"][0]
    assert (
        message["content"] == "⚠️ 2 files could not be attached: Discord refused them as too large."
    )
    refused = [r for r in fake.requests if r.files]
    assert len(refused) == 1 and len(refused[0].files) == 2  # tried once, with both


def test_a_passing_outage_is_retried_with_the_files(fake: FakeDiscord, chat: ChatBot) -> None:
    fake.fail("POST", r"/callback$", 503, message="Service Unavailable", code=0)
    message, uploaded = run(fake, chat, (chart(),), interaction("help"))
    assert [f.sha256 for f in uploaded] == [sha(chart().data)]  # once, whole
    assert "attached" not in json.dumps(message)


def test_files_refused_for_another_reason_are_said_too(fake: FakeDiscord, chat: ChatBot) -> None:
    fake.fail("POST", r"/callback$", 400, message="Invalid Form Body", code=50035)
    message, uploaded = run(fake, chat, (chart(),), interaction("help"))
    assert uploaded == [] and message["embeds"][0]["title"]
    assert message["content"] == "⚠️ The chart could not be attached: Discord answered 400."
