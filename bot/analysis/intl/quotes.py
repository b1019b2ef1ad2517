"""Quotes and their speakers in languages other than English (entry point)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.quotes import extract_quotes
from bot.models import Quote

__all__ = ["extract_quotes_in"]


def extract_quotes_in(lang: str, paragraphs: Sequence[str]) -> list[Quote]:
    """Direct quotes of an article in `lang`, in text order, with their speakers."""
    return extract_quotes(paragraphs)
