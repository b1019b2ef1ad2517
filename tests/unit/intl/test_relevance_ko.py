"""Relevance of Korean news: the state building its own AI capability (소버린 AI, 국가 AI
컴퓨팅 센터, AI 반도체 with 정부, budgets for GPUs) is sovereign-AI news; a company's joint
venture or launch (even one noting that the government backs AI), a regulator's fine, a
law on AI and a company's results are not.

Every text is invented (people, firms, bodies, figures), in the style of news agencies,
dailies and ministry releases.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("ko", title, paras)
    return score_relevance_in("ko", title, paras, countries)[0]


SOVEREIGN = [
    (
        "정부, 소버린 AI에 3조원 투입",
        [
            "정부는 소버린 AI 생태계를 구축하기 위해 2030년까지 3조원을 투입한다고 밝혔다.",
            "과학기술정보통신부는 GPU 5만장을 확보해 대학과 스타트업에 제공할 계획이다.",
        ],
    ),
    (
        None,
        [
            "과기정통부는 독자 AI 파운데이션 모델 개발을 위한 정예팀 5곳을 선정했다고 12일 밝혔다.",
            "선정된 팀에는 정부가 GPU와 데이터를 지원한다.",
        ],
    ),
    (
        "국가AI컴퓨팅센터, 전남에 들어선다",
        [
            "정부는 국가AI컴퓨팅센터를 전남에 구축하기로 하고 사업비 2조원을 배정했다.",
        ],
    ),
    (
        "산업부, AI 반도체 육성에 1조원",
        [
            "산업통상자원부는 국산 AI 반도체 육성을 위해 내년 예산에 1조원을 편성했다.",
            "정부는 국내 데이터센터에 국산 NPU를 우선 도입할 방침이다.",
        ],
    ),
    (
        None,
        [
            "서울시는 공공 AI 데이터센터를 짓고 시민 서비스에 쓰일 언어 모델을 개발한다고 밝혔다.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_the_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the government backing AI in passing
        "한빛텔레콤, 美 클라우드라와 AI 합작법인",
        [
            "한빛텔레콤은 미국 기업 클라우드라와 AI 합작법인을 설립한다고 5일 밝혔다.",
            "두 회사는 3년간 5000억원을 투자해 기업용 생성형 AI 서비스를 판매한다.",
            "정부도 AI 산업 육성을 지원하고 있다.",
        ],
    ),
    (  # a product launch
        "누리소프트, 기업용 AI 비서 출시",
        [
            "누리소프트는 기업용 생성형 AI 비서 서비스를 출시했다고 밝혔다.",
            '김민준 대표는 "중소기업도 쉽게 쓸 수 있다"고 말했다.',
        ],
    ),
    (  # a regulator's fine
        "개인정보위, AI 챗봇 업체에 과징금 30억원",
        [
            "개인정보보호위원회는 이용자의 개인정보를 동의 없이 AI 학습에 쓴 챗봇 업체에 "
            "과징금 30억원을 부과했다.",
        ],
    ),
    (  # a law that governs AI
        "AI 기본법 국회 본회의 통과",
        [
            "인공지능 산업의 규제와 이용자 보호를 담은 AI 기본법이 국회 본회의를 통과했다.",
            "고위험 AI를 개발하는 사업자는 위험 관리 의무를 진다.",
        ],
    ),
    (  # a company's results
        "동해반도체, 2분기 영업이익 사상 최대",
        [
            "동해반도체의 2분기 영업이익이 전년 동기 대비 48% 늘어난 1조2000억원을 기록했다.",
            "AI 반도체 수요가 실적을 끌어올렸고 주가도 7% 올랐다.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "한울전자, 차량용 전력반도체 공장 증설",
            ["한울전자는 전기차용 전력반도체 공장을 증설한다. 정부가 500억원을 지원한다."],
        ),
        (
            None,
            [
                "산업부는 차량용 반도체 공장에 300억원을 지원한다고 밝혔다. "
                "반도체는 완성차에 들어간다."
            ],
        ),
    ],
)
def test_chips_for_cars_with_public_money_are_not_sovereign_ai(
    title: str | None, paras: list[str]
) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "한·프랑스, AI 연산자원 공동 활용",
            [
                "한국과 프랑스 정부는 슈퍼컴퓨터 연산 자원을 공동으로 활용하는 협정을 맺었다.",
                "양국 연구기관은 언어 모델을 함께 개발한다.",
            ],
        ),
        (
            "한·EU, 슈퍼컴퓨터 공동 활용",
            [
                "한국과 EU는 슈퍼컴퓨터를 공동 활용하기로 했다.",
                "양국 정부는 AI 연구자 교류에 예산 200억원을 배정했다.",
            ],
        ),
    ],
)
def test_two_governments_sharing_compute_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD
