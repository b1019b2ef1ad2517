"""The `sovai` command: one parser for every subcommand, and the dispatcher that runs each.

A command's handler lives in its own module (`COMMANDS`: bot/cli_run.py for run, poll and
digest; bot/cli_sources.py, bot/cli_admin.py, …), imported only when that command runs.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Only what building the parser needs: `sovai --version` and `--help` import no SQLAlchemy,
# pydantic or chat library, and each command imports its own module when it runs (COMMANDS).
from bot import __version__
from bot.chat.discord_cli import add_discord_commands
from bot.cli_args import (
    LEVELS_SAID,
    SovaiParser,
    duration,
    interval_minutes,
    log_level,
    row_id,
)
from bot.cli_ledger import add_ledger_commands
from bot.cli_prune import add_prune_command
from bot.cli_worker import add_role_option, add_worker_command
from bot.demo import add_demo_command

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = ["COMMANDS", "COMMANDS_WITHOUT_CONFIG", "build_parser", "command_handler", "main"]

DESCRIPTION = (
    "Sovereign-AI news for Slack and Discord: polls news feeds, analyses each article "
    "(countries, quotes with speakers, figures with USD), and sends daily digests. "
    "The commands are listed below; `sovai COMMAND --help` shows a command's options."
)


# Each command's handler, "module:function", imported only when that command runs: one
# command never pays for another's libraries. A new command is its arguments in
# build_parser and one line here; "db prune" (command and action) wins over "db" for its
# action. These take (settings, args), after the config is loaded.
COMMANDS: dict[str, str] = {
    "run": "bot.cli_run:run_command",
    "worker": "bot.cli_worker:worker_command",
    "poll": "bot.cli_run:poll_command",
    "digest": "bot.cli_run:digest_command",
    "config": "bot.cli_admin:config_command",
    "db": "bot.cli_admin:db_command",
    "db prune": "bot.cli_prune:prune_command",
    "sources": "bot.cli_sources:sources_command",
    "discord": "bot.cli:_discord",
    "health": "bot.cli:_health",
    "subscriptions": "bot.cli_sources:subscriptions_command",
    "country": "bot.cli_ledger:ledger_command",
    "compare": "bot.cli_ledger:ledger_command",
    "export": "bot.cli_ledger:ledger_command",
    "ledger": "bot.cli_ledger:ledger_command",
}
# These take (args) alone and run before any config is loaded.
COMMANDS_WITHOUT_CONFIG: dict[str, str] = {
    "analyze": "bot.cli_analysis:analysis_command",
    "eval": "bot.cli_analysis:analysis_command",
    "demo": "bot.demo:demo_command",  # a bundled site and a temporary database
    "doctor": "bot.doctor:doctor_command",  # bot/doctor.py: a config error is one of its rows
}


def build_parser() -> argparse.ArgumentParser:
    parser = SovaiParser(prog="sovai", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"sovai {__version__}")
    parser.set_defaults(config=None, log_level=None)  # when given nowhere in the line
    sub: Any = parser.add_subparsers(
        dest="command", required=True, title="commands", metavar="COMMAND"
    )
    run = sub.add_parser(
        "run", help="poll feeds, send digests and answer chat commands until stopped"
    )
    add_role_option(run)  # bot/cli_worker.py: the roles beyond one process
    add_worker_command(sub)
    poll = sub.add_parser("poll", help="poll the feeds (on schedule, or once with --once)")
    poll.add_argument("--once", action="store_true", help="one pass over every feed, then exit")
    poll.add_argument(
        "--backfill",
        action="store_true",
        help="read what a new feed already holds (without it, that is marked as seen)",
    )
    _add_sources(sub)
    subs = sub.add_parser("subscriptions", help="the channels that get digests")
    subs_actions = subs.add_subparsers(dest="action", required=True)
    subs_actions.add_parser("list", help="each channel: filters, digest time, status")
    resume = subs_actions.add_parser("resume", help="send digests again to a paused channel")
    resume.add_argument("id", type=row_id, help="the subscription's id (see `subscriptions list`)")
    _add_digest(sub)
    _add_analysis(sub)
    config = sub.add_parser("config", help="the configuration file")
    config_actions = config.add_subparsers(dest="action", required=True)
    config_actions.add_parser("check", help="validate it and show what it sets and which tokens")
    db = sub.add_parser("db", help="the database")
    db_actions = db.add_subparsers(dest="action", required=True)
    db_actions.add_parser("upgrade", help="apply the database migrations (creates the database)")
    db_actions.add_parser("current", help="show the database's migration and the latest one")
    db_actions.add_parser("check", help="SQLite's integrity check; PostgreSQL: the connection")
    add_prune_command(db_actions)
    sub.add_parser("health", help="exit 0 when a running bot has ticked in the last 5 minutes")
    sub.add_parser("doctor", help="check config, database, chat, feeds and clock (exit 1: problem)")
    add_discord_commands(sub)
    add_ledger_commands(sub)
    add_demo_command(sub)
    return parser


def _add_sources(sub: Any) -> None:
    sources = sub.add_parser("sources", help="the feeds sovai polls: list, add, remove, OPML")
    src = sources.add_subparsers(dest="action", required=True)
    src.add_parser("list", help="each feed with its status, last error and next poll")
    add = src.add_parser("add", help="add a feed (polled once to check that it is one)")
    add.add_argument("url", help="the feed's http:// or https:// URL")
    add.add_argument("--name", help="what to call it (default: the URL)")
    add.add_argument(
        "--interval",
        type=interval_minutes,
        default=60,
        metavar="MINUTES",
        help="minutes between polls, at least fetch.min_interval",
    )
    add.add_argument("--backfill", action="store_true", help="read the items it already holds")
    remove = src.add_parser("remove", help="stop polling a feed added here")
    remove.add_argument("feed", help="the feed's id (see `sources list`) or its URL")
    imp = src.add_parser("import", help="add the feeds of an OPML file")
    imp.add_argument("file", type=Path, help="the OPML file")
    src.add_parser("export", help="print the feeds as OPML")


def _add_digest(sub: Any) -> None:
    digest = sub.add_parser("digest", help="compose each channel's digest and send it now")
    digest.add_argument(
        "--preview", action="store_true", help="print the digests without sending or recording"
    )
    digest.add_argument(
        "--since",
        type=duration,
        metavar="DURATION",
        help="with --preview: the window, such as 24h or 7d, at most 365d "
        "(default: since the channel's last digest)",
    )
    digest.add_argument(
        "--format",
        choices=["text", "markdown", "slack", "discord"],
        default="text",
        help="with --preview: plain text, Markdown, or the Slack/Discord payloads as JSON",
    )


def _add_analysis(sub: Any) -> None:
    analyze = sub.add_parser("analyze", help="analyse articles: a JSONL file, a URL or a page")
    analyze.add_argument(
        "input",
        type=Path,
        nargs="?",
        metavar="IN.jsonl",
        help="one JSON object a line: "
        "id, title, text or html; writes the analysis contract, one object a line",
    )
    analyze.add_argument(
        "-o", "--output", type=Path, metavar="OUT.jsonl", help="write there (default: stdout)"
    )
    analyze.add_argument("--url", help="fetch one article and print a readable report")
    analyze.add_argument(
        "--file", type=Path, metavar="PAGE.html", help="an article's HTML file: a readable report"
    )
    evaluation = sub.add_parser("eval", help="score the analyser on a gold JSONL file")
    evaluation.add_argument("gold", type=Path, metavar="GOLD.jsonl", help="the gold file")
    evaluation.add_argument("--misses", action="store_true", help="list what was missed")
    evaluation.add_argument(
        "--lang", help="only gold articles in this language: en, ja, … or other (all but en)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in `argv` (default: the program's own arguments), its exit status.

    Run as the program (no `argv`: the console script, `python -m bot.cli`), the garbage
    collector waits while the command's modules are imported (`_started`): its full
    collections would walk every object SQLAlchemy, pydantic and rich create at import,
    again and again, 60–70 ms of `sources list`; those objects are then frozen (never
    walked again, as `sovai run` does), and frozen again at exit, whose final collections
    cost 0.1–0.2 s more (bench/startup.py). A caller passing `argv` (tests, a script)
    keeps its collector as it was.
    """
    program = argv is None
    if program:
        gc.disable()
    try:
        return _command(argv, program)
    finally:
        if program:
            gc.freeze()


def _started(program: bool) -> None:
    """The command's modules are imported: what they made is frozen, collection resumes."""
    if program:
        gc.freeze()
        gc.enable()


def _command(argv: Sequence[str] | None, program: bool) -> int:
    args = build_parser().parse_args(argv)
    args.log_level = args.log_level or log_level(os.environ.get("SOVAI_LOG_LEVEL"))
    if args.log_level is None:
        wrong = os.environ.get("SOVAI_LOG_LEVEL", "")[:40]
        print(
            f"sovai: SOVAI_LOG_LEVEL={wrong}: expected {LEVELS_SAID}",
            file=sys.stderr,
        )
        return 2
    if args.command == "health":
        from bot.heartbeat import ENV, heartbeat_path

        if os.environ.get(ENV):  # no config needed to find it
            return _healthy(heartbeat_path("sqlite://"))
    if args.command in COMMANDS_WITHOUT_CONFIG:
        handler = command_handler(COMMANDS_WITHOUT_CONFIG[args.command])
        _started(program)
        return handler(args)
    return _with_settings(args, program)


def command_handler(target: str) -> Callable[..., int]:
    """The function a COMMANDS entry names ("module:function"), its module imported now."""
    module, _, name = target.partition(":")
    handler: Callable[..., int] = getattr(importlib.import_module(module), name)
    return handler


def _target(args: argparse.Namespace) -> str:
    """The COMMANDS entry for `args`: its command and action's ("db prune"), else its
    command's."""
    both = f"{args.command} {getattr(args, 'action', '')}"
    return COMMANDS.get(both) or COMMANDS[args.command]


def _with_settings(args: argparse.Namespace, program: bool) -> int:
    """Load the config, set up logging, run the command; its database and file errors as
    one line (exit 1) rather than a traceback."""
    import sqlite3

    from sqlalchemy.exc import ArgumentError, DatabaseError

    from bot.logs import setup_logging
    from bot.settings import ConfigError, load_settings
    from bot.wording import os_problem

    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"sovai: configuration error\n{exc}", file=sys.stderr)
        return 2
    setup_logging(args.log_level, settings.secret_values(), settings.config.log_format)
    handler = command_handler(_target(args))
    _started(program)
    try:
        return handler(settings, args)
    except KeyboardInterrupt:
        return 130
    except (DatabaseError, ArgumentError, sqlite3.DatabaseError) as exc:
        from bot.cli_admin import database_problem

        print(f"sovai: {database_problem(settings, exc)}", file=sys.stderr)
        return 1
    except OSError as exc:  # a file named on the command line: unreadable, unwritable
        print(f"sovai: {os_problem(exc)}", file=sys.stderr)
        return 1


def _health(settings: Settings, _args: argparse.Namespace) -> int:
    from bot.heartbeat import heartbeat_path

    return _healthy(heartbeat_path(settings.database_url))


def _healthy(heartbeat: Path) -> int:
    from bot.cli_admin import health

    return health(heartbeat)


def _discord(settings: Settings, args: argparse.Namespace) -> int:
    if (
        args.action == "invite"
        and not args.client_id
        and settings.secrets.discord_bot_token is None
    ):
        print(
            "sovai: the invite URL needs the application ID: give it with "
            "`sovai discord invite --client-id ID` (Developer Portal → your app → General "
            "Information → Application ID), or set DISCORD_BOT_TOKEN (or "
            "DISCORD_BOT_TOKEN_FILE) to read it from the token",
            file=sys.stderr,
        )
        return 2
    from bot.chat.discord_app import discord_command

    return discord_command(settings, args)


if __name__ == "__main__":  # `python -m bot.cli`: run as the one `bot.cli` COMMANDS names
    from bot.cli import main as cli_main

    sys.exit(cli_main())
