"""Money in news prose: "$7.1 billion", "CA$300m", "Rs 10,300 crore", "3 trillion rupiah".

Three shapes cover nearly every amount: a symbol or ISO code before the number ("€109bn",
"USD 1.25 billion"), a currency word or code after it ("20 billion euros", "200 million
USD"), and the East Asian form with its own scale characters ("1兆円", "5000万元"). The
abbreviated scales (m, bn, k…) are read only right after such an amount, where "m" cannot
be metres. Ambiguous currency words ("won", "rand", "real", "pounds", "dong") count as money
only with a scale word or a country adjective, so "won 3 games" or "5 pounds of rice" stay
prose. A bare "¥" is yen unless the article talks about yuan/RMB and never about yen.
Local press has its own shorthands ("Sh5 billion", "R3,2-billion" with a decimal comma,
"N100 million", "RM2.5bil"); the one-letter ones (R, N, P) count only before a scale or an
amount in thousands, so "R&D", "N95" and "option R 2" stay prose. A price keeps its unit
in the figure's text ("₹100 an hour") so that the digest can tell it from a budget.
What a symbol, code or word means (and which of the pesos or dirhams) is currencies.py's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate

from bot.analysis.currencies import (
    ADJECTIVES,
    ALIASES,
    CODES,
    GUARDED,
    NOUNS,
    SYMBOLS,
    is_shared,
    local,
    paragraph_home,
)
from bot.analysis.dollars import is_conversion
from bot.analysis.hit_spans import Parentheses, Stops
from bot.analysis.numbers import (
    CJK_SCALES,
    INDIAN_GROUPS,
    NUM,
    SCALE_WORD,
    Hit,
    parse_number,
    scale_of,
)

__all__ = ["find_money", "inherited_money", "yuan_context"]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


# A comma before one or two digits and a scale is a decimal comma ("R3,2-billion").
_AMOUNT = (
    rf"{INDIAN_GROUPS}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|"
    r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|"
    r"\d+,\d{1,2}(?=[\s-]?(?i:billion|million|trillion|bn|mn|m\b|bil|mil))|\d+(?:\.\d+)?"
)
_ABBREV = r"\s?(?i:bn|bln|mn|mln|tn|trn|cr|bil|mil)\b|(?i:[mbk])\b"
# Alternatives are tried in order, so the longer symbols come first ("R$" before "R").
_SYMBOL = "|".join(
    [
        r"GH[₵¢]",
        r"US\s?\$",
        r"U\.S\.\s?\$",
        r"CAN?\$",
        r"C\$",
        r"AUS\$",
        r"AU?\$",
        r"SG?\$",
        r"HK\$",
        r"NT\$",
    ]
    + [
        r"NZ\$",
        r"MX\$",
        r"R\$",
        r"Rs\.?",
        r"Rp\.?",
        r"RM",
        r"K[Ss]hs?\.?",
        r"[UT]Sh",
        r"Shs?",
        r"Bt",
        r"Dhs?",
        r"QR",
        r"E£",
    ]
    + [re.escape(s) for s in ALIASES]
    + ["R", "P", "N"]
    + [re.escape(s) for s in SYMBOLS if not s[0].isalpha()]
)
_CODE = "|".join(CODES + list(ALIASES))
_PREFIX = re.compile(
    rf"(?<![A-Za-z0-9])(?P<cur>{_SYMBOL}|(?:{'|'.join(CODES)})(?![A-Za-z]))\s?"
    rf"(?P<num>{_AMOUNT})(?:\s?(?:-|–|to)\s?(?P<hi>{_AMOUNT}))?"
    rf"(?P<scale>[\s-]?{SCALE_WORD}|{_ABBREV})?(?![\w$€£])"
)
_SUFFIX = re.compile(
    rf"(?<![\w.,$€£¥₹-])(?P<num>{NUM})(?:\s?(?:-|–|to)\s?(?P<hi>{NUM}))?"
    rf"(?P<scale>[\s-]{SCALE_WORD}|(?i:bn|mn|tn)\b)?(?:\s+|(?<=[a-z])-(?=[a-z]))"
    rf"(?:(?P<adj>(?i:{_alt(list(ADJECTIVES))}))\s+)?"
    rf"(?:(?P<code>{_CODE})\b|(?P<noun>(?i:{_alt(list(NOUNS))}))(?:e?s)?\b)"
)
_CJK_CURRENCY = {
    "円": "JPY",
    "元": "CNY",
    "人民币": "CNY",
    "ドル": "USD",
    "米ドル": "USD",
    "美元": "USD",
    "欧元": "EUR",
    "ユーロ": "EUR",
    "원": "KRW",
    "ウォン": "KRW",
}
_CJK = re.compile(
    rf"(?P<num>(?:[\d,.]+\s?[{''.join(CJK_SCALES)}]\s?)+[\d,.]*)\s?"
    rf"(?P<cur>{_alt(list(_CJK_CURRENCY))})"
)
_CJK_PART = re.compile(rf"([\d,.]+)\s?([{''.join(CJK_SCALES)}])?")
_CJK_CHARS = re.compile(rf"[{''.join(CJK_SCALES)}円元ドル원]")
_YUAN = re.compile(r"\b(?:yuan|RMB|CNY|renminbi)\b|人民币|元", re.IGNORECASE)
_YEN = re.compile(r"\byen\b|円|JPY", re.IGNORECASE)


# "₹100 an hour", "$2 per GPU-hour", "$0.40/million tokens": a price, whose unit the
# figure's text keeps so that no reader (nor the digest) takes it for a budget
_RATE = re.compile(
    r"(?:\s?/\s?|\s+(?:an?|per|each|every)\s+)(?:[A-Za-z]+-)?"
    r"(?:hour|hr|minute|day|week|month|year|annum|head|capita|person|user|token|query|seat"
    r"|student|GPU|chip|card|unit|server|million|thousand|kWh|MWh|licen[cs]e)s?\b"
)
# "R15 000", "N250,000": an amount in thousands, which a grade or a model number is not
_GROUPED = re.compile(r"\d{1,3}(?:[, \u00a0\u202f\u2009]\d{3})+")


def yuan_context(text: str) -> bool:
    """True when an article speaks of yuan and never of yen, so its "¥" means CNY."""
    return bool(_YUAN.search(text)) and not _YEN.search(text)


def _prefix_code(
    match: re.Match[str], paragraph: str, yuan: bool, home: Sequence[str], dollar: str
) -> str | None:
    symbol = match["cur"]
    if symbol in ALIASES:
        return ALIASES[symbol]
    key = re.sub(r"\s", "", symbol).lower()
    if key == "$":
        return "USD" if dollar != "USD" and is_conversion(paragraph, match.start()) else dollar
    code = SYMBOLS.get(key) or ("CNY" if key == "rmb" else key.upper())
    if code == "JPY" and key in ("¥", "￥") and yuan:
        return "CNY"
    return (
        local(key, code, paragraph_home(paragraph, match.start(), home, key))
        if is_shared(key)
        else code
    )


def _suffix_code(match: re.Match[str], paragraph: str, home: Sequence[str]) -> str | None:
    if match["code"]:
        code = ALIASES.get(match["code"], match["code"])
        return "CNY" if code == "RMB" else code
    noun = " ".join(match["noun"].lower().split())
    if match["adj"]:
        adjective = " ".join(match["adj"].lower().split())
        return ADJECTIVES[adjective]
    word = NOUNS.get(noun)
    if word is None and match["scale"]:
        word = GUARDED.get(noun)
    if not is_shared(noun):
        return word
    return local(noun, word, paragraph_home(paragraph, match.start(), home, noun))


def _hit(match: re.Match[str], code: str | None, paragraph: str = "") -> Hit | None:
    if code is None:
        return None
    scale = scale_of(match["scale"].strip() if match["scale"] else None)
    value = parse_number(match["num"]) * scale
    low = None
    if match["hi"]:
        low, value = value, parse_number(match["hi"]) * scale
        if value <= low:
            return None
    if value <= 0:
        return None
    rate = _RATE.match(paragraph, match.end()) if paragraph else None
    end = rate.end() if rate else match.end()
    return Hit(match.start(), end, "money", value, code, low)


def find_money(
    paragraph: str,
    starts: Sequence[int],
    yuan: bool = False,
    home: Sequence[str] = (),
    dollar: str = "USD",
) -> list[Hit]:
    """Every amount of money in one paragraph, possibly overlapping (resolved later).

    `starts` are the paragraph's numeral offsets (`numeral_starts`); `yuan` says whether
    a bare "¥" means yuan; `home` are the currencies of the article's countries, which
    decide what a shared word ("pesos", "dirhams", "Rs") means; `dollar` is what a bare
    "$" means (`currencies.dollar_of`).
    """
    found: list[Hit | None] = []
    for match in _PREFIX.finditer(paragraph):
        code = _prefix_code(match, paragraph, yuan, home, dollar)
        single = match["cur"] in ("R", "P", "N") and not match["scale"]
        if single and not _GROUPED.fullmatch(match["num"]):
            continue  # a bare "R5" or "N95" is a model or a grade, not rand or naira
        found.append(_hit(match, code, paragraph))
    for start in starts:
        suffix = _SUFFIX.match(paragraph, start)
        if suffix:
            found.append(_hit(suffix, _suffix_code(suffix, paragraph, home), paragraph))
    hits = [hit for hit in found if hit is not None]
    if not _CJK_CHARS.search(paragraph):
        return hits
    for match in _CJK.finditer(paragraph):
        value = 0.0
        for digits, scale in _CJK_PART.findall(match["num"]):
            if digits.strip(",."):
                value += parse_number(digits.strip(",.")) * scale_of(scale)
        code = _CJK_CURRENCY[match["cur"]]
        if value > 0:
            hits.append(Hit(match.start(), match.end(), "money", value, code))
    return hits


# "2 billion baht for X, with 1 billion for Y": a scaled number with no currency of its own
_BARE = re.compile(
    rf"(?<![\w.,$€£¥₹-])(?P<num>{_AMOUNT})(?:\s?(?:-|–|to)\s?(?P<hi>{_AMOUNT}))?"
    rf"(?P<scale>[\s-]{SCALE_WORD}|\s?(?i:bn|mn|tn|cr)\b|m\b)(?![\w%$€£¥₹-])"
    # what follows an amount: punctuation, a preposition, a verb; not a noun of its own
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:for|to|in|on|of|from|into|towards?|over|under|by|at|as|and|or"
    r"|with|each|apiece|more|will|would|could|may|is|are|was|were|has|have|had|be|been|being"
    r"|go|goes|went|comes?|came|remains?|[a-z]+ed)\b)"
)
# "a nation of 1.4 billion": a population, not a sum
_POPULATION = re.compile(
    r"\b(?:population|nation|country|people|market|users|citizens|residents)\s+of\s+"
    r"(?:(?:about|around|some|nearly|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)


def inherited_money(paragraph: str, starts: Sequence[int], money: Sequence[Hit]) -> list[Hit]:
    """Scaled numbers that take the currency of an amount earlier in their sentence.

    News gives the currency once and then only the numbers ("2 billion baht, with 1 billion
    for training"; "€3bn, of which 500 million goes to chips"). A conversion in parentheses
    ("(US$42 million)") is not the sentence's currency; a new sentence forgets it. Counts
    are resolved first, so "€3bn for 500 million users" stays a count of users.
    """
    brackets = Parentheses(paragraph)
    named = [h for h in money if brackets.outside(h.start)]
    # the last of `named` (in its own order) ending by a position, by bisection
    by_end = sorted(range(len(named)), key=lambda i: named[i].end)
    ends = [named[i].end for i in by_end]
    latest = list(accumulate(by_end, max))
    stops = Stops(paragraph)
    found = []
    for start in starts:
        k = bisect.bisect_right(ends, start)
        last = named[latest[k - 1]] if k else None
        if last is None or stops.between(last.end, start):
            continue
        match = _BARE.match(paragraph, start)
        if match and not _POPULATION.search(paragraph, max(0, start - 40), start):
            hit = _hit(match, last.unit)
            found += [hit] if hit else []
    return found
