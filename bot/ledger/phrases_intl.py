"""Programme phrases in the other languages the analyser reads, each in its word order.

French, Spanish, Portuguese and Italian put the head first and its modifiers and name
after it ("le supercalculateur exaflopique Jules Verne", "le programme national de calcul
pour l'IA", "el fondo soberano de IA"). German builds compounds whose last part is the
head ("KI-Rechenzentrum", "Förderprogramm") and sets a name after it ("der
Supercomputer Jupiter"); as German capitalises every noun, only a word after the head,
an acronym or a quoted name counts as a name. Japanese writes no spaces: the head is a
known term, its modifiers the run of kanji, katakana and Latin before it up to a
particle, and its name the 「…」 after it ("スーパーコンピューター「ABCI 3.0」").
The labels keep the article's own words; programme_key.py gives them one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis.country_words import alternation
from bot.analysis.numbers import word_set
from bot.ledger.phrase import Phrase, Programme
from bot.ledger.programme_key import HEAD_WORDS, normalise
from bot.ledger.programme_words import (
    CANON,
    GERMAN_HEADS,
    GERMAN_PREFIXES,
    JA_TERMS,
    KO_TERMS,
    MODIFIERS,
    ROMANCE_HEADS,
)

__all__ = ["phrases_in"]

_ROMANCE = frozenset({"fr", "es", "pt", "it"})
_ROMANCE_HEAD = re.compile(rf"(?<![\w-])(?:{alternation(ROMANCE_HEADS)})(?![\w-])", re.IGNORECASE)
_CONNECTOR = (
    r"(?:de\s+l['’]\s?|de\s+la\s+|du\s+|des\s+|de\s+|d['’]\s?|pour\s+l['’]\s?|pour\s+la\s+|"
    r"pour\s+|en\s+|del\s+|para\s+la\s+|para\s+|da\s+|do\s+|di\s+|dell['’]\s?|per\s+l['’]\s?"
    r"|per\s+|für\s+)"
)
_NEXT = re.compile(
    rf"\s*(?P<conn>{_CONNECTOR})?(?P<word>[«“„\"]\s?[^»”“\"]{{1,30}}?\s?[»”“\"]|[\w.+'’-]*\w)",
    re.IGNORECASE,
)
_KNOWN = frozenset(CANON) | MODIFIERS | frozenset(ROMANCE_HEADS) | frozenset(GERMAN_HEADS)
_KNOWN |= HEAD_WORDS | frozenset({"ia", "ki", "ai", "exaflopique", "intelligence"})
_GERMAN_WORD = re.compile(r"[\wÄÖÜäöüß][\w-]*")
_GERMAN_STOPS = word_set(
    """Der Die Das Den Dem Des Ein Eine Einen Einem Im In Am Zum Zur Für Mit Und Von Bei Auf
    Bis Nach Über Laut Wie Euro Milliarden Millionen"""
)
_JA_HEADS = {t: v for t, v in JA_TERMS.items() if v and v.split()[-1] in HEAD_WORDS}
_JA_HEAD = re.compile("|".join(sorted(map(re.escape, _JA_HEADS), key=len, reverse=True)))
_JA_RUN = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9・]+$")
_JA_NAME = re.compile(r"^(?:「([^」]{1,24})」|\s?([A-Za-z][\w.+-]*(?:\s[\w.+-]+)?))")
_JA_STOP = re.compile(r"[円兆億万]")
_KO_HEADS = {t: v for t, v in KO_TERMS.items() if v and v.split()[-1] in HEAD_WORDS}
_KO_HEAD = re.compile("|".join(sorted(map(re.escape, _KO_HEADS), key=len, reverse=True)))
_KO_TERM = "|".join(sorted(map(re.escape, KO_TERMS), key=len, reverse=True))
_KO_MODIFIER = re.compile(rf"(?:{_KO_TERM}|[A-Za-z][\w.+-]*)+$")
_KO_NAME = re.compile(
    r"^\s?(?:['‘\"“「]([^'’\"”」]{1,24})['’\"”」]|\d+호기|[A-Za-z][\w.+-]*(?:\s\d[\d.]*)?)(?![\w])"
)
_KO_WORD = re.compile(r"\S+")
# "…할 계획이다" ("plans to …"): the head word as the sentence's predicate names nothing
_KO_PREDICATE = re.compile(r"(?:이다|이라|입니다|이며|이고|했다|한다|하고|하기|할)")


def _is_name(word: str) -> bool:
    return word[:1].isupper() or any(c.isdigit() for c in word) or word[:1] in '«“„"'


def _romance(lang: str, sentence: str) -> tuple[Phrase, ...]:
    """Head first: its adjectives, "de calcul"-like complements and name after it."""
    out = []
    for match in _ROMANCE_HEAD.finditer(sentence):
        end = match.end()
        for step in _NEXT.finditer(sentence, end):
            if step.start() != end:
                break
            word = step["word"].strip('«»“”„" ')
            known = word.casefold() in _KNOWN or word.casefold().rstrip("s") in _KNOWN
            if not (known or (not step["conn"] and _is_name(word))):
                break
            end = step.end()
        out.append(_made(sentence, match.start(), end, match.start(), lang))
    return tuple(out)


def _german_head(word: str) -> bool:
    last = word.split("-")[-1].casefold()
    return any(
        last.endswith(head) and last[: len(last) - len(head)] in GERMAN_PREFIXES
        for head in GERMAN_HEADS
    )


def _german(sentence: str) -> tuple[Phrase, ...]:
    """Adjectives before the compound head, a name after it."""
    words = list(_GERMAN_WORD.finditer(sentence))
    out = []
    for i, word in enumerate(words):
        if not _german_head(word[0]):
            continue
        start = word.start()
        for before in reversed(words[max(0, i - 3) : i]):
            if before[0].casefold() not in CANON and before[0].casefold() not in MODIFIERS:
                break
            start = before.start()
        end = word.end()
        if i + 1 < len(words):
            after = words[i + 1]
            gap = sentence[end : after.start()]
            tail = sentence[after.end() : after.end() + 2]
            name = after[0][:1].isupper() and after[0] not in _GERMAN_STOPS
            if gap.strip(' „“"') == "" and name and (not tail.strip() or not tail[1:2].isupper()):
                end = after.end() + (1 if sentence[after.end() : after.end() + 1] in '“"' else 0)
        out.append(_made(sentence, start, end, word.start(), "de"))
    return tuple(out)


def _japanese(sentence: str) -> tuple[Phrase, ...]:
    """The run before a known head up to a particle, and the 「name」 after it."""
    out = []
    for match in _JA_HEAD.finditer(sentence):
        run = _JA_RUN.search(sentence, max(0, match.start() - 12), match.start())
        start = run.start() if run and not _JA_STOP.search(run[0]) else match.start()
        name = _JA_NAME.match(sentence[match.end() : match.end() + 30])
        end = match.end() + (name.end() if name else 0)
        out.append(_made(sentence, start, end, match.start(), "ja"))
    return tuple(out)


def _korean(sentence: str) -> tuple[Phrase, ...]:
    """A known head (alone or ending a compound), the known words or Latin acronyms just
    before it, and a quoted name, a unit number ("6호기") or a Latin name after it. Korean
    glues particles to words ("센터에", "정부는"): a word with one is not a modifier."""
    out = []
    for match in _KO_HEAD.finditer(sentence):
        if _KO_PREDICATE.match(sentence, match.end()):
            continue
        word_start = sentence.rfind(" ", 0, match.start()) + 1
        glued = sentence[word_start : match.start()]
        start = word_start if not glued or _KO_MODIFIER.match(glued) else match.start()
        if start == word_start:
            for before in reversed(list(_KO_WORD.finditer(sentence, 0, word_start))[-3:]):
                if not _KO_MODIFIER.match(before[0]):
                    break
                start = before.start()
        name = _KO_NAME.match(sentence[match.end() : match.end() + 30])
        end = match.end() + (name.end() if name else 0)
        out.append(_made(sentence, start, end, match.start(), "ko"))
    return tuple(out)


_ARTICLE = re.compile(
    r"^(?:(?:der|die|das|den|dem|des|ein|eine|einen|einem|le|la|les|un|une|el|los|las|"
    r"il|lo|o|a|os|as)\s+|l['’]\s*)",
    re.IGNORECASE,
)


_WORD_AT = re.compile(r"\w[\w'’-]*")


def _without_countries(lang: str, label: str) -> str:
    """The label without the country's own name ("Plano Brasileiro de IA"): the country
    is matched on its own, and the store reads name words back from the label."""
    from bot.analysis.country_words import Kind
    from bot.analysis.intl.countries_scan import mentions, supported

    if lang in ("ja", "ko") or not supported(lang):
        return label
    kinds = (Kind.NAME, Kind.CAPITAL, Kind.PLACE)
    found = [*mentions(lang, label)]
    if len(label.lower()) == len(label):  # "Plano Brasileiro": a demonym in a name's capitals
        found += mentions(lang, label.lower())
    out, last = [], 0
    for mention in sorted(found, key=lambda m: m.start):
        word = _WORD_AT.match(label, mention.start)
        if mention.kind in kinds and word and mention.start >= last:
            out.append(label[last : mention.start])
            last = word.end()
    return re.sub(r"\s{2,}", " ", "".join(out) + label[last:]).strip(" ,")


def _made(sentence: str, start: int, end: int, head: int, lang: str) -> Phrase:
    label = _without_countries(lang, _ARTICLE.sub("", sentence[start:end].strip(" ,")))
    return Phrase(start, end, head, Programme(label, *normalise(label)))


@lru_cache(maxsize=4096)
def phrases_in(lang: str, sentence: str) -> tuple[Phrase, ...]:
    """Every programme phrase of one sentence in `lang`, in order."""
    if lang in _ROMANCE:
        return _romance(lang, sentence)
    if lang == "de":
        return _german(sentence)
    if lang == "ja":
        return _japanese(sentence)
    if lang == "ko":
        return _korean(sentence)
    return ()
