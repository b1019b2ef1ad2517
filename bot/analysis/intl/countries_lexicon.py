"""One language's country words, built from compact tables, and the scan that finds them.

Each language module gives, per country, its names, demonyms (inflected by
countries_forms.py), capital and cities, and separately its state bodies and leaders'
seats ("Élysée", "Moncloa", "経済産業省"). A few words need more than a table:

- `shared`: a body of several countries ("Bundesregierung" is Germany's and Austria's);
  the rest of the article picks one, as for English "crore".
- `generic`: a body that belongs to whichever country is named just before it ("米政府"
  is the US government, "インド政府" India's); alone it is the home country of the
  language's press ("政府は" in a Japanese paper is Japan's government).
- `ignore`: longer words that contain a country word and are not the country
  ("日本経済新聞" is a newspaper, "Amérique latine" a continent).
- `tongues`: demonyms that are also languages ("en français", "del español").
- `prefixes`: the first halves of compounds ("franco-allemand") before which a hyphen
  does not hide the next demonym.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from bot.analysis.country_words import Kind, Word, alternation
from bot.analysis.intl.countries_forms import forms

__all__ = ["Found", "Lexicon", "Table", "build"]

# code: (names, demonyms, places), each "|"-separated; the first place is the capital.
Table = Mapping[str, tuple[str, str, str]]
# A word found by a language's own rule rather than the table: start, end, entry.
Found = tuple[int, int, Word]


@dataclass(frozen=True)
class Lexicon:
    """A language's country words and the compiled scan for them."""

    lang: str
    words: dict[str, Word]
    pattern: re.Pattern[str]
    generic: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    tongues: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()
    extras: tuple[tuple[re.Pattern[str], Word], ...] = field(default=())
    more: Callable[[str], list[Found]] | None = None  # words a table cannot hold
    script: str = "latin"  # "latin", "ja" or "ko": how a word is told from its neighbours


_ROMANCE = ("fr", "es", "pt", "it")


def _split(words: str) -> list[str]:
    return [w for w in words.split("|") if w]


def _add(words: dict[str, Word], ws: Iterable[str], code: str, kind: Kind) -> None:
    for w in ws:
        words.setdefault(w, Word(code, kind, w))


def _genitives(names: list[str]) -> list[str]:
    """German genitives: "Deutschlands", "Frankreichs", "Chinas" (not "der Schweiz")."""
    return [n + "s" for n in names if n[-1] not in "sxzei" and " " not in n and n[-1].islower()]


# An amount in a country's own currency points to it, as in English (Kind.MONEY): the
# signs read the same in every language, the words are each language's ("reais", "pesos
# mexicanos", "Franken"). The euro and the dollar point to no country.
_AMOUNT_BEFORE = r"(?=\s?\d)"
_MONEY_SIGNS: tuple[tuple[str, str, Kind], ...] = (
    (r"R\$" + _AMOUNT_BEFORE, "BR", Kind.MONEY),
    (r"₹" + _AMOUNT_BEFORE, "IN", Kind.MONEY),
    (r"₦" + _AMOUNT_BEFORE, "NG", Kind.MONEY),
    (r"₩" + _AMOUNT_BEFORE, "KR", Kind.MONEY),
    (r"S\$" + _AMOUNT_BEFORE, "SG", Kind.MONEY),
    (r"NT\$" + _AMOUNT_BEFORE, "TW", Kind.MONEY),
    (r"(?<=[\d万億兆千百])円", "JP", Kind.MONEY),
    (r"(?<=[\d만억조천])\s?원(?![가-힣])", "KR", Kind.MONEY),
)
_MONEY_WORDS: dict[str, tuple[tuple[str, str, Kind], ...]] = {
    "pt": ((r"(?<=\s)(?:reais|real)\b(?!\s+(?:madrid|sociedad))", "BR", Kind.MONEY),),
    "es": (
        (r"\bpesos\s+mexicanos\b", "MX", Kind.MONEY),
        (r"\bpesos\s+chilenos\b", "CL", Kind.MONEY),
        (r"\bpesos\s+argentinos\b", "AR", Kind.MONEY),
        (r"\bpesos\s+colombianos\b", "CO", Kind.MONEY),
        (r"\bsoles\b", "PE", Kind.MONEY),
    ),
    "fr": (
        (r"\bfrancs\s+suisses\b", "CH", Kind.MONEY),
        (r"\bdollars\s+canadiens\b", "CA", Kind.MONEY),
        (r"\bdirhams\b", "MA", Kind.MONEY),
    ),
    "de": ((r"\b(?:Schweizer\s+)?Franken\b", "CH", Kind.MONEY),),
    "it": ((r"\bfranchi\s+svizzeri\b", "CH", Kind.MONEY),),
}


def build(
    lang: str,
    table: Table,
    bodies: Mapping[str, str],
    *,
    shared: Mapping[str, tuple[str, ...]] | None = None,
    generic: Mapping[str, str] | None = None,
    home: Mapping[str, str] | None = None,
    languages: Mapping[str, str] | None = None,
    ignore: str = "",
    tongues: str = "",
    prefixes: str = "",
    extras: Iterable[tuple[str, str, Kind]] = (),
    more: Callable[[str], list[Found]] | None = None,
    script: str = "latin",
) -> Lexicon:
    """A lexicon from the tables; `script` is how a word ends ("latin": not inside a
    longer word; "ja", "ko": anywhere, the scan's guards decide)."""
    words: dict[str, Word] = {}
    for code, (names, demonyms, places) in table.items():
        found = _split(names)
        _add(words, found, code, Kind.NAME)
        if lang == "de":
            _add(words, _genitives(found), code, Kind.NAME)
        demonyms_found = forms(lang, demonyms)
        _add(words, demonyms_found, code, Kind.NAME)
        if lang in _ROMANCE:  # "Agencia Española de …", "Les Français"
            _add(words, [d[0].upper() + d[1:] for d in demonyms_found], code, Kind.NAME)
        cities = _split(places)
        _add(words, cities[:1], code, Kind.CAPITAL)
        _add(words, cities[1:], code, Kind.PLACE)
    for code, ws in bodies.items():
        for w in _split(ws):
            words[w] = Word(code, Kind.BODY, w)
    for w, codes in (shared or {}).items():
        words[w] = Word(codes[0], Kind.BODY, w, codes[1:])
    for w, code in (generic or {}).items():
        words[w] = Word(code, Kind.BODY, w)
    for w, code in (home or {}).items():
        words[w] = Word(code, Kind.PLACE, w)
    for code, ws in (languages or {}).items():
        for w in _split(ws):
            words[w] = Word(code, Kind.LANGUAGE, w)
    skipped = frozenset(_split(ignore))
    for w in skipped:
        words[w] = Word("", Kind.PLACE, w)
    cues = (*_MONEY_SIGNS, *_MONEY_WORDS.get(lang, ()), *extras)
    compiled = tuple((re.compile(p), Word(code, kind, p)) for p, code, kind in cues)
    body = alternation(words)
    pattern = re.compile(
        rf"(?<![\w])(?:{body})(?:(?<=-)|(?![\w]))" if script == "latin" else f"(?:{body})"
    )
    return Lexicon(
        lang=lang,
        words=words,
        pattern=pattern,
        generic=frozenset(generic or {}),
        ignore=skipped,
        tongues=frozenset(t for entry in _split(tongues) for t in forms(lang, entry)[:1]),
        prefixes=frozenset(p.lower() for p in _split(prefixes)),
        extras=compiled,
        more=more,
        script=script,
    )
