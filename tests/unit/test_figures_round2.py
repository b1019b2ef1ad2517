"""Figures whose currency or noun comes from the article around them (round 2).

A bare "$" in a local paper that also writes "S$"/"A$"; "another 4 billion" after a
capacity; counts whose noun is carried ("1,000 of them", "expanded to 2,048"); shared
currency words in a regional round-up; compound nouns ("health post"). Every sentence is
invented for the test: made-up ministries, firms and amounts.
"""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures

Reading = tuple[str, float, str]


def read(paragraphs: list[str], countries: tuple[str, ...] = ()) -> list[Reading]:
    """(kind, value, unit) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 3), f.unit) for f in extract_figures(paragraphs, None, countries)
    ]


def units_of_bare_dollars(paragraphs: list[str], countries: tuple[str, ...]) -> list[str]:
    found = extract_figures(paragraphs, None, countries)
    return [f.unit for f in found if f.text.startswith("$")]


# --- a bare "$" in a local paper that also prefixes its dollar ---------------------------


@pytest.mark.parametrize(
    ("paragraphs", "countries", "unit"),
    [
        (
            ["Wellington will put NZ$90 million into a research cloud.", "Universities get $25m."],
            ("NZ",),
            "NZD",
        ),
        (
            [
                "Canberra has committed A$2 billion to sovereign compute.",
                "The first tranche, $400 million, goes to a facility in Perth.",
            ],
            ("AU",),
            "AUD",
        ),
        (
            ["The S$60 million programme opened in March. It adds $15 million for scholarships."],
            ("SG",),
            "SGD",
        ),
        (
            [
                "The A$500 million cluster uses chips bought for US$200 million, and $80 million "
                "goes to training."
            ],
            ("AU",),
            "AUD",
        ),
    ],
)
def test_a_bare_dollar_stays_local_beside_a_prefixed_local_dollar(
    paragraphs: list[str], countries: tuple[str, ...], unit: str
) -> None:
    assert units_of_bare_dollars(paragraphs, countries) == [unit]


@pytest.mark.parametrize(
    ("paragraphs", "countries"),
    [
        (["Singapore will spend S$120 million (about $90 million) on the centre."], ("SG",)),
        (["The NZ$40 million grant was approved.", "That is about $24 million."], ("NZ",)),
        (["Perth's lab won a grant of A$75m (US$50m) and a loan ($20m) from a bank."], ("AU",)),
    ],
)
def test_a_bare_dollar_that_converts_is_the_us_dollar(
    paragraphs: list[str], countries: tuple[str, ...]
) -> None:
    assert units_of_bare_dollars(paragraphs, countries)[0] == "USD"


@pytest.mark.parametrize(
    ("paragraphs", "countries"),
    [
        (
            ["Canberra set aside A$3 billion ($2 billion) for compute.", "Firms raised $300m."],
            ("AU",),
        ),
        (
            ["Ottawa pledged C$1.4 billion, or about $1 billion.", "A rival bid was $600m."],
            ("CA",),
        ),
        (["Taipei's NT$30 billion ($930 million) plan adds $50 million for chips."], ("TW",)),
    ],
)
def test_wire_copy_converting_with_a_bare_sign_leaves_every_bare_sign_to_the_us(
    paragraphs: list[str], countries: tuple[str, ...]
) -> None:
    assert set(units_of_bare_dollars(paragraphs, countries)) == {"USD"}


# --- "another 4 billion": money, not a count of the capacity before it --------------------


@pytest.mark.parametrize(
    ("paragraphs", "countries", "expected"),
    [
        (
            [
                "Bogotá will spend 900 billion pesos on a public AI cloud.",
                "The first stage brings 8 megawatts; a stage worth another 500 billion is planned.",
            ],
            ("CO",),
            ("money", 500e9, "COP"),
        ),
        (
            [
                "The cabinet approved 12 billion baht for a centre with 3,000 GPUs. A further "
                "5 billion will follow in 2027."
            ],
            ("TH",),
            ("money", 5e9, "THB"),
        ),
        (
            [
                "The region has pledged €600 million.",
                "The campus will draw 40 MW, and an additional 1 billion is expected from banks.",
            ],
            (),
            ("money", 1e9, "EUR"),
        ),
    ],
)
def test_a_scaled_follow_up_carries_the_article_s_currency(
    paragraphs: list[str], countries: tuple[str, ...], expected: Reading
) -> None:
    found = read(paragraphs, countries)
    assert expected in found
    assert not [f for f in found if f[2] in ("megawatt", "GPU") and f[1] >= 1e9]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The scheme trained 2 million students, and another 1 million are enrolled.",
            ("count", 1e6, "student"),
        ),
        ("The centre holds 4,000 GPUs, and another 2,000 are on order.", ("count", 2000, "GPU")),
        ("The regulator employs 35 lawyers and will hire a further 20.", ("count", 20, "lawyer")),
    ],
)
def test_a_follow_up_of_things_counts_them(sentence: str, expected: Reading) -> None:
    assert expected in read([sentence])


def test_a_scaled_follow_up_without_any_currency_is_no_figure() -> None:
    found = read(["The site draws 20 megawatts, and another 3 billion would follow."])
    assert found == [("capacity", 20, "MW")]


# --- counts whose noun is given elsewhere -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turin was named one of nine AI hubs in the programme.", ("count", 9, "hub")),
        ("The lab is one of 12 regional supercomputing centres.", ("count", 12, "center")),
        ("The bid was one of 40 proposals received by Brussels.", ("count", 40, "proposal")),
        (
            "The firm trained a 13 billion-parameter model on court records.",
            ("count", 13e9, "parameter"),
        ),
        ("Its 1.5 billion-parameter system runs on a laptop.", ("count", 1.5e9, "parameter")),
        ("The lab runs 512 GPUs and will be expanded to 2,048 next year.", ("count", 2048, "GPU")),
        (
            "The network links 30 universities and is set to grow to 50 by 2027.",
            ("count", 50, "university"),
        ),
        (
            "The office has 45 inspectors and plans to reach 70 by March.",
            ("count", 70, "inspector"),
        ),
        (
            "The ministry bought 5,000 GPUs; 1,200 of them will go to universities.",
            ("count", 1200, "GPU"),
        ),
        (
            "The fund backs 300 start-ups, and 40 of them are led by women.",
            ("count", 40, "startup"),
        ),
        ("The survey covered 1,500 firms; 600 of them had no AI policy.", ("count", 600, "firm")),
    ],
)
def test_counts_whose_noun_is_carried(sentence: str, expected: Reading) -> None:
    assert expected in read([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven in ten firms use no AI at all.",
        "Only 4 of 6 tests passed on the new model.",
        "Two of the three bids were rejected.",
    ],
)
def test_shares_are_not_counts_of_the_whole(sentence: str) -> None:
    assert [f for f in read([sentence]) if f[0] == "count"] == []


# --- a shared currency word means the paragraph's country's ------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "countries", "expected"),
    [
        (
            [
                "UAE: Abu Dhabi approved AED 2 billion for a national model.",
                "MOROCCO: The digital ministry will spend 3 billion dirhams on a data centre.",
            ],
            ("AE",),
            (3e9, "MAD"),
        ),
        (["A Casablanca start-up raised 50 million dirhams."], (), (50e6, "MAD")),
        (["Dubai's fund put 400 million dirhams into chips."], ("MA",), (400e6, "AED")),
        (
            ["MEXICO: A new lab opened.", "CHILE: The fund will add 20 billion pesos for fibre."],
            ("MX",),
            (20e9, "CLP"),
        ),
        (["The Colombian ministry set aside 90 billion pesos."], (), (90e9, "COP")),
        (["Chile's fund, like a Mexican one, got 30 billion pesos."], ("CL", "MX"), (30e9, "CLP")),
    ],
)
def test_a_shared_currency_word_follows_the_paragraph_s_country(
    paragraphs: list[str], countries: tuple[str, ...], expected: tuple[float, str]
) -> None:
    assert ("money", *expected) in read(paragraphs, countries)


# --- compound nouns ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The fund will connect 420 remote health posts by 2027.", "health post"),
        ("The grid operator will add three gas power plants.", "power plant"),
        ("The operator built 1,500 base stations in rural areas.", "base station"),
        ("The province runs 64 health centres.", "health center"),
        # a research group is one kind of team, counted whole (round-3 gold convention)
        ("The council funds 1,200 research groups.", "research group"),
        ("The plan trains 30,000 AI specialists.", "specialist"),
        ("Brussels backs four AI gigafactories.", "gigafactory"),
    ],
)
def test_a_noun_compound_is_counted_whole_and_a_modifier_is_not(sentence: str, unit: str) -> None:
    assert [f[2] for f in read([sentence]) if f[0] == "count"] == [unit]
