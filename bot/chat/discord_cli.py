"""The `sovai discord …` arguments, kept apart so the CLI starts without importing discord.py."""

from __future__ import annotations

import argparse

__all__ = ["add_discord_commands"]


def add_discord_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sovai discord sync [--guild ID]` and `sovai discord invite [--client-id ID]`."""
    parser = subparsers.add_parser("discord", help="Discord: register slash commands, invite URL")
    actions = parser.add_subparsers(dest="action", required=True)
    sync = actions.add_parser("sync", help="register the /ai-* commands (after install/upgrade)")
    sync.add_argument("--guild", type=int, help="only in this server ID (instant; for testing)")
    invite = actions.add_parser("invite", help="print the URL that adds the bot to a server")
    invite.add_argument("--client-id", type=int, help="application ID (default: from the token)")
