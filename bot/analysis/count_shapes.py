"""Counts whose number and noun are apart: ranges, lists, and "up to" with the noun elided.

- "between 5,000 and 8,000 GPUs", "from 5,000 to 8,000 GPUs": one count, `low` the lower
  end; after a verb of change ("will grow from 750 to 1,600 GPUs") two counts, a before
  and an after (ranges.py's rule for money).
- "Karnataka 3,480, Kerala 2,950 and Goa 1,760 GPUs", "5,210 GPUs, followed by Assam
  (3,480) and Bihar (2,950)": a list of named numbers, three or more, shares the noun of
  the one that has it.
- "2,048 GPUs in the first phase … a second phase of up to 6,000, depending on demand":
  a bare "up to N" right after a count counts the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.counts import noun_after
from bot.analysis.numbers import NUM, YEAR, Hit, parse_number
from bot.analysis.ranges import changed_from

__all__ = ["shaped_counts"]

_APPROX = r"(?:(?:about|around|roughly|nearly|almost|some|over|under|more\s+than)\s+)?"
_BETWEEN = re.compile(rf"\bbetween\s+(?P<num>{NUM})\s+and\s+{_APPROX}$", re.IGNORECASE)
_FROM = re.compile(rf"\bfrom\s+(?P<num>{NUM})\s+to\s+{_APPROX}$", re.IGNORECASE)
_NUMBER = re.compile(NUM)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_NAME = r"(?:[A-Z][\w'’.-]*\s+){1,4}"
_ITEM = re.compile(
    rf"(?P<name>{_NAME})(?:\(\s*(?P<par>{_DIGITS})\s*\)|(?P<num>{_DIGITS}))(?![\w.,]\d)"
)
_SEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_LEAD = re.compile(r",?\s+(?:followed\s+by|then|ahead\s+of|before|against|and|with)\s+")
_MONTHS = re.compile(
    r"(?i:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$"
)
_UP_TO = re.compile(
    rf"\bup\s+to\s+(?P<num>{_DIGITS})(?=\s*[,.;)]|\s+(?:depending|if|when|once|by|as)\b)"
)


def _ranged(paragraph: str, hit: Hit) -> list[Hit]:
    """The hit read with a lower end written before it, or split into before and after."""
    lead = paragraph[max(0, hit.start - 40) : hit.start]
    match = _BETWEEN.search(lead) or _FROM.search(lead)
    if hit.low is None and match and not YEAR.fullmatch(match["num"]):
        low = parse_number(match["num"])
        number = _NUMBER.match(paragraph, hit.start)
        if number and parse_number(number[0]) > 0 and low < parse_number(number[0]):
            low *= hit.value / parse_number(number[0])  # "between 5 and 8 million users"
        offset = hit.start - len(lead)
        if match.re is _FROM and changed_from(paragraph, offset + match.start("num")):
            span = (offset + match.start("num"), offset + match.end("num"))
            return [hit, Hit(*span, "count", low, hit.unit)]
        if 0 < low < hit.value:
            return [Hit(offset + match.start(), hit.end, "count", hit.value, hit.unit, low)]
    if hit.low is not None and changed_from(paragraph, hit.start):
        number = _NUMBER.match(paragraph, hit.start)
        high = _NUMBER.search(paragraph, number.end() if number else hit.start + 1, hit.end)
        if number and high:
            return [
                Hit(hit.start, number.end(), "count", hit.low, hit.unit),
                Hit(high.start(), hit.end, "count", hit.value, hit.unit),
            ]
    return [hit]


def _runs(paragraph: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """Runs of named numbers ("Kerala 2,950, Goa (1,760)"): where each starts, its numbers."""
    runs: list[tuple[int, list[tuple[int, int]]]] = []
    last_end = -1
    for item in _ITEM.finditer(paragraph):
        group = "par" if item["par"] else "num"
        if YEAR.fullmatch(item[group]) or _MONTHS.match(item["name"].split()[-1]):
            last_end = -1
            continue
        span = (item.start(group), item.end(group))
        if last_end >= 0 and _SEP.fullmatch(paragraph, last_end, item.start()):
            runs[-1][1].append(span)
        else:
            runs.append((item.start(), [span]))
        last_end = item.end()
    return runs


def _listed(paragraph: str, hits: Sequence[Hit]) -> list[Hit]:
    """Numbers of a named list that take the noun of the list's counted member."""
    out: list[Hit] = []
    starts = {h.start: h for h in hits if h.low is None and paragraph[h.start].isdigit()}
    for begin, run in _runs(paragraph):
        owner = next((starts[s] for s, _ in run if s in starts), None)
        last = noun_after(paragraph, run[-1][1]) if owner is None and len(run) > 2 else None
        if last:  # "Kerala 2,950 and Goa 1,760 GPUs": a name before the counted number
            value = parse_number(paragraph[run[-1][0] : run[-1][1]])
            owner = Hit(run[-1][0], last[0], "count", value, last[1])
            out.append(owner)
        if owner is None:  # "5,210 GPUs, followed by Assam (3,480), …"
            before = [h for h in starts.values() if begin - 40 <= h.end <= begin]
            owner = max(before, key=lambda h: h.end) if before else None
            if owner is None or not _LEAD.fullmatch(paragraph, owner.end, begin):
                continue
        members = [span for span in run if span[0] != owner.start]
        if len(members) < 2:
            continue
        for start, end in members:
            value = parse_number(paragraph[start:end])
            if value > 1:
                out.append(Hit(start, end, "count", value, owner.unit))
    return out


def _up_to(paragraph: str, hits: Sequence[Hit]) -> list[Hit]:
    """ "… of up to 6,000, depending on …" after a count: more of the same thing."""
    out = []
    for match in _UP_TO.finditer(paragraph):
        before = [h for h in hits if 0 <= match.start() - h.end < 200]
        if before and not YEAR.fullmatch(match["num"]):
            owner = max(before, key=lambda h: h.end)
            value = parse_number(match["num"])
            if value > 1:
                out.append(Hit(match.start(), match.end(), "count", value, owner.unit))
    return out


def shaped_counts(paragraph: str, hits: Sequence[Hit]) -> list[Hit]:
    """The counts with ranges read, plus listed and "up to" numbers sharing a noun."""
    counts = [h for h in hits if h.kind == "count"]
    ranged = [r for h in counts for r in _ranged(paragraph, h)]
    return ranged + _listed(paragraph, ranged) + _up_to(paragraph, ranged)
