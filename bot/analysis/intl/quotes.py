"""Quotes and their speakers in languages other than English (entry point).

Japanese and Korean have engines of their own (quotes_ja.py, quotes_ko.py): their
quotes end in a particle ("と述べた", "라고 말했다") and their speakers carry the title
after the name. French, German, Spanish, Portuguese and Italian share one engine with a
lexicon each (quotes_latin.py). Any other language is read as English.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.intl.quotes_ja import extract_japanese_quotes
from bot.analysis.intl.quotes_ko import extract_korean_quotes
from bot.analysis.intl.quotes_latin import LATIN, extract_latin_quotes
from bot.analysis.intl.readings import without_name_glosses
from bot.analysis.quotes import extract_quotes
from bot.models import Quote

__all__ = ["extract_quotes_in"]


def extract_quotes_in(lang: str, paragraphs: Sequence[str]) -> list[Quote]:
    """Direct quotes of an article in `lang`, in text order, with their speakers."""
    if lang == "ja":
        return extract_japanese_quotes(without_name_glosses(paragraphs))
    if lang == "ko":
        return extract_korean_quotes(paragraphs)
    if lang in LATIN:
        return extract_latin_quotes(lang, paragraphs)
    return extract_quotes(paragraphs)
