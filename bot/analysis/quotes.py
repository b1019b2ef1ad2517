"""Direct quotes and who said them, in text order.

Quotes are found in every style (quotemarks.py); short ones (under four words: scare
quotes, "AI factory") and titles ("the “National AI Mission for Everyone”") are not
quotes. Each quote is attributed from the words right after it, then the sentence
before it (attribution.py, speakers.py). A quote without its own attribution belongs
to someone by journalistic convention: the paragraph of a quote that ran on from the
previous one belongs to the same speaker, the second half of "“…,” he said. “…”" to
the first half's speaker, and a quote standing alone in its paragraph to whoever spoke
last. A phrase quoted inside a narrative sentence with nobody to credit it to is a
scare quote, not a quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.analysis.acronyms import defined_acronyms, spelled_out
from bot.analysis.attribution import after_spans, before_spans, reach_back
from bot.analysis.interviews import interview_answers, interviewee
from bot.analysis.lexicon import words
from bot.analysis.people import People
from bot.analysis.quotemarks import OPENING_MARKS, QuoteSpan, quote_spans, quoted_words
from bot.analysis.sentences import CJK_STOP
from bot.analysis.speakers import Speakers
from bot.models import Quote

__all__ = ["extract_quotes", "mask_quotes"]

MIN_WORDS = 4
_KEEP_END = ".!?,"
_BOUNDARY = re.compile(r"[.!?][”\"’»)]*\s+|\n|(?P<cjk>" + CJK_STOP + r")\s*")
_MASK_KEEP = _KEEP_END + "。！？"  # a masked CJK quote keeps its stop for the boundaries
_ABBREVIATIONS = words("mr mrs ms dr prof st sr jr no vs gen gov sen rep inc corp ltd co")
_HEADING_END = re.compile(r"[.!?:”\"’»)~]\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_SMALL = words("of and the for in on a an to at by with or de")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_ARTICLE_END = re.compile(r"\b(?:the|a|an|its|their|our)$", re.IGNORECASE)
_NAMED = re.compile(r"\b(?:titled|entitled|dubbed|named|headlined|known as|branded)$")


@dataclass
class _Candidate:
    para: int
    span: QuoteSpan
    start: int  # doc offsets of the whole quote, marks included
    end: int
    embedded: bool  # quoted inside a narrative sentence ("AI is the “only way…”")
    continues: bool  # runs on from a quote left open in the previous paragraph
    standalone: bool  # the paragraph is nothing but quotes
    attributed: bool = False
    introduced: bool = False  # a speech verb or colon leads up to it, whoever spoke
    speaker: str | None = None
    is_person: bool = False


def mask_quotes(paragraph: str, spans: list[QuoteSpan], keep: str = _KEEP_END) -> str:
    """The paragraph with quoted words blanked, so names and verbs inside quotes never
    count as attribution; sentence-final punctuation (`keep`) is kept for sentence
    splitting."""
    chars = list(paragraph)
    for span in spans:
        last = span.text_start + len(span.text) - 1
        for i in range(span.text_start, last + (span.text[-1] not in keep)):
            chars[i] = "~"
    return "".join(chars)


def _ends_capital(text: str) -> bool:
    found = _WORD.findall(text)
    return bool(found) and found[-1][0].isupper() and text[-1] not in _KEEP_END


def _is_title(text: str, embedded: bool) -> bool:
    """A name in quotes: "Generative AI Accelerator Challenge", or, quoted mid-sentence,
    "National compute and AI Mission" (capitalised at both ends, no stop)."""
    if text[-1] in _KEEP_END:
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL]
    if not words:
        return True
    if all(w[0].isupper() for w in words):
        return True
    return embedded and words[0][0].isupper() and words[-1][0].isupper() and "," not in text


class _Article:
    """One article's paragraphs as a single text, with quotes masked."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = list(paragraphs)
        self.spans = [quote_spans(p) for p in self.paragraphs]
        self.starts: list[int] = []
        masked: list[str] = []
        offset = 0
        for paragraph, spans in zip(self.paragraphs, self.spans, strict=True):
            self.starts.append(offset)
            masked.append(mask_quotes(paragraph, spans, _MASK_KEEP))
            offset += len(paragraph) + 1
        self.masked = "\n".join(masked)
        self.boundaries = [0]
        for match in _BOUNDARY.finditer(self.masked):
            word = self.masked[max(0, match.start() - 40) : match.start()].rsplit(None, 1)[-1:]
            stem = (word or [""])[0].lower().lstrip("(")
            nxt = self.masked[match.end() : match.end() + 1]
            # "Dr. Sato", "U.S. technology firms": an abbreviation, or a lowercase word next
            abbreviation = stem in _ABBREVIATIONS or len(stem) == 1 or "." in stem
            plain = match.group() != "\n" and not match.group("cjk")
            if plain and (abbreviation or nxt.islower()):
                continue
            self.boundaries.append(match.end())
        headings = [
            (start, start + len(text))
            for start, text in zip(self.starts, masked, strict=True)
            if not _HEADING_END.search(text)
        ]
        self.people = People(self.masked, headings, self.sentence_start)
        self.speakers = Speakers(self.masked, self.people, self.sentence_start)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` begins, at most SENTENCE_REACH characters back
        (on a word's start): a page with no full stops is read in bounded windows."""
        start = self.boundaries[bisect.bisect_right(self.boundaries, pos) - 1]
        return reach_back(self.masked, start, pos)

    def candidates(self) -> list[_Candidate]:
        out: list[_Candidate] = []
        for i, (paragraph, spans) in enumerate(zip(self.paragraphs, self.spans, strict=True)):
            base = self.starts[i]
            rest = _LETTER.search(self.masked[base : base + len(paragraph)].replace("~", ""))
            prev = self.spans[i - 1][-1:] if i else []
            open_before = bool(prev) and not prev[0].closed
            open_before = open_before and prev[0].end == len(self.paragraphs[i - 1])
            for k, span in enumerate(spans):
                sentence = self.sentence_start(base + span.start)
                before = self.masked[sentence : base + span.start].rstrip()
                embedded = bool(before) and before[-1].isalnum()
                continues = k == 0 and open_before and paragraph[0] in OPENING_MARKS
                named = _NAMED.search(before) is not None  # 'a report titled “…”'
                # 'renamed the “national compute and data Agency”': a name after an article
                named = named or (
                    _ARTICLE_END.search(before) is not None and _ends_capital(span.text)
                )
                if len(span.text.split()) < MIN_WORDS or named or _is_title(span.text, embedded):
                    continue
                out.append(
                    _Candidate(
                        para=i,
                        span=span,
                        start=base + span.start,
                        end=base + span.end,
                        embedded=embedded,
                        continues=continues,
                        standalone=rest is None,
                    )
                )
        return out

    def attribute(self, c: _Candidate) -> None:
        """The quote's own attribution, after it or else before it in its sentence."""
        para_end = self.starts[c.para] + len(self.paragraphs[c.para])
        spans = self.spans[c.para]  # in text order: the first quote after this one
        k = bisect.bisect_left(spans, c.span.end, key=lambda s: s.start)
        limit = self.starts[c.para] + spans[k].start if k < len(spans) else para_end
        terminal = c.span.text[-1] in ".!?"
        cands = after_spans(self.masked, c.end, limit, terminal)
        sentence = self.sentence_start(c.start)
        if not (terminal and c.start == sentence):
            before = before_spans(self.masked, sentence, c.start)
            c.introduced = bool(before)
            cands += before
        if not terminal:
            cands += self._sentence_tail(c.end, limit)
        for start, end, prefer_last in cands:
            found = self.speakers.from_span(start, end, prefer_last)
            if found is not None:
                c.attributed = True
                c.speaker, c.is_person = found
                return

    def _sentence_tail(self, start: int, limit: int) -> list[tuple[int, int, bool]]:
        """The attribution closing the quote's sentence after more words: "… a “package of
        projects” for every sector, according to the ministry.", also past a closing mark
        left over from an edit ("… for every sector,” according to the ministry")."""
        k = bisect.bisect_right(self.boundaries, start)
        end = min(self.boundaries[k] if k < len(self.boundaries) else limit, limit)
        comma = self.masked.rfind(",", start, end)
        if comma < 0 or end - comma > 90:
            return []
        stop = end
        while stop > comma and self.masked[stop - 1] in " .!?\n":
            stop -= 1
        begin = comma + 1
        while begin < stop and self.masked[begin] in "”’\"' ":  # a stray closing mark
            begin += 1
        return after_spans(self.masked, begin, stop, True) if stop > begin else []

    def lead_in(self, c: _Candidate) -> tuple[str | None, bool] | None:
        """The speaker of a quote paragraph announced by the paragraph before it ("He
        said:", "Okafor shared:"), past a short subheading between the two."""
        i = c.para - 1
        if i >= 1 and self._heading(i):
            i -= 1
        if i < 0 or not self.spans[c.para] or self.spans[c.para][0].start != 0:
            return None
        text = self.masked[self.starts[i] : self.starts[i] + len(self.paragraphs[i])].rstrip()
        if not text.endswith(":"):
            return None
        colon = self.starts[i] + len(text)
        sentence = self.sentence_start(colon - 1)
        for start, end, prefer_last in before_spans(self.masked, sentence, colon):
            found = self.speakers.from_span(start, end, prefer_last)
            if found is not None:
                return found
        return None

    def _heading(self, i: int) -> bool:
        """A subheading: a short line with no closing punctuation and no quote."""
        text = self.paragraphs[i]
        return not self.spans[i] and len(text.split()) <= 8 and not _HEADING_END.search(text)

    def recent_speaker(self, c: _Candidate) -> str | None:
        """Who spoke in this paragraph or the one before, for words quoted in passing
        ("the proposal protects artists against “…”"): news quotes such a phrase from
        the document or person the passage is reporting."""
        found = self.people.last_spoke(c.start)
        return found[1] if found and found[0] >= self.starts[max(0, c.para - 1)] else None

    def narrator(self, c: _Candidate) -> tuple[str, bool] | None:
        """A person reported speaking earlier in the quote's own paragraph."""
        mentions = self.people.mentions_in(self.starts[c.para], c.start)
        for r in reversed(mentions):
            if r.mention.speaks and r.is_person:
                return r.name, True
        # "Nurlan Sadykov, in an interview, stated that …": a full name that speaks is a
        # person even when the verb is one organisations use too
        for r in reversed(mentions):
            if r.mention.speaks and len(r.name.split()) >= 2 and not r.mention.governed:
                return r.name, True
        # "Sarah Whitfield rejected the claim. “…”": a quote opening the sentence after
        # one whose subject is a person is that person's
        if c.start == self.sentence_start(c.start):
            for r in reversed(mentions):
                if r.in_focus:
                    return r.name, True
        return None


def extract_quotes(paragraphs: Sequence[str]) -> list[Quote]:
    """Every direct quote of four words or more, in text order, with its speaker; in a
    Q&A interview every answer is a quote by the interviewee (interviews.py)."""
    article = _Article(paragraphs)
    answers = interview_answers(paragraphs)
    answer_paras = {a.para for a in answers}
    answerer = None
    if answers:
        answerer = interviewee(
            answers, article.people, article.masked, article.starts[answers[0].para - 1]
        )
    pending = [(article.starts[a.para] + a.offset, a.text) for a in answers]
    spoken: list[tuple[int, Quote]] = []
    kept: list[_Candidate] = []
    for c in article.candidates():
        if c.para in answer_paras:  # a phrase the interviewee quotes inside an answer
            continue
        while pending and pending[0][0] < c.start:
            spoken.append(_answer(article, pending.pop(0), answerer))
        _resolve(article, c, kept)
        kept.append(c)
    spoken.extend(_answer(article, p, answerer) for p in pending)
    _credit_forward(kept)
    whole = "\n".join(paragraphs)
    spelled = defined_acronyms(whole)
    # "the NLTA said" after "the National Language Technology Agency", once per speaker
    for speaker in {c.speaker for c in kept if c.speaker and c.speaker not in spelled}:
        full = spelled_out(whole, speaker)
        if full:
            spelled[speaker] = full
    found = [
        (
            c.start,
            Quote(
                text=quoted_words(c.span.text),
                speaker=spelled.get(c.speaker, c.speaker) if c.speaker else None,
                role=article.people.role(c.speaker),
            ),
        )
        for c in kept
    ]
    return [q for _, q in sorted(found + spoken, key=lambda item: item[0])]


def _answer(article: _Article, answer: tuple[int, str], speaker: str | None) -> tuple[int, Quote]:
    if speaker is not None:
        article.people.record(answer[0], speaker, True)
    said = quoted_words(answer[1])
    return answer[0], Quote(text=said, speaker=speaker, role=article.people.role(speaker))


def _resolve(article: _Article, c: _Candidate, kept: list[_Candidate]) -> None:
    """The speaker of `c`: its own attribution, else by journalistic convention."""
    article.attribute(c)
    if not c.attributed:
        previous = kept[-1] if kept else None
        same_para = previous is not None and previous.para == c.para
        narrator = article.narrator(c)
        lead_in = None if c.continues or same_para else article.lead_in(c)
        if previous is not None and (c.continues or same_para):
            c.speaker, c.is_person = previous.speaker, previous.is_person
        elif lead_in is not None:
            c.speaker, c.is_person = lead_in
            c.attributed = c.speaker is not None
        elif narrator is not None:
            c.speaker, c.is_person = narrator
        elif c.standalone or _follows_quote_paragraph(article, c, previous):
            # a quote alone in its paragraph, or opening the paragraph after one that
            # ended in a quote, goes on with the last speaker's words
            c.speaker = article.people.last_speaker(c.start)
            c.is_person = c.speaker is not None and article.people.is_person(c.speaker)
        elif c.embedded:  # a phrase quoted in passing: whoever spoke just before
            c.speaker = article.recent_speaker(c)
            c.is_person = c.speaker is not None and article.people.is_person(c.speaker)
    if c.speaker is not None:
        article.people.record(c.start, c.speaker, c.is_person)


def _follows_quote_paragraph(article: _Article, c: _Candidate, previous: _Candidate | None) -> bool:
    """`c` opens its paragraph, right after a paragraph holding someone's quote."""
    if previous is None or previous.para != c.para - 1 or c.span.start != 0:
        return False
    return previous.speaker is not None


def _credit_forward(kept: list[_Candidate]) -> None:
    """“First.” “Second,” she said: an unattributed quote takes the attribution of the
    next quote in its paragraph, or of the paragraph its open quote runs on into."""
    for i in range(len(kept) - 2, -1, -1):
        c, nxt = kept[i], kept[i + 1]
        same = nxt.para == c.para or nxt.continues
        # a quote running on over paragraphs is credited where it ends: "“A.\n“B,” she
        # said" is hers, whoever spoke before it
        runs_on = nxt.continues and nxt.attributed and not (c.attributed or c.span.closed)
        if (c.speaker is None or runs_on) and nxt.speaker is not None and same:
            c.speaker, c.is_person = nxt.speaker, nxt.is_person
            c.attributed = c.attributed or runs_on
