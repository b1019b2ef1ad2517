"""The summary never starts or ends inside a quotation, and is never a bare quote.

Sentence splitting stops at every full stop, including those inside a quote ("We will
build it. It will be ours."), so a sentence may carry half a quotation. The summary must
widen such a sentence to the whole quotation, or skip it. All texts here are invented.
"""

from __future__ import annotations

import pytest

from bot.analysis.pipeline import analyze
from bot.analysis.summary import summarize

LEAD = "Peru's government will build a public GPU cluster for universities, the ministry said."
LATER = "The cluster will be installed at a state research centre in Arequipa next year."


def _balanced(sentence: str) -> bool:
    curly = sentence.count("“") == sentence.count("”")
    return curly and sentence.count('"') % 2 == 0 and sentence.count("«") == sentence.count("»")


@pytest.mark.parametrize(
    "paragraph",
    [
        'The minister said on Monday the money was ready, adding: "The first machines '
        'arrive in May. Every university will get access by the end of the year."',
        "Officials said the plan had been agreed, and the minister told reporters: “We "
        "will not wait for anyone else. This is our own compute for our own researchers.”",
        "The prime minister called the cluster «a national project. It belongs to every "
        "student and every researcher in the country» at a ceremony in the capital.",
    ],
)
def test_a_sentence_that_cuts_a_quote_is_widened_to_the_whole_quote(paragraph: str) -> None:
    summary = summarize(None, [paragraph, LATER])
    assert summary[0] == paragraph
    assert all(_balanced(s) for s in summary)


def test_a_cut_quote_too_long_to_widen_is_skipped() -> None:
    long_quote = (
        'The minister said the plan was ready: "We have spent two years on this. '
        + "We talked to every university and every start-up in the country. " * 6
        + 'Now we build."'
    )
    assert summarize(None, [long_quote, LEAD, LATER]) == (LEAD, LATER)


@pytest.mark.parametrize(
    "inside",
    [
        'Every university in the country will get access to it by 2026."',
        "It will be the largest public computer ever built in the Andes.” the minister said.",
        "Nobody will have to send their data abroad to train a model any more,” she said.",
    ],
)
def test_the_second_half_of_a_quote_is_never_a_summary_sentence(inside: str) -> None:
    paras = ["He spoke in Lima on Monday.", inside, LEAD]
    summary = summarize(None, paras)
    assert inside not in summary
    assert summary[0] == LEAD


@pytest.mark.parametrize(
    "opened",
    [
        "The minister said: \"We will fund the cluster from this year's national budget.",
        "The minister told parliament: “The first phase will be paid for by the state.",
    ],
)
def test_a_quote_running_on_into_the_next_paragraph_is_skipped(opened: str) -> None:
    paras = [opened, '"It will be ready next year," she added.', LEAD]
    assert summarize(None, paras) == (LEAD,)


def test_bare_quotes_and_quoted_fragments_are_not_summaries() -> None:
    paras = [
        "“We are building the machines that will train our own language models,” she said.",
        "“A national project.”",
        LEAD,
        "“It belongs to every student and every researcher in the country,” he said.",
        LATER,
    ]
    assert summarize(None, paras) == (LEAD, LATER)


def test_plain_sentences_are_chosen_as_before() -> None:
    paras = [LEAD, "It is big.", LATER]
    assert summarize(None, paras) == (LEAD, LATER)


def test_analyze_summary_keeps_quotes_whole() -> None:
    text = (
        "Peru's digital minister said on Monday the government had approved the money, "
        'adding: "The first machines arrive in May. Every university will get access."\n' + LATER
    )
    result = analyze("Peru approves public GPU cluster", text)
    assert result.summary
    assert all(_balanced(s) for s in result.summary)
