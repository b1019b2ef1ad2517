"""Telling an up-to-date database without alembic, and handing everything else to it.

Every command opens the store, and opening it checks the schema: `script_head` reads the
newest migration from the files' own lines so that a database already there costs one
query, not alembic's import. When the files read as anything but one straight line, it
answers None and alembic decides, as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from bot.store.db import (
    _alembic_config,
    current_revision,
    head_revision,
    make_engine,
    script_head,
    upgrade,
)


def _migration(folder: Path, name: str, revision: str, down: str, typed: bool = False) -> None:
    """A migration file as alembic's template (or the newer typed one) writes it."""
    annotation = (": str", ": str | None") if typed else ("", "")
    (folder / f"{name}.py").write_text(
        f'"""{name}"""\n\nfrom alembic import op\n\n'
        f"revision{annotation[0]} = {revision}\ndown_revision{annotation[1]} = {down}\n"
        "branch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )


def test_the_shipped_migrations_read_as_alembic_reads_them() -> None:
    assert script_head() is not None
    assert script_head() == head_revision()


def test_a_straight_line_of_migrations_has_its_newest_as_head(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    _migration(tmp_path, "b_second", "'b2'", "'a1'")  # repr() quotes, as script.py.mako
    _migration(tmp_path, "a_first", '"a1"', "None")
    _migration(tmp_path, "c_third", '"c3"', '"b2"', typed=True)
    assert script_head(tmp_path) == "c3"


@pytest.mark.parametrize(
    ("files", "why"),
    [
        ([("a", '"a1"', "None"), ("b", '"b2"', '"a1"'), ("c", '"c3"', '"a1"')], "a branch"),
        ([("a", '"a1"', "None"), ("m", '"m9"', '("a1", "x1")')], "a merge"),
        ([("a", '"a1"', "None"), ("c", '"c3"', '"b2"')], "a gap"),
        ([("a", '"a1"', "None"), ("b", "REVISION", '"a1"')], "a computed revision"),
        ([], "no migrations"),
    ],
)
def test_anything_but_a_straight_line_is_left_to_alembic(
    tmp_path: Path, files: list[tuple[str, str, str]], why: str
) -> None:
    for name, revision, down in files:
        _migration(tmp_path, name, revision, down)
    assert script_head(tmp_path) is None, why


def test_a_file_without_its_revision_line_is_left_to_alembic(tmp_path: Path) -> None:
    _migration(tmp_path, "a", '"a1"', "None")
    (tmp_path / "helpers.py").write_text("VALUE = 1\n", encoding="utf-8")
    assert script_head(tmp_path) is None


def test_upgrade_migrates_a_new_database_then_finds_it_current(database_url: str) -> None:
    engine = make_engine(database_url)
    head = head_revision()
    assert upgrade(engine) == (None, head)
    assert "articles" in inspect(engine).get_table_names()
    assert upgrade(engine) == (head, head)  # the quick path: no migration, same answer
    assert current_revision(engine) == head
    engine.dispose()


def test_upgrade_still_applies_what_is_pending(database_url: str) -> None:
    """A database a migration behind (stamped by alembic itself) is brought to the head."""
    engine = make_engine(database_url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    assert current_revision(engine) == "0004"
    assert upgrade(engine) == ("0004", head_revision())
    assert current_revision(engine) == head_revision()
    engine.dispose()
