"""Quote and speaker classes found by the invented round-3 set (heldout_round3.jsonl),
each pinned here by invented variants of its own: Q&A interviews whose answers carry no
quote marks, "he"/"she" resolved by the gender the text shows, a minister named after
"said" or "according to" at the end of a paragraph as the later "he", and organisation
names that open with a demonym ("the Chilean Institute for Digital Rights").
"""

from __future__ import annotations

import pytest

from bot.analysis.gender import infer_genders
from bot.analysis.interviews import interview_answers
from bot.analysis.pipeline import analyze
from bot.models import Quote


def _quotes(text: str) -> list[Quote]:
    return list(analyze(None, text).quotes)


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text[:20]: q.speaker for q in _quotes(text)}


# --- Q&A interviews -------------------------------------------------------------------

INTERVIEWS = [
    pytest.param(
        "NAIROBI: We spoke to Wanjiru Kamau, who runs the national GPU programme, about "
        "the new cluster.\n"
        "Q: When will it open?\n"
        "A: The first racks go live in March, and universities get access a month later.\n"
        "Q: Who pays for the power?\n"
        "A: The Treasury pays the first two years, then the users pay a subsidised rate.",
        "Wanjiru Kamau",
        [
            "The first racks go live in March, and universities get access a month later.",
            "The Treasury pays the first two years, then the users pay a subsidised rate.",
        ],
        id="q-a-labels-spoke-to",
    ),
    pytest.param(
        "LIMA: Rodrigo Paucar leads the state's language model project. He talked with us "
        "about Quechua data.\n"
        "Question: Why build your own model?\n"
        "Answer: Because no foreign model has read enough Quechua to be useful in a clinic.\n"
        "Question: How large is the budget?\n"
        "Answer: Forty million soles over three years, most of it for data collection.",
        "Rodrigo Paucar",
        [
            "Because no foreign model has read enough Quechua to be useful in a clinic.",
            "Forty million soles over three years, most of it for data collection.",
        ],
        id="question-answer-labels",
    ),
    pytest.param(
        "HANOI: Nguyen Thi Lan heads the national AI computing centre. Excerpts:\n"
        "Q: What comes first?\n"
        "Lan: Hospitals. They have asked for help reading scans for two years now.\n"
        "Q: And the chips?\n"
        "Lan: We ordered them last year, and half have already been installed.\n"
        "Q: Any regrets?\n"
        "Lan: Yes.",
        "Nguyen Thi Lan",
        [
            "Hospitals. They have asked for help reading scans for two years now.",
            "We ordered them last year, and half have already been installed.",
        ],
        id="surname-label-short-answer-skipped",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "answers"), INTERVIEWS)
def test_interview_answers_are_the_interviewees_quotes(
    text: str, speaker: str, answers: list[str]
) -> None:
    quotes = _quotes(text)
    assert [q.text for q in quotes] == answers
    assert {q.speaker for q in quotes} == {speaker}


def test_a_lone_answer_line_in_prose_is_not_an_interview() -> None:
    text = (
        "The ministry published a list of questions and answers.\n"
        "Q: Is the cluster open to startups?\n"
        "A: Yes, from the second phase onwards, the ministry said.\n"
        "The cluster opens in May."
    )
    assert not interview_answers(text.split("\n"))
    assert not _quotes(text)


def test_a_quote_inside_an_answer_is_part_of_the_answer() -> None:
    text = (
        "TALLINN: We spoke to Kadri Tamm, who directs the state data office.\n"
        "Q: Does the model work?\n"
        "A: Mostly. When we asked it about tax, it said, 'Please ask your local office "
        "today.' We are the local office.\n"
        "Q: What next?\n"
        "A: Schools first, then the courts and every municipal service."
    )
    quotes = _quotes(text)
    assert len(quotes) == 2
    assert quotes[0].text.startswith("Mostly.") and quotes[0].text.endswith("local office.")
    assert {q.speaker for q in quotes} == {"Kadri Tamm"}


# --- he/she by the gender the text shows ----------------------------------------------

GENDER = [
    pytest.param(
        "Ms Amara Osei, the energy minister, opened the site on Monday.\n"
        "Mr Kwame Boateng, a farmer, praised the site. “The cluster will bring jobs to our "
        "valley,” she said.",
        {"The cluster will bri": "Amara Osei"},
        id="honorifics",
    ),
    pytest.param(
        "Tomas Varga said his ministry would fund the centre.\n"
        "Engineer Ilona Fekete, of the Budapest Computing Lab, said her team had the chips. "
        "“We will train the first model in spring,” he said.",
        {"We will train the fi": "Tomas Varga"},
        id="pronoun-tied-in-the-same-sentence",
    ),
    pytest.param(
        "Spokeswoman Lina Haddad defended the budget.\n"
        "Analyst Omar Saleh, of the Gulf Policy Forum, said he found the numbers thin. “The "
        "money is not yet in the bank at all,” she said.",
        {"The money is not yet": "Lina Haddad"},
        id="gendered-role-word",
    ),
    pytest.param(
        "Chairman Pieter de Wit opened the meeting.\n"
        "Ms Sanne Bakker said the board had approved the cluster. “It will run on wind "
        "power alone,” she said. “We will buy the turbines first,” he added.",
        {"It will run on wind ": "Sanne Bakker", "We will buy the turb": "Pieter de Wit"},
        id="both-pronouns-in-one-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GENDER)
def test_pronoun_goes_to_the_person_of_its_gender(text: str, expected: dict[str, str]) -> None:
    assert _speakers(text) == expected


def test_unknown_gender_never_blocks() -> None:
    text = "Ms Lina Haddad defended the budget. “The money is not yet in the bank at all,” he said."
    assert _speakers(text) == {"The money is not yet": "Lina Haddad"}


def test_a_pronoun_is_not_tied_when_two_people_share_the_sentence() -> None:
    text = "Ana Ruiz met Pedro Gil and praised his plan."
    persons = [(0, 8, "Ana Ruiz", None), (13, 22, "Pedro Gil", None)]
    assert infer_genders(text, persons, lambda pos: 0) == {}


# --- a minister named at the end of the previous paragraph ----------------------------

MINISTER_AT_END = [
    pytest.param(
        "ACCRA: The state will spend $40 million on a public GPU cluster, said Trade "
        "Minister Kofi Mensah.\n"
        "“Our data will be processed at home,” he told reporters on Friday.",
        {"Our data will be pro": "Kofi Mensah"},
        id="said-trade-minister",
    ),
    pytest.param(
        "The cluster will be ready by June, according to Digital Minister Datuk Seri "
        "Rahim Osman.\n"
        "“Every ministry will move its systems within two years,” he told reporters.",
        {"Every ministry will ": "Rahim Osman"},
        id="according-to-minister-with-honorifics",
    ),
    pytest.param(
        "The plan includes a national language model, said Science and Technology "
        "Minister Clara Mendes.\n"
        "“We have the data and the talent to do it,” she told the audience.",
        {"We have the data and": "Clara Mendes"},
        id="said-long-role-with-and",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MINISTER_AT_END)
def test_minister_after_said_is_the_next_pronoun(text: str, expected: dict[str, str]) -> None:
    assert _speakers(text) == expected


def test_an_expert_with_a_comma_affiliation_is_the_next_he() -> None:
    text = (
        "“The state will invest first,” said Minister Helena Prado at the launch.\n"
        "Economist Rui Lobo, of the Institute for Public Policy in Recife, said the money "
        "mattered most. “Plans are generous on paper and thin in the bank,” he said."
    )
    assert _speakers(text)["Plans are generous o"] == "Rui Lobo"


def test_a_profession_appositive_makes_the_subject_a_person() -> None:
    text = (
        "“The model is ours,” the minister said.\n"
        "Marta Quintela, a computational linguist at the Coimbra Language Lab, called the "
        "budget small. “It is a start, but only a start,” he said."
    )
    assert _speakers(text)["It is a start, but o"] == "Marta Quintela"


# --- organisation names opening with a demonym ----------------------------------------

ORGANISATIONS = [
    pytest.param(
        "Business groups objected. The Mexican Association of Technology Firms said in a "
        "statement that “the rules will push investment elsewhere in the region.”",
        {"the rules will push ": "Mexican Association of Technology Firms"},
        id="association-said-in-a-statement",
    ),
    pytest.param(
        "Critics were loud. The Kenyan Federation of Software Exporters said the rule was "
        "“a tax on every young founder here.”",
        {"a tax on every young": "Kenyan Federation of Software Exporters"},
        id="federation-said",
    ),
    pytest.param(
        "Not all agree. The Chilean Institute for Digital Rights said in a statement that "
        "“public data must not train private models.”",
        {"public data must not": "Chilean Institute for Digital Rights"},
        id="institute-for",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORGANISATIONS)
def test_organisation_speaker_is_the_whole_name(text: str, expected: dict[str, str]) -> None:
    assert _speakers(text) == expected
