"""Scoring the analyser against hand-annotated articles (`sovai eval GOLD.jsonl`).

The measures follow the evaluation set's README: quotes match when one text contains
the other or their words overlap by at least 0.6, a speaker counts on the surname and on
the whole name, figures match on kind, unit and value within 1%, countries as sets, and
relevance as yes/no per article. Matching is greedy and one-to-one, best pairs first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Scores", "score_articles"]

_QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』"
Item = Mapping[str, Any]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("…", "...").replace("–", "-").replace("—", "-")
    text = "".join(ch for ch in text if ch not in _QUOTE_MARKS)
    text = re.sub(r"[^\w\s.%$-]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .,")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", _norm(text)))


def _similarity(a: str, b: str) -> float:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0.0
    if na in nb or nb in na:
        return 1.0 if min(len(na), len(nb)) >= 0.5 * max(len(na), len(nb)) else 0.7
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb)


def _unit(unit: object) -> str:
    u = _norm(str(unit or ""))
    if u.endswith("ies"):
        return u[:-3] + "y"
    return u[:-1] if u.endswith("s") and not u.endswith("ss") and len(u) > 3 else u


def _quote_pair(gold: Item, pred: Item) -> float:
    s = _similarity(gold["text"], pred.get("text") or "")
    return s if s >= 0.6 else 0.0


def _figure_pair(gold: Item, pred: Item) -> float:
    if gold.get("kind") != pred.get("kind") or _unit(gold.get("unit")) != _unit(pred.get("unit")):
        return 0.0
    try:
        g, p = float(gold["value"]), float(pred["value"])
    except (KeyError, TypeError, ValueError):
        return 0.0
    if g == p or (g and abs(g - p) / abs(g) <= 0.01):
        return 1.0 + _similarity(gold["text"], pred.get("text") or "") / 10
    return 0.0


def _match(
    gold: Sequence[Item], pred: Sequence[Item], pair: Callable[[Item, Item], float]
) -> list[tuple[int, int]]:
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


def _surname(name: str | None) -> str:
    words = re.findall(r"\w+", _norm(name or ""))
    return words[-1] if words else ""


@dataclass
class Scores:
    """Counts over a run; the measures are properties."""

    articles: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, n: int | bool = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + int(n)

    def _prf(self, tp: str, pred: str, gold: str) -> tuple[float, float, float]:
        t, p, g = (self.counts.get(k, 0) for k in (tp, pred, gold))
        precision = t / p if p else 1.0
        recall = t / g if g else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def measures(self) -> dict[str, float]:
        """The same measures, in the same order, as the evaluation set's score.py."""
        matched = self.counts.get("q_tp", 0)
        qp, qr, qf = self._prf("q_tp", "q_pred", "q_gold")
        fp, fr, ff = self._prf("f_tp", "f_pred", "f_gold")
        cp, cr, cf = self._prf("c_tp", "c_pred", "c_gold")
        rp, rr, rf = self._prf("r_tp", "r_pred", "r_gold")
        return {
            "quote_p": qp,
            "quote_r": qr,
            "quote_f1": qf,
            "speaker_surname_acc": self.counts.get("spk_sur", 0) / matched if matched else 0.0,
            "speaker_full_acc": self.counts.get("spk_full", 0) / matched if matched else 0.0,
            "figure_p": fp,
            "figure_r": fr,
            "figure_f1": ff,
            "country_p": cp,
            "country_r": cr,
            "country_f1": cf,
            "relevance_acc": self.counts.get("r_ok", 0) / self.articles if self.articles else 0.0,
            "relevance_p": rp,
            "relevance_r": rr,
            "relevance_f1": rf,
        }


def score_articles(gold: Iterable[Item], predictions: Mapping[str, Item]) -> Scores:
    """Compare each gold article with the prediction of the same id."""
    scores = Scores()
    for g in gold:
        scores.articles += 1
        p = predictions.get(str(g["id"]), {})
        _score_one(scores, str(g["id"]), g, p)
    return scores


def _score_one(scores: Scores, gid: str, g: Item, p: Item) -> None:
    relevant = bool(p.get("relevant"))
    scores.add("r_ok", relevant == g["relevant"])
    scores.add("r_tp", relevant and g["relevant"])
    scores.add("r_pred", relevant)
    scores.add("r_gold", g["relevant"])
    gq, pq = g.get("quotes", []), p.get("quotes") or []
    pairs = _match(gq, pq, _quote_pair)
    scores.add("q_tp", len(pairs))
    scores.add("q_pred", len(pq))
    scores.add("q_gold", len(gq))
    for gi, pi in pairs:
        gs, ps = gq[gi].get("speaker"), pq[pi].get("speaker")
        if _surname(gs) == _surname(ps):
            scores.add("spk_sur")
            scores.add("spk_full", _norm(gs or "") == _norm(ps or ""))
        else:
            scores.misses.append(f"{gid}: speaker {ps!r} for {gq[gi]['text'][:50]!r}, gold {gs!r}")
    for gi in set(range(len(gq))) - {gi for gi, _ in pairs}:
        scores.misses.append(f"{gid}: quote missed {gq[gi]['text'][:60]!r}")
    gf, pf = g.get("figures", []), p.get("figures") or []
    fpairs = _match(gf, pf, _figure_pair)
    scores.add("f_tp", len(fpairs))
    scores.add("f_pred", len(pf))
    scores.add("f_gold", len(gf))
    for gi in set(range(len(gf))) - {gi for gi, _ in fpairs}:
        f = gf[gi]
        scores.misses.append(f"{gid}: figure missed {f['text']!r} ({f['value']} {f['unit']})")
    gc, pc = set(g.get("countries", [])), set(p.get("countries") or [])
    scores.add("c_tp", len(gc & pc))
    scores.add("c_pred", len(pc))
    scores.add("c_gold", len(gc))
    if gc != pc:
        scores.misses.append(f"{gid}: countries {sorted(pc)} gold {sorted(gc)}")
