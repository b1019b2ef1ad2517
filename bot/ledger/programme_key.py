"""A programme label's matching key: the same commitment in any outlet's words is one key.

"The national AI compute programme", "its programme for AI computing", "Japan's
AI-compute program" and "le programme national de calcul pour l'IA" all become
"ai compute program": country names go (the country is matched on its own), every word
takes its canonical English form (programme_words.py), words that say nothing about
which programme ("national", "sovereign", "new") drop out, and the head noun ends the
key whatever the language's word order, as the matcher compares heads. The words no
table knows, capitalised or with a digit ("ABCI", "3.0", "Isambard", "Jules Verne"),
are the programme's own name: `distinct`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bot.analysis.country_words import Kind, not_a_country, scanner
from bot.analysis.lexicon import noun_like
from bot.analysis.numbers import word_set
from bot.ledger.programme_words import (
    CANON,
    GERMAN_HEADS,
    GERMAN_PREFIXES,
    HEADS,
    JA_TERMS,
    KO_TERMS,
    MODIFIERS,
    ROMANCE_HEADS,
    canonical,
)

__all__ = ["HEAD_WORDS", "normalise"]

HEAD_WORDS = frozenset(
    w.split()[-1] for table in (HEADS, ROMANCE_HEADS, GERMAN_HEADS) for w in table.values()
)
_KNOWN = frozenset(CANON) | frozenset(HEADS) | frozenset(ROMANCE_HEADS) | MODIFIERS
_KNOWN |= frozenset(GERMAN_HEADS) | HEAD_WORDS
_ACRONYMS = word_set("ai gpu gpus hpc llm ki ia ict it r&d cpu npu")
# Heads that name a programme's money rather than the programme: after another head they
# add nothing ("the cluster's budget", "the mission funding").
_MONEY_HEADS = word_set("budget funding investment allocation spending outlay package")
_CONNECTORS = word_set("for of de pour für d du des del di da do para per on en")
_JA = re.compile("|".join(sorted(map(re.escape, JA_TERMS), key=len, reverse=True)))
_KANA_KANJI = r"[\u3040-\u30ff\u4e00-\u9fff]"
_CJK = re.compile(_KANA_KANJI)
_SCRIPT_EDGE = re.compile(rf"(?<={_KANA_KANJI})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?={_KANA_KANJI})")
_HIRAGANA = re.compile(r"^[\u3040-\u309f]+$")
_KO = re.compile("|".join(sorted(map(re.escape, KO_TERMS), key=len, reverse=True)))
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_FUSED = re.compile(r"\b([A-Z][a-z]+)(AI)\b")  # "IndiaAI": the country's AI
_WORD = re.compile(r"[\w.+&]*\w")
_PRE = (
    (re.compile(r"\bnext[- ]generation\b"), " "),
    (re.compile(r"\bstart-ups?\b", re.I), "startup"),
    (re.compile(r"\bhome-grown\b", re.I), "homegrown"),
    (re.compile(r"['’]s\b"), ""),
    (re.compile(r"[-–/'’«»“”„\"「」『』()\[\]]"), " "),
)


@cache
def _country_names() -> frozenset[str]:
    _, words, _ = scanner()
    return frozenset(w for w, e in words.items() if e.kind is Kind.NAME)


def _without_countries(text: str) -> str:
    """The label with its country names, capitals and cities taken out."""
    pattern, words, _ = scanner()
    text = _FUSED.sub(lambda m: f"{m[1]} {m[2]}" if m[1] in _country_names() else m[0], text)
    out, last = [], 0
    for match in pattern.finditer(text):
        entry = words.get(match[0]) if match["w"] else None
        if entry is None or entry.kind not in (Kind.NAME, Kind.CAPITAL, Kind.PLACE):
            continue
        if not_a_country(text, match[0], entry, match.start(), match.end()):
            continue
        out.append(text[last : match.start()])
        last = match.end()
    return "".join(out) + text[last:] + " "


def _prepared(label: str) -> str:
    text = label
    if _CJK.search(text):
        text = _SCRIPT_EDGE.sub(" ", _JA.sub(lambda m: f" {JA_TERMS[m[0]] or ' '} ", text))
    if _HANGUL.search(text):
        text = _KO.sub(lambda m: f" {KO_TERMS[m[0]] or ' '} ", text)
    for pattern, repl in _PRE:
        text = pattern.sub(repl, text)
    return _without_countries(text)


def _compound(low: str) -> list[str] | None:
    """A German compound's canonical words: "rechenzentrum" → compute, data center."""
    for prefix, canon in GERMAN_PREFIXES.items():
        rest = low[len(prefix) :]
        if prefix and low.startswith(prefix) and rest in GERMAN_HEADS:
            return [*canon.split(), *GERMAN_HEADS[rest].split()]
    return None


def _forms(word: str) -> tuple[list[str], bool]:
    """The canonical words one written word stands for (none for a word that names
    nothing; two for "LLM" or "Rechenzentrum"), and whether it is the programme's own
    name (a word no table knows, capitalised or with a digit)."""
    low = word.casefold()
    canon = canonical(low)
    if low in _KNOWN or low in _ACRONYMS or canon != low:
        return canon.split(), False
    compound = _compound(low)
    if compound is not None:
        return compound, False
    if any(c.isdigit() for c in word) or (word[:1].isupper() and not noun_like(word)):
        return [low], True  # not "Transformation" or "Development": a title's capitals
    if _HANGUL.search(word):
        return [low], True  # a Hangul word no table knows: a name ("누리온")
    if low.endswith("s") and not low.endswith("ss") and len(low) > 4:
        low = low[:-1]  # plurals fold: "start-ups", "accelerators"
    return [low], False


def _head_index(words: list[tuple[str, str]]) -> int | None:
    """Which canonical word is the head: the last head noun before a connector ("programme
    for AI compute", "fonds souverain pour l'IA"), else the last one."""
    last = None
    for i, (written, canon) in enumerate(words):
        if written.casefold() in _CONNECTORS and last is not None:
            return last
        if canon in HEAD_WORDS:
            last = i
    return last


@lru_cache(maxsize=8192)
def normalise(label: str) -> tuple[str, frozenset[str]]:
    """The matching key of a programme label, and its distinctive name words."""
    words: list[tuple[str, str]] = []
    distinct: set[str] = set()
    for word in _WORD.findall(_prepared(label)):
        if _HIRAGANA.match(word):
            continue  # a particle left between terms
        forms, own = _forms(word)
        if own:
            distinct.add(word.casefold())
        words.extend((word, canon) for canon in forms)
    if any(c in HEAD_WORDS and c not in _MONEY_HEADS for _, c in words):
        # "the AI computing centre budget" is the centre's: its money is what a claim is
        words = [(w, c) for w, c in words if c not in _MONEY_HEADS]
    head = _head_index(words)
    order = [c for i, (_, c) in enumerate(words) if i != head]
    if head is not None:
        order.append(words[head][1])
    key: list[str] = []
    for word in order:
        if word in key:
            key.remove(word)  # the head, or a repeat, keeps its last place
        key.append(word)
    return " ".join(key), frozenset(distinct)
