"""Ranges written with both ends in full: "between Rs 65 and Rs 150", "N50m to N80m".

A range is one figure, its upper bound with `low` the lower, as durations and percents
already are ("six to eight months", "30-50%"): a grant "of between N50 million and N400
million" is one grant size, not two sums. "From X to Y" is a range too ("prices from $2
to $3 an hour"), except after a verb of change ("rose from $2bn to $3bn", "will grow from
750 to 1,600 GPUs"), where the two numbers are a before and an after: two figures, as
percents have them. When only the upper end carries the scale ("between $2 and $3
billion") the lower end takes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from bot.analysis.numbers import NUM, SCALE_WORD, Hit, parse_number

__all__ = ["changed_from", "merge_ranges"]

_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")
_TO = re.compile(r"\s*(?:to|-|–|—)\s*")
# a verb of change, a few words, then "from": the figures after it are a before and after
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|gr[eo]wn?|grows|growing|increas\w*|expand\w*|climb\w*"
    r"|jump\w*|f[ae]ll(?:s|en|ing)?|drop\w*|cut(?:s|ting)?|rais\w*|doubl\w*|tripl\w*"
    r"|boost\w*|slash\w*|reduc\w*|shr[iau]nk\w*|soar\w*|surg\w*|declin\w*|upgrad\w*"
    r"|scal(?:e|es|ed|ing)\s+up|went|gone|go(?:es)?|mov(?:e|es|ed|ing)|swell\w*)"
    r"(?:\s+[\w,'’-]+){0,4}?\s+from\s+$",
    re.IGNORECASE,
)
_SCALED = re.compile(
    rf"\d[\s-]?(?:{SCALE_WORD}|(?i:bn|bln|mn|mln|tn|trn|cr|bil|mil|[mbk])\b)", re.IGNORECASE
)
_NUMBER = re.compile(NUM)


def changed_from(paragraph: str, at: int) -> bool:
    """Whether the number at `at` follows "from" after a verb of change ("rose from")."""
    return _CHANGE.search(paragraph, max(0, at - 80), at) is not None


def _scale(paragraph: str, hit: Hit) -> float:
    """The factor a hit's own number was multiplied by (1 when it names no scale)."""
    text = paragraph[hit.start : hit.end]
    number = _NUMBER.search(text)
    if number is None or not _SCALED.search(text):
        return 1.0
    base = parse_number(number[0])
    return hit.value / base if base else 1.0


def _joined(paragraph: str, a: Hit, b: Hit) -> int | None:
    """The start of the range "a … b" when the two hits are its ends, else None."""
    gap = paragraph[a.end : b.start]
    between = _BETWEEN.search(paragraph, max(0, a.start - 12), a.start)
    if between and _AND.fullmatch(gap):
        return between.start()
    if _TO.fullmatch(gap) and not changed_from(paragraph, a.start):
        return a.start
    return None


def merge_ranges(paragraph: str, hits: Sequence[Hit]) -> list[Hit]:
    """The hits with each two-ended range (same kind and unit) made one hit with `low`."""
    ordered = sorted(hits, key=lambda h: (h.start, -h.end))
    starts = [h.start for h in ordered]
    out: list[Hit] = []
    used: set[int] = set()
    for i, a in enumerate(ordered):
        if i in used:
            continue
        if a.low is None:
            # the first hit after `a` that starts where it ends or later
            j = max(i + 1, bisect.bisect_left(starts, a.end))
            b = ordered[j] if j < len(ordered) else None
            if b is not None and b.kind == a.kind and b.unit == a.unit and b.low is None:
                start = _joined(paragraph, a, b)
                low = a.value
                if _scale(paragraph, a) == 1.0:
                    low *= _scale(paragraph, b)
                if start is not None and 0 < low < b.value:
                    out.append(Hit(start, b.end, a.kind, b.value, a.unit, low))
                    used.add(j)
                    continue
        out.append(a)
    return out
