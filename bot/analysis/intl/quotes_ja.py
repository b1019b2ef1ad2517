"""Quotes in Japanese news: 「…」 and 『…』 that are speech, and who said them.

Japanese puts names in the same brackets as speech: 「生成AI」, 「ABCI」 and
「成長力の強化に資する国内投資の促進」 are names and slogans, 「日本から始める」 is
speech. A bracketed span is speech when it ends like a sentence (a verb, an auxiliary
such as だ/です/たい, an adjective, a sentence-final particle, 。) or holds more than one
sentence, or when a verb of saying follows it (「…」と強調した). Four words at least,
as everywhere.

The speaker is the subject of the sentence (speakers_ja.py): before the quote
("孫正義社長は3日、「…」と述べた") or between the quote and its verb ("「…」と同氏は
語った"). Japanese leaves the subject out when it is the topic already ("「…」と述べた。"
after a sentence about the minister), so a quote with a verb of saying and no subject is
the last subject's; a paragraph announced by "次のように語った。" is that speaker's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.intl.japanese_words import tokens
from bot.analysis.intl.quotes_core import (
    BoundedSentences,
    Candidate,
    Found,
    History,
    paragraph_starts,
    resolve_quotes,
)
from bot.analysis.intl.quotes_marks import QuoteSpan, spans_in
from bot.analysis.intl.speakers_ja import JaPeople, Subject, subjects
from bot.analysis.sentences import SENTENCE_REACH
from bot.models import Quote

__all__ = ["extract_japanese_quotes"]

MIN_WORDS = 4
_SPEECH = (
    r"(?:述べ|語|話|強調|説明|指摘|明らかに|明か|表明|発言|訴え|呼びかけ|答え|主張|"
    r"コメント|言|力説|述懐|宣言|意気込|力を込め|締めくく|胸を張|振り返|説い|打ち明け|"
    r"期待を|意欲を|自信を|懸念を|危機感を|考えを示|見方を示|認識を示|方針を示|認め|"
    r"否定|反論|批判|評価|笑顔|語気を強め|述べ|明言|断言|報告|紹介|応じ|ただし|"
    r"し(?:た|ている|ていた)|する(?:[。、]|$))"
)
# 「…」と(、)(X氏は)述べた: the marker of reported speech, then a verb of saying
_MARKER = re.compile(r"(?:などと|とも|との|と|って)[、,]?")
_VERB = re.compile(_SPEECH)
_CORE_VERB = re.compile(r"(?:述べ|語|話|強調|指摘|訴え|主張|力説|言|明言|断言|説明)")
_TRAILER = re.compile(r"(?:こう|このように|そう)" + _SPEECH)
_ANNOUNCE = re.compile(r"(?:次のように|こう|以下のように|このように)[^。]{0,12}" + _SPEECH)
_END = re.compile(r"[。！？!?]|\n")
_CREDIT = re.compile(r"[（(](?P<who>[^（）()「」、。]{2,24})[）)]")
_SPEECH_POS = ("動詞", "助動詞", "形容詞")
_PUNCT = "。、！？!?…」』）)　 "


def _mask(paragraph: str, spans: list[QuoteSpan]) -> str:
    chars = list(paragraph)
    for span in spans:
        for i in range(span.text_start, span.text_start + len(span.text)):
            chars[i] = "~"
    return "".join(chars)


def _words(text: str) -> int:
    return sum(1 for t in tokens(text) if t.pos1 not in ("補助記号", "空白"))


def ends_like_speech(text: str) -> bool:
    """The bracketed words end like a sentence, or hold two sentences."""
    if re.search(r"[。！？!?]", text.rstrip(_PUNCT)):
        return True
    body = text.rstrip(_PUNCT)
    if text[len(body) :].lstrip(" 　")[:1] in ("。", "！", "？", "!", "?"):
        return True
    toks = [t for t in tokens(body) if t.pos1 not in ("補助記号", "空白")]
    if not toks:
        return False
    last = toks[-1]
    return last.pos1 in _SPEECH_POS or (last.pos1 == "助詞" and last.pos2 == "終助詞")


class JaArticle(BoundedSentences):
    """One Japanese article: paragraphs joined with quotes masked, and its speakers."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = list(paragraphs)
        self.spans = [spans_in("ja", p) for p in self.paragraphs]
        masked = [_mask(p, s) for p, s in zip(self.paragraphs, self.spans, strict=True)]
        self.para_starts = paragraph_starts(masked)
        self.text = "\n".join(masked)
        self.boundaries = [0] + [m.end() for m in _END.finditer(self.text)]
        self.people = JaPeople(self.text)
        self.history = History()

    def _reported(self, end: int) -> re.Match[str] | None:
        """The verb of saying after 「…」と, within the quote's sentence."""
        marker = _MARKER.match(self.text, end)
        if marker is None:
            return None
        stop = min(self.sentence_end(end), marker.end() + 40)
        return _VERB.search(self.text, marker.end(), stop)

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for i, spans in enumerate(self.spans):
            base = self.para_starts[i]
            rest = self.text[base : base + len(self.paragraphs[i])]
            standalone = not re.sub(r"[~「」『』。、\s]", "", rest)
            for span in spans:
                if _words(span.text) < MIN_WORDS:
                    continue
                end = base + span.end
                verb = self._reported(end)
                core = verb is not None and _CORE_VERB.match(verb.group()) is not None
                if not ends_like_speech(span.text) and not core:
                    continue  # 「成長力の強化に資する国内投資の促進」を柱に: a name
                start = base + span.start
                out.append(
                    Candidate(
                        para=i,
                        span=span,
                        start=start,
                        end=end,
                        standalone=standalone,
                        embedded=start > self.sentence_start(start),
                    )
                )
        return out

    def _resolve(self, s: Subject) -> Found | None:
        return self.people.resolve(s, self.history)

    def attribute(self, c: Candidate) -> Found | None:
        named = _CREDIT.match(self.text, c.end)  # 「…」（佐藤美咲社長）
        if named:
            credit = subjects(named.group("who") + "は", 0, len(named.group("who")) + 1)
            if credit:
                at = named.start("who")
                s = credit[-1]
                return self._resolve(Subject(at, at + len(s.name), s.kind, s.name, s.role))
        verb = self._reported(c.end)
        if verb is not None:  # 「…」と同氏は述べた
            after = [s for s in subjects(self.text, c.end, verb.start())]
            if after:
                return self._resolve(after[-1])
        before = subjects(self.text, self.sentence_start(c.start), c.start)
        if before:
            return self._resolve(before[-1])
        trailer = self._trailer(c)
        if trailer is not None:
            return trailer
        if verb is not None:  # 「…」と述べた: the topic of the sentences before
            return self._topic(c)
        return None

    def _trailer(self, c: Candidate) -> Found | None:
        """ "「…」。佐藤氏はこう強調した。": the sentence after the quote says who spoke."""
        nxt = self.sentence_end(c.end)
        if self.text[c.end : nxt].strip("。！？ \n"):
            return None  # the quote does not end its sentence
        end = self.sentence_end(nxt)
        if not _TRAILER.search(self.text, nxt, end):
            return None
        found = subjects(self.text, nxt, end)
        return self._resolve(found[0]) if found else None

    def _topic(self, c: Candidate) -> Found | None:
        until = self.sentence_start(c.start)
        since = max(self.para_starts[max(0, c.para - 1)], until - SENTENCE_REACH)
        people = [
            s
            for s in subjects(self.text, since, until)
            if s.kind != "org" or not self.history.last(c.start)
        ]
        if people:
            return self._resolve(people[-1])
        return self.history.last(c.start) or self.people.last_person(c.start)

    def opens_sentence(self, c: Candidate) -> bool:
        return not self.text[self.sentence_start(c.start) : c.start].strip()

    def lead_in(self, c: Candidate) -> Found | None:
        """ "孫氏は次のように語った。" or a colon before a quote opening its sentence."""
        start = self.sentence_start(c.start)
        if self.text[start : c.start].strip() or start == 0:
            return None
        prev = self.sentence_start(start - 1)
        while prev > 0 and not self.text[prev:start].strip():  # past the paragraph break
            prev = self.sentence_start(prev - 1)
        sentence = self.text[prev:start]
        if not (_ANNOUNCE.search(sentence) or sentence.rstrip().endswith(("：", ":"))):
            return None
        found = subjects(self.text, prev, start)
        return self._resolve(found[-1]) if found else None


def extract_japanese_quotes(paragraphs: Sequence[str]) -> list[Quote]:
    """Every quoted clause of speech in a Japanese article, in text order."""
    article = JaArticle(paragraphs)
    return resolve_quotes(article, article.candidates())
