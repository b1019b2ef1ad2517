"""Brackets between a Japanese name and its title, set aside before quotes are read.

Japanese news glosses a name right after it, before the title: its reading in kana
("孫正義（そん・まさよし）社長"), its Latin spelling ("（Chikage Washio）") or the person's
age ("（45）"). The speaker rules expect the title to follow the name, so such a bracket
is taken out of the text the attribution reads; the quotes themselves are never inside
one, and the Latin spelling is read from the original text (romaji.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["without_name_glosses"]

_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff々])[（(]\s*(?:[\u3040-\u30ffー・ 　]{2,20}|[A-Z][a-z][A-Za-z'.-]*"
    r"(?:\s[A-Z][a-z][A-Za-z'.-]*){1,3}|[0-9０-９]{1,3})\s*[）)](?=[\u4e00-\u9fff々\u30a0-\u30ffはが、])"
)


def without_name_glosses(paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs with readings, Latin spellings and ages after names taken out."""
    return [_GLOSS.sub("", p) if "（" in p or "(" in p else p for p in paragraphs]
