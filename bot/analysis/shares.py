"""Shares in words, which readers take as percents: "six in ten", "a third of", "one in five".

"Six in ten teachers" and "a third of the hours" are percents written out (60 %, 33.3 %),
as a survey or a budget report would print them. Only proper fractions are read: "two in
three" is a share, "ten in two" is not one. "A quarter of a century" is a span of time and
"the first quarter of 2025" a date, so a quarter counts only before a noun phrase that is
neither.
"""

from __future__ import annotations

import re

from bot.analysis.numbers import Hit, parse_number

__all__ = ["find_shares"]

_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten|\d"
_DENOMINATORS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "hundred": 100,
}  # fmt: skip
_IN = re.compile(
    rf"(?<![\w.,])\b(?P<n>{_SMALL})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<d>two|three|four|five|six|seven|eight|nine|ten|hundred|\d{1,3})\b(?![.,]\d|\s*%)",
    re.IGNORECASE,
)
_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION = re.compile(
    r"\b(?P<n>an?|one|two|three|four)[\s-](?P<f>third|quarter|fifth|tenth)(?P<pl>s)?\s+of\s+"
    r"(?!(?:a|the)\s+(?:century|decade|year|mile)|(?:\d|[A-Z][a-z]+\s+\d))",
    re.IGNORECASE,
)
_FRACTION_WORDS = ("third", "quarter", "fifth", "tenth")


def _denominator(word: str) -> float:
    low = word.lower()
    return float(_DENOMINATORS[low]) if low in _DENOMINATORS else parse_number(low)


def find_shares(paragraph: str) -> list[Hit]:
    """Every share written in words in one paragraph, as a percent."""
    low = paragraph.lower()
    shares = " in " in low or " out of " in low
    fractions = any(word in low for word in _FRACTION_WORDS)
    if not (shares or fractions):
        return []
    hits = []
    for m in _IN.finditer(paragraph) if shares else ():
        n, d = parse_number(m["n"].lower()), _denominator(m["d"])
        if 0 < n < d:
            hits.append(Hit(m.start(), m.end("d"), "percent", round(100 * n / d, 2), "%"))
    for m in _FRACTION.finditer(paragraph) if fractions else ():
        n = 1.0 if m["n"].lower() in ("a", "an") else parse_number(m["n"].lower())
        d = _FRACTIONS[m["f"].lower()]
        if 0 < n < d:
            end = m.end("pl") if m["pl"] else m.end("f")
            hits.append(Hit(m.start(), end, "percent", round(100 * n / d, 2), "%"))
    return hits
