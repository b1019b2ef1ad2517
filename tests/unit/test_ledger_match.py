"""The ledger's matching: same announcement, revision, conflict or a different programme.

Each case is a claim read from an invented article against what the ledger holds; the
programme names go through the same normalisation as real ones.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.ledger.match import decide, name_score, same_amount
from bot.ledger.model import Claim, Outcome
from bot.ledger.programmes import normalise
from tests.unit.ledger_helpers import known

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def claim(
    programme: str,
    value: float,
    unit: str = "JPY",
    *,
    days: float = 0,
    country: str = "JP",
    kind: str = "money",
    usd: float | None = None,
    story: int = 100,
    url: str = "https://paper.example/a",
) -> Claim:
    key, distinct = normalise(programme) if programme else ("", frozenset())
    return Claim(
        country=country,
        kind=kind,
        programme=programme or "AI funding",
        key=key,
        distinct=distinct,
        value=value,
        unit=unit,
        usd=usd,
        figure_text=f"{value:g} {unit}",
        reported_at=T0 + timedelta(days=days),
        story_id=story,
        url=url,
    )


def outcome(new: Claim, *held: Claim) -> Outcome:
    return decide(new, [known(h, i + 1) for i, h in enumerate(held)]).outcome


FIRST = claim("sovereign AI compute fund", 1e12, url="https://a.example/1")


@pytest.mark.parametrize(
    "other",
    [
        claim("Sovereign AI Compute Fund", 1e12, days=1, story=101, url="https://b.example/x"),
        claim("sovereign AI-compute fund", 1.0e12, days=20, story=150, url="https://c.example/y"),
        claim("sovereign artificial intelligence compute funds", 1e12, days=5, url="https://d/z"),
        claim("AI compute fund", 1e12, days=2, story=170, url="https://e.example/q"),
        claim("", 1e12, days=3, story=180, url="https://f.example/generic"),  # names nothing
        claim("sovereign AI compute fund", 6.7e9, "USD", usd=6.7e9, days=1, url="https://g/"),
    ],
)
def test_the_same_commitment_from_other_outlets_or_later_is_one_record(other: Claim) -> None:
    first = replace(FIRST, usd=6.72e9)
    assert outcome(other, first) is Outcome.SAME


def test_the_same_article_read_twice_is_the_same_record_whatever_its_figure() -> None:
    again = replace(FIRST, value=3e12)
    assert outcome(again, FIRST) is Outcome.SAME


@pytest.mark.parametrize(
    ("programme", "days"),
    [
        ("sovereign AI compute fund", 30),
        ("Sovereign AI Compute Fund", 200),
        ("sovereign AI compute funds", 9),
        ("national sovereign AI compute fund", 60),  # one more word, same programme
    ],
)
def test_a_later_different_amount_for_the_programme_is_a_revision(
    programme: str, days: int
) -> None:
    later = claim(programme, 2e12, days=days, story=300, url="https://h.example/later")
    assert outcome(later, FIRST) is Outcome.REVISION


@pytest.mark.parametrize("days", [0, 1, 2.5])
def test_two_outlets_disagreeing_at_the_same_time_conflict(days: float) -> None:
    other = claim("sovereign AI compute fund", 1.2e12, days=days, story=400, url="https://i/")
    assert outcome(other, FIRST) is Outcome.CONFLICT


def test_one_story_with_two_amounts_from_two_outlets_conflicts_even_unnamed() -> None:
    a = claim("", 5e9, "USD", usd=5e9, story=7, url="https://j.example/1")
    b = claim("", 5.5e9, "USD", usd=5.5e9, days=0.5, story=7, url="https://k.example/2")
    assert outcome(b, a) is Outcome.CONFLICT


@pytest.mark.parametrize(
    "other",
    [
        claim("ABCI 3.0 supercomputer", 2e12, days=40, story=500, url="https://l/"),  # head
        claim("AI startup fund", 2e12, days=40, story=501, url="https://m/"),  # other fund
        claim("sovereign AI compute fund", 2e12, days=40, country="KR", url="https://n/"),
        claim("sovereign AI compute fund", 2e12, days=40, kind="gpus", url="https://o/"),
        claim("", 2e12, days=40, story=502, url="https://p/"),  # a bare amount revises nothing
        claim("sovereign AI compute fund", 2e12, days=500, story=503, url="https://q/"),
    ],
)
def test_different_programmes_countries_or_kinds_are_new(other: Claim) -> None:
    assert outcome(other, FIRST) is Outcome.NEW


def test_distinctive_names_decide_between_machines() -> None:
    abci = claim("ABCI 3.0 supercomputer", 3e10, days=0, url="https://r/")
    fugaku = claim("Fugaku NEXT supercomputer", 3e10, days=60, story=600, url="https://s/")
    abci_later = claim("the ABCI supercomputer", 4e10, days=60, story=601, url="https://t/")
    assert outcome(fugaku, abci) is Outcome.NEW  # same amount, another machine
    assert outcome(abci_later, abci) is Outcome.REVISION
    assert name_score(fugaku, known(abci)) == 0.0
    abci_next = claim("ABCI 4.0 supercomputer", 5e10, days=90, story=602, url="https://t2/")
    assert outcome(abci_next, abci) is Outcome.NEW  # another version: another machine


def test_bare_amounts_repeat_only_within_a_month() -> None:
    a = claim("", 2e9, "USD", usd=2e9, url="https://u/")
    assert outcome(claim("", 2e9, "USD", usd=2e9, days=10, story=2, url="https://v/"), a) is (
        Outcome.SAME
    )
    assert outcome(claim("", 2e9, "USD", usd=2e9, days=90, story=3, url="https://w/"), a) is (
        Outcome.NEW
    )


def test_an_older_amount_learnt_late_is_earlier_not_a_revision() -> None:
    late = claim("sovereign AI compute fund", 5e11, days=-60, story=700, url="https://x/")
    assert outcome(late, FIRST) is Outcome.EARLIER


def test_same_amount_beats_a_revision_when_two_records_match() -> None:
    """After a conflict both amounts are current: a third outlet repeating one joins it."""
    other = claim("sovereign AI compute fund", 1.2e12, days=1, story=800, url="https://y/")
    third = claim("sovereign AI compute fund", 1.2e12, days=2, story=801, url="https://z/")
    decision = decide(third, [known(FIRST, 1), known(other, 2)])
    assert decision.outcome is Outcome.SAME
    assert decision.known is not None and decision.known.id == 2


def test_amounts_in_one_unit_or_converted() -> None:
    a = claim("x fund", 1e12, usd=6.7e9)
    assert same_amount(claim("x fund", 1.004e12), known(a))
    assert not same_amount(claim("x fund", 1.1e12), known(a))
    assert same_amount(claim("x fund", 6.9e9, "USD", usd=6.9e9), known(a))  # other rate
    assert not same_amount(claim("x fund", 8e9, "USD", usd=8e9), known(a))
    assert not same_amount(claim("x fund", 6.7e9, "USD"), known(replace(a, usd=None)))


@pytest.mark.parametrize(
    ("label", "plain"),
    [
        ("national AI computing centre budget", "national AI computing centre"),
        ("the ABCI 3.0 supercomputer investment", "ABCI 3.0 supercomputer"),
        ("its sovereign AI cluster funding", "sovereign AI cluster"),
    ],
)
def test_a_programmes_budget_is_the_programme(label: str, plain: str) -> None:
    """ "raised the centre's budget to ₩3 trillion" revises the centre's ₩2 trillion."""
    assert normalise(label) == normalise(plain)
    later = claim(label, 3e12, days=30, story=900, url="https://later.example/")
    assert outcome(later, claim(plain, 2e12)) is Outcome.REVISION
