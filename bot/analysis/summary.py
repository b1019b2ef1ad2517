"""A two-sentence extractive summary that reads on its own.

Sentences that lean on context (opening with a pronoun, a bare quote, a "But") make no
sense out of the article, so they are skipped; so are bylines and very short lines.
"""

from __future__ import annotations

import re

from bot.analysis.sentences import sentences

__all__ = ["summarize"]

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
_MIN_CHARS = 50
_MAX_CHARS = 400


def summarize(title: str | None, paragraphs: list[str], limit: int = 2) -> tuple[str, ...]:
    """Up to `limit` self-contained sentences from the top of the article."""
    chosen: list[str] = []
    norm_title = (title or "").strip().lower()
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if len(chosen) >= limit:
                return tuple(chosen)
            if not _MIN_CHARS <= len(sentence) <= _MAX_CHARS:
                continue
            if _DANGLING.match(sentence) or _CHROME.search(sentence):
                continue
            if sentence.strip().lower() == norm_title or sentence[-1] not in '.!?”"’':
                continue
            chosen.append(sentence)
    return tuple(chosen)
