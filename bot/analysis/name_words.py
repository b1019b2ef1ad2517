"""Is this word part of a person's name? The word-level tests behind names.py and roles.py.

Without an NLP model, a name word is a capitalised word that is none of the things
lexicon.py lists: titles, organisation words, months, places, acronyms. Particles and
hyphenated prefixes of Arabic names ("al-Kuwaiti") are name words whatever follows them.
"""

from __future__ import annotations

from bot.analysis.lexicon import (
    COMMON_CAPS,
    GENERIC_ACRONYMS,
    NOT_ACRONYMS,
    PARTICLES,
    PLACE_WORDS,
    noun_like,
)

__all__ = ["bare", "is_acronym", "is_name_word", "is_place_word"]


def bare(word: str) -> str:
    """The word without a possessive ending: "Nvidia’s" → "Nvidia"."""
    if len(word) > 3 and word[-2] in "’'" and word[-1] == "s":
        return word[:-2]
    return word[:-1] if len(word) > 2 and word[-1] in "’'" else word


_NOT_ORG_ACRONYMS = NOT_ACRONYMS | GENERIC_ACRONYMS
_COMPOUND_TAILS = frozenset(
    ["based", "led", "run", "made", "born", "owned", "built", "style", "like", "wide", "funded"]
)


def is_name_word(word: str) -> bool:
    if word.startswith("@"):
        return len(word) > 2 and word[1].isupper()
    base = bare(word)
    prefix, _, rest = base.partition("-")
    if rest[:1].isupper() and prefix.lower() in PARTICLES:  # al-Sayed, el-Sisi, al-Kuwaiti
        return rest.isalpha() and not rest.isupper()
    participle = (len(rest) >= 5 and rest.endswith("ed")) or (
        len(rest) >= 6 and rest.endswith("ing")
    )
    if rest.islower() and (participle or rest in _COMPOUND_TAILS):
        return False  # "Microsoft-backed", "Seoul-based": an adjective; not "Yi-ling"
    if not base or not base[0].isupper() or base.lower() in COMMON_CAPS or noun_like(base):
        return False
    return not (len(base) > 1 and base.isupper())  # CEO, NVIDIA, JAKARTA: acronyms


def is_acronym(word: str) -> bool:
    base = bare(word)
    low = base.lower()
    return len(base) > 1 and base.isupper() and low not in _NOT_ORG_ACRONYMS


def is_place_word(word: str) -> bool:
    """A word of a place name that is also a personal name ("Minh", "Lima", "Sri")."""
    base = bare(word)
    return base[:1].isupper() and not base.isupper() and base.lower() in PLACE_WORDS
