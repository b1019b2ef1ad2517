"""Opening what every command needs: the store (migrated, config synced) and senders."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.ledger_rebuild import ensure_ledger
from bot.settings import Settings, SubscriptionConfig
from bot.store.db import make_engine, upgrade
from bot.store.locks import startup_lock
from bot.store.repo import Store

if TYPE_CHECKING:  # delivery (composing, rendering, metrics) only for what sends
    from bot.chat.delivery import Sender
    from bot.chat.post_budget import PostBudget

__all__ = ["TERMINAL", "open_store", "post_budget_for", "senders_for"]

_log = logging.getLogger(__name__)
TERMINAL = SubscriptionConfig(platform="terminal", channel="stdout")


def open_store(settings: Settings, *, migrate: bool = True) -> Store:
    """The store at the configured URL, migrated to the latest schema, config applied.

    One process at a time does this (the startup lock): instances started together on a
    fresh database would otherwise both migrate it and both insert the same subscriptions
    (or both rebuild the ledger).
    """
    engine = make_engine(settings.database_url)
    store = Store(engine)
    with startup_lock(settings.database_url):
        if migrate:
            before, after = upgrade(engine)
            if before != after:
                _log.info("database migrated from %s to %s", before or "empty", after)
        now = datetime.now(UTC)
        store.sync_feeds(settings.config.feeds, now)
        store.sync_subscriptions(settings.config.subscriptions or (TERMINAL,), now)
        if migrate:
            ensure_ledger(store, now)  # once after an upgrade, or when its rules change
    return store


def post_budget_for(settings: Settings) -> PostBudget | None:
    """The rate budget every poster of this database shares, on PostgreSQL; None on SQLite.

    Several processes post for one workspace only on PostgreSQL (the scheduler, worker
    and chat roles need it): there the budget in the database keeps them all within
    Slack's and Discord's limits together. A single process on SQLite is alone with its
    workspace, and its clients' own waiting out of a 429 is enough.
    """
    if settings.database_url.startswith("sqlite"):
        return None
    from bot.chat.post_budget import PostBudget
    from bot.store.rate_store import RateStore, rate_engine

    return PostBudget(RateStore(rate_engine(settings.database_url)))


def senders_for(settings: Settings) -> Mapping[str, Sender]:
    """A sender per platform; the terminal stands in where posting is not available.

    Slack posts through `SLACK_API_URL` when set (a proxy, GovSlack, a test server).
    """
    from bot.chat.delivery import TerminalSender

    secrets = settings.secrets
    budget = post_budget_for(settings)
    slack: Sender = TerminalSender(note="SLACK_BOT_TOKEN is not set; printed here")
    if secrets.slack_bot_token is not None:
        from bot.chat.slack_sender import SlackSender, slack_client

        token = secrets.slack_bot_token.get_secret_value()
        slack = SlackSender(slack_client(token, budget=budget))
    from bot.chat.discord_sender import discord_sender_for  # bot token and/or webhooks

    discord: Sender = discord_sender_for(settings, budget) or TerminalSender(
        note="DISCORD_BOT_TOKEN is not set; printed here"
    )
    return {
        "terminal": TerminalSender(),
        "slack": slack,
        "discord": discord,
    }
