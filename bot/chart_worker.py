"""The chart worker's side: its start-up, and garbage collected between charts, not during.

A drawn figure is a large web of reference cycles (artists point to their figure, the
figure to its artists, transforms to each other). Those cycles survive the young
collections while the chart is being drawn, are promoted, and die only in a full
collection; with the worker's automatic collector on, one render in ten paid for a full
one, about 110 ms, and that render took twice as long as the others (the tail of
`bench/charts.py` and of the ledger benchmark's chart times).

So the worker freezes what it loaded at start-up (matplotlib's modules, fonts and
caches: never garbage, never scanned again), turns the automatic collector off, and a
background thread collects each chart's garbage once the chart has been returned. The
collection takes the GIL for ~10 ms, so a chart asked at that moment waits that long at
most; memory is bounded by one chart's garbage (a chart asked while the last one's is
still uncollected has it collected first, inline).
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from typing import TypeVar

from bot.models import Attachment, Chart
from bot.render.chart_specs import draw

__all__ = ["collect_pending", "draw_chart", "run_then_collect", "start_worker", "worker_pid"]

T = TypeVar("T")

_IDLE_BEFORE_COLLECT = 0.02  # s after a chart before collecting: let its result leave first
_lock = threading.Lock()
_pending = threading.Event()
_busy = threading.Lock()


def start_worker() -> None:
    """A worker process's initialiser: imports done, start-up state frozen, the collector
    off and its thread started. Safe to call once per process."""
    import matplotlib.backends.backend_agg  # noqa: F401  (the expensive import, done early)

    gc.collect()
    gc.freeze()
    gc.disable()
    threading.Thread(target=_collect_when_idle, name="chart-gc", daemon=True).start()


def collect_pending() -> None:
    """Collect the last chart's garbage now, if it has not been collected yet."""
    with _lock:
        if _pending.is_set():
            _pending.clear()
            gc.collect()


def _collect_when_idle() -> None:
    while True:
        _pending.wait()
        threading.Event().wait(_IDLE_BEFORE_COLLECT)
        with _busy:  # never during a chart
            collect_pending()


def run_then_collect(job: Callable[[], T]) -> T:
    """`job` run with the collector off; its garbage left for the idle thread."""
    with _busy:
        collect_pending()  # charts asked back to back: the last one's garbage first
        try:
            return job()
        finally:
            _pending.set()


def draw_chart(chart: Chart) -> Attachment:
    """The job the pool runs: one chart drawn between collections."""
    return run_then_collect(lambda: draw(chart))


def worker_pid() -> int:
    """The worker's process id (a cheap job that starts a worker)."""
    return os.getpid()
