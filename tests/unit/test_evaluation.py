"""`sovai analyze` on JSONL and `sovai eval` on a small gold file written for the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.evaluation import score_articles

SITE = Path(__file__).parents[1] / "fixtures" / "site"

GOLD = [
    {
        "id": "a",
        "title": "Kenya plans national AI supercomputer",
        "text": "Kenya's government will build a national AI supercomputer, the ministry said.",
        "relevant": True,
        "countries": ["KE"],
        "quotes": [{"text": "We will build it at home", "speaker": "Grace Wanjiru"}],
        "figures": [{"text": "4,000 GPUs", "kind": "count", "value": 4000, "unit": "GPU"}],
    },
    {
        "id": "b",
        "title": "Derby ends level",
        "text": "The derby ended level on Sunday after a late equaliser.",
        "relevant": False,
        "countries": [],
    },
]


def test_scores_follow_the_matching_rules() -> None:
    predictions: dict[str, dict[str, Any]] = {
        "a": {
            "relevant": True,
            "countries": ["KE", "US"],
            "quotes": [{"text": "“We will build it at home,”", "speaker": "Wanjiru"}],
            "figures": [
                {
                    "text": "4,000 graphics processing units",
                    "kind": "count",
                    "value": 4010,
                    "unit": "GPUs",
                },
                {"text": "5%", "kind": "percent", "value": 5, "unit": "%"},
            ],
        },
        "b": {"relevant": True},
    }
    scores = score_articles(GOLD, predictions)
    m = scores.measures()
    assert (m["quote_p"], m["quote_r"]) == (1.0, 1.0)
    assert (m["speaker_surname_acc"], m["speaker_full_acc"]) == (1.0, 0.0)
    assert (m["figure_p"], m["figure_r"]) == (0.5, 1.0)  # within 1%, plural unit tolerated
    assert (m["country_p"], m["country_r"]) == (0.5, 1.0)
    assert m["relevance_acc"] == 0.5
    assert "a: countries ['KE', 'US'] gold ['KE']" in scores.misses


def test_sovai_eval_prints_every_measure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    assert main(["eval", str(gold)]) == 0
    out = capsys.readouterr().out
    for name in ("quote_f1", "speaker_full_acc", "figure_f1", "country_f1", "relevance_acc"):
        assert name in out
    assert "articles               2" in out
    assert "relevance_acc          1.000" in out


def test_analyze_reads_text_or_html_and_writes_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    html = (SITE / "japan-ai-cluster.html").read_text(encoding="utf-8")
    source.write_text(
        json.dumps({"id": "t", "title": None, "text": GOLD[0]["text"]})
        + "\n"
        + json.dumps({"id": "h", "title": None, "html": html})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(source), "-o", str(out)]) == 0
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["id"] == "t" and first["countries"] == ["KE"]
    assert set(first) >= {"relevant", "relevance", "countries", "quotes", "figures", "summary"}
    assert second["id"] == "h" and second["relevant"] and second["countries"] == ["JP"]


def test_analyze_reports_bad_input_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    assert main(["analyze", str(bad)]) == 2
    assert "bad.jsonl:2: not JSON" in capsys.readouterr().err


def test_analyze_file_prints_a_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--file", str(SITE / "japan-ai-cluster.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Japan unveils national AI supercomputer")
    assert "Relevance: 0.9" in out and "(sovereign-AI news)" in out
    assert "Countries: 🇯🇵 Japan" in out
