"""Hand-run benchmark of cross-source duplicate detection (not a test).

    .venv/bin/python bench/similarity.py [--per-day 5000] [--days 3] [--index both]
                                         [--window 500] [--seed 1]

Generates `--per-day` x `--days` ~2,000-character articles from an invented vocabulary,
evenly spread over the days; about one in ten is a syndicated copy of an earlier article
(new headline, new first and last paragraph, a few edited words) and one in twenty reuses
an earlier headline with an outlet suffix over a new text. Half of the copies follow their
original closely (up to 200 articles later), half at any age up to 95 % of the 3-day
duplicate window, so many are more than 500 stories back. Each article is fingerprinted and
looked up with `find_story`, then added, as the ingest stage does, in one of two windows:

* `count`: the newest `--window` stories, a list newest first (the story index before
  issue 15);
* `time`: `bot.articles.story_index.StoryIndex`, everything of the last 3 days up to its
  cap, with its own prefilters.

Prints time per article, copies found (split by how many stories back the original was),
fresh articles merged by mistake, and the window's memory and load time when rebuilt from
the stored JSON (tracemalloc, as after a restart).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
import tracemalloc
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import Any

import rapidfuzz

from bot.articles.similarity import Fingerprint, StoryWindow, find_story, fingerprint
from bot.articles.story_index import DUPLICATE_WINDOW, StoryIndex

T0 = datetime(2026, 1, 5, tzinfo=UTC)

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(rng: random.Random, size: int) -> tuple[list[str], list[float]]:
    words = {"".join(rng.choices(_LETTERS, k=rng.randint(2, 10))) for _ in range(size)}
    ordered = sorted(words)
    rng.shuffle(ordered)
    # Zipf-like frequencies, as in real text: a few words are everywhere.
    cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(ordered))))
    return ordered, cumulative


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.cumulative = _vocabulary(rng, 8_000)

    def sentence(self) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(8, 24))
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        # News paragraphs are short: one to three sentences.
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))

    def article(self, chars: int = 2_000) -> list[str]:
        paragraphs: list[str] = []
        while sum(len(p) + 2 for p in paragraphs) < chars:
            paragraphs.append(self.paragraph())
        return paragraphs

    def title(self) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(6, 10))
        return " ".join(words).capitalize()

    def syndicate(self, paragraphs: list[str]) -> list[str]:
        body = [*paragraphs[1:-1]]
        for _ in range(3):  # light edits
            i = self.rng.randrange(len(body))
            words = body[i].split()
            words[self.rng.randrange(len(words))] = self.rng.choice(self.words)
            body[i] = " ".join(words)
        return [self.paragraph(), *body, self.paragraph()]


@dataclass(frozen=True)
class _Corpus:
    articles: list[tuple[str, str, int | None]]  # (title, text, index of the article copied)
    at: list[datetime]

    @property
    def root(self) -> list[int]:
        """The article each one ultimately copies (itself if fresh)."""
        root: list[int] = []
        for i, (_, _, copied) in enumerate(self.articles):
            root.append(i if copied is None else root[copied])
        return root


def _corpus(rng: random.Random, per_day: int, days: int) -> _Corpus:
    writer = _Writer(rng)
    count = per_day * days
    far = int(per_day * DUPLICATE_WINDOW.total_seconds() / 86400 * 0.95)
    articles: list[tuple[str, str, int | None]] = []
    kept: list[tuple[str, list[str]]] = []
    for i in range(count):
        roll = rng.random()
        back = min(i, 200 if rng.random() < 0.5 else far)
        if kept and roll < 0.10:
            origin = i - rng.randint(1, back) if back else 0
            copy = writer.syndicate(kept[origin][1])
            kept.append((writer.title(), copy))
            articles.append((kept[-1][0], "\n\n".join(copy), origin))
        elif kept and roll < 0.15:
            origin = i - rng.randint(1, back) if back else 0
            title = f"{kept[origin][0]} - The Daily Example"
            kept.append((title, writer.article()))
            articles.append((title, "\n\n".join(kept[-1][1]), origin))
        else:
            kept.append((writer.title(), writer.article()))
            articles.append((kept[-1][0], "\n\n".join(kept[-1][1]), None))
    step = timedelta(days=1) / per_day
    return _Corpus(articles, [T0 + i * step for i in range(count)])


class _Rows:
    """What StoryIndex loads from: the stored rows, as `Store.recent_fingerprints` gives."""

    def __init__(self, rows: list[tuple[datetime, int, Any]]) -> None:
        self.rows = rows

    def recent_fingerprints(
        self, since: datetime, limit: int
    ) -> Iterator[tuple[datetime, int, Any]]:
        newest = [r for r in reversed(self.rows) if r[0] >= since]
        yield from newest[:limit]

    def last_article_id(self) -> int:
        return 0

    def fingerprints_after(self, after_id: int, limit: int) -> list[tuple[int, datetime, int, Any]]:
        return []  # one process here: its own articles are added as they are stored


@dataclass
class _Run:
    fingerprint_s: list[float] = field(default_factory=list)
    find_s: list[float] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=lambda: {"near": 0, "far": 0})
    missed: dict[str, int] = field(default_factory=lambda: {"near": 0, "far": 0})
    wrong: int = 0
    false_merges: int = 0
    rows: list[tuple[datetime, int, Any]] = field(default_factory=list)


def _run(corpus: _Corpus, mode: str, size: int) -> _Run:
    root = corpus.root
    run = _Run()
    story_of: list[int] = []
    listed: deque[tuple[int, Fingerprint]] = deque(maxlen=size)
    index = StoryIndex(_Rows([]))  # type: ignore[arg-type]
    for i, (title, text, source) in enumerate(corpus.articles):
        now = corpus.at[i]
        t0 = time.perf_counter()
        fp = fingerprint(title, text)
        t1 = time.perf_counter()
        window: list[tuple[int, Fingerprint]] | StoryWindow
        window = list(listed) if mode == "count" else index.recent(now)
        story = find_story(fp, window)
        t2 = time.perf_counter()
        run.fingerprint_s.append(t1 - t0)
        run.find_s.append(t2 - t1)
        if source is None:
            run.false_merges += story is not None
        else:
            age = "near" if i - source <= size else "far"
            if story is None:
                run.missed[age] += 1
            elif root[story] == root[i]:
                run.found[age] += 1
            else:
                run.wrong += 1
        story_of.append(i if story is None else story)
        if mode == "count":
            listed.appendleft((story_of[i], fp))
        else:
            index.add(now, story_of[i], fp)
        run.rows.append((now, story_of[i], json.dumps(fp.to_json())))
    return run


def _loaded(run: _Run, mode: str, size: int, now: datetime) -> tuple[float, float, int]:
    """Memory (MB) and time (s) of the window rebuilt from the stored JSON, and its length."""
    rows = [(at, story, json.loads(blob)) for at, story, blob in run.rows]
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    t0 = time.perf_counter()
    if mode == "count":
        newest = [r for r in reversed(rows) if r[0] >= now - DUPLICATE_WINDOW][:size]
        held: object = [(story, Fingerprint.from_json(data)) for _, story, data in newest]
        length = len(newest)
    else:
        index = StoryIndex(_Rows(rows))  # type: ignore[arg-type]
        held = index.recent(now)
        length = len(index)
    elapsed = time.perf_counter() - t0
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del held
    return used / 1e6, elapsed, length


def _ms(values: list[float], q: int | None = None) -> str:
    if q is None:
        return f"{statistics.fmean(values) * 1e3:.3f}"
    return f"{statistics.quantiles(values, n=100)[q - 1] * 1e3:.3f}"


def _report(corpus: _Corpus, mode: str, size: int, run: _Run, per_day: int) -> None:
    label = f"newest {size} stories" if mode == "count" else "story index (3 days)"
    print(f"\nwindow: {label}")
    print("  per article, ms        mean    p50    p95    p99")
    total = [a + b for a, b in zip(run.fingerprint_s, run.find_s, strict=True)]
    for name, values in [
        ("fingerprint", run.fingerprint_s),
        ("find_story", run.find_s),
        ("both", total),
    ]:
        cells = [_ms(values), _ms(values, 50), _ms(values, 95), _ms(values, 99)]
        print(f"    {name:<18} {cells[0]:>7} {cells[1]:>6} {cells[2]:>6} {cells[3]:>6}")
    last_day = max(0, len(corpus.articles) - per_day)
    tail = statistics.fmean(run.find_s[last_day:]) * 1e3
    print(f"    find_story on the last day (full window): {tail:.3f} ms mean")
    for age, what in [("near", f"<= {size} articles back"), ("far", f"> {size} articles back")]:
        copies = run.found[age] + run.missed[age]
        share = run.found[age] / copies if copies else 0.0
        found, missed = run.found[age], run.missed[age]
        print(f"  copies {what}: {copies}, found {found} ({share:.1%}), missed {missed}")
    print(f"  matched to the wrong story {run.wrong}; fresh articles merged {run.false_merges}")
    mb, seconds, length = _loaded(run, mode, size, corpus.at[-1])
    print(f"  rebuilt from stored JSON: {length} stories, {mb:.1f} MB, {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-day", type=int, default=5_000)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--index", choices=["count", "time", "both"], default="both")
    parser.add_argument("--window", type=int, default=500, help="stories kept by --index count")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    corpus = _corpus(random.Random(args.seed), args.per_day, args.days)
    mean_chars = statistics.fmean(len(text) for _, text, _ in corpus.articles)
    print(f"python {platform.python_version()}, rapidfuzz {rapidfuzz.__version__}, one core")
    print(
        f"{len(corpus.articles)} articles ({args.per_day} a day for {args.days} days) of "
        f"{mean_chars:.0f} characters on average"
    )
    modes = ["count", "time"] if args.index == "both" else [args.index]
    for mode in modes:
        _report(corpus, mode, args.window, _run(corpus, mode, args.window), args.per_day)


if __name__ == "__main__":
    main()
