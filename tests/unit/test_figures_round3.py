"""Figures of round 3: two-ended ranges, changes, named lists, "up to N", shares in words,
institutional compounds and currencies written the local way.

Every sentence is invented for the test: made-up ministries, regions, firms and amounts.
"""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures

Reading = tuple[str, float, str, float | None]


def read(paragraphs: list[str], countries: tuple[str, ...] = ()) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 2), f.unit, None if f.low is None else round(f.low, 2))
        for f in extract_figures(paragraphs, None, countries)
    ]


# --- a range written with both ends in full is one figure with `low` --------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Grants will range between Rs 40 crore and Rs 95 crore.", ("money", 950e6, "INR", 400e6)),
        ("Teams may apply for N20 million to N75 million each.", ("money", 75e6, "NGN", 20e6)),
        ("Rents run from $2bn to $3bn over the decade.", ("money", 3e9, "USD", 2e9)),
        ("Seats cost between €40 and €90 per month.", ("money", 90, "EUR", 40)),
        ("Loans of between $5 and $8 million are on offer.", ("money", 8e6, "USD", 5e6)),
    ],
)
def test_a_money_range_is_one_figure_with_low(sentence: str, expected: Reading) -> None:
    money = [f for f in read([sentence]) if f[0] == "money"]
    assert money == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The cluster will hold between 5,000 and 8,000 GPUs.", ("count", 8000, "GPU", 5000)),
        ("Each hub hosts from 200 to 450 researchers.", ("count", 450, "researcher", 200)),
        ("The call will fund between 12 and 20 startups.", ("count", 20, "startup", 12)),
    ],
)
def test_a_count_range_is_one_figure_with_low(sentence: str, expected: Reading) -> None:
    assert [f for f in read([sentence]) if f[0] == "count"] == [expected]


@pytest.mark.parametrize(
    ("sentence", "before", "after"),
    [
        ("The centre will grow from 640 to roughly 1,500 GPUs.", 640, 1500),
        ("The fleet expanded from 300 to 900 servers last year.", 300, 900),
        ("Enrolment rose from 2,000 to 3,500 students.", 2000, 3500),
    ],
)
def test_a_change_from_one_count_to_another_is_two_figures(
    sentence: str, before: float, after: float
) -> None:
    counts = [(f[1], f[3]) for f in read([sentence]) if f[0] == "count"]
    assert sorted(counts) == [(before, None), (after, None)]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("The budget went from $2bn to $3bn in a year.", [2e9, 3e9]),
        ("Spending was cut from €900 million to €600 million.", [600e6, 900e6]),
        ("Funding jumped sharply from Rs 50 crore to Rs 80 crore.", [500e6, 800e6]),
    ],
)
def test_a_change_of_money_is_two_figures(sentence: str, values: list[float]) -> None:
    money = sorted((f[1], f[3]) for f in read([sentence]) if f[0] == "money")
    assert money == [(v, None) for v in values]


# --- a named list shares the noun of its counted member ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "values", "unit"),
    [
        (
            "Orlavia 2,100, Benmark 1,640 and Tessaly 980 GPUs were allotted.",
            [2100, 1640, 980],
            "GPU",
        ),
        (
            "The north leads with 4,200 startups, followed by Castro (2,900), Velm (1,300) and "
            "Upper Dane (870).",
            [4200, 2900, 1300, 870],
            "startup",
        ),
        (
            "Kanto 310, Rivas 240, Mora 150 and Lent 90 clinics joined.",
            [310, 240, 150, 90],
            "clinic",
        ),
    ],
)
def test_a_named_list_shares_its_noun(sentence: str, values: list[float], unit: str) -> None:
    assert sorted(f[1] for f in read([sentence]) if f[0] == "count" and f[2] == unit) == sorted(
        values
    )


def test_dates_and_years_in_a_list_are_not_counts() -> None:
    sentence = "Rounds closed in March 2023, June 2024 and October 2025 with 40 startups."
    assert [f for f in read([sentence]) if f[0] == "count"] == [("count", 40, "startup", None)]


# --- "up to N" with the noun left out ----------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The first stage has 1,024 GPUs. A later stage of up to 4,000, if funds allow.", 4000),
        ("It employs 80 engineers now and plans to hire up to 200 by 2027.", 200),
        ("Phase one links 300 schools; phase two, up to 900.", 900),
    ],
)
def test_up_to_n_after_a_count_counts_the_same_thing(paragraph: str, expected: float) -> None:
    counts = read([paragraph])
    first = counts[0][2]
    assert ("count", expected, first, None) in counts


# --- shares in words are percents --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Six in ten nurses use a chatbot at work.", 60),
        ("Only one in five councils has an AI policy.", 20),
        ("Three out of four firms plan to train staff.", 75),
        ("Nearly a third of the grants went to rural teams.", 33.33),
        ("A quarter of the budget goes on power.", 25),
        ("Two thirds of the chips are imported.", 66.67),
    ],
)
def test_a_share_in_words_is_a_percent(sentence: str, value: float) -> None:
    figures = read([sentence])
    assert ("percent", value, "%", None) in figures
    assert [f for f in figures if f[0] == "count"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales rose in the first quarter of 2025.",
        "It took a quarter of a century to build.",
        "Ten in two days is not a share.",
    ],
)
def test_not_shares(sentence: str) -> None:
    assert [f for f in read([sentence]) if f[0] == "percent"] == []


# --- institutional compounds, coordinated modifiers, "such" -----------------------------


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The portal will serve 9,000 civil servants.", "civil servant"),
        ("The council backs 75 research projects.", "research project"),
        ("Eleven state governments signed the pact.", "state government"),
        ("The app reached 4,000 health workers.", "health worker"),
        ("The scheme covers 40 technical and research institutes.", "institute"),
        ("It will serve 800 small and medium-sized firms.", "firm"),
        ("The region has 9 such facilities.", "facility"),
        ("The plan trains 2,000 public servants.", "servant"),
        ("The ministry lists 12 government agencies.", "agency"),
    ],
)
def test_compound_and_coordinated_count_nouns(sentence: str, unit: str) -> None:
    assert [f[2] for f in read([sentence]) if f[0] == "count"] == [unit]


# --- currencies written the local way -----------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "countries", "expected"),
    [
        (["The hub cost Frw 12 billion."], ("RW",), (12e9, "RWF")),
        (["Kigali set aside FRw 4.5 billion for servers."], ("RW",), (4.5e9, "RWF")),
        (["The grant is 300 million Rwandan francs."], (), (300e6, "RWF")),
        (["The lab will get 800 million soles."], ("PE",), (800e6, "PEN")),
        (["The plant will cost 2 billion złoty."], ("PL",), (2e9, "PLN")),
        (
            ["Under the pact Peru gives 5 billion pesos and Chile about 7,000 million pesos."],
            ("CO", "CL"),
            (7e9, "CLP"),
        ),
        (
            ["With Mexico paying 900 million pesos and Colombia 3,000 million pesos, it is set."],
            ("CO", "MX"),
            (900e6, "MXN"),
        ),
        (
            ["With Mexico paying 900 million pesos and Colombia 3,000 million pesos, it is set."],
            ("MX", "CO"),
            (3e9, "COP"),
        ),
    ],
)
def test_local_currencies(
    paragraphs: list[str], countries: tuple[str, ...], expected: tuple[float, str]
) -> None:
    assert ("money", *expected, None) in read(paragraphs, countries)
