"""Key figures in languages other than English (entry point).

The same kinds, units and USD values as English (figures.py), read with each language's
own numerals and words: French, German, Spanish, Portuguese and Italian share one engine
and differ by lexicon (figures_reader.py, figures_fr.py…); Japanese and Korean, which
count in 万/億/兆 and put counters after the number, have their own (figures_cjk.py).
A language without rules here is read as English. As in English, each distinct figure is
reported once, at its first mention, and none is marked `key` (the digest's choice).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.analysis.figures import extract_figures, figure_of
from bot.analysis.intl.figures_cjk import find_cjk_figures
from bot.analysis.intl.figures_de import GERMAN
from bot.analysis.intl.figures_es import SPANISH
from bot.analysis.intl.figures_fr import FRENCH
from bot.analysis.intl.figures_it import ITALIAN
from bot.analysis.intl.figures_lexicon import Lexicon
from bot.analysis.intl.figures_pt import PORTUGUESE
from bot.analysis.intl.figures_reader import find_figures
from bot.analysis.numbers import Hit
from bot.models import Figure

__all__ = ["extract_figures_in"]

_LEXICONS: dict[str, Lexicon] = {
    lex.lang: lex for lex in (FRENCH, GERMAN, SPANISH, PORTUGUESE, ITALIAN)
}
_CJK = ("ja", "ko")


def _hits(lang: str, paragraph: str, countries: Sequence[str], text: str) -> list[Hit]:
    if lang in _CJK:
        return find_cjk_figures(lang, paragraph, countries)
    return find_figures(_LEXICONS[lang], paragraph, countries, text)


def extract_figures_in(
    lang: str, paragraphs: Sequence[str], published: datetime | None, countries: Sequence[str]
) -> list[Figure]:
    """Figures of an article in `lang`: the same kinds, units and USD values as English."""
    if lang not in _LEXICONS and lang not in _CJK:
        return extract_figures(paragraphs, published, countries)
    text = "\n".join(paragraphs)
    figures: list[Figure] = []
    seen: set[tuple[str, str, float, float | None]] = set()
    for paragraph in paragraphs:
        for hit in _hits(lang, paragraph, countries, text):
            ident = (hit.kind, hit.unit, round(hit.value, 6), hit.low)
            if ident not in seen:
                seen.add(ident)
                figures.append(figure_of(hit, paragraph[hit.start : hit.end].strip(), published))
    return figures
