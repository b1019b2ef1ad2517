"""Jobs of workers that stopped beating go back to the queue: a job survives its worker.

Procrastinate's own recipe (`job_manager.get_stalled_jobs` then `retry_job`): a job is
stalled when it is `doing` and its worker has not beaten for `SOVAI_STALLED_SECONDS`
(or its worker row is gone). Workers beat every third of that, so a live worker's jobs
are never taken; a worker killed with -9, frozen or cut off from the database is.

The scheduler role does it every tick, and every worker does it too (every
`SOVAI_STALLED_SECONDS`), so a deployment whose scheduler is down still finishes its
work. Several processes recovering at once could retry the same stalled job twice, the
second time after another worker had already fetched it again, running a live job twice:
so one recovery at a time runs per database, under a transaction-scoped advisory lock;
the others skip their turn. Within the lock a stalled job cannot be fetched again (only
`todo` jobs are fetched), so what was read as stalled is still stalled when retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator

import procrastinate
import psycopg
from procrastinate.exceptions import ConnectorException, UniqueViolation
from procrastinate.jobs import Job, Status

from bot.engine.app import conninfo

__all__ = ["RECOVERY_LOCK", "recover_stalled", "recover_stalled_every"]

_log = logging.getLogger(__name__)
# pg_advisory_xact_lock(int, int): "sova", then 4 for stalled-job recovery (3: the schema)
RECOVERY_LOCK = (0x736F7661, 4)


@contextlib.asynccontextmanager
async def _recovery_turn(database_url: str) -> AsyncIterator[bool]:
    """True while this process holds the recovery lock; False when another one does."""
    conn = await psycopg.AsyncConnection.connect(conninfo(database_url), connect_timeout=10)
    async with conn, conn.transaction():
        found = await conn.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", RECOVERY_LOCK)
        row = await found.fetchone()
        yield bool(row and row[0])


async def _retry(manager: procrastinate.manager.JobManager, job: Job) -> bool:
    """Queue one stalled job again; False when there was nothing to queue."""
    assert job.id is not None
    try:
        await manager.retry_job(job)
    except UniqueViolation:  # the same job is waiting already: this copy is done
        await manager.finish_job_by_id_async(job.id, Status.FAILED, delete_job=False)
        return False
    except ConnectorException:  # its worker was alive after all and finished it meanwhile
        _log.info("job %s (%s) was no longer running: left as it is", job.id, job.task_name)
        return False
    return True


async def recover_stalled(app: procrastinate.App, database_url: str, seconds: float) -> int:
    """Jobs of workers silent for `seconds` go back to the queue; how many (0 when
    another process is recovering at this moment)."""
    manager = app.job_manager
    recovered = 0
    async with _recovery_turn(database_url) as mine:
        if not mine:
            return 0
        for job in await manager.get_stalled_jobs(seconds_since_heartbeat=seconds):
            if await _retry(manager, job):
                recovered += 1
                _log.warning("job %s (%s) of a stopped worker queued again", job.id, job.task_name)
    return recovered


async def recover_stalled_every(
    app: procrastinate.App, database_url: str, seconds: float, stop: asyncio.Event
) -> None:
    """A worker's share: recover every `seconds` (jittered, so that workers started
    together do not all ask at once) until `stop`; a database outage is one line a try."""
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=seconds * random.uniform(0.75, 1.25))
        if stop.is_set():
            return
        try:
            await recover_stalled(app, database_url, seconds)
        except (OSError, psycopg.Error, ConnectorException) as exc:
            _log.warning("looking for stalled jobs failed (%s); trying again", exc)
