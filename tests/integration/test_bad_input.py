"""Bad input gets a clear refusal, never a stored mistake or a traceback.

Before: `sources add` of a 404, an unresolvable host or an address the SSRF guard
refuses said "Source added" (exit 0) and left a feed failing forever; `/ai-sources
remove ²` and 5,000-digit ids raised with the whole argument in the log; `/ai-search`
took every one of 5,000 words; a damaged SQLite file gave a raw traceback on every
command; the heartbeat went to `./data/heartbeat` of the bot's working directory.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.commands import MAX_SEARCH_WORDS, CommandContext, Commands
from bot.chat.delivery import TerminalSender
from bot.feeds.fetch import Fetcher
from bot.models import Analysis, Article, Entry, Reply
from bot.runtime import open_store
from bot.settings import FeedConfig, load_settings
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.postgres_server import PostgresUnavailable, start_postgres
from tests.integration.run_cli import sovai
from tests.integration.site_server import Site, serve_site

LONG_ID = "9" * 5000


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def bot(tmp_path: Path, site: Site) -> Iterator[ChatBot]:
    chat = make_chat_bot(tmp_path, [site.url("/feed.xml")])
    yield chat
    chat.store.close()


def stored_feed_urls(database: Path) -> list[str]:
    with sqlite3.connect(database) as conn:
        return [url for (url,) in conn.execute("SELECT url FROM feeds")]


def write_config(tmp_path: Path, *, private: bool) -> str:
    path = tmp_path / "sovai.yaml"
    path.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        f"fetch: {{allow_private_networks: {str(private).lower()}, timeout: 10}}\n",
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize(
    ("where", "private", "says"),
    [
        ("/missing.xml", True, "404"),
        ("http://no-such-host.invalid/feed.xml", True, "does not answer as a feed"),
        ("http://:8080/feed.xml", True, "does not answer as a feed"),
        ("/feed.xml", False, "does not answer as a feed"),  # 127.0.0.1: the SSRF guard
    ],
)
def test_sources_add_refuses_what_does_not_answer_as_a_feed(
    tmp_path: Path, site: Site, where: str, private: bool, says: str
) -> None:
    url = site.url(where) if where.startswith("/") else where
    config = write_config(tmp_path, private=private)
    result = sovai("--config", config, "sources", "add", url, cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert says in result.stderr and "Traceback" not in result.stderr
    assert "added" not in result.stdout
    assert stored_feed_urls(tmp_path / "sovai.db") == []  # nothing stored, not even inactive


def ask(bot: ChatBot, line: str, *, private: bool = True, admin: bool = True) -> Reply:
    """`line` as a chat user runs it, with or without the SSRF guard's private ranges."""
    settings = bot.settings
    if not private:  # the same bot, with the SSRF guard refusing 127.0.0.1
        fetch = settings.config.fetch.model_copy(update={"allow_private_networks": False})
        settings = replace(settings, config=settings.config.model_copy(update={"fetch": fetch}))

    async def run() -> Reply:
        fetcher = Fetcher(settings.config.fetch)
        try:
            senders = {p: TerminalSender(bot.posted) for p in ("slack", "discord", "terminal")}
            ctx = CommandContext("slack", "C1", "U1", admin, datetime.now(UTC))
            name, _, text = line.removeprefix("/ai-").partition(" ")
            return await Commands(settings, bot.store, fetcher, senders).handle(name, text, ctx)
        finally:
            await fetcher.aclose()

    return asyncio.run(run())


def test_chat_sources_add_refuses_a_404_and_a_refused_address(bot: ChatBot, site: Site) -> None:
    before = [f.url for f in bot.store.feeds()]
    missing = ask(bot, f"/ai-sources add {site.url('/missing.xml')}")
    assert missing.error and "does not answer as a feed" in missing.title
    guarded = ask(bot, f"/ai-sources add {site.url('/wire.xml')}", private=False)
    assert guarded.error and "does not answer as a feed" in guarded.title
    assert [f.url for f in bot.store.feeds()] == before
    assert site.url("/wire.xml") not in stored_feed_urls(bot.settings.path.parent / "sovai.db")


@pytest.mark.parametrize(
    "line",
    ["/ai-sources remove ²", f"/ai-sources remove {LONG_ID}", f"/ai-country japan {LONG_ID}"],
)
def test_numeric_arguments_are_validated(
    bot: ChatBot, line: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        reply = ask(bot, line)
    assert reply.error and "went wrong" not in reply.title
    assert len(reply.title) < 200
    assert not [r for r in caplog.records if r.exc_info or "9999999999" in r.getMessage()]


def test_cli_ids_are_validated(tmp_path: Path) -> None:
    config = write_config(tmp_path, private=True)
    for args in (("sources", "remove", "²"), ("subscriptions", "resume", LONG_ID)):
        result = sovai("--config", config, *args, cwd=tmp_path)
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr
        assert LONG_ID not in result.stderr


def test_search_caps_its_words(bot: ChatBot) -> None:
    reply = ask(bot, "/ai-search supercomputer " + " ".join("abcdefghijklmnopqrstuvwxyz" * 200))
    assert not reply.error
    shown = reply.title.split("'")[1].split()  # the words actually searched for
    assert shown[0] == "supercomputer" and len(shown) == MAX_SEARCH_WORDS
    assert len(reply.title) < 300


# -- a damaged database ------------------------------------------------------------------

PAGE = 4096


def filled_database(tmp_path: Path) -> str:
    """A SQLite file of some hundred pages of stories, checkpointed into the main file."""
    config = write_config(tmp_path, private=True)
    store = open_store(load_settings(Path(config), environ={}))
    read = datetime.now(UTC) - timedelta(hours=1)
    store.sync_feeds([FeedConfig(url="https://example.org/feed", name="Desk")], read)
    feed = store.feeds()[0].id
    for i in range(120):
        url = f"https://example.org/{i}"
        (new,) = store.add_entries(feed, [Entry(key=url, url=url, title=f"Story {i}")], read)
        text = f"Japan builds GPU cluster number {i}. " * 40
        article = Article(url=url, canonical_url=url, title=f"Japan AI {i}", text=text)
        analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=(text,))
        store.save_article(new.id, article, analysis, "1", read)
    store.close()
    with sqlite3.connect(tmp_path / "sovai.db") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return config


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    if how == "header":
        data[:16] = b"not a database!!"
    elif how == "truncated":
        del data[8 * PAGE :]
    else:  # the middle fifth of the pages overwritten, the header left intact
        data[pages * 2 // 5 * PAGE : pages * 3 // 5 * PAGE] = b"\xa5" * (pages // 5 * PAGE)
    path.write_bytes(bytes(data))


def test_db_check_runs_sqlites_integrity_check(tmp_path: Path) -> None:
    config = filled_database(tmp_path)
    sound = sovai("--config", config, "db", "check", cwd=tmp_path)
    assert sound.returncode == 0 and "integrity check ok" in sound.stdout
    damage(tmp_path / "sovai.db", "middle")
    damaged = sovai("--config", config, "db", "check", cwd=tmp_path)
    assert damaged.returncode == 1, damaged.stderr
    assert damaged.stderr.startswith("sovai: the database file is damaged: ")
    assert "restore a backup or move it away" in damaged.stderr
    assert "Traceback" not in damaged.stderr


@pytest.mark.parametrize(
    ("how", "command"),
    [
        ("header", ("sources", "list")),
        ("truncated", ("sources", "list")),
        ("middle", ("digest", "--preview")),
        ("header", ("db", "check")),
        ("truncated", ("run",)),
    ],
)
def test_a_damaged_database_is_one_clear_line(
    tmp_path: Path, how: str, command: tuple[str, ...]
) -> None:
    config = filled_database(tmp_path)
    damage(tmp_path / "sovai.db", how)
    result = sovai("--config", config, *command, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("sovai: the database file is damaged: ")
    assert line.endswith("; restore a backup or move it away")


# -- the heartbeat -------------------------------------------------------------------------


def test_health_finds_the_heartbeat_from_any_directory(tmp_path: Path) -> None:
    """`sovai run` started in one directory, `sovai health` asked from another: the
    heartbeat is beside the database, which both find through the same configuration."""
    (tmp_path / "bot-home").mkdir()
    (tmp_path / "elsewhere").mkdir()
    config = write_config(tmp_path, private=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.pop("SOVAI_HEARTBEAT", None)
    env.pop("DATABASE_URL", None)
    beat = tmp_path / "sovai.db.heartbeat"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", config, "run"],
        cwd=tmp_path / "bot-home",
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not beat.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        health = subprocess.run(
            [sys.executable, "-m", "bot.cli", "--config", config, "health"],
            cwd=tmp_path / "elsewhere",
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert beat.exists(), err
    assert health.returncode == 0, health.stderr
    assert not (tmp_path / "bot-home" / "data").exists()


def test_an_unwritable_heartbeat_is_one_line_in_the_log(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    config = write_config(tmp_path, private=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env["SOVAI_HEARTBEAT"] = str(tmp_path / "a-file" / "heartbeat")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", config, "poll"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            with sqlite3.connect(tmp_path / "sovai.db") as conn:  # the bot is up once migrated
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                break
            time.sleep(0.2)
        time.sleep(2.0)  # the first beat is written at start
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert err.count("cannot write the heartbeat") == 1, err
    assert "Traceback" not in err


@pytest.mark.postgres
def test_db_check_on_postgresql_checks_the_connection(tmp_path: Path) -> None:
    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        url = server.create_database("sovai_check")
        config = write_config(tmp_path, private=True)
        env = {**os.environ, "DATABASE_URL": url}
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "--config", config, "db", "check"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    assert "connected; PostgreSQL needs no file integrity check" in result.stdout
    assert server.password not in result.stdout + result.stderr
