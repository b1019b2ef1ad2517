"""Rejoin hard-wrapped lines into the paragraphs they were cut from.

Extracted web text puts one paragraph on each line, but feed summaries, e-mails and PDF
pages arrive hard-wrapped at 60-80 columns, so a single newline may sit inside a
sentence ("artificial\\nintelligence", "the Minister of\\nDigital Affairs said"). Taken
as a paragraph break it splits phrases, sentences and quotes. A line break is a wrap when:

- the next line continues the sentence: it starts in lower case, or the line ends in a
  hyphen, a comma or a word that cannot end a sentence ("of", "the", "and");
- or the block is hard-wrapped (its lines end mid-sentence near one common width) and
  the next line's first word would not have fitted on this line: a writer who breaks a
  line short of the margin means a paragraph end or a heading, a wrapping program never.

One-paragraph-per-line text never looks hard-wrapped (its lines end sentences and vary
in length), so it keeps every line as a paragraph, headings included.
"""

from __future__ import annotations

import itertools
import re

from bot.analysis.lexicon import words

__all__ = ["unwrap_block"]

# Longest line that can be a hard wrap; one-paragraph lines of web text are longer.
_MAX_WRAP_WIDTH = 110
_MIN_WRAP_WIDTH = 30
_ENDED = re.compile(r"""[.!?:]["'”’»)\]]*$|^\W*$""")
_LOWER_START = re.compile(r"""^["'“‘«(\[]?[a-zà-ÿ]""")
_HYPHENATED = re.compile(r"([^\W\d_]+)-$")
_OPEN_END = re.compile(
    r"(?:,|\b(?:of|the|a|an|and|or|to|in|on|for|by|with|at|from|as|that|its|their|his|her|"
    r"our|is|are|was|were|has|have|will|would|said|says|than|into|about|between|"
    r"[A-Z][\w’']*['’]s))$"
)
# Compound heads that keep their hyphen across a wrap ("state-\nbacked").
_COMPOUND_HEADS = words(
    """state self non co well public government high low long short large small multi
    cross open data world next first second third half full semi anti pro post pre
    ex all one two three four five ten decision policy cutting"""
)


def _continues(line: str, following: str) -> bool:
    """The next line plainly carries on this line's sentence."""
    tail = line[-40:]  # end-anchored searches scan the whole line otherwise
    return bool(_LOWER_START.match(following) or _HYPHENATED.search(tail) or _OPEN_END.search(tail))


def _wrap_width(lines: list[str]) -> int:
    """The block's wrap column, or 0 if it is not hard-wrapped: it has three lines or
    more, most lines but the last run close to the widest one, and at least two of them
    (a third of its line breaks) end mid-sentence."""
    body = lines[:-1]
    if len(body) < 2:
        return 0
    width = max(len(line) for line in body)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return 0
    full = [line for line in body if len(line) >= 0.6 * width]
    mid = sum(1 for line in full if not _ENDED.search(line[-8:]))
    return width if 3 * len(full) >= 2 * len(body) and mid >= 2 and 3 * mid >= len(body) else 0


def _is_wrap(line: str, following: str, width: int) -> bool:
    if _continues(line, following):
        return True
    if not width:
        return False
    first_word = following.split(None, 1)[0]
    return len(line) + 1 + len(first_word) > width


def _join(line: str, following: str) -> str:
    """Two wrapped lines as one; a word hyphenated at the margin is mended ("inter-" +
    "national"), a compound keeps its hyphen ("state-" + "backed", "AI-" + "powered")."""
    hyphen = _HYPHENATED.search(line[-40:])
    if hyphen and following[:1].islower():
        head = hyphen.group(1)
        if head.islower() and head not in _COMPOUND_HEADS:
            return line[:-1] + following
        return line + following
    return line + " " + following


def unwrap_block(block: str) -> list[str]:
    """The paragraphs of a block of text with no blank lines in it."""
    lines = [line.strip() for line in block.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return []
    width = _wrap_width(lines)
    out = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if _is_wrap(previous, line, width):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return out
