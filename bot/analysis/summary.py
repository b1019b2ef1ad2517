"""A two-sentence extractive summary that reads on its own.

Sentences that lean on context (opening with a pronoun, a bare quote, a "But") make no
sense out of the article, so they are skipped; so are bylines and very short lines.

Sentence splitting stops at full stops inside quotations too ("We will build it. It
will be ours."), so the units chosen from are sentences joined until no quotation
crosses their edges. A unit still holding a quotation that is not closed inside it (one
running on into the next paragraph, or a stray closing mark) is half a quote, and
skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.analysis.quotemarks import QuoteSpan, quote_spans
from bot.analysis.sentences import sentences

__all__ = ["SummaryStyle", "summarize"]

_DANGLING = re.compile(
    r"^(?:[\"“‘'«]|he\b|she\b|they\b|it\b|this\b|that\b|these\b|those\b|but\b|and\b|"
    r"also\b|however\b|meanwhile\b|his\b|her\b|their\b|its\b)",
    re.IGNORECASE,
)
_CHROME = re.compile(
    r"(written by|published on|read more|min read|mins read|subscribe|sign up|"
    r"all rights reserved|click here|follow us)",
    re.IGNORECASE,
)
_MARKS = frozenset('“”"«»„「」『』')


@dataclass(frozen=True)
class SummaryStyle:
    """What a sentence of one language looks like: how to split, how long a sentence that
    says something is (Japanese packs in three times the characters' worth), how it ends
    and which openings lean on context."""

    split: Callable[[str], list[str]] = sentences
    min_chars: int = 50
    max_chars: int = 400
    ends: str = '.!?”"’'
    dangling: re.Pattern[str] = _DANGLING


_ENGLISH = SummaryStyle()


def summarize(
    title: str | None, paragraphs: list[str], limit: int = 2, style: SummaryStyle = _ENGLISH
) -> tuple[str, ...]:
    """Up to `limit` self-contained sentences from the top of the article."""
    chosen: list[str] = []
    norm_title = (title or "").strip().lower()
    for paragraph in paragraphs:
        for sentence in _units(paragraph, style.split):
            if len(chosen) >= limit:
                return tuple(chosen)
            if not style.min_chars <= len(sentence) <= style.max_chars:
                continue
            if style.dangling.match(sentence) or _CHROME.search(sentence):
                continue
            if sentence.strip().lower() == norm_title or sentence[-1] not in style.ends:
                continue
            chosen.append(sentence)
    return tuple(chosen)


def _units(paragraph: str, split: Callable[[str], list[str]]) -> list[str]:
    """The paragraph's sentences, joined where a quotation runs across a sentence end;
    units that are half a quotation are dropped."""
    spans = quote_spans(paragraph)  # in text order, none inside another
    starts = [q.start for q in spans]
    bounds: list[tuple[int, int]] = []
    pos = 0
    for sentence in split(paragraph):
        start = max(paragraph.find(sentence, pos), pos)
        end = start + len(sentence)
        pos = end
        k = bisect.bisect_left(starts, start) - 1  # the one quote that can hold `start`
        if bounds and k >= 0 and start < spans[k].end:
            bounds[-1] = (bounds[-1][0], end)
        else:
            bounds.append((start, end))
    return [paragraph[a:b] for a, b in bounds if _whole_quotes(paragraph, a, b, spans, starts)]


def _whole_quotes(
    paragraph: str, start: int, end: int, spans: list[QuoteSpan], starts: list[int]
) -> bool:
    """Every quotation mark in paragraph[start:end] opens or closes a quotation that is
    closed and lies wholly inside it."""
    edges: set[int] = set()
    for q in spans[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
        if q.end <= end and q.closed:
            edges.update((q.start, q.end - 1))
    return all(i in edges for i in range(start, end) if paragraph[i] in _MARKS)
