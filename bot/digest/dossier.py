"""A country's dossier for `/ai-country`: its latest stories and what they add up to.

Totals count each story once: its key money figures in USD (a conversion in parentheses
is the same amount, already left out of the key figures) and its GPU counts, so the
sums say "announced so far in the window", not "mentioned so far".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.digest.compose import DigestRequest, compose_item, rank_score
from bot.models import Dossier, Story

__all__ = ["MAX_DOSSIER_STORIES", "build_dossier"]

MAX_DOSSIER_STORIES = 6


def _about(story: Story, code: str) -> bool:
    return story.analysis.relevant and code in story.analysis.countries


def build_dossier(code: str, stories: Sequence[Story], start: datetime, end: datetime) -> Dossier:
    """The dossier of `code` over [start, end) from the stored stories of that window."""
    chosen = [s for s in stories if _about(s, code)]
    request = DigestRequest(channel=f"dossier:{code}", window_start=start, window_end=end)
    latest = sorted(chosen, key=lambda s: s.published or start, reverse=True)
    shown = sorted(latest[:MAX_DOSSIER_STORIES], key=lambda s: -rank_score(s, request))
    money = sum(
        f.usd or 0.0 for s in chosen for f in s.analysis.figures if f.key and f.kind == "money"
    )
    gpus = sum(
        f.value for s in chosen for f in s.analysis.figures if f.kind == "count" and f.unit == "GPU"
    )
    outlets = {name for s in chosen for name, _ in s.sources} | {
        s.source for s in chosen if s.source and not s.sources
    }
    return Dossier(
        country=code,
        window_start=start,
        window_end=end,
        stories=tuple(compose_item(s) for s in shown),
        total_stories=len(chosen),
        money_usd=money,
        gpus=gpus,
        sources=len(outlets),
    )
