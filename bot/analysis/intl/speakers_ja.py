"""Who speaks in Japanese news: the noun phrase before は/が, read with fugashi.

The subject of a verb of saying is the noun phrase marked by は (or が, も) before it:
a person with a title after the name ("孫正義社長は", "サム・アルトマン最高経営責任者
(CEO)は"), an organisation ("経済産業省は", "ソフトバンクグループは"), a reference back
("同氏は" the last person, "孫氏は" the person of that family name, "同社は" the last
company, "首相は" the person given that title), or an official who speaks for an
organisation ("総務省の担当者は" is the ministry). "Xによると" names a source the same
way. Names are kept as written ("孫正義"); the title is the role ("社長").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.japanese_words import TITLE_WORDS, Token, person_names, tokens
from bot.analysis.intl.quotes_core import Found, History

__all__ = ["JaPeople", "Subject", "subjects", "title_after"]

_TITLE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True)) + r")"
    r"(?:[(（][A-Za-z]{2,5}[)）])?"
)
# the title may carry its portfolio or company before it: "経済産業相", "代表取締役社長"
_ROLE_AFTER = re.compile(r"[\u4e00-\u9fff々ァ-ヺーA-Za-z]{0,8}?" + _TITLE.pattern)
_HONORIFIC = frozenset({"氏", "さん", "様"})
_ORG_END = re.compile(
    r"(?:省|庁|府|局|社|機構|研究所|協会|委員会|本部|大学|銀行|グループ|ホールディングス|"
    r"財団|センター|政府|内閣|連合|機関|会議|チーム|事務所|研究機構|公社|組合|連盟|"
    r"ファンド|ラボ|研究室|学会|市|県|都|区|町)$"
)
_OFFICIAL = re.compile(r"(?:広報)?(?:担当者|関係者|幹部|報道官|広報|報道担当|首脳|筋|当局者)$")
_PARTICLES = ("は", "が", "も")
_NOUNISH = ("名詞", "接尾辞", "接頭辞")
_SOURCE = re.compile(r"(?:によると|によれば|の話では|の説明では)")


@dataclass(frozen=True)
class Subject:
    """A noun phrase that may be a speaker: offsets in the text and what it is."""

    start: int
    end: int
    kind: str  # person, family, same-person, title, org, same-org
    name: str
    role: str | None = None


def _noun_run(toks: tuple[Token, ...], k: int) -> int:
    """Index of the first token of the noun phrase ending before toks[k]."""
    j = k
    while j > 0:
        t = toks[j - 1]
        if t.pos1 in _NOUNISH or t.surface in ("・", "(", ")", "（", "）"):
            j -= 1
            continue
        break
    return j


def _classify(text: str, start: int, end: int) -> Subject | None:
    """What text[start:end], a noun phrase before は/が, is as a speaker."""
    phrase = text[start:end]
    if not phrase or "~" in phrase:
        return None
    names = person_names(phrase)
    if names:
        n = names[-1]
        rest = phrase[n.end :]
        if rest and not _ROLE_AFTER.fullmatch(rest):
            return None  # "孫正義育英財団": a name inside an organisation's name
        kind = "family" if n.family else "person"
        return Subject(start + n.start, end, kind, n.name, _role(rest))
    if phrase.startswith("同") and len(phrase) > 1:
        rest = phrase[1:]
        if rest in _HONORIFIC or rest == "氏" or _TITLE.fullmatch(rest):
            return Subject(start, end, "same-person", phrase, None if rest == "氏" else rest)
        return Subject(start, end, "same-org", phrase, rest)
    if _OFFICIAL.search(phrase):
        return None
    if _TITLE.fullmatch(phrase) or re.search(r"(?:相|大臣|長官|首相|大統領)$", phrase):
        return Subject(start, end, "title", phrase, phrase)
    if _ORG_END.search(phrase) or _proper(phrase):
        return Subject(start, end, "org", phrase)
    return None


def _role(title: str) -> str | None:
    """The role a title gives: "最高経営責任者(CEO)" is 最高経営責任者; "氏" is none."""
    role = re.sub(r"[(（].*?[)）]", "", title)
    return None if not role or role in _HONORIFIC else role


def title_after(text: str, pos: int) -> str | None:
    """The role written right after a name at `pos` ("社長", "経済産業相")."""
    m = _ROLE_AFTER.match(text, pos)
    return _role(m.group()) if m else None


def _proper(phrase: str) -> bool:
    """A company's own name: "NTT", "OpenAI", "トヨタ自動車" (it opens with a UniDic
    固有名詞 that is neither a person nor a place)."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]+", phrase):
        return True
    toks = tokens(phrase)
    return bool(toks) and toks[0].pos2 == "固有名詞" and toks[0].pos3 not in ("地名", "人名")


def _official_org(text: str, toks: tuple[Token, ...], j: int, k: int) -> Subject | None:
    """ "総務省の担当者は": the organisation the official speaks for."""
    phrase = text[toks[j].start : toks[k - 1].end]
    if not _OFFICIAL.search(phrase) or j < 2 or toks[j - 1].surface != "の":
        return None
    i = _noun_run(toks, j - 1)
    if i == j - 1:
        return None
    org = _classify(text, toks[i].start, toks[j - 2].end)
    return org if org is not None and org.kind in ("org", "same-org") else None


def subjects(text: str, start: int, end: int) -> list[Subject]:
    """Speaker phrases marked by は/が/も or "によると" in text[start:end], in order."""
    piece = text[start:end]
    toks = tokens(piece)
    out: list[Subject] = []
    for k, t in enumerate(toks):
        source = _SOURCE.match(piece, t.start)
        if not (t.pos1 == "助詞" and t.surface in _PARTICLES) and not source:
            continue
        if k > 0 and toks[k - 1].pos1 == "助詞":  # "では", "には": not a subject
            continue
        j = _noun_run(toks, k)
        if j == k:
            continue
        found = _official_org(piece, toks, j, k) or _classify(piece, toks[j].start, t.start)
        if found is not None:
            out.append(
                Subject(found.start + start, found.end + start, found.kind, found.name, found.role)
            )
    return out


Person = tuple[int, str, str | None]  # where, the full name, the role


class JaPeople:
    """The people and organisations of one Japanese article (its text, quotes masked).

    A paragraph is tokenised only when a reference needs it, and only one holding the
    words looked for ("孫" for 孫氏, "首相" for 首相は): most articles quote few people."""

    def __init__(self, text: str) -> None:
        self._lines = _lines(text)
        self._persons: dict[int, list[Person]] = {}
        self._orgs: dict[int, list[tuple[int, str]]] = {}

    def _people_in(self, i: int) -> list[Person]:
        if i not in self._persons:
            start, line = self._lines[i]
            self._persons[i] = [
                (start + n.start, n.name, title_after(line, n.end))
                for n in person_names(line)
                if not n.family
            ]
        return self._persons[i]

    def _orgs_in(self, i: int) -> list[tuple[int, str]]:
        if i not in self._orgs:
            start, line = self._lines[i]
            found = subjects(line, 0, len(line))
            self._orgs[i] = [(start + s.start, s.name) for s in found if s.kind == "org"]
        return self._orgs[i]

    def _back(self, pos: int, word: str = "") -> list[Person]:
        """People named before `pos`, nearest first, in paragraphs holding `word`."""
        out: list[Person] = []
        for i in range(len(self._lines) - 1, -1, -1):
            start, line = self._lines[i]
            if start < pos and word in line:
                out.extend(p for p in reversed(self._people_in(i)) if p[0] < pos)
        return out

    def resolve(self, s: Subject, history: History) -> Found | None:
        """The speaker a subject phrase means, from what came before it."""
        if s.kind == "person":
            return Found(s.name, s.role or self._role(s.name), True)
        if s.kind == "family":  # "孫氏": the person of that family name
            for _, name, role in self._back(s.start, s.name):
                if name.startswith(s.name):
                    return Found(name, s.role or role, True)
            return Found(s.name, s.role, True)
        if s.kind == "same-person":
            return history.last(s.start, persons=True) or self.last_person(s.start)
        if s.kind == "title":
            for _, name, role in self._back(s.start, s.name[-1]):
                if role and (role == s.name or role.endswith(s.name) or s.name.endswith(role)):
                    return Found(name, role, True)
            return Found(s.name, None, True)
        if s.kind == "same-org":
            return self._same_org(s)
        return Found(s.name, None, False)

    def _same_org(self, s: Subject) -> Found | None:
        """ "同社", "同省": the last organisation named with that ending."""
        suffix = s.role or ""
        for i in range(len(self._lines) - 1, -1, -1):
            for at, name in reversed(self._orgs_in(i)):
                if at < s.start and (name.endswith(suffix) or suffix in ("社", "グループ")):
                    return Found(name, None, False)
        return None

    def _role(self, name: str) -> str | None:
        for i, (_, line) in enumerate(self._lines):
            if name in line:
                role = next((r for _, n, r in self._people_in(i) if n == name and r), None)
                if role:
                    return role
        return None

    def last_person(self, pos: int) -> Found | None:
        people = self._back(pos)
        return Found(people[0][1], people[0][2], True) if people else None


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out
