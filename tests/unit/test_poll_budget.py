"""The scheduler's backpressure: polls queued only while the analyse jobs they will add fit.

Simulated ticks against invented feeds: each poll queued is finished by the next tick
and finds `per_feed` new entries, each an analyse job, of which the workers run `drain`
a tick. Whatever the feeds' size, the analyse queue stays near its bound, and every feed
is still polled in the end.
"""

from __future__ import annotations

import pytest

from bot.engine.backlog import FIRST_GUESS, MAX_WAITING_POLLS, PollBudget, max_waiting_analyse


def _simulate(per_feed: int, feeds: int, drain: int, ticks: int = 5000) -> tuple[int, int, int]:
    """(most analyse jobs ever waiting, feeds polled, ticks taken)."""
    budget = PollBudget(max_analyse=500)
    waiting_analyse, newest, polled, peak = 0, 0, 0, 0
    waiting_polls = 0
    for tick in range(ticks):
        # last tick's polls ran: each found its entries
        waiting_analyse += waiting_polls * per_feed
        newest += waiting_polls * per_feed
        polled += waiting_polls
        waiting_polls = 0
        peak = max(peak, waiting_analyse)
        waiting_analyse = max(waiting_analyse - drain, 0)
        if polled >= feeds and waiting_analyse == 0:
            return peak, polled, tick
        budget.observe(waiting_polls, newest)
        room = min(budget.room(waiting_polls, waiting_analyse), feeds - polled)
        budget.queued(room)
        waiting_polls = room
    return peak, polled, ticks


@pytest.mark.parametrize("per_feed", [1, 3, 20, 60, 200])
def test_the_analyse_queue_stays_near_its_bound_whatever_a_feed_holds(per_feed: int) -> None:
    peak, polled, ticks = _simulate(per_feed, feeds=2000, drain=200)
    assert polled == 2000
    assert ticks < 5000
    # the first tick's polls may find more than guessed, before any poll is seen
    assert peak <= max(500 + per_feed, 500 // FIRST_GUESS * per_feed)
    assert peak >= min(500, 2000 * per_feed) - 200 - per_feed  # and the queue is kept fed


def test_feeds_of_one_entry_are_learned_and_polled_by_the_hundred() -> None:
    budget = PollBudget(max_analyse=500)
    budget.observe(0, 0)
    assert budget.room(0, 0) == 500 // int(FIRST_GUESS)  # a cold start's guess: a full feed
    budget.queued(10)
    newest = 0
    for _ in range(30):  # each tick: the polls ran and found one entry each, all analysed
        newest += 10
        budget.observe(0, newest)
        budget.queued(10)
    assert budget.per_poll == pytest.approx(1.0, abs=0.01)
    assert budget.room(0, 0) == MAX_WAITING_POLLS  # the polls' own bound now


def test_no_poll_is_queued_while_the_analyse_queue_is_full() -> None:
    budget = PollBudget(max_analyse=500, per_poll=1.0)
    assert budget.room(waiting_polls=0, waiting_analyse=500) == 0
    assert budget.room(waiting_polls=0, waiting_analyse=900) == 0
    assert budget.room(waiting_polls=100, waiting_analyse=350) == 50  # waiting polls count
    assert budget.room(waiting_polls=MAX_WAITING_POLLS, waiting_analyse=0) == 0


def test_quiet_polls_count_as_one_entry_each_so_a_burst_stays_bound() -> None:
    budget = PollBudget(max_analyse=500, per_poll=0.0)  # polls lately found nothing
    assert budget.room(waiting_polls=0, waiting_analyse=300) == 200


def test_more_entries_are_believed_at_once_fewer_only_over_a_few_polls() -> None:
    budget = PollBudget(max_analyse=500)
    budget.observe(10, 0)
    budget.observe(8, 10)  # 2 polls finished, 5 entries each: too few to lower it
    assert budget.per_poll == FIRST_GUESS
    budget.observe(0, 10 + 8 * 5)  # 8 finished, 5 entries each
    assert budget.per_poll == pytest.approx(FIRST_GUESS + 0.3 * (5 - FIRST_GUESS))
    budget.queued(1)
    budget.observe(0, 50 + 180)  # one poll, 180 entries: believed at once
    assert budget.per_poll == 180
    assert budget.room(0, 0) == 2


def test_the_bound_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOVAI_MAX_WAITING_ANALYSE", "2000")
    assert max_waiting_analyse() == 2000 and PollBudget().max_analyse == 2000
    monkeypatch.setenv("SOVAI_MAX_WAITING_ANALYSE", "lots")
    assert max_waiting_analyse() == 500
    monkeypatch.setenv("SOVAI_MAX_WAITING_ANALYSE", "0")
    assert max_waiting_analyse() == 1
