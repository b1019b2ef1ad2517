"""Inverted indexes of the story index: which stories may match, without looking at each.

A linear rapidfuzz scan of 15,000 sketch heads took 5-18 ms per article, of 15,000 title
keys 1.5-5 ms (bench/similarity.py); these look up the candidate's own hashes and words
instead. Both are lossless: they may return extra stories, never miss one the exact rule
(`bot.articles.similarity.same_story`) accepts.

Stories are numbered in the order they were added (their sequence number); those below
`base` have left the window and are skipped, then pruned in bulk.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict

from bot.articles.fingerprints import Fingerprint

__all__ = ["HeadPostings", "TitlePostings"]

SEGMENT = 2_048
"""Stories per sealed segment of head postings: 8 of them hold 15,000 stories, and the
open one is a dict of at most this many stories' hashes (about 6 MB)."""

_LOW_BITS = 11  # a story's offset in its segment, below the 53-bit hash: 64 bits in all


class HeadPostings:
    """Sketch-head hash -> stories: sealed segments of sorted 8-byte integers (hash,
    story offset), 256 bytes per story, and a dict for the newest."""

    def __init__(self) -> None:
        self._sealed: list[tuple[int, array[int]]] = []  # (first sequence number, postings)
        self._open: defaultdict[int, list[int]] = defaultdict(list)
        self._open_first = 0
        self._open_count = 0

    def add(self, seq: int, head: tuple[int, ...]) -> None:
        if self._open_count == 0:
            self._open_first = seq
        for h in head:
            self._open[h].append(seq)
        self._open_count += 1
        if self._open_count >= SEGMENT or seq - self._open_first + 1 >= SEGMENT:
            self._seal()

    def _seal(self) -> None:
        first = self._open_first
        packed = sorted(
            (key << _LOW_BITS) | (seq - first) for key, seqs in self._open.items() for seq in seqs
        )
        self._sealed.append((first, array("Q", packed)))
        self._open = defaultdict(list)
        self._open_count = 0

    def __len__(self) -> int:
        """Postings held: what a lookup may have to count."""
        return sum(map(len, self._open.values())) + sum(len(p) for _, p in self._sealed)

    def prune(self, base: int) -> None:
        """Forget the segments whose stories have all left the window."""
        self._sealed = [(first, p) for first, p in self._sealed if first + SEGMENT > base]

    def compact(self, retired: set[int]) -> None:
        """Drop the postings of stories no longer compared (`retired`): the open segment's
        always, a sealed segment's once a quarter of its stories are retired (rebuilding
        one is a pass over its ~65,000 postings). Counting a retired story's postings on
        every lookup made a lookup linear in the copies of a much-carried story."""
        for h in list(self._open):
            kept = [seq for seq in self._open[h] if seq not in retired]
            if kept:
                self._open[h] = kept
            else:
                del self._open[h]
        sealed = []
        for first, postings in self._sealed:
            gone = {off for off in range(SEGMENT) if first + off in retired}
            if len(gone) * 4 >= SEGMENT:
                postings = array("Q", (p for p in postings if (p & (SEGMENT - 1)) not in gone))
            sealed.append((first, postings))
        self._sealed = sealed

    def candidates(self, head: tuple[int, ...], cutoff: float, base: int) -> list[int]:
        """Stories sharing enough head hashes for a Dice overlap of `cutoff`.

        The overlap of heads of lengths a and b is 2c / (a + b) for c common hashes, so
        c >= cutoff * (a + 1) / 2 whatever b (at least 1): stories below that cannot pass.
        """
        hits: Counter[int] = Counter()
        for h in head:
            hits.update(self._open.get(h, ()))
            low, high = h << _LOW_BITS, (h + 1) << _LOW_BITS
            for first, postings in self._sealed:
                i = bisect_left(postings, low)
                while i < len(postings) and postings[i] < high:
                    hits[first + (postings[i] & (SEGMENT - 1))] += 1
                    i += 1
        needed = max(1, math.ceil(cutoff * (len(head) + 1) / 2 - 1e-9))
        return [seq for seq, count in hits.items() if count >= needed and seq >= base]


class TitlePostings:
    """Title words -> stories with an informative title, one posting per story.

    The title guard (`bot.articles.titles._titles_compatible`) lets two titles match only
    if each one's capitalised words and numbers are among the other's content words, and
    each differing content word has a variant with the same first three letters on the
    other side. So a story is filed under a pair: its longest fixed word (or without one
    the first three letters of its longest content word) and the first three letters of
    its longest other content word; a candidate title looks up every such pair its own
    content words can form. A pair is selective where a single common word is not.
    """

    def __init__(self) -> None:
        self._postings: defaultdict[tuple[str, str], list[int]] = defaultdict(list)

    def add(self, seq: int, fp: Fingerprint) -> None:
        if fp.informative:
            self._postings[_filed_under(fp)].append(seq)

    def prune(self, base: int, retired: frozenset[int] | set[int] = frozenset()) -> None:
        """Forget the stories that left the window (below `base`) or are `retired`."""
        for pair in list(self._postings):
            kept = [seq for seq in self._postings[pair] if seq >= base and seq not in retired]
            if kept:
                self._postings[pair] = kept
            else:
                del self._postings[pair]

    def candidates(self, fp: Fingerprint, base: int) -> set[int]:
        found: set[int] = set()
        prefixes = {w[:3] for w in fp.content}
        firsts = fp.content | {_PREFIX + p for p in prefixes}
        for first in firsts:
            for second in prefixes:
                found.update(self._postings.get((first, second), ()))
        return {seq for seq in found if seq >= base}


_PREFIX = "\0"  # marks a first element that is a prefix, not a fixed word


def _filed_under(fp: Fingerprint) -> tuple[str, str]:
    words = sorted(fp.content, key=lambda w: (-len(w), w))
    if fp.fixed:
        first = min(fp.fixed, key=lambda w: (-len(w), w))
        other = next(w for w in words if w != first)
        return first, other[:3]
    return _PREFIX + words[0][:3], words[1][:3]
