"""Counts whose noun stands elsewhere: vote tallies and "another 4,000".

A parliament's vote is reported as a part of a whole ("passed with 401 of 455 deputies",
"won 310 of 322 votes", "287 votes to 95"), and each number is a figure the reader wants:
how many voted and how many could. That is unlike a share of a sample ("3 of 8
ministries", "seven in ten firms"), which stays out, so the part-of-whole reading is kept
to the nouns of voting. A follow-up ("Another 2,500 are on order", "a further
600 will start in May", "1,000 of them") counts what the paragraph's previous count
counted, and "another 4 billion" is money in the article's currency. Numbers listed
before one noun ("8 billion and 70 billion parameters", "3, 5 and 12 data centres")
count it each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.counts import is_plural, singular
from bot.analysis.numbers import NUM, SCALE_WORD, YEAR, Hit, parse_number, scale_of, word_set

__all__ = ["find_coordinated", "find_follow_ups", "find_tallies"]

_VOTERS = word_set(
    """vote ballot deputy lawmaker legislator member senator delegate representative voter
    MP MEP councillor councilor parliamentarian seat"""
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_PART_OF = re.compile(
    rf"(?<![\w.,/$€£¥₹#@+-])(?P<part>{_DIGITS})\s+(?:out\s+)?of\s+(?:the\s+)?"
    rf"(?P<whole>{_DIGITS})\s+(?P<noun>[A-Za-z]+)\b"
)
_VOTES_TO = re.compile(
    rf"(?<![\w.,/$€£¥₹#@+-])(?P<num>{_DIGITS})\s+(?P<noun>[A-Za-z]+)\s+(?:to|against)\s+"
    rf"(?P<other>{_DIGITS})(?![\w%]|[.,]\d)"
)
_FOLLOW_UP = re.compile(
    rf"(?:(?i:another|a\s+further|an\s+additional|an\s+extra)\s+(?P<num>{NUM})"
    rf"(?P<scale>\s+{SCALE_WORD})?(?![\w%]|[.,]\d)"
    rf"|(?<![\w.,$€£¥₹-])(?P<num2>{_DIGITS})(?P<scale2>\s+{SCALE_WORD})?\s+more)"
    r"(?=\s+(?:are|is|were|was|will|would|could|may|have|has|had|in|on|under|to|by|for|at"
    r"|from|being|planned|expected|due|coming|across)\b|\s*[,.;:)]|\s*$)"
)


# "..., with 120 against", "3 against and 2 abstaining": the rest of the same tally
_SIDE = re.compile(
    rf"(?<![\w.,/$€£¥₹#@+-])(?P<num>{_DIGITS})\s+(?:against|in\s+favou?r|abstain(?:ed|ing)?)\b"
)


def _voters(noun: str) -> str | None:
    """The singular voting noun of a plural like "deputies" or "MPs", else None."""
    if not is_plural(noun):
        return None
    unit = singular(noun, [])
    return unit if unit in _VOTERS else None


def find_tallies(paragraph: str, starts: Sequence[int]) -> list[Hit]:
    """Both numbers of a vote tally, each a count of the voting noun."""
    hits: list[Hit] = []
    for begin in starts:
        if not paragraph[begin].isdigit():
            continue  # a tally is written in digits
        part = _PART_OF.match(paragraph, begin)
        if part and (unit := _voters(part["noun"])):
            small, whole = parse_number(part["part"]), parse_number(part["whole"])
            if 0 < small <= whole:
                hits.append(Hit(begin, part.end("part"), "count", small, unit))
                hits.append(Hit(part.start("whole"), part.end(), "count", whole, unit))
            continue
        votes = _VOTES_TO.match(paragraph, begin)
        if votes and (unit := _voters(votes["noun"])):
            hits.append(Hit(begin, votes.end("noun"), "count", parse_number(votes["num"]), unit))
            hits.append(
                Hit(votes.start("other"), votes.end(), "count", parse_number(votes["other"]), unit)
            )
    return hits


def _sides(paragraph: str, counts: Sequence[Hit]) -> list[Hit]:
    """The other sides of a vote given just before: "380 MEPs, with 120 against"."""
    votes = [c for c in counts if c.unit in _VOTERS]
    if not votes:
        return []
    hits = []
    for match in _SIDE.finditer(paragraph, votes[0].end):
        if not any(c.start <= match.start() < c.end for c in counts):
            unit = [v.unit for v in votes if v.end <= match.start()][-1]
            value = parse_number(match["num"])
            hits.append(Hit(match.start(), match.end("num"), "count", value, unit))
    return hits


# "1,000 of them will go to universities": a part of the things just counted
_OF_THEM = re.compile(
    rf"(?<![\w.,$€£¥₹-])(?P<num>{_DIGITS})(?P<scale>\s+{SCALE_WORD})?\s+of\s+them\b"
)
_MAGNITUDE = 1e6
_FOLLOW_CUES = ("another", "further", "additional", "extra", "more")  # what _FOLLOW_UP needs


def _carried(
    start: int,
    value: float,
    scaled: bool,
    counts: Sequence[Hit],
    money: Sequence[Hit],
    carried: str | None,
) -> tuple[str, str] | None:
    """(kind, unit) that a follow-up at `start` takes from the figures before it.

    A small number counts the paragraph's last counted noun. A number written with a scale
    word ("another 4 billion") is an amount of money unless the last figure before it
    counted things in millions too ("2 million students … another 1 million"); its currency
    is the paragraph's last, else the article's (`carried`).
    """
    before = [c for c in counts if c.end <= start]
    if not scaled or value < _MAGNITUDE:
        return ("count", before[-1].unit) if before else None
    big = [c for c in before if c.value >= _MAGNITUDE]
    paid = [m for m in money if m.end <= start]
    last = max(big[-1:] + paid[-1:], key=lambda h: h.end, default=None)
    if last is not None:
        return last.kind, last.unit
    return ("money", carried) if carried else None


def find_follow_ups(
    paragraph: str,
    counts: Sequence[Hit],
    money: Sequence[Hit] = (),
    carried: str | None = None,
) -> list[Hit]:
    """Numbers that take their noun or currency from an earlier figure.

    "another 4,000" after "15,000 GPUs" counts GPUs, "with 120 against" after "380 MEPs"
    counts MEPs, and "a further 4 billion" after "6 billion pesos" is pesos, even from an
    earlier paragraph (`carried`, the article's last currency). `counts` and `money` are
    the paragraph's counts and amounts, in text order.
    """
    if not counts and not money and carried is None:
        return []
    hits = _sides(paragraph, counts) if counts else []
    low = paragraph.lower()
    cued = any(cue in low for cue in _FOLLOW_CUES)
    for match in _FOLLOW_UP.finditer(paragraph) if cued else ():
        first = bool(match["num"])
        num, scale = match["num" if first else "num2"], match["scale" if first else "scale2"]
        if YEAR.fullmatch(num):
            continue
        value = parse_number(num) * scale_of(scale)
        start = match.start("num") if match["num"] else match.start()
        reading = _carried(start, value, bool(scale), counts, money, carried)
        if value > 1 and reading:
            hits.append(Hit(start, match.end(), reading[0], value, reading[1]))
    for match in _OF_THEM.finditer(paragraph) if counts and "of them" in low else ():
        value = parse_number(match["num"]) * scale_of(match["scale"])
        before = [c for c in counts if c.end <= match.start()]
        if before and value > 1:
            hits.append(Hit(match.start(), match.end("num"), "count", value, before[-1].unit))
    return hits


# the numbers listed right before a count: "8 billion and 70 billion parameters"
_LISTED = re.compile(
    rf"(?<![\w.,/$€£¥₹#@+-])(?P<num>{NUM})(?P<scale>\s+{SCALE_WORD})?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|"
    # an aside between the two: "8 billion, for individual use, and 70 billion parameters"
    r",\s+(?:for|in|on|with|at)\s[^,.;:\d]{1,40},\s*(?:and|or)\s+)$"
)


def find_coordinated(paragraph: str, counts: Sequence[Hit]) -> list[Hit]:
    """Numbers listed before a count's number, which count the same noun.

    The listed numbers must be written like the count's ("8 billion and 70 billion", not
    "8 and 70 billion", which is a range the count reads itself), and a year is never one
    ("in 2024 and 3,000 GPUs").
    """
    out: list[Hit] = []
    for hit in counts:
        if hit.kind != "count":
            continue
        end = hit.start
        scaled = _SCALED_START.match(paragraph, hit.start) is not None
        for _ in range(4):
            match = _LISTED.search(paragraph, max(0, end - 100), end)
            if match is None or YEAR.fullmatch(match["num"]) or bool(match["scale"]) != scaled:
                break
            value = parse_number(match["num"]) * scale_of(match["scale"])
            if value <= 1:
                break
            stop = match.end("scale") if match["scale"] else match.end("num")
            out.append(Hit(match.start(), stop, "count", value, hit.unit))
            end = match.start()
    return out


_SCALED_START = re.compile(rf"{NUM}\s+{SCALE_WORD}")
