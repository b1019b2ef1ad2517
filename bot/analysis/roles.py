"""The role that comes with a name: "Nvidia CEO Jensen Huang", "Jensen Huang, Nvidia's
founder". Kept whole, as the article writes it ("Electronics and IT Minister"), with the
honorifics that vouch for a person ("Dr", "Datuk Seri", "Tan Sri") set apart.
"""

from __future__ import annotations

import re

from bot.analysis.lexicon import (
    AUX_WORDS,
    FUNCTION_WORDS,
    HONORIFICS,
    PREPOSITIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
    words,
)
from bot.analysis.name_words import bare, is_name_word

__all__ = ["CONNECTORS", "PAIRED_HONORIFICS", "VERB_LIKE", "appositive", "role_before"]

VERB_LIKE = words(
    """is was are were has had have will would can could should must may might plans
    wants believes thinks hopes expects met told took made gave went saw spoke led became
    won lost sent held built began left brought sought thought felt wrote"""
)
# An appositive role ends at a verb, a relative clause, or a comma before a preposition:
# ", minister of trade, energy and industry said" keeps its inner commas.
_APPOSITIVE_END = re.compile(
    r"[.;:!?“\"‘(]|,\s*(?:who|which|but|speaking|[a-z]+ed|"
    + "|".join(sorted(VERB_LIKE | PREPOSITIONS))
    + r")\b|\s(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")\b"
)
_STOP_BEFORE = FUNCTION_WORDS - words("of and for")
CONNECTORS = frozenset(["of", "and", "for", "the"])
PAIRED_HONORIFICS = words("tan puan toh datuk dato datin")


def role_before(text: str, words: list[re.Match[str]], first: int) -> str:
    """Title and role words right before a name: "Nvidia CEO", "Electronics and IT
    Minister", "state industries secretary", and a long title set off by commas:
    "Cabinet Secretary for Information, Communications and the Digital Economy, Dr. Jane
    Doe". Honorifics between the role and the name vouch for the person but are not the
    role; a title across a comma holds no name ("President Ruto, Jane Doe" is a list)."""
    if first and words[first - 1].group().lower() in CONNECTORS:
        return ""  # "CEO of Orion Telecom": the name is the organisation
    keep = first
    commas: list[int] = []  # word index right of each comma crossed
    lowercase = 0
    for i in range(first - 1, -1, -1):
        gap = text[words[i].end() : words[keep].start()].strip()
        word = words[i].group()
        low = bare(word).lower()
        acronym = len(word) > 1 and word.isupper()  # "IT", not the pronoun "it"
        titled = word[0].isupper() or (low in TITLES and keep == first)  # "the minister, Jo Li"
        comma = gap == "," and titled and len(commas) < 3
        abbreviation = gap == "." and low in HONORIFICS  # "Mr. Modi", not "director. But"
        of_the = low == "the" and i and words[i - 1].group().lower() in CONNECTORS
        stop = low in _STOP_BEFORE and not acronym and not of_the  # "Minister of the Interior"
        listed = low == "and" and i and is_name_word(words[i - 1].group())  # "Ravi Rao and"
        if (gap and not comma and not abbreviation) or stop or listed:
            break
        lowercase += not (low in ROLE_WORDS or word[0].isupper())
        if lowercase > 4 or not (low in ROLE_WORDS or word[0].isupper() or _portfolio(word)):
            break
        if comma:
            commas.append(keep)
        keep = i
    role = words[keep:first]
    if commas and any(
        is_name_word(w.group()) and bare(w.group()).lower() not in TITLES for w in role
    ):
        role = words[commas[0] : first]  # the nearest part only
    while role and (role[0].group().lower() in CONNECTORS or _loose([w.group() for w in role])):
        role.pop(0)
    honorifics: list[str] = []
    while role and (n := _honorific(role)):
        honorifics[:0] = [w.group() for w in role[-n:]]
        del role[-n:]
    if not any(bare(w.group()).lower() in TITLES for w in role):
        return " ".join(w for w in honorifics if w.lower() not in CONNECTORS)
    return text[role[0].start() : role[-1].end()]  # as written: "Science, Technology and …"


def _honorific(role: list[re.Match[str]]) -> int:
    """How many words at the end of `role` are an honorific ("Dr", "Datuk", the Malaysian
    "Tan Sri" and "Puan Sri"; alone, Sri is a given name: "Sri Mulyani") or a connector."""
    low = bare(role[-1].group()).lower().rstrip(".")
    if low in ("sri", "seri") and len(role) > 1:
        return 2 if role[-2].group().lower() in PAIRED_HONORIFICS else 0
    return int(low in HONORIFICS or low in CONNECTORS)


def _loose(role_words: list[str]) -> bool:
    """The first word qualifies nothing that follows: a run of lowercase words that
    reaches no title before a capitalised word ("artificial intelligence Jane Doe")."""
    if not role_words[0].islower():
        return False
    for word in role_words:
        if bare(word).lower() in TITLES:
            return False
        if word[0].isupper():
            return True
    return True


def _portfolio(word: str) -> bool:
    """A lowercase word of a portfolio: "transport" in "transport minister", "digital" in
    "minister for digital transition"; not "said", "visited" or "with"."""
    low = word.lower()
    if not word.isalpha() or not word.islower():
        return False
    if low in FUNCTION_WORDS or low in SPEECH_VERBS or low in PREPOSITIONS or low in AUX_WORDS:
        return False
    return not low.endswith(("ed", "ing", "ly")) and low not in VERB_LIKE


def appositive(after: str) -> str:
    """The role in ", minister of trade, energy and industry said"."""
    if not after.startswith(","):
        return ""
    rest = after[1:160]
    stop = _APPOSITIVE_END.search(rest)
    segment = rest[: stop.start()] if stop else rest
    segment = segment.strip().rstrip(",").strip()
    if segment.split(" ", 1)[0] in ("which", "that", "where", "when", "whose"):
        return ""  # a relative clause, not a role
    head = segment.lower().replace("’s", "").split()[:4]
    # "a computational linguist at …", "a historian of …": a person's profession
    trade = [w for w in head if w.isalpha() and len(w) > 5 and w.endswith(("ist", "ian"))]
    return segment if trade or any(w.strip(",") in TITLES for w in head) else ""
