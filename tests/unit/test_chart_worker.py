"""The chart worker collects a chart's garbage after the chart, never during it.

Run in a child interpreter: `start_worker` turns the collector off for the whole process,
which the test runner's own process must not suffer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import gc, json, time, weakref
    from bot.chart_worker import run_then_collect, start_worker

    class Node:
        pass

    def chart_like():
        a, b = Node(), Node()
        a.other, b.other = b, a          # a cycle: only a collection frees it
        seen.append(gc.isenabled())
        return weakref.ref(a)

    start_worker()
    seen = []
    ref = run_then_collect(chart_like)
    alive_at_return = ref() is not None
    deadline = time.monotonic() + 5
    while ref() is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    second = run_then_collect(chart_like)   # back to back: the first's garbage goes first
    freed = run_then_collect(lambda: second() is None)
    print(json.dumps({
        "enabled_during": seen,
        "alive_at_return": alive_at_return,
        "freed_later": ref() is None,
        "freed_inline": freed,
        "enabled_after": gc.isenabled(),
        "frozen": gc.get_freeze_count() > 0,
    }))
    """
)


def test_garbage_is_collected_between_charts_not_during() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60, check=True
    )
    found = json.loads(done.stdout)
    assert found["enabled_during"] == [False, False]  # the collector is off during a chart
    assert found["alive_at_return"]
    assert found["freed_later"]  # the idle thread collected it
    assert found["freed_inline"]  # asked at once: collected before the next chart
    assert not found["enabled_after"]
    assert found["frozen"]  # start-up state is frozen, never scanned again
