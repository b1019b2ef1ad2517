"""Quoted spans in the quote styles of the languages in intl/.

The English finder (quotemarks.py) already reads “ ”, « », „ “ and 「 」; German adds
»…« (guillemets pointing inwards) and the single low ‚…‘, which English never opens
with. A Japanese paragraph's 「…」 and 『…』 are its quotes and names at once: which
is which is decided later (quotes_ja.py), so here both are spans.
"""

from __future__ import annotations

import re

from bot.analysis.quotemarks import QuoteSpan, quote_spans

__all__ = ["QuoteSpan", "spans_in"]

_INWARDS = re.compile(r"»(?P<text>[^«»\n]*)«")
_LOW_SINGLE = re.compile(r"‚(?P<single>[^‘’‚\n]*?)‘(?![^\W\d_])")
_JAPANESE = re.compile(
    r"「(?P<text>(?:[^「」]|「[^「」]*」)*)(?:」|$)|『(?P<double>[^『』]*)(?:』|$)"
)


def _from_match(match: re.Match[str], single: bool) -> QuoteSpan | None:
    group = match.lastgroup or "text"
    raw = match.group(group)
    text = raw.strip()
    if not text:
        return None
    lead = len(raw) - len(raw.lstrip())
    closed = match.end() > match.end(group)
    return QuoteSpan(match.start(), match.end(), text, match.start(group) + lead, closed, single)


def _merge(base: list[QuoteSpan], extra: list[QuoteSpan]) -> list[QuoteSpan]:
    """`base` with the spans of `extra` that no span of `base` overlaps, in order."""
    kept = [e for e in extra if not any(b.start < e.end and e.start < b.end for b in base)]
    inner = [b for b in base if not any(e.start < b.start and b.end <= e.end for e in kept)]
    return sorted(inner + kept, key=lambda s: s.start)


def spans_in(lang: str, paragraph: str) -> list[QuoteSpan]:
    """Quoted spans of one paragraph in `lang`, outermost first, in text order."""
    if lang == "ja":  # 「…」 and 『…』, and “…” as some web news writes speech
        found = (_from_match(m, False) for m in _JAPANESE.finditer(paragraph))
        spans = [s for s in found if s is not None]
        if "“" in paragraph:
            curly = [s for s in quote_spans(paragraph) if paragraph[s.start] == "“"]
            spans = _merge(spans, curly)
        return spans
    spans = quote_spans(paragraph)
    if lang != "de":
        return spans
    inwards = paragraph.find("»")
    if inwards >= 0 and not 0 <= paragraph.find("«") < inwards:  # »…«, not Swiss «…»
        german = [s for s in map(_german, _INWARDS.finditer(paragraph)) if s is not None]
        spans = _merge(german, spans)
    if "‚" in paragraph:
        low = (_from_match(m, True) for m in _LOW_SINGLE.finditer(paragraph))
        spans = _merge(spans, [s for s in low if s is not None])
    return spans


def _german(match: re.Match[str]) -> QuoteSpan | None:
    return _from_match(match, False)
