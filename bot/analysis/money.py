"""Money in news prose: "$7.1 billion", "CA$300m", "Rs 10,300 crore", "3 trillion rupiah".

Three shapes cover nearly every amount: a symbol or ISO code before the number ("€109bn",
"USD 1.25 billion"), a currency word or code after it ("20 billion euros", "200 million
USD"), and the East Asian form with its own scale characters ("1兆円", "5000万元"). The
abbreviated scales (m, bn, k…) are read only right after such an amount, where "m" cannot
be metres. Ambiguous currency words ("won", "rand", "real", "pounds", "dong") count as money
only with a scale word or a country adjective, so "won 3 games" or "5 pounds of rice" stay
prose. A bare "¥" is yen unless the article talks about yuan/RMB and never about yen.
What a symbol, code or word means (and which of the pesos or dirhams) is currencies.py's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.currencies import ADJECTIVES, ALIASES, CODES, GUARDED, NOUNS, SYMBOLS, local
from bot.analysis.numbers import (
    CJK_SCALES,
    INDIAN_GROUPS,
    NUM,
    SCALE_WORD,
    Hit,
    parse_number,
    scale_of,
)

__all__ = ["find_money", "yuan_context"]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


_AMOUNT = (
    rf"{INDIAN_GROUPS}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|"
    r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+(?:\.\d+)?"
)
_ABBREV = r"\s?(?i:bn|bln|mn|mln|tn|trn|cr)\b|(?i:[mbk])\b"
# Alternatives are tried in order, so the longer symbols come first ("R$" before "R").
_SYMBOL = "|".join(
    [r"GH[₵¢]", r"US\s?\$", r"U\.S\.\s?\$", r"CAN?\$", r"C\$", r"AU?\$", r"SG?\$", r"HK\$", r"NT\$"]
    + [r"NZ\$", r"MX\$", r"R\$", r"Rs\.?", r"Rp\.?", r"RM", r"K[Ss]hs?", r"Dhs?", r"QR", r"E£"]
    + [re.escape(s) for s in ALIASES]
    + ["R", "P"]
    + [re.escape(s) for s in SYMBOLS if not s[0].isalpha()]
)
_CODE = "|".join(CODES + list(ALIASES))
_PREFIX = re.compile(
    rf"(?<![A-Za-z0-9])(?P<cur>{_SYMBOL}|(?:{'|'.join(CODES)})(?![A-Za-z]))\s?"
    rf"(?P<num>{_AMOUNT})(?:\s?(?:-|–|to)\s?(?P<hi>{_AMOUNT}))?"
    rf"(?P<scale>[\s-]{SCALE_WORD}|{_ABBREV})?(?![\w$€£])"
)
_SUFFIX = re.compile(
    rf"(?<![\w.,$€£¥₹-])(?P<num>{NUM})(?:\s?(?:-|–|to)\s?(?P<hi>{NUM}))?"
    rf"(?P<scale>[\s-]{SCALE_WORD}|(?i:bn|mn|tn)\b)?\s+"
    rf"(?:(?P<adj>(?i:{_alt(list(ADJECTIVES))}))\s+)?"
    rf"(?:(?P<code>{_CODE})\b|(?P<noun>(?i:{_alt(list(NOUNS))}))(?:e?s)?\b)"
)
_CJK_CURRENCY = {
    "円": "JPY",
    "元": "CNY",
    "人民币": "CNY",
    "ドル": "USD",
    "米ドル": "USD",
    "美元": "USD",
    "欧元": "EUR",
    "ユーロ": "EUR",
    "원": "KRW",
    "ウォン": "KRW",
}
_CJK = re.compile(
    rf"(?P<num>(?:[\d,.]+\s?[{''.join(CJK_SCALES)}]\s?)+[\d,.]*)\s?"
    rf"(?P<cur>{_alt(list(_CJK_CURRENCY))})"
)
_CJK_PART = re.compile(rf"([\d,.]+)\s?([{''.join(CJK_SCALES)}])?")
_CJK_CHARS = re.compile(rf"[{''.join(CJK_SCALES)}円元ドル원]")
_YUAN = re.compile(r"\b(?:yuan|RMB|CNY|renminbi)\b|人民币|元", re.IGNORECASE)
_YEN = re.compile(r"\byen\b|円|JPY", re.IGNORECASE)


def yuan_context(text: str) -> bool:
    """True when an article speaks of yuan and never of yen, so its "¥" means CNY."""
    return bool(_YUAN.search(text)) and not _YEN.search(text)


def _prefix_code(symbol: str, yuan: bool, home: Sequence[str]) -> str | None:
    if symbol in ALIASES:
        return ALIASES[symbol]
    key = re.sub(r"\s", "", symbol).lower()
    code = SYMBOLS.get(key) or ("CNY" if key == "rmb" else key.upper())
    return "CNY" if code == "JPY" and key in ("¥", "￥") and yuan else local(key, code, home)


def _suffix_code(match: re.Match[str], home: Sequence[str]) -> str | None:
    if match["code"]:
        code = ALIASES.get(match["code"], match["code"])
        return "CNY" if code == "RMB" else code
    noun = " ".join(match["noun"].lower().split())
    if match["adj"]:
        adjective = " ".join(match["adj"].lower().split())
        return ADJECTIVES[adjective]
    word = NOUNS.get(noun)
    if word is None and match["scale"]:
        word = GUARDED.get(noun)
    return local(noun, word, home)


def _hit(match: re.Match[str], code: str | None) -> Hit | None:
    if code is None:
        return None
    scale = scale_of(match["scale"].strip() if match["scale"] else None)
    value = parse_number(match["num"]) * scale
    low = None
    if match["hi"]:
        low, value = value, parse_number(match["hi"]) * scale
        if value <= low:
            return None
    if value <= 0:
        return None
    return Hit(match.start(), match.end(), "money", value, code, low)


def find_money(
    paragraph: str, starts: Sequence[int], yuan: bool = False, home: Sequence[str] = ()
) -> list[Hit]:
    """Every amount of money in one paragraph, possibly overlapping (resolved later).

    `starts` are the paragraph's numeral offsets (`numeral_starts`); `yuan` says whether
    a bare "¥" means yuan; `home` are the currencies of the article's countries, which
    decide what a shared word ("pesos", "dirhams", "Rs") means.
    """
    found: list[Hit | None] = []
    for match in _PREFIX.finditer(paragraph):
        code = _prefix_code(match["cur"], yuan, home)
        if match["cur"] in ("R", "P") and not match["scale"]:
            continue  # a bare "R5" or "P5" is a model or a grade, not rand or pesos
        found.append(_hit(match, code))
    for start in starts:
        suffix = _SUFFIX.match(paragraph, start)
        if suffix:
            found.append(_hit(suffix, _suffix_code(suffix, home)))
    hits = [hit for hit in found if hit is not None]
    if not _CJK_CHARS.search(paragraph):
        return hits
    for match in _CJK.finditer(paragraph):
        value = 0.0
        for digits, scale in _CJK_PART.findall(match["num"]):
            if digits.strip(",."):
                value += parse_number(digits.strip(",.")) * scale_of(scale)
        code = _CJK_CURRENCY[match["cur"]]
        if value > 0:
            hits.append(Hit(match.start(), match.end(), "money", value, code))
    return hits
