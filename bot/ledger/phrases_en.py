"""Programme phrases in English: a head noun with the words that say which one it is.

The phrase is an *object noun* (supercomputer, fund, mission…) with the words that
modify it: capitalised names, version numbers and a short run of known modifiers before
it ("the national AI compute programme", "the ABCI 3.0 supercomputer"), a "for AI
compute" after it, or a name set beside it ("Isambard-AI, the Bristol supercomputer",
"a machine called Fugaku Next"). The run stops at a determiner, a possessive, a city, a
date or the amount itself ("the C$2-billion strategy"). A noun used as a verb ("will
fund", "plans to", "funds the") names nothing, and in a title-case headline capitals
name nothing either.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bot.analysis.country_words import Kind, alternation, scanner
from bot.analysis.numbers import word_set
from bot.ledger.phrase import Phrase, Programme
from bot.ledger.programme_key import normalise
from bot.ledger.programme_words import HEADS, MODIFIERS, NAME_STOPS

__all__ = ["phrases_en"]

_NOUN_WORDS = sorted(HEADS, key=len, reverse=True)
_OBJECT = re.compile(  # a trie of the heads, as the country scan builds its own
    r"(?<![\w-])(?P<head>"
    + alternation(_NOUN_WORDS).replace(r"\ ", r"[\s-]")
    + r")(?![\w-])(?!\s+(?:learning|scientists?|science|vision|makers?|manufacturers?|"
    r"engineers?|operators?|providers?|managers?|developers?|compan(?:y|ies)|firms?|vendors?|"
    r"suppliers?|industry|sector|market|training|users?|chips?|architects?)\b)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w.+-]*\w|['’]s\b")
_SIGNS = "$€£¥₩₹"
_AMOUNT = re.compile(  # "2-billion", "500m", "P3-B", "RM2bil": not "H100" or "ABCI 3.0"
    r"[A-Z]{0,3}\d[\d.,]*-?(?:b|bn|bil|billion|m|mn|mil|million|tn|trillion|k|crore|cr|lakh)$",
    re.IGNORECASE,
)
_UNITS = word_set("mw gw kw mwe exaflops petaflops eflops pflops gpus")
_NAMEISH = re.compile(r"[A-Z0-9][\w.+-]*$")
_DETERMINERS = word_set("the a an its their his her our this that these those")
_VERB_BEFORE = word_set(
    """will would to shall can could may might must should also it they which who help helps
    jointly not he she we i"""
)
_NAME = r"[A-Z][\w.+-]*(?:\s(?:[A-Z0-9][\w.+-]*|\d[\w.]*)){0,3}"
_CALLED = re.compile(
    rf"^,?\s+(?:called|named|dubbed|nicknamed|known as|code-named)\s+[“\"‘']?(?P<name>{_NAME})"
)
_QUOTED = re.compile(r"^\s+[“\"‘']([A-Z][^”\"’']{1,30})[”\"’']")
_APPOSITION_AFTER = re.compile(rf"^\s*,\s+(?P<name>{_NAME})\s*,(?!\s+(?:said|says|told)\b)")
_APPOSITION_BEFORE = re.compile(
    rf"(?P<name>{_NAME})\s*,\s+(?:(?:the|a|an|its|their)\s+|[A-Z][\w-]*['’]s\s+)"
    r"(?:[A-Z][\w-]*\s+)?(?:[a-z0-9][\w-]*\s+){0,3}$"
)
_ORG_AFTER = re.compile(  # a body's name, a body speaking, a body investing
    r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]|\s*(?:,[^,]{1,60},\s*)?(?:said|says|told|announced|"
    r"added|noted|stated|confirmed)\b|\s+(?:will|would|plans\s+to|is\s+to|agreed\s+to)\s+"
    r"(?:invest|spend|commit|put|pour|allocate|provide|finance|lend)\b"
)
_POST = re.compile(r"^\s+(?:for|on)\s+((?:(?:[\w-]+)\s?){1,4})")


@cache
def _place_words() -> frozenset[str]:
    _, words, _ = scanner()
    kinds = (Kind.NAME, Kind.CAPITAL, Kind.PLACE)
    return frozenset(w for w, e in words.items() if e.kind in kinds)


def _ends_run(word: str) -> bool:
    """A word a run of modifiers stops at: a date, a place, "Seoul-based"."""
    return word in NAME_STOPS or word in _place_words() or word.endswith(("-based", "-led"))


def _stops_name(word: str) -> bool:
    """A word no name set beside a phrase starts with: those, or a modifier ("GPUs")."""
    return _ends_run(word) or word.lower() in MODIFIERS


def _phrase_before(sentence: str, head_start: int, titled: bool) -> tuple[list[str], int]:
    """The modifier words just before an object noun, and where the first starts."""
    window = max(0, head_start - 80)
    found = list(_TOKEN.finditer(sentence, window, head_start))
    kept: list[re.Match[str]] = []
    for match in reversed(found):
        word = match[0]
        low = word.lower()
        if low in ("'s", "’s") or low in _DETERMINERS or len(kept) == 5 or _ends_run(word):
            break
        if _amount_at(sentence, match) or low in _UNITS:
            break  # "the C$2-billion AI strategy", "a 20 MW facility": the figure itself
        nameish = _NAMEISH.match(word) and not (titled and word[:1].isalpha() and low != word)
        if low in MODIFIERS or low in HEADS or (word.isupper() and len(word) > 1) or nameish:
            kept.append(match)
            continue
        break
    kept.reverse()
    # a number belongs to a name only after one ("ABCI 3.0"); "500MW data centre" and
    # "2,000 GPU cluster" start with the figure itself
    named: list[re.Match[str]] = []
    for match in kept:
        if match[0][0].isdigit() and not (named and named[-1][0][0].isupper()):
            named = []
            continue
        named.append(match)
    return [m[0] for m in named], (named[0].start() if named else head_start)


def _amount_at(sentence: str, match: re.Match[str]) -> bool:
    """Whether a token is (part of) an amount: after a currency sign, before one, or a
    number with its magnitude ("2-billion", "500m")."""
    before = sentence[max(0, match.start() - 1) : match.start()]
    after = sentence[match.end() : match.end() + 1]
    signed = (before and before in _SIGNS) or (after and after in _SIGNS)
    return bool(signed or _AMOUNT.match(match[0]))


def _is_verb(sentence: str, match: re.Match[str]) -> bool:
    """Whether an object noun is a verb here: "will fund", "plans to", "funds the"."""
    before = sentence[max(0, match.start() - 30) : match.start()].split()
    prev = before[-1].lower().strip(",") if before else ""
    if prev in _VERB_BEFORE:
        return True
    if any(c.isdigit() for c in prev):
        return False  # "a P3-billion program to build", "a ¥1 trillion fund to back"
    after = sentence[match.end() : match.end() + 8].lstrip()
    verbish = after.startswith(("to ", "the ", "a ", "an ", "its ", "research", "startups"))
    return verbish and prev not in _DETERMINERS and prev not in MODIFIERS - {"government"}


def _name_beside(sentence: str, start: int, end: int) -> tuple[str, int] | None:
    """A name set beside the phrase: "X, the …", "…, X,", "… called X", "… “X”"; and
    where the phrase then starts."""
    after = sentence[end : end + 60]
    for pattern in (_CALLED, _QUOTED, _APPOSITION_AFTER):
        match = pattern.match(after)
        if match and not _stops_name(match.group(1).split()[0]):
            return match.group(1).strip(" .,;:"), start
    match = _APPOSITION_BEFORE.search(sentence, max(0, start - 60), start)
    if match and not _stops_name(match["name"].split()[0]):
        return match["name"], match.start()
    return None


def _post_words(sentence: str, end: int) -> str:
    """ "for AI compute", "on AI research" after the head, when only modifiers follow."""
    match = _POST.match(sentence[end : end + 50])
    if not match:
        return ""
    words = match.group(1).split()
    kept = []
    for word in words:
        if word.lower() not in MODIFIERS and not (word.isupper() and len(word) > 1):
            break
        kept.append(word)
    return match.group(0).split(kept[0], 1)[0] + " ".join(kept) if kept else ""


def _organisation(sentence: str, match: re.Match[str]) -> bool:
    """Whether a capitalised head names a body, not a programme: "the National Fund for
    Technological Development", "the Computing Research Institute said"."""
    if not match["head"][:1].isupper():
        return False
    return bool(_ORG_AFTER.match(sentence, match.end()))


def _phrase(sentence: str, match: re.Match[str], titled: bool) -> Phrase | None:
    if _is_verb(sentence, match) or (not titled and _organisation(sentence, match)):
        return None
    words, start = _phrase_before(sentence, match.start(), titled)
    head = re.sub(r"[\s-]+", " ", match["head"])
    post = _post_words(sentence, match.end())
    label = " ".join([*words, head]) + post
    named = bool(normalise(label)[1])  # "ABCI 3.0 supercomputer" has its name already
    beside = None if named else _name_beside(sentence, start, match.end())
    if beside:
        name, where = beside
        label = f"{name} {label}"
        start = min(start, where)
    end = match.end() + len(post)
    return Phrase(start, end, match.start(), Programme(label, *normalise(label)))


def _titled(sentence: str) -> bool:
    """A headline in title case: its capitals say nothing about names."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


@lru_cache(maxsize=4096)
def phrases_en(sentence: str) -> tuple[Phrase, ...]:
    titled = _titled(sentence)
    found = [p for m in _OBJECT.finditer(sentence) if (p := _phrase(sentence, m, titled))]
    # "data centre campus", "AI gigafactory programme": the outer phrase only
    return tuple(
        p
        for p in found
        if not any(
            o is not p
            and o.start <= p.start
            and p.end <= o.end
            and o.end - o.start > p.end - p.start
            for o in found
        )
    )
