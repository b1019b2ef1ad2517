"""The weekly digest's chart: the week's announced USD by country, posted after the digest.

Drawn when the digest is sent (not when composed), in the chart worker
(`bot.chart_pool`), so a preview costs no chart and a digest resent after a crash
draws it again from the same window. A chart that cannot be
drawn never holds the digest back: it goes without one, and the log says why.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from bot.chart_pool import draw_charts
from bot.models import Chart, Digest
from bot.render.chart_specs import trend_spec
from bot.store.repo import Store, SubscriptionState

__all__ = ["with_week_chart"]

_log = logging.getLogger(__name__)


def _spec(store: Store, sub: SubscriptionState, digest: Digest) -> Chart | None:
    series = store.trend(digest.window_start, digest.window_end, sub.countries)
    if not series:
        return None
    start, end = digest.window_start.date(), digest.window_end.date()
    return trend_spec(
        series,
        (start, end),
        filename=f"sovai-week-{end:%Y%m%d}.png",
        title="The week's announced money by country",
        alt="Bar chart of the USD announced each day of the week, by country",
    )


async def with_week_chart(store: Store, sub: SubscriptionState, digest: Digest) -> Digest:
    """The digest with its week's chart attached, when it is weekly and has one to show."""
    if digest.cadence != "weekly" or digest.empty or digest.files:
        return digest
    try:
        spec = await asyncio.to_thread(_spec, store, sub, digest)
    except Exception:
        _log.warning(
            "the week's figures could not be read; the digest goes without its chart",
            exc_info=True,
        )
        return digest
    drawn = await draw_charts((spec,)) if spec is not None else ()
    return replace(digest, files=drawn) if drawn else digest
