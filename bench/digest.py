"""Hand-run benchmark of composing and rendering a digest (not a test).

    .venv/bin/python bench/digest.py [--stories 5000] [--max-stories 8,50,200]
                                     [--repeat 20] [--seed 1]

Generates `--stories` analysed candidate stories for a 24-hour window: headlines of 6-14
words, two-sentence summaries of about 300 characters, 0-4 quotes (half of them key),
0-6 figures (money in several currencies with a USD value, counts, percents), 1-6
outlets, 0-3 countries drawn from the gazetteer with a few countries far more frequent,
and relevance uniform in [0, 1], so about half pass the default floor of 0.5. For each
`--max-stories` it composes the digest (filter, rank, group by country) and renders it for
Slack, Discord, Markdown and the terminal, `--repeat` times; it prints the median and
slowest time of each step, the sum of the medians, and what was produced. The goal is
that composing and rendering all four take under 100 ms together.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.analysis.gazetteer import COUNTRIES
from bot.digest.compose import DigestRequest, compose
from bot.models import Analysis, Digest, Figure, Quote, Story
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.slack_blocks import render_slack
from bot.render.text import render_text

END = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
START = END - timedelta(hours=24)
_WORDS = [
    "sovereign", "AI", "compute", "cluster", "national", "model", "data", "centre", "chips",
    "GPU", "minister", "fund", "billion", "plan", "launch", "partnership", "cloud", "research",
    "startup", "language", "public", "sector", "government", "build", "open", "weights",
    "training", "supercomputer", "policy", "strategy", "regulators",
]  # fmt: skip
_CURRENCIES = (("INR", 0.012), ("EUR", 1.08), ("JPY", 0.0066), ("GBP", 1.27), ("SAR", 0.267))
_OUTLETS = ("Reuters", "Nikkei", "Mint", "Le Monde", "AP", "Bloomberg", "The Hindu", "FT")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(_WORDS, k=words)).capitalize() + "."


def _figures(rng: random.Random) -> tuple[Figure, ...]:
    figures = []
    for _ in range(rng.randint(0, 6)):
        roll = rng.random()
        if roll < 0.5:
            code, rate = rng.choice(_CURRENCIES)
            value = rng.choice((1e6, 1e9)) * rng.randint(1, 999)
            figures.append(
                Figure(
                    f"{value:g} {code}",
                    "money",
                    value,
                    code,
                    value * rate,
                    None,
                    True,
                    "2026-11-24",
                )
            )
        elif roll < 0.8:
            count = rng.randint(100, 50_000)
            figures.append(Figure(f"{count:,} GPUs", "count", count, "GPU", key=rng.random() < 0.5))
        else:
            share = rng.randint(1, 99)
            figures.append(Figure(f"{share}%", "percent", share, "%", key=rng.random() < 0.3))
    return tuple(figures)


def _story(rng: random.Random, story_id: int, codes: list[str], weights: list[float]) -> Story:
    quotes = tuple(
        Quote(
            _sentence(rng, 12),
            rng.choice(("Ada Lovelace", "Ken Sato", None)),
            "minister",
            rng.random() < 0.5,
        )
        for _ in range(rng.randint(0, 4))
    )
    outlets = rng.sample(_OUTLETS, rng.randint(1, 6))
    return Story(
        story_id=story_id,
        title=_sentence(rng, rng.randint(6, 14))[:-1],
        url=f"https://news.example/{story_id}/{'-'.join(rng.choices(_WORDS, k=6))}",
        source=outlets[0],
        published=END - timedelta(minutes=rng.randint(0, 24 * 60)),
        analysis=Analysis(
            relevant=True,
            relevance=rng.random(),
            countries=tuple(dict.fromkeys(rng.choices(codes, weights, k=rng.randint(0, 3)))),
            quotes=quotes,
            figures=_figures(rng),
            summary=(_sentence(rng, 22), _sentence(rng, 22)),
        ),
        sources=tuple(
            (name, f"https://{name.lower().replace(' ', '')}.example/{story_id}")
            for name in outlets
        ),
    )


def _timed(step: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - t0)
    return times, result


def _report(stories: list[Story], max_stories: int, repeat: int) -> None:
    request = DigestRequest(
        channel="bench:digest", window_start=START, window_end=END, max_stories=max_stories
    )
    compose_s, composed = _timed(lambda: compose(request, stories), repeat)
    assert isinstance(composed, Digest)
    digest = composed
    steps: dict[str, tuple[list[float], object]] = {"compose": (compose_s, digest)}
    renderers: dict[str, Callable[[Digest], object]] = {
        "slack": render_slack,
        "discord": render_discord,
        "markdown": render_markdown,
        "text": render_text,
    }
    for name, render in renderers.items():
        steps[name] = _timed(lambda render=render: render(digest), repeat)  # type: ignore[misc]
    print(
        f"\nmax_stories={max_stories}: {len(digest.items)} shown in {len(digest.groups)} groups, "
        f"{digest.total_stories} relevant, {digest.omitted} omitted"
    )
    print("  step        median ms   max ms   output")
    total = 0.0
    for name, (times, result) in steps.items():
        median = statistics.median(times) * 1e3
        total += median
        print(f"  {name:<10} {median:>10.2f} {max(times) * 1e3:>8.2f}   {_describe(result)}")
    print(f"  {'all':<10} {total:>10.2f}            (goal: under 100 ms)")


def _describe(result: object) -> str:
    if isinstance(result, Digest):
        return f"{len(result.items)} items"
    if isinstance(result, list):
        size = len(json.dumps(result, ensure_ascii=False).encode("utf-8"))
        return f"{len(result)} message(s), {size:,} bytes of JSON"
    return f"{len(str(result).encode('utf-8')):,} bytes"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--stories", type=int, default=5_000)
    parser.add_argument("--max-stories", default="8,50,200")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    codes = sorted(COUNTRIES)
    weights = [8.0 if code in ("US", "CN", "IN", "JP", "FR", "GB") else 1.0 for code in codes]
    stories = [_story(rng, i, codes, weights) for i in range(1, args.stories + 1)]
    print(
        f"python {platform.python_version()}, one core; {len(stories)} candidate stories, "
        f"median of {args.repeat} runs"
    )
    for max_stories in (int(n) for n in args.max_stories.split(",")):
        _report(stories, max_stories, args.repeat)


if __name__ == "__main__":
    main()
