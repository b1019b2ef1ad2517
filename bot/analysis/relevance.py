"""Is this sovereign-AI news? A score in [0, 1] with the reasons behind it.

Sovereign AI is a state building its own AI capability: national compute, public money
for AI, models in the country's languages. It needs AI capability and a public actor *in
the same breath*; either alone is ordinary tech or ordinary politics, and both somewhere
in one article is often coincidence, so evidence is counted per sentence
(relevance_terms.py has the vocabulary):

- a phrase that says it outright ("sovereign AI", "national supercomputer") is strong;
  "AI strategy" or "AI factory" only beside a public actor, as companies say them too;
- a sentence joining a public actor and AI is good evidence, twice so with money, half
  when nothing is built or funded, and half when the money goes to rail or fibre;
- a sentence joining one of the article's countries and AI building is some evidence,
  unless it is company deal-making;
- a sentence about fines, courts, privacy or deepfakes, or about passing a law, is about
  *governing* AI: it gives no evidence, and an article whose title or lead is such a
  story is damped, unless the lead itself funds or builds;
- an article that names AI in only a few sentences, and not in its title, is about
  something else (a budget, a railway plan) and is damped;
- company-finance vocabulary (earnings, quarter, shares) weighs against;
- a sentence saying the subject is *not* AI ("would not make processors for AI") gives
  no evidence and damps the article, and chips its lead says are for cars or the grid
  ("power chips for electric vehicles") are not AI chips anywhere in it;
- a takeover in the title or lead with no public actor anywhere is private deal-making
  (an investor buying a data-centre operator), not a state building AI: damped.

The title says what the article is about, so its evidence counts double.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.analysis import relevance_terms as t
from bot.analysis.countries import mentions_any
from bot.analysis.sentences import sentences

__all__ = [
    "AI_SHARE",
    "AI_SHARE_FLOOR",
    "DENIAL_DAMP",
    "GOVERNING_DAMP",
    "PRIVATE_DEAL_DAMP",
    "RELEVANCE_THRESHOLD",
    "Tally",
    "score_relevance",
    "sentences_count",
    "squash",
]

RELEVANCE_THRESHOLD = 0.5
GOVERNING_DAMP = 0.4
AI_SHARE = 0.25  # below this share of AI sentences (and no AI in the title), damp
AI_SHARE_FLOOR = 0.3
DENIAL_DAMP = 0.3
PRIVATE_DEAL_DAMP = 0.4
_SPACE = re.compile(r"\s+")


@dataclass
class Tally:
    strong: float = 0.0
    gov_ai: float = 0.0  # half points
    country_ai: float = 0.0
    finance: int = 0
    denials: int = 0
    ai: int = 0
    governing: int = 0
    total: int = 0
    phrases: set[str] = field(default_factory=set)


def _normal(text: str) -> str:
    """Whitespace runs as single spaces (most sentences have none to fix)."""
    return _SPACE.sub(" ", text) if "  " in text or "\n" in text or "\t" in text else text


def sentences_count(n: float) -> str:
    """ "1 sentence", "3 sentences": a reason reads as English."""
    return f"{n:g} sentence" + ("" if n == 1 else "s")


def squash(x: float) -> float:
    return 1.0 - math.exp(-x)


def score_relevance(
    title: str | None, paragraphs: Sequence[str], countries: Sequence[str] = ()
) -> tuple[float, tuple[str, ...]]:
    """Relevance in [0, 1] and short human-readable reasons."""
    tally = Tally()
    body = [_normal(s) for p in paragraphs for s in sentences(p)]
    titled = [_normal(title)] if title else []
    lead = titled + body[:2]
    chips_not_ai = any(t.NON_AI_CHIPS.search(s.lower()) for s in lead)
    ai_terms = t.AI_BEYOND_CHIPS if chips_not_ai else t.AI
    title_ai = False
    if title:
        title_ai = bool(ai_terms.search(_strip_chips(_normal(title))))
        _count(_normal(title), countries, tally, 2.0, ai_terms)
    for sentence in body:
        _count(sentence, countries, tally, 1.0, ai_terms)
    evidence = (
        0.9 * min(tally.strong, 3.0)
        + 0.225 * min(tally.gov_ai, 10.0)
        + 0.3 * min(tally.country_ai, 4.0)
    )
    score = squash(evidence) * math.exp(-0.12 * tally.finance)
    governing = _governing_lead(title, body)
    if governing:
        score *= GOVERNING_DAMP
    denied = tally.denials > 0 and not tally.strong
    if denied:
        score *= DENIAL_DAMP
    private = _private_deal(titled + body[:1], titled + body, tally)
    if private:
        score *= PRIVATE_DEAL_DAMP
    share = tally.ai / max(tally.total, 1)
    peripheral = not title_ai and share < AI_SHARE
    if peripheral:
        score *= max(AI_SHARE_FLOOR, share / AI_SHARE)
    if tally.ai == 0:
        score = min(score, 0.1)
    reasons = _reasons(tally, governing, peripheral)
    reasons += ("says it is not AI",) if denied else ()
    reasons += ("a private takeover, no public actor",) if private else ()
    return round(max(0.0, min(1.0, score)), 3), reasons


def _governs(low: str) -> bool:
    """About governing AI (enforcement, courts, lawmaking), not building it; a law or
    vote that puts money into AI building still builds. `low` is lowercased."""
    if t.ENFORCEMENT.search(low):
        return True
    return bool(t.LAWMAKING.search(low)) and not (t.MONEY.search(low) or t.FUNDING.search(low))


def _strip_chips(sentence: str) -> str:
    """The sentence without its chips made for cars or the grid (same length kept)."""
    low = sentence.lower()
    if len(low) != len(sentence) or not t.NON_AI_CHIPS.search(low):
        return sentence
    return t.NON_AI_CHIPS.sub(lambda m: " " * len(m.group(0)), low)


def _denies(low: str) -> bool:
    """Whether the lowercased sentence says its subject is not AI (a cheap test first:
    most sentences have no negation)."""
    if "not" not in low and "no " not in low and "never" not in low and "non-" not in low:
        return False
    return bool(t.DENIES_AI.search(low))


def _private_deal(lead: Sequence[str], texts: Sequence[str], tally: Tally) -> bool:
    """The title or first sentence buys or sells a company and no public actor or
    outright phrase appears anywhere: a private deal, whatever the assets are."""
    if tally.strong or not any(t.DEAL.search(s.lower()) for s in lead):
        return False
    return not any(t.PUBLIC.search(s.lower()) for s in texts)


def _count(
    sentence: str,
    countries: Sequence[str],
    tally: Tally,
    weight: float,
    ai_terms: re.Pattern[str] = t.AI,
) -> None:
    tally.total += 1
    low = sentence.lower()
    tally.finance += len(t.FINANCE.findall(low))
    if _denies(low):
        tally.denials += 1
        return
    ai = bool(ai_terms.search(_strip_chips(sentence)))
    found = t.STRONG.findall(low)
    if not ai and not found:
        return
    governs = _governs(low)
    public = bool(t.PUBLIC.search(low))
    found += _programmes(sentence, public, countries)
    if found:
        tally.strong += len(found) * (0.5 if governs else 1.0)
        tally.phrases.update(f.lower() for f in found)
    if not ai:
        return
    tally.ai += 1
    if governs:
        tally.governing += 1
    elif public:
        tally.gov_ai += weight * _government_weight(sentence, low)
    elif (
        countries
        and t.BUILD.search(low)
        and not t.COMPANY.search(sentence)
        and mentions_any(sentence, countries)
    ):
        tally.country_ai += weight
        spends = _STATE_SPENDS.match(sentence)
        if spends and t.MONEY.search(low) and mentions_any(spends.group("who"), countries):
            # "Kenya will invest Sh3 billion in an AI compute centre": the state itself
            # acting with money is as good as a ministry doing so
            tally.gov_ai += weight * _government_weight(sentence, low)


# a sentence whose subject is a country that commits money: "Kenya will invest …"
_STATE_SPENDS = re.compile(
    r"^(?P<who>(?:The\s+)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})\s+(?:has|have|will|is|plans to|"
    r"aims to)?\s*(?:unveiled|launched|approved|announced|committed|allocated|pledged|"
    r"earmarked|set aside|invest(?:ed|s)?|spend(?:s)?|fund(?:ed|s)?|unveil|launch|approve|"
    r"announce|commit|allocate|pledge|earmark|set up|create|build)\b"
)


def _programmes(sentence: str, public: bool, countries: Sequence[str]) -> list[str]:
    """ "AI strategy", "AI mission", "AI factory" as a state's: beside a public actor, or
    as the capitalised name of a country's programme ("the Czech AI Strategy 2030")."""
    found = [m.group(0) for m in t.CONDITIONAL.finditer(sentence)]
    if public or not found:
        return found
    named = [f for f in found if f.split()[-1][0].isupper()]
    return named if named and countries and mentions_any(sentence, countries) else []


def _government_weight(sentence: str, low: str) -> float:
    """Evidence of a sentence joining a public actor and AI, in half points: public
    money for AI is strong, the state building or planning something is good, and the
    state merely reporting on AI ("exports of AI chips rose, ministry data showed") is
    weak; money or plans for rail, roads or fibre are not for AI, so they count half."""
    points = 4.0 if t.MONEY.search(low) else 2.0 if t.BUILD.search(low) else 1.0
    other = t.OTHER_SECTOR.search(t.ROLE_TITLE.sub(" ", sentence).lower())
    return points / 2 if other else points


def _governing_lead(title: str | None, body: list[str]) -> bool:
    """The story is a law, a fine or a court case: its title or first sentence governs
    AI, and neither builds or funds AI with a public actor."""
    lead = ([_normal(title)] if title else []) + body[:1]
    governs = [_governs(s.lower()) for s in lead]
    if not any(governs):
        return False
    return not any(
        not g and t.AI.search(s) and t.PUBLIC.search(s.lower()) and t.BUILD.search(s.lower())
        for s, g in zip(lead, governs, strict=True)
    )


def _reasons(tally: Tally, governing: bool, peripheral: bool) -> tuple[str, ...]:
    out = []
    if tally.phrases:
        out.append("says it outright: " + ", ".join(sorted(tally.phrases)[:4]))
    if tally.gov_ai:
        out.append(f"government and AI: {tally.gov_ai / 2:g} points")
    if tally.country_ai:
        out.append(f"{sentences_count(tally.country_ai)} on a country building AI")
    if tally.governing:
        out.append(f"{sentences_count(tally.governing)} on laws, fines or courts, not building")
    if governing:
        out.append("a law, fine or court story")
    if peripheral and tally.ai:
        out.append(f"AI in only {tally.ai} of {tally.total} sentences")
    if tally.finance:
        out.append(f"company-finance terms x{tally.finance}")
    if not tally.ai:
        out.append("no AI terms")
    return tuple(out)
