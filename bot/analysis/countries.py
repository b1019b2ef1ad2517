"""Which countries an article is *about*, not every country it mentions.

Each mention is weighted by where it appears (the title counts most, then the opening
paragraphs) and what kind it is (a name or demonym counts more than a city). A country
is kept when its weight is a fair share of the leading country's, so a passing mention
in the last paragraph does not make the list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from bot.analysis.gazetteer import COUNTRIES

__all__ = ["detect_countries"]

_TITLE_WEIGHT = 3.0
_LEAD_WEIGHT = 2.0
_BODY_WEIGHT = 1.0
_PLACE_FACTOR = 0.6
_SHARE = 0.3
_MIN_WEIGHT = 2.0

# Words that are countries only in some contexts: a US state, a first or last name, a bird.
_AMBIGUOUS_BEFORE = {
    "Georgia": re.compile(r"(Atlanta|state of|U\.S\. state|US state)\W*$"),
    "Jordan": re.compile(r"(Michael|Chris|[A-Z][a-z]+)\s+$"),
    "Turkey": re.compile(r"(roast|Thanksgiving|wild)\s+$", re.IGNORECASE),
}
_AMBIGUOUS_AFTER = {
    "Georgia": re.compile(r"^\W*(Tech|State|Power|Institute)"),
    "Jordan": re.compile(r"^\s+[A-Z][a-z]+"),
}


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, float]]]:
    lookup: dict[str, tuple[str, float]] = {}
    for code, (names, demonyms, places) in COUNTRIES.items():
        for word in (*names, *demonyms):
            lookup[word] = (code, 1.0)
        for word in places:
            lookup.setdefault(word, (code, _PLACE_FACTOR))
    words = sorted(lookup, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    # Case-sensitive on purpose: "us" and "US", "chad" and "Chad" are different words.
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])(?!\.\w)")
    return pattern, lookup


def _mentions(text: str) -> list[tuple[str, float]]:
    pattern, lookup = _pattern()
    out: list[tuple[str, float]] = []
    for match in pattern.finditer(text):
        word = match.group(0)
        before, after = (
            text[max(0, match.start() - 30) : match.start()],
            text[match.end() : match.end() + 20],
        )
        if word in _AMBIGUOUS_BEFORE and _AMBIGUOUS_BEFORE[word].search(before):
            continue
        if word in _AMBIGUOUS_AFTER and _AMBIGUOUS_AFTER[word].search(after):
            continue
        if word == "US" and not _upper_context(text, match.start()):
            continue
        out.append(lookup[word])
    return out


def _upper_context(text: str, start: int) -> bool:
    """'US' is the country unless the text is in capitals (a shouted headline: 'TELL US')."""
    window = text[max(0, start - 20) : start + 22]
    letters = [c for c in window if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * max(len(letters), 1)


def country_weights(title: str | None, paragraphs: list[str]) -> dict[str, float]:
    """Weighted mentions of each country by where they appear."""
    weights: defaultdict[str, float] = defaultdict(float)
    if title:
        for code, factor in _mentions(title):
            weights[code] += _TITLE_WEIGHT * factor
    for index, paragraph in enumerate(paragraphs):
        base = _LEAD_WEIGHT if index < 2 else _BODY_WEIGHT
        for code, factor in _mentions(paragraph):
            weights[code] += base * factor
    return weights


def detect_countries(title: str | None, paragraphs: list[str]) -> tuple[str, ...]:
    """ISO codes of the countries the article is about, most central first."""
    weights = country_weights(title, paragraphs)
    if not weights:
        return ()
    top = max(weights.values())
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = [code for code, weight in ranked if weight >= _MIN_WEIGHT and weight >= _SHARE * top]
    return tuple(kept)
