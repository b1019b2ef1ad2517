"""Quotes in Korean news: “…” and ‘…’ that are speech, and who said them.

Korean reports speech with a marker on the quote and a verb after it: “…”라고 말했다,
“…”고 밝혔다, “…”며 강조했다. A quoted span is speech when it ends like a sentence
(…다, …요, …니다) or carries that marker; ‘소버린 AI’ and ‘국가 AI 컴퓨팅 센터’를 are
names, and so is anything "called" (…’라고 불리는, …’라는). Korean words carry their
particles, so three words of Korean say what four say in English.

The speaker is the subject before the quote ("이종호 장관은 “…”고 말했다") or between
the quote and the verb ("“…”라고 이 장관은 말했다"); "그는" is the last person, and a
quote with a marker but no subject is the topic's, as in Japanese.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.intl.quotes_core import (
    BoundedSentences,
    Candidate,
    Found,
    History,
    paragraph_starts,
    resolve_quotes,
)
from bot.analysis.intl.quotes_marks import QuoteSpan, spans_in
from bot.analysis.intl.speakers_ko import KoPeople, KoSubject, ko_subjects
from bot.analysis.sentences import SENTENCE_REACH
from bot.models import Quote

__all__ = ["extract_korean_quotes"]

MIN_WORDS = 3
_MARKER = re.compile(r"\s*(?:이?라고|고|이?라며|며|이?라면서|면서|하고)(?=[\s,])")
_NAMED_AFTER = re.compile(r"\s*(?:이?라는|이?라고\s*(?:불리|부르|이름|명명))")
_SPEECH_END = re.compile(r"(?:다|요|죠|까|니다|네|자|지|군|오|라)[.!?…]*$|[!?]$")
_TRAILER = re.compile(r"(?:이렇게|이같이)\s*[가-힣]+(?:했다|였다|혔다|냈다)")
_END = re.compile(r"[.!?](?=\s|$)|\n")
_ANNOUNCE = re.compile(r"(?:다음과 같이|이렇게|이같이)\s*[가-힣]+[.:]?\s*$|:\s*$")


def _mask(paragraph: str, spans: list[QuoteSpan]) -> str:
    chars = list(paragraph)
    for span in spans:
        for i in range(span.text_start, span.text_start + len(span.text)):
            chars[i] = "~"
    return "".join(chars)


class KoArticle(BoundedSentences):
    """One Korean article: paragraphs joined with quotes masked, and its speakers."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = list(paragraphs)
        self.spans = [spans_in("ko", p) for p in self.paragraphs]
        masked = [_mask(p, s) for p, s in zip(self.paragraphs, self.spans, strict=True)]
        self.para_starts = paragraph_starts(masked)
        self.text = "\n".join(masked)
        ends = {m.end() for m in _END.finditer(self.text)}
        for start, spans in zip(self.para_starts, self.spans, strict=True):
            for span in spans:  # “…다.” 그는 …: the quote ended its sentence
                if (
                    span.text[-1] in ".!?"
                    and self.text[start + span.end : start + span.end + 1] == " "
                ):
                    ends.add(start + span.end + 1)
        self.boundaries = [0, *sorted(ends)]
        self.people = KoPeople(self.text)
        self.history = History()

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for i, spans in enumerate(self.spans):
            base = self.para_starts[i]
            rest = self.text[base : base + len(self.paragraphs[i])]
            standalone = not re.sub(r"[~“”‘’\"'.,\s]", "", rest)
            for span in spans:
                end = base + span.end
                if len(span.text.split()) < MIN_WORDS or _NAMED_AFTER.match(self.text, end):
                    continue
                speech = _SPEECH_END.search(span.text.rstrip("”’\"' ")) is not None
                if not speech and not _MARKER.match(self.text, end):
                    continue
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

    def _resolve(self, s: KoSubject) -> Found | None:
        return self.people.resolve(s, self.history)

    def attribute(self, c: Candidate) -> Found | None:
        marker = _MARKER.match(self.text, c.end)
        if marker is not None:  # “…”라고 이 장관은 말했다
            after = ko_subjects(self.text, marker.end(), self.sentence_end(c.end))
            if after:
                return self._resolve(after[-1])
        before = ko_subjects(self.text, self.sentence_start(c.start), c.start)
        if before:
            return self._resolve(before[-1])
        trailer = self._trailer(c)
        if trailer is not None:
            return trailer
        if marker is not None:
            until = self.sentence_start(c.start)
            since = max(self.para_starts[max(0, c.para - 1)], until - SENTENCE_REACH)
            earlier = ko_subjects(self.text, since, until)
            if earlier:
                return self._resolve(earlier[-1])
            return self.history.last(c.start) or self.people.last_person(c.start)
        return None

    def _trailer(self, c: Candidate) -> Found | None:
        """ "“…” 그는 이렇게 덧붙였다.": the sentence after the quote says who spoke."""
        nxt = self.sentence_end(c.end)
        if nxt > c.end + 2:  # the quote does not end its sentence
            return None
        end = self.sentence_end(nxt)
        if not _TRAILER.search(self.text, nxt, end):
            return None
        found = ko_subjects(self.text, nxt, end)
        return self._resolve(found[0]) if found else None

    def opens_sentence(self, c: Candidate) -> bool:
        return not self.text[self.sentence_start(c.start) : c.start].strip()

    def lead_in(self, c: Candidate) -> Found | None:
        """ "그는 다음과 같이 말했다." or a colon before a quote opening its sentence."""
        start = self.sentence_start(c.start)
        if self.text[start : c.start].strip() or start == 0:
            return None
        prev = self.sentence_start(start - 1)
        while prev > 0 and not self.text[prev:start].strip():  # past the paragraph break
            prev = self.sentence_start(prev - 1)
        if not _ANNOUNCE.search(self.text[prev:start].rstrip()):
            return None
        found = ko_subjects(self.text, prev, start)
        return self._resolve(found[-1]) if found else None


def extract_korean_quotes(paragraphs: Sequence[str]) -> list[Quote]:
    """Every quoted clause of speech in a Korean article, in text order."""
    article = KoArticle(paragraphs)
    return resolve_quotes(article, article.candidates())
