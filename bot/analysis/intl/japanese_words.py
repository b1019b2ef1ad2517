"""Japanese words from fugashi (MeCab with UniDic-lite): tokens, person names, readings.

Japanese has no spaces, so names and particles are found by a tokenizer. One Tagger is
created on first use and kept (it takes about 50 ms to load); a paragraph's tokens are
cached, since the quote rules ask about the same sentences several times.

UniDic marks a person's name as 固有名詞/人名 with 姓 (family name) or 名 (given name),
and a foreign name in katakana as 人名/一般 ("サム", "アルトマン", joined by "・"). A
given name the dictionary does not know ("中村あかり") is the kana or kanji between a
family name and a title ("准教授"), so `person_names` takes it up to the title.
`reading` gives the katakana reading of a name, which the display layer turns into
Latin letters ("孫正義" -> "ソン マサヨシ"); family and given names are kept apart by a
space so that they can be written as two words.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

__all__ = ["NameSpan", "Token", "person_names", "reading", "tokens"]

# Words after a name that say who the person is; "氏" and "さん" are honorifics.
_TITLES = (
    "最高経営責任者 最高技術責任者 最高執行責任者 最高財務責任者 代表取締役社長 代表取締役 "
    "副社長 社長 会長 副会長 取締役 専務 常務 執行役員 理事長 理事 首相 総理 副大臣 大臣 "
    "政務官 長官 次官 事務次官 大統領 副大統領 知事 市長 区長 町長 議長 議員 委員長 委員 "
    "総裁 副総裁 頭取 代表 党首 幹事長 所長 室長 局長 部長 課長 本部長 センター長 学長 "
    "総長 教授 准教授 講師 研究員 主任研究員 研究者 博士 創業者 共同創業者 CEO CTO COO "
    "CFO 氏 さん 様 相"
)
TITLE_WORDS = tuple(_TITLES.split())
_TITLE = re.compile("|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True)))
# a title with its portfolio before it: "経済産業相", "官房長官", "デジタル相"
_ROLE = re.compile(r"[\u4e00-\u9fff々ァ-ヺー]{0,8}?(?:" + _TITLE.pattern + ")")
_KATAKANA = re.compile(r"^[ァ-ヺー]+$")
_KANJI = re.compile(r"[\u4e00-\u9fff々]{1,3}")
_GIVEN = re.compile(r"[\u3041-\u3096\u4e00-\u9fff々]{1,4}")  # kana/kanji after a 姓


class Token(NamedTuple):
    """One word: its text, where it is in the analysed string, and what UniDic says (a
    tuple, not a dataclass: an article has hundreds and they are made on every parse)."""

    surface: str
    start: int
    end: int
    pos1: str
    pos2: str
    pos3: str
    pos4: str
    kana: str


@dataclass(frozen=True)
class NameSpan:
    """A person's name in a text: `family` is true for a family name alone ("孫")."""

    start: int
    end: int
    name: str
    family: bool


_KANA_FIELD = 17  # UniDic's `kana` column


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import fugashi

    return fugashi.Tagger()


def _fields(raw: str) -> list[str]:
    """UniDic's feature columns; a column holding a comma is quoted (rare)."""
    return next(csv.reader([raw])) if '"' in raw else raw.split(",")


def _blank(value: str) -> str:
    return "" if value == "*" else value


@lru_cache(maxsize=2048)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of `text` with their character offsets in it.

    The raw feature string is split here rather than read through fugashi's `feature`,
    which builds a 26-field record per word: half the cost of a Japanese article.
    """
    out: list[Token] = []
    pos = 0
    for word in _tagger()(text):
        surface = str(word.surface)
        start = text.find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        f = _fields(str(word.feature_raw))
        kana = f[_KANA_FIELD] if len(f) > _KANA_FIELD else ""
        out.append(
            Token(surface, start, pos, f[0], _blank(f[1]), _blank(f[2]), _blank(f[3]), _blank(kana))
        )
    return tuple(out)


def _person_part(token: Token) -> bool:
    return token.pos2 == "固有名詞" and token.pos3 == "人名"


def _foreign(token: Token) -> bool:
    return _person_part(token) and token.pos4 not in ("姓", "名")


def _name_end(text: str, toks: tuple[Token, ...], i: int) -> tuple[int, int]:
    """Index after the name starting at toks[i] and its end offset."""
    j = i + 1
    if toks[i].pos4 == "姓":
        while j < len(toks) and toks[j].pos4 == "名":
            j += 1
        end = toks[j - 1].end
        for p in range(toks[i].end + 1, end):  # "一ノ瀬蒼" + "大臣", not "一ノ瀬蒼大" + "臣"
            title = _TITLE.match(text, p)
            if title and title.end() >= end:
                return _skip_to(toks, p), p
        if j > i + 1 and _split_off(text, toks, j, end - toks[i].end):  # "武藤容" + "治"
            return j + 1, toks[j].end
        if not _TITLE.match(text, end):
            # a given name the dictionary does not know ("中村" + "あかり"), or a
            # character it split off one ("山科" + "遥" + "斗"), up to a title
            given = _given_name(text, end, 4 if j == i + 1 else 1)
            if given:
                return _skip_to(toks, given), given
        return j, end
    while (
        j + 1 < len(toks)
        and toks[j].surface in ("・", "=", "＝")
        and (_foreign(toks[j + 1]) or _KATAKANA.match(toks[j + 1].surface))
    ):
        j += 2
    return j, toks[j - 1].end


def _split_off(text: str, toks: tuple[Token, ...], j: int, given: int) -> bool:
    """One kanji after a short given name, then a portfolio and a title
    ("武藤" "容" "治" "経済産業相"): the dictionary cut the given name in two."""
    if given > 2 or j + 1 >= len(toks) or not _KANJI.fullmatch(toks[j].surface):
        return False
    if len(toks[j].surface) != 1 or len(toks[j + 1].surface) < 2:
        return False
    return _ROLE.match(text, toks[j + 1].start) is not None


def _given_name(text: str, end: int, most: int) -> int | None:
    """The end of an unknown given name: the shortest run of kana or kanji after a
    family name that a title follows ("中村" + "あかり" + "准教授")."""
    run = _GIVEN.match(text, end, end + most)
    if run is None:
        return None
    for stop in range(end + 1, run.end() + 1):
        if _TITLE.match(text, stop):
            return stop
    return None


def _skip_to(toks: tuple[Token, ...], offset: int) -> int:
    j = 0
    while j < len(toks) and toks[j].start < offset:
        j += 1
    return j


def _unknown_family(text: str, toks: tuple[Token, ...], i: int) -> bool:
    """A given name after a kanji word the dictionary does not know as a family name,
    with a title after it: the word is the family name."""
    if i == 0 or not _TITLE.match(text, toks[i].end):
        return False
    prev = toks[i - 1]
    kanji = _KANJI.fullmatch(prev.surface) is not None
    return kanji and prev.pos1 == "名詞" and prev.pos2 != "固有名詞" and prev.pos4 != "姓"


def person_names(text: str) -> list[NameSpan]:
    """Person names in `text`, in order: "孫正義", "サム・アルトマン", a lone "孫"."""
    toks = tokens(text)
    out: list[NameSpan] = []
    i = 0
    while i < len(toks):
        token = toks[i]
        if token.pos4 == "名" and _unknown_family(text, toks, i):  # "東雲" + "理子社長"
            prev = toks[i - 1]
            out.append(NameSpan(prev.start, token.end, text[prev.start : token.end], False))
            i += 1
            continue
        if not _person_part(token) or token.pos4 == "名":
            i += 1
            continue
        j, end = _name_end(text, toks, i)
        name = text[token.start : end]
        alone = token.pos4 == "姓" and j == i + 1 and end == token.end
        if token.pos4 == "姓" or j > i + 1 or _TITLE.match(text, end):
            out.append(NameSpan(token.start, end, name, alone))
        i = j
    return out


def reading(text: str) -> str:
    """The katakana reading of a name: family and given name apart by a space
    ("孫正義" -> "ソン マサヨシ"); katakana stays as written, Latin letters too."""
    parts: list[str] = []
    previous: Token | None = None
    for token in tokens(text):
        if token.surface in ("・", "=", "＝", " ", "　"):
            parts.append(" ")
            previous = None
            continue
        kana = token.kana or token.surface
        if token.pos1 == "補助記号":
            kana = ""
        split = previous is not None and previous.pos4 == "姓" and token.pos4 != "姓"
        parts.append((" " if split else "") + kana)
        previous = token
    return re.sub(r"\s+", " ", "".join(parts)).strip()
