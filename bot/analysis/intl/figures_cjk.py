"""Figures in Japanese and Korean: 1兆8560億円, 5000億ドル, GPU1万基, 100メガワット, 3年間, 9%.

Each number (numbers_cjk.py) is read by what follows it: a currency (money), a percent
sign or word, a power or speed unit (capacity), a span word (年間, カ月, 년간, 개월), or a
counter and its noun (figures_cjk_counts.py). A number with nothing after it and a wave
dash before the next figure is that figure's lower end ("100億〜200億円", "3~5년간": one
figure with `low`, which takes the upper end's 億 when it has none of its own). Years
(2023年度, 2025년), dates (3日, 1月) and ordinals (第3, 제3) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from bot.analysis.intl.figures_cjk_counts import count_after, noun_before
from bot.analysis.intl.figures_ja import JAPANESE
from bot.analysis.intl.figures_ko import KOREAN
from bot.analysis.intl.figures_lexicon import CjkLexicon, is_rate
from bot.analysis.intl.figures_patterns import alternation
from bot.analysis.intl.figures_shares import cjk_shares
from bot.analysis.intl.numbers_cjk import NUMERAL, halfwidth, kanji_ok, parse_cjk
from bot.analysis.numbers import Hit

__all__ = ["find_cjk_figures"]

_LEXICONS = {"ja": JAPANESE, "ko": KOREAN}
_SIGNS = {"$": "USD", "US$": "USD", "＄": "USD", "€": "EUR", "¥": "JPY", "￥": "JPY", "₩": "KRW"}


class _Num(NamedTuple):
    start: int
    end: int
    value: float
    top: float  # the largest of 万/億/兆 in it (1 when none)


@dataclass(frozen=True)
class _Patterns:
    currency: re.Pattern[str]
    guard: re.Pattern[str]
    percent: re.Pattern[str]
    tenths: re.Pattern[str]
    capacity: re.Pattern[str]
    span: re.Pattern[str]
    bare_year: re.Pattern[str]
    span_lead: re.Pattern[str]
    point_after: re.Pattern[str]
    era: re.Pattern[str]
    sign_before: re.Pattern[str]
    dash: re.Pattern[str]
    share_before: re.Pattern[str]
    share_after: re.Pattern[str]


_CACHE: dict[str, _Patterns] = {}


def _patterns(lex: CjkLexicon) -> _Patterns:
    if lex.lang not in _CACHE:
        _CACHE[lex.lang] = _Patterns(
            currency=re.compile(rf"\s?(?P<cur>{alternation(lex.currencies)})"),
            guard=re.compile(lex.currency_guard),
            percent=re.compile(rf"\s?(?:{lex.percent})"),
            tenths=re.compile(lex.tenths),
            capacity=re.compile(rf"\s?(?P<cap>{alternation(lex.capacity)})(?![A-Za-z])"),
            span=re.compile(
                rf"\s?(?:(?P<year>{lex.years})|(?P<month>{lex.months})|(?P<week>{lex.weeks})"
                rf"|(?P<day>{lex.days}))"
            ),
            bare_year=re.compile(rf"\s?(?:{lex.bare_year})"),
            span_lead=re.compile(lex.span_lead),
            point_after=re.compile(lex.point_after),
            era=re.compile(lex.era),
            sign_before=re.compile(r"(?:US\$|\$|＄|€|¥|￥|₩)\s?$"),
            dash=re.compile(r"\s?[~〜～\-–]\s?"),
            share_before=re.compile(rf"\d[\d,.]*\s?\S{{0,3}}\s?(?:{lex.share})\s?$"),
            share_after=re.compile(rf"\s?(?:{lex.share})\s?\d"),
        )
    return _CACHE[lex.lang]


def _numerals(lex: CjkLexicon, p: _Patterns, text: str) -> list[_Num]:
    out = []
    for m in NUMERAL.finditer(text):
        start = m.start()
        if not kanji_ok(text, start) or p.era.search(text, max(0, start - 4), start):
            continue
        value, top = parse_cjk(m[0])
        glued = start and text[start - 1].isascii() and text[start - 1].isalpha() and top == 1
        if glued and noun_before(lex, text, start, "hlopsac") is None:
            continue  # "H100", "A100": a model name, unless a counted noun ends there
        out.append(_Num(start, m.end(), value, top))
    return out


def _span(lex: CjkLexicon, p: _Patterns, text: str, num: _Num) -> Hit | None:
    """A span of time after a number ("3年間", "18カ月", "5년간", "향후 5년")."""
    found = p.span.match(text, num.end)
    unit = next((u for u in ("year", "month", "week", "day") if found and found[u]), None)
    if found is None:
        bare = p.bare_year.match(text, num.end)
        lead = p.span_lead.search(text, max(0, num.start - 6), num.start)
        if not (bare and lead):
            return None
        found, unit = bare, "year"
    if unit is None or p.point_after.match(text, found.end()):
        return None  # "3年後", "5년 전": a point in time
    if num.value >= 100 or num.value <= 0:
        return None  # "2030年で", "2025년 내": a year
    return Hit(num.start, found.end(), "duration", num.value, unit)


def _money(lex: CjkLexicon, p: _Patterns, text: str, num: _Num) -> Hit | None:
    found = p.currency.match(text, num.end)
    if found and is_rate(text, num.start, found.end()):
        return None
    if found and not p.guard.match(text, found.end()):
        return Hit(num.start, found.end(), "money", num.value, lex.currencies[found["cur"]])
    sign = p.sign_before.search(text, max(0, num.start - 4), num.start)
    if sign:
        code = _SIGNS[sign[0].strip()]
        return Hit(sign.start(), num.end, "money", num.value, code)
    return None


def _classify(lex: CjkLexicon, p: _Patterns, text: str, num: _Num) -> Hit | None:
    money = _money(lex, p, text, num)
    if money:
        return money
    percent = p.percent.match(text, num.end)
    if percent:
        return Hit(num.start, percent.end(), "percent", num.value, "%")
    tenths = p.tenths.match(text, num.end)
    if tenths and num.value <= 10:
        return Hit(num.start, tenths.end(), "percent", num.value * 10, "%")  # "約2割": 20 %
    capacity = p.capacity.match(text, num.end)
    if capacity:
        return Hit(num.start, capacity.end(), "capacity", num.value, lex.capacity[capacity["cap"]])
    span = _span(lex, p, text, num)
    if span or num.value <= 1:
        return span
    counted = count_after(lex, text, num.start, num.end)
    if counted is None or p.share_after.match(text, counted[1]):
        return None  # "10人に1人", "10명 중 3명": a share
    if p.share_before.search(text, max(0, num.start - 12), num.start):
        return None
    return Hit(counted[0], counted[1], "count", num.value, counted[2])


def _ranged(p: _Patterns, text: str, first: _Num, num: _Num, hit: Hit) -> Hit | None:
    """The figure with the bare number before it as its lower end ("100億〜200億円")."""
    if not p.dash.fullmatch(text, first.end, num.start):
        return None
    low = first.value * (num.top if first.top == 1 else 1.0)
    low *= hit.value / num.value if num.value else 1.0
    if not 0 < low < hit.value:
        return None
    return Hit(first.start, hit.end, hit.kind, hit.value, hit.unit, low)


def _with_about(lex: CjkLexicon, text: str, hit: Hit) -> Hit:
    """Japanese copy keeps 約 with its figure ("約400億円"), as the reader would quote it."""
    if lex.lang == "ja" and text[max(0, hit.start - 1) : hit.start] == "約":
        return hit._replace(start=hit.start - 1)
    return hit


def find_cjk_figures(lang: str, paragraph: str, countries: Sequence[str] = ()) -> list[Hit]:
    """Every figure of one Japanese or Korean paragraph, in text order."""
    lex = _LEXICONS[lang]
    p = _patterns(lex)
    text = halfwidth(paragraph)
    nums = _numerals(lex, p, text)
    read = [_classify(lex, p, text, num) for num in nums]
    out: list[Hit] = []
    for i, (num, hit) in enumerate(zip(nums, read, strict=True)):
        if hit is None:
            continue
        if i and read[i - 1] is None:
            hit = _ranged(p, text, nums[i - 1], num, hit) or hit
        out.append(_with_about(lex, text, hit))
    shares = cjk_shares(lang, text)
    out += [s for s in shares if all(s.end <= h.start or s.start >= h.end for h in out)]
    return sorted(out, key=lambda h: h.start)
