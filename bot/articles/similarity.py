"""Near-duplicate detection across outlets, so that one story reported by several is one story.

Two signals, either of which suffices (see `same_story`):

* **Text.** Syndicated copies of a wire story share most of their wording but get their
  own headline, dateline, first or last paragraph and a few edits. The text is cut into
  word 5-shingles and their Jaccard similarity is estimated from a bottom-k sketch: the
  `SKETCH_SIZE` smallest 53-bit BLAKE2b hashes of the shingle set. That is a MinHash
  variant (one hash function, k minima) with a fixed-size, JSON-friendly signature; it is
  exact while a text has at most `SKETCH_SIZE` distinct shingles (about 130 words).
* **Title.** Outlets that rewrite a wire story in their own words keep its headline, give
  or take case, punctuation, word order, small words and a " - Outlet Name" suffix. Titles
  are compared with rapidfuzz, and a guard keeps "Japan plans AI supercomputer" away from
  "India plans AI supercomputer": any differing number, capitalised word or content word
  that is not a mere spelling variant blocks a title-only match.

Why not datasketch: `datasketch.MinHash` needs numpy and scipy (about 160 MB installed and
0.4 s to import) for no gain here; measured with 128 permutations it fingerprints a
2,000-character text in 0.3 ms and compares against 500 others in 0.15-0.4 ms, the same
order as this module (bench/similarity.py). rapidfuzz (C++, typed, no dependencies) does the
prefilters in `find_story`: title ratios and sketch-head overlaps for all recent stories
in one call each, so only the few candidates left are checked in Python.

Pure code: no I/O, no clock, no randomness (hashes are keyed by nothing but the text, so a
fingerprint stored today compares with one computed next year while `VERSION` is unchanged).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol, runtime_checkable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from bot.articles.fingerprints import (
    HEAD_SIZE,
    SKETCH_SIZE,
    VERSION,
    Fingerprint,
    FingerprintJSON,
    fingerprint,
)
from bot.articles.shingles import MIN_SHINGLES, SHINGLE_WORDS, text_similarity
from bot.articles.titles import _titles_compatible, clean_title

__all__ = [
    "HEAD_SIZE",
    "MIN_SHINGLES",
    "SHINGLE_WORDS",
    "SKETCH_SIZE",
    "TEXT_THRESHOLD",
    "TITLE_THRESHOLD",
    "VERSION",
    "Candidate",
    "Fingerprint",
    "FingerprintJSON",
    "StoryWindow",
    "clean_title",
    "find_story",
    "fingerprint",
    "same_story",
    "text_similarity",
    "title_similarity",
]

HEAD_CUTOFF = 0.25
"""First pass: Dice overlap of the two heads. For a pair at the text threshold it is
expected to be 0.4-0.57 with a standard error under 0.09, so 0.25 loses (almost) nothing,
while unrelated texts score 0 and `find_story` drops them without any Python work."""

TEXT_THRESHOLD = 0.4
"""Estimated Jaccard of word 5-shingles at or above which two texts are one story.

For two texts of equal length sharing a fraction s of their wording, Jaccard is
s / (2 - s): 0.4 means that about 57 % of each text is the same 5-word runs. Lower than
the textbook 0.6 on purpose. A 2,000-character wire story of nine short paragraphs
republished with its own first and last paragraph and three edited words (bench/
similarity.py) has a median Jaccard of 0.57 with the original; 5 % of such copies are
under 0.45 and 1 % under 0.40, so a threshold of 0.6 finds 30 % of them, 0.5 finds 84 %
and 0.4 finds 99 %. A new lede plus the last two paragraphs cut, as syndicators do to fit,
is as far off. Different stories stay far below: two reports on the same topic from the
same country, or from two countries with the same template, share under 1 % of their
shingles (tests/unit/test_similarity.py), since a shingle is five words in a row.
What can cross 0.4 is an extraction gone wrong, such as the same cookie banner or a long
boilerplate block around a short text; that is for the extractor to prevent."""

TITLE_THRESHOLD = 85.0
"""rapidfuzz `fuzz.ratio` (0-100) between the sorted content words of two titles.

Sorting makes word order irrelevant ("AI supercomputer planned by Japan"); dropping small
words makes "Japan to build a national AI supercomputer" and "Japan builds national AI
supercomputer" differ only in "build/builds" (98.7). 85 leaves room for a spelling variant
or two in a 5-8 word headline. It cannot tell a variant from a different word, though
("Japan/India plans AI supercomputer" scores 86, "EU bans/bars imports of AI chips" 96):
it is the fast filter, and the guard in `_titles_compatible` decides."""


_Rank = tuple[int, float, int, int]
"""How good a match is: (2 for text, 1 for title only; similarity; recency), and the story."""


def title_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """rapidfuzz ratio (0-100) of the titles' sorted content words; 0.0 for generic titles."""
    if not (a.informative and b.informative):
        return 0.0
    return fuzz.ratio(a.key, b.key)


def _texts_match(a: Fingerprint, b: Fingerprint) -> bool:
    # The head pass is part of the rule (not only of find_story's scan) so that
    # find_story and same_story always agree.
    if a.shingles < MIN_SHINGLES or b.shingles < MIN_SHINGLES:
        return False
    if Indel.normalized_similarity(a.head, b.head, score_cutoff=HEAD_CUTOFF) == 0.0:
        return False
    return text_similarity(a, b) >= TEXT_THRESHOLD


def _titles_match(a: Fingerprint, b: Fingerprint) -> bool:
    return title_similarity(a, b) >= TITLE_THRESHOLD and _titles_compatible(a, b)


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two articles report the same story: near-duplicate texts or titles.

    Texts: estimated Jaccard of word 5-shingles ≥ `TEXT_THRESHOLD` (both texts at least
    `MIN_SHINGLES` long). Titles: rapidfuzz ratio of sorted content words ≥
    `TITLE_THRESHOLD`, both titles informative, and no differing name, number or content
    word (see `_titles_compatible`). Symmetric.
    """
    return _texts_match(a, b) or _titles_match(a, b)


class Candidate(NamedTuple):
    """A recent story a prefilter let through; the higher `recency`, the newer."""

    recency: int
    story_id: int
    fp: Fingerprint


@runtime_checkable
class StoryWindow(Protocol):
    """Recent stories that answer `find_story`'s two prefilters themselves, without a
    scan in Python (bot/articles/story_index.py). Either may return extra candidates:
    the exact rule is applied to each."""

    def text_candidates(self, fp: Fingerprint, cutoff: float) -> list[Candidate]:
        """Stories whose heads may overlap `fp`'s by `cutoff` (Dice)."""
        ...

    def title_candidates(self, fp: Fingerprint, cutoff: float) -> list[tuple[Candidate, float]]:
        """Stories whose title keys score at least `cutoff` against `fp`'s, and the score."""
        ...


class _Scan:
    """A list of (story id, fingerprint), newest first, as a `StoryWindow`: one rapidfuzz
    scan per prefilter."""

    def __init__(self, recent: Sequence[tuple[int, Fingerprint]]) -> None:
        self.recent = recent

    def text_candidates(self, fp: Fingerprint, cutoff: float) -> list[Candidate]:
        heads = [other.head for _, other in self.recent]
        hits = process.extract(
            fp.head, heads, scorer=Indel.normalized_similarity, score_cutoff=cutoff, limit=None
        )
        return [self._candidate(p) for _, _, p in hits]

    def title_candidates(self, fp: Fingerprint, cutoff: float) -> list[tuple[Candidate, float]]:
        keys = [other.key if other.informative else "" for _, other in self.recent]
        hits = process.extract(fp.key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        return [(self._candidate(p), score) for _, score, p in hits]

    def _candidate(self, position: int) -> Candidate:
        story_id, fp = self.recent[position]
        return Candidate(-position, story_id, fp)


def find_story(
    candidate: Fingerprint, recent: Sequence[tuple[int, Fingerprint]] | StoryWindow
) -> int | None:
    """The id of the recent story the candidate belongs to, or None.

    `recent` is a list of (story id, fingerprint), newest first, or a `StoryWindow` such
    as the story index. Returns the best of the ids whose fingerprint satisfies
    `same_story` with the candidate: a text match beats a title-only match (shared
    wording is the stronger evidence; headlines get rewritten, and two outlets can write
    the same headline about two events), then the higher similarity, then the newer.

    Cost: two rapidfuzz prefilters (sketch heads, title keys), then exact checks for the
    few stories that pass them: a median of about 0.3 ms whether the window is a list of
    500 or the story index holding 15,000 (bench/similarity.py).
    """
    window = recent if isinstance(recent, StoryWindow) else _Scan(recent)
    text_ranks = _text_ranks(candidate, window)
    matched = {rank[2] for rank in text_ranks}
    ranks = text_ranks + _title_ranks(candidate, window, matched)
    return max(ranks)[3] if ranks else None


def _text_ranks(candidate: Fingerprint, window: StoryWindow) -> list[_Rank]:
    """The text matches: the heads' prefilter, then the exact rule."""
    if candidate.shingles < MIN_SHINGLES:
        return []
    ranks: list[_Rank] = []
    for recency, story_id, fp in window.text_candidates(candidate, HEAD_CUTOFF):
        if _texts_match(candidate, fp):
            ranks.append((2, text_similarity(candidate, fp), recency, story_id))
    return ranks


def _title_ranks(candidate: Fingerprint, window: StoryWindow, matched: set[int]) -> list[_Rank]:
    """The title-only matches among the stories not `matched` by text: the title keys'
    prefilter, then the guard."""
    if not candidate.informative:
        return []
    ranks: list[_Rank] = []
    for (recency, story_id, fp), ratio in window.title_candidates(candidate, TITLE_THRESHOLD):
        if recency in matched or not fp.informative:
            continue
        if _titles_compatible(candidate, fp):
            ranks.append((1, ratio / 100.0, recency, story_id))
    return ranks
