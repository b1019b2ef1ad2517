"""What an amount is for: the programme or object a sentence attaches a figure to.

News names a commitment by the thing it pays for: "the ABCI 3.0 supercomputer", "a
national AI compute programme", "the IndiaAI Mission", "a 500MW data centre". The phrase
is an *object noun* (supercomputer, fund, mission…) with the words that modify it:
capitalised names, version numbers and a short run of known modifiers before it, a
"for AI compute" after it, or a name set beside it ("Isambard-AI, the Bristol
supercomputer", "a machine called Fugaku Next"). A noun used as a verb ("will fund",
"plans to") names nothing.

Which phrase an amount pays for follows how news writes it: the phrase the figure
itself modifies ("a ¥1 trillion AI fund"); else the one after a "for"/"on"/"to" that
follows the figure ("$1bn for a supercomputer and $300m for a language model"); else the
nearest before it in its own stretch of the sentence ("the fund gets ¥1 trillion").

Matching compares normalised keys (programme_key.py), so "the national AI compute
programme" and "its programme for AI computing" are one programme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.analysis.country_words import Kind, scanner
from bot.analysis.numbers import word_set
from bot.analysis.quotemarks import quote_spans
from bot.ledger.actors import actor_in
from bot.ledger.programme_key import normalise
from bot.ledger.programme_words import HEADS, MODIFIERS, NAME_STOPS

__all__ = ["Phrase", "Programme", "actor_in", "candidates", "normalise", "programme_near"]

_NOUN_WORDS = sorted(HEADS, key=len, reverse=True)
_OBJECT = re.compile(
    r"(?<![\w-])(?P<head>"
    + "|".join(re.escape(w).replace(r"\ ", r"[\s-]") for w in _NOUN_WORDS)
    + r")(?![\w-])(?!\s+learning)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w.+-]*\w|['’]s\b")
_SIGNS = "$€£¥₩₹"
_AMOUNT = re.compile(r"\d[\d.,]*-?(?:bn|billion|million|trillion|tn|mn|m|crore|lakh|k)$", re.I)
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
    rf"(?P<name>{_NAME})\s*,\s+(?:the|a|an|its|their)?\s*(?:[A-Z]?[\w-]*['’]s\s+)?"
    r"(?:[A-Z][\w-]*\s+)?(?:[a-z0-9][\w-]*\s+){0,3}$"
)
_POST = re.compile(r"^\s+(?:for|on)\s+((?:(?:[\w-]+)\s?){1,4})")
_PURPOSE = re.compile(
    r"^[^,;:—–]{0,40}?\b(?:for|on|in|into|to|towards?|fund|funds|finance|build|buy|develop|"
    r"create|expand|upgrade|support)\s+(?:(?:the|a|an|its|their|his|her|our|this|that)\s+)?"
    r"(?:[\w.-]+['’]s\s+)?(?:\S*\d\S*\s+)?$",
    re.IGNORECASE,
)
_LINKED = re.compile(
    r"^\s*(?:(?:worth|of|totall?ing|with|at|valued\s+at|costing|amounting\s+to|to|"
    r"will\s+(?:get|receive|have)|gets|receives)\s+)?(?:(?:some|about|around|nearly|almost|"
    r"up\s+to|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)
_NEXT_FIGURE = re.compile(r"\S+(?:\s\S+)?[\s-]*$")
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

    @property
    def bare(self) -> bool:
        """Only a head noun ("the fund", "the mission"): which one, the article said
        elsewhere."""
        return bool(self.key) and " " not in self.key and not self.distinct


@dataclass(frozen=True)
class Phrase:
    """A programme phrase found in a sentence: where it is and where its head noun starts."""

    start: int
    end: int
    head: int
    programme: Programme


@cache
def _place_words() -> frozenset[str]:
    _, words, _ = scanner()
    kinds = (Kind.NAME, Kind.CAPITAL, Kind.PLACE)
    return frozenset(w for w, e in words.items() if e.kind in kinds)


def _stops_name(word: str) -> bool:
    return word in NAME_STOPS or word in _place_words() or word.endswith(("-based", "-led"))


def _phrase_before(sentence: str, head_start: int, titled: bool) -> tuple[list[str], int]:
    """The modifier words just before an object noun, and where the first starts."""
    window = max(0, head_start - 80)
    found = list(_TOKEN.finditer(sentence, window, head_start))
    kept: list[re.Match[str]] = []
    for match in reversed(found):
        word = match[0]
        low = word.lower()
        if low in ("'s", "’s") or low in _DETERMINERS or len(kept) == 5 or _stops_name(word):
            break
        if _amount_at(sentence, match):
            break  # "the C$2-billion AI strategy": the figure itself
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
            return match.group(1).strip(), start
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


def _phrase(sentence: str, match: re.Match[str], titled: bool) -> Phrase | None:
    if _is_verb(sentence, match):
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
def _english(sentence: str) -> tuple[Phrase, ...]:
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


def candidates(sentence: str, lang: str = "en") -> tuple[Phrase, ...]:
    """Every programme phrase of one sentence, in order."""
    if lang == "en":
        return _english(sentence)
    from bot.ledger.phrases_intl import phrases_in

    return phrases_in(lang, sentence)


def _after_purpose(sentence: str, end: int, phrase: Phrase) -> bool:
    """ "$1bn for a supercomputer", "¥1 trillion over five years on the programme"."""
    between = sentence[end : phrase.start]
    return len(between) <= 70 and bool(_PURPOSE.match(between))


def _choose(
    sentence: str, found: tuple[Phrase, ...], at: int, end: int, lo: int, hi: int
) -> Phrase | None:
    """The phrase an amount at [at, end) pays for, within its stretch [lo, hi)."""
    # the next figure may modify the phrase: "$5 billion on a 500MW data centre campus"
    after = [
        p
        for p in found
        if p.head >= end and (p.start < hi or _NEXT_FIGURE.match(sentence, hi, p.start))
    ]
    before = [p for p in found if p.end <= at and p.start >= lo]
    inside = [p for p in after if not sentence[end : p.start].strip(" -")]
    if inside:
        return inside[0]
    if before and _LINKED.match(sentence[before[-1].end : at]):
        return before[-1]  # "a sovereign AI fund worth ¥500 billion", "the fund to ¥2 trillion"
    purposed = [p for p in after if _after_purpose(sentence, end, p)]
    if purposed:
        return purposed[0]
    if before:
        return before[-1]
    if after:
        return after[0]
    return min(found, key=lambda p: abs(p.head - at), default=None)


def programme_near(
    sentence: str,
    at: int,
    kind: str,
    *,
    end: int | None = None,
    lo: int = 0,
    hi: int | None = None,
    lang: str = "en",
) -> Programme:
    """The programme an amount at `at` (to `end`) in `sentence` pays for, or the kind's
    generic label; `lo`/`hi` bound the amount's own stretch (between the figures next
    to it)."""
    spans = [(q.start, q.end) for q in quote_spans(sentence) if not q.start <= at < q.end]
    # a phrase in a quote the amount is not in is the speaker's, not what it pays for
    found = tuple(
        p for p in candidates(sentence, lang) if not any(a <= p.start < b for a, b in spans)
    )
    chosen = _choose(sentence, found, at, end or at, lo, len(sentence) if hi is None else hi)
    return chosen.programme if chosen else generic(kind)


def generic(kind: str) -> Programme:
    """The label of an amount that names no programme."""
    return Programme(_GENERIC.get(kind, "announcement"), "", frozenset())
