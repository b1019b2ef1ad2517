"""The counted noun after a number in French, German, Spanish, Portuguese and Italian.

Romance languages put the noun right after the number, with a "de"/"di" after a scale
word ("70 milliards de paramètres") and only a few adjectives before it ("dix nouveaux
centres de données"); German puts any number of adjectives first, in lower case, and
capitalises the noun ("500 hochqualifizierte KI-Forscher"). A German compound's head is
its last element, so "KI-Forscher", "Spitzenforscher" and "Nachwuchsforscher" are all
researchers: the glossary is looked up on the whole word, then on its last hyphenated
part, then on its longest known ending. Nouns joined by "and" share the number ("150
ingénieurs et professeurs": one group of 150, "engineer and professor"), unless they are
the two grammatical genders of one noun ("Forscherinnen und Forscher").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.figures_lexicon import Lexicon
from bot.analysis.intl.figures_patterns import alternation
from bot.analysis.intl.numbers_latin import NumberWords
from bot.analysis.numbers import word_set

__all__ = ["counted_noun"]

# "10 000 H100", "2.000 GB200": accelerators counted by model number
_MODEL = re.compile(r"(?:A|B|GB|GH|H|L|MI|V)\d{2,3}[A-Z]{0,2}s?(?![\w])")
_GERMAN_NOUN = re.compile(r"[A-ZÄÖÜ0-9][\w-]*(?:[:*_/][Ii]nnen)?(?![\w])")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SPACE = re.compile(r"\s+")
_GENDER = re.compile(r"[:*_/]innen$")
# lower-case German words between a number and its noun that are not adjectives
_GERMAN_STOP = word_set(
    """und oder für in im mit von vom zu zum zur auf an am bei aus nach über unter vor bis
    seit als wie der die das den dem des ein eine einer einem einen sind ist wird werden
    wurden wurde hat haben hatte soll sollen sollten kann können muss müssen noch sowie pro
    je jeweils bereits schon insgesamt davon allein nur rund etwa sich es sie er wir ihr
    nicht auch dann so damit dabei"""
)
# German heads too short or too common to be read off the end of a compound
_NO_SUFFIX = word_set("stelle stellen land länder staat staaten platz plätze")


@dataclass(frozen=True)
class _Nouns:
    noun: re.Pattern[str]
    of: re.Pattern[str]
    conj: re.Pattern[str]


_CACHE: dict[str, _Nouns] = {}
_NUMBER_WORDS: dict[str, NumberWords] = {}


def _nouns(lex: Lexicon) -> _Nouns:
    if lex.lang not in _CACHE:
        _CACHE[lex.lang] = _Nouns(
            noun=re.compile(rf"{alternation(lex.nouns)}(?![\w-])", re.IGNORECASE),
            of=re.compile(rf"\s*(?:{lex.of})", re.IGNORECASE),
            conj=re.compile(rf"\s+(?:{lex.and_})\s+", re.IGNORECASE),
        )
    return _CACHE[lex.lang]


def _german_unit(token: str, nouns: dict[str, str]) -> str | None:
    """The unit of a German noun, compounds read by their last element."""
    low = token.lower()
    if low in nouns:
        return nouns[low]
    low = _GENDER.sub("", low)
    last = low.rsplit("-", 1)[-1]
    if last in nouns:
        return nouns[last]
    for i in range(1, len(last) - 4):
        tail = last[i:]
        if tail in nouns and tail not in _NO_SUFFIX:
            return nouns[tail]
    return None


def _noun_at(lex: Lexicon, paragraph: str, pos: int) -> tuple[int, str] | None:
    model = _MODEL.match(paragraph, pos)
    if model:
        return model.end(), "GPU"
    if lex.compound_nouns:
        token = _GERMAN_NOUN.match(paragraph, pos)
        unit = _german_unit(token[0], lex.nouns) if token else None
        return (token.end(), unit) if token and unit else None
    found = _nouns(lex).noun.match(paragraph, pos)
    if found is None:
        return None
    return found.end(), lex.nouns[" ".join(found[0].lower().split())]


def _adjective(lex: Lexicon, word: str) -> bool:
    if lex.compound_nouns:
        if lex.lang not in _NUMBER_WORDS:
            _NUMBER_WORDS[lex.lang] = NumberWords(lex.numbers)
        number = _NUMBER_WORDS[lex.lang].values(word) is not None  # "und dreihundert …"
        return word[0].islower() and word.lower() not in _GERMAN_STOP and not number
    return word.lower() in lex.pre_adjectives


def _phrase(lex: Lexicon, paragraph: str, pos: int) -> tuple[int, str] | None:
    """(end, unit) of a counted noun at `pos`, over up to two adjectives before it."""
    for _ in range(3):
        space = _SPACE.match(paragraph, pos)
        if space:
            pos = space.end()
        found = _noun_at(lex, paragraph, pos)
        if found:
            return found
        word = _WORD.match(paragraph, pos)
        if word is None or not _adjective(lex, word[0]):
            return None
        pos = word.end()
    return None


def counted_noun(lex: Lexicon, paragraph: str, pos: int, scaled: bool) -> tuple[int, str] | None:
    """(end, English unit) of the noun counted by a number ending at `pos`, if any.

    `scaled`: the number ended with a scale word, after which the noun takes "de"/"di".
    """
    patterns = _nouns(lex)
    if scaled:
        link = patterns.of.match(paragraph, pos)
        pos = link.end() if link else pos
    elif not paragraph[pos : pos + 1].isspace():
        return None  # "10GPU", "5G": glued to the number, a name
    head = _phrase(lex, paragraph, pos)
    if head is None:
        return None
    end, unit = head
    conj = patterns.conj.match(paragraph, end)
    other = _phrase(lex, paragraph, conj.end()) if conj else None
    if other:
        end = other[0]
        if other[1] != unit:
            unit = f"{unit} and {other[1]}"
    return end, unit
