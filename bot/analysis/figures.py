"""The figures of an article: money, counts, durations, percents and capacities.

Each kind has its own finder; they run over every paragraph and may claim the same digits
("20 billion euros" reads as money and as a count of euros), so overlaps are settled by a
fixed precedence — money, percent, capacity, duration, count, and last the numbers whose
currency or noun comes from an earlier figure (`inherited_money`, `tallies`) — the more
specific reading first. A figure repeated later in the article (a lede restated in a
quote) is reported once, at its first mention: the digest wants the numbers, not their
echoes. Everything is regexes compiled at import, so an article takes well under a
millisecond.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from bot.analysis.count_shapes import shaped_counts
from bot.analysis.counts import find_counts, left_context_ok
from bot.analysis.currencies import home_currencies
from bot.analysis.dollars import dollar_of
from bot.analysis.fx import to_usd
from bot.analysis.hit_spans import Parentheses, first_wins, overlapping_any
from bot.analysis.lengths import find_lengths
from bot.analysis.money import find_money, inherited_money, yuan_context
from bot.analysis.numbers import NUM, YEAR, Hit, numeral_starts, parse_number, word_set
from bot.analysis.ranges import merge_ranges
from bot.analysis.shares import find_shares
from bot.analysis.tallies import find_coordinated, find_follow_ups, find_tallies
from bot.models import Figure

__all__ = ["extract_figures", "figure_of"]

_RANGE = rf"(?P<num>{NUM})(?:(?:\s?(?:-|–|—|to)\s?|\s+or\s+)(?P<hi>{NUM}))?"
_PCT = r"(?:%|(?i:per\s?cent|percent|pct|pc)\b|(?i:percentage\s+points?)\b)"
# "30-50%", and "30% to 50%" with the sign on both ends
_PERCENT = re.compile(
    rf"(?<![\w.,/])(?P<num>{NUM})(?:\s?{_PCT})?(?:\s?(?:-|–|—|to)\s?(?P<hi>{NUM}))?\s?{_PCT}"
)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# "marking one year of the mission": an anniversary, a point in time
_ANNIVERSARY = re.compile(
    r"\b(?:mark|celebrat|commemorat)(?:e|es|s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
_CAPACITY_UNITS = {
    "mw": "MW",
    "gw": "GW",
    "kw": "kW",
    "tw": "TW",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "kwh": "kWh",
    "megawatt": "MW",
    "gigawatt": "GW",
    "kilowatt": "kW",
    "terawatt": "TW",
    "megawatt-hour": "MWh",
    "gigawatt-hour": "GWh",
    "terawatt-hour": "TWh",
    "exaflop": "EFLOPS",
    "petaflop": "PFLOPS",
    "teraflop": "TFLOPS",
    "eflop": "EFLOPS",
    "pflop": "PFLOPS",
    "tflop": "TFLOPS",
}
_CAPACITY = re.compile(
    rf"(?<![\w.,/-]){_RANGE}(?:\s?|-)(?P<unit>[MGkT]Wh?|"
    r"(?i:(?:mega|giga|kilo|tera)watt(?:[-\s]hour)?|(?:exa|peta|tera|[EPT])flop)[sS]?)(?!\w)"
)
# Speed in words: "one quintillion (a billion billion) calculations per second" is an
# exaflop, and "an exaflop machine" one of them.
_FLOPS_WORDS = re.compile(
    rf"(?<![\w.,])(?P<num>{NUM}|an?)\s+(?P<scale>quintillion|quadrillion|billion\s+billion|(?:million|thousand)\s+trillion)\b"
    r"(?=[^.;]{0,60}?\b(?:calculations|operations|flops|FLOPS)\s+(?:per|a|each)\s+second)"
    r"|\b(?P<one>an?)\s+(?P<unit>exaflop|petaflop)\b",
    re.IGNORECASE,
)
_FLOPS_HINT = re.compile(
    r"quintillion|quadrillion|exaflop|petaflop|(?:billion|trillion)\s+\w+\s+per\s+second",
    re.IGNORECASE,
)
_FLOPS_SCALE = {
    "quintillion": "EFLOPS",
    "billion billion": "EFLOPS",
    "million trillion": "EFLOPS",
    "quadrillion": "PFLOPS",
    "thousand trillion": "PFLOPS",
    "exaflop": "EFLOPS",
}
_BASIS_POINTS = re.compile(rf"(?<![\w.,/]){_RANGE}\s?(?:basis\s+points?|bps?)\b", re.IGNORECASE)
_DURATION = re.compile(
    rf"(?<![\w.,/$€£-]){_RANGE}(?P<sep>-|\s+)(?:(?:financial|fiscal|calendar|academic)\s+)?"
    r"(?P<unit>(?i:year|month|week|day|decade))(?P<pl>s)?"
    r"\b(?P<tail>-old|\s+old\b|\s+of\s+age\b|\s+ago\b|\s+(?:earlier|later|before)\b)?"
    r"(?:\s+(?P<noun>(?!old\b|ago\b)[a-z]{3,}(?:-[a-z]+)?))?"
)
_NOT_SPANS = word_set("high low record anniversary bond bonds yield yields note notes")
_DURATION_NOUNS = word_set(
    """period plan programme program mission strategy roadmap term deal contract budget
    horizon project initiative window timeline partnership agreement lease"""
)


def _range(match: re.Match[str]) -> tuple[float, float | None] | None:
    value = parse_number(match["num"])
    if not match["hi"]:
        return (value, None) if value > 0 else None
    high = parse_number(match["hi"])
    return (high, value) if high > value > 0 else None


def _percents(paragraph: str, starts: Sequence[int]) -> list[Hit]:
    """Percents and percent ranges; "from 20% to 30%" is a change, two figures."""
    hits = []
    for m in filter(None, (_PERCENT.match(paragraph, i) for i in starts)):
        if m["hi"] and _FROM.search(paragraph, max(0, m.start() - 6), m.start()):
            m = _PERCENT.match(paragraph, m.start(), m.start("hi") - 1) or m
        read = _range(m)
        if read:
            hits.append(Hit(m.start(), m.end(), "percent", read[0], "%", read[1]))
    return hits


def _basis_points(paragraph: str, starts: Sequence[int]) -> list[Hit]:
    """ "150 basis points" is 1.5 %: a move of a rate, which readers compare in percent."""
    hits = []
    for m in filter(None, (_BASIS_POINTS.match(paragraph, i) for i in starts)):
        read = _range(m)
        if read:
            low = read[1] / 100 if read[1] else None
            hits.append(Hit(m.start(), m.end(), "percent", read[0] / 100, "%", low))
    return hits


def _flops_in_words(paragraph: str) -> list[Hit]:
    if not _FLOPS_HINT.search(paragraph):
        return []
    hits = []
    for m in _FLOPS_WORDS.finditer(paragraph):
        if m["one"]:
            unit, value = _FLOPS_SCALE.get(m["unit"].lower(), "PFLOPS"), 1.0
        else:
            scale = " ".join(m["scale"].lower().split())
            unit, value = _FLOPS_SCALE[scale], parse_number(m["num"])
        hits.append(Hit(m.start(), m.end(), "capacity", value, unit))
    return hits


def _capacities(paragraph: str, starts: Sequence[int]) -> list[Hit]:
    hits = []
    for m in filter(None, (_CAPACITY.match(paragraph, i) for i in starts)):
        read = _range(m)
        unit = _CAPACITY_UNITS.get(m["unit"].lower().rstrip("s").replace(" ", "-"))
        if read and unit and left_context_ok(paragraph, m.start()):
            hits.append(Hit(m.start(), m.end(), "capacity", read[0], unit, read[1]))
    return hits


def _durations(paragraph: str, starts: Sequence[int]) -> list[Hit]:
    hits = []
    for m in filter(None, (_DURATION.match(paragraph, i) for i in starts)):
        read = _range(m)
        if (
            read is None
            or m["tail"]
            or not left_context_ok(paragraph, m.start(), m["num"][0].isdigit())
            or _ANNIVERSARY.search(paragraph, max(0, m.start() - 30), m.start())
        ):
            continue  # ages ("45-year-old"), points in time ("two years ago", "marks a year")
        if m["sep"] == "-" and m["noun"] in _NOT_SPANS:
            continue  # "a 30-year high" is a comparison, not a stretch of time
        if YEAR.fullmatch(m["num"]):
            continue
        end = m.end("pl") if m["pl"] else m.end("unit")
        if m["sep"] == "-" and m["noun"] in _DURATION_NOUNS:
            end = m.end("noun")  # "a five-year period"
        value, low = read
        unit = m["unit"].lower()
        if unit == "decade":
            unit, value, low = "year", value * 10, low * 10 if low else None
        hits.append(Hit(m.start(), end, "duration", value, unit, low))
    return hits


# Most paragraphs have no percent, no capacity and no span of time, and matching those
# patterns at every numeral is the cost: each is looked for only where its unit occurs
_CAPACITY_SIGNS = ("MW", "GW", "kW", "TW")
_PER_CENT = re.compile(r"per\s?cent")
_FLOPS_CUES = ("quintillion", "quadrillion", "flop", "second")  # what _FLOPS_HINT needs
_DURATION_WORDS = ("year", "month", "week", "day", "decade")


def _measures(paragraph: str, starts: Sequence[int], flops: bool) -> list[Hit]:
    """Percents, capacities and durations, each looked for only where its unit occurs."""
    low = paragraph.lower()
    found = _basis_points(paragraph, starts) if "bp" in low or "basis" in low else []
    if "%" in paragraph or "pc" in low or ("cent" in low and _PER_CENT.search(low)):
        found += _percents(paragraph, starts)
    if flops:
        found += _flops_in_words(paragraph)
    if "watt" in low or "flop" in low or any(sign in paragraph for sign in _CAPACITY_SIGNS):
        found += _capacities(paragraph, starts)
    if any(word in low for word in _DURATION_WORDS):
        found += _durations(paragraph, starts)
    if "km" in low or "kilomet" in low:
        found += find_lengths(paragraph)
    return found


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the earlier finder winning, in text order."""
    return first_wins(hits)


def figure_of(hit: Hit, text: str, published: date | None) -> Figure:
    """A found figure as the contract has it, money with its USD value on its date (the
    same for every language)."""
    usd, rate_date = to_usd(hit.value, hit.unit, published) if hit.kind == "money" else (None, None)
    return Figure(
        text=text,
        kind=hit.kind,
        value=hit.value,
        unit=hit.unit,
        usd=usd,
        low=hit.low,
        rate_date=rate_date,
    )


def extract_figures(
    paragraphs: Sequence[str], published: date | None = None, countries: Sequence[str] = ()
) -> list[Figure]:
    """Every meaningful figure of an article, in text order, each distinct one once.

    Money gets its USD equivalent at the rate of `published` (else the latest bundled
    rate); a currency word shared by several countries means that of the article's
    `countries` when it is one of theirs. No figure is marked `key`: that is the digest's
    choice.
    """
    text = "\n".join(paragraphs)
    yuan = ("¥" in text or "￥" in text) and yuan_context(text)  # what a bare "¥" means
    low = text.lower()
    flops = any(word in low for word in _FLOPS_CUES) and _FLOPS_HINT.search(text) is not None
    home = home_currencies(countries)
    dollar = dollar_of(countries, text)
    figures: list[Figure] = []
    carried: str | None = None  # the currency of the article's last amount
    seen: set[tuple[str, str, float, float | None]] = set()
    for paragraph in paragraphs:
        starts = numeral_starts(paragraph)
        shares = find_shares(paragraph)
        if not starts and not shares and not (flops and _FLOPS_HINT.search(paragraph)):
            continue
        money = merge_ranges(paragraph, find_money(paragraph, starts, yuan, home, dollar))
        measures = money + _measures(paragraph, starts, flops) + shares
        counts = find_tallies(paragraph, starts)
        counts = _resolve(counts + shaped_counts(paragraph, find_counts(paragraph, starts)))
        counts = _resolve(counts + find_coordinated(paragraph, counts))
        # "12 megawatts" is a capacity: no later "another 4 billion" counts megawatts
        clash = overlapping_any(counts, measures)
        counts = [c for c, hit in zip(counts, clash, strict=True) if not hit]
        inherited = inherited_money(paragraph, starts, money)
        paid = sorted(money + inherited)
        found = measures + counts + inherited + find_follow_ups(paragraph, counts, paid, carried)
        brackets = Parentheses(paragraph)
        for hit in _resolve(found):
            if hit.kind == "money" and brackets.outside(hit.start):
                carried = hit.unit
            ident = (hit.kind, hit.unit, round(hit.value, 6), hit.low)
            if ident not in seen:
                seen.add(ident)
                figures.append(figure_of(hit, paragraph[hit.start : hit.end], published))
    return figures
