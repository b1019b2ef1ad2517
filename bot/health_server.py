"""The optional HTTP listener: /healthz, /readyz and /metrics (`metrics: {port: 9464}`).

It runs on a thread of its own, not on the event loop, so a blocked loop or a stalled
scheduler is reported (503 and the reason) rather than answered with a timeout. Each
request checks the database over a probe connection of its own (bot/store/probe.py).

- /healthz: 200 while the event loop turns, the scheduler's poll tick completes (a
  standby has none to judge) and the database answers; 503 with the reasons otherwise.
  A container orchestrator restarts on it.
- /readyz: 200 once started (the listener opens after migrations and the config sync)
  while the database answers; 503 while shutting down. A load balancer routes on it.
- /metrics: the Prometheus text format (bot/metrics.py).

The roles beyond one process (bot/engine/roles.py) serve the same listener, each with
its own verdicts (a `RoleView`): a worker is alive while its loop turns and the database
answers; the chat role also while its front ends are connected; the scheduler role says
whether it leads or stands by. Their 200 says which (`ok: scheduler standby`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import Metric

from bot.liveness import SCHEDULER, SchedulerBeat
from bot.metrics import REGISTRY, StateCollector
from bot.metrics_config import MetricsConfig, bind_host
from bot.schedule import TICK_SECONDS
from bot.settings import Settings
from bot.store.probe import DatabaseProbe, OpsSnapshot
from bot.store.repo import Store

__all__ = ["BEAT_SECONDS", "HealthServer", "RoleView", "listener_config", "serve_health"]

_log = logging.getLogger(__name__)
BEAT_SECONDS = 1.0


def _nothing(*_: object) -> list[str]:
    return []


def _no_gauges() -> Iterable[Metric]:
    return ()


@dataclass(frozen=True)
class RoleView:
    """What a role adds to the listener's verdicts; the defaults are `sovai run`'s.

    `live(stall_after)` and `ready()` give reasons beyond the event loop and the database;
    `state()` is said in a 200 (`ok: worker`); a role whose `database_gauges` is False
    leaves the database's queue and feed gauges to the scheduler (N workers scraped for
    10,000 feeds' series each would say the same thing N times).
    """

    beat: SchedulerBeat = field(default_factory=lambda: SCHEDULER)
    tick_seconds: float = TICK_SECONDS
    live: Callable[[float], list[str]] = _nothing
    ready: Callable[[], list[str]] = _nothing
    state: Callable[[], str] = str
    database_gauges: bool = True
    gauges: Callable[[], Iterable[Metric]] = _no_gauges


def _answers(probe: DatabaseProbe) -> Callable[[], OpsSnapshot | None]:
    def answered() -> None:
        if problem := probe.problem():
            raise ConnectionError(problem)

    return answered


class HealthServer:
    """The listener and what it judges by; `start` binds it, `stop` closes it."""

    def __init__(
        self,
        config: MetricsConfig,
        probe: DatabaseProbe,
        beat: SchedulerBeat = SCHEDULER,
        *,
        host: str | None = None,
        role: RoleView | None = None,
    ) -> None:
        self.config = config
        self.probe = probe
        self.role = role or RoleView(beat=beat)
        self.beat = self.role.beat
        self.host = host or bind_host(config)
        self.stopping = False
        snapshot = probe.snapshot if self.role.database_gauges else _answers(probe)
        self.collector = StateCollector(snapshot, self.beat, extra=self.role.gauges)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1] if self._server is not None else 0

    def health(self) -> list[str]:
        """Why the bot is not healthy; empty when it is."""
        stall_after = self.config.stall_after
        found = self.beat.problems(stall_after, self.role.tick_seconds)
        found += self.role.live(stall_after)
        database = self.probe.problem()
        return [*found, database] if database else found

    def readiness(self) -> list[str]:
        if self.stopping:
            return ["shutting down"]
        database = self.probe.problem()
        return [database] if database else self.role.ready()

    def said(self, problems: list[str]) -> tuple[int, str, bytes]:
        state = "" if problems else self.role.state()
        return _verdict(problems, state)

    def metrics(self) -> bytes:
        return generate_latest(REGISTRY)

    def start(self) -> None:
        self._server = ThreadingHTTPServer((self.host, self.config.port), _handler(self))
        self._server.daemon_threads = True
        REGISTRY.register(self.collector)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="sovai-health",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with contextlib.suppress(KeyError):
            REGISTRY.unregister(self.collector)
        self.probe.close()
        self._server = None


def _handler(server: HealthServer) -> type[BaseHTTPRequestHandler]:
    routes: dict[str, Callable[[], tuple[int, str, bytes]]] = {
        "/healthz": lambda: server.said(server.health()),
        "/readyz": lambda: server.said(server.readiness()),
        "/metrics": lambda: (200, CONTENT_TYPE_LATEST, server.metrics()),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer(body=True)

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def _answer(self, *, body: bool) -> None:
            route = routes.get(self.path.split("?", 1)[0])
            if route is None:
                status, kind, data = 404, "text/plain", b"not found: /healthz, /readyz, /metrics\n"
            else:
                status, kind, data = route()
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if body:
                    self.wfile.write(data)
            except OSError:  # the prober gave up and closed the connection
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass  # a probe every few seconds is not news

    return Handler


def _verdict(problems: list[str], state: str = "") -> tuple[int, str, bytes]:
    kind = "text/plain; charset=utf-8"
    if problems:
        return 503, kind, ("unhealthy: " + "; ".join(problems) + "\n").encode()
    return 200, kind, (f"ok: {state}\n" if state else "ok\n").encode()


def listener_config(settings: Settings, port: int | None = None) -> MetricsConfig | None:
    """The `metrics:` block, or one on `port` (a worker's --metrics-port; 0: no listener)."""
    config = settings.config.metrics
    if port is None:
        return config
    if port == 0:
        return None
    return config.model_copy(update={"port": port}) if config else MetricsConfig(port=port)


async def serve_health(
    settings: Settings,
    store: Store,
    stop: asyncio.Event,
    done: asyncio.Event,
    *,
    role: RoleView | None = None,
    port: int | None = None,
) -> None:
    """Run the listener (when configured) and the loop's beat until `done`; from `stop`
    on, /readyz says the bot is shutting down while it finishes its work. `role`: the
    verdicts of a role beyond one process; `port`: see `listener_config`."""
    config = listener_config(settings, port)
    if config is None:
        return
    probe = DatabaseProbe(settings.database_url, store.engine)
    server = HealthServer(config, probe, role=role)
    try:
        server.start()
    except OSError as exc:  # the port is taken: the bot runs on, unobserved, and says so
        _log.error(
            "health and metrics listener: cannot listen on %s:%d (%s); set metrics.port "
            "(or a worker's --metrics-port) to a free port",
            server.host,
            config.port,
            exc.strerror or exc,
        )
        server.probe.close()
        return
    _log.info(
        "health and metrics on http://%s:%d (/healthz, /readyz, /metrics)", server.host, server.port
    )
    try:
        while not done.is_set():
            server.beat.beat()
            server.stopping = stop.is_set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), timeout=BEAT_SECONDS)
    finally:
        await asyncio.to_thread(server.stop)
