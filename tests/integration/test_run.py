"""`sovai run`: polls at once, beats a heartbeat, and stops cleanly on SIGTERM or Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.site_server import serve_site


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_run_polls_beats_and_stops_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    with serve_site() as site:
        config = tmp_path / "sovai.yaml"
        config.write_text(
            f"database: sqlite:///{tmp_path}/sovai.db\n"
            f"feeds:\n  - url: {site.url('/feed.xml')}\n    name: Desk\n"
            "fetch: {allow_private_networks: true}\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
        env["SOVAI_HEARTBEAT"] = str(tmp_path / "heartbeat")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "--config", str(config), "run"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                polled = any(path == "/feed.xml" for path, _ in site.requests)
                if polled and (tmp_path / "heartbeat").exists():
                    break
                time.sleep(0.2)
            else:
                pytest.fail("the bot neither polled nor wrote its heartbeat within 60 s")
            health = subprocess.run(
                [sys.executable, "-m", "bot.cli", "health"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert health.returncode == 0, health.stderr
            time.sleep(0.5)  # let the poll's article work finish
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 0, err
    assert "sovai stopped" in err
    assert "Traceback" not in err


def test_health_fails_without_a_heartbeat(tmp_path: Path) -> None:
    env = dict(os.environ, SOVAI_HEARTBEAT=str(tmp_path / "none"))
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "health"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "no heartbeat" in result.stderr
