"""The roles' verdicts without a database: front ends heard from their log lines, the
scheduler's active/standby, the worker's --metrics-port, and jobs counted by a real
Procrastinate worker (its in-memory connector) through our worker middleware."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import procrastinate
import pytest
from procrastinate import RetryStrategy
from procrastinate.testing import InMemoryConnector

from bot.cli import build_parser
from bot.engine.frontends import DISCORD, SLACK, FrontEnds
from bot.engine.observe import count_jobs, prime_job_series
from bot.engine.role_views import chat_view, scheduler_view, worker_view
from bot.health_server import HealthServer, listener_config
from bot.liveness import SchedulerBeat
from bot.metrics import REGISTRY
from bot.metrics_config import MetricsConfig
from bot.settings import load_settings


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


class Probe:
    """A database that answers (or not) as the test says; HealthServer asks it."""

    def __init__(self) -> None:
        self.down: str | None = None

    def problem(self) -> str | None:
        return self.down

    def snapshot(self) -> None:
        raise AssertionError("a role without database gauges never reads the queues")

    def close(self) -> None:
        return None


def _record(logger: str, msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(logger, logging.INFO, __file__, 1, msg, args, None)


@pytest.fixture
def fronts() -> Iterator[tuple[FrontEnds, Clock]]:
    clock = Clock()
    yield FrontEnds([SLACK, DISCORD], clock), clock


def test_front_ends_follow_their_connection_lines(fronts: tuple[FrontEnds, Clock]) -> None:
    ends, clock = fronts
    assert ends.not_ready() == [
        "Slack is not connected (connecting)",
        "Discord is not connected (connecting)",
    ]
    ends.heard(_record("bot.chat.slack_app", "Slack: connected in Socket Mode"))
    gateway = "Shard ID %s has connected to Gateway (Session ID: %s)."
    ends.heard(_record("discord.gateway", gateway, None, "abc"))
    assert ends.connected() == {SLACK: True, DISCORD: True} and ends.not_ready() == []
    clock.now += 10
    dropped = "Discord: cannot connect (%s); trying again in %.0f s (attempt %d)"
    ends.heard(_record("bot.chat.discord_connect", dropped, "the gateway closed", 1.0, 1))
    ends.heard(_record("bot.chat.slack_socket", "Received CLOSE event from s1. Reconnecting..."))
    assert ends.problems(grace=5) == []  # a reconnect within the grace is not news
    clock.now += 6
    assert ends.problems(grace=5) == [
        "Slack has not been connected for 6 s (Received CLOSE event from s1. Reconnecting...)",
        "Discord has not been connected for 6 s "
        "(Discord: cannot connect (the gateway closed); trying again in 1 s (attempt 1))",
    ]
    ends.heard(_record("bot.chat.slack_socket", "A new session (s2) has been established"))
    assert ends.connected() == {SLACK: True, DISCORD: False}


def test_a_front_end_without_a_token_is_not_judged() -> None:
    ends = FrontEnds([SLACK])
    ends.heard(_record("discord.gateway", "Shard ID %s has connected to Gateway", None))
    assert ends.connected() == {SLACK: False}
    assert FrontEnds([]).not_ready() == [
        "no front end is set up (SLACK_BOT_TOKEN, DISCORD_BOT_TOKEN)"
    ]


def test_front_ends_hear_info_lines_under_a_quiet_root_and_pass_on_only_what_it_shows(
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)
    ends = FrontEnds([SLACK])
    ends.install()
    try:
        with caplog.at_level(logging.WARNING):
            logging.getLogger("bot.chat.slack_app").info("Slack: listening for commands on x")
            logging.getLogger("bot.chat.slack_app").warning("Slack Socket Mode: no WebSocket")
    finally:
        ends.remove()
        root.setLevel(level)
    assert ends.connected() == {SLACK: False}  # heard both, in order
    assert [r.getMessage() for r in caplog.records] == ["Slack Socket Mode: no WebSocket"]
    assert logging.getLogger("bot.chat.slack_app").propagate


def test_role_verdicts_say_which_role_and_the_scheduler_whether_it_leads() -> None:
    config = MetricsConfig(port=0, host="127.0.0.1", stall_after=2)
    probe = Probe()
    stamps = SchedulerBeat()
    scheduler = HealthServer(config, probe, role=scheduler_view(stamps, 5.0))  # type: ignore[arg-type]
    worker = HealthServer(config, probe, role=worker_view())  # type: ignore[arg-type]
    assert scheduler.said(scheduler.health())[2] == b"ok: scheduler standby\n"
    with stamps.ticking():
        pass
    assert scheduler.said(scheduler.health())[2] == b"ok: scheduler active\n"
    assert worker.said(worker.readiness()) == (200, "text/plain; charset=utf-8", b"ok: worker\n")
    probe.down = "the database does not answer: refused"
    assert worker.said(worker.health())[:2] == (503, "text/plain; charset=utf-8")
    assert b"the database does not answer" in worker.said(worker.health())[2]
    stamps.stand_down()
    probe.down = None
    assert scheduler.said(scheduler.health())[2] == b"ok: scheduler standby\n"
    ends = FrontEnds([SLACK])
    chat = HealthServer(config, probe, role=chat_view(ends))  # type: ignore[arg-type]
    assert chat.said(chat.readiness())[0] == 503
    ends.heard(_record("bot.chat.slack_app", "Slack: listening for commands on %s", "x"))
    assert chat.said(chat.readiness())[2] == b"ok: chat (Slack)\n"


def test_a_worker_takes_a_metrics_port_and_zero_turns_the_listener_off(tmp_path: Path) -> None:
    assert build_parser().parse_args(["worker"]).metrics_port is None
    assert build_parser().parse_args(["worker", "--metrics-port", "9465"]).metrics_port == 9465
    with pytest.raises(SystemExit):
        build_parser().parse_args(["worker", "--metrics-port", "70000"])
    bare = tmp_path / "bare.yaml"
    bare.write_text(f"database: sqlite:///{tmp_path / 'a.db'}\n", encoding="utf-8")
    watched = tmp_path / "watched.yaml"
    watched.write_text(
        f"database: sqlite:///{tmp_path / 'a.db'}\nmetrics: {{port: 9464, stall_after: 30}}\n",
        encoding="utf-8",
    )
    without, with_block = load_settings(bare, environ={}), load_settings(watched, environ={})
    assert listener_config(without) is None
    assert listener_config(without, 9470) == MetricsConfig(port=9470)
    assert listener_config(with_block, 9470) == MetricsConfig(port=9470, stall_after=30)
    assert listener_config(with_block, 0) is None
    assert listener_config(with_block) == MetricsConfig(port=9464, stall_after=30)


def _sample(name: str, **labels: str) -> float:
    found = REGISTRY.get_sample_value(name, labels)
    return 0.0 if found is None else found


def test_jobs_are_counted_by_task_queue_and_outcome_by_a_real_worker(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = procrastinate.App(connector=InMemoryConnector())
    attempts: list[int] = []

    @app.task(name="unit:fine", queue="unitq")
    async def fine() -> None:
        return None

    @app.task(name="unit:flaky", queue="unitq", retry=RetryStrategy(max_attempts=1, wait=0))
    async def flaky() -> None:
        attempts.append(1)
        raise RuntimeError("not yet")

    @app.task(name="unit:broken", queue="unitq")
    async def broken() -> None:
        raise RuntimeError("never")

    def counted(task: str, outcome: str) -> float:
        return _sample("sovai_jobs_total", task=task, queue="unitq", outcome=outcome)

    before = {
        (t, o): counted(t, o)
        for t in ("unit:fine", "unit:flaky", "unit:broken")
        for o in ("succeeded", "retried", "failed")
    }

    async def run() -> None:
        async with app.open_async():
            prime_job_series(app, ["unitq"])
            for task in (fine, flaky, broken):
                await task.defer_async()
            await app.run_worker_async(
                queues=["unitq"], wait=False, worker_middleware=[count_jobs], concurrency=1
            )

    with caplog.at_level(logging.INFO, logger="procrastinate.worker"):
        asyncio.run(run())
    said = [r.getMessage() for r in caplog.records if "ended with status" in r.getMessage()]
    grown = {key: counted(*key) - was for key, was in before.items()}
    assert {key: n for key, n in grown.items() if n} == {
        ("unit:fine", "succeeded"): 1,
        ("unit:flaky", "retried"): 1,  # the first attempt, queued again at once
        ("unit:flaky", "failed"): 1,  # the second and last (max_attempts: retries)
        ("unit:broken", "failed"): 1,
    }
    assert len(attempts) == 2
    assert sum("Error, to retry" in line for line in said) == 1  # the worker's own verdicts
    assert sum("status: Error, lasted" in line for line in said) == 2  # failed for good
    assert _sample("sovai_jobs_running", queue="unitq") == 0
    assert _sample("sovai_job_duration_seconds_count", task="unit:flaky", queue="unitq") >= 2
