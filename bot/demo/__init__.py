"""`sovai demo`: a bundled news site polled into a temporary database, offline."""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_demo_command", "demo_command"]

HELP = "see what the bot does, offline and without a token: a bundled site, polled and digested"


def add_demo_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `sovai demo` on the CLI's subcommands."""
    sub.add_parser("demo", help=HELP, description=HELP)


def demo_command(args: argparse.Namespace) -> int:
    """Run the demo; it needs no config file, so it runs before any is loaded."""
    from bot.demo.run import run_demo
    from bot.logs import setup_logging

    setup_logging("WARNING", ())  # the demo prints its own report; warnings still show
    return run_demo(sys.stdout)
