"""Spokespeople and press offices speak for an organisation, not for themselves.

"A spokeswoman for the Ministry of Health, Welfare and Sport said …", "the press service
said", "a company spokesman said", "Orange's spokesperson said": the quote belongs to the
organisation. News names it once ("a spokesperson for X") and then shortens ("the
spokesperson", "she"), or leaves it to the reader ("I asked the department … a press
officer would only say"), so each form is resolved against the text before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.lexicon import words

__all__ = [
    "ORG_LIST",
    "PRESS_REF",
    "SPOKES_NOUNS",
    "SpokesSubject",
    "spoken_for",
    "spokesperson_for",
    "spokesperson_leading",
    "spokesperson_subjects",
]

SPOKES_NOUNS = (
    r"(?:spokesperson|spokesman|spokeswoman|spokespeople|representative|"
    r"press (?:service|office|officer|team|department|secretary))"
)
_CAP = r"[A-Z][\w&’'*-]*"
_WORDS = rf"{_CAP}(?:\s(?:(?:of|for|and|on|the|&)\s)*{_CAP})*"
# an organisation's name, also one whose portfolio is a list: "Ministry of Health, Welfare
# and Sport", "Innovation, Science and Economic Development Canada"
ORG_LIST = rf"{_WORDS}(?:(?:,\s{_CAP}(?:\s{_CAP})*)*,?\s(?:and|&)\s(?:the\s)?{_WORDS})?"
# "the press service of the ministry": a lowercase kind, resolved by speakers.py
KINDS = r"ministry|department|agency|commission|government|office|authority|company"
_FOR = re.compile(
    r"\b"
    + SPOKES_NOUNS
    + r"\s+(?:for|of|at|from)\s+(?:the\s+)?(?P<org>"
    + ORG_LIST
    + r"|"
    + KINDS
    + r")\b"
)
_POSSESSIVE = re.compile(
    r"(?<![\w’'])(?!(?:A|An|The|Its|His|Her)\s)(?P<org>" + _WORDS + r")(?:’s|'s)?\s+"
    r"(?:[a-z-]+\s+)?" + SPOKES_NOUNS + r"\b"
)
_SUBJECT = re.compile(
    r"\b(?:A|An|The)\s+(?:[a-z-]+\s+)?" + SPOKES_NOUNS + r"\s+(?:for|of|at|from)\s+(?:the\s+)?"
    r"(?P<org>" + ORG_LIST + r")\s*,?\s+(?:[a-z]+\s+)?(?:said|says|told|added|confirmed|noted|"
    r"explained|warned|insisted|stressed|[a-z]+ed)\b"
)
_LEADING = re.compile(
    r"\s*(?:A|An|The|a|an|the)\s+(?:[a-z-]+\s+)?" + SPOKES_NOUNS + r"\s+(?:for|of|at|from)\s+"
    r"(?:the\s+)?(?P<org>" + ORG_LIST + r")(?=\s*,|\s*$)"
)
# "the press service", "a press officer": a press office speaks for its organisation
PRESS_REF = re.compile(
    r"\b(?:the|a|an|its|[A-Z][\w-]*’s|[A-Z][\w-]*'s)\s+(?:[\w-]+\s+)?press\s+"
    r"(?:service|office|officer|team|department)$",
    re.IGNORECASE,
)
_WEAK = words("the a an it its this that")


@dataclass(frozen=True)
class SpokesSubject:
    """A spokesperson acting as a sentence's subject: a later "she said" is theirs."""

    at: int
    org: str


def _clean(org: str) -> str | None:
    org = org[4:] if org.startswith("The ") else org
    return None if org.lower() in _WEAK else org


def spokesperson_for(segment: str) -> str | None:
    """The organisation of a phrase that is only "a spokesperson for X"."""
    match = _FOR.search(segment)
    if match and not segment[match.end() :].strip():
        return _clean(match.group("org"))
    return None


def spokesperson_leading(span: str) -> str | None:
    """The organisation of a clause that opens with its spokesperson: "A spokesperson for
    the Digital Council, a lobby group whose members …, said" is the Digital Council's."""
    match = _LEADING.match(span)
    return _clean(match.group("org")) if match else None


def spoken_for(text: str, pos: int) -> str | None:
    """The organisation a spokesperson or press office last spoke for before `pos`."""
    found: tuple[int, str] | None = None
    for pattern in (_FOR, _POSSESSIVE):
        for match in pattern.finditer(text, 0, pos):
            if found is None or match.start() > found[0]:
                found = (match.start(), match.group("org"))
    return _clean(found[1]) if found else None


def spokesperson_subjects(text: str) -> list[SpokesSubject]:
    """Every "A spokeswoman for X said …" in the text, in order."""
    out = []
    for match in _SUBJECT.finditer(text):
        org = _clean(match.group("org"))
        if org:
            out.append(SpokesSubject(match.start(), org))
    return out
