"""Which countries an article in another language is about (entry point)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.countries import detect_countries

__all__ = ["detect_countries_in"]


def detect_countries_in(lang: str, title: str | None, paragraphs: Sequence[str]) -> tuple[str, ...]:
    """ISO codes of the countries the article is about, most central first."""
    return detect_countries(title, list(paragraphs))
