"""Quotes in French, German, Spanish, Portuguese and Italian: one engine, five lexicons.

The attribution is found where these languages put it. After the quote: a verb with its
subject after it ("», a déclaré Jean Dupont", "“, declara Marc Bara, profesor de …",
"“, sagte Merz", "“, so Merz"), a verb with a pronoun joined ("a-t-il ajouté"), or a
verb alone ("”, añade."), "selon X"/"segundo X", or the subject first ("», le ministre
a ajouté"). Before it, in the same sentence: "X a déclaré : « … »", "X, directeur de Y,
señala que “…”", "Selon X, « … »", "Pour X, « … »", and the bare colon "X : « … »".

Not quotes: fewer than four words; a name in quotes ("le programme « IA pour tous les
citoyens »", "el encuentro ‘HispanIA: …’", words all capitalised); and a phrase in
single quotes with no verb of saying near it, which these languages use for names and
terms.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from bot.analysis.intl.quotes_core import (
    Candidate,
    Found,
    History,
    paragraph_starts,
    resolve_quotes,
)
from bot.analysis.intl.quotes_de import GERMAN
from bot.analysis.intl.quotes_es import SPANISH
from bot.analysis.intl.quotes_fr import FRENCH
from bot.analysis.intl.quotes_it import ITALIAN
from bot.analysis.intl.quotes_lexicon import Compiled, LatinWords, compile_words, split
from bot.analysis.intl.quotes_marks import spans_in
from bot.analysis.intl.quotes_pt import PORTUGUESE
from bot.analysis.intl.speakers_latin import Hit, LatinSpeakers
from bot.analysis.quotemarks import OPENING_MARKS
from bot.analysis.quotes import mask_quotes
from bot.models import Quote

__all__ = ["LATIN", "extract_latin_quotes"]

LATIN: dict[str, LatinWords] = {
    "fr": FRENCH,
    "de": GERMAN,
    "es": SPANISH,
    "pt": PORTUGUESE,
    "it": ITALIAN,
}
MIN_WORDS = 4
_KEEP_END = ".!?…,"
_BOUNDARY = re.compile(r"[.!?…]+[»”“\"’)]*\s+(?=[«„“\"¿¡(‘]?[^\W\d_]|[«„“\"‘»‚])|\n")
_LEAD = re.compile(r"[\s,]*(?P<dash>[—–-]\s*)?")
_CLAUSE_END = re.compile(r"[;:!?\n~«»“”„\"(]|\.(?=\s|$)")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL = frozenset(
    split(
        """de du des la le les et y e und für of the and del da di do von a à in im am zum zur
        mit en para per pour sur por con el los las il lo il della dei"""
    )
)


@cache
def compiled(lang: str) -> Compiled:
    return compile_words(LATIN[lang])


def _title_cased(text: str) -> bool:
    """ "Swiss AI Initiative", "Künstliche Intelligenz Für Alle": a name, not speech."""
    if text[-1] in ".!?…":
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL]
    return not words or all(w[0].isupper() for w in words)


class LatinArticle:
    """One article's paragraphs as a single masked text, and its quote attribution."""

    def __init__(self, lang: str, paragraphs: Sequence[str]) -> None:
        self.c = compiled(lang)
        self.paragraphs = list(paragraphs)
        self.spans = [spans_in(lang, p) for p in self.paragraphs]
        masked = [
            mask_quotes(p, s, _KEEP_END) for p, s in zip(self.paragraphs, self.spans, strict=True)
        ]
        self.para_starts = paragraph_starts(masked)
        self.text = "\n".join(masked)
        self.boundaries = [0] + [m.end() for m in _BOUNDARY.finditer(self.text) if self._ends(m)]
        self.speakers = LatinSpeakers(self.c, self.text)
        self.history = History()

    def record_reported(self, candidates: Sequence[Candidate]) -> None:
        """Who speaks in sentences without a quote of their own ("Ein Sprecher des
        Ministeriums betonte, …", "Para o pesquisador X, o plano é “ambicioso”"), so
        that a later "sagte er" or a bare "afirmou" finds them."""
        quoted = {self.sentence_start(c.start) for c in candidates}
        for verb in self.c.verb.finditer(self.text):
            start = self.sentence_start(verb.start())
            if start not in quoted:
                self._record(self._reported(start, verb), verb.start())
        for pattern in (self.c.according, self.c.for_word):
            for word in pattern.finditer(self.text) if pattern else ():
                start = self.sentence_start(word.start())
                opens = not self.text[start : word.start()].strip()  # "Per X, …", "Selon X, …"
                comma = self.text.find(",", word.end(), word.end() + 120)
                if opens and start not in quoted and comma > 0:
                    self._record(self.speakers.after_verb(word.end(), comma), word.start())

    def _reported(self, start: int, verb: re.Match[str]) -> Hit | None:
        """Who speaks in a reported sentence. German puts the verb second: after a first
        phrase that is not the subject ("Zu den Plänen von Ministerin Albers", "Dazu")
        the subject follows the verb ("äußerte sich Verbandschef Renner")."""
        head = self.text[start : verb.start()].split()
        if head and head[0].lower() in self.c.words.fronted:
            end = self._clause_end(verb.end(), self.sentence_end(verb.end(), len(self.text)))
            hit = self.speakers.after_verb(verb.end(), end)
            if hit is not None and hit.kind in ("person", "role", "org", "orgref"):
                return hit
        return self.speakers.subject(start, verb.start())

    def _record(self, hit: Hit | None, pos: int) -> None:
        if hit is not None and hit.kind in ("person", "org", "orgref", "role"):
            found = self.speakers.resolve(hit, pos, self.history)
            if found is not None:
                self.history.record(pos, found)

    def _ends(self, match: re.Match[str]) -> bool:
        """A real sentence end, not the dot of "M." or "Dr."."""
        if match.group() == "\n":
            return True
        word = self.text[max(0, match.start() - 12) : match.start()].split()[-1:]
        stem = word[0] if word else ""
        honorific = stem + "." in self.c.words.honorifics or stem in self.c.words.honorifics
        return not (honorific or (len(stem) == 1 and stem.isupper()))

    def sentence_start(self, pos: int) -> int:
        return self.boundaries[bisect.bisect_right(self.boundaries, pos) - 1]

    def sentence_end(self, pos: int, limit: int) -> int:
        i = bisect.bisect_right(self.boundaries, pos)
        return min(self.boundaries[i], limit) if i < len(self.boundaries) else limit

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for i, (paragraph, spans) in enumerate(zip(self.paragraphs, self.spans, strict=True)):
            base = self.para_starts[i]
            rest = self.text[base : base + len(paragraph)].replace("~", "")
            standalone = _LETTER.search(rest) is None
            prev = self.spans[i - 1][-1:] if i else []
            open_before = bool(prev) and not prev[0].closed
            open_before = open_before and prev[0].end == len(self.paragraphs[i - 1])
            for k, span in enumerate(spans):
                start = base + span.start
                before = self.text[self.sentence_start(start) : start].rstrip()
                if len(span.text.split()) < MIN_WORDS or _title_cased(span.text):
                    continue
                if self.c.naming.search(before):  # 'le programme « … »', not 'le plan : « … »'
                    continue
                c = Candidate(
                    para=i,
                    span=span,
                    start=start,
                    end=base + span.end,
                    continues=k == 0 and open_before and paragraph[0] in OPENING_MARKS,
                    standalone=standalone,
                    embedded=bool(before) and before[-1].isalnum(),
                )
                if span.single and not self._spoken(c):
                    continue
                out.append(c)
        return out

    def _spoken(self, c: Candidate) -> bool:
        """A verb of saying or "selon" in the quote's sentence: a real quote."""
        sentence = self.sentence_start(c.start)
        end = self.sentence_end(c.end, len(self.text))
        return any(
            p.search(self.text, sentence, end) for p in (self.c.verb, self.c.according)
        ) or bool(self.text[sentence : c.start].rstrip().endswith(":"))

    def _limit(self, c: Candidate) -> int:
        para_end = self.para_starts[c.para] + len(self.paragraphs[c.para])
        following = [s.start for s in self.spans[c.para] if s.start >= c.span.end]
        return self.para_starts[c.para] + following[0] if following else para_end

    def _clause_end(self, pos: int, limit: int) -> int:
        for m in _CLAUSE_END.finditer(self.text, pos, limit):
            if m.group() == ".":
                word = self.text[max(pos, m.start() - 12) : m.start()].split()[-1:]
                if word and (len(word[0]) == 1 or word[0] + "." in self.c.words.honorifics):
                    continue
            return m.start()
        return limit

    def _after(self, c: Candidate) -> Hit | None:
        """The attribution right after the quote."""
        limit = self._limit(c)
        lead = _LEAD.match(self.text, c.end, limit)
        pos = lead.end() if lead else c.end
        end = self._clause_end(pos, limit)
        verb = self.c.after_verb.match(self.text, pos, end)
        if verb:
            if self.c.pronoun_verb.fullmatch(verb.group()):
                return Hit("pronoun")
            return self.speakers.after_verb(verb.end(), end) or Hit("empty")
        according = self.c.according.match(self.text, pos, end)
        if according:
            return self.speakers.after_verb(according.end(), end)
        if lead and lead.group("dash"):  # "« … » — Jean Dupont, ministre"
            hit = self.speakers.after_verb(pos, end)
            if hit is not None and hit.kind in ("person", "org"):
                return hit
        return self._subject_after(c, pos, end)

    def _subject_after(self, c: Candidate, pos: int, end: int) -> Hit | None:
        """ "», le ministre a ajouté." and "“, dem Ministerium zufolge." """
        terminal = c.span.text[-1] in ".!?…"
        verb = self.c.verb.search(self.text, pos, end)
        if verb is not None:
            words = len(self.text[pos : verb.start()].split())
            if 0 < words <= (4 if terminal else 8):
                return self.speakers.subject(pos, verb.start())
        after = self.c.according_after
        found = after.search(self.text, pos, end) if after else None
        if found is not None and len(self.text[pos : found.start()].split()) <= 5:
            return self.speakers.after_verb(pos, found.start())
        return None

    def _before(self, start: int, end: int) -> Hit | None:
        """The attribution in the sentence before the quote (text[start:end])."""
        text = self.text
        head = text[start:end].rstrip()
        stop = start + len(head) - 1 if head.endswith(":") else end
        according = list(self.c.according.finditer(text, start, stop))
        if according:
            a = according[-1].end()
            comma = text.find(",", a, stop)
            return self.speakers.after_verb(a, comma if comma >= 0 else stop)
        for_word = self.c.for_word
        if for_word is not None and head.endswith(","):  # "Pour Jean Dupont, « … »"
            comma = start + len(head) - 1
            matches = list(for_word.finditer(text, start, comma))
            if matches:
                hit = self.speakers.after_verb(matches[-1].end(), comma)
                if hit is not None and hit.kind in ("person", "role", "org"):
                    return hit
        verbs = list(self.c.verb.finditer(text, start, stop))
        if verbs:
            return self._verb_before(verbs[-1], start, stop)
        if head.endswith(":"):  # "Clara Chappaz : « … »"
            hit = self.speakers.subject(start, stop)
            return hit if hit is not None and hit.kind in ("person", "org", "role") else None
        return None

    def _verb_before(self, verb: re.Match[str], start: int, stop: int) -> Hit | None:
        if self.c.pronoun_verb.fullmatch(verb.group()):
            return Hit("pronoun")
        between = self.text[verb.end() : stop].split()
        if between and self._names_next(between[0], verb.end()):
            hit = self.speakers.after_verb(verb.end(), stop)  # "comme l'a dit X, « … »"
            if hit is not None and hit.kind in ("person", "role", "org"):
                return hit
        return self.speakers.subject(start, verb.start()) or Hit("empty")

    def _names_next(self, word: str, pos: int) -> bool:
        """The words after a verb can name its subject ("comme l'a dit X", "dijo el
        ministro", "dijo a EFE X"), not when they open a clause ("sagte, man werde …")."""
        w = self.c.words
        lower = word.lower().strip(",")
        if lower in w.relatives and not word[0].isupper():
            return False
        told = self.c.addressee.match(self.text, pos) if self.c.addressee else None
        return word[0].isupper() or lower in w.articles or bool(told and told.end() > pos)

    def attribute(self, c: Candidate) -> Found | None:
        hit = self._after(c)
        sentence = self.sentence_start(c.start)
        opens = c.start == sentence or not self.text[sentence : c.start].strip()
        if hit is None and not (c.span.text[-1] in ".!?…" and opens):
            hit = self._before(sentence, c.start)
        if hit is None:
            return None
        return self.speakers.resolve(hit, c.start, self.history)

    def opens_sentence(self, c: Candidate) -> bool:
        sentence = self.sentence_start(c.start)
        return not self.text[sentence : c.start].strip()

    def lead_in(self, c: Candidate) -> Found | None:
        """ "Le ministre a déclaré :" closing the paragraph before a quote paragraph."""
        if c.para == 0 or c.span.start != 0:
            return None
        i = c.para - 1
        end = self.para_starts[i] + len(self.paragraphs[i])
        head = self.text[self.para_starts[i] : end].rstrip()
        if not head.endswith(":"):
            return None
        colon = self.para_starts[i] + len(head)
        hit = self._before(self.sentence_start(colon - 1), colon)
        return self.speakers.resolve(hit, c.start, self.history) if hit else None


def extract_latin_quotes(lang: str, paragraphs: Sequence[str]) -> list[Quote]:
    """Every direct quote of four words or more in a Latin-script article, in text order."""
    article = LatinArticle(lang, paragraphs)
    candidates = article.candidates()
    article.record_reported(candidates)
    return resolve_quotes(article, candidates)
