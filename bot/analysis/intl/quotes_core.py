"""What every language's quotes share: candidates, speakers found, and the conventions
of journalism for a quote with no attribution of its own.

Each language's engine (quotes_latin.py, quotes_ja.py, quotes_ko.py) finds the quotes
and reads their own attribution; the rest is the same in every newspaper, as in
English (quotes.py): a quote running on from the paragraph before, or a second quote
in the same paragraph, is the same speaker's; a paragraph announced by "X a déclaré :"
or "X氏は次のように語った。" is X's; a quote alone in its paragraph, or opening the
paragraph after a quote, goes on with the last speaker; a phrase quoted in passing
belongs to whoever spoke just before; and "“First.” “Second,” she said" credits the
first quote with the second one's speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.analysis.quotemarks import QuoteSpan, quoted_words
from bot.analysis.sentences import SENTENCE_REACH
from bot.models import Quote

__all__ = [
    "BoundedSentences",
    "Candidate",
    "Engine",
    "Found",
    "History",
    "paragraph_starts",
    "resolve_quotes",
]


@dataclass(frozen=True)
class Found:
    """A speaker: a name as written (a person's or an organisation's), with a role."""

    name: str
    role: str | None = None
    is_person: bool = True


@dataclass
class Candidate:
    """One direct quote; `start`/`end` are offsets in the article's joined text."""

    para: int
    span: QuoteSpan
    start: int
    end: int
    continues: bool = False  # runs on from a quote left open in the previous paragraph
    standalone: bool = False  # the paragraph is nothing but quotes
    embedded: bool = False  # quoted inside a narrative sentence
    attributed: bool = False
    found: Found | None = None


def paragraph_starts(paragraphs: Sequence[str]) -> list[int]:
    """Where each paragraph starts once they are joined by line breaks: the text every
    engine reads, and in which a candidate's `start` and `end` are counted."""
    starts: list[int] = []
    offset = 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    return starts


class BoundedSentences:
    """The sentence around a position of the joined `text` (`boundaries`: where each
    sentence starts), read at most SENTENCE_REACH either side: a Japanese or Korean text
    without stops is tokenised in bounded windows, not from its start every time."""

    text: str
    boundaries: list[int]

    def sentence_start(self, pos: int) -> int:
        start = self.boundaries[bisect.bisect_right(self.boundaries, pos) - 1]
        return max(start, pos - SENTENCE_REACH)

    def sentence_end(self, pos: int) -> int:
        i = bisect.bisect_right(self.boundaries, pos)
        end = self.boundaries[i] if i < len(self.boundaries) else len(self.text)
        return min(end, pos + SENTENCE_REACH)


class History:
    """Who spoke where, so that "il", "同氏" or a bare "añade" can find them."""

    def __init__(self) -> None:
        self._at: list[int] = []
        self._found: list[Found] = []

    def record(self, pos: int, found: Found) -> None:
        i = bisect.bisect_right(self._at, pos)
        self._at.insert(i, pos)
        self._found.insert(i, found)

    def last(self, pos: int, since: int = 0, persons: bool = False) -> Found | None:
        """The last speaker before `pos` (and at or after `since`)."""
        entry = self.last_at(pos, since, persons)
        return entry[1] if entry else None

    def last_at(self, pos: int, since: int = 0, persons: bool = False) -> tuple[int, Found] | None:
        """The last speaker before `pos`, with where they spoke."""
        i = bisect.bisect_left(self._at, pos) - 1
        while i >= 0 and self._at[i] >= since:
            if self._found[i].is_person or not persons:
                return self._at[i], self._found[i]
            i -= 1
        return None


class Engine(Protocol):
    """A language's own reading of quotes."""

    history: History
    para_starts: list[int]

    def attribute(self, c: Candidate) -> Found | None:
        """The speaker the quote's own sentence names."""

    def lead_in(self, c: Candidate) -> Found | None:
        """The speaker announced at the end of the paragraph before ("X a déclaré :")."""

    def opens_sentence(self, c: Candidate) -> bool:
        """The quote starts its sentence (no narrative words before it)."""


def _follows_quote_paragraph(c: Candidate, previous: Candidate | None) -> bool:
    return (
        previous is not None
        and previous.para == c.para - 1
        and c.span.start == 0
        and previous.found is not None
    )


def _convention(engine: Engine, c: Candidate, previous: Candidate | None) -> Found | None:
    """The speaker of a quote without attribution of its own."""
    same_para = previous is not None and previous.para == c.para
    if previous is not None and (c.continues or same_para):
        return previous.found
    lead = engine.lead_in(c)
    if lead is not None:
        c.attributed = True
        return lead
    para_start = engine.para_starts[c.para]
    if engine.opens_sentence(c):  # someone reported speaking earlier in the paragraph
        narrator = engine.history.last(c.start, since=para_start)
        if narrator is not None:
            return narrator
    if c.standalone or _follows_quote_paragraph(c, previous):
        return engine.history.last(c.start)
    if c.embedded:  # a phrase quoted in passing: whoever spoke in this paragraph or the last
        since = engine.para_starts[max(0, c.para - 1)]
        return engine.history.last(c.start, since=since)
    return None


def _credit_forward(kept: list[Candidate]) -> None:
    """ "“First.” “Second,” she said": an unattributed quote takes the attribution of the
    next quote in its paragraph, or of the paragraph its open quote runs on into."""
    for i in range(len(kept) - 2, -1, -1):
        c, nxt = kept[i], kept[i + 1]
        same = nxt.para == c.para or nxt.continues
        runs_on = nxt.continues and nxt.attributed and not (c.attributed or c.span.closed)
        if (c.found is None or runs_on) and nxt.found is not None and same:
            c.found = nxt.found
            c.attributed = c.attributed or runs_on


def resolve_quotes(engine: Engine, candidates: Sequence[Candidate]) -> list[Quote]:
    """The quotes in text order, each with its speaker by attribution or convention."""
    kept: list[Candidate] = []
    for c in candidates:
        found = engine.attribute(c)
        if found is not None:
            c.attributed = True
        else:
            found = _convention(engine, c, kept[-1] if kept else None)
        c.found = found
        if found is not None:
            engine.history.record(c.start, found)
        kept.append(c)
    _credit_forward(kept)
    return [
        Quote(
            text=quoted_words(c.span.text),
            speaker=c.found.name if c.found else None,
            role=c.found.role if c.found else None,
        )
        for c in kept
    ]
