"""The job kinds' table: one row per kind, read by the queueing side and the tasks alike."""

from __future__ import annotations

import pytest

from bot.engine import defer
from bot.engine.defer import (
    ALERT,
    ANALYSE_ENTRY,
    DIGEST_NOW,
    POLL_FEED,
    QUEUES,
    SLOT,
    analyse_args,
    host_lock,
)
from bot.engine.tasks import RETRY, blueprint

KINDS = (POLL_FEED, ANALYSE_ENTRY, SLOT, DIGEST_NOW, ALERT)


def test_every_kind_is_a_task_of_the_same_name_and_queue_retried() -> None:
    tasks = blueprint.tasks
    assert sorted(tasks) == sorted(k.task for k in KINDS)
    for kind in KINDS:
        task = tasks[kind.task]
        assert task.queue == kind.queue and kind.queue in QUEUES
        assert task.retry_strategy is RETRY
        assert kind.name == f"sovai:{kind.task}"


def test_a_jobs_keys_come_from_its_arguments_so_the_same_job_gets_the_same_keys() -> None:
    slot = {"subscription_id": 7, "slot": "2026-12-02T08:00:00+00:00"}
    assert SLOT.options(slot) == {
        "queueing_lock": "slot:7:2026-12-02T08:00:00+00:00",
        "lock": "channel:7",
    }
    now = {"subscription_id": 7, "now": "2026-12-02T09:12:00+00:00"}
    assert DIGEST_NOW.options(now)["lock"] == SLOT.options(slot)["lock"]  # never at once
    assert ALERT.options({"alert_job_id": 3}) == {"queueing_lock": "alert:3", "lock": "alert:3"}


def test_a_kind_locked_per_host_takes_its_hosts_key_and_refuses_to_go_without() -> None:
    args = analyse_args(42, "Desk", "news.example")
    lock = host_lock("news.example", 42, 2)
    assert ANALYSE_ENTRY.options(args, lock) == {"queueing_lock": "entry:42", "lock": lock}
    assert POLL_FEED.options({"feed_id": 9}, "host:a.example:1")["queueing_lock"] == "poll:9"
    with pytest.raises(ValueError, match="host"):
        ANALYSE_ENTRY.options(args)
    assert (
        SLOT.options({"subscription_id": 1, "slot": "x"}, "host:ignored:0")["lock"] == "channel:1"
    )  # a kind with a lock of its own keeps it


def test_the_defer_functions_cover_every_kind() -> None:
    names = {name for name in defer.__all__ if name.startswith("defer_")}
    assert names == {
        "defer_alert", "defer_analyse", "defer_digest_now", "defer_many", "defer_poll",
        "defer_slot",
    }  # fmt: skip
