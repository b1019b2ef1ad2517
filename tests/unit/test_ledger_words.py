"""The ledger's small pure parts: labels, alert thresholds, exports and alert digests."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.digest.alert_digest import alert_digest
from bot.ledger.export import COLUMNS, announcements_csv, announcements_json, status_of
from bot.ledger.thresholds import Threshold, parse_threshold
from bot.ledger.views import Announcement, Totals
from bot.render.discord_embeds import render_discord
from bot.render.ledger_labels import (
    amount_label,
    count_label,
    revision_label,
    threshold_label,
    totals_fields,
    usd_short,
)
from bot.render.slack_blocks import render_slack

T0 = datetime(2026, 1, 20, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)


def announcement(**overrides: object) -> Announcement:
    base: dict[str, object] = {
        "id": 7,
        "country": "JP",
        "kind": "money",
        "programme": "sovereign AI compute fund",
        "value": 2e12,
        "unit": "JPY",
        "figure_text": "¥2 trillion",
        "first_reported": T1,
        "last_reported": T1,
        "usd": 1.33e10,
        "sources": (("Tokyo Ledger", "https://ledger.example/a"),),
    }
    base.update(overrides)
    return Announcement(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "label"),
    [(1.2e9, "$1.2B"), (3.5e8, "$350M"), (12_000, "$12K"), (900, "$900"), (2.5e12, "$2.5T"),
     (999.96e6, "$1B"), (1.234e11, "$123B")],
)  # fmt: skip
def test_usd_short(amount: float, label: str) -> None:
    assert usd_short(amount) == label


def test_amounts_revisions_and_counts() -> None:
    a = announcement(revises=announcement(figure_text="¥1 trillion", value=1e12, usd=6.7e9,
                                          first_reported=T0))  # fmt: skip
    assert amount_label(a) == "¥2 trillion ≈ $13.3B"
    assert revision_label(a) == "¥1 trillion ≈ $6.7B → ¥2 trillion ≈ $13.3B (20 Jan → 4 Mar 2026)"
    assert amount_label(announcement(unit="USD", figure_text="$5bn", usd=5e9)) == "$5bn"
    assert count_label(12000, "GPU") == "12,000 GPUs"
    assert count_label(1, "GPU") == "1 GPU"
    assert count_label(1.5, "EFLOPS") == "1.5 exaflops"
    assert threshold_label("money", 1e9) == "money ≥ $1B"
    assert threshold_label("gpus", 10_000) == "GPUs ≥ 10K"
    fields = dict(totals_fields(Totals(usd=2e9, gpus=0, mw=40, announcements=3, conflicts=1)))
    assert fields["Announced money"] == "$2B"
    assert fields["GPUs"] == "none stated"
    assert fields["Power"] == "40 MW"
    assert fields["Announcements"] == "3 (1 with outlets disagreeing)"


@pytest.mark.parametrize(
    ("text", "kind", "value", "rest"),
    [
        ("money>=1bn", "money", 1e9, ""),
        ("money >= $500m JP KR", "money", 5e8, "JP KR"),
        ("usd≥2.5 billion india", "money", 2.5e9, "india"),
        ("gpus>=10000", "gpus", 1e4, ""),
        ("GPUs >= 10k", "gpus", 1e4, ""),
        ("gpu>=1,000,000", "gpus", 1e6, ""),
        ("power>=500mw FR", "power", 500, "FR"),
        ("power>=1gw", "power", 1000, ""),
        ("compute>=2 exaflops", "compute", 2, ""),
    ],
)
def test_thresholds_as_people_type_them(text: str, kind: str, value: float, rest: str) -> None:
    assert parse_threshold(text) == Threshold(kind, value, rest)


@pytest.mark.parametrize(
    "text",
    ["", "money", "money>=", "money>=lots", "wealth>=1bn", "money>=1gw", "gpus>=2bn",
     "power>=3tn", "money>=0", "money>=" + "9" * 30, "money>=1bn" + "x" * 5000, "≥≥≥",
     "money>=1e9", "money>=-5"],
)  # fmt: skip
def test_unreadable_thresholds_say_what_is_expected(text: str) -> None:
    answer = parse_threshold(text)
    assert isinstance(answer, str) and "money>=1bn" in answer


def test_csv_export_defuses_formulas_and_keeps_sources_and_revisions() -> None:
    earlier = announcement(id=3, figure_text="¥1 trillion", value=1e12, current=False)
    hostile = announcement(
        id=9,
        programme='=HYPERLINK("http://evil.example","click")',
        actor="+cmd|' /C calc'!A0",
        quote_text="-2+3",
        quote_speaker="@Mallory",
        revises=earlier,
        sources=(("Desk A", "https://a.example/1"), ("Desk B", "https://b.example/2")),
        source_count=2,
        conflict_group=9,
    )
    rows = list(csv.DictReader(io.StringIO(announcements_csv([earlier, hostile]))))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["status"] for r in rows] == ["revised", "conflicting"]
    row = rows[1]
    for column in ("programme", "actor", "quote", "speaker"):
        assert row[column].startswith("'"), column
    assert row["revises_id"] == "3" and row["revises_amount"] == "¥1 trillion"
    assert row["sources"] == "Desk A | Desk B"
    assert row["source_urls"] == "https://a.example/1 | https://b.example/2"
    data = json.loads(announcements_json([hostile]))
    assert data[0]["programme"].startswith("=HYPERLINK")  # JSON needs no defusing
    assert data[0]["sources"] == ["Desk A", "Desk B"]
    assert status_of(announcement()) == "current"


def test_an_alert_is_a_one_story_digest_safe_on_every_platform() -> None:
    a = announcement(
        programme="@channel fund <!here>",
        actor="<@U123> Ministry",
        quote_text="We will build it <!everyone>",
        quote_speaker="Haruka Mori",
        revises=announcement(figure_text="¥1 trillion", first_reported=T0),
    )
    digest = alert_digest(42, "money", 1e9, a, None)
    assert digest.key == "alert-42"
    [item] = digest.items
    assert item.summary.startswith("Revised: ¥1 trillion")
    assert "money ≥ $1B" in item.summary
    marked = [
        text
        for message in render_slack(digest)
        for block in message["blocks"]
        for text in _mrkdwn(block)
    ]
    assert marked and not any("<!" in t or "<@" in t for t in marked)
    discord = json.dumps(render_discord(digest), ensure_ascii=False)
    assert "@everyone" not in discord.replace("@\u200beveryone", "")


def _mrkdwn(block: Any) -> list[str]:
    """The texts Slack parses for mentions (plain_text headers are never parsed)."""
    parts = [block.get("text"), *(block.get("elements") or [])]
    return [p["text"] for p in parts if isinstance(p, dict) and p.get("type") == "mrkdwn"]
