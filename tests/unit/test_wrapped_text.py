"""Hard-wrapped text: a newline inside a sentence is not a paragraph break.

Feed summaries and PDF pages arrive wrapped at a fixed column; extracted web text puts
one paragraph on each line. The first must be rejoined, the second left alone.
"""

from __future__ import annotations

import textwrap

import pytest

from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs, sentences

# Invented articles, one paragraph per line as extraction produces them.
ARTICLES = [
    [
        "Lantaria's Ministry of Digital Affairs will spend 3.2 billion korun on a national "
        "GPU cluster for universities, the Minister of Digital Affairs said on Monday.",
        '"We will not rent our intelligence from abroad," Minister Ilse Marvody told '
        "reporters in the capital, adding that the first machines would arrive in spring.",
        "The cluster, to be built at a former steelworks outside Brennholt, is meant to "
        "train large language models in Lantarian and the country's two minority languages.",
        "Officials said the government would publish the tender in March.",
    ],
    [
        "The government of Westmark unveiled a public artificial intelligence fund worth "
        "900 million thalers on Tuesday, aimed at startups building models in local languages.",
        "Finance minister Oren Castellane said the state-backed fund would also pay for "
        "compute time at the national supercomputing centre in Valdport.",
        "Critics in parliament said the money came too late.",
    ],
    [
        "A court in Drussel fined a chatbot maker 4 million euros for processing personal "
        "data without consent, the data-protection authority said on Thursday.",
        "The company said it would appeal the decision, which it called disproportionate "
        "and said would harm innovation across the region.",
    ],
]


def _wrapped(paras: list[str], width: int, separator: str) -> str:
    return separator.join(textwrap.fill(p, width) for p in paras)


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("article", ARTICLES)
def test_blank_line_separated_wrapped_paragraphs_come_back_whole(
    article: list[str], width: int
) -> None:
    assert paragraphs(_wrapped(article, width, "\n\n")) == article


@pytest.mark.parametrize("width", [60, 72])
@pytest.mark.parametrize("article", ARTICLES)
def test_single_newline_wrapped_text_never_splits_a_sentence(
    article: list[str], width: int
) -> None:
    got = paragraphs(_wrapped(article, width, "\n"))
    joined = " ".join(got)
    for paragraph in article:
        for sentence in sentences(paragraph):
            assert any(sentence in p for p in got), sentence
    assert joined == " ".join(article)


@pytest.mark.parametrize("article", ARTICLES)
def test_one_paragraph_per_line_text_is_unchanged(article: list[str]) -> None:
    assert paragraphs("\n".join(article)) == article
    assert paragraphs("\n\n".join(article)) == article


def test_headings_between_paragraphs_stay_paragraphs() -> None:
    text = (
        "Compute for all\n"
        "The ministry will open its GPU cluster to every public university next year.\n"
        "What it costs\n"
        "The first phase costs 40 million pesos, officials said.\n"
        "Who runs it\n"
        "A state-owned operator will run the machines."
    )
    assert len(paragraphs(text)) == 6


def test_short_wire_paragraphs_are_not_merged() -> None:
    text = (
        "The cabinet approved the plan on Monday.\n"
        "It will cost 2 billion rand over five years.\n"
        "The first data centre opens in 2027, the minister said.\n"
        "Opposition parties called it a vanity project."
    )
    assert len(paragraphs(text)) == 4


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("advances in artificial\nintelligence and robotics.", "artificial intelligence"),
        ("said the Minister of\nDigital Affairs on Monday.", "Minister of Digital Affairs"),
        ("a big step for inter-\nnational research.", "international research"),
        ("a state-\nbacked fund for models.", "state-backed fund"),
        ("new AI-\npowered services for citizens.", "AI-powered services"),
        ("the ministry of Kestonia's\nNational Compute Office said.", "Kestonia's National"),
    ],
)
def test_a_phrase_cut_by_a_wrap_is_mended(text: str, joined: str) -> None:
    got = paragraphs(text)
    assert len(got) == 1
    assert joined in got[0]


def test_a_quote_spanning_a_wrap_stays_in_one_paragraph() -> None:
    text = (
        '"We are building models that speak our\n'
        "languages, and we will pay for the\n"
        'compute," she said.\n'
        "Officials expect the first model next year."
    )
    got = paragraphs(text)
    assert got[0].startswith('"We are building models that speak our languages,')
    assert got[0].endswith("she said.")
    assert len(got) == 2


def test_wrapped_sovereign_article_is_still_relevant_and_summarised() -> None:
    text = _wrapped(ARTICLES[0], 64, "\n")
    result = analyze("Lantaria to fund national GPU cluster", text)
    assert result.relevant
    assert result.summary and result.summary[0].startswith("Lantaria's Ministry of Digital")
    assert all("\n" not in s for s in result.summary)


def test_crlf_and_blank_lines_with_spaces() -> None:
    assert paragraphs("One line.\r\n  \r\nTwo line.\r\nThree.") == [
        "One line.",
        "Two line.",
        "Three.",
    ]


def test_a_long_title_case_heading_over_a_caption_is_not_a_wrap() -> None:
    text = (
        "Digital Minister: Two Telecom Groups And The State Will Build A Kestonian LLM\n"
        "Signed at the ministry in the capital (photo: Pera Lund/Agency)\n"
        "\n"
        "The deal was signed on Friday."
    )
    assert len(paragraphs(text)) == 3
