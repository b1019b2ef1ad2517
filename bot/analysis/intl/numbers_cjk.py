"""Numbers as Japanese and Korean news writes them: "1兆8560億", "約400億", "3조 5천억", "1만".

Both count in groups of four digits: 万/만 10⁴, 億/억 10⁸, 兆/조 10¹²; within a group
digits may take 千/천 (1000), 百/백 (100) and 十/십 (10) ("5千万円", "2천억 원"). Digits may
be full-width ("１８５６億円"); `halfwidth` maps them one to one, so offsets in the
mapped text are offsets in the original. Japanese also writes numbers in kanji ("三兆円",
"二十人"); those count only where a kanji cannot be part of a word (after 約 or 総額, or
after kana or punctuation), so that 統一, 第三 and 数十 are not numbers.
"""

from __future__ import annotations

import re

__all__ = ["BIG", "NUMERAL", "halfwidth", "kanji_ok", "parse_cjk"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９，．％～－", "0123456789,.%~-")
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_SMALL_UNITS = {"千": 1000, "百": 100, "十": 10, "천": 1000, "백": 100, "십": 10}
BIG = {"万": 1e4, "萬": 1e4, "億": 1e8, "兆": 1e12, "만": 1e4, "억": 1e8, "조": 1e12}

_SUB = r"\d+(?:,\d{3})*(?:\.\d+)?"
_KANJI = r"[〇一二三四五六七八九十百千]+"
# a number below 10⁴: "5000", "5千", "2천5백", or kanji "三千五百"
_SMALL = rf"(?:{_SUB}[千百十천백십])+(?:{_SUB})?|{_SUB}|{_KANJI}"
_BIG = "[万萬億兆만억조]"
# a kanji numeral may follow these kanji (約三兆円, 総額一兆円, 最大二十基), no other
_KANJI_OK_AFTER = "約計額大総超"
# the last group after 万/億/兆, maybe after a space ("2만 6000장"), but not a year or a date
_TAIL = r"(?:\s?\d{1,4}(?![\d.,]|\s?[년年월月일日시時분]))?"
NUMERAL = re.compile(
    rf"(?<![\d.,])"
    rf"(?:(?:{_SMALL})\s?{_BIG}(?:\s?(?:{_SMALL})\s?{_BIG})*{_TAIL}|(?:{_SMALL}))"
)
"""One number in digits or kanji with its 万/億/兆 groups (on `halfwidth` text)."""
_PART = re.compile(rf"({_SMALL})\s?({_BIG})?")
_SUB_UNIT = re.compile(rf"({_SUB})([千百十천백십])?")


def halfwidth(text: str) -> str:
    """`text` with full-width digits and signs as ASCII, each character one for one."""
    return text.translate(_FULLWIDTH)


def kanji_ok(text: str, start: int) -> bool:
    """Whether a kanji numeral may start at `start` (not inside a word like 統一 or 数十)."""
    if start == 0 or text[start] not in "〇一二三四五六七八九十百千":
        return True
    before = text[start - 1]
    return not ("\u4e00" <= before <= "\u9fff" or before == "々") or before in _KANJI_OK_AFTER


def _kanji_value(run: str) -> float:
    if not any(c in _KANJI_UNITS for c in run):
        return float("".join(str(_KANJI_DIGITS[c]) for c in run))  # "二〇二五"
    total, current = 0.0, 0.0
    for char in run:
        if char in _KANJI_UNITS:
            total += (current or 1.0) * _KANJI_UNITS[char]
            current = 0.0
        else:
            current = float(_KANJI_DIGITS[char])
    return total + current


def _small_value(text: str) -> float:
    if text[0] in _KANJI_DIGITS or text[0] in _KANJI_UNITS:
        return _kanji_value(text)
    return sum(
        float(digits.replace(",", "")) * _SMALL_UNITS.get(unit, 1)
        for digits, unit in _SUB_UNIT.findall(text)
    )


def parse_cjk(text: str) -> tuple[float, float]:
    """(value, largest 万/億/兆 scale in it, 1 when none) of a `NUMERAL` match."""
    value, top = 0.0, 1.0
    for small, big in _PART.findall(text):
        scale = BIG.get(big, 1.0)
        value += _small_value(small) * scale
        top = max(top, scale)
    return value, top
