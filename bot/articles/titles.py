"""Headlines as words: their cleaning, and the guard that keeps apart different stories."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from bot.articles.fingerprints import Fingerprint

# Function words and headline filler: differences in these never make two titles
# different stories. Deliberately small and English; "us" is not here (the US).
_STOPWORD_LIST = """a an the and or but nor of to in on at for from by with as into onto over under
    after before amid about against between via than then so if is are was were be been
    being am has have had do does did will would could can may might must should shall
    its it this that these those their there his her he she they we you our your
    i me my not no yes says said say tells told according report reports reported
    reportedly sources update updated exclusive breaking analysis explainer factbox live
    new latest now just also what how why who when where which while
    daily weekly week today roundup newsletter briefing digest recap wrap"""
_STOPWORDS = frozenset(_STOPWORD_LIST.split())

# Magnitude words written several ways; numbers themselves must agree exactly.
_UNITS = {
    "bn": "billion",
    "bln": "billion",
    "mn": "million",
    "mln": "million",
    "m": "million",
    "tn": "trillion",
    "trn": "trillion",
    "pct": "percent",
}

_ENDINGS = frozenset({"s", "es", "d", "ed", "ing"})

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Han and kana characters are words of their own (those scripts use no spaces), numbers
# keep a decimal point (1.5 is not 15), letters and digits are split ("5bn" -> 5, bn).
_TITLE_TOKEN = re.compile(rf"[{_CJK}]|\d+(?:\.\d+)?|[^\W\d_{_CJK}]+")

_PREFIX = re.compile(
    r"^\s*(?:update\s*\d*|exclusive|breaking(?:\s+news)?|analysis|explainer|factbox|"
    r"insight|opinion|watch|video|live|podcast)\s*[-:|–—]\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s[-|–—·•]\s|:\s")
_OUTLET_SMALL_WORDS = frozenset({"of", "the", "and", "&", "de", "la", "le", "du", "der", "die"})
_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)")
_PER_CENT = re.compile(r"\bper\s+cent\b|%", re.IGNORECASE)


def clean_title(title: str) -> str:
    """A headline as words, without outlet suffix, kicker or punctuation; case is kept.

    "UPDATE 2-Japan's $1.5bn AI push | The Japan Times" -> "Japan 1.5 billion AI push".
    """
    text = unicodedata.normalize("NFKC", title).strip()
    text = _PREFIX.sub("", text)
    for _ in range(2):  # "Story - Section - Outlet"
        separators = list(_SEPARATOR.finditer(text))
        if not separators:
            break
        last = separators[-1]
        head, tail = text[: last.start()], text[last.end() :]
        if len(head.split()) < 3 or not _looks_like_outlet(tail):
            break
        text = head.rstrip()
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)  # U.S. -> US
    text = _POSSESSIVE.sub("", text)
    text = _THOUSANDS.sub("", text)  # 1,000 -> 1000
    text = _PER_CENT.sub(" percent ", text)
    words = [_UNITS.get(w.casefold(), w) for w in _TITLE_TOKEN.findall(text)]
    return " ".join(words)


def _looks_like_outlet(tail: str) -> bool:
    """Whether a title's last segment names an outlet: "Reuters", "The Japan Times",
    "Times of India", "nikkei.com", but not "plans to grow"."""
    words = tail.split()
    if not 1 <= len(words) <= 5 or len(tail) > 40:
        return False

    def named(word: str) -> bool:
        return word[0].isupper() or word[0].isdigit() or "." in word

    return named(words[0]) and all(
        named(w) or w.casefold() in _OUTLET_SMALL_WORDS for w in words[1:]
    )


def _titles_compatible(a: Fingerprint, b: Fingerprint) -> bool:
    """The guard: may the content words in which two close titles differ be variants?

    A one-word difference is all that separates "Japan plans AI supercomputer" from
    "India plans AI supercomputer", "$2bn" from "$3bn", "opens" from "closes", so a
    high ratio alone proves nothing. Every differing content word must pair with a
    spelling variant on the other side ("centre"/"center", "plan"/"plans"), and words
    that are numbers or capitalised (names, countries, acronyms) may not differ at all.
    Small words (see _STOPWORDS) are ignored altogether.
    """
    only_a = a.content - b.content
    only_b = b.content - a.content
    if (only_a & a.fixed) or (only_b & b.fixed):
        return False
    return all(any(_variant(x, y) for y in only_b) for x in only_a) and all(
        any(_variant(y, x) for x in only_a) for y in only_b
    )


def _variant(x: str, y: str) -> bool:
    """Spellings of one word: an inflection ("launch"/"launches", "stop"/"stopped") or a
    regional spelling ("centre"/"center", "organisation"/"organization").

    Inflections must be a regular ending, so "ban"/"bank" differ; other pairs need five
    letters, the same first three and a rapidfuzz ratio of 80, which keeps apart
    "hires"/"fires", "bans"/"bars", "inflows"/"outflows", "opens"/"closes"."""
    short, long = sorted((x, y), key=len)
    if len(short) >= 3 and long.startswith(short):
        ending = long[len(short) :]
        return ending in _ENDINGS or (ending[:1] == short[-1] and ending[1:] in _ENDINGS)
    return len(short) >= 5 and x[:3] == y[:3] and fuzz.ratio(x, y) >= 80.0
