"""The analyser on held-out articles, scored like `sovai eval`, so regressions show.

`heldout.jsonl` holds 24 invented articles in wire, tech and regional-press style from
countries the dev set does not cover (18 on sovereign AI, 6 negatives), annotated by hand
after the evaluation set's README; `heldout_fresh.jsonl` holds 20 more, written after the
first round of rules to estimate generalisation again. Both were written for this project,
and the rules were then improved on them, so the floors sit a little below what the
analyser reaches: they catch regressions, they do not measure generalisation.

`heldout_wire.jsonl` holds 30 more (20 on sovereign AI, 10 confusable negatives: AI laws
and fines, deepfakes, corporate AI deals, chip exports, data centres on the grid) from 34
countries, in wire, regional-press, press-release, blog, round-up and hard-wrapped feed
style, annotated before the analyser was first run on them. Its floors are what the
analyser reached on that first run, less about 0.05; while no rule is tuned on it, the
first run's measures are the estimate of generalisation.

`heldout_round3.jsonl` holds 30 more (20 on sovereign AI, 10 confusable negatives: an AI
bill, an ethics charter, deepfake election rules, e-ID, fibre, a private data-centre takeover,
a bank's AI savings, a power-chip subsidy, mobile money, a teachers' survey) from 31
countries, with Q&A interviews, analysis pieces quoting several experts, press releases,
budget tables in prose, crore/lakh and local currencies, ranges and fractions. It was
written and annotated without reading the rules or the other fixtures, before the analyser
was first run on it; its floors are that first run less about 0.05.

`heldout_round4.jsonl` holds 30 more (22 on sovereign AI, 8 confusable negatives) from 35
countries, written blind in the same way: its first run gave quote 0.993, speaker 0.914,
figure 0.964, country 0.960 and relevance 1.000, the generalisation estimate of that
round; the classes it showed (native acronyms of translated names, "a Commission
spokesperson", colon datelines, "Rwf" and "S/", "1 200 GPUs") were then fixed with tests
of their own, and its floors are that first run less about 0.05.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.analysis.contract import analysis_to_contract
from bot.cli_analysis import analyze_doc, read_jsonl
from bot.evaluation import score_articles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "analysis"

# reached when written, less about 0.05
FLOORS: dict[str, dict[str, float]] = {
    "heldout.jsonl": {
        "quote_f1": 0.95,
        "speaker_full_acc": 0.95,
        "figure_f1": 0.95,
        "country_f1": 0.92,
        "relevance_acc": 0.95,
    },
    "heldout_fresh.jsonl": {
        "quote_f1": 0.95,
        "speaker_full_acc": 0.95,
        "figure_f1": 0.93,
        "country_f1": 0.95,
        "relevance_acc": 0.95,
    },
    "heldout_wire.jsonl": {
        "quote_f1": 0.95,
        "speaker_full_acc": 0.70,
        "figure_f1": 0.90,
        "country_f1": 0.85,
        "relevance_acc": 0.95,
    },
    "heldout_round3.jsonl": {
        "quote_f1": 0.90,
        "speaker_full_acc": 0.85,
        "figure_f1": 0.85,
        "country_f1": 0.85,
        "relevance_acc": 0.85,
    },
    "heldout_round4.jsonl": {
        "quote_f1": 0.94,
        "speaker_full_acc": 0.86,
        "figure_f1": 0.91,
        "country_f1": 0.91,
        "relevance_acc": 0.95,
    },
}

# articles, of which negatives
SIZES: dict[str, tuple[int, int]] = {
    "heldout.jsonl": (24, 6),
    "heldout_wire.jsonl": (30, 10),
    "heldout_round3.jsonl": (30, 10),
    "heldout_round4.jsonl": (30, 8),
}


def _measures(name: str) -> tuple[dict[str, float], list[str]]:
    gold: list[dict[str, Any]] = list(read_jsonl(FIXTURES / name))
    predictions = {str(g["id"]): analysis_to_contract(analyze_doc(g)) for g in gold}
    scores = score_articles(gold, predictions)
    return scores.measures(), scores.misses


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_measures_stay_above_their_floors(name: str) -> None:
    measures, misses = _measures(name)
    low = {k: round(measures[k], 3) for k, floor in FLOORS[name].items() if measures[k] < floor}
    assert not low, f"{name}: {low}; misses: {misses}"


@pytest.mark.parametrize("name", sorted(SIZES))
def test_heldout_set_is_what_it_says(name: str) -> None:
    gold = list(read_jsonl(FIXTURES / name))
    size, negatives = SIZES[name]
    assert len(gold) == size
    assert sum(1 for g in gold if not g["relevant"]) == negatives
    for g in gold:  # the annotations point at words that are really in the article
        assert all(q["text"] in g["text"] for q in g["quotes"]), g["id"]
        assert all(f["text"] in g["text"] for f in g["figures"]), g["id"]
