"""The words of news text that name a country, and when such a word is not the country.

One scan finds names, demonyms, cities, state bodies, currencies, languages and currency
signs ("Tk 450 crore", "R1,2bn"). Names are matched case-sensitively ("us" and "US",
"chad" and "Chad" differ), with an all-capitals form of each longer name for headline
labels and round-ups ("QATAR: …", "UNITED ARAB EMIRATES: …"). Some matches are not the
country at all: a language ("in Portuguese", "traditional Chinese", "Brazilian
Portuguese"), a currency ("US$"), a continent ("Latin American"), a first name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from functools import cache
from typing import NamedTuple

from bot.analysis.gazetteer import COUNTRIES
from bot.analysis.institutions import CAPITALS, CUES, SHARED

__all__ = ["Kind", "Word", "alternation", "is_label", "not_a_country", "scanner"]


class Kind(Enum):
    """What a country word is: a name says more on its own than a city."""

    NAME = "name"  # a name or demonym
    BODY = "body"  # a ministry, parliament, leader's title or state agency
    MONEY = "money"  # the currency, by its word or its sign
    CAPITAL = "capital"  # the seat of government
    PLACE = "place"  # any other city or region
    LANGUAGE = "language"  # a language spoken mainly there


class Word(NamedTuple):
    """A country word: its country (`others`: further countries of a shared cue)."""

    code: str
    kind: Kind
    spelling: str  # as the gazetteer writes it: "Japan" for "JAPAN"
    others: tuple[str, ...] = ()


# In capitals these are as often a common noun, a person or an airline ("POLE POSITION",
# "EMIRATES ORDERS JETS"); the ambiguous names count in capitals only as a label.
_NO_CAPS = frozenset({"Pole", "Poles", "Kiwi", "Finn", "Finns", "Dane", "Danes", "Swede"})
_NO_CAPS |= frozenset({"Swedes", "Emirates"})
# A signed amount: "R1,2bn", "Tk 450 crore", "Sh5 billion", "Rs. 300 crore", "RM2.5 bil".
_AMOUNT = (
    r"\.?\s?(?:\d+(?:[.,]\d+)*\s?(?:bn|mn|m|tn|k|bil|mil|billion|million|trillion|crores?|lakhs?|cr)\b|"
    r"\d{1,3}(?:,\d{3})+(?![\d,]))"
)


def _words() -> tuple[dict[str, Word], dict[str, Word]]:
    """Every country word, and the currency signs, each with its country."""
    words: dict[str, Word] = {}
    for code, (names, demonyms, places) in COUNTRIES.items():
        for w in (*names, *demonyms):
            words[w] = Word(code, Kind.NAME, w)
        for w in places:
            words.setdefault(w, Word(code, Kind.CAPITAL if w in CAPITALS else Kind.PLACE, w))
    signs: dict[str, Word] = {}
    for code, cues in CUES.items():
        for kind, ws in ((Kind.BODY, cues.bodies), (Kind.MONEY, cues.money)):
            for w in ws:
                if w not in words or words[w].kind is not Kind.NAME:
                    words[w] = Word(code, kind, w)
        for w in cues.languages:
            words[w] = Word(code, Kind.LANGUAGE, w)
        for w in cues.places:
            words.setdefault(w, Word(code, Kind.CAPITAL if w in CAPITALS else Kind.PLACE, w))
        signs.update((w, Word(code, Kind.MONEY, w)) for w in cues.signs)
    for w, shared in SHARED.items():
        kind = Kind.LANGUAGE if shared.kind == "language" else Kind.MONEY
        entry = Word(shared.codes[0], kind, w, shared.codes[1:])
        (signs if shared.kind == "sign" else words)[w] = entry
    for w, entry in list(words.items()):
        letters = sum(c.isalpha() for c in w)
        if entry.kind is Kind.NAME and w.upper() != w and letters >= 4 and w not in _NO_CAPS:
            words.setdefault(w.upper(), entry)
    return words, signs


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words, longest first, written as a trie: Python's
    engine tries a flat alternation of 1,500 words one by one at every position, which
    made this scan the costliest of the analysis; a trie is an order of magnitude faster."""

    def build(node: _Trie) -> str:
        kids = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(_trie(words))


@cache
def scanner() -> tuple[re.Pattern[str], dict[str, Word], dict[str, Word]]:
    """The scan for country words (group `w`) and signed amounts (group `s`)."""
    words, signs = _words()

    lettered = [s for s in signs if any(c.isalpha() for c in s)]
    symbols = [s for s in signs if s not in lettered]
    # A currency sign ends its word ("S$40 million"); a letter sign needs an amount.
    pattern = re.compile(
        rf"(?<![\w.$])(?:(?P<w>{alternation(words)})(?:(?<=\$)|(?![\w])(?!\.\w))|"
        rf"(?P<s>{alternation(lettered)})(?={_AMOUNT})|(?P<y>{alternation(symbols)})(?=\s?\d))"
    )
    return pattern, words, signs


# Words that are countries only in some contexts: a US state, a first or last name, a bird.
_CONTINENT = re.compile(r"(?:Latin|South|North|Central|Pan)[\s-]$")  # "Latin American"
_AMBIGUOUS_BEFORE = {
    "America": _CONTINENT,
    "American": _CONTINENT,
    "Americans": _CONTINENT,
    "Georgia": re.compile(r"(Atlanta|state of|U\.S\. state|US state)\W*$"),
    "Jordan": re.compile(r"(Michael|Chris|[A-Z][a-z]+)\s+$"),
    "Turkey": re.compile(r"(roast|Thanksgiving|wild)\s+$", re.IGNORECASE),
}
_AMBIGUOUS_AFTER = {
    "Georgia": re.compile(r"^\W*(Tech|State|Power|Institute)"),
    "Jordan": re.compile(r"^\s+[A-Z][a-z]+"),
}
# A round-up's "Japan: …", "MOROCCO — …" paragraph label.
_LABEL = re.compile(r"\s?[:–—|]\s")  # matched at the word's end


def is_label(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] heads its paragraph as a label."""
    return start == 0 and _LABEL.match(text, end) is not None


def not_a_country(text: str, match: str, entry: Word, start: int, end: int) -> bool:
    """Whether a country word is not the country here (a name, a language, 'US$')."""
    word = entry.spelling
    if match != word and (word in _AMBIGUOUS_BEFORE or word in _AMBIGUOUS_AFTER):
        return not is_label(text, start, end)  # "JORDAN: …" but not "MICHAEL JORDAN"
    before, after = text[max(0, start - 30) : start], text[end : end + 20]
    if word in _AMBIGUOUS_BEFORE and _AMBIGUOUS_BEFORE[word].search(before):
        return True
    if word in _AMBIGUOUS_AFTER and _AMBIGUOUS_AFTER[word].search(after):
        return True
    if word == "US" and not _upper_context(text, start):
        return True
    if entry.kind is not Kind.NAME:
        return False
    return after.startswith("$") or _is_language(text, word, start, end)


def _upper_context(text: str, start: int) -> bool:
    """'US' is the country unless the text is in capitals (a shouted headline: 'TELL US')."""
    window = text[max(0, start - 20) : start + 22]
    letters = [c for c in window if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * max(len(letters), 1)


# "Portuguese-language model", "Korean text", "Thai speakers": a language, not a country.
_LANGUAGE_AFTER = re.compile(
    r"^(?:-|\s)(?:language|languages|speakers?|speaking|text|texts|dialects?|script|"
    r"words|characters|translations?|subtitles)\b"
)
_TRANSLATION = re.compile(r"-to-[A-Z][a-z]+\b")
_TRANSLATION_BEFORE = re.compile(r"\b[A-Z][a-z]+-to-$")
# Names that are only languages: a list holding one ("in Kazakh, Russian and English",
# "Bahasa Indonesia, Thai and Tamil") is a list of languages.
_LANGUAGES = re.compile(
    r"\b(?:English|Arabic|Swahili|Hindi|Tamil|Telugu|Bengali|Urdu|Punjabi|Mandarin|Cantonese|"
    r"Malay|Bahasa|Tagalog|Farsi|Hebrew|Darija|Amharic|Yoruba|Hausa|Igbo|isiZulu|isiXhosa)\b"
)
_LIST_ITEM = r"(?:Bahasa\s)?[A-Za-z][\w-]*"  # languages are one word
_LIST_BEFORE = re.compile(rf"(?:{_LIST_ITEM}(?:,\s|\s(?:and|or)\s))+$")
_LIST_AFTER = re.compile(rf"^(?:(?:,\s|\s(?:and|or)\s){_LIST_ITEM})+")

# Demonyms that are also languages, and what marks them as the language: a variety
# ("traditional Chinese", "Brazilian Portuguese"), or "in"/"speak" with no noun after
# ("models in Portuguese and …", "staff who speak Thai at home"; not "in Chinese hands").
_TONGUES = frozenset(
    [
        "Portuguese",
        "Spanish",
        "French",
        "German",
        "Dutch",
        "Chinese",
        "Italian",
        "Russian",
        "Japanese",
        "Korean",
        "Turkish",
        "Polish",
        "Swedish",
        "Danish",
        "Norwegian",
        "Finnish",
        "Greek",
        "Thai",
        "Vietnamese",
        "Indonesian",
        "Filipino",
        "Kazakh",
        "Uzbek",
        "Hungarian",
        "Czech",
        "Romanian",
        "Ukrainian",
        "Icelandic",
        "Estonian",
        "Latvian",
        "Lithuanian",
        "Slovak",
        "Slovenian",
        "Croatian",
        "Serbian",
        "Bulgarian",
        "Albanian",
        "Armenian",
        "Georgian",
        "Mongolian",
        "Burmese",
        "Nepali",
        "Tajik",
        "Kyrgyz",
        "Turkmen",
        "Azerbaijani",
        "Somali",
        "Malagasy",
        "Maltese",
        "Luxembourgish",
        "Welsh",
        "Irish",
    ]
)
_VARIETY = re.compile(
    r"\b(?i:traditional|simplified|classical|standard|written|spoken|colloquial|fluent|"
    r"castilian|mandarin|cantonese|european|continental)\s$"
)
_LAST_WORD = re.compile(r"\b([A-Z][\w-]*)\s$")
_IN_OR_SPEAK = re.compile(
    r"\b(?:in|into|(?:speak|speaks|spoke|speaking|write|writes|wrote|written|writing|read|"
    r"reads|understand|understands|learn|learns|learning|translated?|translates|"
    r"translating|fluent)(?:\s(?:in|into|to))?)\s$"
)
_NO_NOUN_AFTER = re.compile(
    r"^(?:\s*(?:[.;:!?)\"”]|$)|,\s(?![A-Z])|\s(?:and|or)\s(?:[a-z]|[A-Z]\w+\s*(?:[.,;:!?)]|$))|"
    r"\s(?:as|at|for|by|with|to|from|instead|rather|only|too|well|fluently|first)\b)"
)


def _is_language(text: str, word: str, start: int, end: int) -> bool:
    """Whether the country word at text[start:end] names a language."""
    if _LANGUAGE_AFTER.match(text[end : end + 20]) or text[max(0, start - 7) : start] == "Bahasa ":
        return True
    if _TRANSLATION.match(text, end) or _TRANSLATION_BEFORE.search(text, max(0, start - 16), start):
        return True  # "Chinese-to-English translation", "English-to-Chinese"
    if word in _TONGUES and _tongue(text[max(0, start - 40) : start], text[end : end + 40]):
        return True
    before = _LIST_BEFORE.search(text[max(0, start - 80) : start])
    after = _LIST_AFTER.match(text[end : end + 80])
    listed = (before.group() if before else "") + (after.group() if after else "")
    return bool(listed) and _LANGUAGES.search(listed) is not None


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(d for _, demonyms, _ in COUNTRIES.values() for d in demonyms)


def _tongue(before: str, after: str) -> bool:
    """Whether a demonym that is also a language is the language here."""
    last = _LAST_WORD.search(before)
    if _VARIETY.search(before) or (last is not None and last.group(1) in _demonyms()):
        return True  # "traditional Chinese", "Brazilian Portuguese", "Swiss German"
    return _IN_OR_SPEAK.search(before) is not None and _NO_NOUN_AFTER.match(after) is not None
