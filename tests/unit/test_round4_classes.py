"""Failure classes found by the fourth blind set, each with invented variants: native
acronyms of translated names, an institution given by its last word, colon datelines,
local currency signs, space-grouped thousands, "financial years" and "other" in counts."""

from __future__ import annotations

import pytest

from bot.analysis.acronyms import defined_acronyms
from bot.analysis.countries import detect_countries
from bot.analysis.figures import extract_figures
from bot.analysis.quotes import extract_quotes


@pytest.mark.parametrize(
    ("text", "abbr", "full"),
    [
        (
            "The National Research and Innovation Agency (BRIN) will train it.",
            "BRIN",
            "National Research and Innovation Agency",
        ),
        (
            "Chile's National Data Protection Council (CNPD) fined the firm.",
            "CNPD",
            "National Data Protection Council",
        ),
        (
            "the Federal Office for Digital Services (BFSD) said",
            "BFSD",
            "Federal Office for Digital Services",
        ),
        (
            "the Authority for Artificial Intelligence and Data (AIAD) said",
            "AIAD",
            "Authority for Artificial Intelligence and Data",
        ),
    ],
)
def test_native_acronyms_of_translated_names(text: str, abbr: str, full: str) -> None:
    assert defined_acronyms(text)[abbr] == full


@pytest.mark.parametrize(
    "text",
    [
        "the Ministry of Finance (AI) unit",  # two letters: no definition
        "Nordlys Holdings Corp (NVQX) shares rose",  # a ticker's letters are not initials
        "the Office of the President (XYZW) said",
    ],
)
def test_letters_that_are_not_the_initials_define_nothing(text: str) -> None:
    assert defined_acronyms(text) == {}


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "The Ruvanian Data Authority (ARDV) fined the app maker on Monday.",
                "“Consent obtained through confusing menus is not consent at all,” the ARDV said.",
            ],
            "Ruvanian Data Authority",
        ),
        (
            [
                "Mirelan's National Compute and Research Agency (ANCI) will run the cluster.",
                "“The first model will be free for every ministry,” ANCI said in a statement.",
            ],
            "National Compute and Research Agency",
        ),
    ],
)
def test_a_translated_acronym_speaks_under_its_name(paragraphs: list[str], speaker: str) -> None:
    (quote,) = extract_quotes(paragraphs)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "The European Commission on Tuesday named six new AI factories.",
                "“These sites will give researchers a fair start,” a Commission spokesperson said.",
            ],
            "European Commission",
        ),
        (
            [
                "The Lagoon City Animation Guild wrote to the festival organisers.",
                "“Festivals should champion artists, not software vendors,” the guild said.",
            ],
            "Lagoon City Animation Guild",
        ),
        (
            [
                "The Northern Software Association backed the state's compute plan.",
                "“Our members need affordable GPUs more than tax breaks,” the association said.",
            ],
            "Northern Software Association",
        ),
        (
            [
                "The Ministry of Digital Affairs on Friday opened bids for the cluster.",
                "“We expect the first racks within a year,” a Ministry spokesperson said.",
            ],
            "Ministry of Digital Affairs",
        ),
    ],
)
def test_an_institution_given_by_its_last_word(paragraphs: list[str], speaker: str) -> None:
    (quote,) = extract_quotes(paragraphs)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["KUALA LUMPUR: The government will invest RM2.5 bil in a sovereign AI cluster."], "MY"),
        (["NEW DELHI: The ministry approved Rs 900 crore for the national compute grid."], "IN"),
        (["KARACHI: The federal cabinet cleared Rs 12 billion for Pakistan's AI centre."], "PK"),
    ],
)
def test_a_colon_dateline_places_a_story_that_names_its_country(
    paragraphs: list[str], expected: str
) -> None:
    assert detect_countries(None, paragraphs) == (expected,)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["LONDON: The visitors won 2-1 at the home of the league leaders on Sunday."],
        ["PARIS: The champion took the final set 6-4 after a long rain delay."],
    ],
)
def test_a_colon_dateline_alone_does_not(paragraphs: list[str]) -> None:
    assert detect_countries(None, paragraphs) == ()


def _figures(text: str) -> list[tuple[str, float, str]]:
    return [(f.kind, f.value, f.unit) for f in extract_figures([text])]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Kigali set aside Rwf 40 billion for the data centre.", ("money", 40e9, "RWF")),
        ("The plan costs RWF 12.5 billion over three years.", ("money", 12.5e9, "RWF")),
        ("Lima will spend S/ 3.2 billion on the network.", ("money", 3.2e9, "PEN")),
        ("The ministry approved S/. 450 million for servers.", ("money", 450e6, "PEN")),
    ],
)
def test_local_currency_signs(text: str, figure: tuple[str, float, str]) -> None:
    assert figure in _figures(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The cloud will host 1 200 GPUs.", ("count", 1200.0, "GPU")),
        ("It will train 2 000 postgraduate students.", ("count", 2000.0, "student")),
        ("The cluster grows to 12 500 GPUs next year.", ("count", 12500.0, "GPU")),
    ],
)
def test_thousands_grouped_with_plain_spaces(text: str, figure: tuple[str, float, str]) -> None:
    assert figure in _figures(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("In 2024 10 firms joined the programme.", ("count", 10.0, "firm")),
        ("On November 15 200 people attended the launch.", ("count", 200.0, "person")),
    ],
)
def test_a_year_or_a_day_before_a_number_is_no_thousands_group(
    text: str, figure: tuple[str, float, str]
) -> None:
    assert figure in _figures(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The fund runs for three financial years.", ("duration", 3.0, "year")),
        ("Grants are paid over two fiscal years.", ("duration", 2.0, "year")),
        ("The model will cover 10 other regional languages.", ("count", 10.0, "language")),
        ("Four other universities will join later.", ("count", 4.0, "university")),
    ],
)
def test_words_between_the_number_and_its_noun(text: str, figure: tuple[str, float, str]) -> None:
    assert figure in _figures(text)


LEAD = "Digital Minister Bek Olimov said the plan was ready."


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The cluster will “serve every university in the country for a decade,” according "
            "to a statement from the Ministry of Digital Development.",
            "Ministry of Digital Development",
        ),
        (
            "According to a press release issued by the National Compute Agency, “every "
            "university will get free compute time next year.”",
            "National Compute Agency",
        ),
        (
            "Funding will pay for a “package of 86 new public projects” across every sector, "
            "according to a statement issued by President Amon Karimov’s office.",
            "President Amon Karimov’s office",
        ),
    ],
)
def test_according_to_a_statement_by(sentence: str, speaker: str) -> None:
    quotes = extract_quotes([LEAD, sentence])
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "“We will not sell the cluster to anyone,” Prime Minister Lena Varga’s office said.",
            "Prime Minister Lena Varga’s office",
        ),
        (
            "“The compute centre opens to all universities in May,” President Ida Moro's "
            "office said in a statement.",
            "President Ida Moro's office",
        ),
        (
            "“No foreign cloud will hold these records,” Chancellor Oskar Brandt’s office said.",
            "Chancellor Oskar Brandt’s office",
        ),
    ],
)
def test_a_leaders_office_speaks_as_that_office(sentence: str, speaker: str) -> None:
    (quote,) = extract_quotes([LEAD, sentence])
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The model comes in two sizes, 8 billion and 70 billion parameters.",
            [8e9, 70e9],
        ),
        ("It is released in versions of 7 billion or 13 billion parameters.", [7e9, 13e9]),
        (
            "Models of 1 billion, 7 billion and 30 billion parameters were trained.",
            [1e9, 7e9, 30e9],
        ),
        ("The state will open 3, 5 and 12 data centres in stages.", [3.0, 5.0, 12.0]),
    ],
)
def test_numbers_listed_before_one_noun_each_count_it(text: str, expected: list[float]) -> None:
    units = {f.unit for f in extract_figures([text]) if f.value in expected}
    values = sorted(f.value for f in extract_figures([text]) if f.unit in units)
    assert values == expected and len(units) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Between 2022 and 2024 3,000 GPUs were bought.",  # a year is never listed
        "It will buy between 8 and 10 billion parameters' worth of data.",  # a range
    ],
)
def test_a_year_or_a_range_is_not_a_list(text: str) -> None:
    assert all(f.value not in (2024.0, 8.0, 8e9) for f in extract_figures([text]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It comes in two sizes: 8 billion, for individual use, and 70 billion parameters.",
            [8e9, 70e9],
        ),
        ("The cluster has 512, in its first phase, and 2,048 GPUs in its second.", [512.0, 2048.0]),
        ("Two variants exist: 3 billion, for phones, or 13 billion parameters.", [3e9, 13e9]),
    ],
)
def test_a_list_with_an_aside_before_its_noun(text: str, expected: list[float]) -> None:
    figures = extract_figures([text])
    assert sorted(f.value for f in figures) == expected  # no count of "sizes" or "variants"


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "Nigeria's minister said the fibre fund was agreed with the bank.",
            "He spoke after talks with bank officials in Washington DC, United States of America.",
        ],
        [
            "Kenya's cabinet approved the national compute centre on Tuesday.",
            "The deal was signed at a summit in Lyon, France, by the ICT minister.",
        ],
        [
            "Ghana will build a sovereign AI cloud, the digital minister said.",
            "She announced it at a forum in Dubai, United Arab Emirates, last week.",
        ],
    ],
)
def test_the_country_of_a_venue_counts_as_a_city(paragraphs: list[str]) -> None:
    assert len(detect_countries(None, paragraphs)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The model handles Chinese-to-English translation and summaries.",
        "It offers English-to-Japanese translation for civil servants.",
        "Korean-to-English subtitles are generated by the public model.",
    ],
)
def test_a_translation_pair_names_languages(sentence: str) -> None:
    paragraphs = ["Taiwan's science ministry released its national language model.", sentence]
    assert detect_countries(None, paragraphs) == ("TW",)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The cabinet approved “twelve regional compute hubs for startups” in every "
            "province,” according to the Ministry of Digital Affairs.",
            "Ministry of Digital Affairs",
        ),
        (
            "It will fund “three national language models for public use” over five years,” "
            "according to a statement from the National AI Office.",
            "National AI Office",
        ),
        (
            "The grid will link “every public university and research hospital” by 2028,” "
            "according to Deputy Minister Lina Otieno.",
            "Lina Otieno",
        ),
    ],
)
def test_a_stray_closing_mark_before_the_attribution(sentence: str, speaker: str) -> None:
    (quote,) = extract_quotes([LEAD, sentence])
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            [
                "Taiwan released its national language model on Monday, the science ministry said.",
                "Most of the data used by global models come from China, and their answers "
                "arrive from a Chinese perspective, the project lead said.",
            ],
            ("TW",),
        ),
        (
            [
                "Vietnam will train a national model, the ministry said on Friday.",
                "Critics noted that much of the training data is from the United States.",
            ],
            ("VN",),
        ),
        (
            [
                "Kenya launched a Swahili model on Tuesday, the ICT ministry said.",
                "The texts were mostly drawn from Tanzania and from Uganda, researchers said.",
            ],
            ("KE",),
        ),
    ],
)
def test_where_data_or_a_view_comes_from_is_no_country_of_the_story(
    paragraphs: list[str], expected: tuple[str, ...]
) -> None:
    assert detect_countries(None, paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "“The council stands ready to partner with every country,” the council said.",
                "According to the council’s Applied Compute Institute, the new fund will open "
                "its models to all.",
                "“By opening the cluster to every lab, the fund will grow the ecosystem,” it said.",
            ],
            "Applied Compute Institute",
        ),
        (
            [
                "“We will fund three new labs this year,” Orion Telecom said.",
                "According to the National Compute Agency, the grid will reach every province.",
                "“No region will be left without access to public compute,” it said.",
            ],
            "National Compute Agency",
        ),
        (
            [
                "“We back the plan in full,” the Digital Ministry said on Monday.",
                "According to Statistics Norland, adoption doubled last year.",
                "“Small firms now use AI twice as often as in 2023,” it said in its report.",
            ],
            "Statistics Norland",
        ),
    ],
)
def test_it_said_after_according_to_an_organisation(paragraphs: list[str], speaker: str) -> None:
    quotes = extract_quotes(paragraphs)
    assert quotes[-1].speaker == speaker
