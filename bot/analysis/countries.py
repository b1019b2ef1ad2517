"""Which countries an article is *about*, not every country it mentions.

Each mention is weighted by where it appears (the title counts most, then the opening
paragraphs), what kind it is (a name or demonym counts more than a state body or the
currency, and those more than a city) and its role in the sentence (country_context.py:
a government acting counts most, a company's home or a comparison little). A country is
kept when its weight is a fair share of the leading country's, or when it acts in its own
right somewhere (a round-up gives each country a paragraph), so a passing mention in the
last paragraph does not make the list. Some mentions are not of a country at all: a
language ("Portuguese text", "in Kazakh, Russian and English"), a currency ("US$"), a
continent ("Latin American").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from enum import Enum
from functools import cache, lru_cache
from typing import NamedTuple

from bot.analysis.country_context import Role, role
from bot.analysis.gazetteer import COUNTRIES
from bot.analysis.institutions import CAPITALS, CUES
from bot.analysis.quotemarks import quote_spans

__all__ = ["country_weights", "detect_countries", "mentions_any"]

_TITLE_WEIGHT = 3.0
_LEAD_WEIGHT = 2.0
_BODY_WEIGHT = 1.0
_ROLE_FACTOR = {
    Role.ACTOR: 1.5,
    Role.SUBJECT: 1.5,
    Role.SPEAKS: 1.2,  # more than a mention, yet one in the lead does not make the list
    Role.PLAIN: 1.0,
    Role.MODIFIER: 0.4,
    Role.PASSING: 0.25,
}
_QUOTED_FACTOR = 0.5  # a speaker's "the US and China are racing ahead" is a comparison
_SHARE = 0.15
_MIN_WEIGHT = 2.5  # for every country but the leading one
_MIN_TOP_WEIGHT = 2.0  # the leading country, named in the title or the opening
_MIN_TOP_CUED_WEIGHT = 1.2  # ... or found by a state body, its currency or its capital
_MIN_NAMED_WEIGHT = 0.8  # by name, demonym, body, currency or capital, not a mere city
_MIN_ACTING_WEIGHT = 1.5  # one act of the country or its government, anywhere


class Kind(Enum):
    """What a country word is: a name says more on its own than a city."""

    NAME = "name"  # a name or demonym
    BODY = "body"  # a ministry, parliament, leader's title or state agency
    MONEY = "money"  # the currency
    CAPITAL = "capital"  # the seat of government
    PLACE = "place"  # any other city or region


_CUE_KINDS = (Kind.BODY, Kind.MONEY, Kind.CAPITAL)
_KIND_FACTOR = {Kind.NAME: 1.0, Kind.BODY: 0.8, Kind.MONEY: 0.6, Kind.CAPITAL: 0.6, Kind.PLACE: 0.6}


class Mention(NamedTuple):
    """One country word: its country, weight factor, kind and whether the country acts."""

    code: str
    factor: float
    kind: Kind
    acting: bool


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
def _pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, Kind]]]:
    lookup: dict[str, tuple[str, Kind]] = {}
    for code, (names, demonyms, places) in COUNTRIES.items():
        for word in (*names, *demonyms):
            lookup[word] = (code, Kind.NAME)
        for word in places:
            lookup.setdefault(word, (code, Kind.CAPITAL if word in CAPITALS else Kind.PLACE))
    for code, cues in CUES.items():
        for kind, words in ((Kind.BODY, cues.bodies), (Kind.MONEY, cues.money)):
            for word in words:
                if lookup.get(word, (code, Kind.PLACE))[1] is not Kind.NAME:
                    lookup[word] = (code, kind)
        for word in cues.places:
            lookup.setdefault(word, (code, Kind.CAPITAL if word in CAPITALS else Kind.PLACE))
    alternation = "|".join(re.escape(w) for w in sorted(lookup, key=len, reverse=True))
    # Case-sensitive on purpose: "us" and "US", "chad" and "Chad" are different words. A
    # currency sign ends its word ("S$40 million").
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?:(?<=\$)|(?![\w])(?!\.\w))")
    return pattern, lookup


def _skip(text: str, word: str, start: int, end: int) -> bool:
    """Whether a country word is not the country here (a name, a language, 'US$')."""
    before, after = text[max(0, start - 30) : start], text[end : end + 20]
    if word in _AMBIGUOUS_BEFORE and _AMBIGUOUS_BEFORE[word].search(before):
        return True
    if word in _AMBIGUOUS_AFTER and _AMBIGUOUS_AFTER[word].search(after):
        return True
    if word == "US" and not _upper_context(text, start):
        return True
    return after.startswith("$") or _is_language(text, start, end)


@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[Mention, ...]:
    """Every country word of one title or paragraph, with its weight factor and role.

    Cached: the title and each paragraph are weighed several ways and the large
    alternation is the costliest scan of the analysis.
    """
    pattern, lookup = _pattern()
    out = _dateline(text, lookup)
    spans: list[tuple[int, int]] | None = None
    for match in pattern.finditer(text):
        word, start, end = match.group(0), match.start(), match.end()
        if _skip(text, word, start, end):
            continue
        code, kind = lookup[word]
        if spans is None:
            spans = [(q.start, q.end) for q in quote_spans(text)]
        quoted = any(a <= start < b for a, b in spans)
        how = role(text, start, end, first_in_paragraph=not out)
        factor = _KIND_FACTOR[kind] * _ROLE_FACTOR[how] * (_QUOTED_FACTOR if quoted else 1.0)
        acting = how is Role.ACTOR and not quoted and kind is not Kind.PLACE
        out.append(Mention(code, factor, kind, acting))
    return _with_money(out)


# "NEW DELHI, March 3 (Reuters) -", "KUALA LUMPUR — ": a wire dateline in capitals.
_DATELINE = re.compile(r"^([A-Z][A-Z.'’ -]{1,28}[A-Z])(?=,|\s\(|\s[—–-]\s)")


def _dateline(text: str, lookup: dict[str, tuple[str, Kind]]) -> list[Mention]:
    """The city (or country) of a dateline, which the case-sensitive scan cannot read."""
    match = _DATELINE.match(text)
    if match is None:
        return []
    word = " ".join(w.capitalize() for w in match.group(1).split())
    if word not in lookup or word == match.group(1):
        return []
    code, kind = lookup[word]
    return [Mention(code, _KIND_FACTOR[kind], kind, False)]


def _with_money(mentions: list[Mention]) -> tuple[Mention, ...]:
    """A paragraph that names a country and counts in its currency is about that country:
    the country's first mention there acts ("Indonesia … 5 trillion rupiah")."""
    paid = {m.code for m in mentions if m.kind is Kind.MONEY}
    for i, m in enumerate(mentions):
        if m.code in paid and m.kind in (Kind.NAME, Kind.BODY) and m.factor >= 1.0:
            mentions[i] = m._replace(acting=True)
            paid.discard(m.code)
    return tuple(mentions)


def _is_language(text: str, start: int, end: int) -> bool:
    """Whether the country word at text[start:end] names a language."""
    if _LANGUAGE_AFTER.match(text[end : end + 20]) or text[max(0, start - 7) : start] == "Bahasa ":
        return True
    before = _LIST_BEFORE.search(text[max(0, start - 80) : start])
    after = _LIST_AFTER.match(text[end : end + 80])
    listed = (before.group() if before else "") + (after.group() if after else "")
    return bool(listed) and _LANGUAGES.search(listed) is not None


def mentions_any(text: str, codes: Sequence[str]) -> bool:
    """Whether the text names any of these countries (by name, demonym, body or place)."""
    wanted = set(codes)
    return any(m.code in wanted for m in _mentions(text))


def _upper_context(text: str, start: int) -> bool:
    """'US' is the country unless the text is in capitals (a shouted headline: 'TELL US')."""
    window = text[max(0, start - 20) : start + 22]
    letters = [c for c in window if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * max(len(letters), 1)


class _Tally(NamedTuple):
    weight: defaultdict[str, float]
    named: defaultdict[str, float]  # by name, demonym, body, currency or capital
    acting: defaultdict[str, float]  # where the country or its government acts
    cued: set[str]  # found by a state body, currency or capital, not only by name
    lead: set[str]  # named in the title or the first two paragraphs


# A capital stands for its state only where a state is at work: "the National Assembly
# in Ha Noi" is Vietnam, "a conference in London" is just a venue.
_STATE_AT_WORK = re.compile(
    r"\b(?:[Gg]overnment|[Mm]inist(?:er|ers|ry|ries)|[Cc]abinet|[Pp]arliament|National Assembly|"
    r"[Ll]awmakers|[Dd]eputies|[Pp]resident|[Pp]rime [Mm]inister|[Ss]overeign|[Pp]ublic funds?|"
    r"[Ss]tate[ -](?:owned|run|backed|fund|agency))\b"
)


def _tally(title: str | None, paragraphs: Sequence[str]) -> _Tally:
    tally = _Tally(defaultdict(float), defaultdict(float), defaultdict(float), set(), set())
    texts = [(title, _TITLE_WEIGHT)] if title else []
    texts += [(p, _LEAD_WEIGHT if i < 2 else _BODY_WEIGHT) for i, p in enumerate(paragraphs)]
    state = any(_STATE_AT_WORK.search(text) for text, _ in texts)
    for text, base in texts:
        in_lead = base > _BODY_WEIGHT
        for m in _mentions(text):
            tally.weight[m.code] += base * m.factor
            if m.kind is not Kind.PLACE and (state or m.kind is not Kind.CAPITAL):
                tally.named[m.code] += base * m.factor
            if m.acting:
                tally.acting[m.code] += base * m.factor
            if m.kind in _CUE_KINDS and (state or m.kind is not Kind.CAPITAL):
                tally.cued.add(m.code)
            if in_lead:
                tally.lead.add(m.code)
    return tally


def country_weights(
    title: str | None, paragraphs: list[str], places: bool = True
) -> dict[str, float]:
    """Weighted mentions of each country by where they appear (`places` False: without
    the cities that are not capitals)."""
    tally = _tally(title, paragraphs)
    return dict(tally.weight if places else tally.named)


def detect_countries(title: str | None, paragraphs: list[str]) -> tuple[str, ...]:
    """ISO codes of the countries the article is about, most central first.

    A country named only through its cities ("an Istanbul derby") or in passing as a
    modifier ("the Turkish Cup") is where things happen, not what the article is about:
    its name, demonym, state bodies or capital must carry some weight of their own.
    """
    tally = _tally(title, paragraphs)
    if not tally.weight:
        return ()
    top = max(tally.weight.values())
    ranked = sorted(tally.weight.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = []
    for i, (code, weight) in enumerate(ranked):
        if tally.named.get(code, 0.0) < _MIN_NAMED_WEIGHT:
            continue
        least = _MIN_TOP_CUED_WEIGHT if code in tally.cued else _MIN_TOP_WEIGHT
        leading = i == 0 and code in tally.lead and weight >= least
        share = weight >= _SHARE * top and weight >= _MIN_WEIGHT
        if leading or share or tally.acting.get(code, 0.0) >= _MIN_ACTING_WEIGHT:
            kept.append(code)
    return tuple(kept)
