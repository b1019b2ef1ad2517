"""`sovai` starts with what its command needs and nothing more (issue 15, start-up).

Each command is run as people run it, a fresh `python -X importtime -m bot.cli …`, and
the modules it imported are read from that report: `--version` and `--help` build the
parser alone, `sources list` opens the store and prints a table without the poller,
the chat libraries, the charts or the migrations. Speed itself is measured by
`bench/startup.py`, not here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __version__
from bot.cli import COMMANDS, COMMANDS_WITHOUT_CONFIG, build_parser, command_handler

# what no command may import just to say its version or its help
NOT_FOR_THE_PARSER = (
    "sqlalchemy",
    "alembic",
    "pydantic",
    "yaml",
    "rich",
    "trafilatura",
    "feedparser",
    "aiohttp",
    "httpx",
    "slack_sdk",
    "slack_bolt",
    "discord",
    "matplotlib",
    "apscheduler",
    "prometheus_client",
)
# what listing the feeds of a migrated database has no use for
NOT_FOR_SOURCES_LIST = (
    "alembic",
    "trafilatura",
    "feedparser",
    "aiohttp",
    "httpx",
    "slack_sdk",
    "slack_bolt",
    "discord",
    "matplotlib",
    "apscheduler",
    "prometheus_client",
    "rapidfuzz",  # the ledger's matcher: only when claims are recorded
)


def _imported(
    args: list[str], cwd: Path, module: str = "bot.cli"
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `python -m MODULE ARGS` as a user would; the modules it imported, and their
    top-level packages."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    for name in ("DATABASE_URL", "SOVAI_CONFIG", "SOVAI_LOG_LEVEL"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", module, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "cumulative" not in line
    }
    assert "bot.cli" in modules, done.stderr[-2000:]  # the report was read
    return done, modules | {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    ("module", "args"),
    [("bot.cli", ["--version"]), ("bot", ["--version"]), ("bot.cli", ["--help"])],
)
def test_version_and_help_import_no_library(tmp_path: Path, module: str, args: list[str]) -> None:
    done, packages = _imported(args, tmp_path, module)
    assert done.returncode == 0, done.stderr[-2000:]
    if args == ["--version"]:
        assert done.stdout == f"sovai {__version__}\n"
    else:
        assert "sources" in done.stdout and "digest" in done.stdout
    assert packages.isdisjoint(NOT_FOR_THE_PARSER), packages & set(NOT_FOR_THE_PARSER)


def test_a_command_typed_wrong_is_told_without_importing_it(tmp_path: Path) -> None:
    done, packages = _imported(["country", "JP", "--days", "0"], tmp_path)
    assert done.returncode == 2
    assert "expected a number of days such as 90 or 90d, got '0'" in done.stderr
    assert packages.isdisjoint(NOT_FOR_THE_PARSER), packages & set(NOT_FOR_THE_PARSER)


def test_sources_list_imports_the_store_not_the_poller(tmp_path: Path) -> None:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        "feeds:\n  - url: https://desk.example/feed.xml\n    name: Desk feed\n",
        encoding="utf-8",
    )
    args = ["--config", str(config), "sources", "list"]
    first, packages = _imported(args, tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    assert "alembic" in packages  # a new database is migrated, by alembic
    assert "database migrated from empty" in first.stderr

    again, packages = _imported(args, tmp_path)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "Desk feed" in again.stdout and "desk.example/feed.xml" in again.stdout
    assert "migrated" not in again.stderr
    assert {"sqlalchemy", "pydantic", "rich"} <= packages  # the store, the config, the table
    assert packages.isdisjoint(NOT_FOR_SOURCES_LIST), packages & set(NOT_FOR_SOURCES_LIST)
    # nor the analysis, nor the ledger's claim readers: only a rebuild of the ledger reads
    assert packages.isdisjoint({"bot.analysis", "bot.ledger.claims", "bot.ledger.match"})


def test_every_command_has_one_handler_that_imports() -> None:
    """A command added to the parser without its COMMANDS line (or with a misspelt one)
    fails here, not when someone first types it."""
    parser_commands = {
        name
        for action in build_parser()._actions
        if hasattr(action, "choices") and isinstance(action.choices, dict)
        for name in action.choices
    }
    commands = {key.split()[0] for key in COMMANDS}  # "db prune": an action of `db`
    assert parser_commands == commands | set(COMMANDS_WITHOUT_CONFIG)
    assert commands.isdisjoint(COMMANDS_WITHOUT_CONFIG)
    for key in COMMANDS:
        if " " in key:  # the action exists: `sovai db prune --help` parses
            with pytest.raises(SystemExit) as shown:
                build_parser().parse_args([*key.split(), "--help"])
            assert shown.value.code == 0, key
    for target in [*COMMANDS.values(), *COMMANDS_WITHOUT_CONFIG.values()]:
        assert callable(command_handler(target)), target


def test_the_program_freezes_what_it_made_and_a_caller_keeps_its_collector(
    tmp_path: Path,
) -> None:
    """Run as the program, main() freezes its objects (collections then skip them) and
    collects again once they are imported; called with arguments, from a test or a
    script, it leaves gc alone."""
    probe = (
        "import gc, sys\n"
        "from bot.cli import main\n"
        "sys.argv[1:] = ['config', 'check']\n"
        "before = gc.get_freeze_count()\n"
        "status = main(sys.argv[1:]) if sys.argv[0] == 'with-argv' else main()\n"
        "print(status, before, gc.get_freeze_count(), gc.isenabled())\n"
    )
    config = tmp_path / "config"
    config.mkdir()
    (config / "sovai.yaml").write_text(f"database: sqlite:///{tmp_path}/s.db\n", "utf-8")
    for mode, frozen in (("as-program", True), ("with-argv", False)):
        done = subprocess.run(
            [sys.executable, "-c", probe.replace("sys.argv[0]", repr(mode))],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        status, before, after, collecting = done.stdout.splitlines()[-1].split()
        assert (status, before, collecting) == ("0", "0", "True"), done.stderr[-2000:]
        assert (int(after) > 0) is frozen, mode
