"""An item that is only text is headed by the start of its text, as feed readers do."""

from __future__ import annotations

import pytest

from bot.read_entries import headline_of

LONG = (
    "Kenya's ministry of information will build a national AI supercomputer with 2,000 "
    "GPUs, as the government funds sovereign AI compute for local-language models."
)


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (
            "Rwanda opens a sovereign cloud. It serves 40 agencies.",
            "Rwanda opens a sovereign cloud.",
        ),
        (
            "Dr. Amina Yusuf said the U.S. deal is done. More later.",
            "Dr. Amina Yusuf said the U.S. deal is done.",
        ),
        ("  Short\nnote  ", "Short note"),
        (
            LONG,
            "Kenya's ministry of information will build a national AI supercomputer with "
            "2,000 GPUs, as the…",
        ),
        ("x" * 150, "x" * 100 + "…"),  # no space to cut at: cut at the limit
    ],
)
def test_the_first_sentence_or_the_first_words(text: str, headline: str) -> None:
    assert headline_of(text) == headline
    assert len(headline_of(text)) <= 101
