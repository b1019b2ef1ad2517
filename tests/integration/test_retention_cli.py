"""`sovai db prune` as a user runs it: a real subprocess on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from bot.store.tables import AnalysisRow
from tests.integration.retention_world import fill
from tests.integration.run_cli import database_settings, sovai


def _config(tmp_path: Path, url: str, retention: str = "") -> tuple[Path, dict[str, str]]:
    bare, env = database_settings(url)
    path = tmp_path / "sovai.yaml"
    path.write_text(f"database: {bare}\n{retention}", encoding="utf-8")
    return path, env


def _analyses(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(AnalysisRow)).scalar_one())
    finally:
        engine.dispose()


def _filled(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    store = Store(engine)
    try:
        fill(store, datetime.now(UTC))
    finally:
        store.close()


def test_prune_from_the_command_line(database_url: str, tmp_path: Path) -> None:
    _filled(database_url)
    off, env = _config(tmp_path, database_url)
    refused = sovai("db", "prune", "--config", str(off), cwd=tmp_path, env=env)
    assert refused.returncode == 2
    assert "retention is off" in refused.stderr and "articles_days" in refused.stderr

    config, env = _config(tmp_path, database_url, "retention: {articles_days: 365}\n")
    dry = sovai("db", "prune", "--dry-run", "--config", str(config), cwd=tmp_path, env=env)
    assert dry.returncode == 0, dry.stderr
    assert "would prune 3 articles" in dry.stdout and "4 entries" in dry.stdout
    assert _analyses(database_url) == 8  # a dry run changes nothing

    done = sovai("db", "prune", "--vacuum", "--config", str(config), cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "pruned 3 articles" in done.stdout and "the ledger is kept" in done.stdout
    assert "vacuumed:" in done.stdout
    assert _analyses(database_url) == 5

    wider = sovai("db", "prune", "--days", "60", "--config", str(config), cwd=tmp_path, env=env)
    assert wider.returncode == 0, wider.stderr
    assert "pruned 3 articles" in wider.stdout  # --days wins over the config: 4, 5 and 6
    assert _analyses(database_url) == 2


def test_a_retention_mistake_is_a_configuration_error_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\nretention:\n  articles_days: 7\n",
        encoding="utf-8",
    )
    run = sovai("db", "prune", "--config", str(config), cwd=tmp_path)
    assert run.returncode == 2
    assert "configuration error" in run.stderr
    assert "sovai.yaml:3" in run.stderr and "from 30" in run.stderr
    bad_days = sovai("db", "prune", "--days", "3", "--config", str(config), cwd=tmp_path)
    assert bad_days.returncode == 2
