"""Korean names in Latin letters, the way Korean names appear in English news.

Hangul spells sounds, so a name can be read without a dictionary: each syllable splits
into its initial, vowel and final letters (Unicode composes them arithmetically), read in
the Revised Romanization. Names are romanised syllable by syllable, without the sound
changes between syllables that RR applies to ordinary words, and the given name keeps a
hyphen ("Han Seo-yun"), as Korean passports and newspapers write them. The common
surnames have spellings of their own that no rule gives (김 Kim, 이 Lee, 박 Park).
"""

from __future__ import annotations

import re

__all__ = ["hangul_name_to_latin"]

_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k",
             "t", "p", "h")  # fmt: skip
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
_SURNAMES = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang",
    "조": "Cho", "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh",
    "서": "Seo", "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song",
    "류": "Ryu", "유": "Yoo", "홍": "Hong", "전": "Jeon", "고": "Ko", "문": "Moon",
    "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo", "노": "Noh",
    "남": "Nam", "심": "Shim", "하": "Ha", "곽": "Kwak", "성": "Sung", "차": "Cha",
    "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "나": "Na", "진": "Jin",
}  # fmt: skip
# a surname of two syllables, read whole (남궁, 제갈, 선우, 황보, 독고)
_DOUBLE_SURNAMES = {"남궁": "Namgung", "제갈": "Jegal", "선우": "Sunwoo", "황보": "Hwangbo",
                    "독고": "Dokgo"}  # fmt: skip
_NAME = re.compile(r"^[\uac00-\ud7a3]{2,4}$")
_BODY_ENDINGS = frozenset("부청처")  # ministry, agency, office: 교육부, 국세청


def _syllable(char: str) -> str:
    initial, rest = divmod(ord(char) - 0xAC00, 21 * 28)
    vowel, final = divmod(rest, 28)
    return _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]


def hangul_name_to_latin(name: str) -> str | None:
    """ "Han Seo-yun" for 한서윤; None for text that is not a two-to-four syllable name."""
    parts = name.split()
    if len(parts) > 2 or (len(parts) == 2 and len(parts[0]) > 2):  # "김민수 씨" is no name
        return None
    name = "".join(parts)
    if not _NAME.match(name) or name[-1] in _BODY_ENDINGS:
        return None
    if len(name) == 4 and name[:2] in _DOUBLE_SURNAMES:
        surname, given = _DOUBLE_SURNAMES[name[:2]], name[2:]
    elif name[0] in _SURNAMES:
        surname, given = _SURNAMES[name[0]], name[1:]
    else:  # not a surname Korean news spells for us: likely no name at all (교육부, 네이버)
        return None
    parts = [_syllable(c) for c in given]
    return f"{surname} {'-'.join(parts).capitalize()}"
