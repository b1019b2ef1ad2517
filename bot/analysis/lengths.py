"""Lengths of digital infrastructure: "18,500 km of fibre", "a 1,200-kilometre cable".

Kilometres of fibre and cable are how connectivity programmes are counted, so they are
figures (kind `count`, unit `km`, as the evaluation set annotates them). Kilometres of
track or road, and distances ("60 kilometres from the capital"), are not: the
evaluation set leaves them out, and they say nothing about compute or networks.
"""

from __future__ import annotations

import re

from bot.analysis.numbers import Hit, parse_number

__all__ = ["find_lengths"]

_LENGTH = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<scale>\s?(?:million|thousand))?"
    r"[\s-]?(?:km|kilomet(?:re|er)s?)\b",
    re.IGNORECASE,
)
_SCALES = {"million": 1e6, "thousand": 1e3}
_NETWORK = re.compile(r"\b(?:fib(?:re|er)|optic|cables?|backbone|broadband)\b", re.IGNORECASE)


def find_lengths(paragraph: str) -> list[Hit]:
    """Every length in kilometres of the paragraph."""
    out = []
    for match in _LENGTH.finditer(paragraph):
        around = paragraph[max(0, match.start() - 50) : match.end() + 40]
        if not _NETWORK.search(around):
            continue
        value = parse_number(match["num"])
        scale = (match["scale"] or "").strip().lower()
        value *= _SCALES.get(scale, 1.0)
        out.append(Hit(match.start(), match.end(), "count", value, "km"))
    return out
