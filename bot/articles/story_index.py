"""The recent stories new articles are compared with, kept in memory between polls.

Comparing each new article with the last few days' stories needs their fingerprints;
reading and decoding hundreds of them from the database for every article made duplicate
detection the slowest step of a poll (quadratic in the articles of a pass). The index
loads them once and then follows along as articles are stored. Polls use it from their
worker threads (bot/offload.py), so a lock keeps its deque consistent.
"""

from __future__ import annotations

import threading
from collections import deque
from datetime import datetime, timedelta

from bot.articles.similarity import Fingerprint
from bot.store.repo import Store

__all__ = ["DUPLICATE_WINDOW", "StoryIndex"]

DUPLICATE_WINDOW = timedelta(days=3)  # the same story told later is news again
WINDOW_SIZE = 500


class StoryIndex:
    """Fingerprints of the newest stored articles, newest first."""

    def __init__(self, store: Store, window: timedelta = DUPLICATE_WINDOW) -> None:
        self.store = store
        self.window = window
        self._items: deque[tuple[datetime, int, Fingerprint]] | None = None
        self._lock = threading.Lock()
        # held from "which story is this?" to the save that records the answer, so two
        # outlets' copies read at the same moment on two threads become one story
        self.saving = threading.Lock()

    def _load(self, now: datetime) -> deque[tuple[datetime, int, Fingerprint]]:
        items: deque[tuple[datetime, int, Fingerprint]] = deque(maxlen=WINDOW_SIZE)
        for at, story_id, data in self.store.recent_fingerprints(now - self.window, WINDOW_SIZE):
            try:
                items.append((at, story_id, Fingerprint.from_json(data)))
            except ValueError:  # written by another version: skipped, not fatal
                continue
        return items

    def recent(self, now: datetime) -> list[tuple[int, Fingerprint]]:
        """(story id, fingerprint) within the window, newest first."""
        with self._lock:
            if self._items is None:
                self._items = self._load(now)
            oldest = now - self.window
            while self._items and self._items[-1][0] < oldest:
                self._items.pop()
            return [(story_id, fp) for _, story_id, fp in self._items]

    def add(self, at: datetime, story_id: int, fp: Fingerprint) -> None:
        with self._lock:
            if self._items is not None:
                self._items.appendleft((at, story_id, fp))
