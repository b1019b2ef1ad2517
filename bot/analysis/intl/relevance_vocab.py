"""One language's vocabulary of sovereign AI: a pattern per kind of evidence, the same
kinds as English (relevance_terms.py), so one scorer weighs every language.

Patterns are matched on the sentence as written, case-blind where the language module
says so: "IA" must stay upper-case in Portuguese, where "ia" is a verb, and "Estado" in
Spanish, where "ha estado" is not the state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Vocabulary", "words"]

_NEVER = re.compile(r"(?!)")


def words(pattern: str, *, case: bool = False) -> re.Pattern[str]:
    """A compiled alternation, case-blind unless `case`."""
    return re.compile(pattern, 0 if case else re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    """The evidence patterns of one language (see relevance_engine.py for the weights)."""

    ai: re.Pattern[str]  # AI capability: models, compute, chips, data centres
    strong: re.Pattern[str]  # says it outright: "IA souveraine", "ソブリンAI"
    public: re.Pattern[str]  # a public actor or purpose
    build: re.Pattern[str]  # something built, bought, funded or opened
    money: re.Pattern[str]  # an amount
    funding: re.Pattern[str]  # paying for something
    enforcement: re.Pattern[str]  # fines, courts, privacy, deepfakes
    lawmaking: re.Pattern[str]  # bills, rules, votes
    finance: re.Pattern[str]  # company earnings vocabulary
    company: re.Pattern[str]  # company deal-making: partners, customers, contracts
    deal: re.Pattern[str]  # a takeover: buying or selling a company
    venture: re.Pattern[str]  # a company's joint venture, alliance or product launch
    conditional: re.Pattern[str] = _NEVER  # "stratégie IA": outright beside a public actor
    plans: re.Pattern[str] = _NEVER  # a state programme, outright with AI: "France 2030"
    other_sector: re.Pattern[str] = _NEVER  # rail, roads, fibre: not money for AI
    denies: re.Pattern[str] = _NEVER  # "n'a rien à voir avec l'IA"
