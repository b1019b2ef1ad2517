"""Which quotes and figures a digest shows: the 1–3 and 1–4 that say the most.

A quote that carries a number or names one of the article's countries says more than a
generic one ("We are excited"), and a quote from a named person beats an unattributed
one. Among figures, money says the most, then hardware counts and capacities, then
timelines; a conversion given in parentheses is the same amount twice, so only the
original currency is kept (its USD equivalent is shown beside it anyway). Two kinds of
figure are never key, however few the article has: a price ("₹100 an hour", "$2 per
GPU-hour", whose unit the figure's text keeps) is what users pay, not what the programme
is worth; and a bare span of time ("over three years") is a detail of the schedule, while
a programme's own span says what it is ("a five-year plan", "the four-year mission").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.analysis.countries import mentions_any
from bot.models import Figure, Quote

__all__ = ["MAX_KEY_FIGURES", "MAX_KEY_QUOTES", "mark_key_figures", "mark_key_quotes"]

MAX_KEY_QUOTES = 3
MAX_KEY_FIGURES = 4
_DIGIT = re.compile(r"\d")
_KIND_RANK = {"money": 4.0, "count": 3.0, "capacity": 3.0, "duration": 1.5, "percent": 1.0}
# A price and a programme's own span, as each language writes them inside a figure's
# text ("₹100 an hour", "2 € pro Stunde", "1時間あたり300円"; "a five-year plan",
# "fünfjähriges Programm", "5カ年計画"): "a" is "per" in English and "to" in Italian.
_PRICES = {
    "en": r"/|\b(?:an?|per|each|every)\s+(?!(?:year|annum)\b)\S",
    "fr": r"/|\b(?:par|chaque)\s+(?!an\b|année\b)\S|\bl['’]heure\b",
    "de": r"/|\b(?:pro|je)\s+(?!Jahr\b)\S",
    "es": r"/|\b(?:por|cada)\s+(?!año\b|ciento\b)\S",
    "pt": r"/|\b(?:por|cada)\s+(?!ano\b|cento\b)\S",
    "it": r"/|\b(?:ogni|all['’]ora|al\s+mese|per\s+(?:ogni|utente|GPU|ora|ciascun))",
    "ja": r"あたり|当たり|毎",
    "ko": r"당\b|마다",
}
_PRICE = {lang: re.compile(p, re.IGNORECASE) for lang, p in _PRICES.items()}
_SPANS = {
    "en": r"-(?:year|month|week|day|decade)\b",
    "de": r"jährig|monatig",
    "ja": r"[カヵか]年|年計画",
    "ko": r"개년",
}
_SPAN_OF_PROGRAMME = {lang: re.compile(p) for lang, p in _SPANS.items()}
_HARDWARE = {"GPU", "chip", "supercomputer", "data center", "gigafactory", "accelerator"}


def _words(text: str, lang: str) -> int:
    """Words of a quote; Japanese and Korean write none apart (or few), so about two
    characters make a word there."""
    if lang in ("ja", "zh"):
        return len(text.replace(" ", "")) // 2
    if lang == "ko":
        return len(text.replace(" ", "")) // 3
    return len(text.split())


def _quote_score(quote: Quote, countries: Sequence[str], lang: str) -> float:
    words = _words(quote.text, lang)
    score = 0.0
    score += 2.0 if _DIGIT.search(quote.text) else 0.0
    score += 2.0 if countries and mentions_any(quote.text, countries) else 0.0
    score += 1.0 if quote.speaker else -2.0
    score += 1.0 if 8 <= words <= 60 else 0.0
    return score + min(words, 40) / 100  # longer says more, all else equal


def mark_key_quotes(
    quotes: Sequence[Quote], countries: Sequence[str], lang: str = "en"
) -> tuple[Quote, ...]:
    """The same quotes in text order, the best 1–3 marked `key`."""
    ranked = sorted(range(len(quotes)), key=lambda i: -_quote_score(quotes[i], countries, lang))
    chosen = {i for i in ranked[:MAX_KEY_QUOTES] if quotes[i].speaker or i == ranked[0]}
    return tuple(replace(q, key=i in chosen) for i, q in enumerate(quotes))


def _figure_score(figure: Figure) -> float:
    score = _KIND_RANK.get(figure.kind, 0.0)
    if figure.kind == "count" and figure.unit in _HARDWARE:
        score += 1.0
    if figure.usd:
        score += min(figure.usd / 1e9, 100.0) ** 0.25  # bigger money, gently
    return score


def _eligible(figure: Figure, lang: str) -> bool:
    """Whether a figure may be key at all: not a price, not a bare span of time."""
    if figure.kind == "money":
        return not _PRICE.get(lang, _PRICE["en"]).search(figure.text)
    if figure.kind == "duration":
        span = _SPAN_OF_PROGRAMME.get(lang)
        return bool(span and span.search(figure.text))
    return True


def _conversions(figures: Sequence[Figure]) -> set[int]:
    """Indexes of money figures that restate the previous one in another currency."""
    out = set()
    for i in range(1, len(figures)):
        before, this = figures[i - 1], figures[i]
        same_amount = (
            before.kind == this.kind == "money"
            and before.usd
            and this.usd
            and abs(before.usd - this.usd) <= 0.15 * max(before.usd, this.usd)
        )
        if same_amount:
            out.add(i if this.unit == "USD" or before.unit != "USD" else i - 1)
    return out


def mark_key_figures(figures: Sequence[Figure], lang: str = "en") -> tuple[Figure, ...]:
    """The same figures in text order, the best 1–4 marked `key` (`lang`: the article's
    language, whose words say what a price is)."""
    skip = _conversions(figures)
    candidates = [i for i in range(len(figures)) if i not in skip and _eligible(figures[i], lang)]
    ranked = sorted(candidates, key=lambda i: -_figure_score(figures[i]))
    seen: set[tuple[str, str, float]] = set()
    chosen: set[int] = set()
    for i in ranked:
        f = figures[i]
        ident = (f.kind, f.unit, round(f.value, 6))
        if ident in seen:
            continue
        seen.add(ident)
        chosen.add(i)
        if len(chosen) == MAX_KEY_FIGURES:
            break
    return tuple(replace(f, key=i in chosen) for i, f in enumerate(figures))
