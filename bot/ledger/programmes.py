"""What an amount is for: the programme or object a sentence attaches a figure to.

News names a commitment by the thing it pays for: "the ABCI 3.0 supercomputer", "a
national AI compute programme", "the IndiaAI Mission", "a 500MW data centre"; the
readers of each language find those phrases (phrases_en.py, phrases_intl.py).

Which phrase an amount pays for follows how news writes it: the phrase the figure
itself modifies ("a ¥1 trillion AI fund"); else the one after a "for"/"on"/"to" that
follows the figure ("$1bn for a supercomputer and $300m for a language model"); else the
nearest before it in its own stretch of the sentence ("the fund gets ¥1 trillion").

Matching compares normalised keys (programme_key.py), so "the national AI compute
programme" and "its programme for AI computing" are one programme.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis.quotemarks import QuoteSpan, quote_spans
from bot.ledger.actors import actor_in
from bot.ledger.phrase import Phrase, Programme, generic
from bot.ledger.phrases_en import phrases_en
from bot.ledger.programme_key import normalise

__all__ = [
    "Phrase",
    "Programme",
    "actor_in",
    "candidates",
    "generic",
    "normalise",
    "programme_near",
    "spans_in",
]

_PURPOSE = re.compile(
    r"^(?:(?!\b(?:and|which|that|while|but|would|will|could|should|said)\b)[^,;:—–]){0,40}?"
    r"\b(?:for|on|in|into|to|towards?|fund|funds|finance|build|buy|develop|"
    r"create|expand|upgrade|support)\s+(?:(?:the|a|an|its|their|his|her|our|this|that)\s+)?"
    r"(?:[\w.-]+['’]s\s+)?(?:\S*\d\S*\s+)?$",
    re.IGNORECASE,
)
_LINKED = re.compile(
    r"^\s*(?:(?:worth|of|totall?ing|with|at|valued\s+at|costing|amounting\s+to|to|"
    r"will\s+(?:get|receive|have)|gets|receives)\s+)?(?:(?:some|about|around|nearly|almost|"
    r"up\s+to|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)
_NEXT_FIGURE = re.compile(r"\S+(?:\s\S+)?[\s-]*$")


def candidates(sentence: str, lang: str = "en") -> tuple[Phrase, ...]:
    """Every programme phrase of one sentence, in order."""
    if lang == "en":
        return phrases_en(sentence)
    from bot.ledger.phrases_intl import phrases_in

    return phrases_in(lang, sentence)


def _after_purpose(sentence: str, end: int, phrase: Phrase) -> bool:
    """ "$1bn for a supercomputer", "¥1 trillion over five years on the programme"."""
    between = sentence[end : phrase.start]
    return len(between) <= 70 and bool(_PURPOSE.match(between))


def _choose(
    sentence: str, found: tuple[Phrase, ...], at: int, end: int, lo: int, hi: int
) -> Phrase | None:
    """The phrase an amount at [at, end) pays for, within its stretch [lo, hi)."""
    # the next figure may modify the phrase: "$5 billion on a 500MW data centre campus"
    after = [
        p
        for p in found
        if p.head >= end and (p.start < hi or _NEXT_FIGURE.match(sentence, hi, p.start))
    ]
    before = [p for p in found if p.end <= at and p.start >= max(lo, at - 150)]
    inside = [p for p in after if not sentence[end : p.start].strip(" -")]
    if inside:
        return inside[0]
    if before and _LINKED.match(sentence[before[-1].end : at]):
        return before[-1]  # "a sovereign AI fund worth ¥500 billion", "the fund to ¥2 trillion"
    purposed = [p for p in after if _after_purpose(sentence, end, p)]
    if purposed:
        return purposed[0]
    if before:
        return before[-1]
    near = [p for p in after if p.start - end <= 60]
    return near[0] if near else None


@lru_cache(maxsize=2048)
def spans_in(sentence: str) -> tuple[QuoteSpan, ...]:
    """The quoted spans of a sentence (read for each of its figures)."""
    return tuple(quote_spans(sentence))


def programme_near(
    sentence: str,
    at: int,
    kind: str,
    *,
    end: int | None = None,
    lo: int = 0,
    hi: int | None = None,
    lang: str = "en",
) -> Programme:
    """The programme an amount at `at` (to `end`) in `sentence` pays for, or the kind's
    generic label; `lo`/`hi` bound the amount's own stretch (between the figures next
    to it)."""
    spans = [(q.start, q.end) for q in spans_in(sentence) if not q.start <= at < q.end]
    # a phrase in a quote the amount is not in is the speaker's, not what it pays for
    found = tuple(
        p for p in candidates(sentence, lang) if not any(a <= p.start < b for a, b in spans)
    )
    chosen = _choose(sentence, found, at, end or at, lo, len(sentence) if hi is None else hi)
    return chosen.programme if chosen else generic(kind)
