"""The bisection answers of hit_spans.py agree with the plain scans they replace, on
random invented hits and paragraphs (seeded: the same cases every run)."""

from __future__ import annotations

import random
import re

from bot.analysis.hit_spans import Parentheses, Stops, first_wins, overlapping_any
from bot.analysis.numbers import Hit


def _hits(rng: random.Random, n: int, width: int) -> list[Hit]:
    out = []
    for _ in range(n):
        start = rng.randrange(width)
        out.append(Hit(start, start + rng.randrange(0, 12), "count", 1.0, "units"))
    return out


def _first_wins_by_scan(hits: list[Hit]) -> list[Hit]:
    taken: list[Hit] = []
    for hit in hits:
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def test_first_wins_is_the_scan() -> None:
    rng = random.Random(15)
    for _ in range(300):
        hits = _hits(rng, rng.randrange(0, 40), 80)
        assert first_wins(hits) == _first_wins_by_scan(hits)


def test_overlapping_any_is_the_scan() -> None:
    rng = random.Random(16)
    for _ in range(300):
        hits, others = _hits(rng, 20, 80), _hits(rng, rng.randrange(0, 20), 80)
        expected = [any(h.start < o.end and o.start < h.end for o in others) for h in hits]
        assert overlapping_any(hits, others) == expected


def test_parentheses_count_what_comes_before() -> None:
    rng = random.Random(17)
    for _ in range(200):
        text = "".join(rng.choice("ab ()") for _ in range(rng.randrange(1, 40)))
        brackets = Parentheses(text)
        for at in range(len(text) + 1):
            head = text[:at]
            assert brackets.outside(at) == (head.count("(") <= head.count(")"))


def test_stops_between_is_the_search() -> None:
    pattern = re.compile(r"[.!?;](?:\s|$)|\n")
    rng = random.Random(18)
    for _ in range(300):
        text = "".join(rng.choice("ab .;!\n") for _ in range(rng.randrange(1, 30)))
        stops = Stops(text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                found = pattern.search(text, start, end) is not None
                assert stops.between(start, end) == found, (text, start, end)
