"""Every country word of one title or paragraph in a language, with its weight and role.

The weights are English's (countries.py): a name or demonym counts fully, a state body a
little less, a capital or city less again, and the role in the sentence multiplies it.
Before weighing, a word is dropped when it is not the country here: a longer word that
merely contains it ("日本経済新聞", "Amérique latine"), a katakana name inside a longer
katakana word ("インド" in "ウインドウ"), a demonym that is the language ("en français",
"del español"), the second half of a compound ("latino-américain"), or a generic body
right after a country's name, which the name already counts ("米政府", "インド政府",
"die österreichische Bundesregierung").
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from bot.analysis.countries import KIND_FACTOR, QUOTED_FACTOR, ROLE_FACTOR
from bot.analysis.country_context import Role
from bot.analysis.country_words import Kind, Word
from bot.analysis.intl import (
    countries_de,
    countries_es,
    countries_fr,
    countries_it,
    countries_ja,
    countries_ko,
    countries_pt,
)
from bot.analysis.intl.countries_lexicon import Found, Lexicon
from bot.analysis.intl.countries_roles import Roles, role
from bot.analysis.quotemarks import quote_spans

__all__ = ["ANAPHOR", "Mention", "mentions", "supported"]

ANAPHOR = "?"  # "同国": the country named last
_LANGS: dict[str, tuple[Lexicon, Roles]] = {
    "fr": (countries_fr.LEXICON, countries_fr.ROLES),
    "de": (countries_de.LEXICON, countries_de.ROLES),
    "es": (countries_es.LEXICON, countries_es.ROLES),
    "pt": (countries_pt.LEXICON, countries_pt.ROLES),
    "it": (countries_it.LEXICON, countries_it.ROLES),
    "ja": (countries_ja.LEXICON, countries_ja.ROLES),
    "ko": (countries_ko.LEXICON, countries_ko.ROLES),
}
_OWN_KINDS = (Kind.NAME, Kind.BODY, Kind.CAPITAL)  # an amount in its money is no act
# A capital stands for its state only as the subject: "Berlin a annoncé", "Ottawa investit".
_STATE_ROLES = (Role.ACTOR, Role.SUBJECT, Role.SPEAKS)


class Mention(NamedTuple):
    """One country word: its country, weight factor, kind, whether the country acts, and
    whether it is named in its own right (not a company's home, a comparison or a quote)."""

    code: str
    factor: float
    kind: Kind
    acting: bool
    own: bool
    others: tuple[str, ...] = ()
    home: bool = False  # a company's or product's home ("l'américain Nvidia")
    start: int = 0  # where the word starts in its text


def supported(lang: str) -> bool:
    """Whether `lang` has country words of its own here."""
    return lang in _LANGS


@lru_cache(maxsize=4096)
def mentions(lang: str, text: str) -> tuple[Mention, ...]:
    """Every country word of one text in `lang`, in order (cached: weighed several ways)."""
    lexicon, roles = _LANGS[lang]
    found = _kept(lexicon, text, _found(lexicon, text))
    if not found:
        return ()
    spans = quote_spans(text)  # in text order, none inside another
    opens = [q.start for q in spans]
    out: list[Mention] = []
    for start, end, entry in found:
        if entry.kind is Kind.PLACE and roles.seat_before.search(text[max(0, start - 40) : start]):
            entry = entry._replace(kind=Kind.BODY)  # "le gouvernement du Québec"
        elif _surname(lexicon, text, start, entry):
            continue
        k = bisect.bisect_right(opens, start) - 1  # the one quote that can hold it
        quoted = k >= 0 and start < spans[k].end
        how = role(roles, text, start, end, first_in_paragraph=not out)
        if entry.kind is Kind.CAPITAL and how not in _STATE_ROLES:
            entry = entry._replace(kind=Kind.PLACE)  # "un salon à Paris" is a venue
        factor = KIND_FACTOR[entry.kind] * ROLE_FACTOR[how] * (QUOTED_FACTOR if quoted else 1)
        acting = how is Role.ACTOR and not quoted and entry.kind is not Kind.PLACE
        own = entry.kind in _OWN_KINDS and how not in (Role.MODIFIER, Role.PASSING) and not quoted
        home = how is Role.MODIFIER
        out.append(Mention(entry.code, factor, entry.kind, acting, own, entry.others, home, start))
    return tuple(out)


def _found(lexicon: Lexicon, text: str) -> list[Found]:
    """The words of the table, the language's own rules and its patterns, longest first
    where two overlap."""
    hits: list[Found] = [
        (m.start(), m.end(), lexicon.words[m.group(0)]) for m in lexicon.pattern.finditer(text)
    ]
    for pattern, word in lexicon.extras:
        hits += [
            (m.start(), m.end(), word._replace(spelling=m.group(0))) for m in pattern.finditer(text)
        ]
    if lexicon.more is not None:
        hits += lexicon.more(text)
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    out: list[Found] = []
    for hit in hits:
        if not out or hit[0] >= out[-1][1]:
            out.append(hit)
    return out


_KATAKANA = re.compile(r"[ァ-ヴー]")
_HANGUL = re.compile(r"[가-힣]")
_PREFIX = re.compile(r"([\w]+)-$")
_TONGUE_BEFORE = re.compile(
    r"(?:\b(?:en|in|em|auf|into|al)\s|\btradu\w+\s(?:du|del|do|dal|dall['’]|de\sl['’]|en|al|"
    r"ao|in)\s?|\b(?:langues?|lengua|lenguas|idiomas?|língua|línguas|"
    r"lingua|lingue|idioma)\s(?:\w+\s)?)$",
    re.IGNORECASE,
)
_LANGUAGE_NOUN = re.compile(r"\b(?:langues?|lengua|lenguas|língua|lingua|idioma)\s$", re.I)
_TONGUE_ARTICLE = re.compile(
    r"\b(?:le|du|au|l['’]|el|del|al|o|do|ao|il|dell['’]|lo|dall['’]|nell['’]|all['’])\s?$",
    re.IGNORECASE,
)
_TONGUE_AFTER = re.compile(
    r"^(?:\s*(?:[.,;:!?)»”\"]|$)|\s(?:et|ou|y|o|e|ed|und|oder|como|comme|come|mais|pero|ma|mas|"
    r"vers|hacia|para|verso|al|au|ao|alla|ins|en|in|em|im)\b)"
)


def _kept(lexicon: Lexicon, text: str, found: list[Found]) -> list[Found]:
    """The words that are the country here (see the module docstring)."""
    out: list[Found] = []
    for start, end, entry in found:
        if (
            not entry.code
            or _inside(lexicon, text, start, end)
            or _tongue(lexicon, text, start, end)
        ):
            continue
        if _foreign_leader(lexicon, text, start, entry):
            continue
        if out and _absorbed(lexicon, text, out[-1], start, entry):
            continue
        if out and _of_country(text, out[-1], start, entry):
            out.pop()  # "Conselho de Ministros de Moçambique": the body is the named one's
        out.append((start, end, entry))
    return out


_OF = re.compile(
    r"^\s(?:de|do|da|des|du|del|di|della|dello|dell['’]|von|der|des|of)\s?(?:la\s|l['’]|el\s)?$"
)


def _of_country(text: str, last: Found, start: int, entry: Word) -> bool:
    """Whether the previous word is a body "of" this country: "Consejo de Ministros de
    Perú", "Assemblée nationale du Québec"."""
    body = last[2]
    return (
        body.kind is Kind.BODY
        and entry.kind is Kind.NAME
        and entry.code != body.code
        and _OF.match(text[last[1] : start]) is not None
    )


def _inside(lexicon: Lexicon, text: str, start: int, end: int) -> bool:
    """Whether the word is part of a longer word of its script."""
    if lexicon.script == "ja":
        first, last = text[start], text[end - 1]
        return bool(
            (_KATAKANA.match(first) and start > 0 and _KATAKANA.match(text[start - 1]))
            or (_KATAKANA.match(last) and end < len(text) and _KATAKANA.match(text[end]))
        )
    if lexicon.script == "ko":  # one syllable: a pair's half, which checks its own edges
        return end - start > 1 and start > 0 and _HANGUL.match(text[start - 1]) is not None
    if start > 0 and text[start - 1] == "-":
        match = _PREFIX.search(text[max(0, start - 20) : start])
        return match is None or match.group(1).lower() not in lexicon.prefixes
    return False


def _tongue(lexicon: Lexicon, text: str, start: int, end: int) -> bool:
    """Whether a demonym names the language: "en français", "langue française", "del
    español y el catalán"."""
    word = text[start:end]
    if lexicon.script != "latin" or not word[:1].islower():
        return False
    before = text[max(0, start - 30) : start]
    if word in lexicon.tongues and _TONGUE_BEFORE.search(before):
        return True
    if _LANGUAGE_NOUN.search(before):
        return True
    return (
        word in lexicon.tongues
        and _TONGUE_ARTICLE.search(before) is not None
        and _TONGUE_AFTER.match(text[end : end + 12]) is not None
    )


# Capitalised words that may stand before a city without being a first name.
_NOT_GIVEN_WORDS = (
    "En Desde Hacia Hasta Según Entre Dans Depuis Selon Pour Avec Vers Sobre Para Com Nach "
    "Seit Aus Von Vor Bei Durch Ayer Hier Hoy Oggi Ieri Heute Gestern Tra Fra Verso Con Per "
    "Senza Sin Por Pelo Pela Sur Chez Contre Contra Nel Nella Alla Dalla Della Sulla Also Auch "
    "Aber Mais Pero Ma Mas Und Sous Sotto Bajo Sob Unter Über Inzwischen Ahora Agora Ora "
    "Maintenant"
)
_NOT_GIVEN = frozenset(_NOT_GIVEN_WORDS.split())
_ROMANCE = ("fr", "es", "pt", "it")
_GIVEN_BEFORE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]{2,})\s$")


def _surname(lexicon: Lexicon, text: str, start: int, entry: Word) -> bool:
    """A city after a first name is a surname: "Ana Lima anunció", "Marie Paris a dit".
    Romance languages only: German capitalises every noun ("Kanton Zürich")."""
    if lexicon.lang not in _ROMANCE or entry.kind not in (Kind.CAPITAL, Kind.PLACE):
        return False
    match = _GIVEN_BEFORE.search(text[max(0, start - 20) : start])
    return match is not None and match.group(1) not in _NOT_GIVEN


def _foreign_leader(lexicon: Lexicon, text: str, start: int, entry: Word) -> bool:
    """A generic title right after a katakana name is a foreign leader's ("スナク首相")."""
    return (
        lexicon.script == "ja"
        and entry.spelling in lexicon.generic
        and start > 0
        and _KATAKANA.match(text[start - 1]) is not None
    )


def _absorbed(lexicon: Lexicon, text: str, last: Found, start: int, entry: Word) -> bool:
    """A generic or shared body right after a country's name belongs to that name, which
    already counts it."""
    generic = entry.spelling in lexicon.generic or bool(entry.others)
    if not generic or entry.kind is not Kind.BODY:
        return False
    gap = text[last[1] : start]
    return len(gap) <= 2 and gap.strip(" ・") == "" and last[2].kind is not Kind.BODY
