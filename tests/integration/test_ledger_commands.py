"""The ledger's commands as a chat user meets them: briefing, compare, speaker, alerts,
export, and hostile arguments, over a store filled by a real poll and saved articles."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.ledger.claims import ArticleRef, claims_in
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.render.chart_specs import draw
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.site_server import Site, serve_site

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def bot(tmp_path: Path, site: Site) -> Iterator[ChatBot]:
    chat = make_chat_bot(tmp_path, [site.url("/feed.xml")])
    _korea(chat)
    yield chat
    chat.store.close()


def _korea(chat: ChatBot) -> None:
    """Two outlets on one Korean commitment, and a later revision, read a week ago."""
    store = chat.store
    feed = store.feeds()[0].id
    when = datetime.now(UTC) - timedelta(days=7)
    text = "South Korea will spend ₩2 trillion on its national AI computing centre in Gwangju."
    said = Quote("We will not rent our intelligence", "Seo-yeon Kang", "science minister", True)
    for n, (outlet, amount, days) in enumerate(
        [("Seoul Wire", 2e12, 0), ("Busan Daily", 2e12, 0.5), ("Seoul Wire", 3e12, 5)]
    ):
        url = f"https://kr{n}.example/story"
        label = f"₩{amount / 1e12:g} trillion"
        figure = Figure(label, "money", amount, "KRW", amount / 1400, key=True)
        told = text.replace("₩2 trillion", figure.text)
        at = when + timedelta(days=days)
        (entry,) = store.add_entries(feed, [Entry(f"kr{n}", url, f"Korea story {n}")], at)
        analysis = Analysis(True, 0.9, ("KR",), (said,), (figure,), ("Korea funds compute.",))
        article = Article(url, url, f"Korea story {n}", told, source=outlet)
        claims = claims_in(told, analysis, ArticleRef(0, url, at, outlet, article.title))
        store.save_article(entry.id, article, analysis, "t", at, claims=claims)


def test_country_briefing_counts_announcements_once_with_a_chart(bot: ChatBot) -> None:
    reply = bot.reply("/ai-country japan")
    text = bot.command("/ai-country japan")
    assert "🇯🇵 Japan: sovereign AI in the last 30 days" in text
    assert "Stories: 1" in text
    assert "Announced money: $763M" in text
    assert "GPUs: 12,000" in text
    assert "Haruto Ishida" in text  # who spoke
    assert "Japan unveils national AI supercomputer" in text  # the latest stories
    [spec] = reply.charts  # drawn after the text is sent
    chart = draw(spec)
    assert chart.data.startswith(PNG) and chart.mime == "image/png"
    assert chart.filename.startswith("sovai-jp-") and "Japan" in chart.title

    korea = bot.command("/ai-country korea")
    assert "Announced money: $2.14B" in korea  # ₩3tn once: the revision, not ₩2tn + ₩2tn + ₩3tn
    assert "₩2 trillion ≈ $1.43B → ₩3 trillion ≈ $2.14B" in korea
    assert "Seo-yeon Kang, science minister" in korea
    assert "no sovereign-AI stories" in bot.command("/ai-country kenya")


def test_compare_side_by_side_with_a_bar_chart(bot: ChatBot) -> None:
    reply = bot.reply("/ai-compare JP korea 30")
    text = bot.command("/ai-compare JP korea 30")
    assert "Japan, South Korea" in text
    assert "$763M" in text and "$2.14B" in text
    assert "most quoted: Seo-yeon Kang" in text
    [spec] = reply.charts
    assert draw(spec).data.startswith(PNG)


def test_speaker_by_name_or_surname(bot: ChatBot) -> None:
    text = bot.command("/ai-speaker Kang")
    assert "Seo-yeon Kang" in text and "science minister" in text
    assert "We will not rent our intelligence" in text
    assert "https://kr2.example/story" in text  # the latest quote links to its article
    assert "Seo-yeon Kang" in bot.command("/ai-speaker seo-yeon KANG")
    assert "No one named 'Nobody'" in bot.command("/ai-speaker Nobody")


def test_alerts_add_list_remove_for_admins(bot: ChatBot) -> None:
    refused = bot.reply("/ai-alert add money>=1bn JP")
    assert refused.error and "Only admins" in refused.title
    added = bot.reply("/ai-alert add money>=1bn JP korea", admin=True)
    assert not added.error and not added.ephemeral and "money ≥ $1B, JP, KR" in added.title
    assert "GPUs ≥ 10K" in bot.command("/ai-alert add gpus>=10k", admin=True)
    listed = bot.command("/ai-alert list")
    assert "2 alerts" in listed and "Japan, South Korea" in listed and "all countries" in listed
    assert "No alerts here" in bot.command("/ai-alert", channel="C2")
    assert bot.reply("/ai-alert remove 1", admin=True, channel="C2").error  # not that channel's
    assert "removed" in bot.command("/ai-alert remove #1", admin=True)
    assert "1 alert in" in bot.command("/ai-alert list")


def test_export_attaches_a_csv_of_announcements(bot: ChatBot) -> None:
    reply = bot.reply("/ai-export")
    [file] = reply.files
    assert file.mime == "text/csv" and file.filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(file.data.decode("utf-8"))))
    korean = [r for r in rows if r["country"] == "KR"]
    assert sorted(r["status"] for r in korean) == ["current", "revised"]
    assert {r["source_count"] for r in korean} == {"1", "2"}
    only = bot.reply("/ai-export korea 30").files[0]
    assert b"JP" not in only.data.split(b"\n", 1)[1]


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/ai-compare JP", "Compare 2 to 6 countries"),
        ("/ai-compare JP atlantis", "I don't know the country 'atlantis'"),
        ("/ai-compare JP KR IN FR DE GB US", "Compare 2 to 6 countries"),
        ("/ai-compare JP KR 9999", "Days must be between 1 and 365"),
        ("/ai-speaker", "Whose quotes?"),
        ("/ai-speaker a b c d e f g h", "at most 6 words"),
        ("/ai-alert frobnicate", "Use /ai-alert add"),
        ("/ai-alert add money>=lots", "money>=1bn"),
        ("/ai-alert add wealth>=1bn", "Unknown kind"),
        ("/ai-alert add gpus>=10k narnia", "I don't know the country 'narnia'"),
        ("/ai-alert remove three", "Give the alert's number"),
        ("/ai-alert remove 99", "no alert #99"),
        ("/ai-export atlantis", "I don't know the country"),
        ("/ai-country japan ²", "country"),
    ],
)
def test_bad_arguments_get_a_helpful_message(bot: ChatBot, line: str, says: str) -> None:
    reply = bot.reply(line, admin=True)
    assert reply.error and says in reply.title, reply.title


@pytest.mark.parametrize("command", ["country", "compare", "speaker", "alert", "export"])
@pytest.mark.parametrize(
    "argument",
    ["x" * 20_000, "JP " * 5_000, "<!channel> @everyone", "9" * 5_000, "\x00\u202e日本", "'; DROP"],
)
def test_hostile_arguments_never_crash(bot: ChatBot, command: str, argument: str) -> None:
    reply = bot.reply(f"/ai-{command} {argument}", admin=True)
    assert "Something went wrong" not in reply.title
    assert len(reply.title) < 600


def test_one_day_is_said_as_one_day(bot: ChatBot) -> None:
    said = bot.command("/ai-country japan 1") + bot.command("/ai-compare JP KR 1")
    said += bot.command("/ai-export kenya 1")
    assert "last 1 day" in said and "1 days" not in said
