"""Retention on SQLite and PostgreSQL: a prune drops old text and entries, and keeps the
ledger, the answers commands give for the kept year, the seen entries' keys, and what a
ledger rebuild needs."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text

from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import TerminalSender
from bot.feeds.fetch import Fetcher
from bot.ledger_rebuild import ensure_ledger, rebuild_ledger
from bot.models import Entry
from bot.render.replies import reply_text
from bot.retention import prune
from bot.settings import FeedConfig, load_settings
from bot.store.repo import Store
from tests.integration.retention_world import FEED, ONLY_OLD_WORD, entries_of, fill, url_of

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
YEAR = timedelta(days=365)
COMMANDS = (
    "country japan 365", "country japan", "country japan 90", "compare JP KR 365",
    "search Fugaku", "search Sakura data centre", "export JP 365",
)  # fmt: skip


def answers(store: Store, tmp_path: Path) -> dict[str, str]:
    """What each command says at NOW, as a chat user reads it."""
    config = tmp_path / "sovai.yaml"
    config.write_text("fetch: {timeout: 5}\n", encoding="utf-8")
    settings = load_settings(config, environ={})
    ctx = CommandContext("slack", "C1", "U1", False, NOW)

    async def run() -> dict[str, str]:
        fetcher = Fetcher(settings.config.fetch)
        try:
            commands = Commands(settings, store, fetcher, {"slack": TerminalSender()})
            out = {}
            for line in COMMANDS:
                name, _, rest = line.partition(" ")
                out[line] = reply_text(await commands.handle(name, rest, ctx))
            return out
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


def ledger(store: Store) -> list[dict[str, Any]]:
    """Every announcement with its sources, without ids (a rebuild numbers them anew)."""
    rows = []
    for a in store.announcements(None, None):
        row = asdict(a)
        for ident in ("id", "story_id", "conflict_group"):
            row.pop(ident, None)
        if a.revises is not None:  # the record it revises, by what it says
            row["revises"] = (a.revises.programme, a.revises.value, a.revises.first_reported)
        rows.append(row)
    return sorted(rows, key=repr)


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(text(table))).scalar_one())


def test_a_prune_keeps_the_ledger_and_every_answer_for_the_kept_year(
    store: Store, tmp_path: Path
) -> None:
    fill(store, NOW)
    before, ledger_before = answers(store, tmp_path), ledger(store)
    stories_before = store.stories(NOW - YEAR, NOW)
    assert "Fugaku NEXT" in before["country japan 365"]
    assert "Story 4" in before["country japan 365"]  # a kept story first told 380 days ago
    assert "Story 8" in before["search Fugaku"]
    assert store.search(ONLY_OLD_WORD)  # the pruned article is found before

    report = prune(store, 365, NOW, batch=2)  # batches of two: several transactions

    assert (report.articles, report.entries) == (3, 4)  # articles 1-3; entries 0-3
    assert answers(store, tmp_path) == before
    found = store.search("supercomputer")  # search is not windowed: pruned stories leave it
    assert [s.title for s in found] == ["Story 8", "Story 7", "Story 6"]
    assert store.stories(NOW - YEAR, NOW) == stories_before
    assert ledger(store) == ledger_before  # every announcement, every source, old ones too
    assert store.search(ONLY_OLD_WORD) == []  # gone from the full-text index
    assert count(store.engine, "analyses") == 5
    assert count(store.engine, "articles") == 8  # stubs: their URLs still say "seen"


def test_a_story_told_again_inside_the_window_is_kept_whole(store: Store) -> None:
    ids = fill(store, NOW)
    prune(store, 365, NOW)
    [sakura] = [s for s in store.stories_by_id([ids[4]])]
    assert len(sakura.sources) == 2  # the 380-day-old article stays with its story
    assert store.stories_by_id([ids[1], ids[2], ids[3]]) == []


def test_a_ledger_rebuild_after_a_prune_keeps_the_pruned_announcements(store: Store) -> None:
    fill(store, NOW)
    rebuild_ledger(store, NOW)  # the rebuilt ledger before any prune is the reference
    reference = ledger(store)
    assert any(s[1] == url_of(1) for a in reference for s in a["sources"])
    prune(store, 365, NOW)

    assert rebuild_ledger(store, NOW) == 8  # five stored articles, three pruned ones
    assert ledger(store) == reference
    # and an upgrade to new ledger rules rebuilds a database whose articles are all pruned
    prune(store, 30, NOW - timedelta(days=30))  # everything older than 60 days...
    prune(store, 30, NOW + timedelta(days=400))  # ...then everything
    store.stamp_ledger("older-rules", NOW)
    assert ensure_ledger(store, NOW) is True
    assert ledger(store) == reference


def test_pruned_entries_are_not_read_again_as_new(store: Store) -> None:
    ids = fill(store, NOW)
    prune(store, 365, NOW)
    feed = store.feeds()[0].id
    # the feed still lists its old items on the next poll: none of them is new
    assert store.add_entries(feed, entries_of(NOW), NOW) == []
    seen_only = Entry("e0", "https://news0.example/old", "Seen only")
    assert store.add_entries(feed, [seen_only], NOW) == []
    assert store.unread_entries(feed) == []
    # another feed re-publishing a pruned article: its URL is still known, so not read again
    store.sync_feeds(
        [FeedConfig(url=FEED, name="Wire"), FeedConfig(url="https://other.example/rss")], NOW
    )
    assert store.article_id_for(url_of(1)) == ids[1]
    assert store.stories(NOW - timedelta(days=1), NOW + timedelta(days=1)) == []


def test_a_dry_run_changes_nothing_and_counts_what_a_prune_then_does(store: Store) -> None:
    fill(store, NOW)
    tables = ("articles", "analyses", "entries", "announcements", "announcement_sources",
              "article_countries", "speaker_quotes", "pruned_articles", "prune_runs")  # fmt: skip

    def snapshot() -> dict[str, Any]:
        with store.engine.connect() as conn:
            return {
                t: sorted(map(repr, conn.execute(text(f"SELECT * FROM {t}")).all())) for t in tables
            }

    before = snapshot()
    dry = prune(store, 365, NOW, dry_run=True)
    assert snapshot() == before
    assert store.last_prune() is None
    done = prune(store, 365, NOW)
    assert (dry.articles, dry.entries, dry.text_chars) == (
        done.articles,
        done.entries,
        done.text_chars,
    )
    assert snapshot() != before
    assert store.last_prune() == NOW


def test_a_second_prune_finds_nothing_more_and_nothing_newer_is_touched(store: Store) -> None:
    fill(store, NOW)
    prune(store, 365, NOW)
    again = prune(store, 365, NOW + timedelta(hours=1))
    assert (again.articles, again.entries) == (0, 0)
    # a wider window prunes nothing that the narrower one kept... a narrower one does
    later = prune(store, 60, NOW)
    assert later.articles == 3  # articles 4, 5 (one story) and 6; 7 is 50 days old
    assert count(store.engine, "analyses") == 2


@pytest.mark.parametrize("batch", [1, 500])
def test_entries_of_kept_stories_keep_their_links(store: Store, batch: int) -> None:
    ids = fill(store, NOW)
    prune(store, 365, NOW, batch=batch)
    [sakura] = store.stories_by_id([ids[4]])
    assert sorted(link for _, link in sakura.sources) == [url_of(4), url_of(5)]
