"""Figures in Japanese news: every sentence is invented (made-up ministries, firms and
amounts), in the style of Japanese national dailies, wire and tech-site copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("JP",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("ja", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("経済産業省は計算資源の整備に1兆8560億円を充てる。", 1.856e12, "JPY"),
        ("政府は基金に3兆円を積み増す。", 3e12, "JPY"),
        ("データ整備に725億円を計上した。", 7.25e10, "JPY"),
        ("基盤の増強で約400億円を計上。", 4e10, "JPY"),
        ("同社は最大5000億ドルを投じる。", 5e11, "USD"),
        ("欧州は2000万ユーロを拠出する。", 2e7, "EUR"),
        ("韓国政府は1000億ウォンを支援する。", 1e11, "KRW"),
        ("総額三兆円の支援策をまとめた。", 3e12, "JPY"),
        ("全角の１８５６億円でも読める。", 1.856e11, "JPY"),
        ("同社は1,200億円を調達した。", 1.2e11, "JPY"),
        ("中国は100億元を投じる。", 1e10, "CNY"),
        ("5千万円の補助金を出す。", 5e7, "JPY"),
        ("新会社に1.5兆円を出資する。", 1.5e12, "JPY"),
    ],
)
def test_money_with_oku_and_cho(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("money", value, unit, None)]


def test_a_conversion_in_parentheses_is_its_own_figure() -> None:
    assert read("最大5000億ドル(約78兆円)を投じる。") == [
        ("money", 5e11, "USD", None),
        ("money", 7.8e13, "JPY", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("追加で100億〜200億円を投じる。", 2e10, 1e10),
        ("総額は100〜200億円になる見通し。", 2e10, 1e10),
        ("1兆～2兆円規模の投資を見込む。", 2e12, 1e12),
    ],
)
def test_money_ranges(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "JPY", low)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("さくらインターネットはGPU1万基を導入する。", 10000, "GPU"),
        ("同社は1万基のGPUを備えたデータセンターを建てる。", 10000, "GPU"),
        ("エヌビディア製GPU約2000基を調達した。", 2000, "GPU"),
        ("GPUを約5000基追加する。", 5000, "GPU"),
        ("研究者200人が参加した。", 200, "researcher"),
        ("150人の技術者が開発に携わった。", 150, "engineer"),
        ("700億パラメーターのモデルを公開した。", 7e10, "parameter"),
        ("1000以上の言語に対応する。", 1000, "language"),
        ("国内企業5社が出資する。", 5, "company"),
        ("20カ国が署名した。", 20, "country"),
        ("サーバー500台を設置する。", 500, "server"),
        ("1万人のAI人材を育成する。", 10000, "talent"),
        ("13兆トークンで学習させた。", 1.3e13, "token"),
        ("パラメーター数700億のモデル。", 7e10, "parameter"),
        ("3つのデータセンターを新設する。", 3, "data center"),
    ],
)
def test_counts_with_counters(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("count", value, unit, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "風車40基を設置する。",  # a noun outside the glossary, and 基 alone says nothing
        "研究者と1万基の風車。",  # 基 does not count researchers
        "3人目の参加者となった。",  # an ordinal
        "2社目の参加企業となった。",
    ],
)
def test_counts_that_are_not_counts(sentence: str) -> None:
    assert [r for r in read(sentence) if r[0] == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("3年間で1000億円を投資する。", 3, "year", None),
        ("18カ月で開発した。", 18, "month", None),
        ("開発には18か月かかった。", 18, "month", None),
        ("令和6年度から5年間の計画だ。", 5, "year", None),
        ("3～5年で1万人を育成する。", 5, "year", 3),
        ("今後5年で整備する。", 5, "year", None),
        ("2週間で試作した。", 2, "week", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert [r for r in read(sentence) if r[0] == "duration"] == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("利用したことがある人は9%にとどまった。", 9, "%"),
        ("米国(46%)や中国(56%)と比べ低い。", 46, "%"),
        ("シェアは１５％に達した。", 15, "%"),
        ("成長率は3.5パーセントだった。", 3.5, "%"),
        ("企業の7割がAIを導入した。", 70, "%"),
        ("利益の約2割を占める。", 20, "%"),
    ],
)
def test_percents(sentence: str, value: float, unit: str) -> None:
    assert read(sentence)[0] == ("percent", value, unit, None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("出力は100メガワットになる。", 100, "MW"),
        ("将来は1ギガワットに拡張する。", 1, "GW"),
        ("理論性能は537ペタフロップス。", 537, "PFLOPS"),
        ("消費電力は50MWに達する。", 50, "MW"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("10人に1人がAIを使う。", 10),
        ("費用の3分の2を補助する。", 66.67),
        ("回答者の10人中3人が利用した。", 30),
        ("三分の一の自治体が導入した。", 33.33),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "2025年3月12日、2023年度の白書を公表した。",
        "令和6年の調査による。",
        "孫正義会長(67)は第2期の計画を語った。",
        "3年後には海外に展開する。",
        "GPT-4やLlama 3と比べ、日本語の性能は1位だった。",
        "1ドル=150円で換算した。",
        "数十億円規模の案件もある。",
        "24年度予算の概算要求をまとめた。",
    ],
)
def test_dates_years_ordinals_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "政府は12日、国産の生成AI開発を後押しするため、計算資源の整備に1兆2000億円を"
        "投じる方針を固めた。このうち約3000億円は国内のデータセンター整備に充てる。\n\n"
        "新たなスーパーコンピューターにはGPU約1万基を搭載し、消費電力は100メガワットを"
        "見込む。稼働までには18カ月かかる見通しだ。\n\n"
        "経済産業省の担当者は「5年間で3000人の研究者を育てたい」と話した。国内企業で"
        "生成AIを導入した割合は12%にとどまる。"
    )
    analysis = analyze("国産生成AIに1兆2000億円 政府、計算資源を整備", text)
    assert analysis.language == "ja"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 1.2e12, "JPY"),
        ("money", 3e11, "JPY"),
        ("count", 10000, "GPU"),
        ("capacity", 100, "MW"),
        ("duration", 18, "month"),
        ("duration", 5, "year"),
        ("count", 3000, "researcher"),
        ("percent", 12, "%"),
    }
