"""Relevance of Japanese news: the state building its own AI capability (budgets for
computing resources, national models, public supercomputers) is sovereign-AI news; a
company's joint venture or service launch (even one noting that the government backs
AI), a regulator's guidance, a law on AI and a company's results are not.

Every text is invented (people, firms, bodies, figures), in the style of national dailies,
wire services and ministry releases.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("ja", title, paras)
    return score_relevance_in("ja", title, paras, countries)[0]


SOVEREIGN = [
    (
        "経産省、GPU確保に1200億円 国産AIの開発後押し",
        [
            "経済産業省は、国内企業による生成AIの開発に必要な画像処理半導体(GPU)の確保に向け、"
            "1200億円を補正予算案に計上した。",
            "計算資源を国内に整備し、海外のクラウドへの依存を減らす狙いがある。",
        ],
    ),
    (
        None,
        [
            "政府は、日本語に強い国産の大規模言語モデルを開発するため、新たな支援策を打ち出した。",
            "開発企業に計算資源を無償で提供し、学習用データも国が整備する。",
        ],
    ),
    (
        "富岳後継機、文科省が開発費を概算要求",
        [
            "文部科学省は、理化学研究所の「富岳」の後継となるスーパーコンピューターの開発費と"
            "して、来年度予算の概算要求に150億円を盛り込んだ。",
            "AIの学習にも使える性能を目指す。",
        ],
    ),
    (
        "政府、ソブリンAIの確立へ工程表",
        [
            "政府はソブリンAIの確立に向けた工程表をまとめた。",
            "データセンターと基盤モデルを国内で持つことを柱とする。",
        ],
    ),
    (
        None,
        [
            "総務省は、情報通信研究機構(NICT)を通じて日本語の学習データを整備し、言語モデルの"
            "開発事業者に提供する事業に50億円を充てる。",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_the_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the government backing AI in passing
        "ミナト通信と米クラウドラ、AIの合弁会社",
        [
            "ミナト通信は5日、米クラウド大手のクラウドラと折半出資で合弁会社を設立することで"
            "合意したと発表した。",
            "新会社は企業向けの生成AIサービスを販売し、年間2000億円を投じる。",
            "政府が国内でのAI開発を後押しする中、両社は需要の取り込みを狙う。",
        ],
    ),
    (  # a service launch
        None,
        [
            "IT大手の北斗システムズは、企業向けの生成AIサービスの提供を開始した。",
            "同社の佐藤誠社長は「中小企業にも使いやすい価格にした」と話した。",
            "政府もAIの利活用を推進している。",
        ],
    ),
    (  # a regulator's guidance
        "個人情報保護委員会、生成AI事業者に行政指導",
        [
            "個人情報保護委員会は、利用者の個人情報を本人の同意なくAIの学習に使っていたとして、"
            "生成AI事業者のコトバ社に行政指導を行った。",
        ],
    ),
    (  # a law that governs AI
        "AI法が成立 開発事業者に情報提供を求める",
        [
            "AIの開発や利用に関するルールを定めた法律が、参院本会議で可決、成立した。",
            "悪質な事例では事業者名を公表できるようにする。",
        ],
    ),
    (  # a company's results
        "東洋半導体、4~6月期は最高益 AI向け好調",
        [
            "半導体製造装置大手の東洋半導体が発表した4~6月期の連結決算は、売上高が前年同期比"
            "32%増、純利益が45%増の800億円だった。",
            "AI向けの需要が業績を押し上げ、株価は一時8%上昇した。",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_ai_inside_a_company_name_is_not_ai() -> None:
    """ "オープンAI" is a company's name, not AI capability."""
    paras = ["政府関係者は、米オープンAIの幹部と面会した。"]
    assert relevance("政府関係者が面会", paras) < RELEVANCE_THRESHOLD


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "ヤマト電機、EV向けパワー半導体の新工場",
            [
                "ヤマト電機は、電気自動車向けのパワー半導体の新工場を建設する。経済産業省が最大400億円を"
                "補助する。",
            ],
        ),
        (
            None,
            ["政府は車載用半導体の工場に200億円を補助する。半導体は自動車メーカーに供給される。"],
        ),
    ],
)
def test_chips_for_cars_with_public_money_are_not_sovereign_ai(
    title: str | None, paras: list[str]
) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_both_governments_sharing_compute_is_relevant() -> None:
    paras = [
        "日本とフランスの両政府は、スーパーコンピューターの計算資源を相互に利用する協定に署名した。",
        "両国の研究機関は、言語モデルを共同開発する。",
    ]
    assert relevance("日仏、計算資源を相互利用", paras) >= RELEVANCE_THRESHOLD
