"""What a worker's jobs did, for /metrics: Procrastinate's worker middleware counts them.

A worker middleware wraps every job the worker runs, on the event loop, around the task
itself: it sees the job's task and queue, how long it ran, and how it ended: returned
(`succeeded`), raised and to be tried again by the task's retry strategy (`retried`),
raised for the last time (`failed`), or cancelled by a shutdown or an abort (`aborted`).
The retry decision is the task's own (`Task.get_retry_exception`), asked the same way the
worker asks it, so `retried` and `failed` add up to the worker's own verdicts.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from typing import Any

import procrastinate
from procrastinate import exceptions
from procrastinate.job_context import JobContext
from procrastinate.middleware import AsyncCallNext
from procrastinate.worker import Worker

from bot.metrics import JOB_OUTCOMES, JOB_SECONDS, JOBS, JOBS_RUNNING, count_job

__all__ = ["count_jobs", "prime_job_series"]


def _outcome(context: JobContext, error: BaseException) -> str:
    if isinstance(error, exceptions.JobAborted | asyncio.CancelledError):
        return "aborted"
    task = context.app.tasks.get(context.job.task_name)
    if task is not None and task.get_retry_exception(exception=error, job=context.job):
        return "retried"
    return "failed"


async def count_jobs(call_next: AsyncCallNext, context: JobContext, worker: Worker) -> Any:
    """The worker middleware: the job's outcome and duration, by task and queue."""
    job = context.job
    running = JOBS_RUNNING.labels(job.queue)
    running.inc()
    started = time.perf_counter()
    outcome = "failed"
    try:
        result = await call_next()
        outcome = "succeeded"
        return result
    except BaseException as error:
        outcome = _outcome(context, error)
        raise
    finally:
        running.dec()
        count_job(job.task_name, job.queue, outcome, time.perf_counter() - started)


def prime_job_series(app: procrastinate.App, queues: Iterable[str]) -> None:
    """Every series this worker may report exists from the start, at 0, so that a
    dashboard's rate() sees the first job (only our tasks, on the queues it serves)."""
    served = set(queues)
    for name, task in app.tasks.items():
        if task.queue not in served:
            continue
        JOBS_RUNNING.labels(task.queue)
        JOB_SECONDS.labels(name, task.queue)
        for outcome in JOB_OUTCOMES:
            JOBS.labels(name, task.queue, outcome)
