"""A person's grammatical gender, as the article itself shows it, for "he" and "she".

"He said" must not go to a woman when a man is also in play. No list of first names
decides it (names cross cultures and genders); only the text's own signals do: an
honorific ("Mr", "Ms", "Dame"), a gendered role ("chairwoman", "spokesman"), or a
pronoun that can only refer to the person ("Okafor said she …", "Okafor and her
ministry", when Okafor is the only person in the sentence). Conflicting signals leave
the gender unknown, and an unknown gender never rules a person out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from bot.analysis.sentences import SENTENCE_REACH

__all__ = ["Gender", "infer_genders", "pronoun_gender"]

Gender = Literal["m", "f"]

_HONORIFIC = re.compile(
    r"\b(?:(?P<m>Mr|Sir|Lord|Monsieur|Herr|Senhor|Señor)"
    r"|(?P<f>Mrs|Ms|Miss|Madam|Madame|Mme|Dame|Lady|Puan|Datin|Senhora|Señora|Frau))"
    r"\.?\s+$"
)
_ROLE = re.compile(  # "spokeswoman", "chairman"
    r"\b(?:chair|spokes|business|congress|council|committee|police|anchor)(?P<f>wo)?m[ae]n\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def pronoun_gender(word: str) -> Gender | None:
    """ "he"/"him" → "m", "she"/"her" → "f"; anything else → None."""
    match = _PRONOUN.fullmatch(word.strip())
    if match is None:
        return None
    return "m" if match["m"] else "f"


def _signal(match: re.Match[str] | None) -> Gender | None:
    if match is None:
        return None
    return "f" if match["f"] else "m"


def infer_genders(
    text: str,
    persons: Sequence[tuple[int, int, str, str | None]],
    sentence_start: Callable[[int], int],
) -> dict[str, Gender]:
    """Gender by full name, from `persons`: (start, end, full name, role) of each person
    mention in text order (`text` has quotes masked, so quoted pronouns never count)."""
    seen: dict[str, set[Gender]] = {}
    for k, (start, end, name, role) in enumerate(persons):
        signals = {
            _signal(_HONORIFIC.search(text, max(0, start - 12), start)),
            _signal(_ROLE.search(role)) if role else None,
        }
        reach = min(len(text), end + SENTENCE_REACH)  # a page without stops: bounded
        stop = _SENTENCE_END.search(text, end, reach)
        limit = stop.start() if stop else reach
        sentence = sentence_start(start)
        others = any(
            other != name and sentence <= s < limit
            for s, _, other, _ in persons[max(0, k - 3) : k + 4]
        )
        if not others:
            signals.add(_signal(_PRONOUN.search(text, end, limit)))
        seen.setdefault(name, set()).update(g for g in signals if g is not None)
    return {name: next(iter(found)) for name, found in seen.items() if len(found) == 1}
