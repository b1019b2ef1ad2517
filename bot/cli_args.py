"""The `sovai` argument parser's parts: options every command takes, help that shows
defaults, and the argument types whose mistakes are worded for the person typing.

People put options where they think of them: `sovai poll --once --config x.yaml` is as
natural as `sovai --config x.yaml poll --once`. Every parser in the tree is a
`SovaiParser`, which takes `--config` and `--log-level` itself; a value given after the
command wins over one given before it, and neither wins over nothing (the top level's
defaults apply only when the option is given nowhere).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, NoReturn

__all__ = [
    "LEVELS_SAID",
    "LOG_LEVELS",
    "MAX_ROW_ID",
    "MAX_SINCE",
    "SovaiParser",
    "command_tree",
    "duration",
    "interval_minutes",
    "log_level",
    "row_id",
]

LOG_LEVELS = ("debug", "info", "warning", "error")
LEVELS_SAID = "debug, info, warning or error"
MAX_ROW_ID = 2**63 - 1
MAX_SINCE = timedelta(days=365)  # the longest window a digest preview covers
MAX_INTERVAL = 7 * 24 * 60  # minutes: a feed is polled at least weekly (as in the config)
_MINUTES = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}
_LONGEST_MINUTES = 10 * 365 * 24 * 60


class HelpFormatter(argparse.HelpFormatter):
    """Help that ends each option with its default, where there is one worth showing
    (not for flags, whose default is "off", nor for options that are off unless given)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (
            "%(default)" in text
            or not action.option_strings
            or default is None
            or isinstance(default, bool)
            or default == argparse.SUPPRESS
        ):
            return text
        return f"{text} (default: %(default)s)"


class _Actions(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands named by their choices in messages: "required: {list,resume}", not the
    attribute's name ("required: action"), unless a name such as COMMAND is given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._named = self.metavar is not None

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        parser = super().add_parser(name, **kwargs)
        if not self._named:
            self.metavar = "{" + ",".join(self.choices) + "}"
        return parser


class SovaiParser(argparse.ArgumentParser):
    """A parser of the `sovai` tree: `--config` and `--log-level` on every command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Actions)
        common = self.add_argument_group("options every command takes")
        common.add_argument(
            "--config",
            type=Path,
            metavar="FILE",
            default=argparse.SUPPRESS,
            help="the config file (default: $SOVAI_CONFIG, else config/sovai.yaml)",
        )
        common.add_argument(
            "--log-level",
            type=str.lower,
            choices=LOG_LEVELS,
            default=argparse.SUPPRESS,
            help="how much goes to the log on stderr (default: $SOVAI_LOG_LEVEL, else info)",
        )

    def error(self, message: str) -> NoReturn:
        """argparse's one line, and where the whole story is."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def log_level(value: str | None) -> str | None:
    """`value` as one of LOG_LEVELS, or None when it is not one (SOVAI_LOG_LEVEL)."""
    level = (value or "info").strip().lower()
    return level if level in LOG_LEVELS else None


def duration(text: str) -> timedelta:
    """90m, 24h, 7d or 2w; at least a minute (a window of nothing holds nothing)."""
    match = re.fullmatch(r"\s*(\d{1,9})\s*([mhdw])\s*", text, re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(
            f"expected a duration such as 90m, 24h, 7d or 2w, got {text[:40]!r}"
        )
    amount, unit = int(match.group(1)), match.group(2).lower()
    if amount == 0:
        raise argparse.ArgumentTypeError(f"expected a duration of at least 1m, got {text!r}")
    minutes = amount * _MINUTES[unit]
    # beyond any window (the caller caps it and says so); timedelta overflows further on
    return timedelta(minutes=min(minutes, _LONGEST_MINUTES))


def row_id(text: str) -> int:
    """A database id: ASCII digits within SQL's integer range ("²" and 5,000 digits are not)."""
    if not (text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ROW_ID):
        raise argparse.ArgumentTypeError(f"expected an id such as 3, got {text[:40]!r}")
    return int(text)


def interval_minutes(text: str) -> int:
    """A feed's polling interval: whole minutes from 1 to a week, as in the config file."""
    raw = text.strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 6 and 1 <= int(raw) <= MAX_INTERVAL):
        raise argparse.ArgumentTypeError(
            f"expected minutes between 1 and {MAX_INTERVAL} (a week), got {text[:40]!r}"
        )
    return int(raw)


def command_tree(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser, str | None]]:
    """Every command under `parser`, nested ones too: its words (`("sources", "add")`),
    its parser and the help line it is listed with (for `sovai --help` and its tests)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*path, name), sub, listed.get(name)
                yield from command_tree(sub, (*path, name))
