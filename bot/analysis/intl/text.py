"""Sentences in languages whose full stops are not ". ".

Japanese and Chinese end a sentence with 。！？ and no space; Korean uses both 。-less
". " and full-width marks. A closing quote or bracket right after the stop belongs to
the sentence that ends there, and a stop inside 「…」 ends the quoted sentence, not the
one quoting it. Latin-script languages keep the English splitter, whose
boundary already allows accented capitals.
"""

from __future__ import annotations

import re

from bot.analysis.sentences import sentences

__all__ = ["CJK", "sentences_in"]

CJK = frozenset({"ja", "ko", "zh"})
_CJK_END = re.compile(r"[。！？!?]+[」』）)\]”’]*|(?<=[다요])\.(?=\s)")


_OPEN = "「『（(“"
_CLOSE = "」』）)”"


def _depths(paragraph: str) -> list[int]:
    """How many brackets are open before each character: 「AIは重要だ。急ぐべきだ」と語った
    is one sentence whose quote holds two."""
    depth = 0
    out = []
    for ch in paragraph:
        out.append(depth)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return out


def sentences_in(lang: str, paragraph: str) -> list[str]:
    """Sentences of one paragraph of text in `lang`."""
    if lang not in CJK:
        return sentences(paragraph)
    out: list[str] = []
    start = 0
    depths: list[int] | None = None
    for match in _CJK_END.finditer(paragraph):
        if depths is None:
            depths = _depths(paragraph) if any(c in _OPEN for c in paragraph) else []
        if depths and depths[match.start()]:
            continue
        piece = paragraph[start : match.end()].strip()
        if piece:
            out.append(piece)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out
