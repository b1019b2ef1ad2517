"""Figures in French, German, Spanish, Portuguese and Italian: one engine, five lexicons.

Every figure is a numeral (digits or words) with an optional scale word, read by what
comes right after it: a currency sign or word (money), a percent word, a power or speed
unit (capacity), a span of time (duration), a counted noun from the glossary (count); or
a currency sign right before it ("€5 Mrd.", "R$ 1,5 bilhão"). A numeral with nothing
after it may be the first end of a range ("entre 5 et 10 millions d'euros": one figure,
`low` the first end, which takes the second's scale) or the "before" of a change ("est
passé de 5 à 10 milliards": two figures), or take the currency of an amount earlier in
its sentence ("10 Milliarden Euro, davon 3 Milliarden für Chips").
Years, ages, points in time ("il y a deux ans") and labels ("article 5") are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.analysis.intl.figures_counts import counted_noun
from bot.analysis.intl.figures_lexicon import CAPACITY_UNITS, Lexicon, is_rate
from bot.analysis.intl.figures_money import SIGNS, resolve_currency
from bot.analysis.intl.figures_patterns import Patterns
from bot.analysis.intl.numbers_latin import NumberWords, compose, joins, parse_digits
from bot.analysis.numbers import YEAR, Hit, word_set

__all__ = ["Num", "classify", "number_words", "numerals"]


class Num(NamedTuple):
    """A numeral in a paragraph, with its scale word when it has one."""

    start: int
    end: int  # after the scale word
    value: float  # scale applied
    base: float
    scale: float
    words: bool  # spelled out
    sign: str | None = None  # a currency sign right before it, as written
    sign_start: int = -1


_NUMBER_WORDS: dict[str, NumberWords] = {}
_JOIN_GAP = re.compile(r"[\s-]+(?:(?P<conn>[^\W\d_]+)[\s-]+)?")
_PREV_WORD = re.compile(r"([^\W\d_][\w'’.°-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“„‘¿¡—–(]\s*)$")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
_APPOSITION = re.compile(r"(?:,\s|\()(?:de\s|di\s|da\s)?$")


def number_words(lex: Lexicon) -> NumberWords:
    """The number morphemes of `lex`'s language, split and cached."""
    return _words(lex)


def _words(lex: Lexicon) -> NumberWords:
    if lex.lang not in _NUMBER_WORDS:
        _NUMBER_WORDS[lex.lang] = NumberWords(lex.numbers)
    return _NUMBER_WORDS[lex.lang]


def _word_numerals(lex: Lexicon, p: Patterns, paragraph: str) -> list[tuple[int, int, float]]:
    """Spelled-out numbers, adjacent words joined when they make one number."""
    words = _words(lex)
    out: list[tuple[int, int, list[float]]] = []
    for m in p.word.finditer(paragraph):
        values = words.values(m[0])
        if not values or not any(values) or m[0].lower() in lex.bound:
            continue
        if out:
            start, end, before = out[-1]
            gap = _JOIN_GAP.fullmatch(paragraph, end, m.start())
            conn = gap["conn"].lower() if gap and gap["conn"] else None
            nonzero = [v for v in before if v] or [0.0]
            if gap and (conn is None or conn in lex.connectors) and joins(nonzero[-1], values[0]):
                out[-1] = (start, m.end(), [*before, *values])
                continue
        out.append((m.start(), m.end(), list(values)))
    for i, (start, end, parts) in enumerate(out):
        one = p.ones_after_tens.match(paragraph, end)
        if one and 20 <= parts[-1] < 100 and parts[-1] % 10 == 0:
            out[i] = (start, one.end(), [*parts, 1.0])  # "vingt et un", "trinta e uma"
    found = [(s, e, compose(v)) for s, e, v in out]
    found += [
        (m.start(), m.end(), 0.5 if re.fullmatch(lex.halves, m["one"], re.I) else 1.0)
        for m in p.ones.finditer(paragraph)
    ]
    return found


def _scaled(
    lex: Lexicon, p: Patterns, paragraph: str, start: int, end: int, base: float, words: bool
) -> Num:
    """The numeral with the scale word after it, and the currency sign before it."""
    sign = p.sign_before.search(paragraph, max(0, start - 6), start)
    scale, stop = 1.0, end
    found = p.scale.match(paragraph, end)
    if found:
        scale, stop = lex.scales[" ".join(found["scale"].lower().split())], found.end()
    else:
        short = p.symbol_scale.match(paragraph, end)
        if short and (sign or p.sign_after.match(paragraph, short.end())):
            scale, stop = lex.symbol_scales[short["ss"]], short.end()
    return Num(
        start,
        stop,
        base * scale,
        base,
        scale,
        words,
        sign["sign"] if sign else None,
        sign.start() if sign else -1,
    )


def numerals(lex: Lexicon, p: Patterns, paragraph: str) -> list[Num]:
    """Every numeral of a paragraph in text order, each with its scale word."""
    spans = [(m.start(), m.end(), parse_digits(m[0]), False) for m in p.digits.finditer(paragraph)]
    spans += [(s, e, v, True) for s, e, v in _word_numerals(lex, p, paragraph)]
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[Num] = []
    last_end = -1
    for start, end, value, words in spans:
        if start < last_end:
            continue
        num = _scaled(lex, p, paragraph, start, end, value, words)
        prev = out[-1] if out else None
        if prev and _thousands_then_millions(paragraph, prev, num):
            base = prev.value + num.base  # Mexican copy: "2 mil 500 millones" is 2,500 million
            num = Num(out.pop().start, num.end, base * num.scale, base, num.scale, False)
        out.append(num)
        last_end = num.end
    return out


def _thousands_then_millions(paragraph: str, prev: Num, num: Num) -> bool:
    """ "mil 500 millones", "2 mil 500 millones": thousands of millions written in two."""
    thousands = prev.scale == 1e3 or (prev.words and prev.base % 1000 == 0 and prev.scale == 1)
    return (
        thousands
        and prev.sign is None
        and not num.words
        and num.base < 1000
        and num.scale >= 1e6
        and paragraph[prev.end : num.start].isspace()
    )


def _label_before(lex: Lexicon, paragraph: str, num: Num) -> bool:
    """Whether the word before a number makes it a label, a version or a product name."""
    prev = _PREV_WORD.search(paragraph, max(0, num.start - 40), num.start)
    if prev is None:
        return paragraph[max(0, num.start - 1) : num.start] in ("#", "°")
    word = prev[1]
    if word.lower().rstrip(".") in lex.labels or word.lower() in lex.labels:
        return True
    if lex.compound_nouns or num.words or not word[0].isupper():
        return False
    head = paragraph[max(0, prev.start() - 3) : prev.start()]
    return not _SENTENCE_START.search(head)  # "Llama 3", "Apertus 70B"; "Plus de 150"


def _currency(
    lex: Lexicon, p: Patterns, paragraph: str, num: Num, ctx: tuple[Sequence[str], str]
) -> Hit | None:
    if lex.extra and p.extra:
        extra = p.extra.match(paragraph, num.end)
        if extra:
            code = lex.extra[extra["extra"].lower()]
            return Hit(num.start, extra.end(), "money", num.value * 1e6, code)
    word = p.currency.match(paragraph, num.end)
    if word and word["cur"].lower() in lex.guarded and num.scale == 1 and not word["adj"]:
        word = None  # "cinq livres": books
    if num.sign:
        code = SIGNS[re.sub(r"\s", "", num.sign).lower()]
        if word and code == "DOLLAR":  # "$15,000 millones de pesos"
            return _worded(lex, word, num.sign_start, num.value, ctx)
        end = word.end() if word else num.end
        return Hit(num.sign_start, end, "money", num.value, _resolve(lex, code, ctx, True))
    after = p.sign_after.match(paragraph, num.end)
    if after:
        code = SIGNS[re.sub(r"\s", "", after["sign"]).lower()]
        return Hit(num.start, after.end(), "money", num.value, _resolve(lex, code, ctx, True))
    return _worded(lex, word, num.start, num.value, ctx) if word else None


def _worded(
    lex: Lexicon, word: re.Match[str], start: int, value: float, ctx: tuple[Sequence[str], str]
) -> Hit:
    """Money whose currency is a word, perhaps with its adjective ("dollars canadiens")."""
    adjective = word["adj"] or word.groupdict().get("adjb")
    if adjective:
        key = " ".join(adjective.lower().split())
        code = lex.currency_adjectives.get(key) or lex.adjectives_before.get(key, "")
    else:
        code = lex.currencies[" ".join(word["cur"].lower().split())]
    code = resolve_currency(code, ctx[0], ctx[1], local_dollar=lex.dollar_local)
    return Hit(start, word.end(), "money", value, code)


def _resolve(lex: Lexicon, code: str, ctx: tuple[Sequence[str], str], sign: bool) -> str:
    return resolve_currency(code, ctx[0], ctx[1], sign=sign, peso_sign=lex.peso_sign)


def _duration(lex: Lexicon, p: Patterns, paragraph: str, num: Num) -> Hit | None:
    found = p.duration.match(paragraph, num.end)
    if found is None or (num.value <= 1 and num.words) or _label_before(lex, paragraph, num):
        return None
    unit = lex.durations[found["dur"].lower()]
    lead = paragraph[max(0, num.start - 40) : num.start]
    if p.ago_before.search(lead) or p.after_span.match(paragraph, found.end()):
        return None  # "il y a deux ans", "drei Jahre später": a point in time
    if unit == "year" and num.value >= 16 and _is_age(p, paragraph, num, found.end()):
        return None
    value = num.value * 10 if unit == "decade" else num.value
    return Hit(num.start, found.end(), "duration", value, "year" if unit == "decade" else unit)


def _is_age(p: Patterns, paragraph: str, num: Num, end: int) -> bool:
    """ "âgé de 45 ans", "a los 45 años", "Jean Dupont, 45 ans, …": an age."""
    lead = paragraph[max(0, num.start - 30) : num.start]
    if p.age_before.search(lead):
        return True
    apposition = _APPOSITION.search(lead) is not None
    return apposition and paragraph[end : end + 1] in (",", ")")


def classify(
    lex: Lexicon, p: Patterns, paragraph: str, num: Num, ctx: tuple[Sequence[str], str]
) -> Hit | None:
    """The figure a numeral is, read off the words right after it (None when bare)."""
    money = _currency(lex, p, paragraph, num, ctx)
    if money and is_rate(paragraph, money.start, money.end):
        return None  # "1 € = 1,08 $": a rate, not an amount
    if money or num.value <= 0:
        return money
    percent = p.percent.match(paragraph, num.end)
    if percent:
        return Hit(num.start, percent.end(), "percent", num.value, "%")
    year = not num.words and num.scale == 1 and YEAR.fullmatch(paragraph[num.start : num.end])
    capacity = p.capacity.match(paragraph, num.end)
    if capacity and not year:
        unit = _capacity_unit(capacity["cap"])
        return Hit(num.start, capacity.end(), "capacity", num.value, unit) if unit else None
    if year and not _quantified(p, paragraph, num.start):
        return None  # "en 2024", but "plus de 2000 spécialistes", "les 2000 chercheurs"
    duration = None if year else _duration(lex, p, paragraph, num)
    if duration or p.duration.match(paragraph, num.end):
        return duration
    if num.value <= 1 or _label_before(lex, paragraph, num):
        return None
    noun = counted_noun(lex, paragraph, num.end, num.scale != 1)
    if noun is None or _share(lex, p, paragraph, num.start, noun[0]):
        return None
    return Hit(num.start, noun[0], "count", num.value, noun[1])


# before a number that looks like a year, words that make it a quantity instead
_QUANTIFIERS = word_set(
    """les des ses leurs ces nos quelque die der den rund etwa los las sus unos unas os as
    seus suas uns umas i gli le suoi sue"""
)


def _quantified(p: Patterns, paragraph: str, start: int) -> bool:
    """Whether a year-like number is a quantity: after a hedge or a plural determiner."""
    if p.hedge_before.search(paragraph, max(0, start - 40), start):
        return True
    prev = _PREV_WORD.search(paragraph, max(0, start - 40), start)
    return prev is not None and prev[1].lower() in _QUANTIFIERS


def _numeral_word(lex: Lexicon, token: str) -> bool:
    return token.isdigit() or _words(lex).values(token) is not None


def _share(lex: Lexicon, p: Patterns, paragraph: str, start: int, end: int) -> bool:
    """ "2 entreprises sur 10", "zwei von zehn Firmen": a share of a group, not a count."""
    before = p.share_before.search(paragraph, max(0, start - 30), start)
    if before and _numeral_word(lex, before["n"]):
        return True
    after = p.share_after.match(paragraph, end)
    return bool(
        after
        and _numeral_word(lex, after["n"])
        and counted_noun(lex, paragraph, after.end(), False) is None  # "sur 3 sites"
    )


_FLOPS = {"exa": "EFLOPS", "e": "EFLOPS", "peta": "PFLOPS", "p": "PFLOPS", "tera": "TFLOPS"}


def _capacity_unit(text: str) -> str | None:
    """ "MW" as written; "mégawatts" → MW, "pétaflops" → PFLOPS."""
    if text[:2] in ("MW", "GW", "kW", "TW"):
        return text
    low = text.lower().replace(" ", "").replace("é", "e")
    if "flop" in low:
        return _FLOPS.get(low.split("flop")[0])
    return next((unit for stem, unit in CAPACITY_UNITS.items() if low.startswith(stem)), None)
