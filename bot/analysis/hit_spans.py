"""Interval questions about a paragraph's figures, answered by bisection.

A paragraph of a budget table or a page that lost its line breaks holds thousands of
numbers; asking each hit "does any other overlap me?" or "how many brackets are open
before me?" by a scan makes the figure stage quadratic in the paragraph's length. These
answer the same questions in logarithmic time from sorted positions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from bot.analysis.numbers import Hit

__all__ = ["Parentheses", "Stops", "first_wins", "overlapping_any"]


def first_wins(hits: Sequence[Hit]) -> list[Hit]:
    """Non-overlapping hits, an earlier hit in `hits` winning, in text order."""
    kept: list[Hit] = []
    taken: list[tuple[int, int]] = []  # disjoint, so sorted by start is sorted by end
    ends: list[int] = []
    for hit in hits:
        i = bisect.bisect_right(ends, hit.start)  # the first taken one ending after it starts
        if i < len(taken) and taken[i][0] < hit.end:
            continue
        k = bisect.bisect_left(taken, (hit.start, hit.end))
        taken.insert(k, (hit.start, hit.end))
        ends.insert(k, hit.end)
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def overlapping_any(hits: Sequence[Hit], others: Sequence[Hit]) -> list[bool]:
    """For each of `hits`, whether it shares a character with any of `others` (which may
    overlap one another)."""
    ordered = sorted(others, key=lambda h: h.start)
    starts = [h.start for h in ordered]
    reach: list[int] = []  # the furthest end among the first k+1 by start
    for h in ordered:
        reach.append(max(reach[-1], h.end) if reach else h.end)
    out = []
    for hit in hits:
        k = bisect.bisect_left(starts, hit.end)  # those starting before it ends
        out.append(k > 0 and reach[k - 1] > hit.start)
    return out


_OPEN = re.compile(r"\(")
_CLOSE = re.compile(r"\)")


class Parentheses:
    """How many brackets open and close before a position of one paragraph."""

    def __init__(self, paragraph: str) -> None:
        self._opens = [m.start() for m in _OPEN.finditer(paragraph)]
        self._closes = [m.start() for m in _CLOSE.finditer(paragraph)]

    def outside(self, at: int) -> bool:
        """No bracket left open before `at` ("(US$42 million)" is a conversion)."""
        return bisect.bisect_left(self._opens, at) <= bisect.bisect_left(self._closes, at)


_STOP = re.compile(r"[.!?;](?:\s|$)|\n")


class Stops:
    """Where `[.!?;]` before a space or the end, or a line break, ends a sentence."""

    def __init__(self, paragraph: str) -> None:
        self._text = paragraph
        self._at = [m.start() for m in _STOP.finditer(paragraph)]

    def between(self, start: int, end: int) -> bool:
        """Whether `_STOP.search(paragraph, start, end)` would find one: a stop starting
        in [start, end) (the search's end counts as the text's end), a line break at
        `start` that the full scan read as a stop's space, or a stop character last."""
        if end <= start:
            return False
        k = bisect.bisect_left(self._at, start)
        if k < len(self._at) and self._at[k] < end:
            return True
        return self._text[start] == "\n" or self._text[end - 1] in ".!?;"
