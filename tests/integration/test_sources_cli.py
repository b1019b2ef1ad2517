"""`sovai sources …` as a user runs it, against the local test site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.feeds.opml import parse_opml
from tests.integration.run_cli import sovai
from tests.integration.site_server import Site, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


@pytest.fixture
def config(tmp_path: Path) -> str:
    path = tmp_path / "sovai.yaml"
    path.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        "feeds:\n  - url: https://config.example/feed.xml\n    name: From config\n"
        "fetch: {allow_private_networks: true, timeout: 10}\n",
        encoding="utf-8",
    )
    return str(path)


def test_add_list_remove(tmp_path: Path, site: Site, config: str) -> None:
    added = sovai(
        "--config", config, "sources", "add", site.url("/feed.xml"), "--name", "Desk", cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    assert "added: Desk: first poll, 3 existing entries marked as seen" in added.stdout

    again = sovai("--config", config, "sources", "add", site.url("/feed.xml"), cwd=tmp_path)
    assert again.returncode == 1
    assert "already polled as feed #2 (Desk)" in again.stderr

    listed = sovai("--config", config, "sources", "list", cwd=tmp_path).stdout
    assert "From config" in listed and "Desk" in listed
    desk_row = next(line for line in listed.splitlines() if "Desk" in line)
    assert " ok " in desk_row and " 3 " in desk_row

    refused = sovai("--config", config, "sources", "remove", "1", cwd=tmp_path)
    assert refused.returncode == 1
    assert "comes from" in refused.stderr and "remove it there" in refused.stderr

    removed = sovai("--config", config, "sources", "remove", site.url("/feed.xml"), cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert "removed feed #2 Desk" in removed.stdout
    assert "Desk" not in sovai("--config", config, "sources", "list", cwd=tmp_path).stdout


def test_a_page_that_is_not_a_feed_is_not_added(tmp_path: Path, site: Site, config: str) -> None:
    result = sovai(
        "--config", config, "sources", "add", site.url("/articles/football.html"), cwd=tmp_path
    )
    assert result.returncode == 1
    assert "is not a feed: an HTML page, not a feed" in result.stderr
    assert "football" not in sovai("--config", config, "sources", "list", cwd=tmp_path).stdout


def test_bad_urls_are_refused(tmp_path: Path, config: str) -> None:
    result = sovai("--config", config, "sources", "add", "ftp://example.org/feed", cwd=tmp_path)
    assert result.returncode == 1
    assert "expected an http:// or https:// feed URL" in result.stderr


def test_opml_import_and_export(tmp_path: Path, config: str) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="Tech">'
        '<outline text="A" xmlUrl="https://a.example/rss"/>'
        '<outline text="Again" xmlUrl="https://config.example/feed.xml"/>'
        '<outline text="Gopher" xmlUrl="gopher://old.example/"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    imported = sovai("--config", config, "sources", "import", str(opml), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "added 1 feed, skipped 2" in imported.stdout
    exported = sovai("--config", config, "sources", "export", cwd=tmp_path)
    urls = [f.url for f in parse_opml(exported.stdout.encode())]
    assert urls == ["https://config.example/feed.xml", "https://a.example/rss"]

    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body>", encoding="utf-8")
    failed = sovai("--config", config, "sources", "import", str(broken), cwd=tmp_path)
    assert failed.returncode == 1 and "not valid XML" in failed.stderr


def test_subscriptions_list_shows_each_channel_and_why_one_is_paused(tmp_path: Path) -> None:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\n"
        "subscriptions:\n"
        "  - {platform: slack, channel: C0123ABC, countries: [JP, IN]}\n"
        "  - {platform: discord, channel: '998877', time: '09:00', timezone: Europe/Paris}\n",
        encoding="utf-8",
    )
    assert sovai("--config", str(config), "db", "upgrade", cwd=tmp_path).returncode == 0
    import sqlite3

    listed = sovai("--config", str(config), "subscriptions", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "C0123ABC" in listed.stdout and "JP, IN" in listed.stdout
    assert "09:00 Europe/Paris" in listed.stdout
    with sqlite3.connect(tmp_path / "sovai.db") as db:
        db.execute(
            "UPDATE subscriptions SET filters = json_set(filters, '$.paused', json('true')), "
            "last_error = 'not_in_channel' WHERE channel = 'C0123ABC'"
        )
    # reading the config again (every command does) keeps it paused
    listed = sovai("--config", str(config), "subscriptions", "list", cwd=tmp_path)
    assert "paused: not_in_channel" in listed.stdout
    resumed = sovai("--config", str(config), "subscriptions", "resume", "1", cwd=tmp_path)
    assert resumed.returncode == 0 and "resumed" in resumed.stdout
    assert (
        "paused" not in sovai("--config", str(config), "subscriptions", "list", cwd=tmp_path).stdout
    )


def test_an_interval_below_the_minimum_is_said_not_silently_raised(
    tmp_path: Path, site: Site, config: str
) -> None:
    added = sovai(
        "sources", "add", site.url("/feed.xml"), "--interval", "1", "--config", config, cwd=tmp_path
    )
    assert added.returncode == 0, added.stderr
    assert "added: " in added.stdout
    assert (
        "note: polled every 15 minutes, the shortest interval allowed (fetch.min_interval in "
        f"{config}), not every 1 minute"
    ) in added.stdout
    for wrong in ("0", "-5", "99999999999999999999", "soon"):
        refused = sovai("sources", "add", site.url("/x"), "--interval", wrong, cwd=tmp_path)
        assert refused.returncode == 2
        assert "expected minutes between 1 and 10080 (a week)" in refused.stderr
        assert "Traceback" not in refused.stderr


def test_an_import_names_each_skipped_feed_once_and_counts_agree(
    tmp_path: Path, config: str
) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Again" xmlUrl="https://config.example/feed.xml"/>'
        '<outline text="New" xmlUrl="https://b.example/rss"/>'
        '<outline text="Gopher" xmlUrl="gopher://old.example/"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    imported = sovai("sources", "import", str(opml), "--config", config, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    lines = imported.stdout.splitlines()
    assert lines[0] == "added 1 feed, skipped 2"
    assert "  skipped https://config.example/feed.xml: already polled (feed #1)" in lines
    assert "  skipped gopher://old.example/: not an http(s) URL" in lines
    assert all(line.count("example") == 1 for line in lines[1:])  # each URL said once
    again = sovai("sources", "import", str(opml), "--config", config, cwd=tmp_path)
    assert again.stdout.splitlines()[0] == "added 0 feeds, skipped 3"
    assert "  skipped https://b.example/rss: already polled (feed #2)" in again.stdout


def test_a_feed_that_cannot_be_reached_is_said_in_words(tmp_path: Path, config: str) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on once this is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.xml"
    refused = sovai("sources", "add", url, "--config", config, cwd=tmp_path)
    assert refused.returncode == 1
    assert f"{url} does not answer as a feed: 127.0.0.1:{port} refused the connection" in (
        refused.stderr
    )
    assert "Errno" not in refused.stderr and "ConnectError" not in refused.stderr
