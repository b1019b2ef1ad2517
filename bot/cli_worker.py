"""`sovai worker` and `sovai run --role …`: the roles of a deployment beyond one process.

Only the argument parsing is here at import time; the job engine (Procrastinate, in
bot/engine/) is imported when one of these commands runs, so every other command starts
as fast as before and a SQLite install never loads it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = ["ROLES", "add_role_option", "add_worker_command", "role_command", "worker_command"]

ROLES = ("all", "scheduler", "chat")
QUEUES = ("poll", "analyse", "deliver")  # bot/engine/defer.py, here to keep engine imports lazy
MAX_CONCURRENCY = 256


def add_role_option(run: argparse.ArgumentParser) -> None:
    run.add_argument(
        "--role",
        choices=ROLES,
        default="all",
        help="all: everything in one process; scheduler: queue due feeds and digests "
        "(one active, others standby); chat: the Slack and Discord front ends "
        "(scheduler and chat need PostgreSQL)",
    )


def _queues(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(q.strip() for q in text.split(",") if q.strip()))
    unknown = [q for q in names if q not in QUEUES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown queue {', '.join(unknown) or '(none)'}: use some of {','.join(QUEUES)}"
        )
    return names


def _concurrency(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_CONCURRENCY:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_CONCURRENCY}")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError("expected a port number from 0 (no listener) to 65535")
    return int(text)


def add_worker_command(sub: Any) -> None:
    worker = sub.add_parser("worker", help="run queued jobs: polls, analyses, digests (PostgreSQL)")
    worker.add_argument(
        "--queues", type=_queues, default=QUEUES, help="comma-separated: poll,analyse,deliver"
    )
    worker.add_argument("--concurrency", type=_concurrency, default=4, help="jobs at once")
    worker.add_argument(
        "--metrics-port",
        type=_port,
        default=None,
        help="serve /healthz, /readyz and /metrics on this port (0: none); default: the "
        "config's metrics block. Several workers on one machine each need their own",
    )


def _engine_error(exc: Exception) -> int:
    print(f"sovai: {exc}", file=sys.stderr)
    return 2


def worker_command(settings: Settings, args: argparse.Namespace) -> int:
    from bot.engine.app import EngineUnavailable
    from bot.engine.roles import run_worker

    try:
        asyncio.run(
            run_worker(settings, args.queues, args.concurrency, metrics_port=args.metrics_port)
        )
    except EngineUnavailable as exc:
        return _engine_error(exc)
    logging.getLogger("bot.cli").info("sovai worker stopped")
    return 0


def role_command(settings: Settings, args: argparse.Namespace) -> int:
    """`sovai run --role scheduler|chat`."""
    from bot.engine.app import EngineUnavailable
    from bot.engine.roles import run_chat_role, run_scheduler_role

    run = run_scheduler_role if args.role == "scheduler" else run_chat_role
    try:
        asyncio.run(run(settings))
    except EngineUnavailable as exc:
        return _engine_error(exc)
    logging.getLogger("bot.cli").info("sovai %s stopped", args.role)
    return 0
