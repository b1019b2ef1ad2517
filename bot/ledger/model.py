"""The ledger's plain data: what one article claims, and what the ledger already holds.

A `Claim` is one commitment as one article states it ("Japan will spend ¥2 trillion on
the ABCI 4 supercomputer"); the ledger folds claims into announcements: the same claim
from another outlet adds a source, a new amount later is a revision, two amounts at the
same time are a conflict. `Known` is what matching needs of a stored announcement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

__all__ = ["KINDS", "Claim", "Decision", "Known", "Outcome"]

# What an announcement commits, each with the unit its totals add up in.
KINDS = {"money": "USD", "gpus": "GPU", "power": "MW", "compute": "EFLOPS"}


@dataclass(frozen=True)
class Claim:
    """One commitment read from one article (its figure, its programme, who acts)."""

    country: str
    kind: str  # a key of KINDS
    programme: str  # as shown: "ABCI 3.0 supercomputer"; a generic label when none is named
    key: str  # `programme` normalised for matching; "" when no programme was named
    value: float  # in `unit`: the currency's own units, GPUs, MW or EFLOPS
    unit: str
    figure_text: str  # the figure as the article wrote it: "¥1 trillion"
    reported_at: datetime
    story_id: int
    url: str
    usd: float | None = None
    rate_date: str | None = None
    actor: str | None = None
    quote_text: str | None = None
    quote_speaker: str | None = None
    source: str | None = None
    title: str | None = None
    distinct: frozenset[str] = frozenset()  # the programme's own name words: "abci", "3.0"

    @property
    def generic(self) -> bool:
        return not self.key


@dataclass(frozen=True)
class Known:
    """A stored announcement, as matching sees it (only current records are offered)."""

    id: int
    country: str
    kind: str
    key: str
    value: float
    unit: str
    usd: float | None
    first_reported: datetime
    last_reported: datetime
    story_id: int | None
    urls: frozenset[str] = frozenset()
    distinct: frozenset[str] = frozenset()

    @property
    def generic(self) -> bool:
        return not self.key


class Outcome(Enum):
    """What a claim does to the ledger."""

    NEW = "new"  # a commitment not recorded before
    SAME = "same"  # one already recorded: another source for it
    REVISION = "revision"  # a later, different amount for a recorded programme
    CONFLICT = "conflict"  # a different amount reported at the same time: both kept
    EARLIER = "earlier"  # an older amount, learnt late: recorded as revised by the known one


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    known: Known | None = None  # the record the claim joins, revises or contradicts
