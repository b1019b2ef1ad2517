"""Countries an article is about, on invented news of the kinds real feeds carry.

Every text here is made up (people, firms and figures too); each rule is checked on
several variants so that it holds for news in general, not for one article.
"""

from __future__ import annotations

import pytest

from bot.analysis.countries import detect_countries
from bot.analysis.gazetteer import COUNTRIES
from bot.analysis.institutions import CAPITALS, CUES

# --- Round-ups: each country with its own paragraph of action or money is tagged -------

ROUNDUP_ASIA = (
    "Five governments bet on home-grown AI",
    [
        "Governments across the region are pouring public money into computing power.",
        "India's electronics ministry approved 12,000 more GPUs for its national cluster.",
        "Japan will subsidise two new data centres in Hokkaido, officials said.",
        "In Indonesia, the government set aside 3 trillion rupiah for a local-language model.",
        "Malaysian ministers unveiled a sovereign cloud for public agencies on Friday.",
        "Vietnam plans a state-owned AI research centre in Da Nang by 2027.",
    ],
    {"IN", "JP", "ID", "MY", "VN"},
)
ROUNDUP_WORLD = (
    "The week in sovereign AI",
    [
        "Brazil's science ministry launched a call for a national language model.",
        "Kenya: the ICT ministry opened a GPU centre for universities in Nairobi.",
        "Poland's digital ministry said it would fund a Polish-language assistant.",
        "Canada announced a C$300 million compute fund for researchers and start-ups.",
    ],
    {"BR", "KE", "PL", "CA"},
)
ROUNDUP_GULF = (
    None,
    [
        "Gulf states are racing to build their own AI capacity, a new report found.",
        "Saudi Arabia approved a fund for Arabic models, the report said, while the "
        "Qatari government launched a national compute programme.",
        "Oman's transport and communications ministry unveiled a data-centre plan.",
        "Bahrain has signed a deal for a public AI cloud, according to the report.",
    ],
    {"SA", "QA", "OM", "BH"},
)


@pytest.mark.parametrize("case", [ROUNDUP_ASIA, ROUNDUP_WORLD, ROUNDUP_GULF])
def test_every_country_acting_in_a_round_up_is_tagged(
    case: tuple[str | None, list[str], set[str]],
) -> None:
    title, paras, expected = case
    assert set(detect_countries(title, paras)) == expected


# --- Not tagged: a partner's home, a comparison, a funder, a visitor -------------------


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Ghana will open a national AI supercomputer next year, the ministry said.",
            "The machine is built with U.S. technology and holds 2,000 Nvidia chips.",
            "Ghana's universities will share the system, officials in Accra said.",
        ],
        [
            "Peru's government approved a public AI cloud for hospitals on Monday.",
            "It will run on a Chinese-made server farm and American chips.",
            "The health ministry said Peru would own all patient data.",
        ],
        [
            "Morocco wants its own Arabic and Amazigh models, the digital minister said.",
            "Morocco is racing the United States and China, she said, but on a smaller scale.",
            "The plan follows Morocco's 2030 digital strategy.",
        ],
        [
            "Chile will fund three research GPU clusters, the science ministry said.",
            "Chile should do as France and Germany have done, the minister added.",
            "The clusters will be built in Santiago and Valparaíso.",
        ],
    ],
)
def test_a_partner_s_home_or_a_comparison_is_not_tagged(paras: list[str]) -> None:
    assert len(detect_countries(None, paras)) == 1


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Rwanda opened a national data centre for AI research on Tuesday.",
            "The centre was co-funded by the EU and will train models in Kinyarwanda.",
            "Rwanda's ICT ministry said the centre would serve all universities.",
        ],
        [
            "Cambodia's government launched a Khmer-language chatbot for public services.",
            "The project was built with support from Japan's JICA, officials said.",
            "Cambodia plans to add more public services next year.",
        ],
        [
            "Senegal will build a sovereign cloud for state data, the ministry said.",
            "The World Bank and the EU financed the first phase of the project.",
            "Senegal's digital minister said the cloud would open in Dakar in 2026.",
        ],
        [
            "Zambia approved a national AI strategy with a public compute fund.",
            "A visiting French delegation signed a memorandum on skills training.",
            "Zambia's cabinet said the fund would start with 50 GPUs.",
        ],
        [
            "Uzbekistan unveiled a plan for an Uzbek-language model on Thursday.",
            "The plan was presented during a visit by the Korean prime minister.",
            "Uzbekistan's digital ministry will run the project from Tashkent.",
        ],
    ],
)
def test_a_funder_partner_or_visitor_is_not_tagged(paras: list[str]) -> None:
    assert len(detect_countries(None, paras)) == 1


# --- Found without the country's name: state bodies, money, capitals, titles -----------


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "MeitY clears 3,000 more GPUs for startups",
            [
                "The Ministry of Electronics and Information Technology said the chips would "
                "go to 40 firms building local-language models."
            ],
            "IN",
        ),
        (
            "Bundestag approves AI compute budget",
            ["Lawmakers voted to fund two new supercomputers at public research centres."],
            "DE",
        ),
        (
            None,
            [
                "The Élysée said on Monday that a public fund would back new AI data centres.",
                "CNRS researchers will get first access to the machines.",
            ],
            "FR",
        ),
        (
            None,
            ["The Knesset passed a law on Tuesday creating a national AI computing centre."],
            "IL",
        ),
        (
            "Riksdag backs public AI supercomputer",
            ["Members voted 250 to 40 for the plan, which Vinnova will oversee."],
            "SE",
        ),
        (
            None,
            [
                "The Taoiseach said the State would build a national AI research cloud.",
                "The Dáil will debate the funding next month.",
            ],
            "IE",
        ),
        (
            "Kremlin orders state AI model for public services",
            ["The models must be trained on domestic servers, the order said."],
            "RU",
        ),
        (
            None,
            [
                "The Infocomm Media Development Authority will fund a regional language model.",
                "A*STAR researchers will train it on a new cluster.",
            ],
            "SG",
        ),
        (
            None,
            ["KAIST will host a public GPU centre for universities, the science ministry said."],
            "KR",
        ),
        (
            "CSIRO to build sovereign AI model",
            ["The national science agency said the model would be trained on public data."],
            "AU",
        ),
        (
            None,
            ["The state agency will spend 400 billion rupiah on a national AI data centre."],
            "ID",
        ),
        (
            None,
            ["The ministry set aside 2 billion ringgit for a public AI cloud, officials said."],
            "MY",
        ),
        (
            None,
            ["NITDA said the 5 billion naira fund would back local-language AI start-ups."],
            "NG",
        ),
        (
            None,
            ["The digital agency will invest 3 billion baht in a public AI cluster in Bangkok."],
            "TH",
        ),
        (
            "Chancellor of the Exchequer unveils AI compute fund",
            ["The Treasury will put the money into a public supercomputer at a university."],
            "GB",
        ),
        (
            None,
            ["The National Assembly in Ha Noi passed a law creating a national AI fund."],
            "VN",
        ),
    ],
)
def test_a_country_is_found_from_its_state_bodies_money_and_capital(
    title: str | None, paras: list[str], code: str
) -> None:
    assert detect_countries(title, paras) == (code,)


def test_ambiguous_lower_case_words_are_not_cues() -> None:
    paras = [
        "The dong and the rand are cheap this week, and our diet is changing.",
        "Congress is a word for any meeting; the Diet of Worms was in 1521.",
    ]
    assert detect_countries(None, paras) == ()


def test_the_cue_table_covers_many_countries_and_known_codes() -> None:
    assert len(CUES) >= 40
    assert set(CUES) <= set(COUNTRIES)
    for ambiguous in ("Diet", "dong", "rand", "Congress", "National Assembly", "won"):
        assert all(ambiguous not in (c.bodies + c.money + c.places) for c in CUES.values())
    assert {"Berlin", "Tokyo", "Ha Noi", "Abuja"} <= CAPITALS
    assert "Istanbul" not in CAPITALS


# --- Company demonyms weigh little; a government acting weighs a lot -------------------


@pytest.mark.parametrize(
    ("paras", "expected"),
    [
        (
            [
                "Chinese giant Huawei will supply the servers for Kenya's national AI cloud.",
                "The Kenyan government said the cloud would host all public data.",
                "A Chinese start-up will train the first model, Kenyan officials said.",
            ],
            ("KE",),
        ),
        (
            [
                "American chipmaker Orbitron will sell 5,000 GPUs to the Thai government.",
                "Thai ministers approved the purchase for a national AI centre on Monday.",
                "Orbitron's American rivals had also bid for the contract.",
            ],
            ("TH",),
        ),
        (
            [
                "French champion Lumen AI and German firm Datenwerk will advise Malaysia.",
                "Malaysian ministers approved a 1 billion ringgit sovereign AI plan.",
                "The Malaysian government said local universities would get access first.",
            ],
            ("MY",),
        ),
    ],
)
def test_a_company_demonym_weighs_little_and_a_government_a_lot(
    paras: list[str], expected: tuple[str, ...]
) -> None:
    assert detect_countries(None, paras) == expected


def test_two_governments_acting_are_both_tagged() -> None:
    paras = [
        "Japan and India signed a pact to build a shared AI research cloud.",
        "The Japanese government will fund the GPUs, the trade ministry said.",
        "India's electronics ministry said Indian universities would run the models.",
    ]
    assert set(detect_countries(None, paras)) == {"JP", "IN"}


# --- What was right stays right ---------------------------------------------------------


def test_languages_and_us_dollars_are_still_not_countries() -> None:
    paras = [
        "Laos will spend US$40 million on models for Korean, Thai and Lao text.",
        "Laos said the models would answer in Lao and French.",
    ]
    assert detect_countries("Laos funds local-language AI", paras) == ("LA",)


def test_a_quoted_comparison_is_not_a_country_of_the_article() -> None:
    paras = [
        "Austria opened its largest public supercomputer on Friday, the chancellor said.",
        '"The United States and China are far ahead, and we must catch up," he said.',
        "The machine in Vienna will be open to every Austrian university.",
    ]
    assert detect_countries("Austria opens supercomputer", paras) == ("AT",)


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Ecuador's government will build a public AI cloud, the minister said.",
            "Last year Colombia approved a similar fund for researchers.",
            "Ecuador will spend $40 million on it.",
        ],
        [
            "Tunisia will train an Arabic and Darija model on a public cluster.",
            "Algeria launched a comparable programme in March, officials noted.",
            "Tunisia's ministry said the cluster would be ready next year.",
        ],
        [
            "Nepal's cabinet approved a national AI data centre in Kathmandu.",
            "Bhutan has likewise promised a small public cluster for its universities.",
            "Nepal will fund the centre from its own budget, the minister said.",
        ],
    ],
)
def test_a_country_doing_something_similar_is_a_comparison(paras: list[str]) -> None:
    assert len(detect_countries(None, paras)) == 1


@pytest.mark.parametrize(
    ("paras", "code"),
    [
        (["NEW DELHI, May 4 (Newswire) - The cabinet approved a national GPU cluster."], "IN"),
        (["KUALA LUMPUR — The ministry will build a public AI cloud, officials said."], "MY"),
        (["ABU DHABI, Jan 9 - A state fund will back a new Arabic language model."], "AE"),
        (["SINGAPORE, June 2 (Newswire) - The agency will fund a regional AI model."], "SG"),
    ],
)
def test_a_wire_dateline_in_capitals_locates_the_article(paras: list[str], code: str) -> None:
    assert detect_countries(None, paras) == (code,)


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Saudi Arabia's AI company will open two data centres in Riyadh next year.",
            "Saudi Arabia will buy the chips once U.S. officials said licences were ready.",
            "The kingdom plans 2 gigawatts of capacity by 2030, Saudi officials said.",
        ],
        [
            "Vietnam will build a national AI supercomputer, the science ministry said.",
            "The Japanese government said it was watching chip exports closely.",
            "Vietnam's ministry will open the machine to universities in Ha Noi.",
        ],
        [
            "Egypt launched an Arabic-language model for public services on Sunday.",
            "A German ministry said the same day that it welcomed the project.",
            "Egypt plans to train a larger model next year, the minister said.",
        ],
    ],
)
def test_another_government_only_speaking_is_not_tagged(paras: list[str]) -> None:
    assert len(detect_countries(None, paras)) == 1


@pytest.mark.parametrize(
    "paras",
    [
        ["At a conference in London, the start-up's chief showed its newest chatbot."],
        ["The chipmaker held its annual developer event in Tokyo on Tuesday."],
        ["A robotics firm opened a showroom in Nairobi, selling delivery drones."],
    ],
)
def test_a_capital_as_a_mere_venue_is_not_a_country(paras: list[str]) -> None:
    assert detect_countries(None, paras) == ()


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        ("US chipmaker posts record quarter", ["Revenue rose 40% on demand for AI chips."]),
        ("Chinese giant Zenlong lifts AI spending", ["The firm will hire 2,000 engineers."]),
        ("German start-up raises $50 million", ["Investors backed its coding assistant."]),
    ],
)
def test_a_company_s_home_in_the_title_alone_is_not_a_country(title: str, paras: list[str]) -> None:
    assert detect_countries(title, paras) == ()
