"""Acronyms an article defines, so that "the DPC said" is credited to its full name.

News spells an organisation out once with its acronym in parentheses ("the Data
Protection Commission (DPC)") and uses the acronym afterwards. A reader of the digest
may not know the acronym, so a speaker given as one is shown under the name it stands
for. The acronym must plausibly abbreviate the name: its first letter is the first
letter of the name, and its letters appear in the name in order (accents aside), which
keeps "(AI)" after "the Ministry of Finance" from being read as a definition. A name
translated into English keeps its native acronym ("the National Research and Innovation
Agency (BRIN)", "the National Data Protection Authority (ANPD)"): the letters are then
the name's initials in another order, with at most one missing, and as many as the
name has words.
"""

from __future__ import annotations

import re
import unicodedata

from bot.analysis.lexicon import words

__all__ = ["defined_acronyms", "spelled_out"]

_CAP = r"[A-ZÀ-ÖØ-ÞČŠŽŁŚŹĆŃ][\w&’'.-]*"
_DEFINITION = re.compile(
    rf"(?P<full>{_CAP}(?:(?:,\s+|\s+)(?:(?:of|for|and|on|the|de|du|des|la|le|di|del|&)\s+)*{_CAP})*)"
    r"\s*\((?P<abbr>[A-Z][A-Za-z&*]{1,9})\)"
)
_SMALL = words("of for and on the de du des la le di del &")
_SMALL_OR_COMMA = _SMALL | {","}


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).upper()


def _abbreviates(abbr: str, full: str) -> bool:
    letters = [c for c in _fold(abbr) if c.isalpha()]
    initials = "".join(w[0] for w in _fold(full).split() if w.lower() not in _SMALL)
    if not letters or not initials or letters[0] != initials[0]:
        return False
    remaining = iter(_fold(full))
    return all(c in remaining for c in letters)


def _translated(abbr: str, full: str) -> bool:
    """Whether `abbr` is the native acronym of an English translation of its name."""
    letters = [c for c in _fold(abbr) if c.isalpha()]
    initials = [w[0] for w in _fold(full).split() if w.lower() not in _SMALL]
    if len(letters) < 3 or abs(len(letters) - len(initials)) > 1:
        return False
    pool = list(initials)
    missing = 0
    for c in letters:
        if c in pool:
            pool.remove(c)
        else:
            missing += 1
    return missing <= 1 and len(letters) - missing >= 3


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym → the name it stands for, as the text defines them (first definition wins)."""
    out: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        abbr, full = match["abbr"], match["full"].strip()
        words = full.replace(",", " ,").split()  # commas kept apart, rejoined below
        while words and words[0].lower() in ("the", "a", "an"):
            words.pop(0)
        if len(words) > 2 and words[0].endswith(("'s", "’s")):
            words.pop(0)  # "Brazil's National Data Protection Authority (ANPD)"
        # keep only as much of the run as the acronym needs: "In March the Data
        # Protection Commission (DPC)" → "Data Protection Commission"
        for k in range(len(words)):
            candidate = " ".join(words[k:]).replace(" ,", ",")
            if words[k].lower() not in _SMALL_OR_COMMA and _abbreviates(abbr, candidate):
                if len(words) - k >= 2:
                    out.setdefault(abbr, candidate)
                break
        else:
            whole = " ".join(words).replace(" ,", ",")
            if "," not in whole and _translated(abbr, whole):
                out.setdefault(abbr, whole)
    return out


_RUN = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|and|on|the|&)\s+)*{_CAP})+")


def spelled_out(text: str, acronym: str) -> str | None:
    """The name an undefined acronym abbreviates, when the text writes exactly one name
    with its initials: "the NLTA" after "the National Language Technology Agency"."""
    if not (1 < len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
        return None
    found = set()
    for match in _RUN.finditer(text):
        words = [w for w in match.group().split() if w.lower() not in _SMALL]
        for k in range(len(words) - len(acronym) + 1):  # the run may start earlier
            part = words[k : k + len(acronym)]
            if "".join(_fold(w[0]) for w in part) == acronym and k + len(acronym) == len(words):
                start = match.group().find(part[0])
                found.add(match.group()[start:])
    return found.pop() if len(found) == 1 else None
