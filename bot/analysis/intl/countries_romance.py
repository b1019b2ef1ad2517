"""Role cues for French, Spanish, Portuguese and Italian, which share one word order.

A demonym follows its noun ("le gouvernement français", "el gigante estadounidense",
"a empresa brasileira", "il colosso americano"), so the noun before it says whether the
country governs or is a company's home; a subject comes before its verb, with
auxiliaries and time words between ("La France a lancé mardi", "España invertirá",
"o Brasil vai investir", "l'Italia ha stanziato"); a preposition before a name makes it
no subject ("de la France", "del Brasil"). Each language module fills in its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.countries_roles import NEVER, Roles

__all__ = ["RomanceWords", "romance_roles"]

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class RomanceWords:
    """Regex alternations (no groups needed) of one Romance language's cue words."""

    art: str  # articles, with their trailing space or elision: "(?:(?:le|la|les)\\s|l['’])"
    preps: str  # prepositions after which a name is no subject
    aux: str  # words between a subject and its verb: auxiliaries, adverbs, weekdays
    verbs: str  # acts of a state: launching, funding, approving, building
    says: str
    be: str  # verbs that make a subject but no act
    gov: str  # government nouns
    company: str  # company and product nouns
    passing: str  # comparisons, neighbours, funders, partners, visits, dependence
    source: str  # "selon", "según"
    in_words: str  # "En", "No|Na|Em", "In"
    conj: str  # "et|ou"
    passing_after: str = ""
    similar: str = ""  # "similaire", "parecido": an act told as a comparison
    seats: str = ""  # regional governments: "région", "Junta de", "governo do estado de"


def romance_roles(w: RomanceWords) -> Roles:
    """The compiled role cues of one Romance language."""
    art = rf"(?:{w.art})"
    glue = r"(?:\s|(?<=['’]))"
    # Further items of a list, each with its article or preposition: "comme la France, la
    # Belgique et ", "proposé en France et en ".
    item = rf"(?:{art}|(?:[a-zà-ÿ]+\s)?(?:{w.preps}){glue})?"
    listed = rf"(?:{art}?[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*)*(?:,\s|\s(?:{w.conj})\s){item})*"
    aux = rf"(?:(?:{w.aux})\s){{0,3}}"
    aside = r"(?:,[^,.;!?]{1,60},)?"
    complement = rf"(?:\s(?:{w.preps}){glue}[^,.;:!?]{{0,40}}?)?"
    return Roles(
        acts_after=re.compile(rf"^{complement}{aside}\s{aux}(?:{w.verbs})", _FLAGS),
        says_after=re.compile(rf"^{complement}{aside}\s{aux}(?:{w.says})", _FLAGS),
        subject_after=re.compile(rf"^\s(?:{w.be})\b", _FLAGS),
        passing_before=re.compile(rf"\b(?:{w.passing}){glue}{listed}{art}?$", _FLAGS),
        passing_after=re.compile(rf"^\s(?:{w.passing_after})", _FLAGS)
        if w.passing_after
        else NEVER,
        source_before=re.compile(rf"\b(?:{w.source}){glue}{art}?$", _FLAGS),
        modifier_before=re.compile(rf"\b(?:{w.company})(?:\s[\w'’-]+)?\s$", _FLAGS),
        named_after=re.compile(r"^\s[A-Z][\w.&'’-]*"),
        gov_before=re.compile(rf"\b(?:{w.gov})\s(?:[\w'’-]+\s)?$", _FLAGS),
        not_subject_before=re.compile(rf"\b(?:{w.preps}){glue}{art}?$", _FLAGS),
        in_before=re.compile(rf"(?:^|[.;:!?]\s+)(?:\w+,?\s+)?(?:{w.in_words})\s$"),
        in_after=re.compile(rf"^,\s{art}?(?:[\w'’-]+\s){{0,2}}?(?:{w.gov})", _FLAGS),
        seat_before=re.compile(rf"\b(?:{w.seats})\s?$", _FLAGS) if w.seats else NEVER,
        similar_after=re.compile(rf"^[^.;!?]{{0,120}}?\b(?:{w.similar})\b", _FLAGS)
        if w.similar
        else NEVER,
    )
