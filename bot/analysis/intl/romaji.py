"""Japanese (and Korean) names in Latin letters, for readers of an English channel.

A reader who cannot read kanji still needs to tell two speakers apart and to recognise a
minister named in English news. The article itself is the best source: it often gives a
name's Latin spelling once, in brackets ("孫正義(Masayoshi Son)"). Otherwise the
dictionary's readings are turned into modified Hepburn, given name first as English-
language news writes Japanese names. A dictionary reading of a rare given name can be
wrong (names have several readings), so a spelling from the text always wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.analysis.intl.hangul import hangul_name_to_latin
from bot.analysis.intl.japanese_words import tokens
from bot.models import Quote

__all__ = ["kana_to_romaji", "latin_name", "with_latin_speakers"]

_BASE = dict(
    zip(
        "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨ"
        "ラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ",
        (
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "o",
            "n",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "vu",
        ),
        strict=True,
    )
)
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_KANA = re.compile(r"^[\u30a0-\u30ff・ー]+$")
_KANJI_NAME = re.compile(r"[\u4e00-\u9fff々]")
_HANGUL = re.compile(r"^[\uac00-\ud7a3 ]+$")
# a Latin spelling in brackets right after the name: 孫正義(Masayoshi Son), 孫正義（Son Masayoshi）
_GIVEN_IN_TEXT = r"\s*[（(]\s*([A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){1,3})\s*[)）]"


def _hiragana_to_katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def _syllable(kana: str, i: int) -> tuple[str, int]:
    """The romaji of the syllable at `i` and how many characters it took."""
    c = kana[i]
    nxt = kana[i + 1] if i + 1 < len(kana) else ""
    base = _BASE.get(c, "")
    if nxt in _SMALL and base:
        small = _SMALL[nxt]
        if base.endswith("i") and small.startswith("y"):  # キャ kya, シャ sha, チョ cho
            stem = base[:-1]
            return (stem + small[1:] if stem in ("sh", "ch", "j") else stem + small), 2
        return base[:-1] + small, 2  # ファ fa, ティ ti
    return base, 1


def kana_to_romaji(kana: str) -> str:
    """Modified Hepburn of a kana reading: シンゾウ -> shinzo, キシダ -> kishida."""
    kana = _hiragana_to_katakana(kana)
    out: list[str] = []
    double = False
    i = 0
    while i < len(kana):
        c = kana[i]
        if c == "ッ":
            double = True
            i += 1
            continue
        if c == "ー":  # a long vowel is written once
            i += 1
            continue
        roman, step = _syllable(kana, i)
        if double and roman:
            roman = ("t" + roman) if roman.startswith("ch") else roman[0] + roman
            double = False
        out.append(roman)
        i += step
    text = "".join(out)
    text = re.sub(r"ou|oo", "o", text)  # long o: トウキョウ -> tokyo
    return re.sub(r"uu", "u", text)


def _reading(name: str) -> str | None:
    """Given name first, in Hepburn, from the dictionary's readings of the name's parts.

    A given name the dictionary splits in two (康稔 read as 康 + 稔) is one it does not
    know, and its reading is a guess: only the surname is given then. A name with no part
    the dictionary knows as a person's is not read at all.
    """
    surname: list[str] = []
    given: list[str] = []
    person = False
    for word in tokens(name):
        if not word.kana:
            return None
        person = person or word.pos3 == "人名"
        part = kana_to_romaji(word.kana).capitalize()
        (given if word.pos4 == "名" else surname).append(part)
    if not person or not surname:
        return None
    if len(given) == 1:
        return f"{given[0]} {''.join(surname)}"
    return "".join(surname)


def latin_name(name: str, paragraphs: Sequence[str] = ()) -> str | None:
    """The name in Latin letters: as the text spells it, else from its reading (hangul
    reads as it is written); None for a name already in Latin letters or one with no
    reading."""
    hangul = _HANGUL.match(name)
    if not hangul and not _KANJI_NAME.search(name) and not _KANA.match(name):
        return None
    given = re.compile(re.escape(name) + _GIVEN_IN_TEXT)
    for paragraph in paragraphs:
        match = given.search(paragraph)
        if match:
            return match.group(1)
    if hangul:
        return hangul_name_to_latin(name)
    if _KANA.match(name):  # a foreign name in katakana: its reading is no spelling
        return None
    return _reading(name)


def with_latin_speakers(quotes: Sequence[Quote], paragraphs: Sequence[str]) -> list[Quote]:
    """The quotes with `speaker_latin` set wherever the speaker's name can be read."""
    speakers = {q.speaker for q in quotes if q.speaker}  # each name read once, not per quote
    names = {name: latin_name(name, paragraphs) for name in speakers}
    return [replace(q, speaker_latin=names.get(q.speaker)) if q.speaker else q for q in quotes]
