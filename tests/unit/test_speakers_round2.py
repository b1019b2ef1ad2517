"""Speaker classes found by the invented wire set (heldout_wire.jsonl), each pinned here by
variants of its own: long titles with commas after a quote, "according to him", press
services and company spokespeople, spokespeople as the subject a later "she" refers to,
hyphenated titles, West African honorifics, nicknames inside a name, organisation names
that end in a common word.
"""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyze


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text[:20]: q.speaker for q in analyze(None, text).quotes}


CASES = [
    # a long title with commas between the verb and the name
    pytest.param(
        "“The machine belongs to every researcher in the country,” said Minister of Science, "
        "Higher Education and Innovation Rustam Nazarbekov at the opening.",
        {"The machine belongs ": "Rustam Nazarbekov"},
        id="said-long-title-with-commas",
    ),
    pytest.param(
        "“We will publish the first model in June,” Minister of Communications, Digital "
        "Economy and Posts Amara Diallo said on Monday.",
        {"We will publish the ": "Amara Diallo"},
        id="long-title-with-commas-then-said",
    ),
    pytest.param(
        "“Our scientists no longer queue abroad,” Secretary of Science, Technology and "
        "Innovation Laura Beatriz Montes de Oca said at the launch. “Now they queue here.”",
        {
            "Our scientists no lo": "Laura Beatriz Montes de Oca",
            "Now they queue here.": "Laura Beatriz Montes de Oca",
        },
        id="long-title-then-a-second-quote",
    ),
    # according to him / her
    pytest.param(
        "Digital minister Kwame Asante-Boateng opened the centre in Accra.\n"
        "According to him, “the data of Ghanaians will stay in Ghana from now on.”",
        {"the data of Ghanaian": "Kwame Asante-Boateng"},
        id="according-to-him",
    ),
    pytest.param(
        "Science minister Ingrid Solberg presented the budget.\n"
        "According to her, “every university will get its own share of the machine.”",
        {"every university wil": "Ingrid Solberg"},
        id="according-to-her",
    ),
    # press services and company spokespeople
    pytest.param(
        "The Ministry of Digital Transformation announced the tender on Monday.\n"
        "“Bids are open until the end of the month,” the press service said.",
        {"Bids are open until ": "Ministry of Digital Transformation"},
        id="press-service",
    ),
    pytest.param(
        "Lumio Retail said it would appeal the fine.\n"
        "“We followed the rules at every step of the trial,” a company spokesman said.",
        {"We followed the rule": "Lumio Retail"},
        id="company-spokesman",
    ),
    pytest.param(
        "The Agency for Digital Government (ADG) will run the tender. I asked ADG when the "
        "contract would be signed. A press officer would only say that “the timetable will "
        "be published in due course”.",
        {"the timetable will b": "Agency for Digital Government"},
        id="press-officer-after-org",
    ),
    # a spokesperson acting as the subject, then "she said"
    pytest.param(
        "Health minister Clara Nunes announced the model on Friday.\n"
        "A spokeswoman for the Ministry of Health, Welfare and Sport said the first hospitals "
        "would use it in March. “The pilot covers six regional hospitals,” she said.",
        {"The pilot covers six": "Ministry of Health, Welfare and Sport"},
        id="spokeswoman-then-she",
    ),
    pytest.param(
        "Trade minister Hugo Lambert welcomed the plan.\n"
        "A spokesperson for the Office for Research and Innovation said funding would start "
        "in May. “Applications open next week,” the spokesperson said.",
        {"Applications open ne": "Office for Research and Innovation"},
        id="spokesperson-then-the-spokesperson",
    ),
    pytest.param(
        "A spokesman for Science, Research and Economic Development Canada said the cluster "
        "would open in 2027. “Time will be allocated on merit,” the spokesman said.",
        {"Time will be allocat": "Science, Research and Economic Development Canada"},
        id="spokesman-for-listed-department",
    ),
    # hyphenated titles, honorifics of West Africa, nicknames
    pytest.param(
        "“Rules and innovation can go together,” Commission Vice-President Annika "
        "Rautio-Berg told reporters.",
        {"Rules and innovation": "Annika Rautio-Berg"},
        id="vice-president",
    ),
    pytest.param(
        "The Director-General of the Bureau of Statistics, Alhaji Sani Bello Kura, said the "
        "data would be shared. “Every state sent us its records,” Kura said.",
        {"Every state sent us ": "Sani Bello Kura"},
        id="alhaji-director-general",
    ),
    pytest.param(
        "Secretary Jose “Pepe” Manalo Jr. launched the program.\n"
        "“The model will speak Tagalog and Cebuano first,” Manalo said.",
        {"The model will speak": "Jose Manalo Jr."},
        id="nickname-in-name",
    ),
    pytest.param(
        "Senator Antonio “Tony” Reyes Salcedo filed the bill.\n"
        "“Public money must buy public compute,” Salcedo said.",
        {"Public money must bu": "Antonio Reyes Salcedo"},
        id="nickname-in-name-2",
    ),
    # a person described by a common role noun in an appositive, then "she said"
    pytest.param(
        "Finance minister Peter Kamau presented the fund.\n"
        "Dr Wanjiru Njoroge, a lecturer at Kenyatta University who advises the ministry, said "
        "farmers would benefit. “A farmer should ask in her own language,” she said.",
        {"A farmer should ask ": "Wanjiru Njoroge"},
        id="lecturer-appositive-then-she",
    ),
    pytest.param(
        "Minister Ana Pires opened the lab.\n"
        "Rui Matos, a farmer from Beja who tested the assistant, said it understood him. “It "
        "speaks like my neighbours,” he said.",
        {"It speaks like my ne": "Rui Matos"},
        id="farmer-appositive-then-he",
    ),
    # organisation names ending in a common word
    pytest.param(
        "The chain, Fresco Market, said its cameras were legal. In a statement, the company "
        "said: “We will cooperate fully with the commissioner.”",
        {"We will cooperate fu": "Fresco Market"},
        id="company-ending-market",
    ),
    pytest.param(
        "Norte Foods defended the trial on Monday. “Every customer was informed at the door,” "
        "the company said.",
        {"Every customer was i": "Norte Foods"},
        id="company-ending-foods",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speakers_round_two(text: str, expected: dict[str, str | None]) -> None:
    got = _speakers(text)
    assert {k: got.get(k, "MISSING") for k in expected} == expected, got


ORGANISATIONS = [
    pytest.param(
        "Online grocer Verdant Basket was fined on Monday.\n"
        "Verdant Basket said it would appeal. “We have always followed the rules,” a company "
        "spokeswoman said.",
        {"We have always follow": "Verdant Basket"},
        id="descriptor-before-two-word-name",
    ),
    pytest.param(
        "The lender, Orinoco Capital, said it had signed the loan. “The first tranche "
        "arrives in May,” the company said.",
        {"The first tranche arr": "Orinoco Capital"},
        id="descriptor-comma-name",
    ),
    pytest.param(
        "Kestrel Mobile, a telecoms operator based in Accra, confirmed the deal. “We will host "
        "the national model,” Kestrel Mobile said.",
        {"We will host the nati": "Kestrel Mobile"},
        id="appositive-operator",
    ),
    pytest.param(
        "“We built it in eighteen months,” said Microsoft-backed Solano Labs in a statement.",
        {"We built it in eighte": "Solano Labs"},
        id="participle-compound-is-not-a-name",
    ),
    pytest.param(
        "The Department for Digital, Culture and Skills (DDCS) will run it. I asked DDCS for "
        "a date. A press officer would only say that “a date will be announced in due course”.",
        {"a date will be announ": "Department for Digital, Culture and Skills"},
        id="acronym-of-a-listed-department",
    ),
    pytest.param(
        "The model, known as Tallinna-LM, will be trained on public records.\n"
        "Baltcom, the region's biggest hosting provider, will run the servers. The company "
        "said it was “glad to keep the national model on national soil”.",
        {"glad to keep the nati": "Baltcom"},
        id="the-company-is-the-one-described-as-a-company",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ORGANISATIONS)
def test_organisations_the_text_describes_as_such(
    text: str, expected: dict[str, str | None]
) -> None:
    got = {q.text[:21]: q.speaker for q in analyze(None, text).quotes}
    assert {k: got.get(k, "MISSING") for k in expected} == expected, got


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A spokesperson for the Open Compute Forum, an industry group whose members "
            "include large U.S. cloud firms, said the rules left “too much doubt for smaller "
            "companies to plan”.",
            "Open Compute Forum",
        ),
        (
            "A spokeswoman for Norrland Energy, the utility that will power the site, said the "
            "grid was ready for “a load of this size from next spring”.",
            "Norrland Energy",
        ),
        (
            "The spokesman for the Ministry of Industry, Trade and Tourism, speaking by phone, "
            "said bids were “well above what we expected in the first round”.",
            "Ministry of Industry, Trade and Tourism",
        ),
    ],
)
def test_a_clause_opening_with_a_spokesperson_is_the_organisations(text: str, speaker: str) -> None:
    assert [q.speaker for q in analyze(None, text).quotes] == [speaker]


def test_a_dotted_abbreviation_does_not_end_the_sentence_before_a_quote() -> None:
    text = (
        "Industry minister Elsa Brandt said the U.S. chip rules would not slow the plan and "
        "called it “a project that no export rule can stop”."
    )
    assert [q.speaker for q in analyze(None, text).quotes] == ["Elsa Brandt"]
