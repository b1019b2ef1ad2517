"""A programme phrase as the readers find it, in any language: its label and key.

The readers (phrases_en.py, phrases_intl.py) find phrases; programmes.py chooses which
one an amount pays for. Both sides share these two records.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Phrase", "Programme", "generic"]

_GENERIC = {
    "money": "AI funding",
    "gpus": "GPUs",
    "power": "data-centre power",
    "compute": "computing power",
}


@dataclass(frozen=True)
class Programme:
    """A programme as written, its matching key, and its distinctive name words."""

    label: str
    key: str
    distinct: frozenset[str]

    @property
    def bare(self) -> bool:
        """Only a head noun ("the fund", "the mission"): which one, the article said
        elsewhere."""
        return bool(self.key) and " " not in self.key and not self.distinct


@dataclass(frozen=True)
class Phrase:
    """A programme phrase found in a sentence: where it is and where its head noun starts."""

    start: int
    end: int
    head: int
    programme: Programme


def generic(kind: str) -> Programme:
    """The label of an amount that names no programme."""
    return Programme(_GENERIC.get(kind, "announcement"), "", frozenset())
