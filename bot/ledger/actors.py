"""Who commits the money: the body or company acting in the sentence that states it.

A ledger entry says who acts: a ministry, an agency, a government, a company. Wire copy
names it two ways: as a state body ("the Ministry of Science and ICT", "the federal
government", "le ministère de la Recherche", "経済産業省"), or as the sentence's subject
before a verb of committing ("SoftBank said it would invest", "Reliance Industries will
build"). A person is never the actor: "Sato said the ministry would" acts through the
ministry, and a subject followed by "said he" or known as a speaker is a person.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.analysis.lexicon import TITLES
from bot.analysis.numbers import word_set
from bot.ledger.programme_key import normalise

__all__ = ["actor_in"]

_BODY = re.compile(
    r"\b(?:(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,5}(?:Ministry|Department|Agency|Authority|"
    r"Commission|Council|Cabinet|Office|Corporation|Corp\.?|Inc\.?|Ltd\.?|Group|Holdings|"
    r"Bank|Institute|University|Foundation|Fund)(?:\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w&-]*(?:,?\s+(?:and\s+)?)?){1,6})?"
    r"|(?:the\s+)?(?:(?:federal|national|central|[A-Z][a-z]+)\s+)?government)",
)
_ROMANCE_BODY = (
    r"\b(?P<a>(?:Minist[eé]rio|Ministero|Gobierno|Governo|Agencia|Agência|Agenzia)"
    r"(?:\s+(?:de\s+la\s+|de\s+|del\s+|da\s+|do\s+|dos\s+|della\s+|dello\s+|dell['’]|per\s+"
    r"(?:la\s+|il\s+|l['’])?)?[A-ZÁÉÍÓÚ][\w'’-]*(?:,?\s+(?:y\s+|e\s+)?[A-ZÁÉÍÓÚ][\w'’-]*){0,3})?)"
)
_BODY_IN = {
    "fr": re.compile(
        r"\b(?:[Ll]e\s+|[Ll]a\s+|[Ll]['’])?(?P<a>(?i:minist[èe]re|gouvernement|agence|commission|"
        r"secrétariat)(?:\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’])?"
        r"[A-ZÉ][\w'’-]*(?:\s+(?:et\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+)?[A-ZÉ][\w'’-]*){0,3}"
        r"|\s+(?:français|fédéral|japonais|allemand|britannique|indien|canadien))?)"
    ),
    "es": re.compile(_ROMANCE_BODY),
    "pt": re.compile(_ROMANCE_BODY),
    "it": re.compile(_ROMANCE_BODY),
    "de": re.compile(
        r"\b(?P<a>(?:[A-ZÄÖÜ][a-zäöüß]*(?:ministerium|regierung|behörde|büro|agentur)|"
        r"Ministerium|Regierung|Bundesamt|Kabinett)(?:s|es)?(?:\s+für\s+[A-ZÄÖÜ][\w-]*"
        r"(?:,?\s+(?:und\s+)?[A-ZÄÖÜ][\w-]*){0,3})?)\b"
    ),
    "ja": re.compile(
        r"(?P<a>[\u4e00-\u9fff\u30a0-\u30ff]{1,14}?(?:省|庁|内閣府|機構|研究所|政府))"
    ),
}
# "SoftBank said it would invest", "Reliance Industries will build": a subject committing
_COMMIT = (
    r"(?:said\s+(?:on\s+\w+\s+)?(?:that\s+)?it|says\s+it|will|would|plans|planned|is\s+to|"
    r"aims|intends|announced|unveiled|pledged|committed|agreed|signed|approved|earmarked|"
    r"allocated|invests?|invested|is\s+investing|has\s+(?:pledged|committed|earmarked|"
    r"allocated|invested|agreed|signed)|launched|set\s+aside|is\s+building|builds)\b"
)
_SUBJECT = re.compile(
    r"^(?:[A-Z][\w-]*['’]s\s+)?(?P<org>[A-Z][\w&.+-]*(?:\s+(?:[A-Z0-9][\w&.+-]*)){0,3})"
    r"(?:\s*,[^,]{1,90},)?\s+" + _COMMIT
)
_BY_AGENT = re.compile(
    r"\b(?:be|being|been|is|are|was|were)\s+(?:built|funded|financed|developed|operated|run|"
    r"backed|paid\s+for)\s+by\s+(?P<org>[A-Z][\w&.+-]*(?:\s+[A-Z0-9][\w&.+-]*){0,3})"
)
_PERSON_AFTER = re.compile(r"^\s+said\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:he|she)\b")
_NOT_ORG = word_set(
    """The A An It They We He She This That These Those In On At By For After Before
    Under Officials Analysts Critics Separately Meanwhile However Elsewhere Also"""
)


def _body(sentence: str, lang: str) -> str | None:
    pattern = _BODY_IN.get(lang)
    if pattern is not None:
        match = pattern.search(sentence)
        return match["a"].strip(" ,") if match else None
    match = _BODY.search(sentence)
    if match is None:
        return None
    # "University of the Philippines and", "Development Bank of Latin America,"
    body = re.sub(r"[\s,]+and$", "", match[0].strip(" ,")).strip(" ,")
    return re.sub(r"^the\s+", "", body, flags=re.IGNORECASE)


def _subject(sentence: str, people: Collection[str]) -> str | None:
    """The sentence's opening organisation before a verb of committing, if not a person."""
    match = _SUBJECT.match(sentence)
    if match is None:
        return None
    org = match["org"]
    words = org.split()
    if words[0] in _NOT_ORG or words[0].lower() in TITLES:
        return None
    if any(w in people for w in words) or _PERSON_AFTER.match(sentence[match.end("org") :]):
        return None
    if not normalise(org)[0] and not any(c.isdigit() for c in org):
        return None  # only a country's name ("Japan will spend"): the country says it
    return org


def _agent(sentence: str) -> str | None:
    """ "will be built by G42": the passive's agent."""
    match = _BY_AGENT.search(sentence)
    return match["org"] if match and match["org"].split()[0] not in _NOT_ORG else None


def actor_in(sentence: str, people: Collection[str] = (), lang: str = "en") -> str | None:
    """The body or company acting in a sentence, as it names it (`people`: the name words
    of the article's speakers, who are persons, never bodies)."""
    if lang == "en":
        actor = _agent(sentence) or _subject(sentence, people) or _body(sentence, lang)
    else:
        actor = _body(sentence, lang)
    return actor[:1].upper() + actor[1:] if actor else None
