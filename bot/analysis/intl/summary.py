"""The two-sentence summary in other languages: the English rules with each language's
sentence ends and the openings that lean on context ("Il", "Sie", "Pero", "また")."""

from __future__ import annotations

import re
from functools import partial

from bot.analysis.intl.text import CJK, sentences_in
from bot.analysis.summary import SummaryStyle, summarize

__all__ = ["summarize_in"]

_DANGLING = {
    "fr": r"il|elle|ils|elles|ce|cela|ceci|mais|et|aussi|cependant|son|sa|ses|leur|leurs",
    "de": r"er|sie|es|dies|das|diese|dieser|aber|und|auch|jedoch|sein|seine|ihr|ihre",
    "es": r"él|ella|ellos|ellas|esto|eso|este|esta|pero|y|también|sin embargo|su|sus",
    "pt": r"ele|ela|eles|elas|isso|isto|este|esta|mas|e|também|porém|seu|sua|seus|suas",
    "it": r"lui|lei|loro|questo|questa|ciò|ma|e|anche|tuttavia|suo|sua|suoi|sue",
    "ko": r"그는|그녀는|그러나|하지만|또한|이는|이에",
    "ja": r"また|しかし|さらに|一方|これ|それ|同氏|同社|彼",
}
_MARKS = r"[\"“‘'«„「『]"


def _style(lang: str) -> SummaryStyle:
    words = _DANGLING.get(lang, "")
    boundary = "" if lang in CJK else r"\b"
    dangling = re.compile(rf"^(?:{_MARKS}|(?:{words}){boundary})", re.IGNORECASE)
    if lang in CJK:
        return SummaryStyle(
            split=partial(sentences_in, lang),
            min_chars=20,
            max_chars=200,
            ends="。！？.!?」』”",
            dangling=dangling,
        )
    return SummaryStyle(split=partial(sentences_in, lang), dangling=dangling)


_STYLES = {lang: _style(lang) for lang in _DANGLING}


def summarize_in(lang: str, title: str | None, paragraphs: list[str]) -> tuple[str, ...]:
    """Up to two self-contained sentences from the top of an article in `lang`."""
    return summarize(title, paragraphs, style=_STYLES.get(lang) or _style(lang))
