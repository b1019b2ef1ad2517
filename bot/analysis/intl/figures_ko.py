"""Korean figure words: 원, 달러, 조, 억, 만, 개, 장, 명, 곳, 개국, 년간, 개월, 퍼센트, 메가와트.

Korean spaces its words and ends each with its particles ("GPU를", "연구원이"); amounts
are written "1조 원", "1조원", "3조5000억 원", "2천억 원". GPUs are counted in 장 (cards)
or 개, people in 명, places and organisations in 곳. "원" ends many words (연구원, 원전,
원칙), so as a currency it must stand alone or before a particle.
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import CjkLexicon, noun_table, pairs

__all__ = ["KOREAN"]

NOUNS_KO = noun_table(
    """
    GPU | h: GPU 그래픽처리장치 그래픽카드
    chip | h: 칩 반도체 AI반도체
    server | h: 서버
    supercomputer | h: 슈퍼컴퓨터 슈퍼컴
    data center | hl: 데이터센터
    computer | h: 컴퓨터
    node | h: 노드
    accelerator | h: 가속기
    parameter | a: 매개변수 파라미터
    token | a: 토큰
    language | a: 언어
    model | a: 모델
    word | a: 단어
    engineer | p: 엔지니어 기술자
    researcher | p: 연구원 연구자 연구인력
    scientist | p: 과학자
    professor | p: 교수
    student | p: 학생 대학생 대학원생
    developer | p: 개발자
    employee | p: 직원 임직원 근로자
    talent | p: 인재
    expert | p: 전문가 전문인력
    user | p: 사용자 이용자
    participant | p: 참가자
    company | o: 기업 회사 업체 개사
    startup | o: 스타트업
    university | so: 대학 대학교
    school | s: 학교
    institute | ol: 연구소 기관
    country | c: 국가 나라
    city | l: 도시
    job | a: 일자리
    project | a: 프로젝트 과제
    """
)

KOREAN = CjkLexicon(
    lang="ko",
    currencies=pairs(
        """
        원=KRW 달러=USD 미국_달러=USD 캐나다_달러=CAD 호주_달러=AUD 싱가포르_달러=SGD
        홍콩_달러=HKD 대만_달러=TWD 유로=EUR 엔=JPY
        위안=CNY 파운드=GBP 루피=INR 프랑=CHF 링깃=MYR 바트=THB 헤알=BRL 페소=MXN 루블=RUB
        디르함=AED 리얄=SAR
        """
    ),
    currency_guard=r"(?<=원)(?:칙|전|자|장|작|료|인|래|형|리|산|점|천|숙|본|문|격|회|조|동|로)"
    r"|(?<=엔)(?:비|지|진|터|트|젤|딩|씨)|(?<=바트)(?:[가-힣])",
    percent=r"%(?:포인트|p)?|퍼센트(?:포인트)?|포인트|%p",
    capacity=pairs(
        """
        MW=MW GW=GW kW=kW TW=TW MWh=MWh GWh=GWh 메가와트=MW 기가와트=GW 킬로와트=kW 테라와트=TW
        엑사플롭스=EFLOPS
        페타플롭스=PFLOPS EFLOPS=EFLOPS PFLOPS=PFLOPS
        """
    ),
    years=r"년간|년\s?동안|년\s?내|년에\s?걸쳐|년\s?이내",
    months=r"개월(?:간|\s?동안)?",
    weeks=r"주간|주\s?동안",
    days=r"일간|일\s?동안",
    bare_year=r"년",
    span_lead=r"(?:향후|앞으로|최근|지난|총|약|최대)\s?$",
    point_after=r"\s?(?:후|뒤|전|째|만|차|만에|이상\s?전)",
    counters={
        "개국": ("c", "country"),
        "개사": ("o", "company"),
        "개소": ("l", None),
        "개": ("hoslca", None),
        "장": ("h", None),
        "대": ("h", None),
        "기": ("h", None),
        "명": ("p", "person"),
        "곳": ("los", None),
        "종": ("a", None),
    },
    nouns=NOUNS_KO,
    particles=r"을|를|이|가|은|는|도",
    hedges=r"약|총|최대|최소|모두|무려|대략|최소한|연간",
    link=r"(?:이상|여|가량|정도|규모)?(?:의)?",
    not_count_after=r"째|당|씩|이하|미만|분의",
    era=r"(?:제|第|No\.|#)\s?$",
    spaced=True,
    share=r"중",
    word_particles=(
        "으로는",
        "에서는",
        "으로",
        "에서",
        "에게",
        "까지",
        "부터",
        "들이",
        "들을",
        "들의",
        "들은",
        "들",
        "을",
        "를",
        "이",
        "가",
        "은",
        "는",
        "의",
        "에",
        "와",
        "과",
        "도",
        "로",
        "만",
    ),
)
