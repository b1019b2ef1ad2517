"""Fixtures shared by the store's tests: a fresh database on each backend.

Every test that takes `store` (or `engine`, `database_url`) runs once per backend on a
fresh, empty database (a new SQLite file, or a new PostgreSQL database on a server
started once per session, in a non-UTC time zone so a store returning server-local
times would show).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.postgres_server import PostgresServer, postgres_or_skip


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    yield from postgres_or_skip(timezone="Asia/Kolkata")


def _fresh_database(server: PostgresServer) -> Iterator[str]:
    name = f"sovai_test_{uuid.uuid4().hex[:12]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A URL to a fresh, empty database on the parametrised backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'sovai.db'}"
        return
    yield from _fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A URL to a fresh, empty PostgreSQL database, for what only PostgreSQL has."""
    yield from _fresh_database(postgres_server)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def store(engine: Engine) -> Iterator[Store]:
    upgrade(engine)
    store = Store(engine)
    try:
        yield store
    finally:
        store.close()
