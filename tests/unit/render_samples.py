"""A fixed digest for the renderers' snapshot tests, and the snapshot check itself.

Snapshots live in tests/fixtures/snapshots/. A test compares against the committed file;
`SOVAI_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/unit/test_render_*.py` rewrites them,
after which `git diff` shows what a change did to every platform's output.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.models import Analysis, Digest, DigestItem, Figure, Quote, Story

SNAPSHOTS = Path(__file__).resolve().parent.parent / "fixtures" / "snapshots"
END = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
START = END - timedelta(hours=24)

HOSTILE_TITLE = (
    "Bank\u202e alert <!channel> <!here> <@U123> <!subteam^S1> <http://evil|bank.com> "
    "@everyone [bank](http://evil) \u200bzero\u200bwidth\x07 & co"
)


def story(
    story_id: int,
    title: str,
    countries: tuple[str, ...],
    sources: tuple[str, ...] = ("Desk",),
    url: str | None = None,
) -> Story:
    return Story(
        story_id=story_id,
        title=title,
        url=url or f"https://news.example/{story_id}",
        source=sources[0] if sources else None,
        published=END - timedelta(hours=story_id),
        analysis=Analysis(relevant=True, relevance=0.9, countries=countries),
        sources=tuple((name, f"https://{name.lower()}.example/{story_id}") for name in sources),
    )


def item(
    s: Story,
    summary: str,
    quote: Quote | None = None,
    figures: tuple[Figure, ...] = (),
) -> DigestItem:
    return DigestItem(story=s, headline=s.title, summary=summary, quote=quote, figures=figures)


INR = Figure("₹96 billion", "money", 96e9, "INR", usd=1.16e9, key=True, rate_date="2026-11-24")
GPUS = Figure("12,400 of the newest accelerator chips", "count", 12_400, "chip", key=True)
EUROS = Figure("€20 billion", "money", 20e9, "EUR", usd=21.7e9, key=True)
YEN_RANGE = Figure("¥1-1.5 trillion", "money", 1.5e12, "JPY", usd=9.9e9, low=1e12, key=True)
USD = Figure("$500 million", "money", 500e6, "USD", usd=500e6, key=True)


def sample_digest() -> Digest:
    """Three countries, a quote, money in four currencies, many outlets, one hostile title."""
    jp1 = item(
        story(1, "Japan funds a national AI cluster", ("JP", "US"), ("Nikkei", "Reuters", "NHK")),
        "The government will fund a cluster of 18,000 chips. It opens in 2027.",
        Quote("“Japan needs its own compute.”", "Ken Sato", "minister of digital affairs", True),
        (YEN_RANGE, GPUS),
    )
    jp2 = item(
        story(2, HOSTILE_TITLE, ("JP",), ("Evil <b>Feed</b>",), "http://evil.example/a b|c>"),
        "Summary with *bold*, _italic_, `code`, ~strike~, ||spoiler|| and # heading.",
    )
    in1 = item(
        story(3, "India's AI mission buys compute", ("IN",), ("The Hindu", "Mint")),
        "The IndiaAI mission approved a new tender.",
        Quote("We will not depend on anyone.", "Ashwini Vaishnaw", None, True),
        (INR,),
    )
    gl1 = item(
        story(4, "A global treaty on AI compute", (), ("AP",)),
        "Forty countries signed.",
        Quote("This is a start.", None),
        (EUROS, USD),
    )
    return Digest(
        key="20261125T0800-sample",
        title="Sovereign AI digest — 25 Nov 2026",
        window_start=START,
        window_end=END,
        groups=(("JP", (jp1, jp2)), ("IN", (in1,)), ("--", (gl1,))),
        total_stories=7,
        omitted=3,
        tally=(("JP", 3), ("IN", 2), ("FR", 1), ("--", 1)),
    )


def empty_digest() -> Digest:
    return Digest(
        key="20261125T0800-empty",
        title="Sovereign AI digest — 25 Nov 2026",
        window_start=START,
        window_end=END,
        groups=(),
        total_stories=0,
    )


def big_digest(count: int, summary_length: int = 200) -> Digest:
    """`count` stories over five countries, each with a summary of `summary_length`."""
    codes = ("JP", "IN", "FR", "DE", "--")
    groups = []
    for g, code in enumerate(codes):
        items = tuple(
            item(
                story(i, f"Story {i} headline", (code,) if code != "--" else (), ("A", "B")),
                ("Word " * summary_length)[:summary_length],
                Quote("Quoted words " * 20, "Speaker", "role", True),
                (INR, GPUS),
            )
            for i in range(g, count, len(codes))
        )
        if items:
            groups.append((code, items))
    return Digest(
        key="big",
        title="Sovereign AI digest — 25 Nov 2026",
        window_start=START,
        window_end=END,
        groups=tuple(groups),
        total_stories=count,
    )


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def _dump(data: object) -> str:
    """JSON as it reads best: emoji as themselves, invisible characters as escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _update() -> bool:
    return os.environ.get("SOVAI_UPDATE_SNAPSHOTS") == "1"


def check_json_snapshot(name: str, data: object) -> None:
    """`data` equals the committed snapshot `name` (rewritten when updating)."""
    path = SNAPSHOTS / name
    if _update():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_dump(data), encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with SOVAI_UPDATE_SNAPSHOTS=1"
    assert json.loads(path.read_text(encoding="utf-8")) == data


def check_text_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if _update():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with SOVAI_UPDATE_SNAPSHOTS=1"
    assert path.read_text(encoding="utf-8") == text
