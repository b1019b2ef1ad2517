"""Which countries an article is *about*, not every country it mentions.

Each mention is weighted by where it appears (the title counts most, then the opening
paragraphs) and what kind it is (a name or demonym counts more than a city). A country
is kept when its weight is a fair share of the leading country's, so a passing mention
in the last paragraph does not make the list. Some mentions are not of a country at all:
a language ("Portuguese text", "in Kazakh, Russian and English"), a currency ("US$"), a
continent ("Latin American").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache

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
_MIN_NAMED_WEIGHT = 0.8  # by name or demonym: one plain mention, or a modifier in the lead

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

# "Portuguese-language model", "Korean text", "Thai speakers": a language, not a country.
_LANGUAGE_AFTER = re.compile(
    r"^(?:-|\s)(?:language|languages|speakers?|speaking|text|texts|dialects?|script|"
    r"words|characters|translations?|subtitles)\b"
)
# Names that are only languages: a list holding one ("in Kazakh, Russian and English",
# "Bahasa Indonesia, Thai and Tamil") is a list of languages.
_LANGUAGES = re.compile(
    r"\b(?:English|Arabic|Swahili|Hindi|Tamil|Telugu|Bengali|Urdu|Punjabi|Mandarin|Cantonese|"
    r"Malay|Bahasa|Tagalog|Farsi|Hebrew|Darija|Amharic|Yoruba|Hausa|Igbo|isiZulu|isiXhosa)\b"
)
_LIST_ITEM = r"(?:Bahasa\s)?[A-Za-z][\w-]*"  # languages are one word
_LIST_BEFORE = re.compile(rf"(?:{_LIST_ITEM}(?:,\s|\s(?:and|or)\s))+$")
_LIST_AFTER = re.compile(rf"^(?:(?:,\s|\s(?:and|or)\s){_LIST_ITEM})+")

# Words that are countries only in some contexts: a US state, a first or last name, a bird.
_CONTINENT = re.compile(r"(?:Latin|South|North|Central|Pan)[\s-]$")  # "Latin American"
_AMBIGUOUS_BEFORE = {
    "America": _CONTINENT,
    "American": _CONTINENT,
    "Americans": _CONTINENT,
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


@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[tuple[str, float, bool], ...]:
    """(country, weight factor, is a place rather than a name or demonym) per mention.

    Cached: the title and each paragraph are weighed three ways (all mentions, the lead,
    names only) and the large alternation is the costliest scan of the analysis.
    """
    pattern, lookup = _pattern()
    out: list[tuple[str, float, bool]] = []
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
        if after.startswith("$") or _is_language(text, match.start(), match.end()):
            continue  # "US$89 million", "Portuguese text": a currency, a language
        code, factor = lookup[word]
        place = factor == _PLACE_FACTOR
        if _MODIFIES.match(after):
            factor *= _MODIFIER_FACTOR
        elif _ACTS.match(after):
            factor *= _SUBJECT_FACTOR
        out.append((code, factor, place))
    return tuple(out)


def _is_language(text: str, start: int, end: int) -> bool:
    """Whether the country word at text[start:end] names a language."""
    if _LANGUAGE_AFTER.match(text[end : end + 20]) or text[max(0, start - 7) : start] == "Bahasa ":
        return True
    before = _LIST_BEFORE.search(text[max(0, start - 80) : start])
    after = _LIST_AFTER.match(text[end : end + 80])
    listed = (before.group() if before else "") + (after.group() if after else "")
    return bool(listed) and _LANGUAGES.search(listed) is not None


def mentions_any(text: str, codes: Sequence[str]) -> bool:
    """Whether the text names any of these countries (by name, demonym or place)."""
    wanted = set(codes)
    return any(code in wanted for code, _, _ in _mentions(text))


def _upper_context(text: str, start: int) -> bool:
    """'US' is the country unless the text is in capitals (a shouted headline: 'TELL US')."""
    window = text[max(0, start - 20) : start + 22]
    letters = [c for c in window if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * max(len(letters), 1)


def country_weights(
    title: str | None, paragraphs: list[str], places: bool = True
) -> dict[str, float]:
    """Weighted mentions of each country by where they appear (`places` False: by name
    and demonym only)."""
    weights: defaultdict[str, float] = defaultdict(float)
    if title:
        for code, factor, place in _mentions(title):
            if places or not place:
                weights[code] += _TITLE_WEIGHT * factor
    for index, paragraph in enumerate(paragraphs):
        base = _LEAD_WEIGHT if index < 2 else _BODY_WEIGHT
        for code, factor, place in _mentions(paragraph):
            if places or not place:
                weights[code] += base * factor
    return weights


def detect_countries(title: str | None, paragraphs: list[str]) -> tuple[str, ...]:
    """ISO codes of the countries the article is about, most central first.

    A country named only through its cities ("an Istanbul derby") or in passing as a
    modifier ("the Turkish Cup") is where things happen, not what the article is about:
    its name or demonym must carry some weight of its own.
    """
    weights = country_weights(title, paragraphs)
    if not weights:
        return ()
    top = max(weights.values())
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    in_lead = country_weights(title, paragraphs[:2])
    named = country_weights(title, paragraphs, places=False)
    kept = [
        code
        for i, (code, weight) in enumerate(ranked)
        if weight >= _SHARE * top
        and weight >= (_MIN_TOP_WEIGHT if i == 0 and code in in_lead else _MIN_WEIGHT)
        and named.get(code, 0.0) >= _MIN_NAMED_WEIGHT
    ]
    return tuple(kept)
