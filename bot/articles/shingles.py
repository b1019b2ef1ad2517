"""Word shingles of a text, hashed, and the Jaccard estimate from two bottom-k sketches."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from hashlib import blake2b
from typing import TYPE_CHECKING

from bot.articles.titles import _CJK

if TYPE_CHECKING:
    from bot.articles.fingerprints import Fingerprint

SHINGLE_WORDS = 5
"""Words per shingle. Five is the usual choice for news text: long enough that two
different stories on one topic share few shingles ("the national AI strategy would be" is
rare, "the national AI strategy" is not), short enough that one edited word costs only
five shingles."""

MIN_SHINGLES = 30
"""Texts with fewer distinct shingles (about 34 words) never match by text: a teaser, a
paywall notice or a cookie banner is identical across many unrelated articles."""

# Words: runs of letters and digits, and each Han or kana character on its own.
_TEXT_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")

_HASH_BITS = 53  # exact in a JSON number even where JSON numbers are doubles
_NO_LIMIT = 1 << _HASH_BITS


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
