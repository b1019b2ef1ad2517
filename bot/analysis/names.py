"""Person-name mentions found without an NLP model.

A name is a run of capitalised words that are none of the things lexicon.py lists
(titles, organisation words, months, places, sentence openers, acronyms), with name
particles allowed inside ("Ursula von der Leyen", "Mohammed bin Salman"). The words
just before it give the role ("Nvidia CEO", "Minister of Communication and
Information"), and so does an appositive after it (", minister of trade, …").
A title or role before a name, an appositive, or a speech verb next to it is what makes
it a person rather than a company with a two-word name.

Names of every tradition: honorifics such as "Datuk" or "Haji" are titles, not names;
a word of a place name is part of a name next to a name word ("Nguyen Thi Minh Chau"),
while a capitalised word with a noun's ending is a portfolio, never a name ("Minister
for Digital Transformation Óscar Llorente"); and an affiliation between the name and the
verb is skipped ("Michal Rozen of the Technion, who chairs the panel, said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.lexicon import (
    AUX_WORDS,
    COMMON_CAPS,
    FUNCTION_WORDS,
    GENERIC_ACRONYMS,
    HEADLINE_VERBS,
    HONORIFICS,
    PARTICLES,
    PERSON_VERBS,
    PLACE_WORDS,
    PREPOSITIONS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
    noun_like,
    words,
)

__all__ = ["NameMention", "name_key", "name_mentions"]

_WORD = re.compile(r"@?[^\W_][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NEXT_WORD = re.compile(r"[\s,]*([\w’'-]+)")
_VERB_LIKE = words(
    """is was are were has had have will would can could should must may might plans
    wants believes thinks hopes expects met told took made gave went saw spoke led became
    won lost sent held built began left brought sought thought felt wrote"""
)
# An appositive role ends at a verb, a relative clause, or a comma before a preposition:
# ", minister of trade, energy and industry said" keeps its inner commas.
_APPOSITIVE_END = re.compile(
    r"[.;:!?“\"‘(]|,\s*(?:who|which|but|speaking|[a-z]+ed|"
    + "|".join(sorted(_VERB_LIKE | PREPOSITIONS))
    + r")\b|\s(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")\b"
)
_STOP_BEFORE = FUNCTION_WORDS - words("of and for")
_CONNECTORS = frozenset(["of", "and", "for", "the"])
_RELATIVE = re.compile(r",\s*(?:who\b[^,.;:!?]*|\d{1,3}),?")  # ", who heads …,", ", 61,"
_COPULAS = words("is was has had have will would")
_PAIRED_HONORIFICS = words("tan puan toh datuk dato datin")
_NISBA = words("Al El Bin Bint Ibn Abu al el bin bint ibn")
# ", in an interview,", ", speaking on Monday,": an aside between a subject and its verb
_ASIDE = re.compile(
    r",\s*(?:in|on|at|during|after|before|speaking|writing|however|meanwhile|though|"
    r"for (?:his|her) part|too)\b[^,.;:!?“\"]{0,50},"
)
# "of the Technion", "at Orion Labs": where a person works, between the name and the verb
_AFFILIATION = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|the)\s+)*"
    r"[A-Z][\w’'&.-]*)*(?=,|\s+[a-z])"
)


@dataclass(frozen=True)
class NameMention:
    """A name in the text: `name` as written, `role` when the text gives one."""

    start: int
    end: int
    name: str
    role: str | None
    person: bool  # a title, a role or a speech verb vouches that this is a person
    subject: bool  # the name acts in its sentence ("Okafor reasserted", "Huang said")
    speaks: bool  # a speech verb is attached ("Huang said", "said Lindqvist")
    possessive: bool = False  # "Nvidia’s founder": the name qualifies another noun
    governed: bool = False  # after a preposition ("with Mr Tanaka"): never the subject


def name_key(name: str) -> frozenset[str]:
    """The words of a name that identify it: lowercase, particles dropped."""
    words = _CAMEL.sub(" ", name.lstrip("@")).replace("-", " ").lower().split()
    return frozenset(w for w in words if w not in PARTICLES)


def _bare(word: str) -> str:
    """The word without a possessive ending: "Nvidia’s" → "Nvidia"."""
    if len(word) > 3 and word[-2] in "’'" and word[-1] == "s":
        return word[:-2]
    return word[:-1] if len(word) > 2 and word[-1] in "’'" else word


def _is_name_word(word: str) -> bool:
    if word.startswith("@"):
        return len(word) > 2 and word[1].isupper()
    base = _bare(word)
    prefix, _, rest = base.partition("-")
    if rest[:1].isupper() and prefix.lower() in PARTICLES:  # al-Sayed, el-Sisi, al-Kuwaiti
        return rest.isalpha() and not rest.isupper()
    if not base or not base[0].isupper() or base.lower() in COMMON_CAPS or noun_like(base):
        return False
    return not (len(base) > 1 and base.isupper())  # CEO, NVIDIA, JAKARTA: acronyms


def _is_acronym(word: str) -> bool:
    base = _bare(word)
    low = base.lower()
    return len(base) > 1 and base.isupper() and low not in COMMON_CAPS | GENERIC_ACRONYMS


def _acronym(text: str, words: list[re.Match[str]], i: int) -> NameMention:
    word = words[i].group()
    before = words[i - 1].group().lower() if i else ""
    verb, auxiliary = _next_verb(text[words[i].end() : words[i].end() + 60], 0)
    acting = auxiliary or verb in SPEECH_VERBS or verb in _VERB_LIKE or verb.endswith("ed")
    return NameMention(
        start=words[i].start(),
        end=words[i].start() + len(_bare(word)),
        name=_bare(word),
        role=None,
        person=False,
        subject=acting,
        speaks=verb in SPEECH_VERBS,
        possessive=_bare(word) != word,
        governed=before in PREPOSITIONS,
    )


def _role_before(text: str, words: list[re.Match[str]], first: int) -> str:
    """Title and role words right before a name: "Nvidia CEO", "Electronics and IT
    Minister", "state industries secretary", and a long title set off by commas:
    "Cabinet Secretary for Information, Communications and the Digital Economy, Dr. Jane
    Doe". Honorifics between the role and the name vouch for the person but are not the
    role; a title across a comma holds no name ("President Ruto, Jane Doe" is a list)."""
    if first and words[first - 1].group().lower() in _CONNECTORS:
        return ""  # "CEO of Orion Telecom": the name is the organisation
    keep = first
    commas: list[int] = []  # word index right of each comma crossed
    lowercase = 0
    for i in range(first - 1, -1, -1):
        gap = text[words[i].end() : words[keep].start()].strip()
        word = words[i].group()
        low = _bare(word).lower()
        acronym = len(word) > 1 and word.isupper()  # "IT", not the pronoun "it"
        titled = word[0].isupper() or (low in TITLES and keep == first)  # "the minister, Jo Li"
        comma = gap == "," and titled and len(commas) < 3
        abbreviation = gap == "." and low in HONORIFICS  # "Mr. Modi", not "director. But"
        of_the = low == "the" and i and words[i - 1].group().lower() in _CONNECTORS
        stop = low in _STOP_BEFORE and not acronym and not of_the  # "Minister of the Interior"
        listed = low == "and" and i and _is_name_word(words[i - 1].group())  # "Ravi Rao and"
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
        _is_name_word(w.group()) and _bare(w.group()).lower() not in TITLES for w in role
    ):
        role = words[commas[0] : first]  # the nearest part only
    while role and (role[0].group().lower() in _CONNECTORS or _loose([w.group() for w in role])):
        role.pop(0)
    honorifics: list[str] = []
    while role and (n := _honorific(role)):
        honorifics[:0] = [w.group() for w in role[-n:]]
        del role[-n:]
    if not any(_bare(w.group()).lower() in TITLES for w in role):
        return " ".join(w for w in honorifics if w.lower() not in _CONNECTORS)
    return text[role[0].start() : role[-1].end()]  # as written: "Science, Technology and …"


def _honorific(role: list[re.Match[str]]) -> int:
    """How many words at the end of `role` are an honorific ("Dr", "Datuk", the Malaysian
    "Tan Sri" and "Puan Sri"; alone, Sri is a given name: "Sri Mulyani") or a connector."""
    low = _bare(role[-1].group()).lower().rstrip(".")
    if low in ("sri", "seri") and len(role) > 1:
        return 2 if role[-2].group().lower() in _PAIRED_HONORIFICS else 0
    return int(low in HONORIFICS or low in _CONNECTORS)


def _loose(role_words: list[str]) -> bool:
    """The first word qualifies nothing that follows: a run of lowercase words that
    reaches no title before a capitalised word ("artificial intelligence Jane Doe")."""
    if not role_words[0].islower():
        return False
    for word in role_words:
        if _bare(word).lower() in TITLES:
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
    return not low.endswith(("ed", "ing", "ly")) and low not in _VERB_LIKE


def _appositive(after: str) -> str:
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
    return segment if any(w.strip(",") in TITLES for w in head) else ""


def name_mentions(text: str) -> list[NameMention]:
    """Every name-like mention in `text` (quotes already masked out), in order."""
    words = list(_WORD.finditer(text))
    out: list[NameMention] = []
    i = 0
    while i < len(words):
        first = words[i].group()
        if not (first[0].isupper() or first[0] == "@" or "-" in first):  # the common case
            i += 1
            continue
        paired = first in ("Tan", "Puan", "Toh") and i + 2 < len(words)
        if paired and words[i + 1].group() in ("Sri", "Seri", "Puan"):
            i += 2  # "Tan Sri Mokhzani Mahathir": the honorific is not the name
            continue
        if _is_acronym(first):  # "TSMC", "G42": an organisation, never a person
            out.append(_acronym(text, words, i))
        starts = _is_name_word(first) or (
            _is_place_word(first)
            and i + 1 < len(words)
            and text[words[i].end() : words[i + 1].start()] == " "
            and _is_name_word(words[i + 1].group())
        )
        if not starts:
            i += 1
            continue
        j = _run_end(text, words, i)
        if not (i == j and _opener(text, words, i)):
            out.append(_mention(text, words, i, j))
        i = j + 1
    return out


def _is_place_word(word: str) -> bool:
    """A word of a place name that is also a personal name ("Minh", "Lima", "Sri")."""
    base = _bare(word)
    return base[:1].isupper() and not base.isupper() and base.lower() in PLACE_WORDS


def _run_end(text: str, words: list[re.Match[str]], i: int) -> int:
    """Index of the last word of the name starting at word `i`: capitalised name words,
    initials ("John F. Kennedy"), particles before a name word ("von der Leyen"), and a
    place word next to a name word ("Nguyen Thi Minh Chau", "Carlos Lima")."""
    j = i
    while j + 1 < len(words) and not _POSSESSIVE.search(words[j].group()[2:]):
        gap = text[words[j].end() : words[j + 1].start()]
        nxt = words[j + 1].group()
        initial = len(words[j].group()) == 1 and gap == ". "
        if gap != " " and not initial:
            break
        if nxt[0].isupper() and nxt.lower() in HEADLINE_VERBS and nxt[1:].islower():
            break  # "Okafor Lauds National Model": a headline's verb
        if _is_name_word(nxt) or (_is_place_word(nxt) and _is_name_word(words[j].group())):
            j += 1
            continue
        nisba = words[j].group() in (_NISBA if j > i else _NISBA - {"El", "el"})  # El Salvador
        if nisba and nxt[:1].isupper() and nxt.isalpha():
            j += 1  # "Yusuf Al Bahraini", "Omar Bin Saleh": after Al or Bin, any capital
            continue
        k = j + 1  # "von der Leyen": particles count only before a name word
        while k < len(words) and words[k].group() in PARTICLES and k - j < 4:
            k += 1
        if nxt not in PARTICLES or k >= len(words) or not _is_name_word(words[k].group()):
            break
        j = k
    return j


def _opener(text: str, words: list[re.Match[str]], i: int) -> bool:
    """A capitalised adverb or participle opening a sentence ("Speaking at…",
    "Additionally, …"), not a name: it ends in -ing or -ly and no verb follows."""
    word = words[i].group()
    if not word.endswith(("ing", "ly")) or i + 1 >= len(words):
        return False
    gap = text[words[i].end() : words[i + 1].start()]
    following = words[i + 1].group().lower()
    return "," in gap or following in FUNCTION_WORDS or following in PREPOSITIONS


def _mention(text: str, words: list[re.Match[str]], i: int, j: int) -> NameMention:
    start, end = words[i].start(), words[j].end()
    possessive = bool(_POSSESSIVE.search(words[j].group()[2:]))
    name = text[start:end]
    if possessive:
        name = _POSSESSIVE.sub("", name)
    if name.startswith("@"):
        name = _CAMEL.sub(" ", name[1:])
    if name.endswith((" Jr", " Sr")) and text[end : end + 1] == ".":
        end += 1  # "Rodolfo Reyes Jr.": the suffix's dot belongs to the name
        name += "."
    after = text[end : end + 200]
    appos = "" if possessive else _appositive(after)
    before_role = _role_before(text, words, i)
    honorific = bool(before_role) and all(  # "Mr", "Datuk Seri": vouch, say no role
        w in HONORIFICS or w in _PAIRED_HONORIFICS or w in ("sri", "seri")
        for w in before_role.lower().replace(".", "").split()
    )
    role = appos if honorific else (before_role or appos)
    before = words[i - 1].group().lower() if i else ""
    k, relative = _clause_resumes(after, appos, possessive)
    verb, auxiliary = ("", False) if possessive else _next_verb(after, k)
    acting = auxiliary or verb in SPEECH_VERBS or verb in _VERB_LIKE or verb.endswith("ed")
    inverted = before in SPEECH_VERBS and text[words[i - 1].end() : start].strip() == ""
    inverted_person = inverted and before in PERSON_VERBS
    according = before == "to" and i > 1 and words[i - 2].group().lower() == "according"
    if before in PREPOSITIONS and not according:  # "with Tanaka", "of Orion": an object
        return NameMention(start, end, name, role or None, False, False, False, possessive, True)
    return NameMention(
        start=start,
        end=end,
        name=name,
        role=role or None,
        person=bool(before_role or appos)
        or bool(relative)
        or verb in PERSON_VERBS
        or inverted_person,
        subject=acting or inverted,
        speaks=verb in SPEECH_VERBS or inverted,
        possessive=possessive,
    )


def _clause_resumes(after: str, appos: str, possessive: bool) -> tuple[int, bool]:
    """Where the sentence resumes after a name, past its appositive role, its affiliation
    ("Michal Rozen of the Technion, who chairs the panel, said") and a relative clause
    ("Jane Doe, who heads the agency, said"); and whether that clause says "who" (a person).
    """
    if possessive:
        return 0, False
    k = after.find(appos) + len(appos) if appos else 0
    affiliation = None if appos else _AFFILIATION.match(after)
    if affiliation:
        k = affiliation.end()
    relative = _RELATIVE.match(after, k)
    if relative:
        k = relative.end()
    aside = _ASIDE.match(after, k)
    if aside:
        k = aside.end()
    return k, bool(relative and "who" in relative.group())


def _next_verb(after: str, k: int) -> tuple[str, bool]:
    """The first word after a name (and its appositive), skipping "also", "has"…, and
    whether an auxiliary was skipped ("Kwan, an analyst, was less sure": he acts)."""
    auxiliary = False
    while True:
        match = _NEXT_WORD.match(after, k)
        if not match:
            return "", auxiliary
        word = match.group(1)
        if word not in AUX_WORDS:
            return (word if word.islower() else ""), auxiliary
        auxiliary = auxiliary or word in _COPULAS
        k = match.end()
