"""Korean names in Latin letters: surnames as Korean newspapers spell them, the given name
syllable by syllable with a hyphen."""

from __future__ import annotations

import pytest

from bot.analysis.intl.hangul import hangul_name_to_latin
from bot.analysis.intl.romaji import latin_name, with_latin_speakers
from bot.models import Quote


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("한서윤", "Han Seo-yun"),
        ("박도현", "Park Do-hyeon"),
        ("김민수", "Kim Min-su"),
        ("이하린", "Lee Ha-rin"),
        ("최태겸", "Choi Tae-gyeom"),
        ("남궁민수", "Namgung Min-su"),  # a two-syllable surname
        ("홍 길동", "Hong Gil-dong"),  # a space between surname and given name
    ],
)
def test_names(name: str, latin: str) -> None:
    assert hangul_name_to_latin(name) == latin


@pytest.mark.parametrize(
    "text", ["과학기술정보통신부", "교육부", "한국청", "네이버", "정", "Kim Min-su", "김민수 씨"]
)
def test_not_a_name(text: str) -> None:
    assert hangul_name_to_latin(text) is None


def test_korean_speakers_gain_latin_names() -> None:
    quotes = [Quote("우리말 데이터로 학습한 모델이 필요하다", "한서윤")]
    assert with_latin_speakers(quotes, [])[0].speaker_latin == "Han Seo-yun"
    assert latin_name("과학기술정보통신부") is None
