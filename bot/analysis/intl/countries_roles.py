"""What role a country plays where it is mentioned, from one language's own word order.

The roles and their weights are English's (country_context.Role): a state acting counts
most, a company's home ("米オープンAI", "l'américain Nvidia", "der US-Konzern") and a
comparison or a neighbour ("comme l'Allemagne", "voisin de la France", "米国と比べ") count
little, a source ("selon Bercy", "総務省によると") counts as a plain mention. What differs
between languages is where the telling words sit: French, Spanish, Portuguese and Italian
put the company noun and the government noun *before* a demonym ("le géant américain",
"le gouvernement français"), German and English after it ("US-Konzern", "die
Bundesregierung will"), and Japanese and Korean mark the subject with a particle
(は/が, 은/는/이/가) and put the verb at the clause's end, so the act is looked for in the
rest of the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.country_context import Role

__all__ = ["NEVER", "Roles", "role"]

NEVER = re.compile(r"(?!)")
_HEADED = re.compile(r"^\s?[:–—|]\s")  # a round-up's "Japon : …" paragraph label


@dataclass(frozen=True)
class Roles:
    """One language's cues, each matched right after (`_after`, anchored) or right
    before (`_before`, searched at the end of the preceding text) a country word."""

    acts_after: re.Pattern[str]  # the country or its government does something
    says_after: re.Pattern[str]  # ... or only speaks
    subject_after: re.Pattern[str]  # the grammatical subject, no policy act
    passing_before: re.Pattern[str]  # a comparison, a neighbour, a funder, a visit
    passing_after: re.Pattern[str] = NEVER
    source_before: re.Pattern[str] = NEVER  # "selon", "laut", "según"
    source_after: re.Pattern[str] = NEVER  # "によると" later in the clause
    modifier_before: re.Pattern[str] = NEVER  # "le géant " before a demonym
    modifier_after: re.Pattern[str] = NEVER  # "-Konzern", "オープンAI" after a name
    named_after: re.Pattern[str] = NEVER  # "l'américain Nvidia": a demonym, then a name
    gov_before: re.Pattern[str] = NEVER  # "le gouvernement " before a demonym
    not_subject_before: re.Pattern[str] = NEVER  # a preposition: "de la France"
    acts_before: re.Pattern[str] = NEVER  # German inversion: "will die Bundesregierung"
    in_before: re.Pattern[str] = NEVER  # "En France, le gouvernement …"
    in_after: re.Pattern[str] = NEVER
    similar_after: re.Pattern[str] = NEVER  # "a approuvé un fonds similaire": a comparison
    seat_before: re.Pattern[str] = NEVER  # "gouvernement du " before a region: its state
    window: int = 120  # characters after the word a role is read from


def _before(pattern: re.Pattern[str], before: str) -> bool:
    return pattern is not NEVER and pattern.search(before) is not None


def _after(pattern: re.Pattern[str], after: str) -> bool:
    return pattern is not NEVER and pattern.match(after) is not None


def role(rules: Roles, text: str, start: int, end: int, first_in_paragraph: bool) -> Role:
    """The role of the country word at text[start:end] in its sentence."""
    before, after = text[max(0, start - 80) : start], text[end : end + rules.window]
    if _before(rules.passing_before, before) or _after(rules.passing_after, after):
        return Role.PASSING
    if _before(rules.source_before, before) or _after(rules.source_after, after):
        return Role.PLAIN
    governed = _before(rules.gov_before, before)
    demonym = text[start:end][:1].islower()
    if _before(rules.modifier_before, before) or _after(rules.modifier_after, after):
        return Role.MODIFIER
    if demonym and not governed and _after(rules.named_after, after):
        return Role.MODIFIER
    if first_in_paragraph and _HEADED.match(after):
        return Role.ACTOR
    if _before(rules.in_before, before) and _after(rules.in_after, after):
        return Role.ACTOR
    if _before(rules.not_subject_before, before) and not governed:
        return Role.PLAIN
    acts = _after(rules.acts_after, after) or _before(rules.acts_before, before)
    if (acts or _after(rules.subject_after, after)) and _after(rules.similar_after, after):
        return Role.PASSING  # "Frankreich hatte einen ähnlichen Plan vorgestellt"
    if acts:
        return Role.ACTOR
    if _after(rules.says_after, after):
        return Role.SPEAKS
    if _after(rules.subject_after, after):
        return Role.SUBJECT
    return Role.PLAIN
