"""Which countries an article is *about*, not every country it mentions.

Each mention is weighted by where it appears (the title counts most, then the opening
paragraphs), what kind it is (a name or demonym counts more than a state body or the
currency, and those more than a city) and its role in the sentence (country_context.py:
a government acting counts most, a company's home or a comparison little). A country is
kept when its weight is a fair share of the leading country's, or when it acts in its own
right somewhere (a round-up gives each country a paragraph), so a passing mention in the
last paragraph does not make the list. The words themselves, and the mentions that are
not of a country at all (a language, "US$", "Latin American"), are in country_words.py.
A cue shared by several countries ("crore", "Kiswahili") goes to the one the rest of the
article points to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from bot.analysis.country_context import Role, role
from bot.analysis.country_words import Kind, Word, not_a_country, scanner
from bot.analysis.quotemarks import quote_spans

# The weights are shared with the other languages' rules (intl/countries.py): a
# language changes the words, not how much a mention counts.
__all__ = [
    "BODY_WEIGHT",
    "CUE_KINDS",
    "KIND_FACTOR",
    "LEAD_WEIGHT",
    "MIN_ACTING_WEIGHT",
    "MIN_HEADLINE_FACTOR",
    "MIN_NAMED_WEIGHT",
    "MIN_TOP_CUED_WEIGHT",
    "MIN_TOP_WEIGHT",
    "MIN_WEIGHT",
    "QUOTED_FACTOR",
    "ROLE_FACTOR",
    "SHARE",
    "TITLE_WEIGHT",
    "UNNAMED_KINDS",
    "central_first",
    "country_weights",
    "detect_countries",
    "mentions_any",
]

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
ROLE_FACTOR = {
    Role.ACTOR: 1.5,
    Role.SUBJECT: 1.5,
    Role.SPEAKS: 1.2,  # more than a mention, yet one in the lead does not make the list
    Role.FUNDER: 1.3,  # a main funder in the lead makes the list, a late aside does not
    Role.PLAIN: 1.0,
    Role.MODIFIER: 0.4,
    Role.PASSING: 0.25,
}
QUOTED_FACTOR = 0.5  # a speaker's "the US and China are racing ahead" is a comparison
SHARE = 0.15
MIN_WEIGHT = 2.5  # for every country but the leading one
MIN_TOP_WEIGHT = 2.0  # the leading country, named in the title or the opening
MIN_TOP_CUED_WEIGHT = 1.2  # ... or found by a state body, its currency or its capital
MIN_NAMED_WEIGHT = 0.8  # by name, demonym, body, currency or capital, not a mere city
MIN_ACTING_WEIGHT = 1.5  # one act of the country or its government, anywhere
# A title mention counts for the order when it is more than a company's home ("Korean
# chipmaker", 0.4) or a comparison (0.25): a name, a body or a capital, in any other role.
MIN_HEADLINE_FACTOR = 0.5


CUE_KINDS = (Kind.BODY, Kind.MONEY, Kind.CAPITAL)
# A language supports a country found otherwise ("Tk" and "Bangla"), but alone it is no
# evidence: a model "for Hindi, Swahili and Yoruba" is about no country.
UNNAMED_KINDS = (Kind.PLACE, Kind.LANGUAGE)
KIND_FACTOR = {
    Kind.NAME: 1.0,
    Kind.BODY: 0.8,
    Kind.MONEY: 0.6,
    Kind.CAPITAL: 0.6,
    Kind.PLACE: 0.6,
    Kind.LANGUAGE: 0.5,
}


class Mention(NamedTuple):
    """One country word: its country, weight factor, kind and whether the country acts
    (`others`: the further countries of a shared cue such as "crore")."""

    code: str
    factor: float
    kind: Kind
    acting: bool
    others: tuple[str, ...] = ()
    dateline: bool = False
    backing: bool = False  # a dateline that counts only if the story names the country


@lru_cache(maxsize=1024)
def _mentions(text: str) -> tuple[Mention, ...]:
    """Every country word of one title or paragraph, with its weight factor and role.

    Cached: the title and each paragraph are weighed several ways and the large
    alternation is the costliest scan of the analysis.
    """
    pattern, words, signs = scanner()
    out = _dateline(text, words)
    spans: list[tuple[int, int]] | None = None
    for match in pattern.finditer(text):
        word, start, end = match.group(0), match.start(), match.end()
        entry = words[word] if match.lastgroup == "w" else signs[word]
        if not_a_country(text, word, entry, start, end):
            continue
        if spans is None:
            spans = [(q.start, q.end) for q in quote_spans(text)]
        quoted = any(a <= start < b for a, b in spans)
        how = role(text, start, end, first_in_paragraph=not out)
        if entry.kind is Kind.NAME and _VENUE.search(text, max(0, start - 60), start):
            entry = entry._replace(kind=Kind.PLACE)  # "talks in Washington DC, United States"
        factor = KIND_FACTOR[entry.kind] * ROLE_FACTOR[how] * (QUOTED_FACTOR if quoted else 1.0)
        acting = how is Role.ACTOR and not quoted and entry.kind is not Kind.PLACE
        out.append(Mention(entry.code, factor, entry.kind, acting, entry.others))
    return _with_money(out)


# "NEW DELHI, March 3 (Reuters) -", "KUALA LUMPUR — ", "PETALING JAYA: ": a wire
# dateline in capitals.
_DATELINE = re.compile(r"^([A-Z][A-Z.'’ -]{1,28}[A-Z])(?=,|(:)\s|\s\(|\s[—–-]\s)")


# "in Washington DC, United States": the country of a venue, as a city is
_VENUE = re.compile(r"\b(?:in|at)\s(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*,\s$")


def _dateline(text: str, words: dict[str, Word]) -> list[Mention]:
    """The city of a dateline, which the case-sensitive scan cannot read (a country in
    capitals, "SINGAPORE —", the scan reads itself).

    "CITY:" is the house style of papers that print agency copy filed abroad ("LONDON:"
    over a football report in an Asian daily), so that dateline places the story only
    when the story names the country again.
    """
    match = _DATELINE.match(text)
    if match is None or match.group(1) in words:
        return []
    word = " ".join(w.capitalize() for w in match.group(1).split())
    if word not in words:
        return []
    entry = words[word]
    factor = KIND_FACTOR[entry.kind]
    backing = match.group(2) is not None
    return [Mention(entry.code, factor, entry.kind, False, entry.others, True, backing)]


def _with_money(mentions: list[Mention]) -> tuple[Mention, ...]:
    """A paragraph that names a country and counts in its currency is about that country:
    the country's first mention there acts ("Indonesia … 5 trillion rupiah")."""
    paid = {m.code for m in mentions if m.kind is Kind.MONEY}
    for i, m in enumerate(mentions):
        if m.code in paid and m.kind in (Kind.NAME, Kind.BODY) and m.factor >= 1.0:
            mentions[i] = m._replace(acting=True)
            paid.discard(m.code)
    return tuple(mentions)


def mentions_any(text: str, codes: Sequence[str]) -> bool:
    """Whether the text names any of these countries (by name, demonym, body or place)."""
    wanted = set(codes)
    return any(m.code in wanted for m in _mentions(text))


class _Tally(NamedTuple):
    weight: defaultdict[str, float]
    named: defaultdict[str, float]  # by name, demonym, body, currency or capital
    acting: defaultdict[str, float]  # where the country or its government acts
    cued: set[str]  # found by a state body, currency or capital, not only by name
    lead: set[str]  # named in the title or the first two paragraphs
    headline: set[str]  # named in the title in its own right (not a company's home)
    dateline: set[str]  # the place of the wire dateline


# A capital stands for its state only where a state is at work: "the National Assembly
# in Ha Noi" is Vietnam, "a conference in London" is just a venue.
_STATE_AT_WORK = re.compile(
    r"\b(?:[Gg]overnment|[Mm]inist(?:er|ers|ry|ries)|[Cc]abinet|[Pp]arliament|National Assembly|"
    r"[Ll]awmakers|[Dd]eputies|[Pp]resident|[Pp]rime [Mm]inister|[Ss]overeign|[Pp]ublic funds?|"
    r"[Ss]tate[ -](?:owned|run|backed|fund|agency))\b"
)


def _tally(title: str | None, paragraphs: Sequence[str]) -> _Tally:
    tally = _Tally(
        defaultdict(float), defaultdict(float), defaultdict(float), set(), set(), set(), set()
    )
    texts = [(title, TITLE_WEIGHT)] if title else []
    texts += [(p, LEAD_WEIGHT if i < 2 else BODY_WEIGHT) for i, p in enumerate(paragraphs)]
    state = any(_STATE_AT_WORK.search(text) for text, _ in texts)
    found = [(base, _mentions(text)) for text, base in texts]
    seen = {m.code for _, mentions in found for m in mentions if not m.others}
    backed = {
        m.code
        for _, mentions in found
        for m in mentions
        if not m.dateline and m.kind in (Kind.NAME, Kind.BODY, Kind.MONEY)
    }
    found = [(b, tuple(m for m in ms if not m.backing or m.code in backed)) for b, ms in found]
    for i, (base, mentions) in enumerate(found):
        in_lead = base > BODY_WEIGHT
        for m in map(lambda m: _resolve(m, seen), mentions):
            if i == 0 and title and m.factor >= MIN_HEADLINE_FACTOR:
                tally.headline.add(m.code)
            if m.dateline:
                tally.dateline.add(m.code)
            tally.weight[m.code] += base * m.factor
            if m.dateline or (
                m.kind not in UNNAMED_KINDS and (state or m.kind is not Kind.CAPITAL)
            ):
                tally.named[m.code] += base * m.factor
            if m.acting:
                tally.acting[m.code] += base * m.factor
            if m.dateline or (m.kind in CUE_KINDS and (state or m.kind is not Kind.CAPITAL)):
                tally.cued.add(m.code)
            if in_lead:
                tally.lead.add(m.code)
    return tally


def _resolve(mention: Mention, seen: set[str]) -> Mention:
    """A shared cue ("crore", "Kiswahili") belongs to whichever of its countries the
    article otherwise points to ("Tk 450 crore" is Bangladesh), else to the usual one."""
    for code in (mention.code, *mention.others):
        if code in seen:
            return mention._replace(code=code, others=())
    return mention


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
        if tally.named.get(code, 0.0) < MIN_NAMED_WEIGHT:
            continue
        least = MIN_TOP_CUED_WEIGHT if code in tally.cued else MIN_TOP_WEIGHT
        leading = i == 0 and code in tally.lead and weight >= least
        share = weight >= SHARE * top and weight >= MIN_WEIGHT
        if leading or share or tally.acting.get(code, 0.0) >= MIN_ACTING_WEIGHT:
            kept.append(code)
    return central_first(kept, tally.weight, tally.headline, tally.dateline)


def central_first(
    codes: Sequence[str], weight: Mapping[str, float], *firsts: Collection[str]
) -> tuple[str, ...]:
    """The kept countries, the one the article is most about first.

    Which countries are kept is decided by weight; which one leads is decided by what a
    reader sees first: a country the headline names in its own right, then the place of
    the dateline, then the weight of all mentions. A Seoul-datelined story on a Korean
    ministry's deal with a French start-up names France more often (the company, its
    investors, its minister) and is still a Korean story: the digest files it under its
    first country. `firsts` are those signals, strongest first (sets of codes).
    """

    def rank(code: str) -> tuple[tuple[bool, ...], float, str]:
        return tuple(code not in first for first in firsts), -weight.get(code, 0.0), code

    return tuple(sorted(dict.fromkeys(codes), key=rank))
