"""The compose file's health checks of the roles: each asks its container's own listener,
and the command it runs exits 0 on a 200 and non-zero on a 503 (run here against a real
listener, with a database probe the test turns off)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from bot.engine.role_views import worker_view
from bot.health_server import HealthServer
from bot.metrics_config import MetricsConfig
from tests.integration.test_health_metrics import free_port

COMPOSE = yaml.safe_load((Path(__file__).parents[2] / "docker-compose.yml").read_text("utf-8"))
SERVICES = COMPOSE["services"]


class Probe:
    def __init__(self) -> None:
        self.down: str | None = None

    def problem(self) -> str | None:
        return self.down

    def close(self) -> None:
        return None


def _check(service: str) -> list[str]:
    test = SERVICES[service]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"], test
    return list(test[1:])


def test_every_role_checks_its_own_listener_on_its_metrics_port() -> None:
    for name in ("sovai", "scheduler", "worker"):
        service = SERVICES[name]
        port = service["environment"]["SOVAI_METRICS_PORT"]
        assert f"http://127.0.0.1:{port}/healthz" in _check(name)[-1], name
    assert _check("worker") == _check("scheduler") == _check("sovai")


def test_the_health_check_command_follows_the_listener_verdict() -> None:
    port = free_port()
    command = [sys.executable, *_check("worker")[1:]]
    command[-1] = command[-1].replace(":9464/", f":{port}/")
    probe = Probe()
    server = HealthServer(MetricsConfig(port=port, host="127.0.0.1"), probe, role=worker_view())  # type: ignore[arg-type]
    server.start()
    try:
        healthy = subprocess.run(command, capture_output=True, timeout=30, check=False)
        probe.down = "the database does not answer: connection refused"
        down = subprocess.run(command, capture_output=True, timeout=30, check=False)
    finally:
        server.stop()
    assert healthy.returncode == 0, healthy.stderr
    assert down.returncode != 0 and b"503" in down.stderr
