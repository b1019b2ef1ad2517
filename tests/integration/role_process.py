"""A `sovai worker` or `sovai run --role …` as a real background process (see bot_process)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.integration.bot_process import BotProcess

__all__ = ["RoleProcess"]


class RoleProcess(BotProcess):
    """`sovai --config CONFIG ARGS…`; stdout and stderr go to files named after `name`."""

    def __init__(
        self, name: str, config: Path, args: Sequence[str], env: Mapping[str, str], cwd: Path
    ) -> None:
        self.out = cwd / f"{name}.out"
        self.err = cwd / f"{name}.err"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "--config", str(config), *args],
                cwd=cwd,
                env=dict(env),
                stdout=out,
                stderr=err,
                text=True,
            )
