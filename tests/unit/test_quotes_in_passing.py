"""Quotes inside narrative sentences, attributions that close a sentence, and acronyms.

Words quoted mid-sentence are still quotes when they are four words or more; names in
quote marks ("the “National Compute and Data Agency”") are not. An attribution may close
the quote's sentence after more words ("…, according to the ministry."). Acronyms an
article defines are spelled out for the reader.
"""

from __future__ import annotations

import pytest

from bot.analysis.acronyms import defined_acronyms
from bot.analysis.pipeline import analyze


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text[:18]: q.speaker for q in analyze(None, text).quotes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The cluster will serve a “network of twelve regional universities” across the "
            "north, according to the Ministry of Higher Education.",
            {"network of twelve ": "Ministry of Higher Education"},
            id="according-to-after-more-words",
        ),
        pytest.param(
            "Digital minister Paulo Ferreira spoke on Monday.\n"
            "The fund will back “start-ups building models in Portuguese” and cover half of "
            "their compute, Ferreira said.",
            {"start-ups building": "Paulo Ferreira"},
            id="surname-said-after-more-words",
        ),
        pytest.param(
            "The agency will buy “enough accelerators for every public lab” over two years, "
            "the Treasury said.",
            {"enough accelerator": "Treasury"},
            id="organisation-said-after-more-words",
        ),
    ],
)
def test_an_attribution_closing_the_sentence_credits_the_quote(
    text: str, expected: dict[str, str | None]
) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Science minister Ana Duarte presented the fund in Lisbon on Friday. “It is the "
            "largest we have ever had,” she said.\n"
            "She said the money would go to “labs that train models in Portuguese” first.",
            {"It is the largest ": "Ana Duarte", "labs that train mo": "Ana Duarte"},
            id="phrase-after-she-said-that",
        ),
        pytest.param(
            "“We will not rent our intelligence from abroad,” said Kofi Mensah, the digital "
            "minister.\n"
            "The plan also promises “a seat at the table for local languages” by 2027.",
            {"We will not rent o": "Kofi Mensah", "a seat at the tabl": "Kofi Mensah"},
            id="phrase-right-after-a-speaker",
        ),
        pytest.param(
            "The new rules are “a floor and not a ceiling for safety” in most markets.",
            {"a floor and not a ": None},
            id="phrase-with-nobody-to-credit",
        ),
    ],
)
def test_words_quoted_in_passing_are_quotes(text: str, expected: dict[str, str | None]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It also renamed the “national compute and data Agency” last year.",
        "Staff moved to the “Office for Research and Digital Skills” in May.",
        "The grants go through a “National Fund for Applied Machine Learning” from 2026.",
    ],
)
def test_a_name_in_quote_marks_is_not_a_quote(text: str) -> None:
    assert analyze(None, text).quotes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Data Protection Commission (DPC) opened an inquiry.",
            {"DPC": "Data Protection Commission"},
        ),
        (
            "In March the National Research Foundation (NRF) said it would fund the lab.",
            {"NRF": "National Research Foundation"},
        ),
        ("A bid came from České Radiové Služby (CRS) on Monday.", {"CRS": "České Radiové Služby"}),
        ("The Ministry of Finance (AI) is not an acronym definition.", {}),
        ("Prices rose (GPU) sharply.", {}),
    ],
)
def test_acronyms_defined_in_the_text(text: str, expected: dict[str, str]) -> None:
    assert defined_acronyms(text) == expected


def test_a_defined_acronym_speaks_under_its_full_name() -> None:
    text = (
        "The Infocomm Standards Board (ISB) will certify the national model.\n"
        "“Certification will take about six weeks,” the ISB said in a statement."
    )
    assert _speakers(text) == {"Certification will": "Infocomm Standards Board"}
