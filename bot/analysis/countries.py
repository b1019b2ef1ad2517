"""Which countries an article is *about*, not every country it mentions.

Each mention is weighted by where it appears (the title counts most, then the opening
paragraphs) and what kind it is (a name or demonym counts more than a city). A country
is kept when its weight is a fair share of the leading country's, so a passing mention
in the last paragraph does not make the list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

from bot.analysis.gazetteer import COUNTRIES

__all__ = ["country_weights", "detect_countries", "mentions_any"]

_TITLE_WEIGHT = 3.0
_LEAD_WEIGHT = 2.0
_BODY_WEIGHT = 1.0
_PLACE_FACTOR = 0.6
_SUBJECT_FACTOR = 1.5
_MODIFIER_FACTOR = 0.4
_SHARE = 0.15
_MIN_WEIGHT = 2.5  # for every country but the leading one
_MIN_TOP_WEIGHT = 2.0  # the leading country, named in the title or the opening

# "US chipmaker Nvidia", "Canada's Brookfield", "the US Stargate project": the country
# only says where a company or a named thing is from; the article is about the thing.
_MODIFIES = re.compile(
    r"^(?:'s|’s)?[\s-]+(?:(?!(?:Minister|Ministry|President|Prime|Government|Cabinet|"
    r"Parliament|National|Digital|Union|Chancellor|King|Crown|State|Federal|IT|Department|"
    r"Agency|Office|Council|Senate|Congress)\b)[A-Z][\w&.-]*|(?:chip|tech|AI|software|cloud|internet|telecoms?)"
    r"[\s-]*(?:maker|makers|giant|giants|firm|firms|company|companies|group|start-?ups?)?|"
    r"chipmakers?|companies|company|firms?|giants?|groups?|start-?ups?|based|imported|made|"
    r"headquartered|listed|owned)\b"
)
# "India approved…", "Japan should build…": the country acts, it is the subject.
_ACTS = re.compile(
    r"^\s+(?:is|are|has|have|had|was|were|will|would|should|could|can|may|must|plans?|aims?|"
    r"wants?|seeks?|hopes?|intends?|says|needs|launches|unveils|approves|announces|"
    r"[a-z]+ed)\b"
)

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
        code, factor = lookup[word]
        if _MODIFIES.match(after):
            factor *= _MODIFIER_FACTOR
        elif _ACTS.match(after):
            factor *= _SUBJECT_FACTOR
        out.append((code, factor))
    return out


def mentions_any(text: str, codes: Sequence[str]) -> bool:
    """Whether the text names any of these countries (by name, demonym or place)."""
    wanted = set(codes)
    return any(code in wanted for code, _ in _mentions(text))


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
    in_lead = country_weights(title, paragraphs[:2])
    kept = [
        code
        for i, (code, weight) in enumerate(ranked)
        if weight >= _SHARE * top
        and weight >= (_MIN_TOP_WEIGHT if i == 0 and code in in_lead else _MIN_WEIGHT)
    ]
    return tuple(kept)
