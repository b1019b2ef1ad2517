"""Choosing the quotes and figures a digest shows."""

from __future__ import annotations

from bot.analysis.keys import mark_key_figures, mark_key_quotes
from bot.models import Figure, Quote


def test_quotes_with_a_figure_or_country_beat_generic_ones() -> None:
    quotes = [
        Quote("We are very excited about this partnership today", "Ana Ruiz"),
        Quote("Chile will have 4,000 GPUs for its universities by next year", "Ana Ruiz"),
        Quote("This is good for everyone involved in it", None),
        Quote("Our scientists will no longer wait months for computing time", "Ben Ortiz"),
        Quote("It is a proud day for the whole team here", "Ben Ortiz"),
    ]
    keys = [q.key for q in mark_key_quotes(quotes, ("CL",))]
    assert keys.count(True) == 3
    assert keys[1] is True  # a number and the country
    assert keys[2] is False  # unattributed


def test_a_lone_unattributed_quote_is_still_shown() -> None:
    (quote,) = mark_key_quotes([Quote("The plan will change how we compute", None)], ())
    assert quote.key


def test_money_first_and_a_conversion_is_not_shown_twice() -> None:
    figures = [
        Figure("INR 90 billion", "money", 9e10, "INR", usd=1.08e9),
        Figure("USD 1.08 billion", "money", 1.08e9, "USD", usd=1.08e9),
        Figure("8,000 GPUs", "count", 8000, "GPU"),
        Figure("12%", "percent", 12, "%"),
        Figure("two years", "duration", 2, "year"),
        Figure("40 MW", "capacity", 40, "MW"),
        Figure("300 startups", "count", 300, "startup"),
    ]
    marked = mark_key_figures(figures)
    assert [f.text for f in marked if f.key] == [
        "INR 90 billion",
        "8,000 GPUs",
        "40 MW",
        "300 startups",
    ]
