"""Quotes in every language with rules of its own never fail on broken text, and are
words of the text: stray marks, unclosed quotes, lines of capitals, mixed scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.intl.quotes import extract_quotes_in

_PIECES = st.sampled_from(
    [
        "«",
        "»",
        "„",
        "“",
        "”",
        "‚",
        "‘",
        "’",
        '"',
        "「",
        "」",
        "『",
        "』",
        "（",
        "）",
        ",",
        ".",
        ":",
        "。",
        "、",
        "\n",
        " ",
        " - ",
        "M.",
        "Dr.",
        "von der",
        "de la",
        "a déclaré",
        "a-t-il ajouté",
        "sagte",
        "so",
        "dijo",
        "añade",
        "disse",
        "ha detto",
        "Jean Dupont",
        "Merz",
        "la ministre",
        "der Minister",
        "el ministro",
        "selon",
        "孫正義社長は",
        "同氏は",
        "と述べた",
        "と強調した",
        "総務省は",
        "김철수 장관은",
        "그는",
        "라고 말했다",
        "고 밝혔다",
        "nous devons investir",
        "wir brauchen Rechenzentren",
        "queremos modelos propios",
        "日本のAIを強くする",
    ]
)


@pytest.mark.parametrize("lang", ["fr", "de", "es", "pt", "it", "ja", "ko"])
@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=60))
def test_any_text_gives_quotes_that_are_words_of_the_text(lang: str, pieces: list[str]) -> None:
    paragraphs = [p for p in "".join(pieces).split("\n") if p.strip()]
    whole = "\n".join(paragraphs)
    for quote in extract_quotes_in(lang, paragraphs):
        assert quote.text and quote.text in whole
        assert quote.speaker is None or quote.speaker.strip()
