"""Japanese quotes and speakers, on invented news snippets (newspaper, ministry, tech site)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.role) for q in extract_quotes_in("ja", paragraphs(text))]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes_in("ja", paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "デジタル庁の河野大輝長官は15日の記者会見で「国産の大規模言語モデルを行政で使えるようにしたい」"
            "と述べた。",
            "河野大輝",
            "長官",
        ),
        (
            "東都電機の佐藤美咲社長は「国内でGPUを確保できなければ競争力を失う」と強調した。",
            "佐藤美咲",
            "社長",
        ),
        (
            "山本健太郎経済産業相は閣議後の会見で「計算資源の整備を急ぐ必要がある」と語った。",
            "山本健太郎",
            "経済産業相",
        ),
        (
            "米クラウド大手のエミリー・ブラウン最高経営責任者(CEO)は「日本のデータは日本に置く」"
            "と明らかにした。",
            "エミリー・ブラウン",
            "最高経営責任者",
        ),
    ],
)
def test_speaker_before_the_quote_with_title(text: str, speaker: str, role: str) -> None:
    assert [(s, r) for _, s, r in found(text)] == [(speaker, role)]


@pytest.mark.parametrize(
    "second",
    [
        "同氏は「海外のクラウドに頼り切る状況は変えなければならない」と話した。",
        "佐藤氏は「海外のクラウドに頼り切る状況は変えなければならない」と話した。",
        "「海外のクラウドに頼り切る状況は変えなければならない」と佐藤氏は話した。",
        "「海外のクラウドに頼り切る状況は変えなければならない」と同社長は話した。",
        "「海外のクラウドに頼り切る状況は変えなければならない」と述べた。",
    ],
)
def test_references_back_to_the_full_name(second: str) -> None:
    text = (
        "東都電機の佐藤美咲社長は「国内でGPUを確保できなければ競争力を失う」と強調した。\n" + second
    )
    assert speakers(text) == ["佐藤美咲", "佐藤美咲"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("総務省は「地方の中小企業にも計算資源を開放する」としている。", "総務省"),
        ("経済産業省によると、「公募は年度内に始める予定だ」という。", "経済産業省"),
        ("総務省の担当者は「データの整備には時間がかかる」と説明した。", "総務省"),
        ("情報通信研究機構は「日本語データを民間に提供していく」と発表した。", "情報通信研究機構"),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_company_referred_to_as_same_company() -> None:
    text = (
        "さくらクラウドは新しいデータセンターを北海道に建設すると発表した。\n"
        "同社は「電力の安い地域で計算資源を増やしていく」とコメントした。"
    )
    assert speakers(text) == ["さくらクラウド"]


@pytest.mark.parametrize(
    "text",
    [
        "政府は「生成AI」の開発力強化に向けた支援策を盛り込んだ。",
        "産業技術総合研究所のスーパーコンピューター「ABCI」を増強する。",
        "経済産業省は「成長力の強化に資する国内投資の促進」を予算案の柱に据えた。",
        "新会社「スターゲート・ジャパン」を設立すると発表した。",
        "総務省は基盤技術の一つ「大規模言語モデル(LLM)」の開発を支援する。",
    ],
)
def test_names_in_brackets_are_not_quotes(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "quote",
    [
        "「日本から最先端のAIを始める」取り組みだと強調",
        "「AIは国の基盤です」と話す",
        "「期待しているよ」と笑顔を見せた",
        "「変革の年にしたい」と意気込んだ",
    ],
)
def test_a_clause_that_ends_like_speech_is_a_quote(quote: str) -> None:
    text = f"中村あかり准教授は講演で{quote}。"
    assert speakers(text) == ["中村あかり"]


def test_announced_quote_in_the_next_paragraph() -> None:
    text = (
        "北斗ロボティクスの高橋翔CEOは次のように語った。\n"
        "「国内でモデルを作れなければ、日本の産業は外国の言いなりになる。」"
    )
    assert found(text) == [
        ("国内でモデルを作れなければ、日本の産業は外国の言いなりになる。", "高橋翔", "CEO")
    ]


def test_quote_alone_in_its_paragraph_goes_on_with_the_last_speaker() -> None:
    text = (
        "山田花子教授は「日本語に強いモデルは日本で作るしかない」と訴えた。\n"
        "「研究者が計算資源を奪い合う状況はもう終わりにすべきだ」\n"
        "政府は来年度に追加の予算を計上する方針だ。"
    )
    assert speakers(text) == ["山田花子", "山田花子"]


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "政府は国産の生成AIの開発を支援するため、計算資源の整備に2000億円を投じる。\n"
        "デジタル庁の河野大輝長官は「海外のモデルだけに頼るのは安全保障上のリスクだ」と述べた。\n"
        "また同氏は「地方の大学にも計算資源を開放する」と強調した。\n"
        "産業界では新会社「ヤマト計算機構」が設立される。"
    )
    result = analyze("国産AIに2000億円", text)
    assert result.language == "ja"
    assert [(q.speaker, q.role) for q in result.quotes] == [
        ("河野大輝", "長官"),
        ("河野大輝", "長官"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "佐藤美咲社長は「需要は伸びている」と述べ、「来年には工場を二つ増やす予定だ」と強調した。",
            ["佐藤美咲", "佐藤美咲"],
        ),
        (
            "森田悠真室長は「AIは重要だ。日本も投資を急ぐべきだ」と語った。",
            ["森田悠真"],
        ),
        (
            "小野寺聡一郎理事長は記者会見を開いた。「学習用のデータを整えることが先決だ」と語った。",
            ["小野寺聡一郎"],
        ),
        (
            "柏木蓮氏は『日本語の文化を守るモデルが必要になる』と力説した。",
            ["柏木蓮"],
        ),
    ],
)
def test_shapes_of_attribution(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_nested_brackets_stay_inside_the_quote() -> None:
    text = "河野大輝長官は「『ABCI』の後継機を早く動かしたい」と話した。"
    assert found(text) == [("『ABCI』の後継機を早く動かしたい", "河野大輝", "長官")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("「地方にも計算資源を届けたい」（北山電機の佐藤美咲社長）", "佐藤美咲"),
        ("「学習データの整備が先決だ」(森田悠真室長)", "森田悠真"),
        ("「国産モデルの開発を急ぐべきだ」（情報通信研究機構）", "情報通信研究機構"),
    ],
)
def test_speaker_in_parentheses_after_the_quote(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_curly_quotes_in_web_news() -> None:
    text = "河野大輝長官は“日本語に強いモデルを自前で持つべきだ”と語った。“ソブリンAI”が鍵になる。"
    assert found(text) == [("日本語に強いモデルを自前で持つべきだ", "河野大輝", "長官")]


@pytest.mark.parametrize("closing", ["こう強調した", "このように語った", "こう話す"])
def test_sentence_after_the_quote_names_the_speaker(closing: str) -> None:
    text = (
        "総務省は新たな支援策をまとめた。\n"
        f"「地方の大学にも計算資源を届けなければならない」。森田悠真室長は{closing}。"
    )
    assert speakers(text) == ["森田悠真"]
