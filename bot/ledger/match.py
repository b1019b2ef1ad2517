"""Is a claim an announcement the ledger already holds, a revision of one, or new?

Three outlets reporting one commitment must count once; a government raising its fund a
month later must show as a revision, not a second fund; two outlets disagreeing on the
day must show as a conflict rather than one silently winning. The evidence, in order:

- the country and the kind (money, GPUs, power, compute) must agree: candidates are only
  current records of both;
- the amount: the same value in the same unit (or the same USD within a few percent,
  when one outlet converted it) is the same commitment;
- the programme's name: its distinctive name words ("ABCI", "IndiaAI") must not
  contradict, and the normalised names must be close (rapidfuzz);
- the dates: two amounts for one programme within `CONFLICT_DAYS` of each other (or in
  one story) disagree; further apart, the later one revises the earlier.

A claim that names no programme ("$2bn for AI") can only repeat a record with the same
amount, and only within `GENERIC_DAYS`: a bare amount is too weak to revise anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from rapidfuzz import fuzz

from bot.ledger.model import Claim, Decision, Known, Outcome

__all__ = [
    "CONFLICT_DAYS",
    "GENERIC_DAYS",
    "LOOKBACK_DAYS",
    "NAME_MATCH",
    "SAME_USD",
    "SAME_VALUE",
    "decide",
    "name_score",
    "same_amount",
]

CONFLICT_DAYS = 3
GENERIC_DAYS = 30
LOOKBACK_DAYS = 400  # a programme revised after more than a year is told as new
NAME_MATCH = 82.0
SAME_VALUE = 0.01  # rounding in the same unit: "¥1.0 trillion" and "¥1 trillion"
SAME_USD = 0.04  # two outlets' conversions at different rates


def same_amount(claim: Claim, known: Known) -> bool:
    """Whether two figures state one amount (in one unit, or converted to USD)."""
    if claim.unit == known.unit:
        top = max(abs(claim.value), abs(known.value)) or 1.0
        return abs(claim.value - known.value) <= SAME_VALUE * top
    if claim.usd and known.usd:
        return abs(claim.usd - known.usd) <= SAME_USD * max(claim.usd, known.usd)
    return False


def name_score(claim: Claim, known: Known, *, loose: bool = False) -> float:
    """0–100: how surely two programme names name one programme (0 if either is generic).

    Distinctive name words decide when both have some: one side's all among the other's
    ("ABCI" and "ABCI 3.0") make one programme whatever else differs; otherwise ("Fugaku"
    vs "ABCI", "ABCI 3.0" vs "ABCI 4.0") two. Otherwise
    the whole normalised names are compared, order-insensitive, and the head noun
    (fund, supercomputer, mission) must be the same. `loose` lets one name be a part of
    the other ("AI compute fund" of "sovereign AI compute fund"): enough when the amounts
    agree, too little to call a new amount a revision.
    """
    if claim.generic or known.generic:
        return 0.0
    if claim.distinct and known.distinct:
        # "ABCI" of "ABCI 3.0" is one machine; "ABCI 3.0" and "ABCI 4.0" are two
        one, other = claim.distinct, known.distinct
        return 100.0 if one <= other or other <= one else 0.0
    if claim.key.rsplit(" ", 1)[-1] != known.key.rsplit(" ", 1)[-1]:
        return 0.0
    ratio = fuzz.token_set_ratio if loose else fuzz.token_sort_ratio
    return float(ratio(claim.key, known.key))


def _days(claim: Claim, known: Known) -> float:
    return abs((claim.reported_at - known.first_reported) / timedelta(days=1))


def _verdict(claim: Claim, known: Known) -> tuple[int, float, Outcome] | None:
    """This candidate's outcome for the claim, with its rank (lower is better)."""
    if claim.url in known.urls:
        return (0, 100.0, Outcome.SAME)  # the same article read again
    same_story = known.story_id is not None and known.story_id == claim.story_id
    score = name_score(claim, known)
    if same_amount(claim, known):
        if name_score(claim, known, loose=True) >= NAME_MATCH or same_story:
            return (1, score, Outcome.SAME)
        if (claim.generic or known.generic) and _days(claim, known) <= GENERIC_DAYS:
            return (2, score, Outcome.SAME)
        return None
    if same_story and ((claim.generic and known.generic) or score >= NAME_MATCH):
        return (3, score, Outcome.CONFLICT)  # one story, outlets disagreeing
    if score < NAME_MATCH or _days(claim, known) > LOOKBACK_DAYS:
        return None
    if _days(claim, known) <= CONFLICT_DAYS:
        return (3, score, Outcome.CONFLICT)
    if claim.reported_at < known.first_reported:
        return (4, score, Outcome.EARLIER)
    return (3, score, Outcome.REVISION)


def decide(claim: Claim, candidates: Iterable[Known]) -> Decision:
    """The claim's outcome against the current records of its country and kind."""
    best: tuple[int, float, Outcome, Known] | None = None
    for known in candidates:
        if known.country != claim.country or known.kind != claim.kind:
            continue
        verdict = _verdict(claim, known)
        if verdict is None:
            continue
        rank, score, outcome = verdict
        if best is None or (rank, -score) < (best[0], -best[1]):
            best = (rank, score, outcome, known)
    if best is None:
        return Decision(Outcome.NEW)
    return Decision(best[2], best[3])
