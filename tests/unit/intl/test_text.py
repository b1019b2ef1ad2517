"""Sentences of Japanese and Korean text, and how long a quote is in them."""

from __future__ import annotations

import pytest

from bot.analysis.intl.text import sentences_in
from bot.analysis.keys import mark_key_quotes
from bot.models import Quote


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "政府は計画を決めた。大臣は「AIは重要だ。急ぐべきだ」と語った。",
            ["政府は計画を決めた。", "大臣は「AIは重要だ。急ぐべきだ」と語った。"],
        ),
        (
            "社長は『国内で作る。海外には頼らない』と強調した。新会社は来月発足する。",
            ["社長は『国内で作る。海外には頼らない』と強調した。", "新会社は来月発足する。"],
        ),
        ("計画は始まった！期待は大きい。", ["計画は始まった！", "期待は大きい。"]),
        (
            "정부는 계획을 발표했다. 장관은 “서두르겠다”고 말했다.",
            ["정부는 계획을 발표했다.", "장관은 “서두르겠다”고 말했다."],
        ),
    ],
)
def test_cjk_sentences_do_not_end_inside_a_quote(paragraph: str, expected: list[str]) -> None:
    assert sentences_in("ja" if "다" not in paragraph else "ko", paragraph) == expected


def test_latin_languages_keep_the_english_splitter() -> None:
    text = "Le ministre a parlé. Il a ajouté une phrase."
    assert sentences_in("fr", text) == ["Le ministre a parlé.", "Il a ajouté une phrase."]


def test_a_long_japanese_quote_outranks_a_short_one() -> None:
    short = Quote("頑張ります", "山科遥斗")
    long = Quote("国内に計算資源を持つことが日本のAIの自立に欠かせないと考えている", "山科遥斗")
    other = [Quote(said, "鷲尾千景") for said in ("そうです", "急ぎます", "以上です")]
    keys = mark_key_quotes([short, *other, long], ["JP"], "ja")
    assert keys[-1].key
