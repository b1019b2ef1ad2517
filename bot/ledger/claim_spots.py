"""Where an article states each figure the ledger adds up: its sentence and offset.

The analyser gives figures as text; claims need them in place, to read the words next to
them. Figures come in text order, so each is looked for from where the one before it
was found (the same "¥1 trillion" may be stated twice), else anywhere, else in the
title. Only the kinds a ledger adds up are placed: money, GPUs (or accelerator chips
named as such), power (in MW) and compute (in exaflops).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.analysis.intl.text import sentences_in
from bot.analysis.sentences import paragraphs
from bot.models import Figure

__all__ = ["Spot", "spots_of", "units_of"]

_GPU_UNITS = frozenset({"GPU", "accelerator"})
_GPU_CHIPS = re.compile(r"\b(?:GPU|Nvidia|H100|H200|B200|GB200|Blackwell|Hopper|MI300|Gaudi)", re.I)
_MW = {"MW": 1.0, "GW": 1000.0, "kW": 0.001}
_FLOPS = {"EFLOPS": 1.0, "PFLOPS": 1e-3, "TFLOPS": 1e-6}
_QUOTE_OPENING = re.compile(r"(?<=[.!?])\s+(?=[«“„]\s?[A-ZÀ-Ý])")  # ". « Nous allons"


@dataclass(frozen=True)
class Spot:
    """A figure where the text states it: its sentence (-1: the title) and offset."""

    figure: Figure
    unit: int
    at: int
    kind: tuple[str, float, str]

    @property
    def end(self) -> int:
        return self.at + len(self.figure.text)


def _kind(figure: Figure) -> tuple[str, float, str] | None:
    """The ledger kind, value and unit of a figure, or None for a kind it does not add."""
    if figure.kind == "money":
        return "money", figure.value, figure.unit
    gpu = figure.unit in _GPU_UNITS or (figure.unit == "chip" and _GPU_CHIPS.search(figure.text))
    if figure.kind == "count" and gpu:
        return "gpus", figure.value, "GPU"
    if figure.kind == "capacity" and figure.unit in _MW:
        return "power", figure.value * _MW[figure.unit], "MW"
    if figure.kind == "capacity" and figure.unit in _FLOPS:
        return "compute", figure.value * _FLOPS[figure.unit], "EFLOPS"
    return None


def units_of(text: str, lang: str) -> list[str]:
    """The article's sentences, a French quote opening after a full stop starting one."""
    return [
        s
        for p in paragraphs(text)
        for piece in _QUOTE_OPENING.split(p)
        for s in sentences_in(lang, piece)
    ]


def spots_of(figures: Sequence[Figure], units: Sequence[str], title: str) -> list[Spot]:
    """Where each figure a ledger adds up is stated, read in text order (-1: only in the
    title)."""
    out: list[Spot] = []
    unit, offset = 0, 0
    for figure in figures:
        kind = _kind(figure)
        if kind is None or figure.value <= 0:
            continue
        found = _find(figure.text, units, unit, offset) or _find(figure.text, units, 0, 0)
        if found is None:
            out.append(Spot(figure, -1, max(title.find(figure.text), 0), kind))
            continue
        unit, at = found
        offset = at + len(figure.text)
        out.append(Spot(figure, unit, at, kind))
    return out


def _find(text: str, units: Sequence[str], unit: int, offset: int) -> tuple[int, int] | None:
    for i in range(unit, len(units)):
        at = units[i].find(text, offset if i == unit else 0)
        if at >= 0:
            return i, at
    return None
