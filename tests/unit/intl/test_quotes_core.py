"""The pieces every language's quote engine shares: where paragraphs start in the joined
text, and sentences read within a bounded reach."""

from __future__ import annotations

from bot.analysis.intl.quotes_core import BoundedSentences, paragraph_starts
from bot.analysis.sentences import SENTENCE_REACH


def test_each_start_is_where_its_paragraph_begins_in_the_joined_text() -> None:
    paragraphs = ["「AIは国の力だ」と語った。", "", "“우리는 만든다.”", "Il a ajouté : « Oui »."]
    joined = "\n".join(paragraphs)
    starts = paragraph_starts(paragraphs)
    assert starts == [0, 15, 16, 27]
    for start, paragraph in zip(starts, paragraphs, strict=True):
        assert joined[start : start + len(paragraph)] == paragraph


def test_no_paragraphs_have_no_starts() -> None:
    assert paragraph_starts([]) == []


class _Joined(BoundedSentences):
    def __init__(self, text: str, boundaries: list[int]) -> None:
        self.text, self.boundaries = text, boundaries


def test_a_sentence_is_read_between_its_stops() -> None:
    text = "一文目。二文目です。三文目。"
    joined = _Joined(text, [0, 4, 10])
    assert (joined.sentence_start(6), joined.sentence_end(6)) == (4, 10)
    assert (joined.sentence_start(12), joined.sentence_end(12)) == (10, len(text))


def test_a_text_without_stops_is_read_at_most_the_reach_either_side() -> None:
    text = "あ" * (4 * SENTENCE_REACH)
    joined = _Joined(text, [0])
    middle = 2 * SENTENCE_REACH
    assert joined.sentence_start(middle) == middle - SENTENCE_REACH
    assert joined.sentence_end(middle) == middle + SENTENCE_REACH
    assert (joined.sentence_start(10), joined.sentence_end(len(text) - 10)) == (0, len(text))
