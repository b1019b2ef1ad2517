"""`sovai run` as a real background process, with its output in files a test can watch.

Also the test clock's value (SOVAI_TEST_CLOCK, see bot/clock.py) and a PostgreSQL outage:
the server stopped and started again on the same port and data, as a crash or a restart
of the database host would do.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

import pytest

from tests.integration.postgres_server import START_TIMEOUT, PostgresServer, _run

__all__ = ["BotProcess", "clean_env", "pg_start_again", "pg_stop_keeping_data", "test_clock"]


def clean_env(tmp_path: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The test's environment without chat tokens, database or clock settings of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    for name in ("DATABASE_URL", "SOVAI_CONFIG", "SOVAI_TEST_CLOCK"):
        env.pop(name, None)
    env["SOVAI_HEARTBEAT"] = str(tmp_path / "heartbeat")
    return env | dict(extra or {})


def test_clock(start: datetime, *, epoch: float, speed: float = 1.0) -> str:
    """SOVAI_TEST_CLOCK: the scheduler reads `start` at Unix time `epoch`, `speed`× faster."""
    return f"{start.isoformat()} epoch={epoch} speed={speed}"


test_clock.__test__ = False  # type: ignore[attr-defined]  # a helper, not a pytest test


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for {what}")
        time.sleep(0.1)


class BotProcess:
    """One `sovai run`; stdout and stderr go to files named after `name`."""

    def __init__(self, name: str, config: Path, env: Mapping[str, str], cwd: Path) -> None:
        self.out = cwd / f"{name}.out"
        self.err = cwd / f"{name}.err"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "--config", str(config), "run"],
                cwd=cwd,
                env=dict(env),
                stdout=out,
                stderr=err,
                text=True,
            )

    def log(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")

    def stdout(self) -> str:
        return self.out.read_text(encoding="utf-8", errors="replace")

    def wait_log(self, text: str, timeout: float = 60.0) -> None:
        def seen() -> bool:
            if self.proc.poll() is not None and text not in self.log():
                pytest.fail(f"sovai exited ({self.proc.returncode}) before {text!r}:\n{self.log()}")
            return text in self.log()

        wait_until(seen, f"{text!r} in the log", timeout)

    def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 40.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
            pytest.fail(f"sovai did not stop on {sig.name} within {timeout:.0f} s")

    def kill(self) -> None:
        """SIGKILL: no cleanup at all, as a crash or an OOM kill."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)


def pg_stop_keeping_data(server: PostgresServer) -> None:
    command = [str(server.binaries.pg_ctl), "-D", str(server.data_dir), "-m", "fast", "-w"]
    result = _run(server.run_as.wrap([*command, "-t", str(START_TIMEOUT), "stop"]), server.root)
    assert result.returncode == 0, result.stderr


def pg_start_again(server: PostgresServer) -> None:
    """Start the stopped server on its old port (the bot's URL must stay valid)."""
    options = {
        "listen_addresses": "127.0.0.1",
        "port": str(server.port),
        "unix_socket_directories": str(server.root / "sock"),
        "fsync": "off",
    }
    opts = " ".join(f"-c {shlex.quote(f'{k}={v}')}" for k, v in options.items())
    command = [str(server.binaries.pg_ctl), "-D", str(server.data_dir), "-l"]
    command += [str(server.log_file), "-o", opts, "-w", "-t", str(START_TIMEOUT), "start"]
    result = _run(server.run_as.wrap(command), server.root)
    assert result.returncode == 0, result.stderr + server.log_tail()
