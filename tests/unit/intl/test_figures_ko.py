"""Figures in Korean news: every sentence is invented (made-up ministries, firms and
amounts), in the style of Korean wire (Yonhap-like), business-daily and IT-site copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("KR",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("ko", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("정부는 AI 반도체에 1조 2000억 원을 투자한다.", 1.2e12, "KRW"),
        ("센터 구축에 2조원을 투입한다.", 2e12, "KRW"),
        ("3조5000억원 규모의 펀드를 조성한다.", 3.5e12, "KRW"),
        ("5천억 원의 예산을 마련했다.", 5e11, "KRW"),
        ("삼성전자는 100억 달러를 들인다.", 1e10, "USD"),
        ("스타트업은 3000만 달러를 유치했다.", 3e7, "USD"),
        ("유럽연합은 2억 유로를 지원한다.", 2e8, "EUR"),
        ("일본은 1조 엔을 투입한다.", 1e12, "JPY"),
        ("1인당 50만 원을 지원한다.", 5e5, "KRW"),
        ("총 4000억원이 들어간다.", 4e11, "KRW"),
    ],
)
def test_money_with_jo_and_eok(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("money", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("100억~200억 원이 추가로 들어간다.", 2e10, 1e10),
        ("1조~2조 원 규모가 될 전망이다.", 2e12, 1e12),
        ("300~500억 원을 배정한다.", 5e10, 3e10),
    ],
)
def test_money_ranges(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "KRW", low)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("정부는 GPU 1만 장을 확보한다.", 10000, "GPU"),
        ("1만 개의 GPU를 도입할 계획이다.", 10000, "GPU"),
        ("엔비디아 GPU를 2만 6000장 들여온다.", 26000, "GPU"),
        ("AI 인재 10만 명을 양성한다.", 100000, "talent"),
        ("700억 개의 매개변수를 갖췄다.", 7e10, "parameter"),
        ("20개 언어를 지원한다.", 20, "language"),
        ("데이터센터 3곳을 짓는다.", 3, "data center"),
        ("연구원 150명이 참여했다.", 150, "researcher"),
        ("150명의 연구원이 참여했다.", 150, "researcher"),
        ("국내 기업 30곳이 참여했다.", 30, "company"),
        ("20개국에 진출했다.", 20, "country"),
        ("서버 500대를 설치한다.", 500, "server"),
        ("스타트업 100여 곳을 지원한다.", 100, "startup"),
    ],
)
def test_counts_with_counters(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("count", value, unit, None)]


def test_a_particle_on_the_counter_ends_its_phrase() -> None:
    assert read("연구원 150명과 엔지니어 80명이 참여했다.") == [
        ("count", 150, "researcher", None),
        ("count", 80, "engineer", None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "원전 2기를 건설한다.",  # a noun outside the glossary, and 기 alone says nothing
        "3원칙에 따라 추진한다.",  # 원 inside a word is not the won
        "20대 청년이 가장 많이 쓴다.",  # people in their twenties
        "1명당 지원 금액이 늘었다.",
    ],
)
def test_not_counts_nor_money(sentence: str) -> None:
    assert read(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("향후 5년간 1조원을 투자한다.", 5, "year", None),
        ("18개월 동안 참여했다.", 18, "month", None),
        ("3~5년간 진행된다.", 5, "year", 3),
        ("향후 5년 안에 구축한다.", 5, "year", None),
        ("사업은 24개월간 이어진다.", 24, "month", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert [r for r in read(sentence) if r[0] == "duration"] == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("AI 활용률은 9%에 그쳤다.", 9),
        ("점유율이 15퍼센트로 올랐다.", 15),
        ("성장률은 2.5%포인트 높아졌다.", 2.5),
    ],
)
def test_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("100메가와트 규모의 센터를 짓는다.", 100, "MW"),
        ("전력은 1기가와트에 달한다.", 1, "GW"),
        ("성능은 1엑사플롭스다.", 1, "EFLOPS"),
        ("용량은 40MW다.", 40, "MW"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("10명 중 1명이 AI를 쓴다.", 10),
        ("비용의 3분의 2를 지원한다.", 66.67),
        ("직장인 5명 중 2명이 생성형 AI를 쓴다.", 40),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "2025년 3월 12일 보고서를 발표했다.",
        "김철수(52) 장관이 말했다.",
        "제2차 계획을 3년 후에 시작한다.",
        "이 사업은 3년 전에 시작됐다.",
        "5년 만에 처음으로 반등했다.",
    ],
)
def test_dates_years_ordinals_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "과학기술정보통신부는 12일 국가 AI 컴퓨팅 센터 구축에 2조 5000억 원을 투입한다고 "
        "밝혔다. 이 가운데 8000억 원은 GPU 확보에 쓰인다.\n\n"
        "센터에는 GPU 1만 5000장이 들어가며 전력 용량은 120메가와트 규모다. 구축에는 "
        "24개월이 걸릴 전망이다.\n\n"
        '장관은 "향후 5년간 AI 인재 10만 명을 키우겠다"고 말했다. 국내 기업의 생성형 '
        "AI 도입률은 18%에 그쳤다."
    )
    analysis = analyze("국가 AI 컴퓨팅 센터에 2조5000억원 투입", text)
    assert analysis.language == "ko"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 2.5e12, "KRW"),
        ("money", 8e11, "KRW"),
        ("count", 15000, "GPU"),
        ("capacity", 120, "MW"),
        ("duration", 24, "month"),
        ("duration", 5, "year"),
        ("count", 100000, "talent"),
        ("percent", 18, "%"),
    }
