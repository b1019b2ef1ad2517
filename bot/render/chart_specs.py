"""Charts as specifications (`Chart`) and their drawing: what a reply asks for, and the PNG.

A command's reply names its charts rather than drawing them, so its text goes out at
once and the picture follows (see `bot.chart_pool`, which draws them in a worker
process and caches them). The specification holds only frozen values (tuples, dates,
frozen dataclasses): it pickles to another process and hashes as a cache key, so the
same briefing asked twice is drawn once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import cast

from bot.models import Attachment, Chart
from bot.render.charts import ChartPoint, CompareBar

__all__ = ["compare_spec", "draw", "timeline_spec", "trend_spec"]

PNG = "image/png"


def timeline_spec(
    country: str,
    points: Sequence[ChartPoint],
    window: tuple[date, date],
    *,
    filename: str,
    title: str,
    alt: str,
) -> Chart:
    """`/ai-country`'s cumulative USD and GPUs of one country over `window`."""
    args = (country, tuple(points), window[0], window[1])
    return Chart("timeline", args, filename, title, alt)


def compare_spec(bars: Sequence[CompareBar], *, filename: str, title: str, alt: str) -> Chart:
    """`/ai-compare`'s bars, one per country."""
    return Chart("compare", (tuple(bars),), filename, title, alt)


def trend_spec(
    series: Mapping[str, Sequence[tuple[date, float]]],
    window: tuple[date, date],
    *,
    filename: str,
    title: str,
    alt: str,
) -> Chart:
    """The weekly digest's USD per day and country (a mapping made a sorted tuple, so
    equal series are equal specifications)."""
    frozen = tuple((code, tuple(points)) for code, points in sorted(series.items()))
    return Chart("trend", (frozen, window[0], window[1]), filename, title, alt)


def _png(chart: Chart) -> bytes:
    from bot.render.charts import compare_chart, timeline_chart, trend_chart

    if chart.kind == "timeline":
        country, points, start, end = chart.args
        return timeline_chart(
            str(country),
            cast("Sequence[ChartPoint]", points),
            cast("date", start),
            cast("date", end),
        )
    if chart.kind == "compare":
        return compare_chart(cast("Sequence[CompareBar]", chart.args[0]))
    frozen, start, end = chart.args
    pairs = cast("Sequence[tuple[str, Sequence[tuple[date, float]]]]", frozen)
    return trend_chart(dict(pairs), cast("date", start), cast("date", end))


def draw(chart: Chart) -> Attachment:
    """The chart drawn: a PNG attachment with the specification's name, title and alt."""
    return Attachment(chart.filename, _png(chart), PNG, chart.title, chart.alt)
