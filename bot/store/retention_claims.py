"""A ledger claim as JSON and back, for the claims a pruned article's text made.

Exact both ways (a rebuild after a prune must fold the same claims into the same
announcements): the time as ISO 8601 with its offset, the name words as a sorted list.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from bot.ledger.model import Claim

__all__ = ["claim_from_json", "claim_to_json"]

_FIELDS = frozenset(f.name for f in fields(Claim))


def claim_to_json(claim: Claim) -> dict[str, Any]:
    data = asdict(claim)
    data["reported_at"] = claim.reported_at.isoformat()
    data["distinct"] = sorted(claim.distinct)
    return data


def claim_from_json(data: dict[str, Any]) -> Claim:
    """The claim `claim_to_json` wrote; keys a later version no longer has are ignored."""
    values = {k: v for k, v in data.items() if k in _FIELDS}
    values["reported_at"] = datetime.fromisoformat(values["reported_at"])
    values["distinct"] = frozenset(values.get("distinct") or ())
    return Claim(**values)
