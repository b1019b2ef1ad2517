"""Where the attribution of a quote is: the few shapes news prose gives it.

After the quote (the usual place): `“…,” Huang said`, `“…,” said Lindqvist`, `“…,” he added`,
`“…” — Jane Doe, minister`, `“…,” according to the ministry`, and the terse `“…” Huang.`
Before it, in the same sentence: `Huang said: “…”`, `the government said the plan
would be “…”`, `…, stating: “…”` (the subject of a participle is the subject of the
sentence), `according to X, “…”` and the bare colon `Huang: “…”`. These functions only
find the words naming the speaker; speakers.py decides who they mean.

Each call reads a bounded stretch of text: after a quote the patterns' own lengths bound
it, before one the sentence is read at most SENTENCE_REACH characters back, so a page
that lost its full stops costs the same per quote as any other.
"""

from __future__ import annotations

import re

from bot.analysis.lexicon import AUX_WORDS, FOREIGN_VERBS, PARTICIPLES, SPEECH_VERBS, VERB_RE
from bot.analysis.sentences import SENTENCE_REACH

__all__ = ["Span", "after_spans", "before_spans", "reach_back"]

Span = tuple[int, int, bool]  # start, end, prefer the name nearest the end

_VERBS = (
    r"(?:pointed out|"
    + "|".join(FOREIGN_VERBS + tuple(sorted(SPEECH_VERBS, key=len, reverse=True)))
    + r")"
)
_AUX = r"(?:(?:" + "|".join(sorted(AUX_WORDS)) + r")\s+)*"
_STOP = r"[.;:!?\n~“”\"(]"
# A speaker's words may hold the dot of an honorific or an initial ("said Dr. Hamad
# al-Mazrouei", "— Prof. Jane K. Doe"): one character of a name span is any character but
# a stop, or such an abbreviation with its dot.
_ABBR = r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Hon|Jr|Sr|[A-Z])\.)"
# "said Lindqvist", "said the country's ICT minister, Jane Doe": up to a stop or a preposition,
# and on through an appositive name.
_INVERTED = re.compile(
    r"[\s,]*" + _VERBS + r"\s+(?P<who>(?:" + _ABBR + r"|[^.,;:!?\n~“”\"]){1,80}?"
    r"(?:,\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3}(?=[\s.,;]|$))?)"
    r"(?=\s*(?:[.,;:!?\n(]|$)|\s+(?:at|in|on|during|after|before|when|while|from|to|"
    r"with|as|about|who|which|that|last|this|(?:of|for)(?!\s+(?:the\s+)?[A-Z]))\b)"
)
_TITLE_HEAD = (
    r"(?:[A-Z][\w-]*\s+)?(?:Minister|Secretary|Director|Commissioner|President|Chancellor|"
    r"Governor|Chairman|Chairwoman|Chair|Mayor|Senator)\b"
)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_FULL_NAME = _NAME_WORD + r"(?:\s+(?:(?:de|da|dos|del|van|von|bin|al)\s+)?" + _NAME_WORD + r")+"
# "said Minister of Science, Higher Education and Innovation Ana Souza at …": a title with
# commas, up to the end of the clause; speakers.py finds the person in it
_INVERTED_TITLED = re.compile(
    r"[\s,]*"
    + _VERBS
    + r"\s+(?P<who>(?:the\s+)?"
    + _TITLE_HEAD
    + r"(?:\b[A-Z]\.|[^.;:!?\n~“”\"]){0,140}?)"  # initials ("Ana P. Souza") go on
    r"(?=\s*(?:[.;:!?\n(]|$)|\s+(?:at|in|on|during|after|before|when|while|from|to|"
    r"with|as|about|who|which|that|last|this)\b)"
)
_SUBJECT = re.compile(r"[\s,]*(?P<who>[^;:!?\n~“”\"]{1,90}?)\s+" + _AUX + _VERBS + r"\b")
_DASH = re.compile(r"\s*[—–-]{1,2}\s*(?P<who>(?:" + _ABBR + r"|[^,.;(\n~“”\"]){2,60})")
# "according to a statement issued by the ministry": the statement's author speaks
_STATEMENT_BY = (
    r"(?:an?\s+(?:[a-z]+\s+)?(?:statement|press release|release|notice|letter|post|report|"
    r"document|filing|decree)\s+(?:(?:issued|released|published|put out|posted)\s+)?"
    r"(?:by|from)\s+(?:the\s+)?)?"
)
STATEMENT_BY = re.compile(_STATEMENT_BY)
_ACCORDING = re.compile(
    r"[\s,]*according to\s+" + _STATEMENT_BY + r"(?P<who>(?:" + _ABBR + r"|[^.,;:!?\n~“”\"]){2,80})"
)
_BARE = re.compile(r"\s*(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s*(?:[.\n]|$)")
_COLON_WHO = 60
_COLON = re.compile(r"(?P<who>[^.,;:!?~“”\"\n]{2,60}):\s*$")  # 60: _COLON_WHO
_SPACE = re.compile(r"\s+")
_STOP_OR_COMMA = re.compile(_STOP + "|,")
_MAX_SUBJECT_WORDS = 8
_TITLED_NAME = re.compile(r"^" + _TITLE_HEAD + r"[^.;:!?]{0,120}\s" + _FULL_NAME + r"$")


def after_spans(text: str, start: int, end: int, terminal: bool) -> list[Span]:
    """Candidate speaker spans in text[start:end], the words right after a quote.

    `terminal`: the quote ended its own sentence ("….”), so only a short attribution
    directly after it ("he said", "said Lindqvist", "Huang.") can still belong to it.
    """
    out: list[Span] = []
    match = _INVERTED_TITLED.match(text, start, end)  # said Minister of A, B and C Ana Souza
    if match:
        out.append((match.start("who"), match.end("who"), False))
    match = _INVERTED.match(text, start, end)
    if match:
        out.append((match.start("who"), match.end("who"), False))
    match = _SUBJECT.match(text, start, end)
    if match:
        who = match.group("who")
        words = len(who.split())
        # "…,” Minister of Science, Technology and Innovation Ana Souza said": a long
        # title is fine when the words end in a name
        titled = _TITLED_NAME.search(who) is not None
        short = words <= _MAX_SUBJECT_WORDS or who.count(",") >= 2 or titled
        if (words <= 3 or not terminal or titled) and short:
            out.append((match.start("who"), match.end("who"), True))
    for pattern in (_DASH, _ACCORDING, _BARE):
        match = pattern.match(text, start, end)
        if match:
            out.append((match.start("who"), match.end("who"), False))
    return out


def reach_back(text: str, start: int, end: int) -> int:
    """`start`, or where a word begins within SENTENCE_REACH characters of `end` when the
    sentence began further back than that."""
    if end - start <= SENTENCE_REACH:
        return start
    head = end - SENTENCE_REACH
    space = _SPACE.search(text, head, end)
    return space.end() if space and space.end() < end else head


def _colon(text: str, start: int, end: int) -> re.Match[str] | None:
    """The bare colon's speaker, searched only where it can start: just before the colon
    that closes the stretch (past trailing spaces)."""
    last = len(text[start:end].rstrip()) + start
    return _COLON.search(text, max(start, last - 1 - _COLON_WHO), end)


def before_spans(text: str, start: int, end: int) -> list[Span]:
    """Candidate speaker spans in text[start:end], the sentence up to a quote."""
    start = reach_back(text, start, end)
    verbs = list(VERB_RE.finditer(text, start, end))
    if not verbs:  # "Huang: “…”", "Smith, however, disagreed: “…”": the clause's subject
        match = _colon(text, start, end)
        return [(start, match.end("who"), False)] if match else []
    verb = verbs[-1]
    if verb.group().lower() == "according to":
        who = STATEMENT_BY.match(text, verb.end() + 1, end)
        begin = who.end() if who and who.end() > verb.end() + 1 else verb.end()
        stop = _STOP_OR_COMMA.search(text, begin, end)
        return [(begin, stop.start() if stop else end, False)]
    if verb.group() in PARTICIPLES:
        finite = [v for v in verbs if v.group() not in PARTICIPLES]
        if not finite:  # "…, stating:" with no finite speech verb: the sentence subject
            return [(start, verb.start(), False)]
        verb = finite[-1]
    return [(start, verb.start(), True)]
