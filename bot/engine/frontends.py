"""Are the chat role's front ends connected: Slack and Discord, as their own log lines say.

The chat role is healthy while each front end it has a token for is connected. bot/chat
keeps no connection state anyone else can read, but it says every change in one log
line (bot/chat/slack_app.py, discord_connect.py; Socket Mode's client and discord.py's
gateway say theirs), so `FrontEnds` is a logging handler on those loggers that turns
the lines into states: connected, or not and why, since when. (A direct call from
bot/chat would be sturdier than matching its wording; the tests hold the two together.)

Those lines are at INFO; under a quieter `log_level` the handler still hears them (the
loggers are set to INFO, and what the root level would have shown is passed on).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["FrontEnd", "FrontEnds"]

SLACK, DISCORD = "Slack", "Discord"
# the loggers heard, at the level their lines are logged at (discord.py says at DEBUG
# that the gateway closed and it is resuming, at INFO that it has resumed)
LOGGERS = {
    "bot.chat.slack_app": logging.INFO,
    "bot.chat.slack_socket": logging.INFO,
    "bot.chat.discord_app": logging.INFO,
    "bot.chat.discord_connect": logging.INFO,
    "discord.gateway": logging.INFO,
    "discord.client": logging.DEBUG,
}
# (logger, start of the message or its template) → (front end, connected now)
UP, DOWN = True, False
RULES: tuple[tuple[str, str, str, bool], ...] = (
    ("bot.chat.slack_app", "Slack: connected in Socket Mode", SLACK, UP),
    ("bot.chat.slack_app", "Slack: listening for commands", SLACK, UP),
    ("bot.chat.slack_app", "Slack commands are off", SLACK, DOWN),
    ("bot.chat.slack_app", "Slack Socket Mode:", SLACK, DOWN),
    ("bot.chat.slack_socket", "A new session (", SLACK, UP),
    ("bot.chat.slack_socket", "Received CLOSE event", SLACK, DOWN),
    ("bot.chat.slack_socket", "The session (", SLACK, DOWN),  # "… seems to be … Reconnecting"
    ("bot.chat.discord_app", "Discord commands are off", DISCORD, DOWN),
    ("bot.chat.discord_connect", "Discord", DISCORD, DOWN),  # cannot connect; refused
    ("bot.chat.discord_connect", "%s", DISCORD, DOWN),  # a refusal for good, said as is
    ("discord.client", "Got a request to %s the websocket", DISCORD, DOWN),  # it closed
    ("discord.gateway", "Shard ID %s has connected to Gateway", DISCORD, UP),
    ("discord.gateway", "Shard ID %s has successfully RESUMED", DISCORD, UP),
)


@dataclass
class FrontEnd:
    """One front end's state: connected or not, why not, and since when (monotonic)."""

    name: str
    since: float
    connected: bool = False
    why: str = "connecting"


class FrontEnds(logging.Handler):
    """The states of the front ends expected here (those with a token)."""

    def __init__(self, expected: Iterable[str], clock: Callable[[], float] = time.monotonic):
        super().__init__(logging.DEBUG)
        self.clock = clock
        now = clock()
        self.states = {name: FrontEnd(name, now) for name in expected}
        self._forward: dict[str, int] = {}  # logger → the level it had before

    def install(self) -> None:
        """Hear the loggers' lines; one set to a quieter level is opened to its lines
        and passed on by `emit` only at the root's level, so the log shows what it did."""
        for name, level in LOGGERS.items():
            logger = logging.getLogger(name)
            logger.addHandler(self)
            if not logger.isEnabledFor(level):
                self._forward[name] = logger.level
                logger.setLevel(level)
                logger.propagate = False

    def remove(self) -> None:
        for name in LOGGERS:
            logger = logging.getLogger(name)
            logger.removeHandler(self)
            if name in self._forward:
                logger.setLevel(self._forward[name])
                logger.propagate = True
        self._forward.clear()

    def emit(self, record: logging.LogRecord) -> None:
        self.heard(record)
        if record.name in self._forward:
            root = logging.getLogger()
            if record.levelno >= root.getEffectiveLevel():
                root.handle(record)

    def heard(self, record: logging.LogRecord) -> None:
        """Update a state from one of bot/chat's lines (or its libraries')."""
        template = str(record.msg)
        for logger, start, name, up in RULES:
            if record.name != logger or not template.startswith(start):
                continue
            state = self.states.get(name)
            if state is not None and (state.connected != up or not up):
                if state.connected != up:
                    state.since = self.clock()
                state.connected = up
                state.why = "" if up else record.getMessage()[:200]
            return

    def connected(self) -> dict[str, bool]:
        return {name: state.connected for name, state in self.states.items()}

    def problems(self, grace: float) -> list[str]:
        """Front ends not connected for longer than `grace` seconds (a reconnect is not news)."""
        now = self.clock()
        return [
            f"{s.name} has not been connected for {now - s.since:.0f} s ({s.why})"
            for s in self.states.values()
            if not s.connected and now - s.since > grace
        ]

    def not_ready(self) -> list[str]:
        """Front ends not connected now; none expected is itself a reason."""
        if not self.states:
            return ["no front end is set up (SLACK_BOT_TOKEN, DISCORD_BOT_TOKEN)"]
        return [
            f"{s.name} is not connected ({s.why})" for s in self.states.values() if not s.connected
        ]
