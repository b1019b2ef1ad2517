"""What the ledger's unit tests share: a claim as the ledger would hold it."""

from __future__ import annotations

from bot.ledger.model import Claim, Known
from bot.ledger.programmes import normalise


def known(c: Claim, ident: int = 1) -> Known:
    """The claim as a stored announcement, its name words read from its label as the
    store reads them."""
    return Known(
        id=ident,
        country=c.country,
        kind=c.kind,
        key=c.key,
        value=c.value,
        unit=c.unit,
        usd=c.usd,
        first_reported=c.reported_at,
        last_reported=c.reported_at,
        story_id=c.story_id,
        urls=frozenset({c.url}),
        distinct=normalise(c.programme)[1] if c.key else frozenset(),
    )
