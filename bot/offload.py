"""Blocking work of a poll runs on a few worker threads, never on the event loop.

The loop that answers chat commands must never wait on the database (a SQLite writer
lock waits up to the busy timeout, 30 s; a PostgreSQL server can hang) nor on a long
CPU step (parsing a 30,000-entry feed, extracting and analysing an article). Polls get
their own small pool rather than asyncio's default one, so a poll stuck on a lock in
every worker still leaves the default pool free for the commands' own reads.

SQLite connections are safe here: file databases use a connection pool with
`check_same_thread=False`, and each store call checks out its own connection.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

__all__ = ["POLL_WORKERS", "off_loop"]

P = ParamSpec("P")
T = TypeVar("T")

POLL_WORKERS = 4  # polls mostly wait on the network; this bounds database and CPU work
_pool = ThreadPoolExecutor(max_workers=POLL_WORKERS, thread_name_prefix="sovai-poll")


async def off_loop(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`fn(*args, **kwargs)` on a poll worker thread; the loop goes on meanwhile."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool, functools.partial(fn, *args, **kwargs))
