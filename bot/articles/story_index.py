"""The recent stories new articles are compared with, kept in memory between polls.

Comparing each new article with the last few days' stories needs their fingerprints;
reading and decoding them from the database for every article made duplicate detection
the slowest step of a poll (quadratic in the articles of a pass). The index loads them
once (on first use, so a restarted bot rebuilds it from the database) and then follows
along as articles are stored.

It is bounded by time, `DUPLICATE_WINDOW`, and not by a count: the newest 500 stories
were about 11 hours at 1,100 articles a day. `MAX_STORIES` is the memory bound a flood
cannot get past; when it cuts the window short, that is logged once. An entry is compact
(the sketch as 8-byte integers in `bytes`, about 1.7 kB with its postings, so 20,000 are
about 35 MB) and a `Fingerprint` is only rebuilt for the few candidates the inverted
indexes of bot/articles/story_postings.py let through: a scan of 15,000 stories, even in
rapidfuzz's C, cost 7-29 ms per article (bench/similarity.py). Polls use the index from
their worker threads (bot/offload.py), so a lock keeps it consistent.

Other processes store articles too (several workers on one database): before each lookup
the index reads the fingerprints of the articles stored since it last looked (by id, an
indexed range that is empty most of the time), so a copy of a story another worker has
just stored joins that story. Its own articles it has already added are skipped. An
article committed after a later-numbered one was read is not seen: a missed match (a
second story), never a lost article.
"""

from __future__ import annotations

import logging
import threading
from array import array
from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz, process

from bot.articles.similarity import Candidate, Fingerprint
from bot.articles.story_postings import HeadPostings, TitlePostings
from bot.store.repo import Store

__all__ = ["DUPLICATE_WINDOW", "MAX_STORIES", "StoryIndex"]

_log = logging.getLogger(__name__)

DUPLICATE_WINDOW = timedelta(days=3)  # the same story told later is news again
MAX_STORIES = 20_000
"""Entries kept at most: 3 days at 5,000 articles a day fit with a third to spare."""
MAX_PER_STORY = 5
"""A story's newest copies that new articles are compared with: a wire story carried by
300 feeds is 5 candidates, not 300 (each rebuilt and checked; measured: a worker's time
per article tripled over 3,800 copies of 84 stories). The older copies stay in the index,
skipped, until they leave the window; the story is still found through its newest."""
COMPACT_EVERY = 512
"""Retired copies after which the postings are compacted (bot/articles/story_postings.py)."""


@dataclass(frozen=True, slots=True)
class _Entry:
    at: datetime
    story_id: int
    title: str
    key: str  # Fingerprint.key: compared before a Fingerprint is rebuilt
    shingles: int
    sketch: bytes  # array("Q")

    def fingerprint(self) -> Fingerprint:
        return Fingerprint(self.title, self.shingles, tuple(array("Q", self.sketch)))

    @classmethod
    def of(cls, at: datetime, story_id: int, fp: Fingerprint) -> _Entry:
        sketch = array("Q", fp.sketch).tobytes()
        return cls(at, story_id, fp.title, fp.key, fp.shingles, sketch)


class StoryIndex:
    """Fingerprints of the stored articles of the last `window`, oldest first."""

    def __init__(
        self, store: Store, window: timedelta = DUPLICATE_WINDOW, max_stories: int = MAX_STORIES
    ) -> None:
        self.store = store
        self.window = window
        self.max_stories = max_stories
        self._entries: list[_Entry] = []  # oldest first; position p is sequence _base + p
        self._heads = HeadPostings()
        self._titles = TitlePostings()
        self._base = 0
        self._pruned = 0
        self._loaded = False
        self._warned = False
        self._last_id = 0  # the newest article id looked at in the store
        self._own: set[int] = set()  # added here, not yet passed by the store's ids
        # story id -> the seqs of its entries still compared (a list: a deque is 10x larger)
        self._members: dict[int, list[int]] = {}
        self._retired: set[int] = set()  # older copies of a story, no longer compared
        self._uncompacted = 0  # copies retired since the postings were last compacted
        self._lock = threading.Lock()
        # held from "which story is this?" to the save that records the answer, so two
        # outlets' copies read at the same moment on two threads become one story
        self.saving = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def recent(self, now: datetime) -> StoryIndex:
        """The index itself, loaded and without the stories older than the window: what
        `find_story` looks in (it calls `text_candidates` and `title_candidates`)."""
        with self._lock:
            if not self._loaded:
                self._load(now)
            else:
                self._catch_up()
            oldest = now - self.window
            expired = 0
            while expired < len(self._entries) and self._entries[expired].at < oldest:
                expired += 1
            self._drop(expired)
        return self

    def add(
        self, at: datetime, story_id: int, fp: Fingerprint, article_id: int | None = None
    ) -> None:
        """An article this process stored: indexed at once, and skipped when it comes back
        from the store's newer articles."""
        with self._lock:
            if self._loaded:
                self._append(_Entry.of(at, story_id, fp), fp)
                if article_id is not None and article_id > self._last_id:
                    self._own.add(article_id)

    def text_candidates(self, fp: Fingerprint, cutoff: float) -> list[Candidate]:
        """The stories whose heads may overlap `fp`'s by `cutoff` (a superset)."""
        with self._lock:
            seqs = self._heads.candidates(fp.head, cutoff, self._base)
            return [self._candidate(seq) for seq in seqs if seq not in self._retired]

    def title_candidates(self, fp: Fingerprint, cutoff: float) -> list[tuple[Candidate, float]]:
        """The stories whose title keys score at least `cutoff` against `fp`'s."""
        with self._lock:
            seqs = [s for s in self._titles.candidates(fp, self._base) if s not in self._retired]
            keys = [self._entries[seq - self._base].key for seq in seqs]
            hits = process.extract(fp.key, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
            return [(self._candidate(seqs[i]), score) for _, score, i in hits]

    def _candidate(self, seq: int) -> Candidate:
        entry = self._entries[seq - self._base]
        return Candidate(seq, entry.story_id, entry.fingerprint())

    def _load(self, now: datetime) -> None:
        self._last_id = self.store.last_article_id()  # before: a later one is caught up
        rows = self.store.recent_fingerprints(now - self.window, self.max_stories)
        loaded: list[tuple[_Entry, Fingerprint]] = []
        for at, story_id, data in rows:  # newest first
            try:
                fp = Fingerprint.from_json(data)
            except ValueError:  # written by another version: skipped, not fatal
                continue
            loaded.append((_Entry.of(at, story_id, fp), fp))
        for entry, fp in reversed(loaded):
            self._append(entry, fp)
        self._loaded = True
        if len(loaded) >= self.max_stories:
            self._cut_short(now)

    def _catch_up(self) -> None:
        for article_id, at, story_id, data in self.store.fingerprints_after(
            self._last_id, self.max_stories
        ):
            self._last_id = max(self._last_id, article_id)
            if article_id in self._own:
                self._own.discard(article_id)
                continue
            try:
                fp = Fingerprint.from_json(data)
            except ValueError:
                continue
            self._append(_Entry.of(at, story_id, fp), fp)

    def _append(self, entry: _Entry, fp: Fingerprint) -> None:
        seq = self._base + len(self._entries)
        self._entries.append(entry)
        self._heads.add(seq, fp.head)
        self._titles.add(seq, fp)
        members = self._members.setdefault(entry.story_id, [])
        members.append(seq)
        if len(members) > MAX_PER_STORY:
            self._retired.add(members.pop(0))
            self._uncompacted += 1
            if self._uncompacted >= COMPACT_EVERY:
                self._heads.compact(self._retired)
                self._titles.prune(self._base, self._retired)
                self._uncompacted = 0
        if len(self._entries) > self.max_stories:
            self._drop(len(self._entries) - self.max_stories)
            self._cut_short(entry.at)

    def _drop(self, count: int) -> None:
        if count <= 0:
            return
        for seq, entry in enumerate(self._entries[:count], self._base):
            if seq in self._retired:
                self._retired.discard(seq)
                continue
            members = self._members.get(entry.story_id)
            if members and members[0] == seq:  # expiry goes in order: its oldest
                members.pop(0)
                if not members:
                    del self._members[entry.story_id]
        del self._entries[:count]
        self._base += count
        if self._base - self._pruned >= min(1_000, self.max_stories):  # in bulk: cheaper
            self._heads.prune(self._base)
            self._titles.prune(self._base, self._retired)
            self._pruned = self._base

    def _cut_short(self, now: datetime) -> None:
        if self._warned or not self._entries:
            return
        self._warned = True
        covered = now - self._entries[0].at
        _log.warning(
            "story index full: %d stories cover only the last %.1f hours of the %.1f-day "
            "duplicate window; older stories are no longer matched (raise MAX_STORIES if "
            "memory allows)",
            len(self._entries),
            covered.total_seconds() / 3600,
            self.window.total_seconds() / 86400,
        )
