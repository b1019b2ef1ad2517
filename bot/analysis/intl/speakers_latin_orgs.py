"""Organisation names and clause pieces in Latin-script attributions.

An organisation's name runs on past the capitalised run that starts it: through a
preposition ("Bundesministerium für Forschung", "Ministerio para la Transformación
Digital") and through a list closed by "and" ("Ministério da Ciência, Tecnologia e
Inovação"), whose commas therefore do not split an attribution into pieces. German
puts the name after "ein Sprecher des" in the genitive ("des Bundesministeriums");
the speaker is the ministry in the nominative.
"""

from __future__ import annotations

import re

from bot.analysis.intl.quotes_lexicon import Compiled, split

__all__ = [
    "CIRCUMSTANCE",
    "capitalised_after",
    "nominative",
    "org_phrase",
    "org_tail",
    "past_addressee",
    "segments",
]

_SEPARATORS = re.compile(r"\s*(?:[,;()\[\]]|\s[—–-]\s)\s*")
_CAP = r"[^\W\d_a-zß-ÿ][\w’'-]*"
_AND = r"(?:und|et|y|e|ed|and)"
# ", Tecnologia e Inovação": a list of capitalised words closed by "and" goes on a name
_LIST = r",\s*(?=(?:" + _CAP + r"\s*,\s*)*" + _CAP + r"(?:\s+" + _CAP + r")*\s+" + _AND + r"\s)"
_PREP = (
    r"\s+(?:für|for|pour|para|per|of|des|der|del|della|dello|do|da|dos|das|du|de|di)"
    r"(?:\s+(?:la|le|el|il|lo|the|den|die|das|les|los|las|l'|l’))?\s*"
)
_ORG_TAIL = re.compile(
    r"(?:(?:" + _PREP + "|" + _LIST + r"|\s+" + _AND + r"\s+)" + _CAP + r"(?:\s+" + _CAP + r")*)+"
)
_LIST_COMMA = re.compile(_LIST)
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_ACRONYM = re.compile(r"[A-Z]{2,}")
# where and when, not who: the words that end a role ("ministra durante a cerimônia")
CIRCUMSTANCE = frozenset(
    split(
        """en durante lors pendant ce cette este esta am im bei während nel nella ieri oggi
        hoy ayer hier heute gestern ontem hoje nesta neste em na no in at on during tras
        après nach dopo após depois dans selon avec sur vers"""
    )
)
_STOPS = re.compile(r"[,;:.!?()\[\]~“”«»„\"]")
_CAPITAL = re.compile(r"(?:^|[\s'’])[^\W\d_a-zß-ÿ]")


def capitalised_after(phrase: str, start: int) -> bool:
    """A capital letter after `start` ("ministère de l'Économie"): a name follows."""
    return _CAPITAL.search(phrase, start) is not None


def org_phrase(c: Compiled, text: str, start: int, end: int) -> str:
    """An organisation's name up to where the clause goes on to say when or where:
    "Centre national de calcul" of "Centre national de calcul dans un communiqué".
    German writes every word of a name with a capital, so its names stop at the first
    word in lower case ("das Unternehmen [auf Anfrage]")."""
    stop = _STOPS.search(text, start, end)
    if c.org_suffix is not None:
        return text[start:end].split()[0] if text[start:end].split() else ""
    words = text[start : stop.start() if stop else end].split()
    keep: list[str] = []
    for word in words[:9]:
        if (
            word.lower() in CIRCUMSTANCE
            or word.capitalize() in c.words.days
            or c.verb.fullmatch(word)
        ):
            break
        keep.append(word)
    while len(keep) > 1 and keep[-1].lower() in c.words.particles | c.words.articles:
        keep.pop()
    return " ".join(keep)


def org_tail(text: str, end: int, limit: int) -> str:
    """The rest of an organisation's name: "Bundesministerium [für Forschung]",
    "Ministerio [para la Transformación Digital]"."""
    m = _ORG_TAIL.match(text, end, limit)
    return m.group() if m else ""


def segments(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The comma-free pieces of an attribution (a list inside a name stays whole)."""
    out: list[tuple[int, int]] = []
    pos = a
    for m in _SEPARATORS.finditer(text, a, b):
        if _LIST_COMMA.match(text, m.start()):  # "Ministério da Ciência, Tecnologia e …"
            continue
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if b > pos:
        out.append((pos, b))
    return [(x, y) for x, y in out if text[x:y].strip()]


def nominative(c: Compiled, name: str) -> str:
    """ "Bundesministeriums für Digitales" after "ein Sprecher des" is the
    "Bundesministerium für Digitales": German puts the name in the genitive."""
    head, _, rest = name.partition(" ")
    if c.org_suffix is None or not head.endswith("s") or c.org_suffix.search(head):
        return name
    for stem in (head[:-1], head[:-2]):
        if c.org_suffix.search(stem) or c.org.fullmatch(stem):
            return f"{stem} {rest}".strip()
    return name


def past_addressee(run: re.Match[str]) -> int:
    """Where the speaker starts after whom the words were said to: one acronym ("EFE
    Andrés Villalba"), or all but a last name of two words ("Agência Brasil Fernanda
    Reis"); a shorter run is the addressee alone ("Europa Press")."""
    words = [m for m in _WORD.finditer(run.group())]
    names = [w for w in words if w.group()[0].isupper()]
    if len(names) >= 2 and _ACRONYM.fullmatch(names[0].group()):
        return run.start() + names[1].start()
    if len(names) >= 3:
        return run.start() + names[-2].start()
    return run.end()
