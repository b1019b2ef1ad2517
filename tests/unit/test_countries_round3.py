"""Countries, third round: a wire dateline that is the only place named, a funder that
pays half or more, and a bloc or country used as a yardstick.

Every text here is invented (people, firms, bodies and figures); each rule is checked on
several variants so that it holds for news in general.
"""

from __future__ import annotations

import pytest

from bot.analysis.countries import detect_countries

# --- A dateline is where a local story happens ------------------------------------------


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "Lender's profit climbs as automation trims costs",
            [
                "MILAN — Banca Vesuvio said on Monday its quarterly profit rose 9 percent.",
                "Chief executive Paolo Renzi said software had cut paperwork in branches.",
                "Shares closed 1.1 percent higher in Turin.",
            ],
            "IT",
        ),
        (
            "Poll body orders labels on synthetic campaign videos",
            [
                "MANILA — The election commission on Friday told parties to label edited ads.",
                "Commissioner Luz Amparo said violators could be disqualified.",
            ],
            "PH",
        ),
        (
            "Retailer opens automated warehouse",
            [
                "NAIROBI — Savanna Mart opened a robot-run warehouse on Tuesday.",
                "The company said the site would serve 140 shops across the region.",
            ],
            "KE",
        ),
        (
            None,
            [
                "LYON, March 2 (Newswire) - Rhône Textiles said it would shut two mills.",
                "The firm said orders had fallen for a third straight quarter.",
            ],
            "FR",
        ),
    ],
)
def test_a_dateline_locates_an_article_that_names_no_country(
    title: str | None, paras: list[str], code: str
) -> None:
    assert detect_countries(title, paras) == (code,)


@pytest.mark.parametrize(
    ("paras", "code"),
    [
        (["LONDON — Kenya's ministry of ICT approved a national GPU cluster on Monday."], "KE"),
        (["PARIS — Vietnam will spend $200 million on a public AI cloud, officials said."], "VN"),
        (["GENEVA — The Chilean government launched a Spanish-language model for courts."], "CL"),
    ],
)
def test_a_dateline_abroad_does_not_add_the_venue(paras: list[str], code: str) -> None:
    assert detect_countries(None, paras) == (code,)


def test_a_city_without_a_dateline_is_still_only_a_venue() -> None:
    paras = ["The Lisbon final ended 3-1 after extra time.", "Fans in Lisbon celebrated late."]
    assert detect_countries("Late goals decide the Lisbon final", paras) == ()


# --- A funder of half or more is a party, a credit line is not ---------------------------

MAJOR_FUNDER = [
    [
        "Romania will spend 900 million lei on a national AI supercomputer in Cluj, with "
        "half of the cost co-financed by the European Union, the ministry said.",
        "The machine will train Romanian-language models for public services.",
        "Minister Ioana Dragu said universities would get free computing time.",
    ],
    [
        "Croatia will build a public AI cloud in Split, with 60 percent of the cost "
        "financed by the European Union, the digital ministry said on Monday.",
        "The cloud will host models for hospitals and courts.",
        "State secretary Marko Babić said tenders would open in spring.",
    ],
    [
        "Lithuania will open a state GPU centre in Kaunas, with two-thirds of the "
        "investment funded by the EU, the economy ministry said.",
        "The centre will serve 30 research groups and Lithuanian start-ups.",
        "Officials said the first 400 GPUs would arrive in March.",
    ],
]


@pytest.mark.parametrize("paras", MAJOR_FUNDER)
def test_a_funder_of_half_the_cost_in_the_lead_is_tagged(paras: list[str]) -> None:
    assert "EU" in detect_countries(None, paras)


@pytest.mark.parametrize(
    "paras",
    [
        [
            p.replace("half of the cost co-financed", "part of the cost co-financed")
            for p in MAJOR_FUNDER[0]
        ],
        [p.replace("60 percent of the cost", "20 percent of the cost") for p in MAJOR_FUNDER[1]],
        [
            "Slovakia will build a state AI data centre in Košice, co-funded by the "
            "European Union, the ministry said.",
            "The centre will host Slovak-language models for public offices.",
            "Minister Peter Hruška said work would start in May.",
        ],
    ],
)
def test_a_funder_without_a_main_share_is_a_credit_line(paras: list[str]) -> None:
    assert "EU" not in detect_countries(None, paras)


def test_a_late_aside_on_the_funder_share_does_not_tag_it() -> None:
    paras = [
        "Bulgaria launched a national AI supercomputer in Sofia on Monday.",
        "Bulgarian universities and start-ups will get computing time from June.",
        "The government said the machine would train a Bulgarian-language model.",
        "Prime Minister Stoyan Petrov said more money would follow next year.",
        "About half of the cost was covered by the EU.",
    ]
    assert detect_countries(None, paras) == ("BG",)


# --- A yardstick is not a party ---------------------------------------------------------


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Portugal's ministry will extend a rural broadband scheme to 300,000 homes.",
            "Portugal has lagged behind most EU countries in coverage, officials said.",
            "Only 41 percent of homes have fibre, against an EU average of 60 percent.",
        ],
        [
            "Hungary's government approved new grants for school computers.",
            "Spending per pupil remains below the EU average, the ministry said.",
            "Hungary trails many EU members on digital skills, officials said.",
        ],
        [
            "Latvia's cabinet approved a plan to train 5,000 teachers in digital skills.",
            "The country is catching up with other EU states, the minister said.",
            "Latvian schools score below the EU median on computer use.",
        ],
    ],
)
def test_the_eu_as_a_yardstick_is_not_tagged(paras: list[str]) -> None:
    assert "EU" not in detect_countries(None, paras)
