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
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.liveness import SCHEDULER, SchedulerBeat
from bot.metrics import REGISTRY, StateCollector
from bot.metrics_config import MetricsConfig, bind_host
from bot.schedule import TICK_SECONDS
from bot.settings import Settings
from bot.store.probe import DatabaseProbe
from bot.store.repo import Store

__all__ = ["BEAT_SECONDS", "HealthServer", "serve_health"]

_log = logging.getLogger(__name__)
BEAT_SECONDS = 1.0


class HealthServer:
    """The listener and what it judges by; `start` binds it, `stop` closes it."""

    def __init__(
        self,
        config: MetricsConfig,
        probe: DatabaseProbe,
        beat: SchedulerBeat = SCHEDULER,
        *,
        host: str | None = None,
    ) -> None:
        self.config = config
        self.probe = probe
        self.beat = beat
        self.host = host or bind_host(config)
        self.stopping = False
        self.collector = StateCollector(probe.snapshot, beat)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1] if self._server is not None else 0

    def health(self) -> list[str]:
        """Why the bot is not healthy; empty when it is."""
        found = self.beat.problems(self.config.stall_after, TICK_SECONDS)
        database = self.probe.problem()
        return [*found, database] if database else found

    def readiness(self) -> list[str]:
        if self.stopping:
            return ["shutting down"]
        database = self.probe.problem()
        return [database] if database else []

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
        "/healthz": lambda: _verdict(server.health()),
        "/readyz": lambda: _verdict(server.readiness()),
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


def _verdict(problems: list[str]) -> tuple[int, str, bytes]:
    kind = "text/plain; charset=utf-8"
    if problems:
        return 503, kind, ("unhealthy: " + "; ".join(problems) + "\n").encode()
    return 200, kind, b"ok\n"


async def serve_health(
    settings: Settings, store: Store, stop: asyncio.Event, done: asyncio.Event
) -> None:
    """Run the listener (when configured) and the loop's beat until `done`; from `stop`
    on, /readyz says the bot is shutting down while it finishes its work."""
    config = settings.config.metrics
    if config is None:
        return
    server = HealthServer(config, DatabaseProbe(settings.database_url, store.engine))
    try:
        server.start()
    except OSError as exc:  # the port is taken: the bot runs on, unobserved, and says so
        _log.error(
            "health and metrics listener: cannot listen on %s:%d (%s); set metrics.port "
            "to a free port",
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
