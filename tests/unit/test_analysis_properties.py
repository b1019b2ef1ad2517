"""The analyser never fails on text it was not written for, and keeps its contract.

News pages arrive broken: stray quote marks, unbalanced parentheses, lines of capitals,
numbers glued to words, control characters. Whatever the text, `analyze` returns an
Analysis whose quotes are words of the text (up to the line breaks of hard-wrapped text)
and whose figures have a known kind.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.pipeline import analyze

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "«",
        "»",
        "「",
        "」",
        "(",
        ")",
        ",",
        ".",
        ":",
        "\n",
        " ",
        "-",
        "Minister",
        "the minister said",
        "he said",
        "Dr.",
        "Tan Sri",
        "al-",
        "Jr.",
        "U.S.",
        "$",
        "A$",
        "R3,2-billion",
        "1,000",
        "billion",
        "GPUs",
        "Kenya",
        "QATAR:",
        "said",
        "according to",
        "a spokesperson for the Ministry of Finance",
        "Ana Ruiz",
        "Ruiz",
        "(DPC)",
        "DPC",
        "sovereign AI",
        "~",
        "\u200b",
        "x" * 30,
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80).map(" ".join), st.one_of(st.none(), st.text(max_size=40)))
def test_any_text_gives_an_analysis_within_the_contract(text: str, title: str | None) -> None:
    result = analyze(title, text)
    assert 0.0 <= result.relevance <= 1.0
    flat = " ".join(text.split())  # hard-wrapped lines are rejoined with a space
    for quote in result.quotes:
        assert quote.text and " ".join(quote.text.split()) in flat
    for figure in result.figures:
        assert figure.kind in {"money", "count", "duration", "percent", "capacity"}
    assert len(set(result.countries)) == len(result.countries)
