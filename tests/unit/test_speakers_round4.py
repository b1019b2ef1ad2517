"""Speaker classes seen on real articles kept aside from tuning, pinned by invented
variants: a name with untitled appositives before "said", initials and a comma before
"Jr.", an acronym used for a name the text wrote in full, and a quote opening the
paragraph after one that ended in a quote.
"""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyze


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(None, text).quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“Our depot will host the first GPU racks by autumn,” Priya Raman, GM, Coastal "
            "Metro Authority, said.",
            "Priya Raman",
        ),
        (
            "“The cluster will open to every university in June,” Amara Okafor, CTO, Lagos "
            "Compute Hub, said.",
            "Amara Okafor",
        ),
        (
            "“We expect the first users in the spring,” Jonas Lind, PRO, Nordic Grid, told "
            "reporters.",
            "Jonas Lind",
        ),
    ],
)
def test_a_name_before_untitled_appositives_is_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“Our labs will share the machine,” said DICT Secretary Ramon T. Dizon, Jr. “Every "
            "province will have access by next year.”\nLater, “the tender is open,” Dizon said.",
            "Ramon T. Dizon, Jr.",
        ),
        (
            "“We are ready for the vote,” said Senator Maria L. Santos, Jr. at the hearing.",
            "Maria L. Santos, Jr.",
        ),
        (
            "“The network is complete,” said Undersecretary Jose P. Cruz.",
            "Jose P. Cruz",
        ),
    ],
)
def test_initials_and_a_comma_suffix_stay_in_the_name(text: str, speaker: str) -> None:
    assert set(_speakers(text)) == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Grants come from the Baltic Supercomputing Research Consortium, set up in 2021.\n"
            "“Every member university gets a share of the hours,” the BSRC said.",
            "Baltic Supercomputing Research Consortium",
        ),
        (
            "The National Language Technology Agency will train the model.\n"
            "“The first version will be public in May,” the NLTA said in a statement.",
            "National Language Technology Agency",
        ),
        (
            "Officials from the Digital Infrastructure Fund visited the site.\n"
            "“We will finance the second hall as well,” the DIF said.",
            "Digital Infrastructure Fund",
        ),
    ],
)
def test_an_acronym_for_a_name_written_in_full(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Lab head Ines Halvorsen set out the goal: “We want a model that writes Norwegian "
            "the way civil servants do.”\n“Nobody else will build that for us.” The first "
            "release is due in spring.",
            "Ines Halvorsen",
        ),
        (
            "“We trained it on our own archives,” said Lena Novak, the project lead.\n“That "
            "makes it sound like us.” The team will publish the weights next month.",
            "Lena Novak",
        ),
        (
            "Minister Tomas Berg was blunt: “We will not rent our compute forever.”\n“This "
            "machine is ours to keep.” The cluster opens in March.",
            "Tomas Berg",
        ),
    ],
)
def test_a_quote_opening_the_paragraph_after_a_quote_goes_on(text: str, speaker: str) -> None:
    assert set(_speakers(text)) == {speaker}
