"""The relevance scorer for every language but English: English's weights and damps
(relevance.py) over one language's vocabulary (relevance_<lang>.py).

Evidence is counted per sentence, since AI and a public actor somewhere in one article is
often coincidence: a phrase that says it outright is strong; a sentence joining a public
actor and AI is good evidence, twice so with money; a sentence joining one of the
article's countries and AI building is some evidence. A country that acts in a sentence
("La Suisse a lancé", "España invertirá", "政府は…計上した") is a public actor there, as its
government would be. An article is damped when its title or lead governs AI (a law, a
fine, a privacy case), when its lead is a company's joint venture, alliance or product
launch with no public actor in it (however much the state backs AI further down), when it
buys or sells a company with no public actor anywhere, when it names AI in few sentences,
and when company-finance words pile up.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.analysis.country_words import Kind
from bot.analysis.intl.countries_scan import mentions, supported
from bot.analysis.intl.relevance_vocab import Sentence, Vocabulary
from bot.analysis.intl.text import sentences_in
from bot.analysis.relevance import (
    AI_SHARE,
    AI_SHARE_FLOOR,
    DENIAL_DAMP,
    GOVERNING_DAMP,
    PRIVATE_DEAL_DAMP,
    Tally,
    sentences_count,
    squash,
)

__all__ = ["score_with"]

_VENTURE_DAMP = 0.35
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Article:
    lang: str
    vocab: Vocabulary
    countries: tuple[str, ...]
    chips_not_ai: bool = False  # the lead says its chips are for cars or the grid


def score_with(
    lang: str,
    vocab: Vocabulary,
    title: str | None,
    paragraphs: Sequence[str],
    countries: Sequence[str],
) -> tuple[float, tuple[str, ...]]:
    """Relevance in [0, 1] and short reasons, for an article in `lang`."""
    body = [s for p in paragraphs for s in _sentences(lang, p)]
    titled = _sentences(lang, title, split=False) if title else []
    chips = any(vocab.non_ai_chips.search(s) for s in titled + body[:2])
    art = _Article(lang, vocab, tuple(countries), chips)
    tally = Tally()
    for sentence in titled:
        _count(art, sentence, tally, 2.0)
    for sentence in body:
        _count(art, sentence, tally, 1.0)
    evidence = (
        0.9 * min(tally.strong, 3.0)
        + 0.225 * min(tally.gov_ai, 10.0)
        + 0.3 * min(tally.country_ai, 4.0)
    )
    score = squash(evidence) * math.exp(-0.12 * tally.finance)
    lead = titled + body[:1]
    damps = {
        "a law, fine or court story": (_governing_lead(art, lead), GOVERNING_DAMP),
        "says it is not AI": (tally.denials > 0 and not tally.strong, DENIAL_DAMP),
        "a private takeover, no public actor": (
            _private_deal(art, lead, titled + body, tally),
            PRIVATE_DEAL_DAMP,
        ),
        "a company's venture or launch": (_venture(art, lead, tally), _VENTURE_DAMP),
    }
    reasons = list(_reasons(tally))
    for reason, (applies, factor) in damps.items():
        if applies:
            score *= factor
            reasons.append(reason)
    share = tally.ai / max(tally.total, 1)
    title_ai = any(_ai(art, s) for s in titled)
    if not title_ai and share < AI_SHARE:
        score *= max(AI_SHARE_FLOOR, share / AI_SHARE)
        if tally.ai:
            reasons.append(f"AI in only {tally.ai} of {tally.total} sentences")
    if tally.ai == 0:
        score = min(score, 0.1)
    return round(max(0.0, min(1.0, score)), 3), tuple(reasons)


def _sentences(lang: str, paragraph: str, split: bool = True) -> list[Sentence]:
    """The paragraph's sentences, each with the countries named and acting in it, read
    from the paragraph's own scan (cached from the country detection) by position."""
    found = sorted(mentions(lang, paragraph) if supported(lang) else (), key=lambda m: m.start)
    at = [m.start for m in found]  # a sentence's mentions by bisection: order is not read
    out: list[Sentence] = []
    pos = 0
    for piece in sentences_in(lang, paragraph) if split else [paragraph]:
        start = paragraph.find(piece, pos)
        start = pos if start < 0 else start
        pos = start + len(piece)
        inside = found[bisect.bisect_left(at, start) : bisect.bisect_left(at, pos)]
        named = frozenset(m.code for m in inside if m.kind is not Kind.LANGUAGE)
        acting = frozenset(m.code for m in inside if m.acting)
        text = _SPACE.sub(" ", piece) if "  " in piece or "\n" in piece or "\t" in piece else piece
        out.append(Sentence(text, named, acting))
    return out


def _ai(art: _Article, sentence: Sentence) -> bool:
    """Whether the sentence names AI capability; where the lead's chips are for cars or
    the grid ("puces de puissance pour l'automobile"), a bare chip word is not AI."""
    if not art.chips_not_ai:
        return art.vocab.ai.search(sentence)
    return any(not art.vocab.chips.fullmatch(w) for w in art.vocab.ai.finditer(sentence))


def _governs(vocab: Vocabulary, sentence: Sentence) -> bool:
    """About governing AI (enforcement, courts, lawmaking), not building it; a law that
    puts money into AI building still builds."""
    if vocab.enforcement.search(sentence):
        return True
    if not vocab.lawmaking.search(sentence):
        return False
    return not (vocab.money.search(sentence) or vocab.funding.search(sentence))


def _public(art: _Article, sentence: Sentence) -> bool:
    """A public actor in the sentence: a state word, or one of the article's countries
    acting there."""
    if art.vocab.public.search(sentence):
        return True
    return not sentence.acting.isdisjoint(art.countries)


def _count(art: _Article, sentence: Sentence, tally: Tally, weight: float) -> None:
    vocab = art.vocab
    tally.total += 1
    tally.finance += vocab.finance.count(sentence)
    if vocab.denies.search(sentence):
        tally.denials += 1
        return
    ai = _ai(art, sentence)
    found = list(vocab.strong.finditer(sentence))
    if ai:
        found += vocab.plans.finditer(sentence)
    if not ai and not found:
        return
    governs = _governs(vocab, sentence)
    public = _public(art, sentence)
    if public:
        found += vocab.conditional.finditer(sentence)
    if found:
        tally.strong += len(found) * (0.5 if governs else 1.0)
        tally.phrases.update(f.lower() for f in found)
    if not ai:
        return
    tally.ai += 1
    if governs:
        tally.governing += 1
    elif public:
        tally.gov_ai += weight * _government_weight(vocab, sentence)
    elif (
        art.countries
        and vocab.build.search(sentence)
        and not vocab.company.search(sentence)
        and not sentence.named.isdisjoint(art.countries)
    ):
        tally.country_ai += weight


def _government_weight(vocab: Vocabulary, sentence: Sentence) -> float:
    """Half points: public money for AI is strong, building or planning good, a mere
    report weak; money or plans for rail, roads or fibre count half."""
    points = 4.0 if vocab.money.search(sentence) else 2.0 if vocab.build.search(sentence) else 1.0
    return points / 2 if vocab.other_sector.search(sentence) else points


def _governing_lead(art: _Article, lead: Sequence[Sentence]) -> bool:
    """The title or first sentence governs AI and neither builds it with a public actor."""
    governs = [_governs(art.vocab, s) for s in lead]
    if not any(governs):
        return False
    return not any(
        not g and _ai(art, s) and _public(art, s) and art.vocab.build.search(s)
        for s, g in zip(lead, governs, strict=True)
    )


def _private_deal(
    art: _Article, lead: Sequence[Sentence], texts: Sequence[Sentence], tally: Tally
) -> bool:
    """The lead buys or sells a company and no public actor appears anywhere."""
    if tally.strong or not any(art.vocab.deal.search(s) for s in lead):
        return False
    return not any(_public(art, s) for s in texts)


def _venture(art: _Article, lead: Sequence[Sentence], tally: Tally) -> bool:
    """The lead is a company's joint venture, alliance or launch, with no public actor in
    it: a state backing AI further down is context, not the story."""
    if tally.strong or not any(art.vocab.venture.search(s) for s in lead):
        return False
    return not any(_public(art, s) for s in lead)


def _reasons(tally: Tally) -> tuple[str, ...]:
    out = []
    if tally.phrases:
        out.append("says it outright: " + ", ".join(sorted(tally.phrases)[:4]))
    if tally.gov_ai:
        out.append(f"government and AI: {tally.gov_ai / 2:g} points")
    if tally.country_ai:
        out.append(f"{sentences_count(tally.country_ai)} on a country building AI")
    if tally.governing:
        out.append(f"{sentences_count(tally.governing)} on laws, fines or courts, not building")
    if tally.finance:
        out.append(f"company-finance terms x{tally.finance}")
    if not tally.ai:
        out.append("no AI terms")
    return tuple(out)
