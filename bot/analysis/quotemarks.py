"""Where the quoted spans of a paragraph are, in every quote style news text uses.

One compiled alternation scans a paragraph left to right, so the outermost quote wins
and a nested one (‘…’ inside “…”) stays part of its parent. Single quotes are the hard
case: the same character is an apostrophe in "it’s", "Nvidia’s" and "’90s", so a single
quote opens only before a letter and after a non-letter, and closes only after a
non-space and before a non-letter. Some sites open with ” as well as close with it; a ”
after a space and before a letter can only be opening. A double quote left open at the
end of a paragraph is the journalistic convention for a quote that runs on into the
next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["OPENING_MARKS", "QuoteSpan", "quote_spans", "quoted_words"]

OPENING_MARKS = "“\"‘'«„「『‹”"

_SPANS = re.compile(
    r"„(?P<low>[^“”„]*)(?:[“”]|$)"
    r"|«(?P<guil>[^»]*)(?:»|$)"
    r"|‹(?P<sguil>[^›]*)›"
    r"|「(?P<jp>[^」]*)(?:」|$)"
    r"|『(?P<jp2>[^』]*)(?:』|$)"
    r"|“(?P<curly>[^”“]*)(?:”|(?=“)|$)"
    r"|(?:(?<=\s)|^)”(?=[^\W\d_])(?P<rcurly>[^”“]*)(?:”|$)"  # ”…” where ” opens too
    r"|\"(?P<straight>[^\"]*)(?:\"|$)"
    r"|(?<![\w‘’])‘(?!\d\ds\b)(?P<scurly>(?:[^‘’]|’(?=\w))+?)’(?!\w)"
    r"|(?<![\w'])'(?!\d\ds\b)(?=[^\W\d_])(?P<sstraight>(?:[^'\n]|'(?=\w))+?)(?<=\S)'(?!\w)"
)
_CLOSED_ALWAYS = {"sguil", "scurly", "sstraight"}
# What a quote ends with when the speaker's sentence goes on past the closing mark: "“…
# foreign clouds,” she said", "“We will build —” he began", "«… l'État ;» puis": the
# comma, semicolon or dash is the reporter's sentence's, not the speaker's last word.
_SENTENCE_MARKS = ",;，；、—–"
_HYPHEN_DASHES = (" -", "--")  # a hyphen that is a dash; "pre-" keeps its own


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted span: `start`/`end` include the marks, `text` is the inner text."""

    start: int
    end: int
    text: str
    text_start: int
    closed: bool
    single: bool


def quote_spans(paragraph: str) -> list[QuoteSpan]:
    """Quoted spans of one paragraph, in order; inner text stripped of spaces."""
    out: list[QuoteSpan] = []
    for match in _SPANS.finditer(paragraph):
        group = match.lastgroup or ""
        raw = match.group(group)
        inner_start = match.start(group)
        closed = group in _CLOSED_ALWAYS or match.end() > match.end(group)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not text:
            continue
        out.append(
            QuoteSpan(
                start=match.start(),
                end=match.end(),
                text=text,
                text_start=inner_start + lead,
                closed=closed,
                single=group in _CLOSED_ALWAYS,
            )
        )
    return out


def quoted_words(text: str) -> str:
    """A quote's text as the speaker's words: without the comma, semicolon or dash that
    belongs to the reporter's sentence around it ("…foreign clouds," she said).

    A closing ellipsis ("…", "...") or a question or exclamation mark is the speaker's
    and stays; so does a quote that would be left empty.
    """
    words = text.rstrip()
    while words.endswith(tuple(_SENTENCE_MARKS)) or words.endswith(_HYPHEN_DASHES):
        words = (words.rstrip("-") if words.endswith("-") else words[:-1]).rstrip()
    return words or text
