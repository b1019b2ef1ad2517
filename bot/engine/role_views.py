"""Each role's health verdicts and gauges, for the listener (bot/health_server.py).

- worker: alive while its event loop turns and the database answers (the jobs' own
  counters are bot/engine/observe.py's); `ok: worker`.
- scheduler: alive as `sovai run`'s scheduler is (its enqueue tick completes on time
  while it leads; a standby has none to judge); `ok: scheduler active` or `… standby`,
  and `sovai_scheduler_active` 1 or 0. It also reports the database's gauges (queues,
  feeds), which workers and the chat role leave to it.
- chat: alive while each front end it has a token for is connected (a reconnect within
  `stall_after` is not news), ready while all are; `ok: chat (Slack, Discord)`, and
  `sovai_frontend_connected{platform}`.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import GaugeMetricFamily, Metric

from bot.engine.frontends import FrontEnds
from bot.health_server import RoleView
from bot.liveness import SchedulerBeat

__all__ = ["chat_view", "scheduler_view", "worker_view"]


def worker_view() -> RoleView:
    return RoleView(beat=SchedulerBeat(), state=lambda: "worker", database_gauges=False)


def scheduler_view(stamps: SchedulerBeat, tick_seconds: float) -> RoleView:
    def state() -> str:
        return "scheduler active" if stamps.leading else "scheduler standby"

    def gauges() -> Iterable[Metric]:
        yield GaugeMetricFamily(
            "sovai_scheduler_active",
            "1 while this scheduler leads (queues due work), 0 while it stands by.",
            value=1 if stamps.leading else 0,
        )

    return RoleView(beat=stamps, tick_seconds=tick_seconds, state=state, gauges=gauges)


def chat_view(fronts: FrontEnds) -> RoleView:
    def state() -> str:
        return f"chat ({', '.join(fronts.connected())})" if fronts.states else "chat"

    def gauges() -> Iterable[Metric]:
        family = GaugeMetricFamily(
            "sovai_frontend_connected",
            "1 while the front end (one with a token here) is connected, else 0.",
            labels=["platform"],
        )
        for name, up in fronts.connected().items():
            family.add_metric([name.lower()], 1 if up else 0)
        yield family

    return RoleView(
        beat=SchedulerBeat(),
        live=fronts.problems,
        ready=fronts.not_ready,
        state=state,
        database_gauges=False,
        gauges=gauges,
    )
