"""Relevance, third round: an article that says its subject is not AI, chips made for
cars or the grid, and a private takeover of data centres with no public actor.

Every text here is invented (people, firms and figures); each rule is checked on several
variants, and on a sovereign-AI twin that must stay relevant.
"""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyze
from bot.analysis.relevance import RELEVANCE_THRESHOLD, score_relevance

# --- Chips for cars or the grid, and explicit denials -----------------------------------

NOT_AI = [
    (
        "Portugal grants €180 million to power-chip factory for electric cars",
        [
            "The government has awarded €180 million to Lusochip for a plant in Aveiro "
            "that will make silicon carbide power chips for electric vehicles, the "
            "economy ministry said.",
            "The aid comes from the national semiconductor plan, worth €3 billion.",
            "The company said the plant would not make processors for artificial "
            "intelligence. “Our customers build cars and wind turbines,” it said.",
        ],
        ["PT"],
    ),
    (
        "Czech state backs automotive semiconductor plant",
        [
            "The Czech government will provide 4 billion koruna in subsidies to a plant "
            "making automotive semiconductors near Brno, the industry minister said.",
            "The chips will go into brakes, windows and battery controls.",
            "The minister said the project had nothing to do with artificial intelligence.",
        ],
        ["CZ"],
    ),
    (
        "Ministry funds grid-chip line",
        [
            "The ministry will invest $90 million in a line producing gallium nitride "
            "power semiconductors for the grid, officials said.",
            "The national programme aims to secure supply for transformers and chargers.",
            "The line is not intended for AI, the company's chief executive said.",
        ],
        ["MX"],
    ),
]


@pytest.mark.parametrize(("title", "paras", "countries"), NOT_AI)
def test_chips_for_cars_or_the_grid_are_not_sovereign_ai(
    title: str, paras: list[str], countries: list[str]
) -> None:
    score, reasons = score_relevance(title, paras, countries)
    assert score < RELEVANCE_THRESHOLD, reasons


@pytest.mark.parametrize(
    "denial",
    [
        "The company said the plant would not make processors for artificial intelligence.",
        "The minister said the project had nothing to do with artificial intelligence.",
        "Officials stressed the chips were not for AI.",
    ],
)
def test_a_denial_alone_damps_a_state_chip_subsidy(denial: str) -> None:
    paras = [
        "The government will grant $300 million to a chip plant, the ministry said.",
        "The national chip programme will fund two more plants next year.",
        denial,
    ]
    with_denial, _ = score_relevance("State grants $300 million to chip plant", paras, ["KR"])
    without, _ = score_relevance("State grants $300 million to chip plant", paras[:2], ["KR"])
    assert with_denial < RELEVANCE_THRESHOLD <= without


def test_a_sovereign_ai_chip_plan_stays_relevant() -> None:
    paras = [
        "The government will invest $2 billion in a national AI supercomputer and "
        "a plant for AI chips, the ministry said.",
        "Officials said the machine would train a national language model.",
        "The plan is not for cars: the chips will serve sovereign AI, the minister said.",
    ]
    score, reasons = score_relevance("Country funds AI chips for its own models", paras, ["KR"])
    assert score >= RELEVANCE_THRESHOLD, reasons


# --- A private takeover of data centres -------------------------------------------------

TAKEOVERS = [
    (
        "Infrastructure fund buys Nordic data centre operator for €900 million",
        [
            "Fjord Capital has agreed to buy data centre operator Boreal Halls for €900 "
            "million, betting on demand from companies running AI models.",
            "Boreal Halls runs five data centres near Oslo and Bergen with 120 MW.",
            "“AI customers want dense racks and cheap power,” a Fjord partner said.",
        ],
        ["NO"],
    ),
    (
        "Private equity group acquires Spanish data centre firm",
        [
            "Meseta Partners acquired Iberia DataPark, a data centre company, for €600 "
            "million including debt, the firms said on Monday.",
            "Iberia DataPark said a third of its new capacity was leased to AI companies.",
            "The deal is expected to close in the spring.",
        ],
        ["ES"],
    ),
    (
        "Pension investor takes over Canadian AI data centre builder",
        [
            "Maple Retirement Trust will take over Northern Compute Halls for C$1.4 "
            "billion, expanding its bet on artificial intelligence infrastructure.",
            "Northern Compute Halls plans to build 200 MW of data centres in Quebec.",
            "Executives said demand for AI computing was growing fast.",
        ],
        ["CA"],
    ),
]


@pytest.mark.parametrize(("title", "paras", "countries"), TAKEOVERS)
def test_a_private_takeover_of_data_centres_is_not_sovereign_ai(
    title: str, paras: list[str], countries: list[str]
) -> None:
    score, reasons = score_relevance(title, paras, countries)
    assert score < RELEVANCE_THRESHOLD, reasons


def test_a_state_fund_buying_data_centres_for_national_ai_stays_relevant() -> None:
    paras = [
        "The state-owned investment fund Nordvest will buy data centre operator Polar "
        "Halls for $700 million to host the national AI supercomputer, the government said.",
        "The minister said the deal would keep public AI computing in the country.",
        "Polar Halls runs three data centres with 90 MW.",
    ]
    score, reasons = score_relevance("State fund buys data centre operator for AI", paras, ["NO"])
    assert score >= RELEVANCE_THRESHOLD, reasons


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        (
            "Jordan has allocated $80 million to a national AI computing centre at its "
            "science park.\nThe centre will host models in Arabic.",
            True,
        ),
        (
            "Brazil has approved R$ 2 billion for artificial intelligence research in public "
            "universities.\nThe money arrives next year.",
            True,
        ),
        (
            "Vietnam will spend 5 trillion dong on a national AI computing centre.\nThe centre "
            "will serve universities and start-ups.",
            True,
        ),
        (
            "Samsung will spend $700 million on a plant for AI memory chips in Korea.\nIts "
            "shares rose 3% after the announcement.",
            False,
        ),
        (
            "Orion Labs will invest $40 million in an AI lab in Poland.\nThe lab opens next "
            "year with 200 engineers.",
            False,
        ),
    ],
)
def test_a_state_committing_money_to_ai_is_sovereign_ai(text: str, relevant: bool) -> None:
    assert analyze(None, text).relevant is relevant
