"""Shared wording: money, figures, quotes, sources, counts and the tally."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.models import Figure, Quote
from bot.render.labels import (
    figure_label,
    flags_line,
    header_counts,
    join_fitting,
    money_label,
    omitted_line,
    quote_line,
    sources_line,
    tally_line,
)
from bot.render.safe import slack_escape, units
from tests.unit.render_samples import empty_digest, sample_digest, story


def money(value: float, unit: str, usd: float | None, low: float | None = None) -> Figure:
    return Figure("text", "money", value, unit, usd=usd, low=low)


@pytest.mark.parametrize(
    ("figure", "label"),
    [
        (money(103e9, "INR", 1.2468e9), "INR 103 billion ≈ USD 1.25 billion"),
        (money(500e6, "USD", 500e6), "USD 500 million"),
        (money(2.5e12, "USD", None), "USD 2.5 trillion"),
        (money(999.96e6, "EUR", 1.08e9), "EUR 1 billion ≈ USD 1.08 billion"),
        (money(12_500, "GBP", 15_800), "GBP 12,500 ≈ USD 15,800"),
        (money(1.5e12, "JPY", 9.9e9, low=1e12), "JPY 1–1.5 trillion ≈ USD 6.6–9.9 billion"),
        (
            money(1.2e9, "SAR", 320e6, low=800e6),
            "SAR 800 million–1.2 billion ≈ USD 213–320 million",
        ),
        (money(2e15, "KRW", None), "KRW 2,000 trillion"),
        (money(5e9, "XYZ", None), "XYZ 5 billion"),
    ],
)
def test_money_label(figure: Figure, label: str) -> None:
    assert money_label(figure) == label


def test_other_figures_keep_the_articles_words() -> None:
    gpus = Figure("18,000  GPUs\u200b", "count", 18_000, "GPU")
    assert figure_label(gpus) == "18,000 GPUs"
    assert figure_label(Figure("", "percent", 12.5, "%")) == "12.5 %"


def test_quote_line() -> None:
    quote = Quote("“We will build it.”", "Jensen Huang", "Nvidia CEO")
    assert quote_line(quote) == "“We will build it.” — Jensen Huang, Nvidia CEO"
    assert quote_line(Quote("Fine.", None)) == "“Fine.” (unattributed)"
    assert quote_line(Quote("\u200b", "X")) == ""


def test_a_long_quote_is_cut_but_its_speaker_kept() -> None:
    line = quote_line(Quote("word " * 200, "Jensen Huang", "Nvidia CEO"), limit=100)
    assert units(line) <= 100 and line.endswith("…” — Jensen Huang, Nvidia CEO")


def test_quote_line_escapes_the_feed_text_only() -> None:
    line = quote_line(Quote("<!here> & co", "A <b>", None), slack_escape)
    assert line == "“&lt;!here&gt; &amp; co” — A &lt;b&gt;"


def test_sources_line_counts_outlets_once() -> None:
    assert sources_line(story(1, "t", (), ("Nikkei", "Reuters", "Nikkei"))) == (
        "reported by 2 sources: Nikkei, Reuters"
    )
    assert sources_line(story(1, "t", (), ("AP",))) == "reported by AP"
    assert sources_line(replace(story(1, "t", (), ()), source=None)) == ""


def test_many_sources_end_in_a_count_within_the_limit() -> None:
    names = tuple(f"Outlet number {i}" for i in range(40))
    line = sources_line(story(1, "t", (), names), limit=120)
    assert units(line) <= 120
    assert line.startswith("reported by 40 sources: Outlet number 0, ")
    assert line.endswith(" more")


def test_join_fitting() -> None:
    assert join_fitting(["a", "b", "c"], 100) == "a · b · c"
    assert join_fitting(["aaaa", "bbbb", "cccc"], 12) == "aaaa +2 more"
    assert join_fitting(["a" * 50], 10) == "aaaaaaaaa…"
    for limit in range(0, 40):
        assert units(join_fitting(["x" * 7] * 9, limit)) <= limit


def test_counts_tally_and_omitted() -> None:
    digest = sample_digest()
    assert (
        header_counts(digest) == "4 of 7 stories from 2 countries · 24 Nov 08:00 – 25 Nov 08:00 UTC"
    )
    assert tally_line(digest) == "🇯🇵 Japan 3 · 🇮🇳 India 2 · 🇫🇷 France 1 · 🌐 Global 1"
    assert tally_line(digest, 33) == "🇯🇵 Japan 3 and 3 more countries"
    assert omitted_line(digest) == "3 more stories not shown"
    assert omitted_line(replace(digest, omitted=1)) == "1 more story not shown"
    assert omitted_line(empty_digest()) == ""


def test_flags_line() -> None:
    assert flags_line(("JP", "US", "JP")) == "🇯🇵 🇺🇸"
    assert flags_line(()) == "🌐"
    assert flags_line(("--", "x1", "日本")) == "🌐"
