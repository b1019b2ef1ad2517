"""A feed item that is only text, through the real poll path: stored, never fetched, in
the digest with its text and without a link, and the same item on the next poll.

RSS 2.0 allows an item with no guid, link or title (a description is enough); such
items used to be dropped without a word. The feed is served by a real local server and
polled by `sovai poll --once` as a user runs it.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk.models.blocks import Block

from bot.feeds.fetch import Fetcher, FetchResult
from bot.ingest import FeedReport, poll_feed
from bot.settings import FeedConfig, FetchConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.feed_server import FeedSite, serve_feed
from tests.integration.run_cli import sovai

KENYA = (
    "Kenya&amp;#8217;s ministry of information will build a national AI supercomputer "
    "with 2,000 GPUs, as the government funds sovereign AI compute for local-language "
    "models and public research."
)
KENYA_SHOWN = "Kenya\u2019s ministry of information will build a national AI supercomputer"
CHILE = (
    "Chile will fund a sovereign AI cloud with 500 GPUs for its universities, the "
    "science ministry said, so that national models are trained at home."
)


def feed(site: FeedSite, *descriptions: str) -> bytes:
    """Description-only items, then one ordinary item that links to a page on the site."""
    items = "".join(f"<item><description>{text}</description></item>" for text in descriptions)
    linked = (
        f"<item><title>Kenya AI item 7</title><link>{site.url('/a/7.html')}</link>"
        "<guid>item-7</guid></item>"
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        f"{items}{linked}</channel></rss>"
    ).encode()


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with serve_feed() as running:
        yield running


def config(tmp_path: Path, site: FeedSite) -> str:
    path = tmp_path / "sovai.yaml"
    path.write_text(
        f"""
database: sqlite:///{tmp_path}/sovai.db
feeds:
  - url: {site.url("/feed.xml")}
    name: Nairobi Desk
digest: {{time: "08:00", timezone: UTC, max_stories: 8}}
fetch: {{allow_private_networks: true, timeout: 10}}
""",
        encoding="utf-8",
    )
    return str(path)


def stored_entries(tmp_path: Path) -> list[tuple[str, str | None, str | None, str | None]]:
    with sqlite3.connect(tmp_path / "sovai.db") as db:
        rows = db.execute("SELECT entry_key, url, title, summary FROM entries ORDER BY id")
        return list(rows)


def preview(cfg: str, tmp_path: Path, fmt: str) -> str:
    shown = sovai("--config", cfg, "digest", "--preview", "--format", fmt, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def test_a_description_only_item_is_stored_and_shown_without_a_link(
    tmp_path: Path, site: FeedSite
) -> None:
    cfg = config(tmp_path, site)
    site.feed = feed(site, KENYA)
    polled = sovai("--config", cfg, "poll", "--once", "--backfill", cwd=tmp_path)
    assert polled.returncode == 0, polled.stderr

    linkless, linked = stored_entries(tmp_path)
    key, url, title, summary = linkless
    assert key.startswith("sha1:") and url is None and title is None
    assert summary is not None and summary.startswith(KENYA_SHOWN)  # references decoded
    assert linked[0] == "item-7"
    assert site.requests.count("/a/7.html") == 1  # the linked item's page is read
    assert [p for p in site.requests if p != "/feed.xml"] == ["/a/7.html"]  # nothing else

    text = preview(cfg, tmp_path, "text")
    (headline,) = [line for line in text.splitlines() if KENYA_SHOWN in line and "•" in line]
    assert "(Nairobi Desk)" in headline  # headed by its first sentence, from its feed
    assert "sha1:" not in text and "&#8217;" not in text
    assert site.url("/a/7.html") in text  # the ordinary item keeps its link

    markdown = preview(cfg, tmp_path, "markdown")
    assert f"### {KENYA_SHOWN}" in markdown and "sha1:" not in markdown

    slack = json.loads(preview(cfg, tmp_path, "slack"))
    for message in slack:
        for block in message["blocks"]:
            Block.parse(block).validate_json()  # type: ignore[union-attr]
    slack_text = json.dumps(slack, ensure_ascii=False)
    assert f"*{KENYA_SHOWN}" in slack_text and "sha1:" not in slack_text

    discord = json.loads(preview(cfg, tmp_path, "discord"))
    embeds = [e for message in discord for e in message.get("embeds", [])]
    (kenya,) = [e for e in embeds if e["title"].startswith(KENYA_SHOWN)]
    assert "url" not in kenya and "sha1:" not in json.dumps(discord)


def test_the_same_text_is_the_same_item_on_the_next_poll(tmp_path: Path, site: FeedSite) -> None:
    cfg = config(tmp_path, site)
    site.feed = feed(site, KENYA)
    assert sovai("--config", cfg, "poll", "--once", "--backfill", cwd=tmp_path).returncode == 0
    first = stored_entries(tmp_path)

    site.feed = feed(site, CHILE, f"<![CDATA[{KENYA.replace('&amp;', '&')}]]>", KENYA)
    again = sovai("--config", cfg, "poll", "--once", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    second = stored_entries(tmp_path)
    assert second[: len(first)] == first  # Kenya, written as CDATA or listed twice: seen
    (chile,) = second[len(first) :]  # only Chile's text is new
    assert chile[0].startswith("sha1:") and chile[0] != first[0][0]
    assert chile[3] == CHILE
    assert [p for p in site.requests if p != "/feed.xml"] == ["/a/7.html"]

    text = preview(cfg, tmp_path, "text")
    assert "Chile will fund a sovereign AI cloud with 500 GPUs" in text
    headlines = [line for line in text.splitlines() if line.startswith("  • ")]
    assert len([line for line in headlines if KENYA_SHOWN in line]) == 1  # one story


class RecordingFetcher(Fetcher):
    """The real fetcher, noting every URL it is asked for."""

    def __init__(self, config: FetchConfig) -> None:
        super().__init__(config)
        self.asked: list[str] = []

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        self.asked.append(url)
        return await super().fetch(url, etag=etag, last_modified=last_modified)


ATOM_IDS_NOT_LINKS = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom notes</title><id>urn:notes</id>
<entry><id>tag:notes.example,2026:1</id><title>Chile funds a sovereign AI cloud</title>
<summary type="text">Chile will fund a sovereign AI cloud with 500 GPUs for its universities,
the science ministry said, so that national models are trained at home.</summary></entry>
<entry><summary type="html">&lt;p&gt;Kenya&amp;#8217;s ministry will build a national AI
supercomputer with 2,000 GPUs for local-language models.&lt;/p&gt;</summary></entry>
</feed>"""


def test_entries_without_a_web_link_are_read_from_their_own_text(
    tmp_path: Path, site: FeedSite
) -> None:
    """An Atom id such as `tag:…` stands in for a missing link, and an entry may have no
    id at all: neither is fetched (not even tried); their text is what is analysed."""
    site.feed = ATOM_IDS_NOT_LINKS
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    upgrade(engine)
    store = Store(engine)
    feed_url = site.url("/feed.xml")
    store.sync_feeds([FeedConfig(url=feed_url)], datetime.now(UTC))

    async def poll() -> tuple[FeedReport, list[str]]:
        fetcher = RecordingFetcher(FetchConfig(timeout=10, allow_private_networks=True))
        try:
            report = await poll_feed(store.feeds()[0], store, fetcher, backfill=True)
        finally:
            await fetcher.aclose()
        return report, fetcher.asked

    try:
        report, asked = asyncio.run(poll())
        assert (report.status, report.new_entries, report.articles) == ("ok", 2, 2)
        assert asked == [feed_url]  # the feed, and no article page
        with sqlite3.connect(tmp_path / "sovai.db") as db:
            rows = db.execute("SELECT url, title, text, source FROM articles ORDER BY id")
            chile, kenya = rows.fetchall()
    finally:
        store.close()
        engine.dispose()
    assert chile[1] == "Chile funds a sovereign AI cloud"
    assert chile[2].startswith("Chile will fund a sovereign AI cloud with 500 GPUs")
    # no title: headed by its first sentence (the whole text here), analysed as written
    headline = "Kenya\u2019s ministry will build a national AI supercomputer with 2,000 GPUs for"
    assert kenya[1] == f"{headline} local-language models." == kenya[2]
    assert kenya[0].startswith("sha1:")  # the entry's key, where a link would be
    assert kenya[3] == "Atom notes"  # the feed's title names its source
