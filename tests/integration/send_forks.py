"""A process that forks one digest-sending child per line read, for kill -9 tests.

Importing the bot takes a second or more; forking a process that already did is how a
test gets twenty real processes to kill at random points in a few seconds. Each child
is what `sovai run` does at start and at a digest time: resend what the outbox holds,
then send every chat channel's digest for the given instant. Protocol on stdin/stdout:
`go ISO-TIME` prints the child's pid; `wait PID` prints its exit status.

Run as: python -m tests.integration.send_forks CONFIG DISCORD_BASE
"""

from __future__ import annotations

import asyncio
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from discord.http import Route

from bot.chat.delivery import resend_unsent, send_digest
from bot.runtime import open_store, senders_for
from bot.settings import load_settings


def send_round(config: Path, now: datetime) -> None:
    settings = load_settings(config)
    store = open_store(settings)
    senders = senders_for(settings)
    digest = settings.config.digest

    async def go() -> None:
        await resend_unsent(store, digest, senders, now)
        for sub in store.subscriptions():
            if sub.platform in ("discord", "slack"):
                await send_digest(store, sub, digest, senders[sub.platform], now)

    asyncio.run(go())
    store.close()


def main(config: Path, base: str) -> None:
    Route.BASE = base
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "wait":
            _, status = os.waitpid(int(arg), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)
            continue
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                send_round(config, datetime.fromisoformat(arg))
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        print(pid, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
