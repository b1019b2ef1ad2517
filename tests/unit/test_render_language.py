"""A story in another language says so, keeps its own headline and quotes, and gives a
Japanese speaker's name in Latin letters too, on every platform."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.chat.ledger_replies import briefing_reply
from bot.digest.compose import DigestRequest, compose
from bot.ledger.views import CountryFacts, Totals
from bot.models import Analysis, Figure, Quote, Story
from bot.render.discord_embeds import render_discord
from bot.render.labels import flags_line, language_label, quote_line
from bot.render.replies import reply_slack, reply_text
from bot.render.slack_blocks import render_slack
from bot.render.text import render_analysis, render_text

END = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
QUOTE = Quote(
    "国内に計算資源を持つことが欠かせない",
    "鷲尾千景",
    "理事長",
    True,
    speaker_latin="Chikage Washio",
)
YEN = Figure("725億円", "money", 725e8, "JPY", usd=4.6e8, key=True)


def _story(language: str, title: str, countries: tuple[str, ...] = ("JP",)) -> Story:
    analysis = Analysis(
        relevant=True,
        relevance=0.9,
        countries=countries,
        quotes=(QUOTE,) if language == "ja" else (),
        figures=(YEN,) if language == "ja" else (),
        summary=("政府は国産AIの計算資源を整備する。",) if language == "ja" else (),
        language=language,
    )
    return Story(
        story_id=1 if language == "ja" else 2,
        title=title,
        url=f"https://news.example/{language}",
        source="Desk",
        published=END - timedelta(hours=2),
        analysis=analysis,
    )


JA = _story("ja", "政府、国産AIに725億円")
EN = _story("en", "Japan funds national AI compute")


def _digest() -> object:
    request = DigestRequest(channel="C1", window_start=END - timedelta(days=1), window_end=END)
    return compose(request, [JA, EN])


def test_labels() -> None:
    assert language_label("ja") == "in Japanese"
    assert language_label("en") == "" and language_label(None) == ""
    assert flags_line(["JP"], language="de") == "🇯🇵 in German"
    assert flags_line(["JP"]) == "🇯🇵"


def test_quote_line_gives_the_latin_name_beside_the_original() -> None:
    line = quote_line(QUOTE)
    assert line == "“国内に計算資源を持つことが欠かせない” — 鷲尾千景 (Chikage Washio), 理事長"
    assert "(" not in quote_line(Quote("Four words or more here", "Ana Ruiz"))


def test_slack_digest_marks_only_the_japanese_story() -> None:
    dumped = json.dumps(render_slack(_digest()), ensure_ascii=False)  # type: ignore[arg-type]
    assert dumped.count("in Japanese") == 1
    assert "政府、国産AIに725億円" in dumped  # the original headline
    assert "鷲尾千景 (Chikage Washio)" in dumped
    assert "JPY 72.5 billion ≈ USD 460 million" in dumped


def test_discord_digest_marks_the_japanese_story() -> None:
    dumped = json.dumps(render_discord(_digest()), ensure_ascii=False)  # type: ignore[arg-type]
    assert dumped.count("in Japanese") == 1
    assert "鷲尾千景 (Chikage Washio)" in dumped


def test_terminal_digest_and_analysis_report() -> None:
    text = render_text(_digest())  # type: ignore[arg-type]
    assert "政府、国産AIに725億円 (Desk) [in Japanese]" in text
    assert "Japan funds national AI compute (Desk)\n" in text
    report = render_analysis("政府、国産AIに725億円", "https://news.example/ja", JA.analysis)
    assert "Language: Japanese" in report
    assert "鷲尾千景 (Chikage Washio), 理事長" in report


def test_country_briefing_says_which_stories_are_in_another_language() -> None:
    facts = CountryFacts("JP", END - timedelta(days=7), END, Totals(), total_stories=2)
    reply = briefing_reply(facts, [JA, EN], 7)
    texts = [s.text for s in reply.sections]
    assert sum("🇯🇵 in Japanese" in t for t in texts) == 1
    assert "🇯🇵 in Japanese" in reply_text(reply)
    assert "in Japanese" in json.dumps(reply_slack(reply), ensure_ascii=False)
