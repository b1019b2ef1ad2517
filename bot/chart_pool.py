"""Charts drawn in a worker process, after the reply they belong to has been sent.

Drawing a chart is ~0.1 s of pure CPU in matplotlib, holding the GIL: drawn in the
command's handler it was most of `/ai-country`'s time and stalled the event loop that
acknowledges everyone else's commands. Here it runs in one long-lived worker process
(forkserver: it starts from a clean interpreter with matplotlib preloaded, never a fork
of our threads), so the bot's process keeps answering, and never imports matplotlib.
Its garbage is collected between charts, not during one (`bot.chart_worker`).

Each chart is a hashable `Chart`: the last few drawn are kept (bounded in count and
bytes), so the same briefing asked again, in any channel, is not drawn twice. A chart
that cannot be drawn (an error, a worker killed by the OOM killer, a timeout) is logged
and left out; the caller says so in its reply. A dead worker is replaced on the next
chart.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bot.chart_worker import draw_chart, start_worker, worker_pid
from bot.models import Attachment, Chart

__all__ = [
    "CACHE_BYTES",
    "CACHE_CHARTS",
    "CHART_MISSING",
    "DRAW_SECONDS",
    "draw_charts",
    "shutdown",
    "warm",
]

_log = logging.getLogger(__name__)
DRAW_SECONDS = 30.0  # one chart; a normal one takes ~0.1 s, the first ~1 s (imports)
CACHE_CHARTS = 64
CACHE_BYTES = 16 * 1024 * 1024
CHART_MISSING = "⚠️ The chart could not be drawn this time; the figures are above."
_PRELOAD = ["bot.chart_worker", "matplotlib.backends.backend_agg"]

_pool: ProcessPoolExecutor | None = None
_cache: OrderedDict[Chart, Attachment] = OrderedDict()


def _workers() -> int:
    return max(1, min(2, (os.cpu_count() or 1) // 2))


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
        context = multiprocessing.get_context(method or "spawn")
        if method:
            context.set_forkserver_preload(_PRELOAD)
        _pool = ProcessPoolExecutor(
            max_workers=_workers(), mp_context=context, initializer=start_worker
        )
    return _pool


def warm() -> None:
    """Start the worker and its imports now, so the first chart asked is not the slow one."""
    with contextlib.suppress(Exception):  # a pool that cannot start is reported when drawing
        _executor().submit(worker_pid)


def shutdown(*, kill: bool = False) -> None:
    """Stop the worker (at the bot's exit; `kill`: one stuck on a chart); charts being
    drawn are abandoned."""
    global _pool
    pool, _pool = _pool, None
    if pool is None:
        return
    if kill:
        for process in list(pool._processes.values()):
            with contextlib.suppress(Exception):
                process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


atexit.register(shutdown)


def _remember(chart: Chart, drawn: Attachment) -> None:
    _cache[chart] = drawn
    _cache.move_to_end(chart)
    while len(_cache) > CACHE_CHARTS or sum(len(a.data) for a in _cache.values()) > CACHE_BYTES:
        _cache.popitem(last=False)


async def _draw_one(chart: Chart) -> Attachment | None:
    cached = _cache.get(chart)
    if cached is not None:
        _cache.move_to_end(chart)
        return cached
    loop = asyncio.get_running_loop()
    try:
        drawn = await asyncio.wait_for(
            loop.run_in_executor(_executor(), draw_chart, chart), DRAW_SECONDS
        )
    except BrokenProcessPool:
        _log.warning("the chart worker died drawing %s; a new one starts next", chart.filename)
        shutdown()
        return None
    except TimeoutError:
        _log.warning("drawing %s took over %.0f s; left out", chart.filename, DRAW_SECONDS)
        shutdown(kill=True)  # the stuck worker goes; the next chart gets a fresh one
        return None
    except Exception:
        _log.exception("drawing %s failed; left out", chart.filename)
        return None
    _remember(chart, drawn)
    return drawn


async def draw_charts(charts: Sequence[Chart]) -> tuple[Attachment, ...]:
    """The charts drawn, in order; those that could not be drawn are left out."""
    drawn = [await _draw_one(chart) for chart in charts]
    return tuple(a for a in drawn if a is not None)
