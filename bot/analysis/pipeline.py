"""`analyze(title, text)`: the single entry point of the analysis, pure and fast.

The article's language picks the rules: English has its own modules in this package,
every other supported language the entry points of `intl/`, which take the language
code; a language with no rules of its own is read as English, as before.
"""

from __future__ import annotations

from datetime import datetime

from bot.analysis.countries import detect_countries
from bot.analysis.figures import extract_figures
from bot.analysis.keys import mark_key_figures, mark_key_quotes
from bot.analysis.language import SUPPORTED, detect_language
from bot.analysis.quotes import extract_quotes
from bot.analysis.relevance import RELEVANCE_THRESHOLD, score_relevance
from bot.analysis.sentences import paragraphs
from bot.analysis.summary import summarize
from bot.models import Analysis

__all__ = ["ANALYZER_VERSION", "analyze"]

ANALYZER_VERSION = "4"


def analyze(
    title: str | None, text: str, published: datetime | None = None, language: str | None = None
) -> Analysis:
    """Analyse one article's title and main text (`language`: the page's own metadata)."""
    lang = detect_language(title, text, language)
    paras = paragraphs(text)
    if paras and title and paras[0].strip() == title.strip():
        paras = paras[1:]
    if lang != "en" and lang in SUPPORTED:
        return _analyze_in(lang, title, paras, published)
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
        language=lang,
    )


def _analyze_in(
    lang: str, title: str | None, paras: list[str], published: datetime | None
) -> Analysis:
    # imported on the first article in another language: their lexicons take half a
    # second to build, which every `sovai` command would otherwise pay at start
    from bot.analysis.intl.countries import detect_countries_in
    from bot.analysis.intl.figures import extract_figures_in
    from bot.analysis.intl.quotes import extract_quotes_in
    from bot.analysis.intl.relevance import score_relevance_in
    from bot.analysis.intl.romaji import with_latin_speakers
    from bot.analysis.intl.summary import summarize_in

    countries = detect_countries_in(lang, title, paras)
    relevance, reasons = score_relevance_in(lang, title, paras, countries)
    quotes = extract_quotes_in(lang, paras)
    if lang in ("ja", "ko"):
        quotes = with_latin_speakers(quotes, paras)
    return Analysis(
        relevant=relevance >= RELEVANCE_THRESHOLD,
        relevance=relevance,
        countries=countries,
        quotes=mark_key_quotes(quotes, countries, lang),
        figures=mark_key_figures(extract_figures_in(lang, paras, published, countries), lang),
        summary=summarize_in(lang, title, paras),
        reasons=reasons,
        language=lang,
    )
