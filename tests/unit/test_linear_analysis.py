"""Every stage linear (issue 15): a long text reads like the same quotes in a short one,
and each look into a sentence is bounded however long the sentence has grown.

No timing here (speed is in bench/attribution.py): these count the text each step reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.analysis import attribution
from bot.analysis.attribution import before_spans, reach_back
from bot.analysis.intl import speakers_ja
from bot.analysis.intl.japanese_words import Token, tokens
from bot.analysis.lexicon import VERB_RE
from bot.analysis.pipeline import analyze
from bot.analysis.quotes import _Article, extract_quotes
from bot.analysis.sentences import SENTENCE_REACH, paragraphs, sentences

# An invented run-on clause, as a page that lost its full stops gives it.
_FILLER = (
    "the regional compute programme and its partner universities in the northern "
    "provinces have been preparing new data centres with local grid operators and "
)
# Each an invented attribution shape; the quote is attributed from the words around it.
_SHAPES = [
    (
        "Minister Ana Souza said: “We will build our own national models for every language.”",
        "Ana Souza",
    ),
    (
        "“Our researchers will train the first model on the new cluster,” said Tomas Lindqvist.",
        "Tomas Lindqvist",
    ),
    (
        "Ingrid Halvorsen, who chairs the agency, said the plan “will give every lab in the "
        "country its own share of the compute”.",
        "Ingrid Halvorsen",
    ),
    (
        "According to Kofi Mensah, “the fund will double by next spring for every university”.",
        "Kofi Mensah",
    ),
]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs(text))]


def _long(prefix_chars: int, sentence: str) -> str:
    filler = (_FILLER * (prefix_chars // len(_FILLER) + 1))[:prefix_chars]
    return filler.rsplit(" ", 1)[0] + " and " + sentence


@pytest.mark.parametrize(("sentence", "speaker"), _SHAPES)
def test_a_quote_at_the_end_of_a_long_run_on_sentence_reads_as_in_a_short_one(
    sentence: str, speaker: str
) -> None:
    short = _speakers(sentence)
    assert short and short[0][1] == speaker
    for size in (3_000, 20_000, 60_000):
        assert _speakers(_long(size, sentence)) == short


def test_many_quotes_in_one_sentence_each_keep_their_speaker() -> None:
    clause = (
        "“The plan will give every lab its own compute cluster soon,” Ana Souza said, and "
        "Tomas Lindqvist said: “The fund will double by next spring for all” "
    )
    short = _speakers(clause)
    assert [s for _, s in short] == ["Ana Souza", "Tomas Lindqvist"]
    long = _speakers(clause * 300)  # one sentence of 45,000 characters
    assert len(long) == 600
    assert long == short * 300


def test_before_spans_reads_at_most_sentence_reach_back() -> None:
    text = _long(60_000, "Minister Ana Souza said: “We will build our own models for all.”")
    quote = text.rindex("“")
    spans = before_spans(text, 0, quote)
    assert spans
    assert all(quote - start <= SENTENCE_REACH for start, _, _ in spans)
    # a sentence within reach is read from its start
    assert before_spans(text, quote - 200, quote)[0][0] == quote - 200


def test_reach_back_starts_on_a_word() -> None:
    text = "word " * 1_000
    start = reach_back(text, 0, len(text))
    assert len(text) - start <= SENTENCE_REACH
    assert text[start - 1] == " " and text[start] == "w"
    assert reach_back(text, 4_000, len(text)) == 4_000


def test_verb_search_in_before_spans_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    real = VERB_RE

    class Counting:
        def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
            read.append(end - start)
            return real.finditer(text, start, end)

    monkeypatch.setattr(attribution, "VERB_RE", Counting())
    for size in (5_000, 50_000):
        text = _long(size, "Minister Ana Souza said: “We will build our own models for all.”")
        extract_quotes(paragraphs(text))
    assert read and max(read) <= SENTENCE_REACH


def test_japanese_without_stops_is_tokenised_in_bounded_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = (
        "経済産業省は国産モデルを開発すると発表し、佐藤大臣は「日本の言葉で動くAIが必要だ」と述べ、"
    )
    read: list[int] = []

    def counting(text: str) -> tuple[Token, ...]:
        read.append(len(text))
        return tokens(text)

    monkeypatch.setattr(speakers_ja, "tokens", counting)
    result = analyze("国産AI", unit * 150, language="ja")  # 6,000 characters, no 。
    assert result.language == "ja" and result.quotes
    assert read and max(read) <= 2 * SENTENCE_REACH


def test_a_long_run_of_money_finds_what_one_sentence_finds() -> None:
    unit = "The fund holds $12 billion. It buys 3,400 GPUs for 5 labs. "
    once = analyze("Invented fund", unit).figures
    assert once
    assert analyze("Invented fund", unit * 800).figures == once
    digits = "4815162342" * 2_000  # a run of digits is no figure, however long
    short = analyze("Invented digits", digits[:50]).figures
    assert analyze("Invented digits", digits).figures == short


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "科技部宣布将建设国家算力中心。王部长表示将增加预算！这是真的吗？是的",
            ["科技部宣布将建设国家算力中心。", "王部长表示将增加预算！", "这是真的吗？", "是的"],
        ),
        (
            "总理在会上发言。“我们需要自己的大模型。”他说。下一步是建设数据中心。",
            ["总理在会上发言。", "“我们需要自己的大模型。”他说。", "下一步是建设数据中心。"],
        ),
        (
            "経済産業省は新たな計画を発表した。「国産AIが必要だ。」と大臣は述べた。本当か？！次へ",
            [
                "経済産業省は新たな計画を発表した。",
                "「国産AIが必要だ。」と大臣は述べた。",
                "本当か？！",
                "次へ",
            ],
        ),
        (
            "デジタル庁は予算を公表した。 総額は五百億円となる。",
            ["デジタル庁は予算を公表した。", "総額は五百億円となる。"],
        ),
        (
            "The ministry said so. 文部科学省は新しい計画を示した。Dr. Sato agreed.",
            ["The ministry said so.", "文部科学省は新しい計画を示した。", "Dr. Sato agreed."],
        ),
    ],
)
def test_cjk_full_stops_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "科技部宣布将建设国家算力中心。王部长说“我们需要自己的大模型和数据”",
        "经济部发布了计划！王部长说“我们需要自己的大模型和数据”",
        "総務省は計画を発表した。 王部长说“我们需要自己的大模型和数据”",
        "总理表示：“这是第一步。” 王部长说“我们需要自己的大模型和数据”",
        "真的吗？王部长说“我们需要自己的大模型和数据”",
    ],
)
def test_a_quote_after_a_cjk_full_stop_is_read_from_its_own_sentence(text: str) -> None:
    article = _Article(paragraphs(text))
    quote = text.rindex("“")
    assert text[article.sentence_start(quote) :].startswith("王部长")


def test_a_cjk_stop_closing_a_quote_goes_on_into_its_attribution() -> None:
    text = "“我们需要自己的大模型。”王部长说。"
    article = _Article(paragraphs(text))
    assert article.sentence_start(text.index("王")) == 0
