"""Key figures in languages other than English (entry point)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.analysis.figures import extract_figures
from bot.models import Figure

__all__ = ["extract_figures_in"]


def extract_figures_in(
    lang: str, paragraphs: Sequence[str], published: datetime | None, countries: Sequence[str]
) -> list[Figure]:
    """Figures of an article in `lang`: the same kinds, units and USD values as English."""
    return extract_figures(paragraphs, published, countries)
