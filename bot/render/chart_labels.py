"""Numbers, dates and country names as the charts print them: "$1.2B", "12K GPUs", "Mar 4".

Pure string functions with no matplotlib import, so they are tested on their own and the
chat text can use the same wording as the picture. Compact figures keep one decimal
below 10 of a unit ("$1.2B") and none above ("$350M"): a tick label is read at a glance,
and three significant digits would be noise beside the bar it names.
"""

from __future__ import annotations

import math
import textwrap
from datetime import date, datetime

from bot.analysis.country_lookup import country_name

__all__ = [
    "as_day",
    "clean_amount",
    "compact_number",
    "country_caption",
    "day_label",
    "gpu_label",
    "mw_label",
    "mw_tick",
    "ordered_window",
    "span_label",
    "usd_label",
    "wrapped",
]

MAX_AMOUNT = 1e18  # any one figure above a quintillion is a parsing error; drawn at the cap
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_MAX_NAME = 40


def clean_amount(value: float) -> float:
    """A figure fit to draw: NaN and infinities as 0 (ignored), negatives as 0, capped."""
    if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        return 0.0
    return float(min(value, MAX_AMOUNT))


def _rounded(value: float) -> str:
    """'1.2', '12', '1,000': one decimal below 10, a trailing '.0' dropped."""
    text = f"{value:.1f}" if value < 9.95 else f"{value:,.0f}"
    return text.removesuffix(".0")


def compact_number(value: float) -> str:
    """'1.2B', '350M', '12K', '950', '0'; negative with a minus; '?' when not a number.

    A value that rounds up into the next scale is shown there (999,960 reads '1M', not
    '1,000K'); above the largest scale the number grows with thousands separators.
    """
    if not math.isfinite(value):
        return "?"
    sign, size = ("-" if value < 0 else ""), abs(value)
    for scale, suffix in _SCALES:
        if size >= scale * 0.9995:
            return f"{sign}{_rounded(size / scale)}{suffix}"
    if size < 0.05:
        return "0"
    return f"{sign}{_rounded(size)}"


def usd_label(value: float) -> str:
    """'$1.2B', '$350M', '$12K', '$0'; '-$5M' for a negative (a change, never a total)."""
    text = compact_number(value)
    if text == "?":
        return "$?"
    return f"-${text[1:]}" if text.startswith("-") else f"${text}"


def gpu_label(value: float) -> str:
    """'12K GPUs', '1 GPU', '0 GPUs'."""
    text = compact_number(value)
    return f"{text} {'GPU' if text == '1' else 'GPUs'}"


def mw_label(value: float) -> str:
    """'350 MW', '1.2 GW': data-centre power reads in gigawatts past a thousand megawatts."""
    if math.isfinite(value) and abs(value) >= 999.5:
        return f"{compact_number(value / 1000)} GW"
    return f"{compact_number(value)} MW"


def mw_tick(value: float) -> str:
    """'250', '1,000' on a megawatt axis (its label says MW); compact past 10,000."""
    return f"{value:,.0f}" if math.isfinite(value) and abs(value) < 1e4 else compact_number(value)


def as_day(value: date) -> date:
    """A date from a date or datetime (a datetime is a date, but cannot be subtracted from one)."""
    return value.date() if isinstance(value, datetime) else value


def ordered_window(start: date, end: date) -> tuple[date, date]:
    """The window as dates, in order: a reversed one is read the right way round."""
    start, end = as_day(start), as_day(end)
    return (start, end) if start <= end else (end, start)


def day_label(day: date) -> str:
    """'Mar 4': month and day; the year is in the chart's subtitle, once."""
    return f"{day:%b} {day.day}"


def span_label(start: date, end: date) -> str:
    """'Mar 4 – Jun 2, 2026', or 'Dec 3, 2025 – Mar 2, 2026' across a new year."""
    if start == end:
        return f"{day_label(end)}, {end.year}"
    if start.year == end.year:
        return f"{day_label(start)} – {day_label(end)}, {end.year}"
    return f"{day_label(start)}, {start.year} – {day_label(end)}, {end.year}"


def country_caption(code: str, *, with_code: bool = True) -> str:
    """'Japan (JP)', or 'Japan' when a flag is drawn beside it; an unknown code as itself.

    The code goes in brackets because a chart cannot show the flag emoji chat uses
    (Agg draws no colour glyphs), and 'Georgia' or 'Congo' alone can be ambiguous.
    """
    raw = "".join(ch for ch in str(code) if ch.isprintable()).strip()[:_MAX_NAME] or "?"
    name = country_name(raw)
    if name == raw or not with_code:
        return name
    return f"{name} ({raw.upper()})"


def wrapped(text: str, width: int = 18) -> str:
    """A label on at most two lines: 'United States of\nAmerica (US)', a longer one cut with '…'.

    Bars and legend keys have a fixed room beside them; a name that wrapped freely would
    run into the plot or the next key.
    """
    lines = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)
