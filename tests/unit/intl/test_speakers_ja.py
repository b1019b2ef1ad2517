"""Japanese person names and their readings (japanese_words.py) and speaker phrases."""

from __future__ import annotations

import pytest

from bot.analysis.intl.japanese_words import person_names, reading, tokens
from bot.analysis.intl.speakers_ja import subjects


def names(text: str) -> list[str]:
    return [n.name for n in person_names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ソフトバンクグループの孫正義社長は3日", ["孫正義"]),
        ("デジタル庁の河野大輝長官は", ["河野大輝"]),
        ("山本健太郎経済産業相と石破茂首相が会談した", ["山本健太郎", "石破茂"]),
        ("オープンAIのサム・アルトマン最高経営責任者(CEO)ら", ["サム・アルトマン"]),
        ("中村あかり准教授によると", ["中村あかり"]),
        ("エミリー・ブラウン氏は", ["エミリー・ブラウン"]),
    ],
)
def test_person_names_as_written(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("山科遥斗氏は", "山科遥斗"),  # a character the dictionary split off the given name
        ("一ノ瀬蒼大臣は", "一ノ瀬蒼"),  # the title starts inside what looked like the name
        ("東雲理子社長は", "東雲理子"),  # a family name the dictionary does not know
        ("乾ひかり氏は", "乾ひかり"),
        ("村岡容治経済産業相は", "村岡容治"),  # a kanji split off before a portfolio
        ("松平将明デジタル相は", "松平将明"),
        ("桐生亮正経済再生相は", "桐生亮正"),
        ("森下芳正官房長官は", "森下芳正"),  # a two-kanji portfolio is not the name
    ],
)
def test_names_the_dictionary_splits_wrongly_end_at_the_title(text: str, expected: str) -> None:
    assert names(text) == [expected]


def test_family_name_alone_is_marked() -> None:
    found = person_names("孫氏は語った")
    assert [(n.name, n.family) for n in found] == [("孫", True)]


def test_no_person_in_organisations_and_places() -> None:
    assert names("経済産業省と総務省は東京で会合を開いた") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("孫正義", "ソン マサヨシ"),
        ("河野大輝", "コウノ ダイキ"),
        ("石破茂", "イシバ シゲル"),
        ("サム・アルトマン", "サム アルトマン"),
        ("中村あかり", "ナカムラ アカリ"),
    ],
)
def test_reading_in_katakana_with_family_and_given_name_apart(name: str, expected: str) -> None:
    assert reading(name) == expected


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "孫正義社長は述べた。"
    assert all(text[t.start : t.end] == t.surface for t in tokens(text))


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("同氏は", "same-person", "同氏"),
        ("同社は", "same-org", "同社"),
        ("孫氏は", "family", "孫"),
        ("首相は", "title", "首相"),
        ("総務省によると、", "org", "総務省"),
        ("総務省の担当者は", "org", "総務省"),
        ("トヨタ自動車も", "org", "トヨタ自動車"),
    ],
)
def test_subject_phrases(text: str, kind: str, name: str) -> None:
    assert [(s.kind, s.name) for s in subjects(text, 0, len(text))] == [(kind, name)]


@pytest.mark.parametrize("text", ["日本では", "計画は", "内訳を見ると"])
def test_not_speaker_phrases(text: str) -> None:
    assert subjects(text, 0, len(text)) == []
