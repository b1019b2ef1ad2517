"""The bot's Prometheus metrics: counters bumped where the work happens, gauges read at scrape.

Counters and the command histogram are recorded by one-line hooks in the code that does
the work (the poller, the article reader, the outbox, the command handler), in every
process, listener or not: they cost a dictionary lookup. What the database knows better
than one process (queued digests and alerts, each feed's failures in a row, the last
successful poll, which survive a restart and are true for a standby too) is read when
/metrics is scraped, through the health listener's probe (bot/store/probe.py).

Label values are bounded: outcomes and platforms are fixed sets, a command name not in
the command list counts as `unknown`, and feeds are the ones configured.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Collection, Coroutine, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    disable_created_metrics,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot import __version__
from bot.liveness import SchedulerBeat
from bot.store.probe import OpsSnapshot

__all__ = [
    "JOBS_RUNNING",
    "REGISTRY",
    "StateCollector",
    "count_article_analysed",
    "count_article_read",
    "count_digest",
    "count_job",
    "count_poll",
    "timed_command",
]

# the `_created` twin of every counter is noise to most dashboards
disable_created_metrics()  # type: ignore[no-untyped-call]
REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)
GCCollector(registry=REGISTRY)

POLL_OUTCOMES = ("ok", "first", "not-modified", "unchanged", "error")
PLATFORMS = ("slack", "discord", "terminal")
COMMAND_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0)  # Slack waits 3 s
JOB_OUTCOMES = ("succeeded", "retried", "failed", "aborted")
JOB_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)

POLLS = Counter("sovai_polls", "Feed polls, by outcome.", ["outcome"], registry=REGISTRY)
ARTICLES_READ = Counter(
    "sovai_articles_read", "Articles read (page fetched, or the feed's text).", registry=REGISTRY
)
ARTICLES_ANALYSED = Counter(
    "sovai_articles_analysed", "Articles analysed and stored.", registry=REGISTRY
)
DIGESTS = Counter(
    "sovai_digests",
    "Digest delivery attempts, by platform and outcome (sent or failed).",
    ["platform", "outcome"],
    registry=REGISTRY,
)
COMMAND_SECONDS = Histogram(
    "sovai_command_duration_seconds",
    "Slash commands, from the request to the reply, by platform and command.",
    ["platform", "command"],
    buckets=COMMAND_BUCKETS,
    registry=REGISTRY,
)
JOBS = Counter(
    "sovai_jobs",
    "Jobs a worker ran (sovai worker), by task, queue and outcome: succeeded; retried "
    "(failed, queued again with backoff); failed (for good); aborted.",
    ["task", "queue", "outcome"],
    registry=REGISTRY,
)
JOB_SECONDS = Histogram(
    "sovai_job_duration_seconds",
    "Jobs a worker ran, from start to end whatever the outcome, by task and queue.",
    ["task", "queue"],
    buckets=JOB_BUCKETS,
    registry=REGISTRY,
)
JOBS_RUNNING = Gauge(
    "sovai_jobs_running", "Jobs running in this worker now, by queue.", ["queue"], registry=REGISTRY
)
Gauge("sovai_build_info", "The running version.", ["version"], registry=REGISTRY).labels(
    __version__
).set(1)
for _outcome in POLL_OUTCOMES:  # every series exists from the start, so rate() sees the first
    POLLS.labels(_outcome)
for _platform in PLATFORMS:
    for _outcome in ("sent", "failed"):
        DIGESTS.labels(_platform, _outcome)


def count_poll(outcome: str) -> None:
    """A feed's poll ended (FeedReport.status)."""
    POLLS.labels(outcome if outcome in POLL_OUTCOMES else "error").inc()


def count_article_read() -> None:
    ARTICLES_READ.inc()


def count_article_analysed() -> None:
    ARTICLES_ANALYSED.inc()


def count_digest(platform: str, outcome: str) -> None:
    """A digest was posted (`sent`) or refused or unreachable (`failed`)."""
    DIGESTS.labels(platform, outcome).inc()


def count_job(task: str, queue: str, outcome: str, seconds: float) -> None:
    """A job ended in a worker (bot/engine/observe.py); task names are our registered ones."""
    JOBS.labels(task, queue, outcome if outcome in JOB_OUTCOMES else "failed").inc()
    JOB_SECONDS.labels(task, queue).observe(seconds)


class _Asked(Protocol):
    @property
    def platform(self) -> str: ...


H = TypeVar("H")
C = TypeVar("C", bound=_Asked)
R = TypeVar("R")
Handle = Callable[[H, str, str, C], Coroutine[Any, Any, R]]


def timed_command(names: Collection[str]) -> Callable[[Handle[H, C, R]], Handle[H, C, R]]:
    """Decorates `handle(self, name, text, ctx)`: its duration, by platform and command."""

    def wrap(handle: Handle[H, C, R]) -> Handle[H, C, R]:
        @functools.wraps(handle)
        async def timed(owner: H, name: str, text: str, ctx: C) -> R:
            started = time.perf_counter()
            try:
                return await handle(owner, name, text, ctx)
            finally:
                command = name if name in names else "unknown"
                elapsed = time.perf_counter() - started
                COMMAND_SECONDS.labels(ctx.platform, command).observe(elapsed)

        return timed

    return wrap


def _gauge(name: str, doc: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, doc, value=value)


class StateCollector(Collector):
    """Gauges read at each scrape: the scheduler's last tick, and what the database holds.

    `snapshot` returning None means the database answered but this process leaves its
    gauges to another (the roles beyond one process: bot/health_server.py's RoleView);
    `extra` gives a role's own gauges (leading or standby, front ends connected)."""

    def __init__(
        self,
        snapshot: Callable[[], OpsSnapshot | None],
        beat: SchedulerBeat,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        extra: Callable[[], Iterable[Metric]] = lambda: (),
    ) -> None:
        self.snapshot = snapshot
        self.beat = beat
        self.now = now
        self.extra = extra

    def collect(self) -> Iterator[Metric]:
        age = self.beat.last_tick_age()
        if age is not None:
            yield _gauge(
                "sovai_scheduler_last_tick_age_seconds", "Seconds since the last poll tick.", age
            )
        yield from self.extra()
        try:
            snapshot = self.snapshot()
        except Exception:  # /healthz says why; here the database is only marked down
            yield _gauge("sovai_database_up", "1 when the database answered this scrape.", 0)
            return
        yield _gauge("sovai_database_up", "1 when the database answered this scrape.", 1)
        if snapshot is not None:
            yield from self._queues(snapshot)
            yield from self._feeds(snapshot)

    def _queues(self, snapshot: OpsSnapshot) -> Iterator[Metric]:
        yield _gauge(
            "sovai_outbox_pending",
            "Digests queued or being sent (the outbox).",
            snapshot.outbox_pending,
        )
        yield _gauge(
            "sovai_alerts_pending", "Alert posts queued or being sent.", snapshot.alerts_pending
        )

    def _feeds(self, snapshot: OpsSnapshot) -> Iterator[Metric]:
        failures = GaugeMetricFamily(
            "sovai_feed_failures_in_a_row",
            "Failed polls in a row, per feed (its name or URL, and its id: names may repeat).",
            labels=["feed", "id"],
        )
        for feed in snapshot.feeds:
            failures.add_metric([feed.label, str(feed.id)], feed.failures_in_a_row)
        yield failures
        if not snapshot.feeds:
            return
        successes = [f.last_success_at for f in snapshot.feeds if f.last_success_at is not None]
        # never a success yet: the age counts from when the first feed was added
        since = max(successes) if successes else min(f.created_at for f in snapshot.feeds)
        yield _gauge(
            "sovai_last_successful_poll_age_seconds",
            "Seconds since any feed was last polled successfully.",
            max((self.now() - since).total_seconds(), 0.0),
        )
