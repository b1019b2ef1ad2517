"""The whole slice as a user runs it: `sovai poll --once`, then `sovai digest --preview`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.run_cli import sovai
from tests.integration.site_server import NEW_ITEM, Site, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


def write_config(tmp_path: Path, site: Site) -> Path:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"""
database: sqlite:///{tmp_path}/sovai.db
feeds:
  - url: {site.url("/feed.xml")}
    name: Test Tech Desk
digest: {{time: "08:00", timezone: UTC, max_stories: 8}}
fetch: {{allow_private_networks: true, timeout: 10}}
""",
        encoding="utf-8",
    )
    return config


def test_poll_then_preview_shows_the_story_and_a_second_poll_adds_nothing(
    tmp_path: Path, site: Site
) -> None:
    config = str(write_config(tmp_path, site))

    first = sovai("--config", config, "poll", "--once", "--backfill", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Test Tech Desk: 3 new entries, 3 new articles" in first.stdout

    preview = sovai("--config", config, "digest", "--preview", "--since", "24h", cwd=tmp_path)
    assert preview.returncode == 0, preview.stderr
    out = preview.stdout
    assert "Japan unveils national AI supercomputer" in out
    assert "🇯🇵 Japan" in out
    assert "(Test Tech Desk)" in out
    # the link is the article's own URL with the tracking parameters removed
    assert site.url("/articles/japan-ai-cluster.html") in out
    assert "utm_source" not in out
    # a one-line summary taken from the article text, not from the feed
    assert "national AI supercomputer so that domestic researchers" in out
    # the paywalled page falls back to the feed's own summary, and is still relevant
    assert "Seoul weighs a sovereign AI fund" in out
    # not sovereign-AI news
    assert "football" not in out.lower()

    second = sovai("--config", config, "poll", "--once", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Test Tech Desk: not modified" in second.stdout
    article_fetches = [p for p, _ in site.requests if p.startswith("/articles/")]
    assert len(article_fetches) == 3  # pages are fetched once, never again


def test_an_unchanged_feed_without_validators_stores_nothing_new(
    tmp_path: Path, site: Site
) -> None:
    config = str(write_config(tmp_path, site))
    assert sovai("--config", config, "poll", "--once", "--backfill", cwd=tmp_path).returncode == 0
    # Forget the ETag, as after a server that sends none: the same items come back.
    import sqlite3

    with sqlite3.connect(tmp_path / "sovai.db") as db:
        db.execute("UPDATE feeds SET etag = NULL")
    again = sovai("--config", config, "poll", "--once", cwd=tmp_path)
    # the same bytes as last time are recognised and not parsed again
    assert "Test Tech Desk: not modified" in again.stdout


def test_a_broken_feed_is_reported_and_the_others_still_polled(tmp_path: Path, site: Site) -> None:
    config = write_config(tmp_path, site)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "feeds:\n",
            f"feeds:\n  - url: {site.url('/articles/football.html')}\n    name: Not a feed\n",
        ),
        encoding="utf-8",
    )
    result = sovai("--config", str(config), "poll", "--once", "--backfill", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Not a feed: error: an HTML page, not a feed" in result.stdout
    assert "Test Tech Desk: 3 new entries" in result.stdout


def test_digest_send_prints_to_the_terminal_once_per_window(tmp_path: Path, site: Site) -> None:
    config = str(write_config(tmp_path, site))
    assert sovai("--config", config, "poll", "--once", "--backfill", cwd=tmp_path).returncode == 0
    sent = sovai("--config", config, "digest", cwd=tmp_path)
    assert sent.returncode == 0, sent.stderr
    assert "Japan unveils national AI supercomputer" in sent.stdout
    assert "terminal:stdout: sent (2 stories)" in sent.stderr
    # The next digest starts where the last one stopped: nothing new, nothing repeated.
    again = sovai("--config", config, "digest", cwd=tmp_path)
    assert "Japan unveils" not in again.stdout
    assert "terminal:stdout: empty (0 stories)" in again.stderr


def test_a_new_feed_marks_what_it_holds_as_seen_and_reads_only_later_items(
    tmp_path: Path, site: Site
) -> None:
    config = str(write_config(tmp_path, site))
    first = sovai("--config", config, "poll", "--once", cwd=tmp_path)
    assert "first poll, 3 existing entries marked as seen" in first.stdout
    assert not [p for p, _ in site.requests if p.startswith("/articles/")]

    site.extra_items.append(NEW_ITEM)
    second = sovai("--config", config, "poll", "--once", cwd=tmp_path)
    assert "Test Tech Desk: 1 new entry, 1 new article" in second.stdout
    preview = sovai("--config", config, "digest", "--preview", cwd=tmp_path).stdout
    assert "India widens its national AI compute programme" in preview
    assert "Japan unveils" not in preview


def test_the_same_story_from_two_outlets_is_one_item_with_both_sources(
    tmp_path: Path, site: Site
) -> None:
    config = write_config(tmp_path, site)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "feeds:\n", f"feeds:\n  - url: {site.url('/wire.xml')}\n    name: Wire Desk\n"
        ),
        encoding="utf-8",
    )
    polled = sovai("--config", str(config), "poll", "--once", "--backfill", cwd=tmp_path)
    assert polled.returncode == 0, polled.stderr
    out = sovai("--config", str(config), "digest", "--preview", cwd=tmp_path).stdout
    # whichever outlet was read first gives the headline; the other is a second source
    assert ("Tokyo to fund supercomputer" in out) != ("Japan unveils" in out)
    (line,) = [line for line in out.splitlines() if "reported by" in line]
    assert "reported by 2 sources:" in line
    assert "Test Tech Desk" in line and "Wire Desk" in line
    assert "2 stories" in out  # Japan (merged) and South Korea


def test_preview_formats_print_what_each_platform_would_get(tmp_path: Path, site: Site) -> None:
    import json

    config = str(write_config(tmp_path, site))
    assert sovai("--config", config, "poll", "--once", "--backfill", cwd=tmp_path).returncode == 0
    args = ("--config", config, "digest", "--preview", "--format")
    slack = json.loads(sovai(*args, "slack", cwd=tmp_path).stdout)
    assert slack[0]["blocks"][0]["type"] == "header"
    assert "Japan unveils national AI supercomputer" in json.dumps(slack, ensure_ascii=False)
    discord = json.loads(sovai(*args, "discord", cwd=tmp_path).stdout)
    assert all(message["allowed_mentions"] == {"parse": []} for message in discord)
    markdown = sovai(*args, "markdown", cwd=tmp_path).stdout
    assert "Japan unveils national AI supercomputer" in markdown
    text = sovai(*args, "text", cwd=tmp_path).stdout
    assert "120 billion" in text and "≈ USD" in text  # key figures with USD equivalents
    assert "Haruto Ishida" in text  # the key quote's speaker


def test_analyze_url_prints_a_report_of_a_fetched_article(tmp_path: Path, site: Site) -> None:
    config = str(write_config(tmp_path, site))
    url = site.url("/articles/japan-ai-cluster.html")
    report = sovai("--config", config, "analyze", "--url", url, cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    out = report.stdout
    assert out.startswith("Japan unveils national AI supercomputer")
    assert "Countries: 🇯🇵 Japan" in out
    assert "— Haruto Ishida" in out
    assert "JPY 120 billion ≈ USD" in out and "12,000 GPUs" in out
    refused = sovai("analyze", "--url", url, cwd=tmp_path)  # default limits: no private hosts
    assert refused.returncode == 2 and "non-public address" in refused.stderr
