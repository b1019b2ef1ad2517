"""Role references resolved along the article's chain of people.

"the PM", "the chief executive", "the CS" are short forms of roles given in full earlier;
"the IT minister" means the minister whose portfolio is IT when two ministers are named;
honorifics such as "Tan Sri" vouch for a person but are neither name nor role.
"""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyze


def _credit(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in analyze(None, text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Prime Minister Narendra Rao opened the cluster in Delhi.\n"
            "“India will build its own models,” the PM said.",
            "Narendra Rao",
        ),
        (
            "Britain's Prime Minister Helen Marsh visited the lab. “Britain will not rent its "
            "compute from anyone,” the PM told reporters.",
            "Helen Marsh",
        ),
        (
            "Orion Labs CEO Maya Lindqvist spoke in Stockholm.\n"
            "“We will train in Swedish first,” the chief executive said.",
            "Maya Lindqvist",
        ),
        (
            "Nordlys chief executive Erik Dahl presented the results.\n"
            "“Our cluster is fully booked until June,” the boss said.",
            "Erik Dahl",
        ),
        (
            "ICT Cabinet Secretary Eliud Mworia announced the plan in Nairobi.\n"
            "“Every county will get a GPU node,” the CS said.",
            "Eliud Mworia",
        ),
    ],
)
def test_short_forms_of_roles_resolve_to_the_holder(text: str, speaker: str) -> None:
    assert [s for s, _ in _credit(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Finance minister Ravi Kumar and IT minister Priya Nair launched the mission. "
            "Kumar said the money was ready.\n"
            "“The GPUs will be in place by March,” the IT minister said.",
            "Priya Nair",
            "IT minister",
        ),
        (
            "Health minister Sara Okoye and science minister Tunde Bello toured the site. "
            "Okoye spoke first.\n"
            "“Our researchers will have the machine to themselves,” the science minister said.",
            "Tunde Bello",
            "science minister",
        ),
        (
            "Digital minister Jan Novak and finance minister Eva Horak signed the plan. "
            "Novak left early.\n"
            "“The money is in next year's budget,” the finance minister said.",
            "Eva Horak",
            "finance minister",
        ),
    ],
)
def test_a_qualified_role_picks_the_right_holder(text: str, speaker: str, role: str) -> None:
    assert _credit(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "“The fund is oversubscribed already,” said Tan Sri Razali Hamzah, chairman of the "
            "national AI council.",
            "Razali Hamzah",
            "chairman of the national AI council",
        ),
        (
            "Puan Sri Aminah Yusof opened the centre. “This is for every Malaysian child,” "
            "Aminah said.",
            "Aminah Yusof",
            None,
        ),
        (
            "Tan Wei Ming, the agency's director, spoke first. “We are on schedule for "
            "March,” Tan said.",
            "Tan Wei Ming",
            "the agency's director",
        ),
        (
            "Finance Minister Sri Wahyuni Indrawati approved the budget. “The money for the "
            "national model is there,” Sri Wahyuni said.",
            "Sri Wahyuni Indrawati",
            "Finance Minister",
        ),
        (
            "“The machines arrive in May,” the minister, Halima Yusuf, said on Tuesday.",
            "Halima Yusuf",
            "minister",
        ),
    ],
)
def test_honorifics_and_appositive_titles(text: str, speaker: str, role: str | None) -> None:
    assert _credit(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Bundestag members debated the compute plan. “We need our own machines,” said "
            "Greta Vogel, a member of the digital committee.",
            "Greta Vogel",
        ),
        (
            "Taoiseach Ciaran Dunne opened the centre. “Ireland will train its own models,” "
            "Dunne said.",
            "Ciaran Dunne",
        ),
        (
            "Virginia Holt, the state's technology secretary, toured the cluster. “It is "
            "booked until spring,” Holt said.",
            "Virginia Holt",
        ),
    ],
)
def test_state_bodies_are_not_names_but_place_words_inside_names_are(
    text: str, speaker: str
) -> None:
    assert [s for s, _ in _credit(text)] == [speaker]
