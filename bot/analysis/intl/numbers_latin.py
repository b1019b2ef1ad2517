"""Numerals as French, German, Spanish, Portuguese and Italian news writes them.

Digits: continental copy groups thousands with a space ("1 000"), a no-break space, a dot
("10.000") or, in Switzerland, an apostrophe ("10'000"), and writes decimals with a
comma ("3,5 milliards"); Latin-American and some wire copy does the English opposite
("1,500 millones", "2.5 millones"). A lone dot or comma before exactly three digits is
read as thousands in both traditions (a decimal is rarely given to three places in news),
before one, two or four or more digits as the decimal mark.

Words: small numbers are spelled out ("dix-huit mois", "zwanzig Forscher", "tres años",
"cento ricercatori"). German and Italian write a number as one word ("fünfundzwanzig",
"duecentocinquanta"), French joins with hyphens and "et", Spanish and Portuguese with "y"
and "e"; every form is read the same way: split into the language's number morphemes,
then added up, "hundred" multiplying what came before it and "thousand" closing a group.
The article-like "un", "ein", "uma" count only before a scale word ("un milliard").
"""

from __future__ import annotations

import re

__all__ = ["DIGITS", "NumberWords", "compose", "joins", "morpheme_regex", "parse_digits"]

_SPACE = "[ \u00a0\u202f\u2009]"
DIGITS = (
    rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?(?!\d)"  # 1 000 000 / 3 500,5
    r"|\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?(?!\d)"  # Swiss 10'000
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])"  # 10.000 / 1.234,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 10,000 / 1,234.5
    r"|\d+(?:[.,]\d+)?(?![\d])"
)
"""One numeral in digits (regex source, no groups)."""

_GROUPED_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_GROUPED_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+")


def parse_digits(text: str) -> float:
    """The value of a numeral matched by `DIGITS`: "1 000" → 1000, "3,5" → 3.5."""
    raw = re.sub(r"[\s'’\u00a0\u202f\u2009]", "", text)
    if "." in raw and "," in raw:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        return float(raw.replace(thousands, "").replace(decimal, "."))
    if "." in raw:
        return float(raw.replace(".", "")) if _GROUPED_DOTS.fullmatch(raw) else float(raw)
    if "," in raw:
        if _GROUPED_COMMAS.fullmatch(raw):
            return float(raw.replace(",", ""))
        return float(raw.replace(",", "."))
    return float(raw)


def morpheme_regex(morphemes: dict[str, float]) -> str:
    """Regex source for one or more number morphemes written as one word."""
    alts = sorted(morphemes, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(m) for m in alts) + ")+"


class NumberWords:
    """A language's number morphemes: each spelled-out word as the values it is made of."""

    def __init__(self, morphemes: dict[str, float]) -> None:
        self._morphemes = {m.lower(): v for m, v in morphemes.items()}
        self._longest = max(map(len, self._morphemes))
        self._cache: dict[str, tuple[float, ...] | None] = {}

    def values(self, word: str) -> tuple[float, ...] | None:
        """The morpheme values of one word ("fünfundzwanzig" → 5, 0, 20), or None."""
        low = word.lower()
        if low not in self._cache:
            found = self._split(low)
            self._cache[low] = tuple(found) if found is not None else None
        return self._cache[low]

    def _split(self, word: str) -> list[float] | None:
        """`word` as morpheme values, longest morpheme first, backtracking."""
        if not word:
            return []
        for size in range(min(len(word), self._longest), 0, -1):
            head = word[:size]
            if head in self._morphemes:
                rest = self._split(word[size:])
                if rest is not None:
                    return [self._morphemes[head], *rest]
        return None


def compose(values: list[float]) -> float:
    """Add the morphemes up: 100 multiplies the group so far, 1000 closes it."""
    total = current = 0.0
    for value in values:
        if value == 1000:
            total += (current or 1.0) * 1000
            current = 0.0
        elif value == 100:
            current = (current or 1.0) * 100
        else:
            current += value
    return total + current


def joins(before: float, after: float) -> bool:
    """Whether a number word of value `after` continues one ending in `before`.

    "vingt" + "deux", "deux" + "cents", "mil" + "quinientos", "cento" + "vinte", but not
    "deux" + "trois" nor "vinte" + "trinta": two numbers, as in "entre dois e três anos".
    """
    if after == 1000:
        return before < 1000
    if after == 100:
        return before < 10 or before >= 1000
    if before >= 1000:
        return after < 1000
    if before >= 100:
        return after < 100
    if before >= 20 and before % 10 == 0:
        return after < 10
    return False
