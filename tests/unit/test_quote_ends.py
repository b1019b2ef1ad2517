"""A quote's text ends where the speaker's words end (issue 14: "…foreign clouds,").

When the reporter's sentence goes on past the closing mark ("…,” she said"), the comma,
semicolon or dash before the mark is the sentence's, not the speaker's: it is dropped,
in English and in the other languages' quotes alike. A closing ellipsis, a question or
an exclamation mark is the speaker's and stays, as does a hyphen that ends a word.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.quotemarks import quoted_words
from bot.analysis.quotes import extract_quotes


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "“Our researchers will no longer queue for foreign clouds,” Minister Ana Ruiz said.",
            "Our researchers will no longer queue for foreign clouds",
        ),
        (
            "“The first cluster opens in May;” Minister Ana Ruiz added on Monday.",
            "The first cluster opens in May",
        ),
        (
            "“We will not wait for anyone to sell us chips —” Minister Ana Ruiz said, to applause.",
            "We will not wait for anyone to sell us chips",
        ),
        (
            "“Nobody will hand us a national model -” Minister Ana Ruiz said on Monday.",
            "Nobody will hand us a national model",
        ),
        (
            '"The tender closes at the end of the month," Minister Ana Ruiz told reporters.',
            "The tender closes at the end of the month",
        ),
    ],
)
def test_the_sentences_punctuation_is_not_the_speakers(paragraph: str, text: str) -> None:
    (quote,) = extract_quotes([paragraph])
    assert (quote.text, quote.speaker) == (text, "Ana Ruiz")


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "“And then we will see what the market does...” said Tomas Lind, an analyst.",
            "And then we will see what the market does...",
        ),
        (
            "“And then we will see what the market does…” said Tomas Lind, an analyst.",
            "And then we will see what the market does…",
        ),
        (
            "“Who will pay for all of these machines?” asked Tomas Lind, an analyst.",
            "Who will pay for all of these machines?",
        ),
        (
            "“This is a good day for our universities!” said Tomas Lind, an analyst.",
            "This is a good day for our universities!",
        ),
        (
            "“The cluster will be ready in spring.” said Tomas Lind, an analyst.",
            "The cluster will be ready in spring.",
        ),
    ],
)
def test_the_speakers_own_ending_stays(paragraph: str, text: str) -> None:
    (quote,) = extract_quotes([paragraph])
    assert (quote.text, quote.speaker) == (text, "Tomas Lind")


def test_a_split_quote_keeps_both_halves_and_its_speaker() -> None:
    paragraph = "“Nobody will hand us a model,” Minister Ana Ruiz said, “so we must build it.”"
    quotes = [(q.text, q.speaker) for q in extract_quotes([paragraph])]
    assert quotes == [
        ("Nobody will hand us a model", "Ana Ruiz"),
        ("so we must build it.", "Ana Ruiz"),
    ]


@pytest.mark.parametrize(
    ("lang", "paragraph", "text"),
    [
        (
            "es",
            "«Vamos a construir nuestro propio modelo nacional,» dijo la ministra Ana Ruiz.",
            "Vamos a construir nuestro propio modelo nacional",
        ),
        (
            "fr",
            "« Nos chercheurs ne dépendront plus des nuages étrangers, » a déclaré la ministre"
            " Anne Roux.",
            "Nos chercheurs ne dépendront plus des nuages étrangers",
        ),
    ],
)
def test_other_languages_drop_it_too(lang: str, paragraph: str, text: str) -> None:
    (quote,) = extract_quotes_in(lang, [paragraph])
    assert quote.text == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("foreign clouds,", "foreign clouds"),
        ("foreign clouds ,", "foreign clouds"),
        ("in May;", "in May"),
        ("we will build —", "we will build"),
        ("we will build–", "we will build"),
        ("we will build --", "we will build"),
        ("we will build -", "we will build"),
        ("we will build, —", "we will build"),
        ("de nuages étrangers，", "de nuages étrangers"),
        ("what then...", "what then..."),
        ("what then…,", "what then…"),
        ("who pays?,", "who pays?"),
        ("a state-", "a state-"),  # a hyphen that ends a word is the word's
        ("nothing to strip", "nothing to strip"),
        (",", ","),  # never emptied
    ],
)
def test_quoted_words(text: str, words: str) -> None:
    assert quoted_words(text) == words
