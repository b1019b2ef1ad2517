"""Paragraph and sentence splitting tuned for news prose.

A plain split on ". " breaks "U.S. President" and "Dr. Sato"; news text is dense with
such abbreviations and initials, so a sentence ends only where the next word starts a
new sentence and the word before the dot is not a known abbreviation or an initial.
Chinese and Japanese end a sentence with 。！？ and no space (CJK_STOP): such a stop
always ends one (and so does ". " before a CJK word, which has no capital to show it),
except that a stop closing a quote ("“…。”他说") goes on into the words right after
the closing mark, as "“….” he said" does in English.
"""

from __future__ import annotations

import re

from bot.analysis.unwrap import unwrap_block

__all__ = ["CJK_STOP", "SENTENCE_REACH", "paragraphs", "sentences"]

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "gov",
    "sen",
    "rep",
    "pres",
    "inc",
    "ltd",
    "co",
    "corp",
    "plc",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "approx",
    "est",
    "dept",
    "fig",
    "rs",
    "mt",
    "ft",
}
# A run of full-width stops with its closing marks, unless a CJK character follows the
# closing mark: "“…。”他说" goes on. The look-behind starts it at the run's first stop.
_CLOSING = "」』）)\\]”’\"'»"
_CJK_CHAR = "\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff"
CJK_STOP = f"(?<![。！？])[。！？]+(?![。！？]*[{_CLOSING}]+[{_CJK_CHAR}])[{_CLOSING}]*"
_BOUNDARY = re.compile(
    r"""([.!?]["'”’»)\]]*)\s+(?=["'“‘«(\[]?[A-Z0-9À-ÖØ-Þ"""
    + _CJK_CHAR  # no case to read: a CJK word after ". " starts a sentence
    + r"""])|(?P<cjk>"""
    + CJK_STOP
    + r")\s*"
)
# How far a sentence is read from a position in it: longer than any sentence of news
# prose, so text reads differently only where a page has lost its full stops, and every
# look into a sentence (the attribution before a quote, a pronoun after a name) is bounded.
SENTENCE_REACH = 1000
_WORD_WINDOW = 40  # longer than any abbreviation: the word before a dot is read from here


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs. A blank line always separates paragraphs; a single newline
    does too in extracted text (one paragraph per line), but not where hard-wrapped text
    breaks a sentence across lines (unwrap.py)."""
    blocks = re.split(r"\n[^\S\n]*\n\s*", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [p for block in blocks for p in unwrap_block(block)]


def sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if match.group("cjk"):
            out.append(paragraph[start : match.end("cjk")].strip())
            start = match.end()
            continue
        end = match.end(1)
        # a bounded look-back: "Dr. Dr. Dr. …" costs the same per dot however long the
        # sentence has grown
        head = max(start, match.start(1) - _WORD_WINDOW)
        before = paragraph[head : match.start(1)].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        out.append(paragraph[start:end].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out
