"""Near-duplicate detection across outlets, so that one story reported by several is one story.

Two signals, either of which suffices (see `same_story`):

* **Text.** Syndicated copies of a wire story share most of their wording but get their
  own headline, dateline, first or last paragraph and a few edits. The text is cut into
  word 5-shingles and their Jaccard similarity is estimated from a bottom-k sketch: the
  `SKETCH_SIZE` smallest 53-bit BLAKE2b hashes of the shingle set. That is a MinHash
  variant (one hash function, k minima) with a fixed-size, JSON-friendly signature; it is
  exact while a text has at most `SKETCH_SIZE` distinct shingles (about 130 words).
* **Title.** Outlets that rewrite a wire story in their own words keep its headline, give
  or take case, punctuation, word order, small words and a " - Outlet Name" suffix. Titles
  are compared with rapidfuzz, and a guard keeps "Japan plans AI supercomputer" away from
  "India plans AI supercomputer": any differing number, capitalised word or content word
  that is not a mere spelling variant blocks a title-only match.

Why not datasketch: `datasketch.MinHash` needs numpy and scipy (about 160 MB installed and
0.4 s to import) for no gain here; measured with 128 permutations it fingerprints a
2,000-character text in 0.3 ms and compares against 500 others in 0.15-0.4 ms, the same
order as this module (bench/similarity.py). rapidfuzz (C++, typed, no dependencies) does the
window scans in `find_story`: title ratios and sketch-head overlaps for 500 recent stories
in one call each, so only the few candidates left are checked in Python.

Pure code: no I/O, no clock, no randomness (hashes are keyed by nothing but the text, so a
fingerprint stored today compares with one computed next year while `VERSION` is unchanged).
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from itertools import pairwise
from typing import TypedDict, TypeGuard

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

__all__ = [
    "HEAD_SIZE",
    "MIN_SHINGLES",
    "SHINGLE_WORDS",
    "SKETCH_SIZE",
    "TEXT_THRESHOLD",
    "TITLE_THRESHOLD",
    "VERSION",
    "Fingerprint",
    "FingerprintJSON",
    "clean_title",
    "find_story",
    "fingerprint",
    "same_story",
    "text_similarity",
    "title_similarity",
]

VERSION = 1
"""Bump when tokenising, hashing or title cleaning changes: stored fingerprints then no
longer compare with new ones, and `Fingerprint.from_json` refuses them."""

SHINGLE_WORDS = 5
"""Words per shingle. Five is the usual choice for news text: long enough that two
different stories on one topic share few shingles ("the national AI strategy would be" is
rare, "the national AI strategy" is not), short enough that one edited word costs only
five shingles."""

SKETCH_SIZE = 128
"""Hashes kept per text. The estimate samples at least this many shingles of the union,
so its standard error is under 0.045 (0.035 measured, no bias): a pair at true Jaccard 0.5
is missed about once in a hundred, a pair at 0.3 merged about as rarely."""

HEAD_SIZE = 32
"""Hashes compared in the cheap first pass (the smallest of the sketch)."""

HEAD_CUTOFF = 0.25
"""First pass: Dice overlap of the two heads. For a pair at the text threshold it is
expected to be 0.4-0.57 with a standard error under 0.09, so 0.25 loses (almost) nothing,
while unrelated texts score 0 and `find_story` drops them without any Python work."""

TEXT_THRESHOLD = 0.4
"""Estimated Jaccard of word 5-shingles at or above which two texts are one story.

For two texts of equal length sharing a fraction s of their wording, Jaccard is
s / (2 - s): 0.4 means that about 57 % of each text is the same 5-word runs. Lower than
the textbook 0.6 on purpose. A 2,000-character wire story of nine short paragraphs
republished with its own first and last paragraph and three edited words (bench/
similarity.py) has a median Jaccard of 0.57 with the original; 5 % of such copies are
under 0.45 and 1 % under 0.40, so a threshold of 0.6 finds 30 % of them, 0.5 finds 84 %
and 0.4 finds 99 %. A new lede plus the last two paragraphs cut, as syndicators do to fit,
is as far off. Different stories stay far below: two reports on the same topic from the
same country, or from two countries with the same template, share under 1 % of their
shingles (tests/unit/test_similarity.py), since a shingle is five words in a row.
What can cross 0.4 is an extraction gone wrong, such as the same cookie banner or a long
boilerplate block around a short text; that is for the extractor to prevent."""

MIN_SHINGLES = 30
"""Texts with fewer distinct shingles (about 34 words) never match by text: a teaser, a
paywall notice or a cookie banner is identical across many unrelated articles."""

TITLE_THRESHOLD = 85.0
"""rapidfuzz `fuzz.ratio` (0-100) between the sorted content words of two titles.

Sorting makes word order irrelevant ("AI supercomputer planned by Japan"); dropping small
words makes "Japan to build a national AI supercomputer" and "Japan builds national AI
supercomputer" differ only in "build/builds" (98.7). 85 leaves room for a spelling variant
or two in a 5-8 word headline. It cannot tell a variant from a different word, though
("Japan/India plans AI supercomputer" scores 86, "EU bans/bars imports of AI chips" 96):
it is the fast filter, and the guard in `_titles_compatible` decides."""

MIN_TITLE_WORDS = 4
MIN_TITLE_CHARS = 20
"""A title needs four content words and 20 characters of them to match on its own:
"AI news", "Daily briefing" or "Sovereign AI roundup" are shared by unrelated stories."""

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
_TEXT_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")

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

_HASH_BITS = 53  # exact in a JSON number even where JSON numbers are doubles
_NO_LIMIT = 1 << _HASH_BITS


class FingerprintJSON(TypedDict):
    """The stored form of a `Fingerprint` (a JSON object)."""

    v: int
    title: str
    shingles: int
    sketch: list[int]


@dataclass(frozen=True)
class Fingerprint:
    """What two articles are compared by: a cleaned title and a sketch of the text.

    `title` is the headline without outlet suffix, kicker ("UPDATE 2-", "Exclusive:") or
    punctuation, in its original case (case tells proper nouns from common words).
    `shingles` is the number of distinct word 5-shingles of the text and `sketch` the
    `SKETCH_SIZE` smallest of their hashes, ascending. The other attributes are derived.
    """

    title: str
    shingles: int
    sketch: tuple[int, ...]
    key: str = field(init=False, repr=False, compare=False)
    content: frozenset[str] = field(init=False, repr=False, compare=False)
    fixed: frozenset[str] = field(init=False, repr=False, compare=False)
    informative: bool = field(init=False, repr=False, compare=False)
    head: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = self.title.split()
        content = frozenset(w.casefold() for w in words) - _STOPWORDS
        # Words that may not differ at all: numbers, and anything capitalised (names,
        # places, acronyms; in a Title Case headline every content word).
        fixed = frozenset(w.casefold() for w in words if any(c.isdigit() or c.isupper() for c in w))
        key = " ".join(sorted(content))
        informative = len(content) >= MIN_TITLE_WORDS and len(key) >= MIN_TITLE_CHARS
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "fixed", fixed & content)
        object.__setattr__(self, "informative", informative)
        object.__setattr__(self, "head", self.sketch[:HEAD_SIZE])

    def to_json(self) -> FingerprintJSON:
        """A JSON object for a database column; about 2.5 kB for a long text."""
        return {
            "v": VERSION,
            "title": self.title,
            "shingles": self.shingles,
            "sketch": list(self.sketch),
        }

    @classmethod
    def from_json(cls, data: object) -> Fingerprint:
        """The fingerprint `to_json` stored.

        Raises ValueError for anything else, including a fingerprint of another `VERSION`:
        the caller should then compute it afresh from the stored title and text.
        """
        if not isinstance(data, dict):
            raise ValueError("fingerprint: expected a JSON object")
        version, title = data.get("v"), data.get("title")
        shingles, sketch = data.get("shingles"), data.get("sketch")
        if version != VERSION:
            raise ValueError(f"fingerprint: version {version!r}, expected {VERSION}")
        if not isinstance(title, str):
            raise ValueError("fingerprint: title must be a string")
        if not _is_count(shingles):
            raise ValueError("fingerprint: shingles must be a non-negative integer")
        if not isinstance(sketch, list) or not all(_is_count(h) and h < _NO_LIMIT for h in sketch):
            raise ValueError("fingerprint: sketch must be a list of 53-bit integers")
        values = tuple(sketch)
        if len(values) != min(shingles, SKETCH_SIZE) or any(a >= b for a, b in pairwise(values)):
            raise ValueError("fingerprint: sketch does not match its shingle count")
        return cls(title=title, shingles=shingles, sketch=values)


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def fingerprint(title: str | None, text: str) -> Fingerprint:
    """The fingerprint of an article, from its title (if any) and main text."""
    shingles = _shingle_hashes(text)
    sketch = tuple(heapq.nsmallest(SKETCH_SIZE, shingles))
    return Fingerprint(title=clean_title(title or ""), shingles=len(shingles), sketch=sketch)


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


def _shingle_hashes(text: str) -> set[int]:
    words = _TEXT_TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
    shift = 64 - _HASH_BITS
    return {
        int.from_bytes(
            blake2b(" ".join(words[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest()
        )
        >> shift
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def text_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0.0 for short texts).

    Bottom-k estimator: below t, the smaller of the two sketches' largest hashes, each
    sketch holds *every* shingle of its text, so the shingles hashed below t are a uniform
    sample of the union and their Jaccard estimates the whole. Exact when both texts have
    at most `SKETCH_SIZE` shingles; unbiased for texts of different lengths, unlike the
    overlap of two equally long sketches.
    """
    if a.shingles < MIN_SHINGLES or b.shingles < MIN_SHINGLES:
        return 0.0
    limit = min(_sketch_limit(a), _sketch_limit(b))
    sa = a.sketch[: bisect_right(a.sketch, limit)]
    sb = b.sketch[: bisect_right(b.sketch, limit)]
    common = len(set(sa).intersection(sb))
    return common / (len(sa) + len(sb) - common)


def _sketch_limit(fp: Fingerprint) -> int:
    return fp.sketch[-1] if fp.shingles > len(fp.sketch) else _NO_LIMIT


def title_similarity(a: Fingerprint, b: Fingerprint) -> float:
    """rapidfuzz ratio (0-100) of the titles' sorted content words; 0.0 for generic titles."""
    if not (a.informative and b.informative):
        return 0.0
    return fuzz.ratio(a.key, b.key)


def _texts_match(a: Fingerprint, b: Fingerprint) -> bool:
    # The head pass is part of the rule (not only of find_story's scan) so that
    # find_story and same_story always agree.
    if a.shingles < MIN_SHINGLES or b.shingles < MIN_SHINGLES:
        return False
    if Indel.normalized_similarity(a.head, b.head, score_cutoff=HEAD_CUTOFF) == 0.0:
        return False
    return text_similarity(a, b) >= TEXT_THRESHOLD


def _titles_match(a: Fingerprint, b: Fingerprint) -> bool:
    return title_similarity(a, b) >= TITLE_THRESHOLD and _titles_compatible(a, b)


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


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    """Whether two articles report the same story: near-duplicate texts or titles.

    Texts: estimated Jaccard of word 5-shingles ≥ `TEXT_THRESHOLD` (both texts at least
    `MIN_SHINGLES` long). Titles: rapidfuzz ratio of sorted content words ≥
    `TITLE_THRESHOLD`, both titles informative, and no differing name, number or content
    word (see `_titles_compatible`). Symmetric.
    """
    return _texts_match(a, b) or _titles_match(a, b)


def find_story(candidate: Fingerprint, recent: Sequence[tuple[int, Fingerprint]]) -> int | None:
    """The id of the recent story the candidate belongs to, or None.

    Returns the best of the ids whose fingerprint satisfies `same_story` with the
    candidate: a text match beats a title-only match (shared wording is the stronger
    evidence; headlines get rewritten, and two outlets can write the same headline about
    two events), then the higher similarity, then the earlier position in `recent`.

    Cost: two rapidfuzz scans of the window (sketch heads, title keys), then exact checks
    for the few pairs that pass them; about 0.3 ms for 500 recent stories.
    """
    if not recent:
        return None
    best: tuple[int, float, int] | None = None  # (tier, score, -position)
    matched: set[int] = set()
    if candidate.shingles >= MIN_SHINGLES:
        heads = [fp.head for _, fp in recent]
        for _, _, position in process.extract(
            candidate.head,
            heads,
            scorer=Indel.normalized_similarity,
            score_cutoff=HEAD_CUTOFF,
            limit=None,
        ):
            fp = recent[position][1]
            if fp.shingles < MIN_SHINGLES:
                continue
            score = text_similarity(candidate, fp)
            if score >= TEXT_THRESHOLD:
                matched.add(position)
                rank = (2, score, -position)
                best = rank if best is None or rank > best else best
    if candidate.informative:
        keys = [fp.key if fp.informative else "" for _, fp in recent]
        for _, ratio, position in process.extract(
            candidate.key,
            keys,
            scorer=fuzz.ratio,
            score_cutoff=TITLE_THRESHOLD,
            limit=None,
        ):
            fp = recent[position][1]
            if position in matched or not fp.informative:
                continue
            if _titles_compatible(candidate, fp):
                rank = (1, ratio / 100.0, -position)
                best = rank if best is None or rank > best else best
    return None if best is None else recent[-best[2]][0]
