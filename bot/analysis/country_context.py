"""What role a country plays where it is mentioned: actor, modifier or passing reference.

The words around a mention say whether an article is about the country. "Kenya's
ministry approved…" or "In Peru, the government…" make the country the actor of its
sentence; "US chipmaker Nvidia" only says where a company is from; "like France and
Germany have done", "co-funded by the EU" or "a visit by the French president" name a
country in passing, to compare with, to credit or as a guest.
"""

from __future__ import annotations

import re
from enum import Enum

__all__ = ["Role", "role"]


class Role(Enum):
    """How a mention bears on what the article is about."""

    ACTOR = "actor"  # its government or the country itself does something
    SUBJECT = "subject"  # the grammatical subject, without a policy act
    SPEAKS = "speaks"  # its government says something ("the Kenyan government said")
    FUNDER = "funder"  # pays half or more ("half of the cost co-financed by the EU")
    PLAIN = "plain"
    MODIFIER = "modifier"  # where a company or product is from
    PASSING = "passing"  # a comparison, a funder or partner, a visitor


# "US chipmaker Nvidia", "Canada's Brookfield", "US-made GPUs": the country only says
# where a company or a thing is from; the article is about the thing.
_MODIFIES = re.compile(
    r"^(?:'s|’s)?[\s-]+(?:(?!(?:Minister|Ministry|President|Prime|Government|Cabinet|"
    r"Parliament|National|Digital|Union|Chancellor|King|Crown|State|Federal|IT|Department|"
    r"Agency|Office|Council|Senate|Congress)\b)[A-Z][\w&.-]*|(?:chip|tech|AI|software|cloud|"
    r"internet|telecoms?)[\s-]*(?:maker|makers|giant|giants|firm|firms|company|companies|"
    r"group|start-?ups?)?|chipmakers?|companies|company|firms?|giants?|groups?|start-?ups?|"
    r"rivals?|champions?|heavyweights?|hyperscalers?|investors?|suppliers?|vendors?|"
    r"providers?|technology|technologies|chips?|semiconductors?|hardware|GPUs?|processors?|"
    r"servers?|equipment|based|imported|made|built|designed|developed|supplied|sourced|"
    r"funded|backed|financed|headquartered|listed|owned)\b"
)
# "India approved…", "Japan should build…": the country is the subject.
_SUBJECT = re.compile(
    r"^\s+(?:is|are|has|have|had|was|were|will|would|should|could|can|may|must|plans?|aims?|"
    r"wants?|seeks?|hopes?|intends?|says|needs|launches|unveils|approves|announces|"
    r"[a-z]+ed)\b"
)

_VERB = (
    r"(?:(?:said|says|told\s\w+)\s(?:that\s)?(?:it|they)\s"
    r"(?:would|will|had|has|plans\sto|is\sto|intends\sto)\s|"
    r"announced|announces|approved|approves|launched|launches|unveiled|"
    r"unveils|plans?|planned|allocated|allocates|committed|commits|earmarked|pledged|pledges|"
    r"set aside|sets aside|signed|signs|passed|adopted|introduced|released|opened|opens|"
    r"builds?|built|building|funds?|funded|invests?|invested|investing|spends?|spent|backs|"
    r"backed|aims|wants|seeks|intends|proposed|proposes|awarded|selected|ordered|bought|buys|"
    r"procured|deployed|developed|develops|published|expanded|granted|offered|rolled out|"
    r"set up|established|created|started|began|agreed|decided|chose|picked|"
    r"launching|unveiling|approving|announcing|fined|fines|banned|bans|blocked|ruled|cleared|"
    r"suspended|(?:is|are) (?:to|building|spending|funding|investing|planning|developing|"
    r"launching|preparing|reviewing|investigating|probing|examining))\b"
)
_WILL = r"(?:will|plans\sto|is\sto|are\sto|aims\sto|intends\sto|wants\sto|is\sset\sto)"
_AUX = r"(?:(?:has|have|had|will|would|is|was|also|recently|now|on\s\w+|last\s\w+|this\s\w+)\s)"
_GOV_NOUN = (
    r"(?i:government|ministry|ministries|minister|ministers|cabinet|parliament|legislature|"
    r"lawmakers|regulators?|officials|authorities|administration|president|prime\sminister|"
    r"premier|chancellor|treasury|department|agency|commissioner|commission|council|authority|"
    r"ombudsman|watchdog|tribunal)"
)


# "Kenya's ICT ministry approved", "the Kenyan government will", "Malaysian ministers
# unveiled": the government acts. "The Kenyan government said" only speaks: it weighs as a
# subject but is not an act of its own.
def _government(verbs: str) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:'s|’s)?\s(?:(?!with\s|but\s|(?:and|or)\s(?:the\s|[A-Z]))[\w&-]+\s){{0,4}}?"
        rf"{_GOV_NOUN}(?:\s[A-Z][\w.-]*){{0,3}}(?:,[^,.]{{1,50}},)?\s{_AUX}{{0,2}}{verbs}"
    )


_SAYS = r"(?:said|says|told|confirmed|stated|added|noted)\b"
_GOV_ACTS = _government(_VERB)
_GOV_SAYS = _government(_SAYS)
# "New Zealand's Privacy Commissioner", "the Emirates' Artificial Intelligence and Advanced
# Technology Council", "Kenya's Office of the Data Protection Commissioner": a state body
# by its capitalised name, which acts, speaks or is named, but does not say where a
# company is from.
_STATE_TITLE = (
    r"(?:Commissioner|Commission|Council|Authority|Agency|Ombudsman|Regulator|Ministry|"
    r"Minister|Department|Office|Treasury|Parliament|Senate|Assembly|Court|Tribunal|"
    r"Directorate|Bureau|Secretariat|Administration|Inspectorate|Cabinet|Government)\b"
)
_NAME_WORD = r"(?:[A-Z][\w&.-]*|and|of|for|on|the|&)"
_STATE_BODY = (
    rf"^(?:'s|’s)\s(?:the\s)?(?:{_NAME_WORD},?\s){{0,8}}?{_STATE_TITLE}"
    rf"(?:,?\s{_NAME_WORD}(?=[\s,]))*"
)
_BODY_NAMED = re.compile(_STATE_BODY)
_BODY_ACTS = re.compile(rf"{_STATE_BODY}(?:,[^,.]{{1,50}},)?\s{_AUX}{{0,2}}{_VERB}")
_BODY_SAYS = re.compile(rf"{_STATE_BODY}(?:,[^,.]{{1,50}},)?\s{_AUX}{{0,2}}{_SAYS}")
# (?i): a title's "Japan Unveils…" acts too.
_POLICY_ACTS = re.compile(rf"^\s(?i:{_AUX}{{0,2}}{_VERB}|{_WILL}\s(?!be\b)[a-z]+)")
# "In Peru, the government…", "Elsewhere in Poland, the digital ministry…".
_IN_BEFORE = re.compile(r"(?:^|[.;:!?]\s+)(?:[A-Z]\w+,?\s+)?[Ii]n\s$")
_IN_AFTER = re.compile(rf"^,\s(?:the\s)?(?:[\w&-]+\s){{0,3}}?{_GOV_NOUN}")
# A round-up's "Japan: …" or "Brazil — …" paragraph.
_HEADED = re.compile(r"^\s?[:–—|]\s")
# Words naming one more country or organisation in a list: "the United States and ",
# "the World Bank and the ", "Japan's ".
_ITEM = r"[A-Z][\w.-]*(?:\s(?:of\s)?[A-Z][\w.-]*)*"
_LISTED = (
    rf"(?:(?:the\s)?{_ITEM}(?:,\s|,?\s(?:and|or)\s|(?:'s|’s)\s))*"
    r"(?:the\s|a\s|an\s)?(?:(?:most|many|other|all|several|some|fellow)\s){0,2}$"
)
_COMPARE = (
    r"like|unlike|than|similar\sto|such\sas|as\sin|as\sdid|(?:do|did|does|done|doing|just)\sas|the\slikes\sof|compared\s(?:with|to)|"
    r"comparable\sto|modell?ed\son|inspired\sby|draw(?:s|ing)?\son|drew\son|models?\sfrom|"
    r"lessons\sfrom|examples?\s(?:from|of|set\sby)|rivals?|rivall?ing|racing|race\s(?:with|against)|"
    r"compet(?:e|es|ing)\swith|competition\s(?:with|from)|catch(?:ing)?\sup\s(?:with|to)|"
    r"keep(?:ing)?\space\swith|ahead\sof|(?:lag\w*|fall\w*|fell|far|trail\w*)\sbehind|"
    r"outside(?:\sof)?|versus|vs\.?|"
    r"follow(?:s|ed|ing)?\sthe\slead\sof"
)
_CREDIT = (
    r"(?:co-?)?(?:funded|financed|backed|sponsored|supported|bankrolled)\sby|"
    r"(?:support|funding|financing|grants?|loans?|assistance|aid|money|backing|help|"
    r"technology|chips|hardware|expertise)\sfrom|in\spartnership\swith|partnered\swith|"
    r"with\sthe\s(?:help|support|backing|assistance)\sof"
)
_VISIT = (
    r"visit(?:ing|ed\sby|\sby|\sfrom)?|trip\sby|delegations?\s(?:from|of)|hosted|hosting|"
    r"welcomed|welcoming|counterparts?\sfrom|envoys?\sfrom"
)
# "the data come from China", "answers from a Chinese perspective": where data or a
# view originates, not who acts
_ORIGIN = (
    r"(?:data|corpora|corpus|content|text|texts|material|samples?|sources?)\s(?:\w+\s){0,5}?"
    r"(?:comes?|came|is|are|was|were|mostly|largely|mainly|originat\w+|sourced|drawn)\s(?:\w+\s)?from|"
    r"from\san?"
)
_VIEWPOINT_AFTER = re.compile(
    r"^\s(?:perspective|point\sof\sview|viewpoint|standpoint|lens|angle)\b"
)
_PASSING_BEFORE = re.compile(rf"\b(?i:{_COMPARE}|{_CREDIT}|{_VISIT}|{_ORIGIN})\s{_LISTED}")
_PASSING_AFTER = re.compile(
    r"^(?:'s|’s)?\s(?:(?:[A-Z][\w.-]*|(?:prime\s)?minister|president|leader|king|premier|"
    r"chancellor|foreign|trade)(?:'s|’s)?\s){0,4}?(?i:state\s)?(?i:visit|trip|tour|delegation|"
    r"ambassador|envoy|embassy|consul|consulate|high\scommissioner)\b"
)
# "lagged behind most EU countries", "against an EU average of 64 percent": the country
# or bloc is the yardstick, not the story.
_BENCHMARK_AFTER = re.compile(r"^(?:'s|’s)?[\s-]+(?:wide\s)?(?:average|median|mean|norm)\b")
# "with half of the cost co-financed by the EU", "60 percent of it paid for by Japan": a
# funder that pays a main part of the project is a party to it, not a credit line.
_MAJOR_SHARE_BEFORE = re.compile(
    r"\b(half|the\s(?:bulk|majority)|most|two[- ]thirds|three[- ]quarters|"
    r"(\d{2,3})(?:\.\d+)?\s?(?:percent|per\scent|%))\sof\s(?:the\s|its\s|it\s)?"
    r"(?:[\w-]+\s){0,3}?(?:is\s|was\s|will\sbe\s|being\s)?(?:co-?)?"
    r"(?:funded|financed|paid(?:\sfor)?|covered|met|borne|provided)\sby\s(?:the\s)?$"
)
# "the World Bank and the EU financed…": a co-funder named after a partner.
_CO_FUNDER_BEFORE = re.compile(r"\s(?:and|or)\s(?:the\s)?$")
_CO_FUNDER_AFTER = re.compile(
    r"^\s(?:have\s|has\s|will\s)?(?:co-?)?(?:financed|funded|sponsored|bankrolled|provided)\b"
)
# "Japan approved a similar fund last year": a comparison told as an act.
_SIMILAR = re.compile(r"^[^.;!?]{0,120}?\b(?:similar|comparable|likewise|mirroring|echoing)\b")
_NOT_A_SUBJECT = re.compile(r"\b(?:and|or|with|by|from|of|than|like|to|for)\s(?:the\s)?$")


def role(text: str, start: int, end: int, first_in_paragraph: bool = False) -> Role:
    """The role of the country word at text[start:end] in its sentence."""
    before, after = text[max(0, start - 70) : start], text[end : end + 120]
    if after[:1] in "'’" and text[end - 1 : end] == "s" and after[1:2] == " ":
        after = "'s" + after[1:]  # "the Philippines' ministry": a plural's possessive
    if text[start:end].isupper() and _shouted(after):
        after = after.lower()  # "NORWAY TO BUILD …": capitals say nothing of the words
    if _major_funder(before):
        return Role.FUNDER
    if _BENCHMARK_AFTER.match(after):
        return Role.PASSING
    viewed = not before.endswith(("from a ", "from an ")) or _VIEWPOINT_AFTER.match(after)
    if (_PASSING_BEFORE.search(before) or _PASSING_AFTER.match(after)) and viewed:
        return Role.PASSING
    if _CO_FUNDER_AFTER.match(after) and _CO_FUNDER_BEFORE.search(before):
        return Role.PASSING
    if _SIMILAR.match(after) and (_SUBJECT.match(after) or _POLICY_ACTS.match(after)):
        return Role.PASSING  # "Colombia approved a similar fund": a comparison
    if _acts(before, after, first_in_paragraph):
        return Role.ACTOR
    if _GOV_SAYS.match(after) or _BODY_SAYS.match(after):
        return Role.SPEAKS
    if _MODIFIES.match(after) and not _BODY_NAMED.match(after):
        return Role.MODIFIER
    if _SUBJECT.match(after):
        return Role.SUBJECT
    return Role.PLAIN


def _major_funder(before: str) -> bool:
    """Whether the words before name the country as paying half or more of the cost."""
    match = _MAJOR_SHARE_BEFORE.search(before)
    return match is not None and (match.group(2) is None or int(match.group(2)) >= 50)


def _shouted(text: str) -> bool:
    letters = [c for c in text[:40] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _acts(before: str, after: str, first_in_paragraph: bool) -> bool:
    """Whether the country (or its government) does something in this sentence."""
    if first_in_paragraph and _HEADED.match(after):
        return True
    if _IN_BEFORE.search(before) and _IN_AFTER.match(after):
        return True
    if _NOT_A_SUBJECT.search(before):
        return False
    return bool(_GOV_ACTS.match(after) or _BODY_ACTS.match(after) or _POLICY_ACTS.match(after))
