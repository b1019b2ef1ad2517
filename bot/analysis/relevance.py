"""Is this sovereign-AI news? A score in [0, 1] with the reasons behind it.

Sovereign AI needs two things *in the same breath*: AI capability (models, compute,
GPUs, data centres) and a national actor or purpose (a government, a ministry, public
money, a country building "its own" AI). Either alone is ordinary tech or ordinary
politics, and both somewhere in one article is often coincidence (an earnings story that
mentions regulators), so the evidence is counted per sentence:

- a phrase that says it outright ("sovereign AI", "national AI strategy", "AI gigafactory")
  is strong evidence;
- a sentence joining a government actor and AI is good evidence, twice so with money,
  and only half as much when nothing is built or funded (a ministry reporting exports);
- a sentence joining one of the article's own countries and AI building is some evidence;
- company-finance vocabulary (earnings, quarter, shares) weighs against.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from bot.analysis.countries import mentions_any
from bot.analysis.sentences import sentences

__all__ = ["RELEVANCE_THRESHOLD", "score_relevance"]

RELEVANCE_THRESHOLD = 0.5

_AI = re.compile(
    r"\b(AI|A\.I\.|artificial intelligence|machine learning|generative|GenAI|"
    r"(?:large )?language models?|LLMs?|foundation models?|GPUs?|"
    r"graphics processing units?|supercomput\w+|(?:AI )?chips?|semiconductors?|compute|computing|"
    r"data[- ]cent(?:er|re)s?|exaflops?|petaflops?|neural networks?|chatbots?)\b"
)
_BUILD = re.compile(
    r"\b(build\w*|develop\w*|invest\w*|fund\w*|launch\w*|unveil\w*|construct\w*|host\w*|"
    r"procur\w*|buy\w*|train\w*|deploy\w*|establish\w*|set up|plans?|approv\w*|"
    r"data[- ]cent(?:er|re)s?|GPUs?|supercomput\w+|clusters?|infrastructure|models?|LLMs?)\b",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(government|governments|ministry|ministries|minister|ministers|cabinet|parliament|"
    r"president|prime minister|chancellor|premier|state-backed|state-owned|state-run|"
    r"state investment|public (?:funds?|funding|money|investment|sector)|taxpayer|"
    r"national|nation's|sovereign|sovereignty|federal|commission|kingdom|"
    r"officials?|policymakers?|mission|strategy|agency|initiative)\b",
    re.IGNORECASE,
)
_STRONG = re.compile(
    r"\b(sovereign AI|AI sovereignty|technological sovereignty|digital sovereignty|"
    r"sovereign (?:compute|cloud|LLM|models?|data cent(?:er|re)s?|AI infrastructure)|"
    r"national AI|national (?:supercomputer|compute|GPU|language model|LLM|AI strategy)|"
    r"(?:build|develop)s? (?:its|their) own (?:AI|artificial intelligence|models?|LLMs?)|"
    r"AI (?:mission|strategy|action plan|gigafactor(?:y|ies)|factor(?:y|ies)|nation)|"
    r"(?:government|state|public)[- ](?:backed|funded|run) (?:AI|supercomputer|compute|data cent))",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"(?:[$€£¥₹₩]|\b(?:USD|EUR|INR|JPY|GBP|CNY|SAR|AED|KRW|IDR|Rs\.?|yen|euros?|dollars?|"
    r"rupees?|riyals?|dirhams?|won|yuan)\b)\s?\d|\d[\d,.]*\s?(?:billion|million|crore|trillion)",
    re.IGNORECASE,
)
_FINANCE = re.compile(
    r"\b(earnings|quarterly|fiscal quarter|revenues?|shares|stock|analysts?|investors'|"
    r"after-hours|year[- ]on[- ]year|guidance|profit)\b",
    re.IGNORECASE,
)


def _squash(x: float) -> float:
    return 1.0 - math.exp(-x)


def score_relevance(
    title: str | None, paragraphs: Sequence[str], countries: Sequence[str] = ()
) -> tuple[float, tuple[str, ...]]:
    """Relevance in [0, 1] and short human-readable reasons."""
    sents = [s for p in ([title] if title else []) + list(paragraphs) for s in sentences(p)]
    strong = gov_ai = country_ai = finance = ai_total = 0
    phrases: set[str] = set()
    for sentence in sents:
        found = _STRONG.findall(sentence)
        strong += len(found)
        phrases.update(f.lower() for f in found)
        finance += len(_FINANCE.findall(sentence))
        if not _AI.search(sentence):
            continue
        ai_total += 1
        if _GOVERNMENT.search(sentence):
            gov_ai += _government_weight(sentence)
        elif countries and _BUILD.search(sentence) and mentions_any(sentence, countries):
            country_ai += 1
    evidence = 0.9 * min(strong, 3) + 0.225 * min(gov_ai, 10) + 0.3 * min(country_ai, 4)
    score = _squash(evidence) * math.exp(-0.12 * finance)
    if ai_total == 0:
        score = min(score, 0.1)
    reasons = _reasons(phrases, gov_ai, country_ai, finance, ai_total)
    return round(max(0.0, min(1.0, score)), 3), reasons


def _government_weight(sentence: str) -> int:
    """Evidence of a sentence joining a government actor and AI, in half points: public
    money for AI is strong, the state building or planning something is good, and the
    state merely reporting on AI ("exports of AI chips rose, ministry data showed") is
    weak: trade and industry statistics are not sovereign AI."""
    if _MONEY.search(sentence):
        return 4
    return 2 if _BUILD.search(sentence) else 1


def _reasons(
    phrases: set[str], gov_ai: int, country_ai: int, finance: int, ai_total: int
) -> tuple[str, ...]:
    out = []
    if phrases:
        out.append("says it outright: " + ", ".join(sorted(phrases)[:4]))
    if gov_ai:
        out.append(f"government and AI: {gov_ai / 2:g} points")
    if country_ai:
        out.append(f"{country_ai} sentences on a country building AI")
    if finance:
        out.append(f"company-finance terms x{finance}")
    if not ai_total:
        out.append("no AI terms")
    return tuple(out)
