"""Japanese names in Latin letters for an English-reading channel."""

from __future__ import annotations

import pytest

from bot.analysis.intl.romaji import kana_to_romaji, latin_name, with_latin_speakers
from bot.models import Quote


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [
        ("トウキョウ", "tokyo"),
        ("キョウト", "kyoto"),
        ("シンジュク", "shinjuku"),
        ("マッチャ", "matcha"),
        ("ハットリ", "hattori"),
        ("ジュンイチロウ", "junichiro"),
        ("ショウヘイ", "shohei"),
        ("ユウコ", "yuko"),
        ("さとう", "sato"),  # hiragana too
        ("コーヒー", "kohi"),  # a long-vowel mark is written once
    ],
)
def test_kana_in_modified_hepburn(kana: str, romaji: str) -> None:
    assert kana_to_romaji(kana) == romaji


@pytest.mark.parametrize(
    ("paragraph", "name", "latin"),
    [
        ("日本AI機構の山科遥斗(Haruto Yamashina)理事長は", "山科遥斗", "Haruto Yamashina"),
        ("理事長の鷲尾千景（Chikage Washio）氏が登壇した。", "鷲尾千景", "Chikage Washio"),
        ("代表の宇喜多恒一 (Koichi Ukita) は語った。", "宇喜多恒一", "Koichi Ukita"),
    ],
)
def test_a_spelling_the_article_gives_wins(paragraph: str, name: str, latin: str) -> None:
    assert latin_name(name, [paragraph]) == latin


@pytest.mark.parametrize(
    ("name", "latin"),
    [("石破茂", "Shigeru Ishiba"), ("高市早苗", "Sanae Takaichi"), ("田中一郎", "Ichiro Tanaka")],
)
def test_known_names_are_read_given_name_first(name: str, latin: str) -> None:
    assert latin_name(name) == latin


def test_a_given_name_the_dictionary_splits_gives_only_the_surname() -> None:
    # an unusual given name is cut into single kanji with guessed readings: not shown
    assert latin_name("西村康稔") == "Nishimura"


@pytest.mark.parametrize("name", ["Pedro Alvarado", "サム・アルトマン", "経済産業省", "NTT"])
def test_no_latin_name_for_latin_katakana_or_bodies(name: str) -> None:
    assert latin_name(name) is None


def test_quotes_gain_the_latin_speaker() -> None:
    quotes = [Quote("計算資源を国内に持つ", "石破茂"), Quote("四語以上の引用です", None)]
    out = with_latin_speakers(quotes, ["首相の石破茂氏は述べた。"])
    assert out[0].speaker_latin == "Shigeru Ishiba"
    assert out[1].speaker_latin is None and out[1].speaker is None
