"""What an amount is for: the programme or object a sentence attaches a figure to.

News names a commitment by the thing it pays for: "the ABCI 3.0 supercomputer", "a
national AI compute programme", "the IndiaAI Mission", "a 500MW data centre". The phrase
is an *object noun* (supercomputer, fund, mission, cluster, model…) with the words
before it that modify it: capitalised names, acronyms, version numbers and a short run
of lowercase modifiers, stopping at a determiner, a preposition or a verb. The phrase
nearest the figure wins. Matching then compares normalised keys, so "the national AI
compute programme" and "its national AI-compute program" are one programme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.analysis.country_words import Kind, scanner
from bot.analysis.numbers import word_set

__all__ = ["Programme", "actor_in", "normalise", "programme_near"]

# Object nouns, by the head they normalise to (one head per kind of thing).
_HEADS = {
    "supercomputer": "supercomputer",
    "supercomputers": "supercomputer",
    "computer": "supercomputer",
    "cluster": "cluster",
    "clusters": "cluster",
    "model": "model",
    "models": "model",
    "llm": "model",
    "llms": "model",
    "data centre": "data center",
    "data center": "data center",
    "data centres": "data center",
    "data centers": "data center",
    "datacentre": "data center",
    "datacenter": "data center",
    "campus": "campus",
    "fund": "fund",
    "funds": "fund",
    "programme": "program",
    "program": "program",
    "initiative": "initiative",
    "mission": "mission",
    "plan": "plan",
    "strategy": "strategy",
    "project": "project",
    "facility": "facility",
    "factory": "factory",
    "gigafactory": "factory",
    "hub": "hub",
    "cloud": "cloud",
    "platform": "platform",
    "infrastructure": "infrastructure",
    "network": "network",
    "package": "package",
    "scheme": "scheme",
    "budget": "budget",
    "compute centre": "compute center",
    "compute center": "compute center",
    "computing centre": "compute center",
    "computing center": "compute center",
    "centre": "center",
    "center": "center",
    "institute": "institute",
    "laboratory": "lab",
    "lab": "lab",
    "partnership": "partnership",
    "venture": "venture",
    "system": "system",
}
# Lowercase words that may modify an object noun ("national AI compute programme");
# anything else lowercase (a verb, "for", "of") ends the phrase.
_MODIFIERS = word_set(
    """national sovereign public state federal government domestic homegrown home-grown
    local regional new second third first next-generation flagship dedicated shared open
    ai artificial intelligence compute computing gpu language large foundation research
    supercomputing cloud digital semiconductor chip talent startup start-up innovation
    investment infrastructure quantum exascale data sovereign-ai ai-compute multilingual
    hyperscale green renewable"""
)
_STOP = word_set("the a an its their his her our this that these those new")
_NOUN_WORDS = sorted(_HEADS, key=len, reverse=True)
_OBJECT = re.compile(
    r"(?<![\w-])(?P<head>"
    + "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in _NOUN_WORDS)
    + r")(?![\w-])",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w.+-]*\w|['’]s\b")
_NAMEISH = re.compile(r"[A-Z0-9][\w.+-]*$")
_GENERIC = {
    "money": "AI funding",
    "gpus": "GPUs",
    "power": "data-centre power",
    "compute": "computing power",
}


@dataclass(frozen=True)
class Programme:
    """A programme as written, its matching key, and its distinctive name words."""

    label: str
    key: str
    distinct: frozenset[str]


def _phrase_before(sentence: str, head_start: int) -> list[str]:
    """The modifier words just before an object noun, nearest last."""
    words = _TOKEN.findall(sentence[max(0, head_start - 80) : head_start])
    kept: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if low in ("'s", "’s") or low in _STOP or len(kept) == 5:
            break
        if low in _MODIFIERS or _NAMEISH.match(word):
            kept.append(word)
            continue
        break
    kept.reverse()
    # a number belongs to a name only after one ("ABCI 3.0"); "500MW data centre" and
    # "2,000 GPU cluster" start with the figure itself
    named: list[str] = []
    for word in kept:
        if word[0].isdigit() and not (named and named[-1][0].isupper()):
            continue
        named.append(word)
    return named


def programme_near(sentence: str, at: int, kind: str) -> Programme:
    """The programme an amount at `at` in `sentence` pays for, or the kind's generic label."""
    best: tuple[int, Programme] | None = None
    for match in _OBJECT.finditer(sentence):
        words = _phrase_before(sentence, match.start())
        head = re.sub(r"[\s-]+", " ", match["head"])
        if not words and head.lower() in ("system", "platform", "network", "budget", "center"):
            continue  # "the system", "the budget" alone name nothing
        label = " ".join([*words, head])
        distance = abs(at - match.start())
        found = Programme(label, *normalise(label))
        if best is None or distance < best[0]:
            best = (distance, found)
    if best is None:
        return Programme(_GENERIC.get(kind, "announcement"), "", frozenset())
    return best[1]


@cache
def _country_words() -> frozenset[str]:
    _, words, _ = scanner()
    return frozenset(w.casefold() for w, entry in words.items() if entry.kind is Kind.NAME)


def normalise(label: str) -> tuple[str, frozenset[str]]:
    """The matching key of a programme label, and its distinctive name words.

    Country names are dropped (the country is matched on its own), spellings unified
    ("centre"/"center", "programme"/"program"), determiners and plurals folded.
    """
    words = re.findall(r"[\w.+]*\w", re.sub(r"['’]s\b", "", label).replace("-", " "))
    countries = _country_words()
    key: list[str] = []
    distinct: set[str] = set()
    for i, word in enumerate(words):
        low = word.casefold()
        if low in _STOP or low in countries:
            continue
        two = f"{low} {words[i + 1].casefold()}" if i + 1 < len(words) else ""
        low = _HEADS.get(low, low) if not two or two not in _HEADS else low
        if low in ("artificial", "intelligence"):
            low = "ai"
        if low.endswith("s") and len(low) > 4 and not low.endswith("ss") and low not in _HEADS:
            low = low[:-1]
        if (word[0].isupper() and word.casefold() not in _MODIFIERS and i < len(words) - 1) or any(
            c.isdigit() for c in word
        ):
            distinct.add(low)
        if not key or key[-1] != low:
            key.append(low)
    return " ".join(key), frozenset(distinct)


_ACTOR = re.compile(
    r"\b(?:(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,5}(?:Ministry|Department|Agency|Authority|"
    r"Commission|Council|Cabinet|Office|Corporation|Corp\.?|Inc\.?|Ltd\.?|Group|Holdings|"
    r"Bank|Institute|University|Foundation|Fund)(?:\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w&-]*(?:,?\s+(?:and\s+)?)?){1,6})?"
    r"|(?:the\s+)?(?:(?:federal|national|central|[A-Z][a-z]+)\s+)?government)",
)


def actor_in(sentence: str) -> str | None:
    """The body or company acting in a sentence, as it names it: its first organisation."""
    match = _ACTOR.search(sentence)
    if match is None:
        return None
    actor = re.sub(r"^the\s+", "", match[0].strip(" ,"), flags=re.IGNORECASE)
    return actor[:1].upper() + actor[1:] if actor else None
