"""Hand-run benchmark of cross-source duplicate detection (not a test).

    .venv/bin/python bench/similarity.py [--articles 5000] [--window 500] [--seed 1]

Generates ~2,000-character articles from an invented vocabulary; about one in ten is a
syndicated copy of an article seen shortly before (new headline, new first and last
paragraph, a few edited words) and one in twenty reuses an earlier headline with an
outlet suffix over a new text. Each article is fingerprinted and looked up with
`find_story` among the fingerprints of the `--window` most recent articles, newest first,
as the ingest stage would. Prints time per article and how many copies were found.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections import deque
from itertools import accumulate

import rapidfuzz

from bot.articles.similarity import Fingerprint, find_story, fingerprint

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--window", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    writer = _Writer(rng)
    # (title, text, story the article copies or None)
    articles: list[tuple[str, str, int | None]] = []
    kept: list[tuple[str, list[str]]] = []
    for i in range(args.articles):
        roll = rng.random()
        if kept and roll < 0.10:
            origin = rng.randrange(max(0, i - 200), i)
            _, paragraphs = kept[origin]
            copy = writer.syndicate(paragraphs)
            kept.append((writer.title(), copy))
            articles.append((kept[-1][0], "\n\n".join(copy), origin))
        elif kept and roll < 0.15:
            origin = rng.randrange(max(0, i - 200), i)
            title = f"{kept[origin][0]} - The Daily Example"
            kept.append((title, writer.article()))
            articles.append((title, "\n\n".join(kept[-1][1]), origin))
        else:
            kept.append((writer.title(), writer.article()))
            articles.append((kept[-1][0], "\n\n".join(kept[-1][1]), None))

    mean_chars = statistics.fmean(len(text) for _, text, _ in articles)
    # The article each one ultimately copies (itself if fresh): a copy is placed right when
    # it joins a story started by an article of the same root.
    root: list[int] = []
    for i, (_, _, copied) in enumerate(articles):
        root.append(i if copied is None else root[copied])
    story_of: list[int] = []  # article index -> story id (the first article's index)
    window: deque[tuple[int, Fingerprint]] = deque(maxlen=args.window)
    fingerprint_s: list[float] = []
    find_s: list[float] = []
    found = missed = wrong = false_merges = 0
    stored: list[Fingerprint] = []
    for i, (title, text, source) in enumerate(articles):
        recent = list(window)
        t0 = time.perf_counter()
        fp = fingerprint(title, text)
        t1 = time.perf_counter()
        story = find_story(fp, recent)
        t2 = time.perf_counter()
        fingerprint_s.append(t1 - t0)
        find_s.append(t2 - t1)
        if source is None:
            false_merges += story is not None
        elif story is None:
            missed += 1
        elif root[story] == root[i]:
            found += 1
        else:
            wrong += 1
        story_of.append(i if story is None else story)
        window.appendleft((story_of[i], fp))
        stored.append(fp)

    blobs = [json.dumps(fp.to_json()) for fp in stored[: args.window]]
    t0 = time.perf_counter()
    for blob in blobs:
        Fingerprint.from_json(json.loads(blob))
    load_s = (time.perf_counter() - t0) / len(blobs)

    def ms(values: list[float], q: float | None = None) -> str:
        if q is None:
            return f"{statistics.fmean(values) * 1e3:.3f}"
        return f"{statistics.quantiles(values, n=100)[int(q) - 1] * 1e3:.3f}"

    total = [a + b for a, b in zip(fingerprint_s, find_s, strict=True)]
    copies = sum(source is not None for _, _, source in articles)
    print(f"python {platform.python_version()}, rapidfuzz {rapidfuzz.__version__}, one core")
    print(
        f"{len(articles)} articles of {mean_chars:.0f} characters on average, window {args.window}"
    )
    print("per article, ms        mean    p50    p95    p99")
    for name, values in [("fingerprint", fingerprint_s), ("find_story", find_s), ("both", total)]:
        print(
            f"  {name:<18} {ms(values):>7} {ms(values, 50):>6} {ms(values, 95):>6} "
            f"{ms(values, 99):>6}"
        )
    size = statistics.fmean(map(len, blobs))
    print(f"  from_json (load)   {load_s * 1e3:>7.3f}  ({size:.0f} bytes of JSON)")
    print(
        f"copies: {copies}, found {found}, missed {missed}, wrong story {wrong}; "
        f"fresh articles merged by mistake: {false_merges}"
    )


if __name__ == "__main__":
    main()
