"""A paragraph's figures in a Latin-script language: numerals, then ranges and carried currency.

`figures_latin.classify` reads each numeral on its own; what needs two numerals is here.
A bare numeral before a figure may be its range's lower end ("entre 5 et 10 millions
d'euros", "zwei bis drei Jahre", "de 5 a 10 millones") or, after a verb of change or
before a change's "to" ("von 5 auf 10 Milliarden", "de 5 para 10 bilhões"), a figure of
its own with the same unit (ranges.py's rule for English). Two full figures joined the
same way are one range too ("entre 20 % et 30 %"). A scaled numeral with no unit takes
the currency of the amount before it in its sentence ("…, dont 2 milliards pour…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.intl.figures_latin import Num, classify, number_words, numerals
from bot.analysis.intl.figures_lexicon import Lexicon
from bot.analysis.intl.figures_patterns import Patterns, patterns_for
from bot.analysis.intl.figures_shares import latin_shares
from bot.analysis.intl.numbers_latin import compose
from bot.analysis.numbers import Hit, word_list

__all__ = ["find_figures"]

_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
_CAPITAL_AFTER = re.compile(r"\s+[A-ZÄÖÜ]")
_OF_WORD: dict[str, re.Pattern[str]] = {}
# after "de"/"di", a determiner or pronoun starts no counted noun: "300 millones de ellos"
_DETERMINERS = "|".join(
    word_list(
        """la le les l ce cette ces eux elles leur leurs son sa ses el las los ellos ellas su
        sus este esta estos estas ese esa lo il gli loro essi esse cui questi queste o a os as
        eles elas seu sua seus suas"""
    )
)


def _link(p: Patterns, paragraph: str, first: Num, gap_end: int) -> tuple[str, int] | None:
    """("range", start) or ("change", -1) when `first` and the next figure are so joined."""
    gap = paragraph[first.end : gap_end]
    lead_from = max(0, first.start - 40)
    if p.gap_and.fullmatch(gap):
        between = p.between_before.search(paragraph, lead_from, first.start)
        return ("range", between.start()) if between else None
    if p.gap_change and p.gap_change.fullmatch(gap):
        return ("change", -1)
    if not p.gap_to.fullmatch(gap):
        return None
    origin = p.from_before.search(paragraph, lead_from, first.start)
    if origin and p.change_before.search(paragraph, max(0, first.start - 90), first.start):
        return ("change", -1)
    if origin:
        return ("range", origin.start())
    bare_ok = gap.strip().lower() != "a"  # a lone "a" is too common a word to be "to"
    return ("range", first.start) if bare_ok else None


def _with_first_end(p: Patterns, paragraph: str, first: Num, num: Num, hit: Hit) -> list[Hit]:
    """The figure with the bare numeral before it as its lower end, or as its "before"."""
    gap_end = num.sign_start if num.sign else num.start
    link = _link(p, paragraph, first, gap_end)
    if link is None:
        return []
    ratio = hit.value / num.value if num.value else 1.0
    low = (first.value if first.scale != 1 else first.base * num.scale) * ratio
    if link[0] == "change":
        return [Hit(first.start, first.end, hit.kind, low, hit.unit), hit] if low > 0 else []
    if not 0 < low < hit.value:
        return []
    return [Hit(link[1], hit.end, hit.kind, hit.value, hit.unit, low)]


def _merge_full(p: Patterns, paragraph: str, hits: list[Hit]) -> list[Hit]:
    """ "entre 20 % et 30 %", "5 Mrd. bis 8 Mrd. Euro": two figures of one unit, one range."""
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev and prev.kind == hit.kind and prev.unit == hit.unit and prev.low is None:
            first = Num(prev.start, prev.end, prev.value, prev.value, 1.0, False)
            link = _link(p, paragraph, first, hit.start)
            if link and link[0] == "range" and hit.low is None and 0 < prev.value < hit.value:
                out[-1] = Hit(
                    min(link[1], prev.start), hit.end, hit.kind, hit.value, hit.unit, prev.value
                )
                continue
        out.append(hit)
    return out


def _of_word(lex: Lexicon) -> re.Pattern[str]:
    if lex.lang not in _OF_WORD:
        _OF_WORD[lex.lang] = re.compile(
            rf"\s*(?:{lex.of})\s*(?!(?:{_DETERMINERS})(?![\w]))[^\W\d_]", re.IGNORECASE
        )
    return _OF_WORD[lex.lang]


def _outside_parentheses(paragraph: str, at: int) -> bool:
    head = paragraph[:at]
    return head.count("(") <= head.count(")")


def _inherited(lex: Lexicon, paragraph: str, bare: list[Num], hits: list[Hit]) -> list[Hit]:
    """Scaled numbers that take the currency of an amount earlier in their sentence."""
    money = [h for h in hits if h.kind == "money" and _outside_parentheses(paragraph, h.start)]
    out = []
    for num in bare:
        before = [h for h in money if h.end <= num.start]
        if (
            num.scale < 1e6
            or not before
            or _SENTENCE_END.search(paragraph, before[-1].end, num.start)
        ):
            continue
        if _of_word(lex).match(paragraph, num.end):
            continue  # "2 millions d'utilisateurs": a count of something not in the glossary
        if lex.compound_nouns and _CAPITAL_AFTER.match(paragraph, num.end):
            continue  # "3 Milliarden Nutzer"
        out.append(Hit(num.start, num.end, "money", num.value, before[-1].unit))
    return out


def find_figures(lex: Lexicon, paragraph: str, countries: Sequence[str], text: str) -> list[Hit]:
    """Every figure of one paragraph in `lex`'s language, in text order."""
    p = patterns_for(lex)
    nums = numerals(lex, p, paragraph)
    ctx = (countries, text)
    read = [classify(lex, p, paragraph, num, ctx) for num in nums]
    out: list[Hit] = []
    used: set[int] = set()
    for i, (num, hit) in enumerate(zip(nums, read, strict=True)):
        if hit is None:
            continue
        joined = (
            _with_first_end(p, paragraph, nums[i - 1], num, hit)
            if i and read[i - 1] is None
            else []
        )
        if joined:
            used.add(i - 1)
        out += joined or [hit]
    out = _merge_full(p, paragraph, sorted(out, key=lambda h: h.start))
    bare = [
        n for i, (n, h) in enumerate(zip(nums, read, strict=True)) if h is None and i not in used
    ]
    out += _inherited(lex, paragraph, bare, out)
    out += _span_adjectives(lex, paragraph, out)
    single = [(n.start, n.end, n.value) for n in bare if n.scale == 1]
    shares = latin_shares(lex, paragraph, single)
    out += [s for s in shares if all(s.end <= h.start or s.start >= h.end for h in out)]
    return sorted(out, key=lambda h: h.start)


_SPAN_ADJECTIVE: dict[str, re.Pattern[str]] = {}


def _span_adjectives(lex: Lexicon, paragraph: str, hits: list[Hit]) -> list[Hit]:
    """ "eine fünfjährige Förderung", "das 3-jährige Programm": a programme's span."""
    if not lex.span_adjective or ("jähr" not in paragraph and "monatig" not in paragraph):
        return []
    if lex.lang not in _SPAN_ADJECTIVE:
        _SPAN_ADJECTIVE[lex.lang] = re.compile(lex.span_adjective, re.IGNORECASE)
    out = []
    for m in _SPAN_ADJECTIVE[lex.lang].finditer(paragraph):
        raw = m["num"].rstrip("-")
        value = float(raw) if raw.isdigit() else compose(list(number_words(lex).values(raw) or ()))
        if value > 1 and all(m.end() <= h.start or m.start() >= h.end for h in hits):
            unit = "year" if m["unit"].lower() == "jähr" else "month"
            out.append(Hit(m.start(), m.end(), "duration", value, unit))
    return out
