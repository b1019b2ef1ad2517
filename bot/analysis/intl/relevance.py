"""Is an article in another language sovereign-AI news? (entry point)

Each language has its own vocabulary (relevance_<lang>.py) and one scorer weighs them
all the same way as English (relevance_engine.py), with the same threshold, 0.5.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.intl import (
    relevance_de,
    relevance_es,
    relevance_fr,
    relevance_it,
    relevance_ja,
    relevance_ko,
    relevance_pt,
)
from bot.analysis.intl.relevance_engine import score_with
from bot.analysis.intl.relevance_vocab import Sentence, Vocabulary
from bot.analysis.relevance import score_relevance

__all__ = ["public_in", "score_relevance_in"]

_VOCABS: dict[str, Vocabulary] = {
    "ja": relevance_ja.VOCAB,
    "ko": relevance_ko.VOCAB,
    "fr": relevance_fr.VOCAB,
    "de": relevance_de.VOCAB,
    "es": relevance_es.VOCAB,
    "pt": relevance_pt.VOCAB,
    "it": relevance_it.VOCAB,
}


def score_relevance_in(
    lang: str, title: str | None, paragraphs: Sequence[str], countries: Sequence[str]
) -> tuple[float, tuple[str, ...]]:
    """Relevance in [0, 1] and short reasons, from the language's own vocabulary."""
    vocab = _VOCABS.get(lang)
    if vocab is None:
        return score_relevance(title, paragraphs, countries)
    return score_with(lang, vocab, title, paragraphs, countries)


def public_in(lang: str, text: str) -> bool:
    """Whether a public actor or purpose is named in the text ("governo", "政府",
    "Bundesregierung"), in the language's own words."""
    vocab = _VOCABS.get(lang)
    return vocab is not None and vocab.public.search(Sentence(text))
