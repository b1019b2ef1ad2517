"""A reply's charts are drawn after its text is sent, in the chart worker, and follow it:
on Slack into the asker's direct message (ephemeral) or the channel (public), on
Discord as one more message with the picture in its embed. A chart that cannot be drawn
is said, and the text has gone out regardless.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot import chart_pool
from bot.chat.slack_app import _within
from bot.models import Chart, Reply
from bot.render.chart_specs import compare_spec, draw, timeline_spec
from bot.render.charts import ChartPoint, CompareBar
from bot.render.replies import _note_first, reply_slack
from bot.render.slack_blocks import BLOCKS_MAX, MESSAGE_TEXT_BUDGET, text_units
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_discord import FakeDiscord
from tests.integration.fake_slack import FakeSlack, serve_fake_slack
from tests.integration.site_server import serve_site
from tests.integration.test_discord import EPHEMERAL, interaction
from tests.integration.test_reply_files import ASKER, TITLE, ask, shown
from tests.integration.test_reply_files_discord import fake as discord_fake  # noqa: F401
from tests.integration.test_reply_files_discord import run
from tests.unit.render_samples import big_digest

PNG = b"\x89PNG\r\n\x1a\n"
START = date(2026, 9, 1)


def japan(days: int = 30) -> Chart:
    points = [ChartPoint(START + timedelta(days=d), 1e8 * d, 500.0 * d) for d in range(0, days, 3)]
    return timeline_spec(
        "JP",
        points,
        (START, START + timedelta(days=days)),
        filename="sovai-jp.png",
        title="Japan: announced USD and GPUs, cumulative",
        alt="Chart of Japan's announced money and GPUs",
    )


def broken() -> Chart:
    """A specification the drawing refuses (bars that are not bars)."""
    return Chart("compare", (("not", "bars"),), "bad.png", "Bad", "bad")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with serve_fake_slack() as slack:
        slack.users = {ASKER: {"is_admin": False}}
        yield slack


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[ChatBot]:
    with serve_site() as site:
        bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
        yield bot
        bot.store.close()


def test_slack_an_ephemeral_replys_chart_follows_its_text_into_the_direct_message(
    chat: ChatBot, fake: FakeSlack
) -> None:
    spec = japan()
    answer, note = ask(chat, fake, (), charts=(spec,))
    assert TITLE in shown(answer) and answer["response_type"] == "ephemeral"
    (upload,) = fake.uploads()
    assert upload.filename == "sovai-jp.png" and upload.data and upload.data.startswith(PNG)
    assert upload.sha256 == sha(draw(spec).data)  # what the worker drew is the chart
    assert upload.alt_txt == spec.alt
    assert note["response_type"] == "ephemeral"
    assert "📎 The chart is in <" in shown(note) and "a direct message>" in shown(note)
    # the text went first; the upload only after it
    first_upload = fake.order.index("files.getUploadURLExternal")
    assert fake.order.index("respond") < first_upload


def test_slack_a_public_replys_charts_follow_it_into_the_channel(
    chat: ChatBot, fake: FakeSlack
) -> None:
    bars = [CompareBar("JP", 2e9, 10_000, 300), CompareBar("KR", 1e9, 4_000, 0)]
    spec = compare_spec(bars, filename="sovai-compare.png", title="Japan, Korea", alt="Bars")
    (answer,) = ask(chat, fake, (), public=True, charts=(japan(), spec))
    assert answer["response_type"] == "in_channel"
    uploads = fake.uploads()
    assert [u.filename for u in uploads] == ["sovai-jp.png", "sovai-compare.png"]
    assert all(u.data and u.data.startswith(PNG) for u in uploads)
    assert fake.calls_to("conversations.open") == []  # nothing private about it


def test_slack_a_chart_that_cannot_be_drawn_is_said_and_the_text_is_whole(
    chat: ChatBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    answer, note = ask(chat, fake, (), charts=(broken(),))
    assert TITLE in shown(answer)
    assert chart_pool.CHART_MISSING in shown(note)
    assert fake.uploads() == []
    assert "drawing bad.png failed; left out" in caplog.text


def test_slack_a_reply_too_long_for_five_messages_says_where_it_was_cut() -> None:
    messages = [{"text": f"m{i}", "blocks": [{"type": "divider"}]} for i in range(8)]
    cut = _within(messages, 5, "digest", digest=True)
    assert [m["text"] for m in cut] == ["m0", "m1", "m2", "m3", "m4"]
    last = str(cut[-1]["blocks"])
    assert "Cut here" in last and "/ai-digest now posts it" in last
    other = str(_within(messages, 4, "country", digest=False)[-1]["blocks"])
    assert "Cut here" in other and "/ai-digest" not in other
    assert _within(messages[:3], 5, "digest", digest=True) == messages[:3]


def test_slack_a_previews_delivery_problem_comes_first() -> None:
    digest = big_digest(60, 600)
    reply = Reply(title=digest.title, digest=digest, footer="Last delivery problem: not_in_channel")
    messages = reply_slack(reply)
    assert len(messages) > 1
    first = messages[0]["blocks"]
    at = 1 if first[0]["type"] == "header" else 0  # under the header, or a message before
    assert "Last delivery problem" in str(first[at])
    assert "Last delivery problem" not in str(messages[1:])
    for message in messages:  # and still within Slack's limits
        assert len(message["blocks"]) <= BLOCKS_MAX
        assert text_units(message["blocks"]) <= MESSAGE_TEXT_BUDGET


def test_slack_a_full_first_message_gets_the_problem_in_a_message_before_it() -> None:
    digest = big_digest(3, 100)
    full = reply_slack(Reply(title=digest.title, digest=digest))
    reply = Reply(title=digest.title, digest=digest, footer="Last delivery problem: " + "x" * 200)
    padded = [{**full[0], "blocks": full[0]["blocks"] + [{"type": "divider"}] * 60}]
    _note_first(padded, reply.footer or "")
    assert len(padded) == 2 and "Last delivery problem" in str(padded[0]["blocks"])
    assert len(padded[0]["blocks"]) == 1


def test_discord_the_chart_follows_the_text_as_a_message_with_the_picture(
    discord_fake: FakeDiscord,  # noqa: F811
    chat: ChatBot,
) -> None:
    spec = japan()
    payload = interaction("country", country="JP", days=30)
    message, uploaded = run(discord_fake, chat, (), payload, charts=(spec,))
    answers = discord_fake.interactions[payload["token"]]
    texts = [body.get("data") or body for _, body, _ in answers if (body.get("data") or body)]
    assert any("Japan" in str(t.get("embeds")) for t in texts[:-1])  # the text came first
    assert message["flags"] == EPHEMERAL  # the chart is as private as the reply
    (embed,) = message["embeds"]
    assert embed["image"] == {"url": "attachment://sovai-jp.png"}
    assert embed["title"] == spec.title
    assert [f.sha256 for f in uploaded] == [sha(draw(spec).data)]


def test_discord_a_chart_that_cannot_be_drawn_is_said(
    discord_fake: FakeDiscord,  # noqa: F811
    chat: ChatBot,
) -> None:
    payload = interaction("country", country="JP", days=30)
    message, uploaded = run(discord_fake, chat, (), payload, charts=(broken(),))
    assert uploaded == []
    assert message["content"] == chart_pool.CHART_MISSING
    assert message["flags"] == EPHEMERAL


def test_the_same_chart_is_drawn_once_and_a_killed_worker_is_replaced() -> None:
    async def scenario() -> None:
        spec = japan(60)
        (first,) = await chart_pool.draw_charts((spec,))
        (again,) = await chart_pool.draw_charts((spec,))
        assert again is first  # from the cache, not drawn again
        pool = chart_pool._executor()
        for pid in list(pool._processes):
            os.kill(pid, 9)
        drawn: tuple[object, ...] = ()
        for attempt in range(3):  # the in-flight chart may be lost with its worker
            drawn = await chart_pool.draw_charts((japan(40 + attempt),))
            if drawn:
                break
        assert drawn, "no chart drawn after the worker was killed"

    try:
        asyncio.run(asyncio.wait_for(scenario(), 120))
    finally:
        chart_pool.shutdown()
