"""Every format says the same: flags per story, "Key figures:", "By country:", and the
day of the exchange rate beside each USD equivalent ("(rate of 30 Oct)").

The rate's year is shown only when it is not the story's own year (a fallback rate of
another year, or a story without a date), so an old rate never passes for a fresh one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.models import Analysis, Digest, DigestItem, Figure, Story
from bot.render.discord_embeds import render_discord
from bot.render.labels import figure_label, money_label, rate_note
from bot.render.markdown import render_markdown
from bot.render.slack_blocks import render_slack
from bot.render.text import render_analysis, render_text
from tests.unit.block_kit import assert_block_kit

WHEN = datetime(2026, 10, 30, 9, 0, tzinfo=UTC)
WON = Figure(
    "1.2 trillion won", "money", 1.2e12, "KRW", usd=8.7e8, key=True, rate_date="2026-10-30"
)
NAIRA = Figure("₦50 billion", "money", 5e10, "NGN", usd=3.2e7, key=True, rate_date="2025-01-02")
DOLLARS = Figure("$300 million", "money", 3e8, "USD", usd=3e8, key=True, rate_date="2026-10-30")
GPUS = Figure("4,000 GPUs", "count", 4_000, "GPU", key=True)


def _digest(*figures: Figure) -> Digest:
    story = Story(
        story_id=1,
        title="Korea funds a national model with French help",
        url="https://news.example/1",
        source="Hanbit News",
        published=WHEN,
        analysis=Analysis(relevant=True, relevance=0.9, countries=("KR", "FR")),
    )
    item = DigestItem(story, story.title, "The ministry signed the deal.", figures=figures)
    return Digest(
        key="k",
        title="Sovereign AI digest — 30 Oct 2026",
        window_start=WHEN.replace(hour=0),
        window_end=WHEN.replace(hour=23),
        groups=(("KR", (item,)),),
        total_stories=1,
        tally=(("KR", 1), ("FR", 1)),
    )


def _all_formats(digest: Digest) -> dict[str, str]:
    slack = render_slack(digest)
    for message in slack:
        assert_block_kit(message)
    return {
        "text": render_text(digest),
        "markdown": render_markdown(digest),
        "slack": json.dumps(slack, ensure_ascii=False),
        "discord": json.dumps(render_discord(digest), ensure_ascii=False),
    }


@pytest.mark.parametrize(
    ("rate_date", "published", "note"),
    [
        ("2026-10-30", WHEN, "(rate of 30 Oct)"),
        ("2026-03-04", WHEN, "(rate of 4 Mar)"),
        ("2025-01-02", WHEN, "(rate of 2 Jan 2025)"),
        ("2026-10-30", None, "(rate of 30 Oct 2026)"),
        (None, WHEN, ""),
        ("30/10/2026", WHEN, ""),
        ("", WHEN, ""),
    ],
)
def test_rate_note(rate_date: str | None, published: datetime | None, note: str) -> None:
    assert rate_note(rate_date, published) == note


def test_the_rate_is_shown_only_beside_a_usd_equivalent() -> None:
    assert money_label(WON, WHEN) == "KRW 1.2 trillion ≈ USD 870 million (rate of 30 Oct)"
    assert money_label(DOLLARS, WHEN) == "USD 300 million"  # nothing converted
    unconverted = Figure("5 billion rupiah", "money", 5e9, "IDR", rate_date="2026-10-30")
    assert money_label(unconverted, WHEN) == "IDR 5 billion"
    assert figure_label(GPUS, WHEN) == "4,000 GPUs"


def test_every_format_shows_the_day_of_the_rate() -> None:
    for name, out in _all_formats(_digest(WON, NAIRA, DOLLARS)).items():
        assert "KRW 1.2 trillion ≈ USD 870 million (rate of 30 Oct)" in out, name
        assert "NGN 50 billion ≈ USD 32 million (rate of 2 Jan 2025)" in out, name
        assert "USD 300 million (rate" not in out, name


def test_every_format_labels_the_key_figures() -> None:
    outs = _all_formats(_digest(WON, GPUS))
    assert "    Key figures: KRW 1.2 trillion" in outs["text"]
    assert "**Key figures:**\n\n- KRW 1.2 trillion" in outs["markdown"]
    assert "_Key figures:_ KRW 1.2 trillion" in outs["slack"]
    assert "**Key figures:** KRW 1.2 trillion" in outs["discord"]
    assert "Key figures" not in render_text(_digest())  # no figures, no label


def test_every_format_shows_each_storys_flags() -> None:
    text = render_text(_digest())
    lines = text.splitlines()
    at = lines.index("    https://news.example/1")
    assert lines[at + 1] == "    🇰🇷 🇫🇷"  # under the link, as the other formats' meta line
    for name, out in _all_formats(_digest()).items():
        assert "🇰🇷 🇫🇷" in out, name


def test_every_footer_says_by_country() -> None:
    for name, out in _all_formats(_digest()).items():
        assert "By country: 🇰🇷 South Korea 1 · 🇫🇷 France 1" in out, name
    markdown = render_markdown(_digest()).splitlines()
    assert markdown[-1] == "By country: 🇰🇷 South Korea 1 · 🇫🇷 France 1"


def test_the_analysis_report_dates_its_rates_with_the_year() -> None:
    analysis = Analysis(relevant=True, relevance=0.9, countries=("KR",), figures=(WON,))
    report = render_analysis("Title", "https://news.example/1", analysis)
    assert "KRW 1.2 trillion ≈ USD 870 million (rate of 30 Oct 2026)" in report
