"""One language's vocabulary of sovereign AI: a pattern per kind of evidence, the same
kinds as English (relevance_terms.py), so one scorer weighs every language.

Each kind is matched case-blind on the lowercased sentence, which Python's re scans
several times faster than with IGNORECASE, plus, where a word's case matters, a
case-sensitive part on the sentence as written: "IA" must stay upper-case in Portuguese,
where "ia" is a verb, "Estado" in Spanish, where "ha estado" is not the state, and
"Stato" in Italian, where "è stato" is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Sentence", "Vocabulary", "Words", "words"]

_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


class Sentence:
    """A sentence as written and lowercased (lowercased once, matched many times), with
    the countries its paragraph's scan found in it (`named`) and those acting in it."""

    __slots__ = ("acting", "low", "named", "text")

    def __init__(
        self, text: str, named: frozenset[str] = frozenset(), acting: frozenset[str] = frozenset()
    ) -> None:
        self.text = text
        self.low = text.lower()
        self.named = named
        self.acting = acting


@dataclass(frozen=True)
class Words:
    """A case-blind pattern (matched on the lowercased sentence) and an optional
    case-sensitive one (matched as written)."""

    low: re.Pattern[str] | None
    case: re.Pattern[str] | None = None

    def search(self, s: Sentence) -> bool:
        """Whether either part matches."""
        return bool(
            (self.low is not None and self.low.search(s.low))
            or (self.case is not None and self.case.search(s.text))
        )

    def finditer(self, s: Sentence) -> Iterator[str]:
        """The matched words (lowercased for the case-blind part)."""
        if self.low is not None:
            yield from (m.group(0) for m in self.low.finditer(s.low))
        if self.case is not None:
            yield from (m.group(0) for m in self.case.finditer(s.text))

    def fullmatch(self, word: str) -> bool:
        """Whether `word` (as matched) is wholly one of these words."""
        return bool(
            (self.low is not None and self.low.fullmatch(word.lower()))
            or (self.case is not None and self.case.fullmatch(word))
        )

    def count(self, s: Sentence) -> int:
        """How many times the words occur."""
        low = len(self.low.findall(s.low)) if self.low is not None else 0
        return low + (len(self.case.findall(s.text)) if self.case is not None else 0)


def words(pattern: str = "", *, case: str = "") -> Words:
    """Words from a case-blind alternation (written for lowercased text) and an optional
    case-sensitive one."""
    if _UPPER_ESCAPE.search(pattern):
        raise ValueError("uppercase escapes do not survive lowercasing")
    return Words(
        re.compile(pattern.lower()) if pattern else None,
        re.compile(case) if case else None,
    )


_NEVER = Words(None)


@dataclass(frozen=True)
class Vocabulary:
    """The evidence patterns of one language (see relevance_engine.py for the weights)."""

    ai: Words  # AI capability: models, compute, chips, data centres
    strong: Words  # says it outright: "IA souveraine", "ソブリンAI"
    public: Words  # a public actor or purpose
    build: Words  # something built, bought, funded or opened
    money: Words  # an amount
    funding: Words  # paying for something
    enforcement: Words  # fines, courts, privacy, deepfakes
    lawmaking: Words  # bills, rules, votes
    finance: Words  # company earnings vocabulary
    company: Words  # company deal-making: partners, customers, contracts
    deal: Words  # a takeover: buying or selling a company
    venture: Words  # a company's joint venture, alliance or product launch
    conditional: Words = _NEVER  # "stratégie IA": outright beside a public actor
    plans: Words = _NEVER  # a state programme, outright with AI: "France 2030"
    other_sector: Words = _NEVER  # rail, roads, fibre: not money for AI
    denies: Words = _NEVER  # "n'a rien à voir avec l'IA"
    chips: Words = _NEVER  # the bare chip words, which are AI only when chips are for AI
    non_ai_chips: Words = _NEVER  # chips for cars or the grid: "puces de puissance"
