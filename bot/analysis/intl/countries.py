"""Which countries an article in another language is about (entry point).

The weighing is English's (countries.py): each mention counts by where it is (title,
then the first two paragraphs, then the body), what it is (a name or demonym, a state
body, a capital, a city) and its role in the sentence (countries_roles.py); a country is
kept when it leads and is named in the opening, when it has a fair share of the leading
country's weight, or when it acts in its own right somewhere. The words are each
language's own (countries_fr.py, countries_ja.py, …).

One rule more than English: an article whose title and first sentence name no country
in their own right, only as a company's home ("米オープンAI", "l'américain Nvidia"), is
about companies, not a country; then only a country that acts in it is kept, and mere
mentions further down ("日本ではAI活用の遅れも", "En España, la adopción…") do not make the
list. So is one whose first two paragraphs name no country in their own right at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from bot.analysis.countries import (
    BODY_WEIGHT,
    CUE_KINDS,
    LEAD_WEIGHT,
    MIN_ACTING_WEIGHT,
    MIN_NAMED_WEIGHT,
    MIN_TOP_CUED_WEIGHT,
    MIN_TOP_WEIGHT,
    MIN_WEIGHT,
    SHARE,
    TITLE_WEIGHT,
    UNNAMED_KINDS,
    central_first,
    detect_countries,
)
from bot.analysis.country_words import Kind
from bot.analysis.intl.countries_scan import ANAPHOR, Mention, mentions, supported
from bot.analysis.intl.relevance import public_in
from bot.analysis.intl.text import sentences_in

__all__ = ["acting_in", "detect_countries_in", "mentions_in"]

# In a company story, a country acting once further down ("El Gobierno mexicano ha
# impulsado…") is background; it takes acts worth two plain ones.
_MIN_COMPANY_ACTING_WEIGHT = 3.0


class _Tally(NamedTuple):
    weight: defaultdict[str, float]
    named: defaultdict[str, float]
    acting: defaultdict[str, float]
    cued: set[str]
    lead: set[str]  # named in the title or the first two paragraphs
    lead_own: set[str]  # ... in its own right (not a company's home, a comparison, a quote)
    opening: set[str]  # named in its own right in the title or the first sentence
    homes: set[str]  # named in the title or first paragraph as a company's home


def mentions_in(lang: str, text: str, codes: Sequence[str]) -> bool:
    """Whether the text names any of these countries (a language is not the country)."""
    wanted = set(codes)
    return any(m.code in wanted and m.kind is not Kind.LANGUAGE for m in mentions(lang, text))


def acting_in(lang: str, text: str, codes: Sequence[str]) -> bool:
    """Whether one of these countries, or its government, acts in the text ("La Suisse a
    lancé", "政府は…計上した")."""
    wanted = set(codes)
    return any(m.acting and m.code in wanted for m in mentions(lang, text))


def _resolved(found: list[tuple[float, tuple[Mention, ...]]]) -> list[tuple[float, list[Mention]]]:
    """Shared bodies go to the country the rest of the article names ("Bundesrat" in an
    article on Switzerland is the Swiss government); "同国" to the country named last."""
    seen = {m.code for _, ms in found for m in ms if not m.others and m.code != ANAPHOR}
    out: list[tuple[float, list[Mention]]] = []
    last = ""
    for base, ms in found:
        kept: list[Mention] = []
        for m in ms:
            if m.code == ANAPHOR:
                if not last:
                    continue
                m = m._replace(code=last)
            for code in (m.code, *m.others):
                if code in seen:
                    m = m._replace(code=code, others=())
                    break
            kept.append(m)
            if m.kind is not Kind.PLACE and m.kind is not Kind.LANGUAGE:
                last = m.code  # "国内", "国産" are not what "同国" points back to
        out.append((base, kept))
    return out


def _first_sentence_end(lang: str, paragraph: str) -> int:
    """Where the paragraph's first sentence ends (a feed summary may be one paragraph)."""
    pieces = sentences_in(lang, paragraph)
    if not pieces:
        return len(paragraph)
    start = paragraph.find(pieces[0])
    return len(paragraph) if start < 0 else start + len(pieces[0])


def _tally(lang: str, title: str | None, paragraphs: Sequence[str]) -> _Tally:
    tally = _Tally(
        defaultdict(float),
        defaultdict(float),
        defaultdict(float),
        set(),
        set(),
        set(),
        set(),
        set(),
    )
    texts = [(title, TITLE_WEIGHT)] if title else []
    texts += [(p, LEAD_WEIGHT if i < 2 else BODY_WEIGHT) for i, p in enumerate(paragraphs)]
    first = len(texts) - len(paragraphs)  # the first paragraph's index
    opening_end = _first_sentence_end(lang, paragraphs[0]) if paragraphs else 0
    found = _resolved([(base, mentions(lang, text)) for text, base in texts])
    for i, (base, ms) in enumerate(found):
        for m in ms:
            opens = i < first or (i == first and m.start < opening_end)
            if opens and m.own:
                tally.opening.add(m.code)
            if opens and m.home:
                tally.homes.add(m.code)
            tally.weight[m.code] += base * m.factor
            if m.kind not in UNNAMED_KINDS:
                tally.named[m.code] += base * m.factor
            if m.acting:
                tally.acting[m.code] += base * m.factor
            if m.kind in CUE_KINDS:
                tally.cued.add(m.code)
            if base > BODY_WEIGHT:
                tally.lead.add(m.code)
                if m.own:
                    tally.lead_own.add(m.code)
    return tally


def _public_opening(lang: str, title: str | None, paragraphs: Sequence[str]) -> bool:
    """Whether the title or the first sentence names a public actor."""
    first = paragraphs[0][: _first_sentence_end(lang, paragraphs[0])] if paragraphs else ""
    return public_in(lang, title or "") or public_in(lang, first)


def detect_countries_in(lang: str, title: str | None, paragraphs: Sequence[str]) -> tuple[str, ...]:
    """ISO codes of the countries the article is about, most central first."""
    if not supported(lang):
        return detect_countries(title, list(paragraphs))
    tally = _tally(lang, title, paragraphs)
    if not tally.weight:
        return ()
    top = max(tally.weight.values())
    ranked = sorted(tally.weight.items(), key=lambda kv: (-kv[1], kv[0]))
    # No country in its own right in the opening, only a company's home, or none in its
    # own right in the first two paragraphs at all: a company story, unless the opening
    # names a public actor ("o terceiro governo do presidente …", "政府は").
    companies = not tally.opening and (bool(tally.homes) or not tally.lead_own)
    companies = companies and not _public_opening(lang, title, paragraphs)
    kept = []
    for i, (code, weight) in enumerate(ranked):
        if tally.named.get(code, 0.0) < MIN_NAMED_WEIGHT:
            continue
        acting = tally.acting.get(code, 0.0)
        acts = acting >= (_MIN_COMPANY_ACTING_WEIGHT if companies else MIN_ACTING_WEIGHT)
        least = MIN_TOP_CUED_WEIGHT if code in tally.cued else MIN_TOP_WEIGHT
        leading = i == 0 and code in tally.lead and weight >= least
        share = weight >= SHARE * top and weight >= MIN_WEIGHT
        if acts or (not companies and (leading or share)):
            kept.append(code)
    return central_first(kept, tally.weight, tally.opening)  # named first, then weight
