"""What a bare dollar sign means: "$2 billion" in Ottawa, Canberra or Singapore copy.

"Dollars" and the prefixed signs ("US$", "A$", "S$") are plain; a bare "$" is not. The
press of Canada, Australia, Singapore or Taiwan writes its own dollar as "$" and the US one
as "US$", so a bare sign means the dollar of the article's *central* country when that
country has one (`dollar_of`), and US dollars otherwise: an Indian story that mentions
Singapore still writes "$" for US dollars. Wire copy that converts the local dollar with a
bare sign ("A$1.2 billion ($780 million)") leaves "$" to the US dollar throughout; a local
paper that writes "S$40 million" in one place and "$12 million" in another means
Singapore dollars by both, bar a conversion on the spot ("(about $9 million)",
`is_conversion`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["dollar_of", "is_conversion"]

_DOLLARS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "TW": "TWD"}
_LOCAL_PREFIX = {
    "CAD": r"(?<![A-Za-z])(?:CA|CAN|CDN|C)\$|\bCAD\s?",
    "AUD": r"(?<![A-Za-z])(?:AUS|AU|A)\$|\bAUD\s?",
    "NZD": r"(?<![A-Za-z])NZ\$|\bNZD\s?",
    "SGD": r"(?<![A-Za-z])SG?\$|\bSGD\s?",
    "HKD": r"(?<![A-Za-z])HK\$|\bHKD\s?",
    "TWD": r"(?<![A-Za-z])NT\$|\bTWD\s?",
}
_ROUGHLY = r"(?:(?:about|around|roughly|some|nearly|almost|approximately|over|equivalent\s+to)\s+)?"
# An amount converted on the spot: "(about $780 million)", ", or $650 million"
_CONVERTED = (
    r"\d(?:[\d.,]*\d)?(?:\s?(?i:billion|million|trillion|bn|mn|m|k)\b)?\s*"
    rf"(?:\(\s*|,?\s+or\s+){_ROUGHLY}"
)
# How wire copy writes it: the local dollar with its prefix, the US one bare beside it
_WIRE = {code: re.compile(rf"(?:{prefix}){_CONVERTED}\$") for code, prefix in _LOCAL_PREFIX.items()}
_CONVERSION = re.compile(
    rf"(?:\(\s*{_ROUGHLY}|{_CONVERTED}|\b(?i:that|this)\s+(?:is|was|'s|’s)\s+{_ROUGHLY})$"
)


def dollar_of(countries: Sequence[str], text: str = "") -> str:
    """What a bare "$" means in an article whose countries are `countries`, central first.

    The central country's dollar, unless the article (`text`) converts that dollar, written
    with its prefix, into bare-sign amounts as wire copy does: then "$" is the US dollar.
    """
    local_dollar = _DOLLARS.get(countries[0], "USD") if countries else "USD"
    if local_dollar != "USD" and _WIRE[local_dollar].search(text):
        return "USD"
    return local_dollar


def is_conversion(paragraph: str, at: int) -> bool:
    """Whether the bare "$" at `at` converts the amount just before it into US dollars.

    "S$40 million (about $30 million)", "NT$20 billion, or $650 million", "That is about
    $1.5 billion": there the sign is the US dollar even in a local paper.
    """
    return _CONVERSION.search(paragraph, max(0, at - 40), at) is not None
