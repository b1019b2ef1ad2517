"""Replies with files (a chart, an export) on Slack, end to end against the fake Slack.

A signed slash command reaches the app over HTTP; the real command answers, and a thin
subclass of `Commands` adds files to its reply, as the chart commands will. What the
fake received (the whole external-upload flow, the response_url posts) is checked:
bytes intact, names safe, ephemeral replies never sharing into the channel, and every
refused upload still giving the text, with one sentence about the files.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import struct
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from pydantic import SecretStr

from bot.chat.commands import CommandContext, Commands
from bot.chat.slack_app import EVENTS_PATH, SlackBot
from bot.chat.slack_sender import SlackSender, slack_client
from bot.feeds.fetch import Fetcher
from bot.models import Attachment, Chart, Reply
from bot.settings import Secrets, SlackConfig
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_slack import TOKEN, FakeSlack, serve_fake_slack
from tests.integration.site_server import Site, serve_site
from tests.integration.test_slack import CHANNEL, MANIFEST, SECRET, SlackUser, signed

Json = dict[str, Any]
ASKER = "U0USER"
TITLE = "Japan: sovereign AI in the last 30 days"


def chart_png(seed: int = 0) -> bytes:
    """A real 2×2 PNG, then bytes a careless transfer would mangle (CR LF, NUL, a
    boundary look-alike, every byte value), so only an exact copy compares equal."""
    raw = b"".join(b"\x00" + bytes([seed, 0, 0, 255] * 2) for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
    noise = bytes(range(256)) * 8 + b"\r\n--boundary\r\n\r\n\x00\r\r\n"
    return png + chunk(b"IEND", b"") + noise


def chart(name: str = "jp-usd.png", seed: int = 0) -> Attachment:
    alt = "Cumulative USD announced by Japan, rising from 0 to 1.2 billion"
    return Attachment(name, chart_png(seed), "image/png", "Japan: announced USD", alt)


def export(name: str = "jp.csv") -> Attachment:
    data = b'date,what,usd\r\n2025-03-01,ABCI 3.0,"1,200,000,000"\r\n'
    return Attachment(name, data, "text/csv", "Japan's announcements")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileCommands(Commands):
    """The real commands, their replies carrying the files a test gives (and, if asked,
    shown to the whole channel), as a chart command's would."""

    files: tuple[Attachment, ...] = ()
    charts: tuple[Chart, ...] = ()
    public: bool = False

    async def handle(self, name: str, text: str, ctx: CommandContext) -> Reply:
        reply = await super().handle(name, text, ctx)
        return replace(
            reply,
            files=self.files,
            charts=self.charts,
            ephemeral=reply.ephemeral and not self.public,
        )


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with serve_fake_slack() as slack:
        slack.users = {ASKER: {"is_admin": False}}
        yield slack


@pytest.fixture
def chat(tmp_path: Path, site: Site) -> Iterator[ChatBot]:
    bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
    yield bot
    bot.store.close()


@asynccontextmanager
async def slack_app(
    chat: ChatBot,
    fake: FakeSlack,
    files: tuple[Attachment, ...],
    public: bool,
    charts: tuple[Chart, ...] = (),
) -> AsyncIterator[SlackUser]:
    """The app in HTTP mode, its Web API client on the fake; leaving waits for every
    answer under way (uploads included), so the fake's records are complete after it."""
    settings = replace(
        chat.settings,
        config=chat.settings.config.model_copy(update={"slack": SlackConfig(mode="http")}),
        secrets=Secrets(slack_bot_token=SecretStr(TOKEN), slack_signing_secret=SecretStr(SECRET)),
    )
    client = slack_client(TOKEN, {"SLACK_API_URL": fake.api_url})
    fetcher = Fetcher(settings.config.fetch)
    commands = FileCommands(settings, chat.store, fetcher, {"slack": SlackSender(client)})
    commands.files, commands.public, commands.charts = files, public, charts
    bot = SlackBot(settings, commands, client)
    port = await bot.start(host="127.0.0.1", port=0)
    try:
        async with aiohttp.ClientSession() as http:
            yield SlackUser(http, f"http://127.0.0.1:{port}{EVENTS_PATH}", fake)
    finally:
        await bot.stop()
        await fetcher.aclose()


def ask(
    chat: ChatBot,
    fake: FakeSlack,
    files: tuple[Attachment, ...],
    *,
    public: bool = False,
    line: str = "/ai-country japan",
    charts: tuple[Chart, ...] = (),
) -> list[Json]:
    """Type the command; every message posted to its response_url, in order."""

    async def scenario() -> list[Json]:
        async with slack_app(chat, fake, files, public, charts) as user:
            body, answer_id = user.form(line, ASKER)
            status, text, _ = await user.post(body, signed(body))
            assert (status, text) == (200, "")
            deadline = time.monotonic() + 30
            while not fake.responses.get(answer_id):
                assert time.monotonic() < deadline, "no answer within 30 s"
                await asyncio.sleep(0.05)
        return fake.responses[answer_id]

    return asyncio.run(scenario())


def shown(answer: Json) -> str:
    blocks = answer.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return json.dumps(blocks, ensure_ascii=False) + str(answer.get("text"))


def test_a_public_reply_is_followed_by_its_files_in_the_channel(
    chat: ChatBot, fake: FakeSlack
) -> None:
    files = (chart(), export())
    (answer,) = ask(chat, fake, files, public=True)
    assert answer["response_type"] == "in_channel" and TITLE in shown(answer)
    assert "attached" not in shown(answer)  # nothing to say: the files are there
    uploads = fake.uploads()
    assert [(u.filename, u.sha256) for u in uploads] == [
        ("jp-usd.png", sha(files[0].data)),
        ("jp.csv", sha(files[1].data)),
    ]
    assert all(u.length == len(u.data or b"") for u in uploads)  # as announced
    assert [u.title for u in uploads] == ["Japan: announced USD", "Japan's announcements"]
    assert uploads[0].alt_txt == files[0].alt and uploads[1].alt_txt is None
    assert {u.channel for u in uploads} == {CHANNEL}
    (shared,) = fake.messages(CHANNEL)  # one message, both files
    assert [f["name"] for f in shared["files"]] == ["jp-usd.png", "jp.csv"]
    assert len(fake.calls_to("files.getUploadURLExternal")) == 2
    assert len(fake.calls_to("files.completeUploadExternal")) == 1
    assert fake.calls_to("conversations.open") == []


def test_an_ephemeral_reply_sends_its_chart_to_the_askers_direct_message(
    chat: ChatBot, fake: FakeSlack
) -> None:
    (answer,) = ask(chat, fake, (chart(),))
    assert answer["response_type"] == "ephemeral" and TITLE in shown(answer)
    (upload,) = fake.uploads()
    assert upload.sha256 == sha(chart().data)
    assert upload.channel == "D0USER"  # the asker's DM with the app, nowhere else
    assert [c.args["users"] for c in fake.calls_to("conversations.open")] == [ASKER]
    assert fake.messages(CHANNEL) == []
    assert upload.initial_comment == f"🇯🇵 {TITLE} (you asked in <#{CHANNEL}>)"
    (note,) = json.loads(json.dumps(answer["blocks"]))[-1]["elements"]
    link = f"https://fake.slack.test/files/U0BOT/{upload.file_id}/jp-usd.png"
    assert note["text"] == (
        f"📎 The chart is in <{link}|a direct message>, where only you can see it."
    )


def test_hostile_names_are_made_safe_and_every_byte_arrives(chat: ChatBot, fake: FakeSlack) -> None:
    files = (
        chart("../../etc/passwd", 1),
        chart("x" * 300 + ".png", 2),
        chart("bell\x07\x1b[31mred\r\n.png", 3),
        chart("Chart.PNG", 4),
        chart("chart.png", 5),
        export("C:\\Users\\ann\\report.exe"),
    )
    (answer,) = ask(chat, fake, files, public=True)
    names = [u.filename for u in fake.uploads()]
    assert names[0] == "passwd.png" and names[2] == "bell_31mred.png"
    assert names[1] == "x" * 92 + ".png" and len(names[1]) <= 100
    assert names[3:] == ["Chart.png", "chart-2.png", "report.exe.csv"]
    assert [u.sha256 for u in fake.uploads()] == [sha(f.data) for f in files]
    assert "attached" not in shown(answer)


def test_more_than_ten_files_are_cut_and_said(chat: ChatBot, fake: FakeSlack) -> None:
    files = tuple(chart(f"c{i}.png", i) for i in range(11))
    (answer,) = ask(chat, fake, files)
    assert len(fake.uploads()) == 10
    assert shown(answer).count("1 chart could not be attached: at most 10 files go with one") == 1
    assert "📎 The 10 charts are in <" in shown(answer)


@pytest.mark.parametrize(
    ("refusal", "says"),
    [
        ("no files:write", "the app lacks the files:write scope (reinstall it from"),
        ("no im:write", "the app lacks the im:write scope"),
        ("upload POST refused", "Slack refused the upload."),
        ("rate limited", "Slack is limiting uploads right now, try again in a minute."),
        ("conversations.open refused", "Slack answered user_not_found."),
    ],
)
def test_a_refused_upload_still_sends_the_private_text_with_one_sentence(
    chat: ChatBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture, refusal: str, says: str
) -> None:
    if refusal == "no files:write":
        fake.missing_scopes = {"files:write"}
    elif refusal == "no im:write":
        fake.missing_scopes = {"im:write"}
    elif refusal == "upload POST refused":
        fake.fail("upload", "refused", status=500, page="<html>upload host down</html>")
    elif refusal == "rate limited":  # waited out three times, then given up
        for _ in range(4):
            fake.fail("files.getUploadURLExternal", "ratelimited", status=429, retry_after=0)
    else:
        fake.fail("conversations.open", "user_not_found")
    with caplog.at_level(logging.WARNING, logger="bot.chat.slack_files"):
        (answer,) = ask(chat, fake, (chart(),))
    assert answer["response_type"] == "ephemeral" and TITLE in shown(answer)
    note = json.loads(json.dumps(answer["blocks"]))[-1]["elements"][0]["text"]
    assert note.startswith("⚠️ The chart could not be attached: ") and note.endswith(".")
    assert says in note and note.count(". ") == 0  # one sentence
    assert not any(raw in note for raw in ("Error", "Traceback", "{'ok'", "status:", "http"))
    assert fake.uploads() == [] and fake.messages(CHANNEL) == []
    assert any("refused the reply's files" in r.getMessage() for r in caplog.records)


def test_a_rate_limit_is_waited_out_and_the_file_arrives(chat: ChatBot, fake: FakeSlack) -> None:
    fake.fail("upload", "slow down", status=429, retry_after=0)
    fake.fail("files.completeUploadExternal", "ratelimited", status=429, retry_after=0)
    (answer,) = ask(chat, fake, (chart(),))
    (upload,) = fake.uploads()
    assert upload.sha256 == sha(chart().data)
    assert "📎 The chart is in" in shown(answer)


def test_a_public_reply_whose_upload_is_refused_tells_only_the_asker(
    chat: ChatBot, fake: FakeSlack
) -> None:
    fake.not_in = {CHANNEL}
    text, note = ask(chat, fake, (chart(), export()), public=True)
    assert text["response_type"] == "in_channel" and TITLE in shown(text)
    assert note["response_type"] == "ephemeral"
    assert note["text"] == (
        "⚠️ 2 files could not be attached: invite the app to this channel first (/invite @sovai)."
    )
    assert fake.uploads() == []


def test_a_reply_without_files_uploads_nothing(chat: ChatBot, fake: FakeSlack) -> None:
    (answer,) = ask(chat, fake, ())
    assert TITLE in shown(answer) and "attached" not in shown(answer)
    assert fake.calls_to("files.getUploadURLExternal") == []
    assert fake.calls_to("conversations.open") == []


def test_the_manifest_asks_for_the_file_scopes_and_says_why() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    scopes = set(yaml.safe_load(text)["oauth_config"]["scopes"]["bot"])
    assert {"files:write", "im:write"} <= scopes
    comments = [line for line in text.splitlines() if line.startswith("#")]
    for scope in scopes:
        assert any(scope in line for line in comments), f"{scope} is not explained"
    home = yaml.safe_load(text)["features"]["app_home"]
    assert home["messages_tab_enabled"] is True  # where the private files are seen


def test_the_fake_upload_flow_shares_into_a_thread_and_keeps_its_urls_secret(
    fake: FakeSlack,
) -> None:
    """What a sender that knows its message's ts (a digest with a chart) will rely on."""

    async def scenario() -> tuple[str, int]:
        client = slack_client(TOKEN, {"SLACK_API_URL": fake.api_url})
        posted = await client.chat_postMessage(channel=CHANNEL, text="weekly digest")
        ts = str(posted["ts"])
        await client.files_upload_v2(
            content=chart().data,
            filename="trend.png",
            title="Trend",
            channel=CHANNEL,
            thread_ts=ts,
            initial_comment="This week's announcements",
        )
        async with aiohttp.ClientSession() as http:
            guessed = f"http://127.0.0.1:{fake.port}/upload/v1/F0UP000001"
            async with http.post(guessed, data=b"overwrite") as response:
                return ts, response.status

    ts, guessed_status = asyncio.run(scenario())
    digest, shared = fake.messages(CHANNEL)
    assert digest["ts"] == ts and shared["thread_ts"] == ts
    assert shared["text"] == "This week's announcements"
    assert [f["name"] for f in shared["files"]] == ["trend.png"]
    assert guessed_status == 404 and fake.uploads()[0].sha256 == sha(chart().data)
