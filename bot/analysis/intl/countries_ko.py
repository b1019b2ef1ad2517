"""Korean country words and role cues.

Korean news names countries in hangul (한국, 미국, 독일), in headlines by one hanja
(美, 中, 日), pairs them in one word (한미, 미중, 한미일) and names its own state by its
bodies (정부, 과학기술정보통신부, 대통령실): "정부는" in a Korean paper is Korea's
government unless a country's name comes just before it ("미국 정부", "일본 정부").
Particles attach to the word (미국은, 한국의), so a name must not continue a longer word
before it ("지방정부" is a local government). The subject takes 은/는/이/가 and the verb
ends the clause, as in Japanese.
"""

from __future__ import annotations

import re

from bot.analysis.country_words import Kind, Word, alternation
from bot.analysis.intl.countries_lexicon import Found, Table, build
from bot.analysis.intl.countries_roles import Roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "KR": (
        "한국|대한민국|우리나라|남한",
        "한국인",
        "서울|부산|대전|광주|대구|인천|울산|세종|판교|경기도|제주|수도권|충북|전남|경북",
    ),
    "US": ("미국|미합중국", "미국인", "워싱턴|뉴욕|실리콘밸리|캘리포니아|샌프란시스코"),
    "CN": ("중국", "중국인", "베이징|상하이|항저우"),
    "JP": ("일본", "일본인", "도쿄|오사카"),
    "KP": ("북한", "", "평양"),
    "TW": ("대만", "", "타이베이"),
    "GB": ("영국", "", "런던"),
    "DE": ("독일", "", "베를린|뮌헨"),
    "FR": ("프랑스", "", "파리"),
    "IT": ("이탈리아", "", "로마"),
    "ES": ("스페인", "", "마드리드"),
    "PT": ("포르투갈", "", ""),
    "NL": ("네덜란드", "", "암스테르담"),
    "BE": ("벨기에", "", ""),
    "CH": ("스위스", "", "제네바|취리히"),
    "AT": ("오스트리아", "", ""),
    "SE": ("스웨덴", "", ""),
    "NO": ("노르웨이", "", ""),
    "DK": ("덴마크", "", ""),
    "FI": ("핀란드", "", ""),
    "PL": ("폴란드", "", ""),
    "RU": ("러시아", "", "모스크바"),
    "UA": ("우크라이나", "", ""),
    "IN": ("인도", "", "뉴델리|뭄바이|벵갈루루"),
    "ID": ("인도네시아", "", "자카르타"),
    "MY": ("말레이시아", "", ""),
    "SG": ("싱가포르", "", ""),
    "TH": ("태국", "", "방콕"),
    "VN": ("베트남", "", "하노이|호찌민"),
    "PH": ("필리핀", "", "마닐라"),
    "AU": ("호주|오스트레일리아", "", "시드니|캔버라"),
    "NZ": ("뉴질랜드", "", ""),
    "CA": ("캐나다", "", "토론토|오타와"),
    "MX": ("멕시코", "", ""),
    "BR": ("브라질", "", ""),
    "SA": ("사우디아라비아|사우디", "", "리야드"),
    "AE": ("아랍에미리트|UAE", "", "두바이|아부다비"),
    "QA": ("카타르", "", ""),
    "IL": ("이스라엘", "", ""),
    "TR": ("튀르키예|터키", "", ""),
    "EG": ("이집트", "", ""),
    "EU": ("유럽연합|EU", "", "브뤼셀"),
}

BODIES = {
    "KR": "과학기술정보통신부|과기정통부|과기부|산업통상자원부|산업부|기획재정부|기재부|"
    "행정안전부|행안부|중소벤처기업부|중기부|대통령실|청와대|국무회의|국무총리|"
    "국가인공지능위원회|국가AI위원회|정보통신산업진흥원|한국전자통신연구원|ETRI|"
    "정보통신기획평가원|한국지능정보사회진흥원|개인정보보호위원회|공정거래위원회|방송통신위원회|"
    "중앙정부|더불어민주당|국민의힘|서울시|부산시|대전시|광주시|세종시|경기도청|제주도청",
    "US": "백악관|미 상무부|미 국무부|미 의회",
    "EU": "EU 집행위원회|유럽연합 집행위원회|유럽위원회|유럽의회",
}
GENERIC = {"정부": "KR", "국회": "KR"}
HOME = {"국내": "KR", "국산": "KR"}
LANGUAGES = {"KR": "한국어", "JP": "일본어", "CN": "중국어", "FR": "프랑스어", "DE": "독일어"}
IGNORE = "한국은행|한미약품|북미|남미|중남미|미국식|인도네시아어|영어|동남아"

_ABBREV = {"한": "KR", "미": "US", "중": "CN", "일": "JP", "북": "KP"}
# Headlines write countries in hanja: "美 엔비디아", "中 정부", "日 소프트뱅크".
_HANJA = {
    "美": "US",
    "中": "CN",
    "日": "JP",
    "韓": "KR",
    "英": "GB",
    "獨": "DE",
    "佛": "FR",
    "印": "IN",
    "臺": "TW",
    "濠": "AU",
    "歐": "EU",
    "露": "RU",
    "北": "KP",
}
_HANJA_ALONE = re.compile(
    r"(?<![\u4e00-\u9fff\d])([美中日韓英獨佛印臺濠歐露北])(?![\u4e00-\u9fff])"
)
# 미 정부, 미 상무부: "미" alone is the US only before a state or a company.
_ALONE = re.compile(
    r"(?<![가-힣])미(?=\s(?:정부|행정부|대통령|상무부|국무부|의회|연방|당국|기업|빅테크|반도체|국방부))"
)
# 한미, 미중, 한미일: a pair before a relation, a summit or a space; "한·프랑스", "한·EU".
_PAIR = re.compile(
    r"(?<![가-힣])(한미일|한중일|한미|한중|한일|미중|미일|중일|한(?=·))(?=\s|관계|동맹|협력|정상|회담|공조|"
    r"경쟁|갈등|무역|간|양국|·)"
)


def _more(text: str) -> list[Found]:
    out: list[Found] = [
        (m.start(), m.end(), Word("US", Kind.NAME, "미")) for m in _ALONE.finditer(text)
    ]
    for m in _HANJA_ALONE.finditer(text):
        out.append((m.start(), m.end(), Word(_HANJA[m.group(1)], Kind.NAME, m.group(1))))
    for m in _PAIR.finditer(text):
        for i, ch in enumerate(m.group(1)):
            out.append((m.start() + i, m.start() + i + 1, Word(_ABBREV[ch], Kind.NAME, ch)))
    return out


LEXICON = build(
    "ko",
    TABLE,
    BODIES,
    generic=GENERIC,
    home=HOME,
    languages=LANGUAGES,
    ignore=IGNORE,
    more=_more,
    script="ko",
)

_GOV = r"(?:\s?(?:정부|행정부|당국|대통령|총리|의회|연방정부|[가-힣]{1,8}부(?=[은는이가도]\s)))"
_SUBJ = r"(?:은|는|이|가|도)(?=\s|,)"
# Trie-built (country_words.alternation): the clause is scanned position by position.
_ACT_WORDS = (
    "발표|투자|추진|구축|지원|확보|편성|선정|출범|개발|도입|계획|마련|"
    "착수|배정|투입|조성|설립|승인|의결|시작|공개|확대|육성|나선|결정|"
    "내놓|공모|구매|배분|제공|가동|개소|신설|확충|강화|목표|예정|밝혔"
)
_ACT = alternation(_ACT_WORDS.split("|"))
_SAY_WORDS = "말했|강조했|설명했|전했|언급했|덧붙였"
_SAY = alternation(_SAY_WORDS.split("|"))
ROLES = Roles(
    acts_after=re.compile(rf"^{_GOV}?{_SUBJ}[^.。]{{0,160}}?(?:{_ACT})"),
    says_after=re.compile(rf"^{_GOV}?{_SUBJ}[^.。]{{0,160}}?(?:{_SAY})"),
    subject_after=re.compile(rf"^{_GOV}?{_SUBJ}"),
    passing_before=re.compile(r"(?:방한한|방한 중인|방문한)\s$"),
    passing_after=re.compile(
        r"^산(?:의)?\s|^(?![은는이가도](?:\s|,))[^.,。]{0,16}?(?:에\s?비해|보다\s|처럼|과\s?달리|"
        r"와\s?달리|에\s?이어|을\s?따라|를\s?따라|을\s?추격|를\s?추격|에\s?뒤처|에\s?뒤지|을\s?방문|"
        r"를\s?방문|과\s?경쟁|와\s?경쟁|대비|에\s?의존|의존도)"
    ),
    source_after=re.compile(r"^[^.。]{0,60}?(?:에\s?따르면|에\s?의하면)"),
    # "미국 기업", "미국 고객사의", "미국 클라우드라와": a country, then a firm or thing of it
    # ("with", "of"), not its government.
    modifier_after=re.compile(
        r"^(?:의)?\s(?:[가-힣A-Za-z]{1,6}\s)?(?:기업|업체|빅테크|스타트업|회사|제조사|대기업|테크|"
        r"고객사|반도체\s?기업|반도체\s?업체|IT\s?기업|AI\s?기업)|^\s(?!정부|행정부|당국|대통령|총리|"
        r"의회|국회|상무부|국무부|연방)[가-힣A-Za-z]+(?:와|과|의)\s"
    ),
    similar_after=re.compile(r"^[^。.]{0,80}?(?:비슷한|유사한|같은\s방식)"),
    window=200,
)
