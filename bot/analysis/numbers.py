"""Numbers as news prose writes them: "10,000", "1.25", "five", "a dozen", "Rs 10,300 crore".

The figure extractors share one vocabulary of numerals and scale words, kept here as regex
*source* (so each extractor compiles it once, inside its own pattern) and as parsers that
turn a matched span back into a float. Number words stop at "twenty" and the tens because
news style spells out only small numbers; anything larger is written in digits. Indian
scale words (lakh 1e5, crore 1e7, "lakh crore" 1e12) and East Asian ones (万 1e4, 億/亿 1e8,
兆 1e12, Korean 만/억/조) are as common in the sovereign-AI beat as "billion".
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "CJK_SCALES",
    "INDIAN_GROUPS",
    "NUM",
    "SCALE_WORD",
    "YEAR",
    "Hit",
    "numeral_starts",
    "parse_number",
    "scale_of",
    "word_list",
    "word_set",
]


def word_list(text: str) -> list[str]:
    """The whitespace-separated words of a literal: long word lists stay readable."""
    return text.split()


def word_set(text: str) -> frozenset[str]:
    """`word_list` as a frozenset, for membership tests."""
    return frozenset(text.split())


_UNITS = word_list(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS, start=1)}
WORD_VALUES.update({w: float(i * 10) for i, w in enumerate(_TENS, start=2)})
WORD_VALUES.update({"dozen": 12.0, "a dozen": 12.0, "half a dozen": 6.0, "a": 1.0})

# Thousands separated by commas (Indian style too: "1,00,000"), or by a no-break or thin
# space, or by a plain one as South African and French-influenced English writes them
# ("1 200 GPUs"): only one to three digits then groups of exactly three, never after a
# longer number ("in 2024 10 firms" is no 202,410) nor after a month ("on 15 March"
# comes after it; "November 15 200 people" is a date and a count).
INDIAN_GROUPS = r"\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?"
_NOT_A_DAY = r"(?<!uary )(?<!arch )(?<!pril )(?<!May )(?<!June )(?<!July )(?<!gust )(?<!mber )"
_DIGITS = (
    rf"{INDIAN_GROUPS}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|"
    r"\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|"
    rf"{_NOT_A_DAY}(?<!ober )(?<![\d,.] )\d{{1,3}}(?: \d{{3}})+(?![\d,.]\d)|\d+(?:\.\d+)?"
)
_WORD = (
    r"(?i:(?:half\s+)?a\s+dozen|a(?=\s+(?:hundred|thousand|million|billion|trillion)\b)|(?:"
    + "|".join(_TENS)
    + r")(?:[-\s](?:"
    + "|".join(_UNITS[:9])
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
)
NUM = rf"(?:{_DIGITS}|{_WORD}\b)"
"""One numeral, in digits or words (no scale word)."""

_SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh crore": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "tn": 1e12,
    "trn": 1e12,
    "k": 1e3,
    "bil": 1e9,  # Malaysian copy: "RM2.5bil", "RM300mil"
    "mil": 1e6,
}
SCALE_WORD = r"(?i:hundred|thousand|million|billion|trillion|lakh\s+crore|lakhs?|crores?)\b"
"""A spelled-out scale word; the abbreviations (bn, m, k…) are only allowed after money."""

CJK_SCALES: dict[str, float] = {
    "万": 1e4,
    "萬": 1e4,
    "만": 1e4,
    "億": 1e8,
    "亿": 1e8,
    "억": 1e8,
    "兆": 1e12,
    "조": 1e12,
}

_DIGIT_RUN = re.compile(r"\d[\d,.]*")
_WORD_RUN = re.compile(
    r"\b(?:half a dozen|a dozen|a(?= (?:hundred|thousand|million|billion|trillion)\b)|"
    + "|".join(sorted(_UNITS + _TENS, key=len, reverse=True))
    + r")\b"
)
_WORD_RUN_ANY_CASE = re.compile(_WORD_RUN.pattern, re.IGNORECASE)


def numeral_starts(paragraph: str) -> list[int]:
    """Offsets where a numeral may start: one quick scan that the finders then anchor on.

    Scanning once for digits and (lower-cased) number words and matching each finder's
    pattern only there is several times faster than letting every pattern search the text.
    """
    low = paragraph.lower()
    words = _WORD_RUN if len(low) == len(paragraph) else _WORD_RUN_ANY_CASE
    found = [m.start() for m in _DIGIT_RUN.finditer(paragraph)]
    found += [m.start() for m in words.finditer(low if words is _WORD_RUN else paragraph)]
    return sorted(found)


YEAR = re.compile(r"(?:19|20)\d\d")
"""A year in digits ("2024"), which `fullmatch` tells from a count or an amount."""
_WORD_SPLIT = re.compile(r"[-\s]")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_SPACES = re.compile(r"[,\u00a0\u202f\u2009 ]")


def scale_of(word: str | None) -> float:
    """The multiplier of a scale word or abbreviation ("bn" → 1e9); 1 when absent."""
    if not word:
        return 1.0
    key = " ".join(word.lower().replace("-", " ").split())
    if key in _SCALES:
        return _SCALES[key]
    return CJK_SCALES.get(key, 1.0)


def parse_number(text: str) -> float:
    """The value of one numeral: "10,300" → 10300, "twenty-five" → 25, "a dozen" → 12."""
    raw = " ".join(text.lower().split())
    if _DECIMAL_COMMA.fullmatch(raw):
        return float(raw.replace(",", "."))  # "3,2" before a scale word, as money reads it
    if raw[:1].isdigit():
        return float(_SPACES.sub("", raw))
    if raw in WORD_VALUES:
        return WORD_VALUES[raw]
    total = 0.0
    for part in _WORD_SPLIT.split(raw):
        total += WORD_VALUES.get(part, 0.0)
    return total


class Hit(NamedTuple):
    """A figure found in one paragraph: its span there and its normalised reading."""

    start: int
    end: int
    kind: str
    value: float
    unit: str
    low: float | None = None
