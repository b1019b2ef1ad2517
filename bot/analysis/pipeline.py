"""`analyze(title, text)`: the single entry point of the analysis, pure and fast."""

from __future__ import annotations

from datetime import datetime

from bot.analysis.countries import detect_countries
from bot.analysis.figures import extract_figures
from bot.analysis.keys import mark_key_figures, mark_key_quotes
from bot.analysis.quotes import extract_quotes
from bot.analysis.relevance import RELEVANCE_THRESHOLD, score_relevance
from bot.analysis.sentences import paragraphs
from bot.analysis.summary import summarize
from bot.models import Analysis

__all__ = ["ANALYZER_VERSION", "analyze"]

ANALYZER_VERSION = "3"


def analyze(title: str | None, text: str, published: datetime | None = None) -> Analysis:
    """Analyse one article's title and main text."""
    paras = paragraphs(text)
    if paras and title and paras[0].strip() == title.strip():
        paras = paras[1:]
    countries = detect_countries(title, paras)
    relevance, reasons = score_relevance(title, paras, countries)
    return Analysis(
        relevant=relevance >= RELEVANCE_THRESHOLD,
        relevance=relevance,
        countries=countries,
        quotes=mark_key_quotes(extract_quotes(paras), countries),
        figures=mark_key_figures(extract_figures(paras, published, countries)),
        summary=summarize(title, paras),
        reasons=reasons,
    )
