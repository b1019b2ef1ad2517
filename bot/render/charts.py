"""Charts posted with the ledger's answers: data in, PNG bytes out, no I/O.

- `timeline_chart`: `/ai-country`'s briefing, cumulative announced USD and GPUs over a
  window, as two stacked step panels sharing the date axis (two units on twin y-axes
  are easy to misread; stacked panels are not).
- `compare_chart`: `/ai-compare`, one horizontal bar per country in three panels (USD,
  GPUs, MW), since the units differ; at most 12 countries, the rest counted "+N more".
- `trend_chart` (in `chart_trend`): the weekly digest, USD announced per day (per week
  past two months), stacked by country, the seven largest named and the rest as "Other".

Country names come from `country_lookup.country_name`. Agg draws no colour emoji, so a
flag is drawn as a picture beside the name when the optional flag images are installed
(`chart_flags` says why they are optional); otherwise the name carries its code,
"Japan (JP)". `flags=False` asks for the names alone. The look (light card, palette, no
pyplot) is explained in `chart_canvas`.

Input is untrusted: amounts that are NaN, infinite or negative count as 0, amounts past
1e18 are capped, points outside the window are ignored, and empty data gives a labelled
"No announcements in this window" image rather than an exception.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.render.chart_canvas import (
    INK,
    MUTED,
    PALETTE,
    PLAIN,
    add_flag,
    country_text,
    date_axis,
    empty_chart,
    header,
    new_figure,
    style_axes,
    to_png,
    value_axis,
)
from bot.render.chart_labels import (
    as_day,
    clean_amount,
    compact_number,
    gpu_label,
    mw_label,
    mw_tick,
    ordered_window,
    span_label,
    usd_label,
    wrapped,
)
from bot.render.chart_trend import trend_chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "ChartPoint",
    "CompareBar",
    "compare_chart",
    "timeline_chart",
    "trend_chart",
    "usd_label",
]

_Panel = tuple[str, str, Callable[[float], str], Callable[[float], str]]
# (CompareBar field, axis label, label at a bar's end, tick label)
_PANELS: tuple[_Panel, ...] = (
    ("usd", "USD announced", usd_label, usd_label),
    ("gpus", "GPUs", gpu_label, compact_number),
    ("mw", "Power (MW)", mw_label, mw_tick),
)
MAX_BARS = 12


@dataclass(frozen=True)
class ChartPoint:
    """One announcement's contribution on the day it was first reported."""

    day: date
    usd: float  # USD announced that day (0 if none)
    gpus: float  # GPUs announced that day (0 if none)


@dataclass(frozen=True)
class CompareBar:
    """One country's announced totals for `/ai-compare`."""

    country: str  # ISO alpha-2 or "EU"
    usd: float
    gpus: float
    mw: float


def _daily(points: Sequence[ChartPoint], start: date, end: date) -> dict[date, tuple[float, float]]:
    """USD and GPUs summed per day inside the window, days with nothing left out."""
    sums: dict[date, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for point in points:
        day = as_day(point.day)
        if start <= day <= end:
            sums[day][0] += clean_amount(point.usd)
            sums[day][1] += clean_amount(point.gpus)
    return {day: (usd, gpus) for day, (usd, gpus) in sorted(sums.items()) if usd or gpus}


def _steps(ax: Axes, days: dict[date, float], start: date, end: date, colour: str) -> float:
    """A cumulative step line from 0 at `start` to the total at `end`; returns the total."""
    from matplotlib.dates import date2num

    xs, ys, running = [start], [0.0], 0.0
    for day, value in days.items():
        running += value
        xs.append(day)
        ys.append(running)
    xs.append(end)
    ys.append(running)
    nums = date2num(xs)
    ax.step(nums, ys, where="post", color=colour, linewidth=2.4)
    ax.fill_between(nums, ys, step="post", color=colour, alpha=0.12, linewidth=0)
    inner = range(1, len(xs) - 1)  # the announcement days, numbered once above
    marked = [(float(nums[i]), ys[i]) for i in inner if days[xs[i]] > 0]
    if 0 < len(marked) <= 120:
        ax.plot(*zip(*marked, strict=True), "o", color=colour, markersize=5)
    return running


def _nothing_to_draw(ax: Axes, note: str) -> None:
    """A panel with no value above zero says so in its middle, rather than stay blank."""
    ax.text(
        0.5,
        0.5,
        note,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=MUTED,
        fontsize=13,
        **PLAIN,
    )


def _panel(ax: Axes, days: dict[date, float], window: tuple[date, date], *, money: bool) -> None:
    """One cumulative panel (USD or GPUs) with its total written at the end of the line."""
    colour = PALETTE[0] if money else PALETTE[4]
    style_axes(ax)
    value_axis(
        ax, "Cumulative USD" if money else "Cumulative GPUs", usd_label if money else compact_number
    )
    last = _steps(ax, days, *window, colour)
    ax.set_ylim(0, last * 1.18 if last > 0 else 1)
    if last <= 0:
        ax.set_yticks([0])
        what = "No money amounts" if money else "No GPU counts"
        _nothing_to_draw(ax, f"{what} in this window")
        return
    text = usd_label(last) if money else gpu_label(last)
    ax.annotate(
        text,
        (1.0, last),
        xycoords=("axes fraction", "data"),
        xytext=(-4, 8),
        textcoords="offset points",
        ha="right",
        color=colour,
        fontsize=13,
        weight="bold",
        **PLAIN,
    )


def timeline_chart(
    country: str, points: Sequence[ChartPoint], start: date, end: date, *, flags: bool = True
) -> bytes:
    """Cumulative announced USD (top) and GPUs (bottom) of one country over [start, end]."""
    start, end = ordered_window(start, end)
    days = _daily(points, start, end)
    title = f"{country_text(country, flags=flags)}: announced sovereign-AI commitments"
    span = span_label(start, end)
    if not days:
        return empty_chart(title, span, country, flags=flags)
    usd = math.fsum(v[0] for v in days.values())
    gpus = math.fsum(v[1] for v in days.values())
    subtitle = f"{span}  ·  {usd_label(usd)}  ·  {gpu_label(gpus)}  ·  by day first reported"
    fig = new_figure()
    header(fig, title, subtitle, country, flags=flags)
    top, bottom = fig.subplots(2, 1, sharex=True)
    _panel(top, {d: v[0] for d, v in days.items()}, (start, end), money=True)
    _panel(bottom, {d: v[1] for d, v in days.items()}, (start, end), money=False)
    date_axis(bottom, start, end, "Day first reported")
    return to_png(fig)


def _unique(bars: Sequence[CompareBar]) -> list[CompareBar]:
    """The bars in the order asked, a country asked twice shown once."""
    seen: set[str] = set()
    kept = []
    for bar in bars:
        key = str(bar.country).upper()
        if key not in seen:
            seen.add(key)
            kept.append(bar)
    return kept


def _bars(ax: Axes, values: list[float], panel: _Panel, colour: str) -> None:
    """One panel of horizontal bars, each with its value written at its end."""
    _kind, label, bar_label, tick_label = panel
    style_axes(ax, grid="x")
    rows = range(len(values))
    ax.barh(rows, values, color=colour, height=0.62)
    value_axis(ax, label, tick_label, axis="x")
    peak = max(values)
    ax.set_xlim(0, peak * 1.35 if peak > 0 else 1)
    if peak <= 0:
        ax.set_xticks([0])
        _nothing_to_draw(ax, "none announced")
        return
    for row, value in zip(rows, values, strict=True):
        ax.annotate(
            bar_label(value),
            (value, row),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            color=INK,
            fontsize=11,
            **PLAIN,
        )


def compare_chart(bars: Sequence[CompareBar], *, flags: bool = True) -> bytes:
    """Countries side by side: announced USD, GPUs and MW, one panel per unit."""
    unique = _unique(bars)
    shown = unique[:MAX_BARS]
    title = "Sovereign-AI commitments compared"
    more = f"  ·  +{len(unique) - len(shown)} more not shown" if len(unique) > len(shown) else ""
    subtitle = f"Announced totals, each announcement counted once{more}"
    columns = [[clean_amount(getattr(bar, panel[0])) for bar in shown] for panel in _PANELS]
    if not any(any(column) for column in columns):
        return empty_chart(title, subtitle, flags=flags)
    fig = new_figure()
    fig.subplots_adjust(left=0.2, wspace=0.3)
    header(fig, title, subtitle, flags=flags)
    axes = fig.subplots(1, len(_PANELS))  # not sharey: every shared tick costs a render ~1 ms
    for ax, values, panel, colour in zip(axes, columns, _PANELS, PALETTE, strict=False):
        _bars(ax, values, panel, colour)
        ax.set_yticks([])
        ax.set_ylim(len(shown) - 0.5, -0.5)  # the first country asked at the top
    first = axes[0]
    drawn = [add_flag(first, bar.country, row, flags=flags) for row, bar in enumerate(shown)]
    names = [wrapped(country_text(bar.country, flags=flags)) for bar in shown]
    first.set_yticks(range(len(shown)), names, fontsize=12, **PLAIN)
    first.tick_params(axis="y", pad=34 if any(drawn) else 4, length=0)
    return to_png(fig)
