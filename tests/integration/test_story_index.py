"""The story index against a real store: bounded by time and by a count, not by 500 stories.

Every test runs once per backend (tests/integration/conftest.py). Texts are invented: a
seeded generator of nonsense words, so two generated stories share no 5-word run and no
headline, while a syndicated copy (new first paragraph, same body) shares most of both.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.articles.similarity import Fingerprint, find_story, fingerprint
from bot.articles.story_index import (
    COMPACT_EVERY,
    DUPLICATE_WINDOW,
    MAX_PER_STORY,
    StoryIndex,
)
from bot.models import Analysis, Article, Entry
from bot.settings import FeedConfig
from bot.store.repo import Store

T0 = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
NO_ANALYSIS = Analysis(relevant=False, relevance=0.0)


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def words(self, n: int) -> str:
        letters = "abcdefghijklmnopqrstuvwxyz"
        return " ".join(
            "".join(self.rng.choices(letters, k=self.rng.randint(3, 9))) for _ in range(n)
        )

    def story(self) -> tuple[str, list[str]]:
        title = self.words(7).title()
        return title, [self.words(30) + "." for _ in range(5)]


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def syndicated(writer: Writer, paragraphs: list[str]) -> Fingerprint:
    """Another outlet's copy: its own headline and first paragraph, the same body."""
    return fingerprint(writer.words(6).title(), text([writer.words(30) + ".", *paragraphs[1:]]))


def generated(count: int, seed: int = 7) -> tuple[Writer, list[tuple[str, list[str]]]]:
    writer = Writer(seed)
    return writer, [writer.story() for _ in range(count)]


def loaded(store: Store, now: datetime, **kwargs: int) -> StoryIndex:
    index = StoryIndex(store, **kwargs)  # type: ignore[arg-type]
    index.recent(now)  # the first use loads it from the store
    return index


def save_all(
    store: Store, stories: list[tuple[str, list[str]]], at: list[datetime], first: int = 0
) -> list[int]:
    """The stories saved as articles with their fingerprints, as polling stores them
    (entries numbered from `first`)."""
    store.sync_feeds([FeedConfig(url="https://wire.example/rss")], T0)
    feed_id = store.feeds()[0].id
    entries = [
        Entry(key=f"k{i}", url=f"https://wire.example/{i}", title=None)
        for i in range(first, first + len(stories))
    ]
    new = store.add_entries(feed_id, entries, T0)
    ids = []
    for row, (title, paragraphs), when in zip(new, stories, at, strict=True):
        body = text(paragraphs)
        article = Article(
            url=row.entry.url or "",
            canonical_url=row.entry.url or "",
            title=title,
            text=body,
        )
        fp = dict(fingerprint(title, body).to_json())
        ids.append(store.save_article(row.id, article, NO_ANALYSIS, "v", when, fingerprint=fp).id)
    return ids


def test_a_copy_of_a_story_600_stories_back_is_found(store: Store) -> None:
    writer, stories = generated(600)
    index = loaded(store, T0)
    for i, (title, paragraphs) in enumerate(stories):  # 600 stories over 50 hours
        index.add(T0 + i * timedelta(minutes=5), 1_000 + i, fingerprint(title, text(paragraphs)))
    now = T0 + timedelta(hours=51)
    assert find_story(syndicated(writer, stories[0][1]), index.recent(now)) == 1_000
    assert find_story(fingerprint(f"{stories[3][0]} - Daily", "New words."), index) == 1_003
    assert find_story(fingerprint(*writer.story()[:1], "Unrelated."), index) is None
    assert len(index) == 600


def test_stories_older_than_the_window_are_dropped(store: Store) -> None:
    writer, stories = generated(3)
    index = loaded(store, T0)
    for i, (title, paragraphs) in enumerate(stories):
        index.add(T0 + i * timedelta(hours=1), 10 + i, fingerprint(title, text(paragraphs)))
    late = T0 + DUPLICATE_WINDOW + timedelta(minutes=30)  # story 10 is past, 11 and 12 not
    assert find_story(syndicated(writer, stories[0][1]), index.recent(late)) is None
    assert find_story(syndicated(writer, stories[1][1]), index) == 11
    assert len(index) == 2


def test_the_count_cap_holds_and_is_logged_once(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    writer, stories = generated(120)
    index = loaded(store, T0, max_stories=50)
    with caplog.at_level(logging.WARNING, logger="bot.articles.story_index"):
        for i, (title, paragraphs) in enumerate(stories):
            index.add(T0 + i * timedelta(minutes=1), i, fingerprint(title, text(paragraphs)))
            assert len(index) == min(i + 1, 50)
    now = T0 + timedelta(hours=3)
    assert find_story(syndicated(writer, stories[69][1]), index.recent(now)) is None
    assert find_story(syndicated(writer, stories[70][1]), index) == 70
    assert find_story(syndicated(writer, stories[119][1]), index) == 119
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "50 stories cover only the last 0.8 hours of the 3.0-day" in warnings[0]


def test_a_restarted_index_is_rebuilt_from_the_store(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    writer, stories = generated(30)
    at = [T0 + i * timedelta(hours=3) for i in range(30)]  # 87 hours: the first 6 too old at 87 h
    ids = save_all(store, stories, at)
    now = at[-1] + timedelta(minutes=1)
    index = StoryIndex(store)  # a new process: nothing in memory until the first use
    index.add(now, 999, fingerprint(*writer.story()[:1], "Not in the store."))  # ignored
    assert find_story(syndicated(writer, stories[5][1]), index.recent(now)) is None
    assert find_story(syndicated(writer, stories[6][1]), index) == ids[6]
    assert find_story(syndicated(writer, stories[29][1]), index) == ids[29]
    assert len(index) == 24
    with caplog.at_level(logging.WARNING, logger="bot.articles.story_index"):
        capped = loaded(store, now, max_stories=10)  # the newest 10 of the store
    assert len(capped) == 10
    assert find_story(syndicated(writer, stories[19][1]), capped) is None
    assert find_story(syndicated(writer, stories[20][1]), capped) == ids[20]
    assert any(
        "10 stories cover only the last 27.0 hours" in r.getMessage() for r in caplog.records
    )


def test_the_index_and_a_list_scan_find_the_same_stories(store: Store) -> None:
    writer, stories = generated(200, seed=11)
    index = loaded(store, T0)
    recent: list[tuple[int, Fingerprint]] = []
    for i, (title, paragraphs) in enumerate(stories):
        fp = fingerprint(title, text(paragraphs))
        index.add(T0 + i * timedelta(minutes=1), 500 + i % 150, fp)  # some stories repeat
        recent.insert(0, (500 + i % 150, fp))
    candidates = [syndicated(writer, p) for _, p in stories[::7]]
    candidates += [fingerprint(f"{t} | Wire", "Rewritten.") for t, _ in stories[3::9]]
    candidates += [fingerprint(*writer.story()[:1], text(writer.story()[1])) for _ in range(20)]
    now = T0 + timedelta(hours=4)
    found = [find_story(c, index.recent(now)) for c in candidates]
    assert found == [find_story(c, recent) for c in candidates]
    assert sum(f is not None for f in found) == len(stories[::7]) + len(stories[3::9])


def test_a_story_another_worker_stored_is_found_and_its_own_are_not_added_twice(
    store: Store,
) -> None:
    """Two workers, each with its own index, on one database: a copy read by the second
    joins the story the first stored a moment before; each counts its own article once."""
    writer, stories = generated(3)
    first, second = loaded(store, T0), loaded(store, T0)
    ids = save_all(store, stories[:1], [T0])  # the first worker stores story 0 ...
    fp = fingerprint(stories[0][0], text(stories[0][1]))
    first.add(T0, ids[0], fp, ids[0])  # ... and indexes it as read_entries does
    later = T0 + timedelta(minutes=2)
    assert find_story(syndicated(writer, stories[0][1]), second.recent(later)) == ids[0]
    assert find_story(syndicated(writer, stories[0][1]), first.recent(later)) == ids[0]
    assert (len(first), len(second)) == (1, 1)  # its own article came back and was skipped
    more = save_all(store, stories[1:], [later, later], first=1)  # by a third process
    assert find_story(syndicated(writer, stories[2][1]), first.recent(later)) == more[1]
    assert (len(first), len(second.recent(later))) == (3, 3)


def test_a_story_carried_by_many_feeds_is_compared_through_its_newest_copies(
    store: Store,
) -> None:
    """40 outlets' copies of one wire story: a 41st is checked against 5 of them, the
    newest, and still joins the story; the other stories are untouched; once the old
    copies leave the window the story is still found through the ones left."""
    writer, stories = generated(6, seed=5)
    index = loaded(store, T0)
    wire = stories[0][1]
    for i in range(40):
        index.add(T0 + i * timedelta(minutes=30), 77, syndicated(writer, wire))
    for i, (title, paragraphs) in enumerate(stories[1:]):
        index.add(
            T0 + timedelta(hours=20, minutes=i), 100 + i, fingerprint(title, text(paragraphs))
        )
    now = T0 + timedelta(hours=21)
    copy = syndicated(writer, wire)
    seqs = [c[0] for c in index.recent(now).text_candidates(copy, 0.1)]
    assert len(seqs) == MAX_PER_STORY
    assert sorted(seqs) == list(range(35, 40))  # the newest five copies
    assert find_story(copy, index) == 77
    assert find_story(syndicated(writer, stories[3][1]), index) == 102
    # 3 days after the 36th copy: the last 4 copies are left, and compared
    late = T0 + timedelta(minutes=30 * 36) + DUPLICATE_WINDOW
    assert find_story(syndicated(writer, wire), index.recent(late)) == 77
    assert [c[0] for c in index.text_candidates(copy, 0.1)] == [36, 37, 38, 39]
    assert len(index) == 4 + 5


def test_the_postings_of_a_much_carried_story_stay_bounded(store: Store) -> None:
    """2,000 copies of one story: a lookup counts the postings of a few hundred at most."""
    writer, stories = generated(2, seed=9)
    index = loaded(store, T0)
    wire = stories[0][1]
    for i in range(2_000):
        index.add(T0 + i * timedelta(seconds=30), 5, syndicated(writer, wire))
    head = len(syndicated(writer, wire).head)
    assert len(index._heads) <= (MAX_PER_STORY + COMPACT_EVERY) * head
    now = T0 + timedelta(days=1)
    assert find_story(syndicated(writer, wire), index.recent(now)) == 5
    assert find_story(fingerprint(stories[1][0], text(stories[1][1])), index) is None
