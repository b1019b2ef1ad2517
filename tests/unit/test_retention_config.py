"""Retention's setting (off unless set, clear errors) and its claim records (exact)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.ledger.model import Claim
from bot.retention import prune_is_due
from bot.settings import ConfigError, Settings, load_settings
from bot.store.retention_claims import claim_from_json, claim_to_json


def settings_from(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "sovai.yaml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path, environ={})


def test_retention_is_off_unless_set(tmp_path: Path) -> None:
    assert settings_from(tmp_path, "feeds: []\n").config.retention.articles_days is None
    assert settings_from(tmp_path, "retention: {}\n").config.retention.articles_days is None
    on = settings_from(tmp_path, "retention: {articles_days: 365}\n")
    assert on.config.retention.articles_days == 365


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("7", "from 30"),
        ("0", "from 30"),
        ("-365", "from 30"),
        ("'365'", "whole number"),
        ("true", "whole number"),
        ("36.5", "whole number"),
    ],
)
def test_a_wrong_window_names_its_line_and_what_is_expected(
    tmp_path: Path, value: str, said: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from(tmp_path, f"feeds: []\nretention:\n  articles_days: {value}\n")
    assert "sovai.yaml:3" in str(caught.value)
    assert said in str(caught.value)


def test_an_unknown_retention_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="entries_days"):
        settings_from(tmp_path, "retention: {entries_days: 30}\n")


def test_a_claim_record_reads_back_exactly() -> None:
    claim = Claim(
        country="JP", kind="money", programme="ABCI 3.0 supercomputer", key="abci 3.0",
        value=2e12, unit="JPY", figure_text="¥2 trillion",
        reported_at=datetime(2025, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=9))),
        story_id=12, url="https://a.example/1", usd=1.3e10, rate_date="2025-05-01",
        actor="METI", quote_text="We build it", quote_speaker="Haruto Ishida",
        source="Tokyo Ledger", title="ABCI grows", distinct=frozenset({"abci", "3.0"}),
    )  # fmt: skip
    assert claim_from_json(claim_to_json(claim)) == claim


def test_the_prune_is_due_once_a_day() -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    assert prune_is_due(None, at)
    assert not prune_is_due(at, at + timedelta(hours=23, minutes=59))
    assert prune_is_due(at, at + timedelta(days=1))
