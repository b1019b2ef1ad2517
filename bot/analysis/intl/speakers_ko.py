"""Who speaks in Korean news: the name and title before 은/는/이/가.

Korean writes the title after the name and the particle on the title: "이종호 장관은",
"최수연 네이버 대표는", "젠슨 황 엔비디아 최고경영자(CEO)는". The word right before
the title is the name when it looks like a Korean name (two to four syllables opening
with a family name) or, past an organisation word, the one or two words before that
(a foreign name in hangul). A family name alone ("이 장관은") is the person of that
family name and title; "그는" the last person; an organisation ("과학기술정보통신부는",
"삼성전자는", "정부는") speaks for itself, and "과기정통부 관계자는" for the ministry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.quotes_core import Found, History
from bot.analysis.intl.quotes_lexicon import split

__all__ = ["KoPeople", "KoSubject", "ko_subjects"]

TITLES = split(
    "최고경영자 최고기술책임자 대표이사 부사장 사장 부회장 회장 대통령 국무총리 부총리 총리 "
    "장관 차관 대표 의장 교수 위원장 원장 청장 실장 국장 부장 이사장 이사 수석연구원 "
    "책임연구원 선임연구원 연구위원 연구원 센터장 본부장 소장 단장 수석 비서관 대변인 총장 "
    "시장 도지사 지사 의원 전무 상무 팀장 창업자 박사 처장 고문 위원 CEO CTO COO 씨"
)
_TITLE = "(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + ")"
_PARTICLE = r"(?:은|는|이|가|도|께서는|께서)"
_SURNAMES = frozenset(
    split(
        "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 "
        "심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 "
        "마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 "
        "목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 갈"
    )
)
_DOUBLE_SURNAMES = ("남궁", "제갈", "선우", "황보", "독고", "사공", "서문")
_NOT_NAMES = frozenset(
    split(
        "정부 이번 이날 한국 국내 해외 전임 신임 현직 전직 당시 부처 기업 회사 전문 주요 공동 "
        "초대 현 전 차기 각 모든 해당 관련 담당 대한 국가 정책 기술 산업 시장 업계 지난 올해"
    )
)
_MODIFIERS = frozenset(split("신임 전 현 초대 차기 당시 공동 수석 총괄 담당"))
_ORG_END = re.compile(
    r"(?:부|처|청|원|위원회|공사|공단|전자|그룹|은행|재단|협회|연구원|연구소|대학교|대학|센터|"
    r"텔레콤|통신|증권|기구|연합|본부|정부|당국|청와대|대통령실|국회|[A-Z]{2,})$"
)
_HANGUL_WORD = re.compile(r"^[가-힣]+$")
_COMPANY_END = re.compile(
    r"(?:전자|그룹|은행|재단|협회|연구원|연구소|대학교|대학|센터|텔레콤|통신|증권|클라우드|"
    r"테크|랩스|랩|모빌리티|바이오|중공업|화학|건설|에너지|시스템|솔루션|부|처|청)$"
)
# a word ending in a particle or a verb ending is not part of a name: "행사에서", "열린"
_INFLECTED = re.compile(
    r"(?:에서|에게|에|의|을|를|은|는|와|과|로|한|된|린|인|적|던|고|며|서|도|날)$"
)
# a title with its particle ("장관은"), after a space; the words before it are read apart
_TITLED = re.compile(
    r"(?<=\s)(?P<title>(?:제?\d)?" + _TITLE + r")(?:\([A-Za-z]{2,5}\))?" + _PARTICLE + r"(?=[\s,])"
)
_WORDS_BEFORE = re.compile(r"(?:[가-힣A-Za-z·]+\s+){1,4}$")
_NAMED = re.compile(r"(?P<name>[가-힣]{2,4})\s*" + _TITLE)
_PRONOUN = re.compile(r"(?<![가-힣])(?:그는|그녀는|그가|그녀가)(?=[\s,])")
_ORG_SUBJECT = re.compile(
    r"(?<![가-힣A-Za-z])(?P<org>[가-힣A-Za-z0-9]+?)(?:\s+(?:관계자|측|대변인))?"
    r"(?:은|는|이|가|도|측은)(?=[\s,])"
)
_SOURCE = re.compile(r"(?P<org>[가-힣A-Za-z0-9]+)(?:에\s*따르면|의\s*설명에\s*따르면)")


@dataclass(frozen=True)
class KoSubject:
    """A speaker phrase: kind is person, family, pronoun, title or org."""

    start: int
    kind: str
    name: str
    role: str | None = None


def korean_name(word: str) -> bool:
    """ "이종호", "남궁민수": two to four syllables opening with a family name."""
    if not _HANGUL_WORD.match(word) or word in _NOT_NAMES or _COMPANY_END.search(word):
        return False
    if word.startswith(_DOUBLE_SURNAMES):
        return 3 <= len(word) <= 4
    return 2 <= len(word) <= 4 and word[0] in _SURNAMES


def _person(text: str, m: re.Match[str], lo: int) -> KoSubject | None:
    """The person a title names: the word before it, or past an organisation the one
    or two words before that."""
    before = _WORDS_BEFORE.search(text, max(lo, m.start() - 48), m.start())
    if before is None:
        return None
    at = before.start()
    words = before.group().split()
    while len(words) > 1 and words[-1] in _MODIFIERS:
        words.pop()
    title = m.group("title")
    last = words[-1]
    if len(last) == 1 and last in _SURNAMES:
        return KoSubject(at, "family", last, title)
    if korean_name(last):
        return KoSubject(at, "person", last, title)
    earlier = words[:-1]  # past the organisation: "젠슨 황 엔비디아 CEO"
    if earlier and korean_name(earlier[-1]):
        return KoSubject(at, "person", earlier[-1], f"{last} {title}")
    foreign = [w for w in earlier[-2:] if _HANGUL_WORD.match(w) and not _INFLECTED.search(w)]
    if len(foreign) == len(earlier[-2:]) and foreign:
        return KoSubject(at, "person", " ".join(foreign), f"{last} {title}")
    return KoSubject(at, "title", title, f"{last} {title}")


def ko_subjects(text: str, start: int, end: int) -> list[KoSubject]:
    """Speaker phrases in text[start:end], in order."""
    out: list[KoSubject] = []
    taken: list[tuple[int, int]] = []
    for m in _TITLED.finditer(text, start, end):
        found = _person(text, m, start)
        if found is not None:
            out.append(found)
            taken.append((found.start, m.end()))
    for m in _PRONOUN.finditer(text, start, end):
        out.append(KoSubject(m.start(), "pronoun", m.group()))
    for m in list(_ORG_SUBJECT.finditer(text, start, end)) + list(
        _SOURCE.finditer(text, start, end)
    ):
        org = m.group("org")
        inside = any(a <= m.start() < b for a, b in taken)
        if not inside and (_ORG_END.search(org) or re.fullmatch(r"[A-Z][A-Za-z0-9]+", org)):
            out.append(KoSubject(m.start(), "org", org))
    return sorted(out, key=lambda s: s.start)


class KoPeople:
    """The people of one Korean article (its text with quotes masked)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: list[tuple[int, str, str | None]] | None = None

    @property
    def _persons(self) -> list[tuple[int, str, str | None]]:
        """Every person named with a title, read on first use."""
        if self._known is None:
            text = self._text
            known = [
                (s.start, s.name, s.role)
                for s in ko_subjects(text, 0, len(text))
                if s.kind == "person"
            ]
            names = {p[1] for p in known}
            for m in _NAMED.finditer(text):
                if korean_name(m.group("name")) and m.group("name") not in names:
                    title = m.group()[len(m.group("name")) :].strip()
                    known.append((m.start(), m.group("name"), title))
            self._known = sorted(known)
        return self._known

    def resolve(self, s: KoSubject, history: History) -> Found | None:
        if s.kind == "person":
            return Found(s.name, s.role, True)
        if s.kind == "family":  # "이 장관은": 이종호 장관
            for at, name, role in reversed(self._persons):
                if at < s.start and name.startswith(s.name) and _same_title(role, s.role):
                    return Found(name, role, True)
            return Found(s.name, s.role, True)
        if s.kind == "title":
            for at, name, role in reversed(self._persons):
                if at < s.start and _same_title(role, s.name):
                    return Found(name, role, True)
            return Found(s.role or s.name, None, True)
        if s.kind == "pronoun":
            last = history.last(s.start, persons=True)
            if last is not None:
                return last
            return self.last_person(s.start)
        return Found(s.name, None, False)

    def last_person(self, pos: int) -> Found | None:
        people = [p for p in self._persons if p[0] < pos]
        return Found(people[-1][1], people[-1][2], True) if people else None


def _same_title(role: str | None, title: str | None) -> bool:
    return bool(role and title and (role.endswith(title) or title.endswith(role)))
