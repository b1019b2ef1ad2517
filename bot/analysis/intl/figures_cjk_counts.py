"""What a Japanese or Korean number counts: the counter after it and the noun around it.

"GPU1万基", "1万基のGPU", "研究者200人", "150人の技術者", "700億パラメーター"; "GPU 1만 장",
"1만 개의 GPU", "연구원 150명", "150명의 연구원". The noun may come before the number
(with a particle and a hedge between: "GPUを約1万基") or after its counter and の/의; a
counter fits some nouns only (人 people, 基 machines, 社 companies), which keeps
"研究者と1万基" from counting researchers. Japanese compounds carry their head last
("GPUサーバー" are servers); Korean words end in particles ("연구원이"), stripped first.
A counter with no noun still says what it counts when it can (5社 companies, 20カ国
countries, 30人 people); 基 or 개 alone do not, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.figures_lexicon import CjkLexicon
from bot.analysis.intl.figures_patterns import alternation

__all__ = ["count_after"]

_JA_RUN = r"[\u30a0-\u30ff\u4e00-\u9fff々A-Za-z0-9・]+"
_KO_STOP = re.compile(r"[,.!?()\[\]「」“”\"'·、。]")
_KO_COUNTER_END = (
    r"(?=$|[^가-힣]|의|을|를|이|가|은|는|에|과|와|도|씩|당|째|으로|로|만"
    r"|이상|여|가량|정도|규모|까지)"
)


@dataclass(frozen=True)
class _Patterns:
    counter: re.Pattern[str]
    link: re.Pattern[str]
    not_after: re.Pattern[str]
    run_after: re.Pattern[str]
    run_before: re.Pattern[str]
    strip_before: re.Pattern[str]
    nouns_by_length: tuple[str, ...]


_CACHE: dict[str, _Patterns] = {}


def _patterns(lex: CjkLexicon) -> _Patterns:
    if lex.lang not in _CACHE:
        end = _KO_COUNTER_END if lex.spaced else ""
        run = r"\S+" if lex.spaced else _JA_RUN
        _CACHE[lex.lang] = _Patterns(
            counter=re.compile(rf"\s?(?:여|余)?\s?(?P<ctr>{alternation(lex.counters)}){end}"),
            link=re.compile(rf"(?:{lex.link})\s?"),
            not_after=re.compile(rf"\s?(?:{lex.not_count_after})"),
            run_after=re.compile(run),
            run_before=re.compile(rf"({run})\s*$"),
            strip_before=re.compile(rf"(?:\s?(?:{lex.hedges}|{lex.particles}))+\s?$"),
            nouns_by_length=tuple(sorted(lex.nouns, key=len, reverse=True)),
        )
    return _CACHE[lex.lang]


def _stem(lex: CjkLexicon, word: str) -> str:
    """A Korean word without its particles ("연구원들이" → "연구원")."""
    for _ in range(2):
        for particle in lex.word_particles:
            if word.endswith(particle) and len(word) > len(particle):
                word = word[: -len(particle)]
                break
    return word


def _ending_noun(lex: CjkLexicon, word: str, classes: str) -> tuple[str, int] | None:
    """(unit, length) of the glossary noun `word` ends with, if it fits `classes`."""
    for noun in _patterns(lex).nouns_by_length:
        if word.endswith(noun):
            unit, kinds = lex.nouns[noun]
            return (unit, len(noun)) if any(k in classes for k in kinds) else None
    return None


def _last_noun(lex: CjkLexicon, run: str, classes: str) -> str | None:
    """The unit of the rightmost glossary noun in a Japanese run (its head), if it fits."""
    best: tuple[int, int, str] | None = None
    for noun in _patterns(lex).nouns_by_length:
        at = run.rfind(noun)
        if at >= 0 and (best is None or at + len(noun) > best[0]):
            best = (at + len(noun), len(noun), noun)
    if best is None:
        return None
    unit, kinds = lex.nouns[best[2]]
    return unit if any(k in classes for k in kinds) else None


def _noun_after(lex: CjkLexicon, text: str, pos: int, classes: str) -> tuple[int, str] | None:
    p = _patterns(lex)
    if not lex.spaced:
        run = p.run_after.match(text, pos)
        unit = _last_noun(lex, run[0], classes) if run else None
        return (run.end(), unit) if run and unit else None
    for _ in range(2):  # "1만 개의 최신 GPU를": the noun may follow a modifier word
        word = p.run_after.match(text, pos)
        if word is None or _KO_STOP.search(word[0]):
            return None
        stem = _stem(lex, word[0])
        found = _ending_noun(lex, stem, classes)
        if found:
            return pos + len(stem), found[0]
        if stem != word[0]:
            return None  # a particle ended the phrase
        pos = word.end() + 1
    return None


def noun_before(lex: CjkLexicon, text: str, start: int, classes: str) -> tuple[int, str] | None:
    """(start, unit) of a fitting glossary noun right before a number ("GPUを約1万基")."""
    p = _patterns(lex)
    offset = max(0, start - 40)
    head = text[offset:start]
    strip = p.strip_before.search(head)
    head = head[: strip.start()] if strip else head
    run = p.run_before.search(head)
    if run is None:
        return None
    word = _stem(lex, run[1]) if lex.spaced else run[1]
    found = _ending_noun(lex, word, classes)
    return (offset + run.start(1) + len(word) - found[1], found[0]) if found else None


def count_after(lex: CjkLexicon, text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, unit) of the count a number at `start:end` makes, if it makes one.

    The span starts at the noun when the noun comes first ("GPU約1万基").
    """
    p = _patterns(lex)
    counter = p.counter.match(text, end)
    if counter is None:
        # no counter: only nouns that count themselves ("700億パラメーター", "1000개 언어")
        own = None if lex.spaced else _self_counted_before(lex, text, start, end)
        if own:
            return own
        bare = p.link.match(text, end)
        found = _noun_after(lex, text, bare.end() if bare else end, "a")
        return (start, found[0], found[1]) if found else None
    if p.not_after.match(text, counter.end()):
        return None  # "3人目", "1社当たり", "1명당"
    classes, alone = lex.counters[counter["ctr"]]
    link = p.link.match(text, counter.end())
    pos = link.end() if link else counter.end()
    # Korean: a particle on the counter ("150명과") ends the phrase; the noun is before it
    joined = not lex.spaced or text[pos - 1 : pos].isspace() or text[pos - 1 : pos] == "의"
    after = _noun_after(lex, text, pos, classes) if joined else None
    if after:
        return start, after[0], after[1]
    before = noun_before(lex, text, start, classes)
    if before:
        return before[0], counter.end(), before[1]
    return (start, counter.end(), alone) if alone else None


def _self_counted_before(
    lex: CjkLexicon, text: str, start: int, end: int
) -> tuple[int, int, str] | None:
    """ "パラメーター数700億": an abstract noun and 数 before a number without a counter."""
    head = text[max(0, start - 20) : start]
    if not re.search(r"数(?:は|が)?$", head):
        return None
    found = noun_before(lex, text, start - (2 if head.endswith(("数は", "数が")) else 1), "a")
    return (found[0], end, found[1]) if found else None
