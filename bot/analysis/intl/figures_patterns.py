"""A language's figure words compiled into the regexes the Latin-script engine anchors on.

Each pattern is matched at a known offset (right after a numeral, or ending right before
one), never searched through the text, which keeps an article's figures well under a
millisecond. One `Patterns` per language, built on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.analysis.intl.figures_lexicon import Lexicon
from bot.analysis.intl.figures_money import SIGN_PATTERN
from bot.analysis.intl.numbers_latin import DIGITS, morpheme_regex

__all__ = ["Patterns", "alternation", "patterns_for"]


def alternation(words: Iterable[str]) -> str:
    """Regex source matching any of `words`, longest first; spaces match any space."""
    alts = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts) + ")"


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns of one language (see Lexicon for what each word list holds)."""

    digits: re.Pattern[str]
    word: re.Pattern[str]
    ones: re.Pattern[str]
    ones_after_tens: re.Pattern[str]
    scale: re.Pattern[str]
    symbol_scale: re.Pattern[str]
    sign_after: re.Pattern[str]
    sign_before: re.Pattern[str]
    currency: re.Pattern[str]
    percent: re.Pattern[str]
    capacity: re.Pattern[str]
    duration: re.Pattern[str]
    extra: re.Pattern[str] | None
    between_before: re.Pattern[str]
    from_before: re.Pattern[str]
    change_before: re.Pattern[str]
    gap_and: re.Pattern[str]
    gap_to: re.Pattern[str]
    gap_change: re.Pattern[str] | None
    ago_before: re.Pattern[str]
    after_span: re.Pattern[str]
    age_before: re.Pattern[str]
    hedge_before: re.Pattern[str]
    share_before: re.Pattern[str]
    share_after: re.Pattern[str]


_CAPACITY = (
    r"[\s-]?(?P<cap>[MGkT]Wh?(?![\w])|(?i:(?:m[ée]ga|giga|kilo|t[ée]ra)(?:watts?|vatios?|wattios?)"
    r"|(?:exa|p[ée]ta|t[ée]ra)\s?flops?|[EP]FLOPS)(?![\w]))"
)
_I = re.IGNORECASE


def _build(lex: Lexicon) -> Patterns:
    scales = alternation(lex.scales)
    hedge = rf"(?:(?:{lex.hedges})\s+)?"
    word_morphemes = {m: v for m, v in lex.numbers.items() if m not in lex.ones}
    gap_change = re.compile(rf"\s+(?:{lex.change_to})\s+{hedge}", _I) if lex.change_to else None
    extra = (
        re.compile(rf"\s?(?P<extra>{alternation(lex.extra)})(?![\w])", _I) if lex.extra else None
    )
    before = (
        rf"(?:(?P<adjb>{alternation(lex.adjectives_before)})\s+)?" if lex.adjectives_before else ""
    )
    currency = (
        rf"\s*(?:{lex.of})?{before}(?P<cur>{alternation(lex.currencies)})(?![\w-])"
        rf"(?:\s+(?P<adj>{alternation(lex.currency_adjectives)})(?![\w]))?"
    )
    return Patterns(
        digits=re.compile(rf"(?<![\w.,'’/])(?<![A-Za-z]-)(?:{DIGITS})"),
        word=re.compile(rf"(?<![\w]){morpheme_regex(word_morphemes)}(?![\w])", _I),
        ones=re.compile(
            rf"(?<![\w])(?:{alternation(lex.ones)}\s+)?(?P<one>{alternation(lex.ones)}|{lex.halves})"
            rf"(?=[\s-]+{scales}(?![\w]))",
            _I,
        ),
        ones_after_tens=re.compile(
            rf"[\s-]+(?:{alternation(lex.connectors) if lex.connectors else '(?!)'})[\s-]+"
            rf"(?:{alternation(lex.ones)})(?![\w])",
            _I,
        ),
        scale=re.compile(rf"\s?(?P<scale>{scales})(?![\w])", _I),
        symbol_scale=re.compile(rf"\s?(?P<ss>{alternation(lex.symbol_scales)})(?![\w])"),
        sign_after=re.compile(rf"\s?(?P<sign>{SIGN_PATTERN})(?![\w$])"),
        sign_before=re.compile(rf"(?<![\w])(?P<sign>{SIGN_PATTERN})\s?$"),
        currency=re.compile(currency, _I),
        percent=re.compile(rf"\s?(?:%|％|(?:{lex.percent})(?![\w]))", _I),
        capacity=re.compile(_CAPACITY),
        duration=re.compile(
            rf"\s+(?:{alternation(lex.pre_adjectives)}\s+)?(?P<dur>{alternation(lex.durations)})"
            r"(?![\w])",
            _I,
        ),
        extra=extra,
        between_before=re.compile(rf"(?<![\w])(?:{lex.between})\s+{hedge}$", _I),
        from_before=re.compile(rf"(?<![\w])(?:{lex.from_})\s*{hedge}$", _I),
        change_before=re.compile(
            rf"(?<![\w])(?:{lex.change_verbs})(?:\s+[\w'’-]+){{0,4}}?\s+(?:{lex.from_})\s*{hedge}$",
            _I,
        ),
        gap_and=re.compile(rf"\s+(?:{lex.and_})\s+{hedge}", _I),
        gap_to=re.compile(rf"\s?[-–—]\s?|\s+(?:{lex.to})\s+{hedge}", _I),
        gap_change=gap_change,
        ago_before=re.compile(rf"(?<![\w])(?:{lex.ago_before})\s+{hedge}$", _I),
        after_span=re.compile(rf"\s+(?:{lex.after_span})(?![\w])", _I),
        age_before=re.compile(rf"(?<![\w])(?:{lex.age_before})\s+$", _I),
        hedge_before=re.compile(rf"(?<![\w])(?:{lex.hedges})\s+$", _I),
        share_before=re.compile(rf"(?P<n>[\w'’]+)\s+(?:{lex.share})\s+$", _I),
        share_after=re.compile(rf"\s+(?:{lex.share})\s+(?P<n>\d+|[^\W\d_]+)", _I),
    )


_CACHE: dict[str, Patterns] = {}


def patterns_for(lex: Lexicon) -> Patterns:
    """The compiled patterns of `lex`'s language (built once)."""
    if lex.lang not in _CACHE:
        _CACHE[lex.lang] = _build(lex)
    return _CACHE[lex.lang]
