"""The Korean vocabulary of sovereign AI.

Outright: 소버린 AI, 주권 AI/AI 주권, 국가 AI 컴퓨팅 센터, 독자 AI 파운데이션 모델, 한국형 LLM,
국산 AI 반도체, AI 3대 강국. A public actor: 정부, the ministries (과학기술정보통신부, 과기정통부,
산업부), 대통령실, 국회, budgets (예산, 추경, 국비), public institutes (NIPA, ETRI, IITP). Korean
writes words with or without a space inside ("AI 반도체", "AI반도체"), so patterns allow both.
"""

from __future__ import annotations

from bot.analysis.intl.relevance_vocab import Vocabulary, words

__all__ = ["VOCAB"]

_AI = (
    r"(?<![A-Za-z])AI(?![A-Za-z])|인공지능|생성형|머신러닝|기계학습|딥러닝|언어\s?모델|LLM|"
    r"파운데이션\s?모델|GPU|그래픽처리장치|슈퍼컴퓨터|슈퍼컴|컴퓨팅|연산\s?자원|데이터\s?센터|"
    r"반도체|챗봇|챗GPT|ChatGPT|NPU|신경망|엑사플롭스|페타플롭스"
)

VOCAB = Vocabulary(
    ai=words(_AI),
    strong=words(
        r"소버린\s?AI|주권\s?AI|AI\s?주권|(?:디지털|기술)\s?주권|국가\s?AI\s?(?:컴퓨팅\s?센터|전략|"
        r"위원회|인프라)|국가\s?인공지능|국산\s?AI|국산\s?(?:LLM|언어\s?모델|AI\s?반도체|GPU|NPU)|"
        r"독자\s?(?:AI|인공지능|파운데이션\s?모델|언어\s?모델|LLM)|한국형\s?(?:AI|LLM|"
        r"챗GPT|언어\s?모델|"
        r"인공지능)|AI\s?3대\s?강국|AI\s?G3|국가\s?AI\s?컴퓨팅|공공\s?AI|AI\s?고속도로|"
        r"국가\s?슈퍼컴퓨터"
    ),
    conditional=words(r"AI\s?전략|AI\s?기본\s?계획|AI\s?인프라|AI\s?반도체|AI\s?데이터\s?센터"),
    public=words(
        r"정부|과학기술정보통신부|과기정통부|과기부|산업통상자원부|산업부|기획재정부|기재부|"
        r"행정안전부|행안부|교육부|중소벤처기업부|중기부|국방부|외교부|국토교통부|국토부|장관|차관|"
        r"대통령|대통령실|청와대|국회|국무회의|국무총리|총리|공공|국가|국비|예산|추경|국정|지자체|"
        r"지방자치단체|시청|도청|서울시|경기도|정보통신산업진흥원|NIPA|IITP|"
        r"정보통신기획평가원|ETRI|"
        r"한국전자통신연구원|한국지능정보사회진흥원|공기업|공공기관|국책|세금|혈세|양국|양국\s?정부"
    ),
    build=words(
        r"구축|개발|투자|지원|추진|조성|설립|건립|도입|확보|구매|배정|투입|편성|선정|출범|"
        r"착수|마련|"
        r"계획|공모|육성|확대|강화|운영|가동|학습|훈련|데이터\s?센터|슈퍼컴퓨터|GPU|인프라|모델|LLM|"
        r"공동\s?활용|공동\s?개발"
    ),
    money=words(
        r"\d[\d,.]*\s?(?:조|억|만)?\s?원|\d[\d,.]*\s?(?:조|억)(?![가-힣])|\d[\d,.]*\s?(?:억|만)?\s?"
        r"달러|\$\s?\d"
    ),
    funding=words(r"예산|추경|추가경정예산|지원금|보조금|출연|출자|투자|국비|기금|재정|펀드|자금"),
    enforcement=words(
        r"과징금|벌금|제재|소송|고소|고발|재판|판결|법원|위반|개인정보|프라이버시|저작권|딥페이크|"
        r"수사|공정거래위원회|공정위|개인정보보호위원회|개인정보위|행정처분|불법|위법"
    ),
    lawmaking=words(
        r"법안|법률|입법|법제화|기본법|규제|규정|가이드라인|지침|윤리|의결|본회의\s?통과|"
        r"시행령|조례"
    ),
    finance=words(
        r"실적|분기|매출|영업이익|순이익|흑자|적자|주가|시가총액|전년\s?동기|증권가|"
        r"애널리스트|주주|"
        r"배당|컨센서스|어닝"
    ),
    company=words(
        r"제휴|파트너십|합작|협업|고객사|계약|인수|자회사|주식회사|합의|합작법인|대표이사|"
        r"최고경영자|"
        r"CEO|회장"
    ),
    deal=words(r"인수|매각|합병|지분\s?인수|경영권|M&A|인수합병"),
    venture=words(
        r"합작|합작법인|합작사|조인트\s?벤처|제휴|파트너십|협업|MOU|업무협약|출시|선보였|선보인다|"
        r"서비스를?\s?(?:시작|출시)|상용화|신제품"
    ),
    other_sector=words(
        r"철도|고속철|도로|항만|공항|급식|농업|광케이블|광통신|5G|6G|통신망|병원|주택|연금"
    ),
    denies=words(r"AI(?:용이|와는)\s?(?:아니|무관)|인공지능과\s?무관"),
    chips=words(r"(?:반도체|칩)"),
    non_ai_chips=words(
        r"전력\s?반도체|차량용\s?반도체|전기차용\s?(?:전력)?\s?반도체|자동차\s?반도체|sic"
    ),
)
