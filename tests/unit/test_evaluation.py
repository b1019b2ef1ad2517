"""`sovai analyze` on JSONL and `sovai eval` on a small gold file written for the test.

Every gold and prediction row here is invented for the test.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.analysis.contract import analysis_to_contract
from bot.cli import main
from bot.cli_analysis import evaluate, grouped_misses
from bot.evaluation import MISS_KINDS, Miss, Scores, score_articles, select_lang
from bot.models import Analysis, Quote

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
    assert [(m.kind, m.article, m.item) for m in scores.found] == [
        (
            "speaker wrong",
            "a",
            "'Wanjiru', gold 'Grace Wanjiru' (surname matches) for 'We will build it at home'",
        ),
        ("figure extra", "a", "'5%' = 5 % (percent)"),
        ("country extra", "a", "US (gold ['KE'])"),
        ("relevance false positive", "b", "predicted relevance none for 'Derby ends level'"),
    ]


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
    assert main(["analyze", str(bad)]) == 1  # each bad line said, the rest analysed
    err = capsys.readouterr().err
    assert "bad.jsonl:1: nothing to analyse" in err and "bad.jsonl:2: not JSON" in err


def test_analyze_file_prints_a_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--file", str(SITE / "japan-ai-cluster.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Japan unveils national AI supercomputer")
    assert "Relevance: 0.9" in out and "(sovereign-AI news)" in out
    assert "Countries: 🇯🇵 Japan" in out


def _one(gold: dict[str, Any], pred: dict[str, Any]) -> Scores:
    """Score one invented article (id "x") against one prediction."""
    base = {"id": "x", "title": "t", "text": "", "relevant": True, "countries": []}
    return score_articles([{**base, **gold}], {"x": {"relevant": True, **pred}})


def _kinds(scores: Scores) -> list[str]:
    return [m.kind for m in scores.found]


Q = "We will train our own models on our own soil"


@pytest.mark.parametrize(
    ("gold", "pred", "kind", "words"),
    [
        ("Aiko Mori", None, "speaker missing", "gold 'Aiko Mori'"),
        ("Ravi Menon", "", "speaker missing", "gold 'Ravi Menon'"),
        ("Aiko Mori", "Mori", "speaker wrong", "surname matches"),
        ("Lucas Prado", "Luis Prado", "speaker wrong", "surname matches"),
        ("Claire Dubois", "Marc Lemaire", "speaker wrong", "surname differs"),
        (None, "Grace Wanjiru", "speaker wrong", "gold None"),
    ],
)
def test_a_matched_quote_with_another_speaker_is_missing_or_wrong(
    gold: str | None, pred: str | None, kind: str, words: str
) -> None:
    scores = _one(
        {"quotes": [{"text": Q, "speaker": gold}]}, {"quotes": [{"text": Q, "speaker": pred}]}
    )
    assert _kinds(scores) == [kind]
    assert words in scores.found[0].item and scores.found[0].article == "x"


def test_the_same_speaker_or_none_for_none_is_no_miss() -> None:
    for name in ("Aiko Mori", None):
        scores = _one(
            {"quotes": [{"text": Q, "speaker": name}]},
            {"quotes": [{"text": f"“{Q},”", "speaker": name}]},
        )
        assert scores.found == []


def test_quotes_missed_and_extra_are_told_apart() -> None:
    scores = _one(
        {"quotes": [{"text": Q, "speaker": "Aiko Mori"}]},
        {"quotes": [{"text": "The weather in the capital was fine", "speaker": None}]},
    )
    assert sorted(_kinds(scores)) == ["quote extra", "quote missed"]
    assert scores.measures()["quote_f1"] == 0.0


TEXT = (
    "The ministry will spend 40 billion rupees ($480 million) on a cluster of 4,000 GPUs, "
    "and shares rose 12% on the news. Separately, it hired 300 engineers last year."
)


@pytest.mark.parametrize(
    ("gold", "pred"),
    [  # the same kind and unit read next to the gold words, another value
        (
            {"text": "40 billion rupees", "kind": "money", "value": 40e9, "unit": "INR"},
            {"text": "$480 million", "kind": "money", "value": 480e6, "unit": "INR"},
        ),
        (
            {"text": "$480 million", "kind": "money", "value": 480e6, "unit": "USD"},
            {"text": "40 billion", "kind": "money", "value": 40e9, "unit": "USD"},
        ),
        (
            {"text": "40 billion rupees", "kind": "money", "value": 40e9, "unit": "INR"},
            {"text": "40 billion", "kind": "money", "value": 40e6, "unit": "INR"},
        ),
        (
            {"text": "4,000 GPUs", "kind": "count", "value": 4000, "unit": "GPU"},
            {"text": "000 GPUs", "kind": "count", "value": 0, "unit": "GPUs"},
        ),
        (  # the same words read with another unit or kind
            {"text": "12%", "kind": "percent", "value": 12, "unit": "%"},
            {"text": "12%", "kind": "count", "value": 12, "unit": "share"},
        ),
        (
            {"text": "40 billion rupees", "kind": "money", "value": 40e9, "unit": "INR"},
            {"text": "40 billion rupees", "kind": "money", "value": 40e9, "unit": "IDR"},
        ),
    ],
)
def test_a_misread_figure_is_a_wrong_value_not_a_miss_and_an_extra(
    gold: dict[str, Any], pred: dict[str, Any]
) -> None:
    scores = _one({"text": TEXT, "figures": [gold]}, {"figures": [pred]})
    assert _kinds(scores) == ["figure wrong value"]
    assert gold["text"] in scores.found[0].item and "predicted" in scores.found[0].item
    assert scores.measures()["figure_f1"] == 0.0  # the counts are those of a miss


def test_a_figure_far_from_the_gold_one_is_a_miss_and_an_extra() -> None:
    gold = {"text": "4,000 GPUs", "kind": "count", "value": 4000, "unit": "GPU"}
    far = {"text": "300 engineers", "kind": "count", "value": 300, "unit": "engineer"}
    same_unit_far = {"text": "300 engineers", "kind": "count", "value": 300, "unit": "GPU"}
    for pred in (far, same_unit_far):
        scores = _one({"text": TEXT, "figures": [gold]}, {"figures": [pred]})
        assert sorted(_kinds(scores)) == ["figure extra", "figure missed"]


def test_countries_extra_and_missing_one_line_each() -> None:
    scores = _one({"countries": ["KE", "TZ"]}, {"countries": ["KE", "UG", "US"]})
    assert [(m.kind, m.item.split()[0]) for m in scores.found] == [
        ("country extra", "UG"),
        ("country extra", "US"),
        ("country missing", "TZ"),
    ]


@pytest.mark.parametrize(
    ("gold", "pred", "score", "kind"),
    [
        (False, True, 0.71, "relevance false positive"),
        (True, False, 0.18, "relevance false negative"),
        (True, False, None, "relevance false negative"),
    ],
)
def test_relevance_errors_show_the_predicted_score(
    gold: bool, pred: bool, score: float | None, kind: str
) -> None:
    scores = _one({"relevant": gold}, {"relevant": pred, "relevance": score})
    assert _kinds(scores) == [kind]
    assert (f"{score:.2f}" if score is not None else "none") in scores.found[0].item


def test_grouped_misses_count_every_kind_and_name_each_article() -> None:
    found = [
        Miss("country extra", "b", "US (gold ['KE'])"),
        Miss("speaker wrong", "a", "'Mori', gold 'Aiko Mori' (surname matches) for 'x'"),
        Miss("country extra", "c", "CN (gold [])"),
    ]
    lines = grouped_misses(found)
    assert lines[0].startswith("misses: 3 (speaker missing 0, speaker wrong 1,")
    assert all(kind in lines[0] for kind in MISS_KINDS)
    body = "\n".join(lines)
    assert body.index("== speaker wrong (1) ==") < body.index("== country extra (2) ==")
    assert "  b: US (gold ['KE'])" in lines and "  c: CN (gold [])" in lines
    assert "figure missed (" not in body.split("\n", 1)[1]  # empty sections are not printed


def test_sovai_eval_misses_prints_sections_then_measures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    wrong = {**GOLD[1], "relevant": True}  # the football match marked relevant
    gold.write_text(json.dumps(GOLD[0]) + "\n" + json.dumps(wrong) + "\n", encoding="utf-8")
    assert main(["eval", str(gold), "--misses"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("misses: ")
    assert "== relevance false negative (1) ==\n  b: predicted relevance 0." in out
    assert out.index("== ") < out.index("articles               2")


def test_lang_keeps_one_language_as_score_py_does(tmp_path: Path) -> None:
    rows = [
        {"id": "e"},
        {"id": "f", "lang": "en"},
        {"id": "j", "lang": "ja"},
        {"id": "d", "lang": "de"},
    ]
    ids = {lang: [r["id"] for r in select_lang(rows, lang)] for lang in (None, "en", "ja", "other")}
    assert ids == {None: ["e", "f", "j", "d"], "en": ["e", "f"], "ja": ["j"], "other": ["j", "d"]}
    gold = tmp_path / "gold.jsonl"
    ja = {**GOLD[1], "id": "j", "lang": "ja"}
    gold.write_text(json.dumps(GOLD[0]) + "\n" + json.dumps(ja) + "\n", encoding="utf-8")
    out = io.StringIO()
    evaluate(gold, out, lang="other")
    assert "articles               1" in out.getvalue()


SCORE_PY = Path("/work/shared/eval/score.py")

PRED_ROWS: list[dict[str, Any]] = [
    {
        "id": "a",
        "relevant": True,
        "countries": ["KE", "US"],
        "quotes": [
            {"text": "“We will build it at home,”", "speaker": "Wanjiru"},
            {"text": "Nothing like it was said", "speaker": None},
        ],
        "figures": [
            {"text": "4,000 GPUs", "kind": "count", "value": 4010, "unit": "GPUs"},
            {"text": "5%", "kind": "percent", "value": 5, "unit": "%"},
        ],
    },
    {"id": "b", "relevant": True, "quotes": None, "countries": ["GB"]},
]


@pytest.mark.skipif(not SCORE_PY.exists(), reason="the evaluation set's score.py is not here")
def test_measures_equal_the_evaluation_sets_score_py(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(p) + "\n" for p in PRED_ROWS), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(run.stdout)
    ours = score_articles(GOLD, {p["id"]: p for p in PRED_ROWS}).measures()
    assert ours == {k: theirs[k] for k in ours}
    assert 0 < ours["figure_p"] < 1 and 0 < ours["country_p"] < 1  # not a trivial case


def test_contract_quotes_carry_the_role_or_null() -> None:
    analysis = Analysis(
        relevant=True,
        relevance=0.9,
        quotes=(Quote(Q, "Aiko Mori", "digital minister", True), Quote("Four words or more", None)),
    )
    quotes = analysis_to_contract(analysis)["quotes"]
    assert quotes[0] == {
        "text": Q,
        "speaker": "Aiko Mori",
        "role": "digital minister",
        "key": True,
        "speaker_latin": None,
    }
    assert quotes[1]["role"] is None and "role" in quotes[1]


def test_sovai_analyze_writes_the_speakers_role(tmp_path: Path) -> None:
    text = (
        "“We cannot leave our language and data to others,” digital minister Grace Wanjiru "
        "told reporters on Monday.\n\nThe startup's chief executive, Tomas Okello, said: "
        "“Our engineers will train the model here at home.”\n\n"
        "“This is a good week for the country,” a spokesperson said."
    )
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "r", "title": None, "text": text}) + "\n", "utf-8")
    assert main(["analyze", str(source), "-o", str(out)]) == 0
    quotes = json.loads(out.read_text(encoding="utf-8"))["quotes"]
    roles = {q["speaker"]: q["role"] for q in quotes}
    assert roles["Grace Wanjiru"] == "digital minister"
    assert roles["Tomas Okello"] == "chief executive"
    assert all("role" in q for q in quotes)
