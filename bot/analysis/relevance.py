"""Is this sovereign-AI news? A score in [0, 1] with the reasons behind it.

Sovereign AI needs two things at once: AI capability (models, compute, GPUs, data
centres) and a national actor or purpose (a government, a ministry, public money, a
country's "own" AI, national language models). Either alone is ordinary tech news or
ordinary politics, so the score is high only when both sides are present, and the
explicit phrase "sovereign AI" is strong evidence on its own.
"""

from __future__ import annotations

import math
import re

__all__ = ["RELEVANCE_THRESHOLD", "score_relevance"]

RELEVANCE_THRESHOLD = 0.5

_AI = re.compile(
    r"\b(AI|A\.I\.|artificial intelligence|machine learning|generative AI|GenAI|"
    r"large language models?|LLMs?|language models?|foundation models?|GPUs?|"
    r"graphics processing units?|supercomput\w+|AI chips?|accelerators?|compute|"
    r"data cent(?:er|re)s?|AI factor(?:y|ies)|AI gigafactor(?:y|ies)|exaflops?|petaflops?|"
    r"neural networks?|chatbots?)\b"
)
_NATIONAL = re.compile(
    r"\b(government|governments|ministry|minister|ministers|cabinet|parliament|"
    r"prime minister|president|state-backed|state-owned|state-run|public funds?|"
    r"public funding|public investment|taxpayer|national|nation's|country's|"
    r"sovereign|sovereignty|domestic|homegrown|home-grown|indigenous|local languages?|"
    r"mission|strategy|budget|federal|commission|agency|initiative|sovereign wealth fund)\b",
    re.IGNORECASE,
)
_STRONG = re.compile(
    r"\b(sovereign AI|AI sovereignty|sovereign (?:compute|cloud|LLM|model|data cent(?:er|re)s?)|"
    r"national AI|national (?:supercomputer|compute|GPU|language model|LLM)|"
    r"(?:build|develop)s? (?:its|their) own (?:AI|artificial intelligence|models?|LLMs?)|"
    r"AI (?:mission|strategy|action plan|gigafactor(?:y|ies)|factor(?:y|ies))|"
    r"(?:government|state|public)[- ](?:backed|funded|run) (?:AI|supercomputer|compute|data cent))",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"([$€£¥₹₩]|\b(?:USD|EUR|INR|JPY|GBP|CNY|SAR|AED|KRW|yen|euros?|dollars?|rupees?|crore|riyals?|dirhams?|won)\b)",
    re.IGNORECASE,
)


def _squash(x: float) -> float:
    return 1.0 - math.exp(-x)


def score_relevance(title: str | None, text: str) -> tuple[float, tuple[str, ...]]:
    """Relevance in [0, 1] and short human-readable reasons."""
    body = f"{title or ''}\n{text}"
    words = max(len(body.split()), 1)
    per_k = 1000 / words
    ai_hits = _AI.findall(body)
    nat_hits = _NATIONAL.findall(body)
    strong_hits = _STRONG.findall(body)
    money = bool(_MONEY.search(body))
    ai = _squash(len(ai_hits) * per_k / 12)
    national = _squash(len(nat_hits) * per_k / 10)
    strong = _squash(len(strong_hits) * 0.8)
    score = 0.55 * strong + 0.45 * (ai * national) ** 0.5
    if money and ai > 0.3 and national > 0.3:
        score += 0.1
    if not ai_hits:
        score = min(score, 0.1)
    score = max(0.0, min(1.0, score))
    reasons: list[str] = []
    if strong_hits:
        reasons.append(
            "sovereign-AI phrasing: " + ", ".join(sorted({h.lower() for h in strong_hits})[:4])
        )
    if ai_hits:
        reasons.append(f"AI terms x{len(ai_hits)}")
    if nat_hits:
        reasons.append(f"national/government terms x{len(nat_hits)}")
    if money:
        reasons.append("money mentioned")
    return round(score, 3), tuple(reasons)
