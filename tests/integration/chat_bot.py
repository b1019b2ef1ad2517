"""A test chat platform: `bot.command("/ai-country japan")` returns what a user would read."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.chat.commands import CommandContext, Commands
from bot.chat.delivery import TerminalSender
from bot.feeds.fetch import Fetcher
from bot.ingest import poll_all
from bot.models import Reply
from bot.render.replies import reply_text
from bot.runtime import open_store
from bot.settings import Settings, load_settings
from bot.store.repo import Store


@dataclass
class ChatBot:
    settings: Settings
    store: Store
    posted: io.StringIO
    channel: str = "C1"
    platform: str = "slack"

    def reply(self, line: str, *, admin: bool = False, channel: str | None = None) -> Reply:
        name, _, text = line.removeprefix("/ai-").partition(" ")
        ctx = CommandContext(self.platform, channel or self.channel, "U1", admin, datetime.now(UTC))

        async def run() -> Reply:
            fetcher = Fetcher(self.settings.config.fetch)
            try:
                senders = {p: TerminalSender(self.posted) for p in ("slack", "discord", "terminal")}
                return await Commands(self.settings, self.store, fetcher, senders).handle(
                    name, text, ctx
                )
            finally:
                await fetcher.aclose()

        return asyncio.run(run())

    def command(self, line: str, **kwargs: object) -> str:
        return reply_text(self.reply(line, **kwargs))  # type: ignore[arg-type]


def make_chat_bot(tmp_path: Path, feed_urls: list[str]) -> ChatBot:
    config = tmp_path / "sovai.yaml"
    feeds = "".join(f"  - url: {url}\n" for url in feed_urls)
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\nfeeds:\n{feeds}"
        "fetch: {allow_private_networks: true, timeout: 10}\n",
        encoding="utf-8",
    )
    settings = load_settings(config, environ={})
    store = open_store(settings)

    async def poll() -> None:
        fetcher = Fetcher(settings.config.fetch)
        try:
            await poll_all(store, fetcher, backfill=True)
        finally:
            await fetcher.aclose()

    asyncio.run(poll())
    return ChatBot(settings, store, io.StringIO())
