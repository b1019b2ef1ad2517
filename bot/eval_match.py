"""The evaluation set's matching rules (score.py's), apart from the counting.

Texts are compared after NFKC, lower case and without quote marks; a quote pair scores
its similarity when at least 0.6, a figure pair scores when kind, unit and value (within
1%) agree. `match` pairs greedily, best first, one to one, as score.py does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["Item", "figure_pair", "match", "norm", "quote_pair", "similarity", "surname", "unit"]

Item = Mapping[str, Any]
_QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』"


def norm(text: str) -> str:
    """Text as score.py compares it: NFKC, lower case, no quote marks or stray signs."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("…", "...").replace("–", "-").replace("—", "-")
    text = "".join(ch for ch in text if ch not in _QUOTE_MARKS)
    text = re.sub(r"[^\w\s.%$-]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .,")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", norm(text)))


def similarity(a: str, b: str) -> float:
    """1.0 when one text holds the other (0.7 if under half its length), else word overlap."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return 0.0
    if na in nb or nb in na:
        return 1.0 if min(len(na), len(nb)) >= 0.5 * max(len(na), len(nb)) else 0.7
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb)


def unit(raw: object) -> str:
    """A unit without its plural ("GPUs" and "GPU", "companies" and "company")."""
    u = norm(str(raw or ""))
    if u.endswith("ies"):
        return u[:-3] + "y"
    return u[:-1] if u.endswith("s") and not u.endswith("ss") and len(u) > 3 else u


def quote_pair(gold: Item, pred: Item) -> float:
    """How well a predicted quote matches a gold one; 0 below the 0.6 threshold."""
    s = similarity(gold["text"], pred.get("text") or "")
    return s if s >= 0.6 else 0.0


def figure_pair(gold: Item, pred: Item) -> float:
    """Above 1 when kind, unit and value (within 1%) agree; text similarity breaks ties."""
    if gold.get("kind") != pred.get("kind") or unit(gold.get("unit")) != unit(pred.get("unit")):
        return 0.0
    try:
        g, p = float(gold["value"]), float(pred["value"])
    except (KeyError, TypeError, ValueError):
        return 0.0
    if g == p or (g and abs(g - p) / abs(g) <= 0.01):
        return 1.0 + similarity(gold["text"], pred.get("text") or "") / 10
    return 0.0


def match(
    gold: Sequence[Item], pred: Sequence[Item], pair: Callable[[Item, Item], float]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index), best score first."""
    scored = sorted(
        ((pair(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in scored:
        if score > 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def surname(name: str | None) -> str:
    """The last word of a name, as score.py takes it ("" for none)."""
    words = re.findall(r"\w+", norm(name or ""))
    return words[-1] if words else ""
