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
    FUNCTION_WORDS,
    HEADLINE_VERBS,
    HONORIFICS,
    PARTICLES,
    PERSON_VERBS,
    PREPOSITIONS,
    SPEECH_VERBS,
    words,
)
from bot.analysis.name_words import bare, is_acronym, is_name_word, is_place_word
from bot.analysis.roles import PAIRED_HONORIFICS, VERB_LIKE, appositive, role_before

__all__ = ["NameMention", "name_key", "name_mentions"]

_WORD = re.compile(r"@?[^\W_][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NEXT_WORD = re.compile(r"[\s,]*([\w’'-]+)")
_RELATIVE = re.compile(r",\s*(?:who\b[^,.;:!?]*|\d{1,3}),?")  # ", who heads …,", ", 61,"
_COPULAS = words("is was has had have will would")
# 'Ramon “Monching” Dizon': a nickname in quote marks (masked to ~) inside a name
_NICKNAME = re.compile(r"\s[“\"‘'(]~{1,20}[”\"’')]\s")
_ORG_DESCRIPTORS = words(
    """retailer chain company firm startup start-up group maker operator developer
    provider bank lender insurer carrier telco giant conglomerate brand supermarket
    platform app lobby association union council agency regulator watchdog chipmaker
    broadcaster newspaper publisher airline manufacturer supplier distributor consultancy
    fund investor utility grocer store shop marketplace"""
)
_ORG_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+[^,.;:!?]{0,60}?\b(?:"
    + "|".join(sorted(_ORG_DESCRIPTORS))
    + r")s?(?=\s*(?:[,.;:]|$)|\s+(?:that|which|whose|based|in|of|from|with|who|known)\b)"
)
# the speech verb before a name's role: "said Trade Minister", "according to Dr"
_ROLE_LEAD = re.compile(
    r"\b(?P<verb>according to|[a-z]+)\s+(?=(?:[A-Z][\w’'.-]*[\s,]+(?:(?:and|of|for|the)\s+)*)+$)"
)
_NISBA = words("Al El Bin Bint Ibn Abu al el bin bint ibn")
# ", in an interview,", ", speaking on Monday,": an aside between a subject and its verb
_ASIDE = re.compile(
    r",\s*(?:in|on|at|during|after|before|speaking|writing|however|meanwhile|though|"
    r"for (?:his|her) part|too)\b[^,.;:!?“\"]{0,50},"
)
# "of the Technion", "at Orion Labs": where a person works, between the name and the verb;
# set off by commas it may add a place (", of the Institute for Economics in Recife,")
_CAPS_NAME = r"[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w’'&.-]*)*"
_AFFILIATION = re.compile(
    r"(?:\s+(?:of|at|from)\s+(?:the\s+)?" + _CAPS_NAME + r"(?=,|\s+[a-z])"
    r"|,\s*(?:of|at|from)\s+(?:the\s+)?" + _CAPS_NAME + r"(?:\s+in\s+" + _CAPS_NAME + r")?,)"
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
    organisation: bool = False  # "retailer Moda Brava", "Kai Market, a chain": not a person


def name_key(name: str) -> frozenset[str]:
    """The words of a name that identify it: lowercase, particles dropped."""
    words = _CAMEL.sub(" ", name.lstrip("@")).replace("-", " ").lower().split()
    return frozenset(w.strip(",.") for w in words if w not in PARTICLES and w.strip(",."))


def _acronym(text: str, words: list[re.Match[str]], i: int) -> NameMention:
    word = words[i].group()
    before = words[i - 1].group().lower() if i else ""
    verb, auxiliary = _next_verb(text[words[i].end() : words[i].end() + 60], 0)
    acting = auxiliary or verb in SPEECH_VERBS or verb in VERB_LIKE or verb.endswith("ed")
    return NameMention(
        start=words[i].start(),
        end=words[i].start() + len(bare(word)),
        name=bare(word),
        role=None,
        person=False,
        subject=acting,
        speaks=verb in SPEECH_VERBS,
        possessive=bare(word) != word,
        governed=before in PREPOSITIONS,
    )


def name_mentions(text: str) -> list[NameMention]:
    """Every name-like mention in `text` (quotes already masked out), in order."""
    words = list(_WORD.finditer(text))
    out: list[NameMention] = []
    # the index of the next word that may start a name, from each word: most words are
    # lowercase and are skipped in one step
    upcoming = [len(words)] * (len(words) + 1)
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group()
        upcoming[k] = k if (w[0].isupper() or w[0] == "@" or "-" in w) else upcoming[k + 1]
    i = upcoming[0]
    while i < len(words):
        first = words[i].group()
        if upcoming[i] != i:
            i = upcoming[i]
            continue
        paired = first in ("Tan", "Puan", "Toh") and i + 2 < len(words)
        if paired and words[i + 1].group() in ("Sri", "Seri", "Puan"):
            i += 2  # "Tan Sri Mokhzani Mahathir": the honorific is not the name
            continue
        if is_acronym(first):  # "TSMC", "G42": an organisation, never a person
            out.append(_acronym(text, words, i))
        gap = text[words[i].end() : words[i + 1].start()] if i + 1 < len(words) else ""
        following = words[i + 1].group() if i + 1 < len(words) else ""
        starts = is_name_word(first) or (
            is_place_word(first) and gap == " " and is_name_word(following)
        )
        if len(first) == 1:  # an initial starts a name only before one: "K. Rajaraman"
            starts = starts and gap == ". " and len(following) > 1 and is_name_word(following)
        if not starts:
            i += 1
            continue
        j = _run_end(text, words, i)
        if not (i == j and _opener(text, words, i)):
            out.append(_mention(text, words, i, j))
        i = j + 1
    return out


def _run_end(text: str, words: list[re.Match[str]], i: int) -> int:
    """Index of the last word of the name starting at word `i`: capitalised name words,
    initials ("John F. Kennedy"), particles before a name word ("von der Leyen"), and a
    place word next to a name word ("Nguyen Thi Minh Chau", "Carlos Lima")."""
    j = i
    while j + 1 < len(words) and not _POSSESSIVE.search(words[j].group()[2:]):
        gap = text[words[j].end() : words[j + 1].start()]
        nxt = words[j + 1].group()
        initial = len(words[j].group()) == 1 and gap == ". "
        nickname = _NICKNAME.fullmatch(gap) is not None and is_name_word(nxt)
        if gap != " " and not initial and not nickname:
            break
        if nxt[0].isupper() and nxt.lower() in HEADLINE_VERBS and nxt[1:].islower():
            break  # "Okafor Lauds National Model": a headline's verb
        if is_name_word(nxt) or (is_place_word(nxt) and is_name_word(words[j].group())):
            j += 1
            continue
        nisba = words[j].group() in (_NISBA if j > i else _NISBA - {"El", "el"})  # El Salvador
        if nisba and nxt[:1].isupper() and nxt.isalpha():
            j += 1  # "Yusuf Al Bahraini", "Omar Bin Saleh": after Al or Bin, any capital
            continue
        k = j + 1  # "von der Leyen": particles count only before a name word
        while k < len(words) and words[k].group() in PARTICLES and k - j < 4:
            k += 1
        if nxt not in PARTICLES or k >= len(words) or not is_name_word(words[k].group()):
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
    name = _NICKNAME.sub(" ", name)
    # the suffix's dot belongs to the name ("Rodolfo Reyes Jr.", "Luis Ocampo, Jr."),
    # though the mention still ends where the words do, before a sentence's full stop
    if name.endswith((" Jr", " Sr")) and text[end : end + 1] == ".":
        name += "."
    elif text[end : end + 5] in (", Jr.", ", Sr."):
        name += text[end : end + 5]
    after = text[end : end + 200]
    appos = "" if possessive else appositive(after)
    before_role = role_before(text, words, i)
    honorific = bool(before_role) and all(  # "Mr", "Datuk Seri": vouch, say no role
        w in HONORIFICS or w in PAIRED_HONORIFICS or w in ("sri", "seri")
        for w in before_role.lower().replace(".", "").split()
    )
    role = appos if honorific else (before_role or appos)
    before = words[i - 1].group().lower() if i else ""
    k, relative = _clause_resumes(after, appos, possessive)
    verb, auxiliary = ("", False) if possessive else _next_verb(after, k)
    acting = auxiliary or verb in SPEECH_VERBS or verb in VERB_LIKE or verb.endswith("ed")
    inverted = before in SPEECH_VERBS and text[words[i - 1].end() : start].strip() == ""
    inverted_person = inverted and before in PERSON_VERBS
    according = before == "to" and i > 1 and words[i - 2].group().lower() == "according"
    if before_role and not (inverted or according):  # "said Trade Minister Kofi Mensah"
        lead = _ROLE_LEAD.search(text, max(0, start - 200), start)
        role_end = lead.end() if lead else start
        if lead and before_role in text[role_end:start] and text[lead.start() : role_end]:
            verb_word = lead["verb"].lower()
            inverted = verb_word in SPEECH_VERBS
            inverted_person = inverted and verb_word in PERSON_VERBS
            according = verb_word == "according to"
            inverted = inverted or according
    organisation = not role and _described_as_organisation(text, words, i, after)
    if before in PREPOSITIONS and not according:  # "with Tanaka", "of Orion": an object
        return NameMention(
            start, end, name, role or None, False, False, False, possessive, True, organisation
        )
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
        organisation=organisation,
    )


def _described_as_organisation(text: str, words: list[re.Match[str]], i: int, after: str) -> bool:
    """The text calls the name an organisation: a descriptor before it ("fashion retailer
    Moda Brava", "The chain, Kai Market") or an appositive after it (", a lobby group")."""
    if i:
        gap = text[words[i - 1].end() : words[i].start()]
        if gap in (" ", ", ") and words[i - 1].group().lower() in _ORG_DESCRIPTORS:
            return True
    return _ORG_APPOSITIVE.match(after) is not None


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
