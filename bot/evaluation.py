"""Scoring the analyser against hand-annotated articles (`sovai eval GOLD.jsonl`).

The measures follow the evaluation set's README: quotes match when one text contains
the other or their words overlap by at least 0.6, a speaker counts on the surname and on
the whole name, figures match on kind, unit and value within 1%, countries as sets, and
relevance as yes/no per article. Matching is greedy and one-to-one, best pairs first
(`bot/eval_match.py`). The maths must stay identical to the evaluation set's `score.py`
(tests/unit/test_evaluation.py runs both on the same invented rows).

Misses are kept as `Miss(kind, article, item)`, one of `MISS_KINDS`, so `sovai eval
--misses` can group them: error analysis is reading one section ("speaker wrong"), not
a shuffled list. Classifying a miss never changes a count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from bot.eval_match import Item, figure_pair, match, norm, quote_pair, similarity, surname, unit

__all__ = ["MISS_KINDS", "Miss", "Scores", "score_articles", "select_lang"]

MISS_KINDS = (
    "speaker missing",
    "speaker wrong",
    "quote missed",
    "quote extra",
    "country extra",
    "country missing",
    "figure missed",
    "figure wrong value",
    "figure extra",
    "relevance false positive",
    "relevance false negative",
)
_NEAR_CHARS = 30  # a predicted figure this close to a gold one in the text reads it wrongly


@dataclass(frozen=True)
class Miss:
    """One thing the analyser got wrong: `kind` is one of MISS_KINDS, `item` says what."""

    kind: str
    article: str
    item: str


@dataclass
class Scores:
    """Counts over a run; the measures are properties."""

    articles: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    found: list[Miss] = field(default_factory=list)

    def add(self, key: str, n: int | bool = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + int(n)

    def miss(self, kind: str, article: str, item: str) -> None:
        assert kind in MISS_KINDS, kind
        self.found.append(Miss(kind, article, item))

    @property
    def misses(self) -> list[str]:
        """Every miss as one line, in the order found (`article: kind: item`)."""
        return [f"{m.article}: {m.kind}: {m.item}" for m in self.found]

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


def select_lang(gold: Iterable[Item], lang: str | None) -> list[Item]:
    """score.py's `--lang`: `other` is every language but English; no `lang` means English."""
    rows = list(gold)
    if lang is None:
        return rows
    if lang == "other":
        return [g for g in rows if g.get("lang", "en") != "en"]
    return [g for g in rows if g.get("lang", "en") == lang]


def score_articles(gold: Iterable[Item], predictions: Mapping[str, Item]) -> Scores:
    """Compare each gold article with the prediction of the same id."""
    scores = Scores()
    for g in gold:
        scores.articles += 1
        gid = str(g["id"])
        p = predictions.get(gid, {})
        _score_relevance(scores, gid, g, p)
        _score_quotes(scores, gid, g, p)
        _score_figures(scores, gid, g, p)
        _score_countries(scores, gid, g, p)
    return scores


def _score_relevance(scores: Scores, gid: str, g: Item, p: Item) -> None:
    relevant = bool(p.get("relevant"))
    scores.add("r_ok", relevant == g["relevant"])
    scores.add("r_tp", relevant and g["relevant"])
    scores.add("r_pred", relevant)
    scores.add("r_gold", g["relevant"])
    if relevant != bool(g["relevant"]):
        score = p.get("relevance")
        shown = f"{score:.2f}" if isinstance(score, int | float) else "none"
        kind = "relevance false positive" if relevant else "relevance false negative"
        scores.miss(kind, gid, f"predicted relevance {shown} for {_clip(g.get('title'), 70)}")


def _score_quotes(scores: Scores, gid: str, g: Item, p: Item) -> None:
    gq, pq = g.get("quotes", []), p.get("quotes") or []
    pairs = match(gq, pq, quote_pair)
    scores.add("q_tp", len(pairs))
    scores.add("q_pred", len(pq))
    scores.add("q_gold", len(gq))
    for gi, pi in pairs:
        gs, ps = gq[gi].get("speaker"), pq[pi].get("speaker")
        same_surname = surname(gs) == surname(ps)
        same_name = norm(gs or "") == norm(ps or "")
        if same_surname:
            scores.add("spk_sur")
            scores.add("spk_full", same_name)
        if not same_name:
            _speaker_miss(scores, gid, gq[gi], ps, same_surname)
    for gi in sorted(set(range(len(gq))) - {gi for gi, _ in pairs}):
        q = gq[gi]
        scores.miss("quote missed", gid, f"{_clip(q['text'], 60)} (gold {q.get('speaker')!r})")
    for pi in sorted(set(range(len(pq))) - {pi for _, pi in pairs}):
        q = pq[pi]
        scores.miss("quote extra", gid, f"{_clip(q.get('text'), 60)} ({q.get('speaker')!r})")


def _speaker_miss(scores: Scores, gid: str, gold: Item, ps: str | None, kin: bool) -> None:
    gs, quote = gold.get("speaker"), _clip(gold["text"], 50)
    if not (ps or "").strip():
        scores.miss("speaker missing", gid, f"gold {gs!r} for {quote}")
    else:
        how = "surname matches" if kin else "surname differs"
        scores.miss("speaker wrong", gid, f"{ps!r}, gold {gs!r} ({how}) for {quote}")


def _score_figures(scores: Scores, gid: str, g: Item, p: Item) -> None:
    gf, pf = g.get("figures", []), p.get("figures") or []
    pairs = match(gf, pf, figure_pair)
    scores.add("f_tp", len(pairs))
    scores.add("f_pred", len(pf))
    scores.add("f_gold", len(gf))
    left_g = [gf[i] for i in sorted(set(range(len(gf))) - {gi for gi, _ in pairs})]
    left_p = [pf[i] for i in sorted(set(range(len(pf))) - {pi for _, pi in pairs})]
    wrong = match(left_g, left_p, _near_figure(str(g.get("text") or "")))
    for gi, pi in sorted(wrong):
        shown = f"{_figure(left_g[gi])}, predicted {_figure(left_p[pi])}"
        scores.miss("figure wrong value", gid, shown)
    for gi in sorted(set(range(len(left_g))) - {gi for gi, _ in wrong}):
        scores.miss("figure missed", gid, _figure(left_g[gi]))
    for pi in sorted(set(range(len(left_p))) - {pi for _, pi in wrong}):
        scores.miss("figure extra", gid, _figure(left_p[pi]))


def _near_figure(article: str) -> Callable[[Item, Item], float]:
    """Pairs an unmatched gold figure with the prediction that misread it: the same
    words read with another kind or unit, or the same kind and unit read from words
    next to the gold ones (another value). Anything else is a miss plus an extra."""

    def pair(gold: Item, pred: Item) -> float:
        gt, pt = str(gold.get("text") or ""), str(pred.get("text") or "")
        ng, np_ = norm(gt), norm(pt)
        if ng and np_ and (ng in np_ or np_ in ng):
            return 2.0
        same = gold.get("kind") == pred.get("kind") and unit(gold.get("unit")) == unit(
            pred.get("unit")
        )
        if same and (similarity(gt, pt) >= 0.5 or _close(article, gt, pt)):
            return 1.0 + similarity(gt, pt) / 10
        return 0.0

    return pair


def _close(article: str, a: str, b: str) -> bool:
    """Whether some occurrence of `a` and some of `b` in the article overlap or nearly."""
    spans_a, spans_b = _spans(article, a), _spans(article, b)
    return any(
        sa - _NEAR_CHARS <= eb and sb - _NEAR_CHARS <= ea
        for sa, ea in spans_a
        for sb, eb in spans_b
    )


def _spans(text: str, part: str) -> list[tuple[int, int]]:
    if not part:
        return []
    return [(m.start(), m.start() + len(part)) for m in re.finditer(re.escape(part), text)]


def _figure(f: Item) -> str:
    return f"{_clip(f.get('text'), 40)} = {f.get('value')} {f.get('unit')} ({f.get('kind')})"


def _clip(text: object, size: int) -> str:
    return repr(str(text or "")[:size])


def _score_countries(scores: Scores, gid: str, g: Item, p: Item) -> None:
    gc, pc = set(g.get("countries", [])), set(p.get("countries") or [])
    scores.add("c_tp", len(gc & pc))
    scores.add("c_pred", len(pc))
    scores.add("c_gold", len(gc))
    for code in sorted(pc - gc):
        scores.miss("country extra", gid, f"{code} (gold {sorted(gc)})")
    for code in sorted(gc - pc):
        scores.miss("country missing", gid, f"{code} (predicted {sorted(pc)})")
