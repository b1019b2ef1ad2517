"""What an amount is, read from the words around it: a commitment, or something else.

A key figure is what the digest shows; not every one is a country's commitment. The
words next to it, in its own clause, say which it is not:

- an old amount: "from ¥1 trillion to ¥2 trillion", "up from ₩2.1 trillion", "on top of
  the €1.2 billion committed in 2025": the ledger has it already, or learns it as the
  earlier side of a revision, so only the new amount is claimed;
- a part of another: "₹10,372 crore, of which ₹4,564 crore for compute", "including
  R$5 billion for a supercomputer", "¥200 billion of the ¥1 trillion": inside a larger
  amount of the same sentence, it would count twice;
- a further tranche: "a further €500 million", "an additional ¥300 billion", "a second
  phase worth…": new money on top, a commitment of its own rather than a revision that
  replaces the programme's amount;
- not a commitment at all: a valuation, revenue, a market's size, a salary, a price, a
  fine, an economic forecast, or a comparison ("a fraction of the $500 billion the US
  spent").
"""

from __future__ import annotations

import re
from enum import Enum

__all__ = ["Role", "role_of"]


class Role(Enum):
    """What an amount is in its sentence."""

    COMMITMENT = "commitment"
    OLD = "old"
    PART = "part"
    TRANCHE = "tranche"
    OTHER = "other"  # a valuation, a market, revenue, a price, a comparison


def _cues(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Each language's words, before the amount (up to it, in its clause) and after it.
_OTHER_BEFORE = {
    "en": _cues(
        r"\b(?:valu(?:ed|ation)|market\s+(?:value|cap\w*)|market|revenues?|sales|turnover|"
        r"earnings|profits?|net\s+income|salar(?:y|ies)|wages?|pay\s+packages?|stipends?|"
        r"compensation|earns?|prices?|priced|pricing|subscriptions?|fees?|tariffs?|fined?|"
        r"penalt(?:y|ies)|damages|settlement|GDP|gross\s+domestic|economic\s+(?:value|impact|"
        r"output|boost)|economy\s+by|compared\s+(?:with|to)|by\s+comparison|in\s+comparison|"
        r"dwarf\w*|pales?|fraction\s+of|than\s+(?:the|what|its)|versus|vs\.?|trails?|"
        r"behind\s+the|funding\s+round|series\s+[a-f]\b|seed\s+round|losses?|debts?|could\s+add|"
        r"would\s+add|boost\s+(?:the\s+)?economy|exports?|imports?|shipments|(?:could|may|might|"
        r"expected\s+to|forecast\s+to|projected\s+to)\s+(?:reach|hit|top|exceed|be\s+worth)|"
        r"estimated\s+(?:at|to\s+be))\b"
    ),
    "fr": _cues(
        r"\b(?:valoris\w+|chiffre\s+d['’]affaires|march[ée]|salaires?|prix|amendes?|"
        r"comparé|contre|PIB|levée|bénéfices?)\b"
    ),
    "de": _cues(
        r"(?:bewert\w+|Umsatz|Markt\w*|Gehalt|Gehälter|Preis\w*|Strafe|verglichen|"
        r"\bBIP\b|Gewinn\w*|Finanzierungsrunde)"
    ),
    "ja": _cues(
        r"(?:時価総額|企業価値|売上|売り上げ|市場規模|市場|給与|年収|価格|罰金|GDP|比べ|に対し)"
    ),
}
_OTHER_AFTER = {
    "en": _cues(
        r"^\W{0,3}(?:[\w-]+\s){0,2}(?:market|valuation|in\s+(?:revenue|sales)|a\s+year\s+in)\b"
        r"|^(?:\s+[\w-]+){0,3}\s+to\s+(?:the\s+|its\s+)?(?:economy|GDP|output)\b"
        r"|^\s+in\s+(?:an?\s+|its\s+)?(?:new\s+|latest\s+)?(?:series\s+[a-f]\s+|seed\s+|"
        r"funding\s+|venture\s+)+round"
    ),
    "fr": _cues(r"^\s*(?:de\s+)?(?:chiffre|valorisation)"),
    "de": _cues(r"^\s*(?:Umsatz|Bewertung)"),
    "ja": _cues(r"^(?:の)?(?:市場|売上|時価総額)"),
}
_OLD_BEFORE = {
    "en": _cues(
        r"(?:\b(?:up|down|rising|risen|increased|raised|grew|jumped|doubled|lifted)\s+from|"
        r"\b(?:previously|initially|originally|earlier|formerly)|\bon\s+top\s+of|"
        r"\bin\s+addition\s+to|\bcompared\s+with|\breplacing|\b(?:an?|the)\s+(?:earlier|"
        r"previous|initial|original|prior)(?:\s+\w+){0,2}\s+of|\b(?:an?|the|its)\s+(?:earlier|"
        r"previous|initial|original|prior))(?:\s+(?:the|an?|its|their|"
        r"last\s+year['’]s))*\s*$"
    ),
    "fr": _cues(r"\b(?:contre|au\s+lieu\s+de|précédemment|initialement)\s*$"),
    "de": _cues(r"\b(?:statt|zuvor|bisher|bislang|ursprünglich)\s*$"),
    "ja": _cues(r"(?:従来の|当初の|前年の)$"),
}
_OLD_AFTER = {
    "en": _cues(
        r"^\s*(?:(?:already\s+)?(?:announced|pledged|committed|promised|approved|allocated)"
        r"\s+(?:earlier|previously|last|in\s+\d{4})|(?:earlier|previously)\b|a\s+year\s+earlier)"
    ),
    "ja": _cues(r"^から"),
}
_FROM = {
    "en": _cues(r"\bfrom\s+(?:the\s+|an?\s+|its\s+)?$"),
    "fr": _cues(r"\bde\s+$"),
    "de": _cues(r"\bvon\s+$"),
}
_DEAL = _cues(
    r"\b(?:contract|deal|order|agreement|programme|program|project|package|plan|"
    r"partnership|tender)\b[^,;]{0,30}\bvalued\s+at\s*$"
)
_PART_BEFORE = {
    "en": _cues(
        r"\b(?:of\s+which|including|includ(?:es|ed)|among\s+(?:them|which)|out\s+of\s+which|"
        r"comprising|with\s+(?:some|about|around)?)(?:\s+(?:some|about|around|nearly|almost|"
        r"roughly|up\s+to))?\s*$"
    ),
    "fr": _cues(r"\b(?:dont|y\s+compris|notamment)\s*$"),
    "de": _cues(r"\b(?:davon|darunter|einschließlich|inklusive)\s*$"),
    "ja": _cues(r"(?:うち|このうち)、?$"),
}
_PART_AFTER = {"en": _cues(r"^\s+(?:of|out\s+of)\s+(?:the|its|this|that)\s+\S*\d")}
_TRANCHE_BEFORE = {
    "en": _cues(
        r"(?:\b(?:an?|the)\s+(?:further|additional|extra|fresh)|\banother|\badditional|"
        r"\bsecond\s+(?:phase|tranche|round|stage)\b[^,;]{0,30}|\btop[- ]up\s+of|"
        r"\btranche\s+of)\s*$"
    ),
    "fr": _cues(r"\b(?:supplémentaires?|nouvelle\s+tranche\s+de)\s*$"),
    "de": _cues(r"\b(?:weitere|weiteren|zusätzliche|zusätzlichen)\s*$"),
    "ja": _cues(r"(?:追加で|追加の|さらに)$"),
}
_TRANCHE_AFTER = {"fr": _cues(r"^\s*(?:supplémentaires?|de\s+plus)\b")}
_CLAUSE_START = re.compile(r".*(?:[,;:(—–、。]|\s-\s)", re.DOTALL)
_CLAUSE_END = re.compile(r"[,;:)—–、。]|\s-\s")


def _around(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The amount's clause: the words before it since the last comma or semicolon (at most
    90 characters), and after it up to the next."""
    before = sentence[max(0, start - 90) : start]
    cut = _CLAUSE_START.match(before)
    if cut:
        before = before[cut.end() :]
    after = sentence[end : end + 60]
    stop = _CLAUSE_END.search(after)
    return before, after[: stop.start()] if stop else after


def _hit(table: dict[str, re.Pattern[str]], lang: str, text: str) -> bool:
    pattern = table.get(lang) or (table.get("en") if lang not in ("ja", "ko") else None)
    return bool(pattern and pattern.search(text))


def _other(before: str, after: str, lang: str) -> bool:
    """A valuation, revenue, market, price or comparison; "a contract valued at" is not."""
    if _hit(_OTHER_AFTER, lang, after):
        return True
    return _hit(_OTHER_BEFORE, lang, before) and not (lang == "en" and _DEAL.search(before))


def role_of(
    sentence: str, start: int, end: int, lang: str, *, others: int, larger: tuple[bool, bool]
) -> Role:
    """What the amount at sentence[start:end] is (`others`: how many more amounts of its
    kind the sentence states; `larger`: whether a larger one comes before, and after)."""
    before, after = _around(sentence, start, end)
    wide = sentence[max(0, start - 60) : start]  # "of which" may precede a comma
    if _hit(_OLD_BEFORE, lang, before) or _hit(_OLD_AFTER, lang, after):
        return Role.OLD
    if others and _hit(_FROM, lang, before):
        return Role.OLD  # "from ¥1 trillion to ¥2 trillion", "to ¥2 trillion from ¥1 trillion"
    part_before = larger[0] and _hit(_PART_BEFORE, lang, wide)
    if part_before or (larger[1] and _hit(_PART_AFTER, lang, after)):
        return Role.PART
    if _other(before, after, lang):
        return Role.OTHER
    if _hit(_TRANCHE_BEFORE, lang, before) or _hit(_TRANCHE_AFTER, lang, after):
        return Role.TRANCHE
    return Role.COMMITMENT
