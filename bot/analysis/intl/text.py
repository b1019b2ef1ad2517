"""Sentences in languages whose full stops are not ". ".

Japanese and Chinese end a sentence with 。！？ and no space; Korean uses both 。-less
". " and full-width marks. A closing quote or bracket right after the stop belongs to
the sentence that ends there. Latin-script languages keep the English splitter, whose
boundary already allows accented capitals.
"""

from __future__ import annotations

import re

from bot.analysis.sentences import sentences

__all__ = ["CJK", "sentences_in"]

CJK = frozenset({"ja", "ko", "zh"})
_CJK_END = re.compile(r"[。！？!?]+[」』）)\]”’]*|(?<=[다요])\.(?=\s)")


def sentences_in(lang: str, paragraph: str) -> list[str]:
    """Sentences of one paragraph of text in `lang`."""
    if lang not in CJK:
        return sentences(paragraph)
    out: list[str] = []
    start = 0
    for match in _CJK_END.finditer(paragraph):
        piece = paragraph[start : match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out
