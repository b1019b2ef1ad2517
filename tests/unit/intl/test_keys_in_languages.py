"""Which figures are key in each language: a price is not, whatever the language's word
for "per"; a programme's own span is; Italian "da 400 a 600" is a range, not a price."""

from __future__ import annotations

import pytest

from bot.analysis.keys import mark_key_figures
from bot.models import Figure


def _money(text: str, value: float) -> Figure:
    return Figure(text, "money", value, "EUR", usd=value * 1.1)


@pytest.mark.parametrize(
    ("lang", "price"),
    [
        ("fr", "2 euros par heure de GPU"),
        ("de", "2 Euro pro GPU-Stunde"),
        ("es", "2 euros por hora de GPU"),
        ("pt", "2 euros por hora de GPU"),
        ("it", "2 euro all'ora"),
        ("ja", "1時間あたり300円"),
        ("ko", "시간당 3000원"),
    ],
)
def test_a_price_is_never_key(lang: str, price: str) -> None:
    figures = [_money(price, 2.0), _money("500 millions", 5e8)]
    keys = mark_key_figures(figures, lang)
    assert [f.key for f in keys] == [False, True]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "da 400 a 600 milioni di euro"),
        ("es", "de 400 a 600 millones de euros"),
        ("pt", "de 400 a 600 milhões de euros"),
        ("fr", "5 milliards d'euros par an"),
    ],
)
def test_a_range_or_a_yearly_budget_is_key(lang: str, text: str) -> None:
    (figure,) = mark_key_figures([_money(text, 6e8)], lang)
    assert figure.key


@pytest.mark.parametrize(
    ("lang", "span", "key"),
    [
        ("de", "fünfjährige Förderung", True),
        ("ja", "5カ年計画", True),
        ("ko", "5개년 계획", True),
        ("fr", "cinq ans", False),
        ("ja", "3年間", False),
    ],
)
def test_a_programmes_own_span_is_key_a_bare_one_is_not(lang: str, span: str, key: bool) -> None:
    (figure,) = mark_key_figures([Figure(span, "duration", 5.0, "year")], lang)
    assert figure.key is key
