"""Korean quotes and speakers, on invented news snippets (agency, ministry, tech site)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.intl.speakers_ko import ko_subjects, korean_name
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.role) for q in extract_quotes_in("ko", paragraphs(text))]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes_in("ko", paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "과학기술정보통신부 박서연 장관은 12일 간담회에서 “국가 AI 컴퓨팅 센터를 내년까지 "
            "완공하겠다”고 말했다.",
            "박서연",
            "장관",
        ),
        (
            "김도윤 네이버클라우드 대표는 “한국어 모델은 우리가 직접 만들어야 한다”고 밝혔다.",
            "김도윤",
            "네이버클라우드 대표",
        ),
        (
            "윤재희 대통령은 이날 “인공지능 주권은 선택이 아니라 생존의 문제”라고 강조했다.",
            "윤재희",
            "대통령",
        ),
        (
            "최민준 한빛전자 사장은 “GPU 확보 경쟁에서 뒤처지면 안 된다”며 투자를 약속했다.",
            "최민준",
            "한빛전자 사장",
        ),
    ],
)
def test_name_and_title_before_the_quote(text: str, speaker: str, role: str) -> None:
    assert [(s, r) for _, s, r in found(text)] == [(speaker, role)]


@pytest.mark.parametrize(
    "second",
    [
        "박 장관은 “지방 대학에도 계산 자원을 나누겠다”고 덧붙였다.",
        "그는 “지방 대학에도 계산 자원을 나누겠다”고 덧붙였다.",
        "“지방 대학에도 계산 자원을 나누겠다”고 박 장관은 덧붙였다.",
        "“지방 대학에도 계산 자원을 나누겠다”고 덧붙였다.",
        "“지방 대학에도 계산 자원을 나누겠습니다.” 그는 이렇게 덧붙였다.",
    ],
)
def test_references_back_to_the_minister(second: str) -> None:
    text = (
        "박서연 과학기술정보통신부 장관은 “국가 AI 컴퓨팅 센터를 내년까지 완공하겠다”고 "
        "말했다.\n" + second
    )
    assert speakers(text) == ["박서연", "박서연"]


def test_two_quotes_in_one_sentence() -> None:
    text = (
        "이정훈 교수는 “데이터가 없으면 모델도 없다”며 “공공 데이터를 먼저 개방해야 "
        "한다”고 지적했다."
    )
    assert speakers(text) == ["이정훈", "이정훈"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "과학기술정보통신부는 “올해 안에 사업자를 선정할 계획”이라고 밝혔다.",
            "과학기술정보통신부",
        ),
        ("삼성전자는 “차세대 AI 반도체 생산을 늘리겠다”고 발표했다.", "삼성전자"),
        ("과기정통부 관계자는 “예산은 충분히 확보했다”고 말했다.", "과기정통부"),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_foreign_name_before_company_and_title() -> None:
    text = "젠슨 황 엔비디아 최고경영자(CEO)는 “한국은 AI 인프라의 중요한 파트너”라고 말했다."
    assert found(text) == [("한국은 AI 인프라의 중요한 파트너", "젠슨 황", "엔비디아 최고경영자")]


@pytest.mark.parametrize(
    "text",
    [
        "정부는 ‘소버린 AI’ 전략을 발표했다.",
        "정부는 이번 사업을 ‘국가 AI 컴퓨팅 센터’라고 부르며 2조원을 투입한다.",
        "‘국가 AI 컴퓨팅 센터 구축 사업’을 올해 시작한다.",
        "이른바 ‘한국형 거대 언어 모델’이라는 이름의 사업이다.",
    ],
)
def test_names_in_quote_marks_are_not_quotes(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [("이종호", True), ("남궁민수", True), ("정부", False), ("엔비디아", False), ("행사", False)],
)
def test_korean_name_shape(word: str, expected: bool) -> None:
    assert korean_name(word) is expected


def test_family_name_with_title_is_a_reference() -> None:
    text = "이 장관은 "
    assert [(s.kind, s.name, s.role) for s in ko_subjects(text, 0, len(text))] == [
        ("family", "이", "장관")
    ]


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "정부가 국산 인공지능 모델 개발을 위해 그래픽처리장치(GPU) 1만 장을 확보한다.\n"
        "한지수 과학기술정보통신부 차관은 “우리 기업이 해외 클라우드에 의존하지 않도록 "
        "하겠다”고 말했다.\n"
        "한 차관은 “연말까지 첫 번째 센터를 가동할 계획”이라고 덧붙였다.\n"
        "업계는 ‘K-클라우드’ 정책에 기대를 걸고 있다."
    )
    result = analyze("정부, GPU 1만 장 확보", text)
    assert result.language == "ko"
    assert [(q.speaker, q.role) for q in result.quotes] == [
        ("한지수", "과학기술정보통신부 차관"),
        ("한지수", "과학기술정보통신부 차관"),
    ]


@pytest.mark.parametrize("title", ["제1차관", "2차관", "차관"])
def test_numbered_titles(title: str) -> None:
    text = (
        "과학기술정보통신부는 15일 계획을 발표했다.\n"
        f"오정민 과기정통부 {title}은 “대학이 해외 클라우드에 의존하지 않게 하겠다”고 말했다."
    )
    assert found(text) == [
        ("대학이 해외 클라우드에 의존하지 않게 하겠다", "오정민", f"과기정통부 {title}")
    ]
