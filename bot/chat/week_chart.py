"""The weekly digest's chart: the week's announced USD by country, posted after the digest.

Drawn when the digest is sent (not when composed), so a preview costs no chart and a
digest resent after a crash draws it again from the same window. A chart that cannot be
drawn never holds the digest back: it goes without one, and the log says why.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from bot.models import Attachment, Digest
from bot.store.repo import Store, SubscriptionState

__all__ = ["with_week_chart"]

_log = logging.getLogger(__name__)


def _chart(store: Store, sub: SubscriptionState, digest: Digest) -> Attachment | None:
    series = store.trend(digest.window_start, digest.window_end, sub.countries)
    if not series:
        return None
    from bot.render.charts import trend_chart  # matplotlib: only when drawn

    start, end = digest.window_start.date(), digest.window_end.date()
    return Attachment(
        filename=f"sovai-week-{end:%Y%m%d}.png",
        data=trend_chart(series, start, end),
        mime="image/png",
        title="The week's announced money by country",
        alt="Bar chart of the USD announced each day of the week, by country",
    )


async def with_week_chart(store: Store, sub: SubscriptionState, digest: Digest) -> Digest:
    """The digest with its week's chart attached, when it is weekly and has one to show."""
    if digest.cadence != "weekly" or digest.empty or digest.files:
        return digest
    try:
        chart = await asyncio.to_thread(_chart, store, sub, digest)
    except Exception:
        _log.warning(
            "the weekly chart could not be drawn; the digest goes without it", exc_info=True
        )
        return digest
    return replace(digest, files=(chart,)) if chart is not None else digest
