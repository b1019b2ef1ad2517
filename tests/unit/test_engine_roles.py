"""The roles' command line and the engine's pure parts: no database needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.cli_worker import QUEUES as CLI_QUEUES
from bot.engine.app import EngineUnavailable, conninfo, require_postgres
from bot.engine.defer import QUEUES, host_lock

ROOT = Path(__file__).parents[2]


def test_a_worker_takes_its_queues_and_concurrency() -> None:
    args = build_parser().parse_args(["worker", "--queues", "deliver,poll", "--concurrency", "3"])
    assert args.queues == ("deliver", "poll") and args.concurrency == 3
    default = build_parser().parse_args(["worker"])
    assert default.queues == ("poll", "analyse", "deliver") and default.concurrency == 4
    assert CLI_QUEUES == QUEUES  # the CLI's copy (kept to import no engine) is the engine's


@pytest.mark.parametrize("argv", [["--queues", "mail"], ["--queues", ","], ["--concurrency", "0"]])
def test_a_worker_refuses_unknown_queues_and_no_concurrency(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["worker", *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "use some of poll,analyse,deliver" in err or "a whole number from 1 to 256" in err


def test_run_keeps_its_one_process_default() -> None:
    assert build_parser().parse_args(["run"]).role == "all"
    assert build_parser().parse_args(["run", "--role", "chat"]).role == "chat"


@pytest.mark.parametrize(
    "argv", [["run", "--role", "scheduler"], ["run", "--role", "chat"], ["worker"]]
)
def test_the_roles_beyond_one_process_say_they_need_postgresql(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "sovai.yaml"
    config.write_text(f"database: sqlite:///{tmp_path / 'sovai.db'}\n", encoding="utf-8")
    assert main(["--config", str(config), *argv]) == 2
    err = capsys.readouterr().err
    assert "needs PostgreSQL" in err and "sovai run" in err
    assert not (tmp_path / "sovai.db").exists()  # refused before touching the database


def test_postgresql_urls_pass_and_become_libpq_ones() -> None:
    url = "postgresql+psycopg://sovai:s3cret@db.internal:5433/sovai?sslmode=require"
    require_postgres(url, "sovai worker")
    assert conninfo(url) == "postgresql://sovai:s3cret@db.internal:5433/sovai?sslmode=require"
    with pytest.raises(EngineUnavailable, match="sovai worker needs PostgreSQL"):
        require_postgres("sqlite:///x.db", "sovai worker")


def test_a_host_has_as_many_lock_keys_as_requests_allowed_at_once() -> None:
    keys = {host_lock("News.example.org", feed, 2) for feed in range(200)}
    assert keys == {"host:news.example.org:0", "host:news.example.org:1"}
    assert host_lock("a.example", 7, 3) == host_lock("a.example", 7, 3)  # stable across workers
    assert {host_lock("a.example", n, 1) for n in range(50)} == {"host:a.example:0"}


def test_the_cli_imports_no_job_engine_until_a_role_runs() -> None:
    code = "import sys, bot.cli; print('procrastinate' in sys.modules, 'bot.engine' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]
