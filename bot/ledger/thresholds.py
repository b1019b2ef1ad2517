"""Alert thresholds as people type them: "money>=1bn", "gpus >= 10k", "power>=500mw".

Pure parsing, so both platforms and the tests read a threshold the same way; anything
unreadable gets a message that shows the expected form rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["THRESHOLD_HELP", "Threshold", "parse_threshold"]

THRESHOLD_HELP = (
    "Use a kind, >= and an amount: money>=1bn (USD), gpus>=10000, power>=500mw, compute>=1 "
    "(exaflops), then any countries: /ai-alert add money>=500m JP KR"
)
_KINDS = {
    "money": "money", "usd": "money", "$": "money", "gpu": "gpus", "gpus": "gpus",
    "power": "power", "mw": "power", "capacity": "power", "compute": "compute",
    "eflops": "compute", "exaflops": "compute",
}  # fmt: skip
_SCALE = {
    "": 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9,
    "bn": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12, "mw": 1.0,
    "gw": 1e3, "eflops": 1.0, "exaflops": 1.0, "gpus": 1.0, "gpu": 1.0,
}  # fmt: skip
_COUNTING = frozenset({"", "k", "thousand", "m", "mn", "million"})
_UNITS = {
    "money": _COUNTING | {"b", "bn", "billion", "t", "tn", "trillion"},
    "gpus": _COUNTING | {"gpu", "gpus"},
    "power": frozenset({"", "mw", "gw"}),
    "compute": frozenset({"", "eflops", "exaflops"}),
}
_FORM = re.compile(
    r"(?P<kind>[a-z$]+)\s*(?:>=|≥|>|=)\s*\$?\s*(?P<num>\d[\d,_]{0,20}(?:\.\d{1,6})?)\s*"
    r"(?P<scale>[a-z]{0,9})(?![\w.])",
    re.IGNORECASE,
)
MAX_VALUE = 1e16


@dataclass(frozen=True)
class Threshold:
    kind: str  # money (USD), gpus, power (MW) or compute (exaflops)
    value: float
    rest: str  # what followed the threshold (the countries)


def parse_threshold(text: str) -> Threshold | str:
    """The threshold at the start of `text`, or a message saying what is wrong."""
    match = _FORM.match(text.strip())
    if match is None:
        return THRESHOLD_HELP
    kind = _KINDS.get(match["kind"].lower())
    if kind is None:
        return f"Unknown kind {match['kind'][:20]!r}. {THRESHOLD_HELP}"
    units = match["scale"].lower()
    if units not in _UNITS[kind]:
        return f"Unknown amount {match[0][:40]!r}. {THRESHOLD_HELP}"
    value = float(match["num"].replace(",", "").replace("_", "")) * _SCALE[units]
    if not 0 < value < MAX_VALUE:
        return f"The amount must be above 0 and below 10 quadrillion. {THRESHOLD_HELP}"
    return Threshold(kind, value, text.strip()[match.end() :].strip())
