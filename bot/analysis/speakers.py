"""From the words that introduce a quote to a speaker: a person, an organisation, or None.

The attribution clause names the speaker in one of a few ways: a name ("Huang",
"minister @DewiLestari"), a pronoun ("he"), a role ("the minister"), a
statement ("the statement added"), a government ("the Kenyan government") or an
organisation ("Nvidia", "the ministry"). Each resolves to what the article has already
said about it, so a quote is credited to "Jensen Huang" or "Government of Kenya"
rather than to "he" or "the government".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from bot.analysis.gazetteer import COUNTRIES
from bot.analysis.gender import pronoun_gender
from bot.analysis.lexicon import (
    AUX_WORDS,
    FUNCTION_WORDS,
    GENERIC_ACRONYMS,
    ROLE_NOUNS,
    TITLES,
    VERB_RE,
    words,
)
from bot.analysis.people import People, Resolved
from bot.analysis.spokespeople import (
    ORG_LIST,
    PRESS_REF,
    spoken_for,
    spokesperson_for,
    spokesperson_leading,
    spokesperson_subjects,
)

__all__ = ["Speakers"]

Found = tuple[str | None, bool]  # (speaker, is a person); None: not a speaker phrase

_SEPARATORS = re.compile(r"[,;“”\"«»()\[\]—–:|~]+|\s-\s")
_PRONOUN = re.compile(r"(?:^|\s)(?:he|she|him|her)$", re.IGNORECASE)  # "according to him"
_IT = re.compile(r"(?:^|\s)(?:it|they)$", re.IGNORECASE)
_STATEMENT = re.compile(r"\bstatement\b", re.IGNORECASE)
_GOVERNMENT = re.compile(
    r"(?:\b(?P<adj>[A-Z][\w-]+)(?:’s|'s)?\s+)?\b[Gg]overnment\b(?:\s+of\s+(?P<of>[A-Z][\w-]+))?"
)
_DETERMINER = r"(?:the|a|an|its|his|her|their|[A-Z][\w-]*’s|[A-Z][\w-]*'s)"
_ROLE_REF = re.compile(
    r"\b" + _DETERMINER + r"\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>" + ROLE_NOUNS + r")$",
    re.IGNORECASE,
)
# the organisation a spokesperson speaks for: "a spokesperson for Orange"
_SPOKESPEOPLE = words("spokesperson spokesman spokeswoman official representative")
_ORG_TAIL = re.compile(
    r"(?:\s(?:AI|Labs?|Group|Technolog(?:y|ies)|Systems|Holdings|Networks?|Cloud|Telecom|"
    r"Telekom|Bank|Capital|Ventures|Partners|Energy|Robotics|Computing|Semiconductors?|"
    r"Electronics|Motors|Mobile|Digital|Data|Intelligence|Research|Association|Foundation|"
    r"Institute|Council|Forum|Alliance|Federation|Society|Agency|Authority|Corporation|"
    r"Company|Fund|Union|Chamber|Board|Trust|Consortium|Industries|Organi[sz]ation|"
    r"Cent(?:er|re)|Laborator(?:y|ies)|Commission|Committee|Exchange|Airlines|Airways|"
    r"Markets?|Stores|Foods|Retail|Media|Insurance|Pharma|Health|Steel|Power|Mining|"
    r"Logistics|Studios|Software|Solutions|Services|Works|Brands|Motors))+"
)
_ORG_NOUNS = (
    "ministry|department|company|firm|group|agency|commission|bank|start-?up|organi[sz]ation|"
    "council|authority|office|regulator|fund|operator|club|university|institute|chipmaker|"
    "developer|provider|giant|maker|guild|union|association|federation|foundation|alliance|"
    "consortium|committee|chamber"
)
_ORG_REF = re.compile(
    r"\b" + _DETERMINER + r"\s+(?:[\w’'-]+\s+){0,2}?(?P<noun>" + _ORG_NOUNS + r")$",
    re.IGNORECASE,
)
# "According to the ATRC's Technology Innovation Institute, …" opening a sentence
_ACCORDING_ORG = re.compile(
    r"(?:^|(?<=[.!?”\n]\s)|(?<=\n))According to (?:the )?(?:[A-Za-z][\w&.-]*(?:’s|'s) )?"
    r"(?P<org>[A-Z][\w&.-]*(?: (?:of |for |and |on |the )*[A-Z][\w&.-]*)+),"
)
_OPENERS = words(
    "National Federal State Royal Central Public International General Supreme Regional "
    "Provincial Municipal Presidential Metropolitan Independent Joint"
)
_OWNED = re.compile(
    r"(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w-]*(?:’s|'s)\s+(?:press\s+)?"
    r"(?:office|secretariat|cabinet|administration|team|campaign|party)$"
)
_CAPS_RUN = re.compile(r"[A-Z][\w&’'.-]*(?:\s(?:(?:of|for|and|on|the)\s)*[A-Z][\w&’'.-]*)*")
_THE = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands", "Philippines"}
_MAX_WORDS = 8
# "the minister has previously described as": the words between a subject and its verb
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:" + "|".join(sorted(AUX_WORDS)) + r"|not|never|often|"
    r"(?!(?:assembly|family|supply|monopoly|rally|ally|anomaly)\b)[a-z]+ly))+$"
)
# "In March", "Minister", "the JV": not an organisation's name
_WEAK = FUNCTION_WORDS | TITLES | GENERIC_ACRONYMS


@cache
def _country_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """Country names and demonyms, each mapped to the country's display name."""
    display: dict[str, str] = {}
    for names, demonyms, _ in COUNTRIES.values():
        for word in names + demonyms:
            display.setdefault(word, names[0])
    words = sorted(display, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"), display


def _government_of(country: str) -> str:
    return f"Government of {'the ' if country in _THE else ''}{country}"


class Speakers:
    """Speaker resolution for one article (`text` with quotes masked)."""

    def __init__(self, text: str, people: People, sentence_start: Callable[[int], int]) -> None:
        self._text = text
        self._people = people
        self._sentence_start = sentence_start
        self._main_country: str | None = ""  # computed on first use
        self._spokes = spokesperson_subjects(text)
        self._named: dict[str, list[re.Match[str]]] = {}  # institution names by noun

    def main_country(self) -> str | None:
        """The country the article names most: whose government "the government" is."""
        if self._main_country == "":
            pattern, display = _country_words()
            counts = Counter(display[m.group()] for m in pattern.finditer(self._text))
            self._main_country = counts.most_common(1)[0][0] if counts else None
        return self._main_country

    def government(self, segment: str) -> str | None:
        match = _GOVERNMENT.search(segment)
        if not match:
            return None
        _, display = _country_words()
        for word in (match.group("of"), match.group("adj")):
            if word and word in display:
                return _government_of(display[word])
        main = self.main_country()
        return _government_of(main) if main else "the government"

    def statement(self, pos: int) -> Found:
        """Who issued the statement last mentioned before `pos`."""
        last = None
        for match in _STATEMENT.finditer(self._text, 0, pos):
            last = match
        if last is None:
            return None, False
        start = self._sentence_start(last.start())
        sentence = self._text[start : last.end() + 120].split(". ")[0]
        government = self.government(sentence)
        if government:
            return government, False
        verb = VERB_RE.search(sentence)  # "The ministry said in a statement that …"
        if verb and "statement" not in sentence[: verb.start()]:
            found = self.from_span(start, start + verb.start())
            if found is not None:
                return found
        mentions = self._people.mentions_in(start, start + len(sentence))
        return (self._org_name(mentions[0]), mentions[0].is_person) if mentions else (None, False)

    def from_span(self, start: int, end: int, prefer_last: bool = True) -> Found | None:
        """The speaker named in text[start:end], or None when it names no speaker."""
        subject = spokesperson_leading(self._text[start:end])  # "A spokesperson for X, a …"
        if subject:
            return self._named_org(subject, start) or subject, False
        segments = []
        for part in _SEPARATORS.split(self._text[start:end]):
            if part.strip():
                offset = self._text.index(part, start)
                segments.append((offset, offset + len(part)))
                start = offset + len(part)
        first = segments[0] if segments else None  # in text order
        if prefer_last:
            segments.reverse()
        segments = segments[:3]
        # A person acting in the clause beats an organisation in an appositive ("Ana
        # Ruiz, CEO of Orion Telecom, said"), but not one merely named in it ("after
        # talks with Prime Minister Tanaka, the company said"). A span that is only the
        # speaker's name (after "said", a dash, "according to") needs no verb.
        if prefer_last and first is not None and len(segments) > 1:  # "Jo Li, GM, Metro, said"
            head = self._name_heading(first)
            if head is not None:
                return head, True
        # names inside a person's appositive ("Ana Ruiz, CTO, Lagos Compute Hub") are
        # their role, not a second speaker
        roles = " ".join(
            r.mention.role or "" for a, b in segments for r in self._mentions(a, b, False)
        )
        for a, b in segments:
            for r in self._mentions(a, b, prefer_last):
                acting = r.mention.subject or r.mention.speaks or not prefer_last
                inside = re.search(rf"\b{re.escape(r.mention.name)}\b", roles) is not None
                if r.is_person and acting and not inside:
                    return r.name, True
        for a, b in segments:
            found = self._segment(a, b, prefer_last)
            if found is not None:
                return found
        return None

    def _name_heading(self, segment: tuple[int, int]) -> str | None:
        """A clause "Jane Doe, GM, Coastal Metro Authority, said": a full name alone before
        its appositives is the speaker, whatever words of titles the lexicon lacks."""
        a, b = segment
        mentions = self._people.mentions_in(a, b)
        if len(mentions) != 1 or self._text[a:b].strip() != mentions[0].mention.name:
            return None
        r = mentions[0]
        if r.mention.organisation or r.mention.possessive or len(r.name.split()) < 2:
            return None
        return r.name

    def _mentions(self, start: int, end: int, prefer_last: bool) -> list[Resolved]:
        mentions = [
            r
            for r in self._people.mentions_in(start, end)
            if not (r.mention.possessive or r.mention.governed)
        ]
        return mentions[::-1] if prefer_last else mentions

    def _segment(self, start: int, end: int, prefer_last: bool) -> Found | None:
        seg = _TRAILING_AUX.sub("", self._text[start:end].strip())
        if not seg or len(seg.split()) > _MAX_WORDS + 4:
            return None
        pronoun = _PRONOUN.search(seg)
        if pronoun:  # the person in focus, or a spokesperson acting since
            at, person = self._people.focus(start, pronoun_gender(pronoun.group()))
            spokes = [s for s in self._spokes if at < s.at < start]
            return (spokes[-1].org, False) if spokes else (person, True)
        if _IT.search(seg):  # "it said": the organisation that spoke or acted last
            spoke = self._reported_org(start) or self._people.last_speaker(start, persons=False)
            return spoke or self._organisation("company", start), False
        government = self.government(seg)
        if government:
            return government, False
        if _STATEMENT.search(seg):  # "a statement from Nvidia", else the last statement
            named = self._people.mentions_in(start, end)
            return (
                (self._org_name(named[0]), named[0].is_person) if named else self.statement(start)
            )
        for_org = spokesperson_for(seg)  # "a spokesperson for the Ministry of …"
        if for_org:
            return for_org, False
        if PRESS_REF.search(seg):  # "the press service said"
            press = self._spoken_for(end)
            return (press, False) if press else None
        role = _ROLE_REF.search(seg)
        if role:
            noun = role.group("noun").lower()
            qualifiers = role.group()[: role.start("noun") - role.start()].split()[1:]
            person = self._people.with_role(noun, start, qualifiers)
            if person:
                return person, True
            spoken = self._spokesperson(qualifiers, start, end) if noun in _SPOKESPEOPLE else None
            return (spoken or _lower_first(role.group())), False
        org = _ORG_REF.search(seg)
        if org:
            owned = _OWNED.search(seg)  # "President Amon Karimov’s office" is that office
            if owned and owned.end() == org.end():
                return owned.group(), False
            found = self._organisation(org.group("noun"), start)
            titled = org.group()[4:] if org.group()[:4] in ("the ", "The ") else ""
            if not found and titled[:1].isupper():  # "the National Compute Agency" itself
                return titled, False
            return found or _lower_first(org.group()), False
        mentions = self._mentions(start, end, prefer_last)
        if mentions:
            return self._org_name(mentions[0]), mentions[0].is_person
        for run in _CAPS_RUN.finditer(seg):
            strong = [w for w in run.group().split() if w.lower() not in _WEAK]
            if strong and len(seg.split()) <= _MAX_WORDS:
                name = run.group().strip()
                full = self._people.full_name(name, start)  # "Costa" of "Aurelia Costa"
                if full != name and self._people.is_person(full):
                    return full, True
                return (name[4:] if name.startswith("The ") else name), False
        return None

    def _reported_org(self, pos: int) -> str | None:
        """The organisation a sentence just before the quote reported as its source
        ("According to the ATRC's Technology Innovation Institute, the foundation will
        …"), which a following “…,” it said continues, rather than whoever was quoted
        before that sentence."""
        window = max(0, pos - 600)
        found = None
        for match in _ACCORDING_ORG.finditer(self._text, window, pos):
            found = match
        if found is None or self._text.count("“", found.end(), pos) > 1:
            return None
        return found.group("org")

    def _organisation(self, noun: str, pos: int) -> str | None:
        """What "the ministry" or "the company" names: the institution last named with
        that word ("Ministry of Communication and Informatics"), or for a company the
        organisation last acting in the text."""
        noun = noun.lower()
        if noun in _INSTITUTIONS:
            found = self._institution_before(noun.capitalize(), pos)
            if found:
                return found[4:] if found.startswith("The ") else found
            return None
        acted = None  # the organisation that acted last ("Orion said …"), else named last
        for r in self._people.mentions_before(pos):
            if self._acting_organisation(r):
                if r.mention.subject or r.mention.organisation:
                    return self._org_name(r)
                acted = acted or r
        return self._org_name(acted) if acted else None

    def _institution_before(self, noun: str, pos: int) -> str | None:
        """The last institution named with `noun` before `pos`, from one scan of the text
        per noun: a name running on past `pos` is read again up to it."""
        if noun not in self._named:
            self._named[noun] = list(_institution(noun).finditer(self._text))
        named = self._named[noun]
        k = bisect.bisect_right(named, pos, key=lambda m: m.end())
        found = named[k - 1].group().strip() if k else None
        if k < len(named) and named[k].start() < pos:  # cut short at `pos`
            for match in _institution(noun).finditer(self._text, named[k].start(), pos):
                found = match.group().strip()
        return found

    def _org_name(self, r: Resolved) -> str:
        """An organisation's name with the words that finish it ("Mistral AI")."""
        if r.is_person:
            return r.name
        whole = self._whole_name(r.mention.start, r.mention.end)
        if whole:
            return whole
        # "Samsung said" after "Samsung Electronics announced": the name in full
        full = re.search(r"\b" + re.escape(r.name) + _ORG_TAIL.pattern, self._text)
        if full is None:
            return r.name
        return self._whole_name(full.start(), full.end()) or full.group()

    def _whole_name(self, start: int, end: int) -> str | None:
        """The organisation's name a mention is the tail of: "Firms" in "the Mexican
        Association of Technology Firms", whose first words are a demonym and an
        organisation word that the name finder does not count as a name."""
        head = _NAME_HEAD.search(self._text, max(0, start - 120), start)
        if head is None:
            return None
        # "the National Compute Agency": adjectives that open names of state bodies
        opened = all(w in _OPENERS for w in head.group().split())
        if not _ORG_TAIL.search(head.group()) and not (
            opened and _ORG_TAIL.search(" " + self._text[start:end])
        ):
            return None
        whole = self._text[head.start() : end]
        return whole[4:] if whole.startswith("The ") else whole

    def _acting_organisation(self, r: Resolved) -> bool:
        """An organisation's own mention, not one after a preposition ("chips from
        Nvidia") nor a lone capitalised word opening a sentence ("Computing time …")."""
        if r.is_person or r.mention.governed or r.mention.possessive:
            return False
        name = r.mention.name
        named = " " in name or (len(name) > 1 and name.isupper()) or self._org_name(r) != name
        return r.mention.subject or r.mention.organisation or named

    def _spokesperson(self, qualifiers: list[str], start: int, end: int) -> str | None:
        """Whom "a Treasury spokesman", "a company spokesman" or "the spokeswoman"
        speaks for: the organisation named with it, else of its kind, else the last."""
        kind = next((q.lower() for q in qualifiers if q.lower() in _ORG_QUALIFIERS), None)
        found = self._named_org(spoken_for(self._text, end), start)
        if not found and kind:
            found = self._organisation(kind, start)
        return found or self._last_organisation(start)

    def _spoken_for(self, pos: int) -> str | None:
        """The organisation a spokesperson or press office speaks for: the one named
        with a spokesperson before, else the organisation last named."""
        return self._named_org(spoken_for(self._text, pos), pos) or self._last_organisation(pos)

    def _named_org(self, org: str | None, pos: int) -> str | None:
        """`org` as a name: "ministry" (from "the press service of the ministry") is the
        ministry last named, "government" the article's government."""
        if org is None:
            return None
        if not org.islower():
            # "a Commission spokesperson" after "the European Commission": its full name
            if " " not in org and org.lower() in _INSTITUTIONS:
                return self._organisation(org.lower(), pos) or org
            return org
        if org == "government":
            return self.government("government")
        return self._organisation(org, pos)

    def _last_organisation(self, pos: int) -> str | None:
        """The institution or organisation named last before `pos`."""
        best: tuple[int, str] | None = None
        for match in _ANY_INSTITUTION.finditer(self._text, 0, pos):
            best = (match.start(), match.group().strip())
        for r in reversed(self._people.mentions_in(0, pos)):
            if self._acting_organisation(r):
                if best is None or r.mention.start > best[0]:
                    best = (r.mention.start, self._org_name(r))
                break
        if best is None:
            return None
        return best[1][4:] if best[1].startswith("The ") else best[1]


def _lower_first(phrase: str) -> str:
    """ "The minister" at the start of a sentence is still "the minister"."""
    return phrase[0].lower() + phrase[1:] if phrase[:4] in ("The ", "A ", "An ") else phrase


_INSTITUTIONS = words(
    "ministry department commission agency council authority office regulator bank fund "
    "university institute club guild union association federation foundation alliance "
    "consortium committee chamber"
)
_ORG_QUALIFIERS = _INSTITUTIONS | words("company firm group chain operator startup")
_ANY_INSTITUTION = re.compile(
    r"\b(?:Ministry|Department|Commission|Agency|Council|Authority|Office|Bureau|Board)\b"
    r"(?:\s(?:of|for|on)\s(?:the\s)?" + ORG_LIST + r")?"
)


_CAPS = r"[A-Z][\w&’'-]*"
# "the European Commission on Tuesday": a day or month ends the name
_WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
# the capitalised words right before a name, joined by "of", "for", "and" or "&"
_NAME_HEAD = re.compile(r"(?<![\w’'-])(?:[A-Z][\w&’'-]*\s(?:(?:of|for|and|&|on)\s)?)+$")


@cache
def _institution(noun: str) -> re.Pattern[str]:
    """A capitalised institution's name around `noun`: "the Ministry of Finance", and
    one whose portfolio is a list: "Ministry of Information, Communications and the
    Digital Economy" (the list must close with "and" to be part of the name)."""
    words = rf"(?:(?:\s(?:of|for|and|on|the))*\s(?!{_WHEN}){_CAPS})*"
    listed = rf"(?:(?:,\s{_CAPS}(?:\s{_CAPS})*)+,?\s(?:and|&)\s(?:the\s)?{_CAPS}(?:\s{_CAPS})*)?"
    return re.compile(rf"(?:{_CAPS}\s(?:(?:and|of|for|&)\s)?)*" + noun + words + listed)
