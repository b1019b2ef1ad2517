"""Figures in the shapes local and regional news write them, and the figures a digest keys.

Every sentence here is invented for the test: made-up ministries, firms and amounts in
the style of Kenyan, South African, Nigerian, Malaysian, Canadian and other local press.
"""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures
from bot.analysis.keys import mark_key_figures
from bot.models import Figure

Reading = tuple[str, str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ()) -> list[Reading]:
    """(text, kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.text, f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures([sentence], None, countries)
    ]


def money(sentence: str, countries: tuple[str, ...] = ()) -> list[tuple[float, str]]:
    return [
        (round(f.value, 3), f.unit)
        for f in extract_figures([sentence], None, countries)
        if f.kind == "money"
    ]


# --- the bare dollar sign is the article's country's dollar ------------------------------


@pytest.mark.parametrize(
    ("sentence", "countries", "unit"),
    [
        ("Ottawa will spend $2 billion on a sovereign cloud.", ("CA",), "CAD"),
        ("The province added $450 million for compute.", ("CA", "US"), "CAD"),
        ("Canberra set aside $1.2 billion for the lab.", ("AU",), "AUD"),
        ("Wellington gave $80 million to the institute.", ("NZ",), "NZD"),
        ("The authority has $500 million for start-ups.", ("SG", "MY"), "SGD"),
        ("The fund invested $3 billion in chips.", ("HK",), "HKD"),
        ("The ministry budgeted $12 billion for the cluster.", ("TW", "JP"), "TWD"),
        ("The lab cost $580 million to build.", ("DE",), "USD"),
        ("Nvidia will invest $5 billion in the hub.", ("IN", "SG"), "USD"),
        ("The firm raised $40 million from investors.", (), "USD"),
        ("The firm raised $40 million from investors.", ("US", "CA"), "USD"),
    ],
)
def test_a_bare_dollar_sign_is_the_central_country_s_dollar(
    sentence: str, countries: tuple[str, ...], unit: str
) -> None:
    assert [u for _, u in money(sentence, countries)] == [unit]


@pytest.mark.parametrize(
    ("paragraphs", "countries"),
    [
        (["Canberra will spend A$1.2 billion ($780 million) on compute."], ("AU",)),
        (["Ottawa pledged C$2 billion.", "That is about $1.5 billion."], ("CA",)),
        (["The S$300 million fund opened (about $220 million)."], ("SG",)),
        (["Taipei set aside NT$20 billion, or $650 million."], ("TW",)),
    ],
)
def test_wire_copy_that_prefixes_the_local_dollar_leaves_the_bare_sign_to_the_us(
    paragraphs: list[str], countries: tuple[str, ...]
) -> None:
    found = extract_figures(paragraphs, None, countries)
    assert [f.unit for f in found if f.text.startswith("$")] == ["USD"]


@pytest.mark.parametrize("countries", [("CA",), ("AU",), ("SG",)])
def test_us_dollars_stay_us_dollars_in_a_dollar_country(countries: tuple[str, ...]) -> None:
    found = money("It got US$300 million and USD 20 million, not $5 million.", countries)
    assert [u for _, u in found][:2] == ["USD", "USD"]
    assert found[2][1] != "USD"


# --- local shorthands ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "countries", "value", "unit"),
    [
        ("The ministry set aside Sh5 billion for the hub.", ("KE",), 5e9, "KES"),
        ("The county got Sh 300 million for fibre.", ("KE",), 300e6, "KES"),
        ("Treasury released KSh 2.4 billion to the agency.", ("KE",), 2.4e9, "KES"),
        ("The regulator fined the firm Sh50,000,000.", ("KE",), 50e6, "KES"),
        ("Kampala allotted Sh 40 billion to the centre.", ("UG",), 40e9, "UGX"),
        ("The agency received Ksh.5 billion.", ("KE",), 5e9, "KES"),
        ("The board approved Bt5 billion for the cloud.", ("TH",), 5e9, "THB"),
        ("Dodoma set aside TSh 5 billion for it.", ("TZ",), 5e9, "TZS"),
        ("Treasury allocated R3,2-billion to the plan.", ("ZA",), 3.2e9, "ZAR"),
        ("Treasury allocated R450-million to the plan.", ("ZA",), 450e6, "ZAR"),
        ("The utility borrowed R1.5bn for the campus.", ("ZA",), 1.5e9, "ZAR"),
        ("The metro pays R2,75 billion for cloud services.", ("ZA",), 2.75e9, "ZAR"),
        ("The ministry launched a N100 million fund.", ("NG",), 100e6, "NGN"),
        ("The ministry launched a N100million fund.", ("NG",), 100e6, "NGN"),
        ("The state will spend N2.5bn on the hub.", ("NG",), 2.5e9, "NGN"),
        ("The bank approved N 30 billion in loans.", ("NG",), 30e9, "NGN"),
        ("The cabinet approved Tk 500 crore for the park.", ("BD",), 5e9, "BDT"),
        ("The cabinet approved Tk1,200 crore for data.", ("BD",), 12e9, "BDT"),
        ("The board cleared ৳300 crore for the cloud.", ("BD",), 3e9, "BDT"),
        ("The state gave RM2.5bil to the park.", ("MY",), 2.5e9, "MYR"),
        ("The agency spent RM300mil on servers.", ("MY",), 300e6, "MYR"),
        ("The council set aside RM 1.2 bil for it.", ("MY",), 1.2e9, "MYR"),
        ("The university got AUS$300 million.", (), 300e6, "AUD"),
        ("The university got A$45m in grants.", (), 45e6, "AUD"),
        ("The start-up raised NZ$12 million.", (), 12e6, "NZD"),
        ("The agency spent S$70 million.", (), 70e6, "SGD"),
        ("The exchange raised HK$1.1 billion.", (), 1.1e9, "HKD"),
        ("Ottawa added C$900 million.", (), 900e6, "CAD"),
        ("Taipei plans NT$5 billion.", (), 5e9, "TWD"),
        ("Lagos budgeted ₦12 billion for the park.", (), 12e9, "NGN"),
        ("Nairobi plans KES 8 billion for the hub.", (), 8e9, "KES"),
        ("Pretoria plans ZAR 6 billion for the hub.", (), 6e9, "ZAR"),
    ],
)
def test_local_currency_shorthands(
    sentence: str, countries: tuple[str, ...], value: float, unit: str
) -> None:
    assert money(sentence, countries) == [(value, unit)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The R&D budget was cut, and the R2 grade was kept.",
        "Nurses asked for N95 masks and R5 vouchers.",
        "Option N 3 was dropped from list R 2.",
        "Voters chose option N and option R.",
    ],
)
def test_single_letter_currencies_need_the_shape_of_an_amount(sentence: str) -> None:
    assert money(sentence, ("ZA",)) == []
    assert money(sentence, ("NG",)) == []


@pytest.mark.parametrize(
    ("sentence", "countries", "unit"),
    [
        ("The city pays R15 000 for each licence.", ("ZA",), "ZAR"),
        ("Grants of N250,000 go to each team.", ("NG",), "NGN"),
        ("Each school gets R2 500 000 for laptops.", ("ZA",), "ZAR"),
    ],
)
def test_single_letter_currencies_with_a_sizeable_grouped_amount(
    sentence: str, countries: tuple[str, ...], unit: str
) -> None:
    assert [u for _, u in money(sentence, countries)] == [unit]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Researchers will use the 500-million-euro supercomputer.", 500e6, "EUR"),
        ("It is a 2-billion-dollar bet on chips.", 2e9, "USD"),
        ("The state backs a 40-billion-yen programme.", 40e9, "JPY"),
        ("A 10,000-crore-rupee mission was approved.", 100e9, "INR"),
    ],
)
def test_money_as_a_hyphenated_adjective(sentence: str, value: float, unit: str) -> None:
    assert money(sentence) == [(value, unit)]


# --- an amount without a currency keeps the sentence's currency ----------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The plan costs 2 billion baht, with 1 billion for training.",
            [(2e9, "THB"), (1e9, "THB")],
        ),
        (
            "The fund has €3bn, of which 500 million goes to chips.",
            [(3e9, "EUR"), (500e6, "EUR")],
        ),
        (
            "The plan needs 2.8 billion baht (US$78 million), with 600 million for training.",
            [(2.8e9, "THB"), (78e6, "USD"), (600e6, "THB")],
        ),
        (
            "The council approved €1bn, plus 200m for skills.",
            [(1e9, "EUR"), (200e6, "EUR")],
        ),
        (
            "Seoul set aside 2.4 trillion won, including 800 billion for chips.",
            [(2.4e12, "KRW"), (800e9, "KRW")],
        ),
        (
            "The outlay is Rs 10,000 crore, and 2,000 crore of it is for GPUs.",
            [(100e9, "INR"), (20e9, "INR")],
        ),
    ],
)
def test_a_bare_amount_keeps_the_currency_of_the_sentence(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert money(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The state spent €3bn. Some 500 million people live there.",
        "It costs €3bn and will serve 500 million users.",
        "The fund has €3bn; 20 million residents will benefit.",
        "The €3bn plan serves a nation of 1.4 billion.",
        "The €3bn plan reaches its 1.4 billion population.",
        "It set aside €3bn, reaching 20 million Kenyans.",
    ],
)
def test_a_bare_amount_after_money_is_not_money_when_it_counts_things(sentence: str) -> None:
    assert money(sentence) == [(3e9, "EUR")]


def test_a_follow_up_amount_after_money_is_money_not_a_count() -> None:
    found = read("It buys 5,000 GPUs for €2 billion, with another 1 billion for training.")
    assert [(k, v, u) for _, k, v, u, _ in found] == [
        ("count", 5000, "GPU"),
        ("money", 2e9, "EUR"),
        ("money", 1e9, "EUR"),
    ]


# --- counts in words, compounds and ranges --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "low"),
    [
        ("The bloc backs seven AI factories.", "seven AI factories", 7, "factory", None),
        ("The agency opens four centres this year.", "four centres", 4, "center", None),
        ("A dozen member states signed up.", "A dozen member states", 12, "member state", None),
        ("Bids came from 16 Member States.", "16 Member States", 16, "member state", None),
        ("Nine EU member states joined.", "Nine EU member states", 9, "member state", None),
        ("It will build two supercomputers.", "two supercomputers", 2, "supercomputer", None),
        ("It will build three data centres.", "three data centres", 3, "data center", None),
        ("The network links twelve universities.", "twelve universities", 12, "university", None),
        ("The bloc picked 13 AI Factories.", "13 AI Factories", 13, "factory", None),
        ("It runs four Centres of Excellence.", "four Centres", 4, "center", None),
        ("It plans four or five gigafactories.", "four or five gigafactories", 5, "gigafactory", 4),
        ("It funds two or three labs.", "two or three labs", 3, "lab", 2),
        ("It will hire 40 or 50 engineers.", "40 or 50 engineers", 50, "engineer", 40),
    ],
)
def test_counts_in_words_and_ranges(
    sentence: str, text: str, value: float, unit: str, low: float | None
) -> None:
    assert read(sentence) == [(text, "count", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The bill passed with 401 of 455 deputies in favour.",
            [("401", 401, "deputy"), ("455 deputies", 455, "deputy")],
        ),
        (
            "The amendment won 310 of 322 votes.",
            [("310", 310, "vote"), ("322 votes", 322, "vote")],
        ),
        (
            "It was backed by 52 out of 60 senators.",
            [("52", 52, "senator"), ("60 senators", 60, "senator")],
        ),
        (
            "The motion drew 287 votes to 95.",
            [("287 votes", 287, "vote"), ("95", 95, "vote")],
        ),
        (
            "The motion won the support of 380 MEPs, with 120 against.",
            [("380 MEPs", 380, "MEP"), ("120", 120, "MEP")],
        ),
        (
            "The bill won 310 of 322 votes, with 9 against and 3 abstaining.",
            [("310", 310, "vote"), ("322 votes", 322, "vote"), ("9", 9, "vote"), ("3", 3, "vote")],
        ),
    ],
)
def test_vote_tallies_are_counts(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(t, v, u) for t, k, v, u, _ in read(sentence) if k == "count"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "It runs 12,000 GPUs. Another 3,000 are on order.",
            [(12000, "GPU"), (3000, "GPU")],
        ),
        (
            "The hub trained 900 teachers, and a further 600 will start in May.",
            [(900, "teacher"), (600, "teacher")],
        ),
        (
            "It has 40 data centres, with an additional 15 under construction.",
            [(40, "data center"), (15, "data center")],
        ),
        (
            "The lab has 8,000 GPUs and 2,000 more are on the way.",
            [(8000, "GPU"), (2000, "GPU")],
        ),
    ],
)
def test_another_n_counts_the_same_thing(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert [(v, u) for _, k, v, u, _ in read(sentence) if k == "count"] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan costs €3bn, of which 500 million goes to chips.",
        "The state said 40 million remains unspent.",
        "Officials said 300 comes from the province.",
        "Asked again, 460 said yes.",
    ],
)
def test_a_verb_after_a_number_is_not_its_counted_noun(sentence: str) -> None:
    assert [f for f in read(sentence) if f[1] == "count"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "It has the power of about one million smartphones.",
        "The machine is equivalent to 20,000 laptops.",
        "The hall is the size of four football pitches.",
    ],
)
def test_comparisons_are_not_counts(sentence: str) -> None:
    assert read(sentence) == []


# --- basis points, durations, capacities ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The bank cut rates by 150 basis points.", "150 basis points", 1.5),
        ("Yields rose 25 basis points on the week.", "25 basis points", 0.25),
        ("The spread widened by 40bps.", "40bps", 0.4),
        ("The spread narrowed 75 bps.", "75 bps", 0.75),
    ],
)
def test_basis_points_are_percents(sentence: str, text: str, value: float) -> None:
    assert read(sentence) == [(text, "percent", value, "%", None)]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "low"),
    [
        ("Approval takes two months.", "two months", 2, "month", None),
        ("The build lasts eighteen months.", "eighteen months", 18, "month", None),
        ("It will take three to five years.", "three to five years", 5, "year", 3),
        ("It will take three or four years.", "three or four years", 4, "year", 3),
        ("The roll-out runs over six to nine months.", "six to nine months", 9, "month", 6),
    ],
)
def test_durations_in_words(
    sentence: str, text: str, value: float, unit: str, low: float | None
) -> None:
    assert read(sentence) == [(text, "duration", value, unit, low)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The briefing marked one year of the mission.",
        "The firm celebrates five years of operations.",
        "The event marks two years since the launch.",
    ],
)
def test_anniversaries_are_not_durations(sentence: str) -> None:
    assert [f for f in read(sentence) if f[1] == "duration"] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        (
            "It performs at least one quintillion calculations per second.",
            "one quintillion",
            1,
            "EFLOPS",
        ),
        ("It can do a quintillion operations a second.", "a quintillion", 1, "EFLOPS"),
        (
            "The system runs two quintillion (two billion billion) operations per second.",
            "two quintillion",
            2,
            "EFLOPS",
        ),
        (
            "It will manage one billion billion operations per second.",
            "one billion billion",
            1,
            "EFLOPS",
        ),
        ("The country wants an exaflop machine.", "an exaflop", 1, "EFLOPS"),
        ("The machine reaches 1.8 exaflops.", "1.8 exaflops", 1.8, "EFLOPS"),
        ("The machine reaches 1.8 EFLOPS.", "1.8 EFLOPS", 1.8, "EFLOPS"),
        ("The cluster delivers 300 petaflops.", "300 petaflops", 300, "PFLOPS"),
    ],
)
def test_compute_capacity(sentence: str, text: str, value: float, unit: str) -> None:
    assert read(sentence) == [(text, "capacity", value, unit, None)]


# --- rates and key figures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Start-ups pay under ₹100 an hour for a GPU.", "₹100 an hour"),
        ("Access costs $2 per GPU-hour.", "$2 per GPU-hour"),
        ("Students pay €1.50 per hour of compute.", "€1.50 per hour"),
        ("Tokens cost $0.40 per million.", "$0.40 per million"),
    ],
)
def test_a_price_keeps_its_unit_in_the_text(sentence: str, text: str) -> None:
    assert [f[0] for f in read(sentence) if f[1] == "money"] == [text]


def _keys(paragraphs: list[str]) -> list[str]:
    figures = mark_key_figures(extract_figures(paragraphs, None, ("IN",)))
    return [f.text for f in figures if f.key]


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "The mission has ₹10,372 crore and 18,000 GPUs.",
            "Start-ups pay under ₹100 an hour, over three years.",
        ],
        [
            "The state will spend $1.2 billion on 10,000 GPUs over four years.",
            "Access costs $2 per GPU-hour.",
        ],
        [
            "A 50 MW campus will host 4,000 chips within two years.",
            "Researchers pay €1.50 per hour.",
        ],
    ],
)
def test_prices_and_bare_durations_are_not_key(paragraphs: list[str]) -> None:
    keys = _keys(paragraphs)
    assert keys
    assert not any("hour" in k or "year" in k for k in keys), keys


def test_a_programme_span_can_be_key() -> None:
    figures = [
        Figure("five-year plan", "duration", 5, "year"),
        Figure("three years", "duration", 3, "year"),
        Figure("four-year", "duration", 4, "year"),
    ]
    assert [f.key for f in mark_key_figures(figures)] == [True, False, True]


def test_the_programme_money_gpus_and_capacity_are_key() -> None:
    keys = _keys(
        [
            "The state will spend $1.2 billion on 10,000 GPUs for a 50 MW campus.",
            "Start-ups will pay $2 per GPU-hour over three years.",
        ]
    )
    assert keys == ["$1.2 billion", "10,000 GPUs", "50 MW"]
