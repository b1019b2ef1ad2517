"""Shares, which readers take as percents, as English does (shares.py): "deux Français sur
trois", "3 em cada 10 empresas", "zwei Drittel der Firmen", "10人に1人", "3分の2", "10명 중 1명".

Only proper fractions are read ("two in three", never "ten in two"), and a quarter is a
share only of a group, not of an hour or a century. In Latin-script languages the two
numbers are numerals the engine already found with nothing after them (a share is not
counted as a count: figures_latin.py), joined by the language's "in" ("sur", "von",
"de cada", "em cada", "su") with at most one noun between ("2 entreprises sur 10").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bot.analysis.intl.figures_lexicon import Lexicon, numbers
from bot.analysis.intl.numbers_cjk import parse_cjk
from bot.analysis.numbers import Hit

__all__ = ["cjk_shares", "latin_shares"]

# the fraction words of all five languages: none of them means anything else before "of"
_DENOMINATORS = numbers(
    """tiers=3 quart=4 quarts=4 cinquième=5 cinquièmes=5 dixième=10 dixièmes=10 drittel=3
    viertel=4 fünftel=5 zehntel=10 tercio=3 tercios=3 cuarto=4 cuartos=4 quinto=5 quintos=5
    décimo=10 terço=3 terços=3 quarto=4 quartos=4 terzo=3 terzi=3 quarti=4 quinti=5"""
)
_NUMERATORS = numbers(
    """un=1 une=1 ein=1 uno=1 una=1 um=1 uma=1 deux=2 zwei=2 dos=2 dois=2 duas=2 due=2
    trois=3 drei=3 tres=3 três=3 tre=3 quatre=4 vier=4 cuatro=4 quatro=4 quattro=4"""
)
_TIME = r"heure|hora|ora|stunde|siècle|siglo|século|secolo|jahrhundert|mile|milla"
_FRACTIONS: dict[str, re.Pattern[str]] = {}
_GAPS: dict[str, re.Pattern[str]] = {}
_CJK = {
    "ja": re.compile(
        r"(?P<d>[\d一二三四五六七八九十]+)\s?(?:人に|人中|人のうち|分の)\s?(?P<n>[\d一二三四五六七八九]+)人?"
    ),
    "ko": re.compile(r"(?P<d>\d+)\s?(?:명\s?중|분의)\s?(?P<n>\d+)명?"),
}


def _share(start: int, end: int, n: float, d: float) -> Hit | None:
    if 0 < n < d <= 1000:
        return Hit(start, end, "percent", round(100 * n / d, 2), "%")
    return None


def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if lex.lang not in _FRACTIONS:
        numerators = "|".join(_NUMERATORS)
        fractions = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
        _FRACTIONS[lex.lang] = re.compile(
            rf"(?<![\w])(?P<n>{numerators})\s+(?P<f>{fractions})\s+(?:{lex.fraction_of})"
            rf"(?![\w])(?!\s*(?:la\s+|l['’]|une?\s+|eine[rn]?\s+|una?\s+|uma?\s+)?(?:{_TIME}))",
            re.IGNORECASE,
        )
        _GAPS[lex.lang] = re.compile(
            rf"(?:\s+[^\W\d_][\w'’-]*)?\s+(?:{lex.share_percent})\s+", re.IGNORECASE
        )
    return _FRACTIONS[lex.lang], _GAPS[lex.lang]


def latin_shares(lex: Lexicon, paragraph: str, bare: Sequence[tuple[int, int, float]]) -> list[Hit]:
    """Shares in a paragraph; `bare` are its numerals that read as nothing else."""
    fraction, gap = _patterns(lex)
    hits = []
    for a, b in pairwise(bare):
        if gap.fullmatch(paragraph, a[1], b[0]):
            hit = _share(a[0], b[1], a[2], b[2])
            hits += [hit] if hit else []
    for m in fraction.finditer(paragraph):
        hit = _share(
            m.start(), m.end("f"), _NUMERATORS[m["n"].lower()], _DENOMINATORS[m["f"].lower()]
        )
        hits += [hit] if hit else []
    return hits


def cjk_shares(lang: str, text: str) -> list[Hit]:
    """ "10人に1人", "3分の2", "10명 중 3명": shares of a group, as percents.

    `text` is the paragraph with half-width digits (numbers_cjk.halfwidth).
    """
    hits = []
    for m in _CJK[lang].finditer(text):
        hit = _share(m.start(), m.end(), parse_cjk(m["n"])[0], parse_cjk(m["d"])[0])
        hits += [hit] if hit else []
    return hits
