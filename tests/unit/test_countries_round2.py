"""Countries, second round: labels in capitals, state bodies by name, papers that never
name their own country, and languages that share a word with a demonym.

Every text here is invented (people, bodies' wording, firms and figures); each rule is
checked on several variants so that it holds for news in general.
"""

from __future__ import annotations

import pytest

from bot.analysis.countries import country_weights, detect_countries
from bot.analysis.country_context import Role, role

# --- Round-ups labelled in capitals or by a plural's possessive -------------------------

CAPS_COLON = (
    "Sovereign AI: the regional digest",
    [
        "Several governments moved on national computing this week.",
        "SAUDI ARABIA: The data authority opened bids for a public GPU park near Riyadh.",
        "KUWAIT: The cabinet approved a fund for Arabic-language models on Sunday.",
        "JORDAN: The digital economy ministry signed a deal for a state cloud.",
        "OMAN: Officials said the first phase of a national data centre was complete.",
    ],
    {"SA", "KW", "JO", "OM"},
)
CAPS_DASH = (
    None,
    [
        "Here is what changed in public AI across Asia this month.",
        "VIETNAM — The science ministry launched a programme to train Vietnamese models.",
        "THAILAND — A state agency unveiled a 2,000-GPU cluster for universities.",
        "SOUTH KOREA — The government set aside funds for a sovereign foundation model.",
        "SRI LANKA — The cabinet approved a plan for a national language model in Sinhala.",
    ],
    {"VN", "TH", "KR", "LK"},
)
PLURAL_POSSESSIVE = (
    "Three small states back public compute",
    [
        "Smaller economies are joining the race for sovereign computing power.",
        "The Philippines' Department of Science approved a shared GPU facility in Cebu.",
        "The Netherlands' Digital Affairs Council launched a call for Dutch-language models.",
        "The Maldives' communications authority signed a deal for a national cloud.",
    ],
    {"PH", "NL", "MV"},
)


@pytest.mark.parametrize("case", [CAPS_COLON, CAPS_DASH, PLURAL_POSSESSIVE])
def test_each_labelled_country_of_a_round_up_is_tagged(
    case: tuple[str | None, list[str], set[str]],
) -> None:
    title, paras, expected = case
    assert set(detect_countries(title, paras)) == expected


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "NORWAY TO BUILD STATE AI SUPERCOMPUTER",
            ["The government said the machine would serve public research from 2027."],
            "NO",
        ),
        (
            "INDONESIAN MINISTRY ORDERS 4,000 GPUS",
            ["The purchase is part of a push for a national language model."],
            "ID",
        ),
        (
            None,
            ["ARGENTINA — The science ministry opened a public GPU cluster on Friday."],
            "AR",
        ),
    ],
)
def test_a_country_written_in_capitals_is_read(
    title: str | None, paras: list[str], code: str
) -> None:
    assert detect_countries(title, paras) == (code,)


@pytest.mark.parametrize(
    "title",
    [
        "TELL US WHAT YOU THINK OF AI",
        "MICHAEL JORDAN BACKS A SPORTS-DATA START-UP",
        "POLE POSITION FOR A NEW AI CHIP",
        "EMIRATES ORDERS AI TOOLS FOR ITS CABIN CREW",
    ],
)
def test_capitals_that_are_not_a_country_stay_out(title: str) -> None:
    assert detect_countries(title, ["The company gave no figures for the deal."]) == ()


# --- A country's capitalised state body acts, it does not say where a firm is from -----


@pytest.mark.parametrize(
    "sentence",
    [
        "Ireland's Data Protection Commission, the lead regulator, fined the firm.",
        "Canada's Competition Bureau is investigating the cloud contracts.",
        "South Korea's Personal Information Protection Commission ordered a halt.",
        "Australia's eSafety Commissioner has opened a review of the chatbot.",
    ],
)
def test_a_state_body_by_its_capitalised_name_acts(sentence: str) -> None:
    end = sentence.index("'")
    assert role(sentence, 0, end) is Role.ACTOR


def test_a_company_after_a_possessive_still_only_says_where_it_is_from() -> None:
    sentence = "Japan's Kaminari Systems said it would buy 500 chips."
    assert role(sentence, 0, sentence.index("'")) is Role.MODIFIER


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Brightlane, a retailer, used face-matching cameras in 40 stores last year.",
            "The cameras were supplied by a firm based in Lisbon.",
            "Shoppers complained that they were wrongly flagged.",
            "Ireland's Data Protection Commission has opened an inquiry into the trial.",
        ],
        [
            "A chatbot made by Orvane Labs gave wrong tax advice to thousands of users.",
            "The start-up had raised money from investors last spring.",
            "Users shared screenshots of the errors online.",
            "Canada's Privacy Commissioner launched an investigation on Monday.",
        ],
        [
            "Delmora, a payments app, scored loan applicants with an AI model.",
            "Its engineers trained the model on five years of repayment records.",
            "Critics said the model penalised rural applicants.",
            "Kenya's Office of the Data Protection Commissioner ordered the company to stop.",
        ],
    ],
)
def test_a_regulator_acting_late_in_the_story_tags_its_country(paras: list[str]) -> None:
    assert detect_countries(None, paras) != ()


# --- A paper that never names its own country: language, currency, cities -------------


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "Tk 200 crore for a Bangla speech assistant",
            [
                "The government has approved a project to build a voice assistant in Bangla "
                "for rural health workers, officials said on Sunday.",
                "Pilots will start in Sylhet and Khulna before the national roll-out.",
            ],
            "BD",
        ),
        (
            "Rp 2 trillion for a Bahasa Indonesia model",
            [
                "The communications ministry will fund a large language model trained on "
                "Bahasa Indonesia text, the minister said.",
                "The model will be hosted at a state data centre in Surabaya.",
            ],
            "ID",
        ),
        (
            "Sh3 billion set aside for Kiswahili AI tools",
            [
                "The ICT ministry will fund speech tools in Kiswahili for county clinics, "
                "the cabinet secretary said.",
                "The first clinics are in Mombasa and Kisumu.",
            ],
            "KE",
        ),
        (
            "R850m for a public GPU centre",
            [
                "The department will build a computing centre in Durban to train models in "
                "isiZulu and Sesotho, the minister said.",
                "Universities in Gauteng will share the machine.",
            ],
            "ZA",
        ),
    ],
)
def test_language_currency_and_cities_place_an_unnamed_country(
    title: str, paras: list[str], code: str
) -> None:
    assert detect_countries(title, paras) == (code,)


@pytest.mark.parametrize(
    ("paras", "code"),
    [
        (["The province will spend Rs 40 crore on AI labs in Lahore and Peshawar."], "PK"),
        (["The board approved Tk 90 crore for GPU servers at the Gazipur hi-tech park."], "BD"),
        (["The state approved Rs 600 crore for an AI mission led by MeitY."], "IN"),
    ],
)
def test_a_shared_unit_goes_to_the_country_the_article_points_to(
    paras: list[str], code: str
) -> None:
    assert set(country_weights(None, paras)) == {code}


@pytest.mark.parametrize(
    "text",
    [
        "DeepSeek R1 beat the older model on 12 benchmarks.",
        "Spending on R&D rose sharply, the report said.",
        "The R2 variant of the chip ships in 2026.",
    ],
)
def test_a_letter_sign_without_an_amount_is_not_a_currency(text: str) -> None:
    assert country_weights(None, [text]) == {}


# --- A language that shares its word with a demonym is not that country -----------------


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "Taipei funds a model for traditional Chinese",
            [
                "Taiwan's digital ministry will pay for a language model that writes "
                "traditional Chinese, the cabinet said.",
                "The model will be trained on court records written in Chinese.",
            ],
            "TW",
        ),
        (
            "Brazil backs a Brazilian Portuguese model",
            [
                "The Brazilian government will fund an assistant that answers in Portuguese, "
                "the science ministry said on Monday.",
                "It will be trained on Brazilian Portuguese court and news text.",
            ],
            "BR",
        ),
        (
            "Quebec-made model to speak Canadian French",
            [
                "Canada's innovation department approved funding for a model in French and "
                "English for public services.",
                "Its developers say Canadian French differs from European French.",
            ],
            "CA",
        ),
        (
            "Mexico to build a public chatbot in Spanish",
            [
                "The Mexican government will launch a chatbot that answers in Spanish and "
                "in Nahuatl, officials said.",
                "Staff who speak Spanish as a second language will test it first.",
            ],
            "MX",
        ),
    ],
)
def test_a_language_named_like_a_demonym_is_not_its_country(
    title: str, paras: list[str], code: str
) -> None:
    assert detect_countries(title, paras) == (code,)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Critics worry about key chip plants ending up in Chinese hands.", "CN"),
        ("The fund invests in Japanese start-ups and labs.", "JP"),
        ("Regulators in French ministries asked for a review.", "FR"),
    ],
)
def test_a_demonym_before_a_noun_is_still_the_country(text: str, code: str) -> None:
    assert code in country_weights(None, [text])


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Open model now speaks Hindi, Swahili and Yoruba",
            ["The lab said the model was trained on web text in 40 languages."],
        ),
        (
            "Speech tool adds Amharic and Bangla",
            ["The start-up said more languages would follow next year."],
        ),
        (
            "A chatbot that answers in Tagalog",
            ["Its makers said the model was small enough to run on a phone."],
        ),
    ],
)
def test_a_language_alone_names_no_country(title: str, paras: list[str]) -> None:
    assert detect_countries(title, paras) == ()
