"""Head postings compacted: retired stories leave the postings, the others are found as before.

Invented heads: story n's hashes are n's own plus two shared by every story (as
near-identical copies of one wire story share most of theirs).
"""

from __future__ import annotations

from bot.articles.story_postings import SEGMENT, HeadPostings


def _head(n: int) -> tuple[int, ...]:
    return (1, 2, 10_000 + n, 20_000 + n, 30_000 + n, 40_000 + n)


def _filled(stories: int) -> HeadPostings:
    postings = HeadPostings()
    for seq in range(stories):
        postings.add(seq, _head(seq))
    return postings


def test_retired_stories_leave_every_segment_and_the_others_stay_found() -> None:
    stories = 2 * SEGMENT + 300  # two sealed segments and an open one
    postings = _filled(stories)
    assert len(postings) == 6 * stories
    retired = {seq for seq in range(stories) if seq % 3}  # two thirds of each segment
    postings.compact(retired)
    kept = stories - len(retired)
    assert len(postings) == 6 * kept
    shared = postings.candidates((1, 2), 0.5, 0)
    assert sorted(shared) == [seq for seq in range(stories) if seq % 3 == 0]
    assert postings.candidates(_head(SEGMENT + 4), 0.9, 0) == [SEGMENT + 4]  # kept
    assert postings.candidates(_head(SEGMENT + 5), 0.9, 0) == []  # retired


def test_a_sealed_segment_with_few_retired_is_left_as_it_is() -> None:
    postings = _filled(SEGMENT + 10)
    few = set(range(0, SEGMENT, 8))  # an eighth of the sealed segment
    postings.compact(few)
    assert len(postings) == 6 * (SEGMENT + 10)  # not rebuilt: filtered at lookup instead
    postings.compact(few | {SEGMENT + 1})
    assert len(postings) == 6 * (SEGMENT + 9)  # the open segment is always compacted


def test_stories_added_after_a_compaction_are_found() -> None:
    postings = _filled(100)
    postings.compact(set(range(50)))
    for seq in range(100, 120):
        postings.add(seq, _head(seq))
    assert sorted(postings.candidates((1, 2), 0.5, 0)) == [*range(50, 120)]
