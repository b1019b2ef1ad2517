"""Is an article in another language sovereign-AI news? (entry point)"""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.relevance import score_relevance

__all__ = ["score_relevance_in"]


def score_relevance_in(
    lang: str, title: str | None, paragraphs: Sequence[str], countries: Sequence[str]
) -> tuple[float, tuple[str, ...]]:
    """Relevance in [0, 1] and short reasons, from the language's own vocabulary."""
    return score_relevance(title, paragraphs, countries)
