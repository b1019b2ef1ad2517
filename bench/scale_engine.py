"""The job engine alone (`python -m bench.scale --engine N`): Procrastinate's own pace.

Jobs queued per second (one `defer` each, then in batches as a poll queues its entries),
and jobs fetched and run per second by one worker process (a no-op alert job: one read
each, its alert row being absent).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.scale_sites import write_config
from bench.scale_stats import spawn, workers_up
from tests.integration.postgres_server import PostgresServer
from tests.integration.run_cli import database_settings

__all__ = ["engine_throughput"]


async def engine_throughput(server: PostgresServer, jobs: int) -> dict[str, float]:
    """Jobs queued per second one by one and batched; run per second by one worker."""
    from bot.engine.app import ensure_schema, make_app
    from bot.engine.defer import ALERT, defer_alert, defer_many

    name = f"engine_{int(time.time())}"
    url = server.create_database(name)
    await ensure_schema(url)
    app = make_app(url)
    async with app.open_async():
        start = time.monotonic()
        for n in range(jobs):
            await defer_alert(app, 10_000_000 + n)
        one = jobs / (time.monotonic() - start)
        start = time.monotonic()
        for first in range(0, jobs, 50):
            batch = [{"alert_job_id": 20_000_000 + first + k} for k in range(50)]
            await defer_many(app, ALERT, batch)
        batched = jobs / (time.monotonic() - start)
    folder = Path(tempfile.mkdtemp(prefix="sovai-engine-"))
    database, password = database_settings(url)
    config = write_config(folder, database, [], 0)
    env = {
        **os.environ,
        **password,
        "SOVAI_HEARTBEAT": str(folder / "hb"),
        "SOVAI_LOG_LEVEL": "warning",
    }
    proc = spawn(
        config, ["worker", "--queues", "deliver", "--concurrency", "8"], env, folder / "w.log"
    )
    deadline = time.monotonic() + 600
    while workers_up(server, name) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    start, left, total = time.monotonic(), 2 * jobs, 2 * jobs
    while left and time.monotonic() < deadline:
        with server.connect(name) as conn:
            row = conn.execute(
                "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"
            ).fetchone()
        left = int(row[0]) if row else 0
        time.sleep(0.05)
    ran = (total - left) / (time.monotonic() - start)
    proc.terminate()
    proc.wait(timeout=60)
    return {"queued": one, "queued_batched": batched, "ran": ran}
