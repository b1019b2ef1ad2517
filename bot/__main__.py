"""`python -m bot`: the `sovai` command, as the console script runs it."""

from __future__ import annotations

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
