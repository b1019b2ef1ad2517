"""`sovai demo`: what the bot does, before any token, offline, in a few seconds.

A newcomer sees the real thing, not a mock-up: the bundled site is served on 127.0.0.1,
polled by the real poll stage (fetch, parse, read each article, analyse, store) into a
SQLite database in a temporary folder, and the digest and the `/ai-country` reply are
composed by the same functions the scheduler and the slash commands call. Nothing is
sent anywhere, no setting or environment variable of the user's is read (their
DATABASE_URL stays untouched), and the folder is removed at the end.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

import httpx

from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import TerminalSender, digest_for
from bot.demo.site_server import FEED_PATH, serve_demo_site
from bot.feeds.fetch import Fetcher
from bot.ingest import FeedReport, poll_all
from bot.render.replies import reply_text
from bot.render.text import render_text
from bot.runtime import open_store
from bot.settings import Config, FeedConfig, FetchConfig, Secrets, Settings
from bot.store.repo import Store

__all__ = ["DEMO_COUNTRY", "FEED_NAME", "demo_settings", "run_demo"]

FEED_NAME = "Sovereign AI Wire (demo)"
DEMO_COUNTRY = "japan"
_RULE = "─" * 4


def demo_settings(folder: Path, origin: str) -> Settings:
    """Settings for one demo run: the local site as the only feed, a database in `folder`."""
    config = Config(
        database=f"sqlite:///{folder / 'demo.db'}",
        feeds=(FeedConfig(url=f"{origin}{FEED_PATH}", name=FEED_NAME),),
        fetch=FetchConfig(allow_private_networks=True, timeout=10),  # the site is 127.0.0.1
    )
    return Settings(config=config, secrets=Secrets(), path=folder / "demo.yaml")


async def _poll(store: Store, fetcher: Fetcher) -> list[FeedReport]:
    return await poll_all(store, fetcher, store.feeds(), backfill=True)


async def _country(settings: Settings, store: Store, fetcher: Fetcher, now: datetime) -> str:
    commands = Commands(settings, store, fetcher, {"terminal": TerminalSender()})
    ctx = CommandContext(platform="terminal", channel="demo", user="demo", is_admin=True, now=now)
    reply = await commands.handle("country", DEMO_COUNTRY, ctx)
    text = reply_text(reply)
    for file in reply.files:
        text += f"(Slack and Discord also get {file.title!r} as a PNG chart)\n"
    return text


def _walk(settings: Settings, out: TextIO) -> bool:
    """Poll, then print the poll's report, the digest and the briefing; True if all worked."""
    store = open_store(settings)
    # an explicit transport: no proxy from the environment, the site is on this machine
    fetcher = Fetcher(settings.config.fetch, transport=httpx.AsyncHTTPTransport())

    async def poll_then_ask() -> tuple[list[FeedReport], datetime, str]:
        try:
            reports = await _poll(store, fetcher)
            now = datetime.now(UTC)  # after the poll, whose articles are dated when read
            return reports, now, await _country(settings, store, fetcher, now)
        finally:
            await fetcher.aclose()

    try:
        reports, now, briefing = asyncio.run(poll_then_ask())
        out.write(f"\n{_RULE} sovai poll --once --backfill\n")
        out.writelines(f"{report.line()}\n" for report in reports)
        sub = store.subscriptions()[0]  # the terminal, as with no subscription configured
        digest = digest_for(store, sub, settings.config.digest, now, since=timedelta(days=1))
        out.write(f"\n{_RULE} sovai digest --preview: what a subscribed channel gets\n")
        out.write(render_text(digest))
        out.write(f"\n{_RULE} /ai-country {DEMO_COUNTRY}: the same reply in Slack and Discord\n")
        out.write(briefing)
    finally:
        store.close()
    read_all = all(r.status == "ok" and r.articles == r.new_entries > 0 for r in reports)
    return read_all and not digest.empty


def run_demo(out: TextIO, now: datetime | None = None) -> int:
    """Serve, poll, print the digest and a briefing; 0 when every step worked.

    `now` dates the site's stories (the feed says "2 hours ago" relative to it).
    """
    started = time.monotonic()
    moment = now or datetime.now(UTC)
    with (
        tempfile.TemporaryDirectory(prefix="sovai-demo-") as folder,
        serve_demo_site(moment) as origin,
    ):
        out.write(
            f"sovai demo: invented sovereign-AI news served on {origin}/, polled into a\n"
            "temporary database. Nothing is sent anywhere and nothing is kept.\n"
        )
        worked = _walk(demo_settings(Path(folder), origin), out)
    if not worked:
        out.write("\nThe demo did not go as it should: the lines above say where.\n")
        return 1
    out.write(
        f"\nDone in {time.monotonic() - started:.1f} s. Next: connect Slack or Discord "
        "(README: Add to Slack, Add to Discord), then `sovai run`.\n"
    )
    return 0
