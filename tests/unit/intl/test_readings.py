"""A reading, Latin spelling or age between a Japanese name and its title does not hide
the speaker."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.intl.readings import without_name_glosses

LEAD = "文部科学省によると、新しい計算基盤は2028年度に稼働する。"


@pytest.mark.parametrize(
    "gloss", ["（Chikage Washio）", "（わしお・ちかげ）", "(ワシオ チカゲ)", "（52）"]
)
def test_the_speaker_behind_a_gloss(gloss: str) -> None:
    said = (
        f"機構の鷲尾千景{gloss}理事長は記者会見で「国内に計算資源を持つことが欠かせない」と述べた。"
    )
    (quote,) = extract_quotes_in("ja", [LEAD, said])
    assert quote.speaker == "鷲尾千景"


def test_brackets_that_are_no_gloss_stay() -> None:
    text = ["情報通信研究機構（NICT）は言語データを整備する。", "「生成AI（人工知能）」の開発"]
    assert without_name_glosses(text) == text
