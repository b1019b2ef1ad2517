"""The ledger in words: amounts, totals, revisions and thresholds, the same on every platform.

An amount is shown as the article wrote it, with its USD value beside it when the
currency is another ("¥2 trillion ≈ $13.3B"): the native figure is what was said, the
dollars are what lets a reader compare countries. Totals are always in dollars.
"""

from __future__ import annotations

from datetime import datetime

from bot.ledger.views import Announcement, Totals
from bot.render.safe import clean_text, clip

__all__ = [
    "THRESHOLD_UNITS",
    "amount_label",
    "count_label",
    "day_label",
    "revision_label",
    "threshold_label",
    "totals_fields",
    "usd_short",
]

THRESHOLD_UNITS = {"money": "USD", "gpus": "GPUs", "power": "MW", "compute": "exaflops"}
_SHORT = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def usd_short(amount: float) -> str:
    """'$1.2B', '$350M', '$12K', '$900': three significant digits at most."""
    return "$" + _short(amount)


def _short(amount: float) -> str:
    for scale, suffix in _SHORT:
        if abs(amount) >= scale * 0.9995:
            value = amount / scale
            text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
            return text + suffix
    return f"{amount:,.0f}"


def count_label(value: float, unit: str) -> str:
    """'12,000 GPUs', '40 MW', '1.5 exaflops'."""
    if unit == "GPU":
        return f"{value:,.0f} GPU" + ("" if value == 1 else "s")
    if unit == "EFLOPS":
        return f"{value:.3g} exaflops"
    return f"{value:,.0f} MW" if value >= 10 else f"{value:.3g} MW"


def amount_label(a: Announcement) -> str:
    """The amount as written, and its USD value when another currency."""
    said = clean_text(clip(a.figure_text, 120))
    if a.kind == "money":
        if a.usd and a.unit != "USD":
            return f"{said} ≈ {usd_short(a.usd)}"
        return said or usd_short(a.value)
    return said or count_label(a.value, a.unit)


def day_label(when: datetime) -> str:
    """'4 Mar 2026': unambiguous in every locale."""
    return f"{when.day} {when:%b %Y}"


def revision_label(a: Announcement) -> str:
    """'¥1 trillion → ¥2 trillion (20 Jan → 4 Mar 2026)' for a revision."""
    if a.revises is None:
        return amount_label(a)
    old = a.revises
    dates = f"{old.first_reported.day} {old.first_reported:%b} → {day_label(a.first_reported)}"
    return f"{amount_label(old)} → {amount_label(a)} ({dates})"


def threshold_label(kind: str, threshold: float) -> str:
    """'money ≥ $1B', 'GPUs ≥ 10K'."""
    if kind == "money":
        return f"money ≥ {usd_short(threshold)}"
    return f"{THRESHOLD_UNITS.get(kind, kind)} ≥ {_short(threshold)}"


def totals_fields(totals: Totals) -> tuple[tuple[str, str], ...]:
    """The totals of a briefing or comparison, each announcement counted once."""
    fields = [
        ("Announced money", usd_short(totals.usd) if totals.usd else "none stated"),
        ("GPUs", f"{totals.gpus:,.0f}" if totals.gpus else "none stated"),
    ]
    if totals.mw:
        fields.append(("Power", count_label(totals.mw, "MW")))
    if totals.eflops:
        fields.append(("Compute", count_label(totals.eflops, "EFLOPS")))
    counted = f"{totals.announcements}"
    if totals.conflicts:
        counted += f" ({totals.conflicts} with outlets disagreeing)"
    fields.append(("Announcements", counted))
    return tuple(fields)
