"""The weekly digest's chart: USD announced per day or week, stacked by country.

Per day up to two months, then per week, as a day's bar past that is too thin to read;
the seven largest countries by total get the palette's colours and the rest are summed
as "Other" in grey, because more colours stop being distinguishable, the more so for a
colour-blind reader. Bars are drawn as one collection per country (`_stack` says why).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.render.chart_canvas import (
    OTHER,
    PALETTE,
    country_text,
    date_axis,
    empty_chart,
    flag_legend,
    header,
    new_figure,
    style_axes,
    to_png,
    value_axis,
)
from bot.render.chart_labels import (
    as_day,
    clean_amount,
    ordered_window,
    span_label,
    usd_label,
    wrapped,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["trend_chart"]

MAX_SERIES = 7  # the palette's size: more countries and the colours stop being distinct
DAILY_UP_TO = 62  # days; past two months a day's bar is too thin to read, so weeks


def _buckets(start: date, end: date) -> tuple[int, int]:
    """(days per bar, number of bars): one a day up to two months, then one a week."""
    days = (end - start).days + 1
    width = 1 if days <= DAILY_UP_TO else 7
    return width, -(-days // width)


def _sums(
    series: Mapping[str, Sequence[tuple[date, float]]], start: date, end: date, width: int, n: int
) -> dict[str, list[float]]:
    """USD per bar per country, countries with nothing in the window left out."""
    sums: dict[str, list[float]] = {}
    for code, values in series.items():
        row = [0.0] * n
        for day, value in values:
            offset = (as_day(day) - start).days
            if offset >= 0 and as_day(day) <= end:
                row[offset // width] += clean_amount(value)
        if any(row):
            sums[str(code)] = row
    return sums


def _ranked(sums: dict[str, list[float]]) -> list[tuple[str | None, list[float]]]:
    """The largest countries by total, the rest summed as one 'Other' row (code None)."""
    order = sorted(sums, key=lambda code: (-math.fsum(sums[code]), code))
    if len(order) <= MAX_SERIES:
        return [(code, sums[code]) for code in order]
    head, tail = order[: MAX_SERIES - 1], order[MAX_SERIES - 1 :]
    other = [math.fsum(column) for column in zip(*(sums[c] for c in tail), strict=True)]
    return [*((code, sums[code]) for code in head), (None, other)]


def _stack(
    ax: Axes, centres: list[float], width: float, row: list[float], base: list[float], colour: str
) -> list[float]:
    """One country's layer of the stacked bars; returns the new tops.

    One collection of rectangles rather than `ax.bar`'s one patch per bar: a year of weekly
    bars for seven countries is 371 patches, and matplotlib spends most of a render
    updating the limits of each.
    """
    from matplotlib.collections import PolyCollection

    half = width / 2
    boxes = [
        [(x - half, low), (x - half, low + v), (x + half, low + v), (x + half, low)]
        for x, v, low in zip(centres, row, base, strict=True)
        if v > 0
    ]
    ax.add_collection(
        PolyCollection(boxes, facecolors=colour, edgecolors="white", linewidths=0.6),
        autolim=False,
    )
    return [low + v for low, v in zip(base, row, strict=True)]


def trend_chart(
    series: Mapping[str, Sequence[tuple[date, float]]],
    start: date,
    end: date,
    *,
    flags: bool = True,
) -> bytes:
    """USD announced per day (per week past two months), stacked by country."""
    from matplotlib.dates import date2num

    start, end = ordered_window(start, end)
    width, n = _buckets(start, end)
    per = "day" if width == 1 else "week"
    sums = _sums(series, start, end, width, n)
    rows = _ranked(sums)
    title = "Sovereign-AI money announced, by country"
    grand = math.fsum(math.fsum(row) for _, row in rows)
    subtitle = f"{span_label(start, end)}  ·  {usd_label(grand)} in total  ·  USD per {per}"
    if not rows:
        return empty_chart(title, span_label(start, end), flags=flags)
    fig = new_figure()
    fig.subplots_adjust(right=0.74)
    header(fig, title, subtitle, flags=flags)
    ax = fig.add_subplot()
    style_axes(ax)
    lefts = [date2num(start + timedelta(days=i * width)) for i in range(n)]
    centres = [x + (width - 1) / 2 for x in lefts]
    base = [0.0] * n
    entries: list[tuple[str, str | None, str]] = []
    for index, (code, row) in enumerate(rows):
        colour = PALETTE[index] if code is not None else OTHER
        base = _stack(ax, centres, width * 0.8, row, base, colour)
        name = country_text(code, flags=flags) if code else f"Other ({len(sums) - index} countries)"
        entries.append((f"{wrapped(name)}  {usd_label(math.fsum(row))}", code, colour))
    value_axis(ax, f"USD announced per {per}", usd_label)
    ax.set_ylim(0, max(base) * 1.12)
    date_axis(ax, start, end, "Day first reported" if width == 1 else "Week starting")
    flag_legend(ax, entries, flags=flags)
    return to_png(fig)
