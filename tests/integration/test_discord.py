"""Discord end to end against a local fake of its REST API: commands, digests, crashes."""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import redirect_stdout
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

import discord
import pytest
from discord.http import Route

from bot.chat.commands import COMMANDS, CommandContext, Commands
from bot.chat.delivery import (
    DeliveryError,
    DeliveryOutcome,
    digest_for,
    resend_unsent,
    send_digest,
)
from bot.chat.discord_app import (
    ADMIN_COMMANDS,
    SovaiDiscord,
    discord_command,
    serve_discord,
)
from bot.chat.discord_cli import add_discord_commands
from bot.chat.discord_sender import digest_nonce
from bot.feeds.fetch import Fetcher
from bot.models import Analysis, Article, Entry, Reply
from bot.render.discord_embeds import EMBEDS_TOTAL_MAX, embed_units
from bot.runtime import open_store, senders_for
from bot.settings import FeedConfig, Settings, load_settings
from bot.store.repo import Store
from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_discord import APP_ID, FORUM, GUILD_ID, TOKEN, FakeDiscord
from tests.integration.fake_discord import serve_discord as serve_fake
from tests.integration.site_server import serve_site

EPHEMERAL = 64
MANAGE_GUILD = 1 << 5
CHANNEL = "2200000000000000001"  # where the test interactions come from
Answers = list[tuple[str, dict[str, Any], float]]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    with serve_fake() as running:
        monkeypatch.setattr(Route, "BASE", running.base)
        yield running


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[ChatBot]:
    with serve_site() as site:
        bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
        bot.settings = load_settings(bot.settings.path, environ={"DISCORD_BOT_TOKEN": TOKEN})
        yield bot
        bot.store.close()


# -- slash commands --------------------------------------------------------------------


def interaction(name: str, admin: bool = False, kind: int = 2, **options: Any) -> dict[str, Any]:
    """An interaction as Discord sends it: a member (with or without Manage Server) in a
    guild text channel runs /ai-<name>, or (kind 4) is typing its last option."""
    opts = [
        {"name": k, "type": 4 if isinstance(v, int) else 3, "value": v} for k, v in options.items()
    ]
    if kind == 4:
        opts[-1]["focused"] = True
    return {
        "id": str(time.time_ns()),
        "application_id": APP_ID,
        "type": kind,
        "token": f"itok-{time.time_ns()}",
        "version": 1,
        "guild_id": GUILD_ID,
        "channel": {
            **{"id": CHANNEL, "type": 0, "guild_id": GUILD_ID, "name": "news", "position": 0},
            **{"permission_overwrites": [], "nsfw": False, "parent_id": None},
        },
        "member": {
            "user": {"id": "33", "username": "ann", "discriminator": "0", "avatar": None},
            "roles": [],
            "joined_at": "2025-01-01T00:00:00+00:00",
            "permissions": str(MANAGE_GUILD if admin else 0),
            **{"flags": 0, "deaf": False, "mute": False},
        },
        "data": {"id": "44", "name": f"ai-{name}", "type": 1, "options": opts},
        "attachment_size_limit": 8_388_608,
    }


class SlowCommands(Commands):
    async def handle(self, name: str, text: str, ctx: CommandContext) -> Reply:
        await asyncio.sleep(1.0)
        return await super().handle(name, text, ctx)


def run(fake: FakeDiscord, chat: ChatBot, payload: dict[str, Any], slow: bool = False) -> Answers:
    """Dispatch the interaction through the bot's tree; what the fake received, checked
    for Discord's 3-second deadline, disabled mentions and embed limits."""

    async def go() -> None:
        fetcher = Fetcher(chat.settings.config.fetch)
        senders = senders_for(chat.settings)
        kind = SlowCommands if slow else Commands
        client = SovaiDiscord(kind(chat.settings, chat.store, fetcher, senders, ADMIN_COMMANDS))
        client.ack_seconds = 0.2
        try:
            await client.login(TOKEN)
            data = cast(Any, payload)
            await client.tree._call(discord.Interaction(data=data, state=client._connection))
        finally:
            await client.close()
            await fetcher.aclose()

    started = time.time()
    asyncio.run(asyncio.wait_for(go(), 30))
    answers = fake.interactions[payload["token"]]
    assert answers[0][2] - started < 3.0
    for _, body, _ in answers:
        data = body.get("data") or body
        if "embeds" in data or "content" in data:  # anything shown: never a ping
            assert data["allowed_mentions"] == {"parse": []}
        embeds = data.get("embeds", [])
        assert all(
            len(e.get("title", "")) <= 256 and len(e.get("fields", [])) <= 25 for e in embeds
        )
        assert len(embeds) <= 10 and sum(embed_units(e) for e in embeds) <= EMBEDS_TOTAL_MAX
    return answers


def test_the_tree_has_every_command_and_marks_the_admin_ones() -> None:
    client = SovaiDiscord()
    tree = {c.name: c.to_dict(client.tree) for c in client.tree.get_commands()}
    assert set(tree) == {f"ai-{name}" for name in COMMANDS}
    for name in ("ai-subscribe", "ai-unsubscribe"):
        assert tree[name]["default_member_permissions"] == MANAGE_GUILD
    assert tree["ai-sources"]["default_member_permissions"] is None  # listing is for all
    assert tree["ai-country"]["options"][0]["autocomplete"] is True
    assert [c["value"] for c in tree["ai-digest"]["options"][0]["choices"]] == ["preview", "now"]
    assert client.intents == discord.Intents.default()
    assert not (client.intents.members or client.intents.presences)
    assert not client.intents.message_content


def test_invite_url_and_sync(fake: FakeDiscord, chat: ChatBot) -> None:
    parser = argparse.ArgumentParser()
    add_discord_commands(parser.add_subparsers(dest="command"))
    out = io.StringIO()
    with redirect_stdout(out):
        assert discord_command(chat.settings, parser.parse_args(["discord", "invite"])) == 0
    query = parse_qs(urlsplit(out.getvalue().strip()).query)
    assert query["client_id"] == [APP_ID]
    assert query["scope"] == ["bot applications.commands"]
    # Discord's bits: View Channel 10, Send Messages 11, Embed Links 14, Attach Files 15,
    # Read Message History 16, Send Messages in Threads 38 (a forum post needs only Send
    # Messages)
    assert query["permissions"] == [str(sum(1 << bit for bit in (10, 11, 14, 15, 16, 38)))]
    with redirect_stdout(out):
        args = parser.parse_args(["discord", "sync", "--guild", "7"])
        assert discord_command(chat.settings, args) == 0
    (put,) = fake.posted("PUT", r"/commands$")
    assert put.path.endswith(f"/applications/{APP_ID}/guilds/7/commands") and len(put.body) == len(
        COMMANDS
    )
    assert f"synced {len(COMMANDS)} commands in server 7" in out.getvalue()


@pytest.mark.parametrize(
    ("name", "options", "says"),
    [
        ("help", {}, "/ai-country"),
        ("country", {"country": "JP", "days": 7}, "Japan: sovereign AI in the last 7 days"),
        ("search", {"words": "supercomputer"}, "Japan unveils national AI supercomputer"),
        ("sources", {}, "1 source"),
        ("compare", {"countries": "JP korea", "days": 30}, "Japan, South Korea"),
        ("compare", {"countries": "JP " * 30}, "Compare 2 to 6 countries"),
        ("speaker", {"person": "Ishida"}, "Haruto Ishida"),
        ("speaker", {"person": "@everyone <@123>"}, "No one named"),
        ("alert", {}, "No alerts here"),
        ("alert", {"action": "add", "rule": "money>=1bn"}, "Only admins"),
        ("export", {"country": "JP"}, "announcements of the last 365 days"),
    ],
)
def test_each_command_answers_privately_with_embeds(
    fake: FakeDiscord, chat: ChatBot, name: str, options: dict[str, Any], says: str
) -> None:
    answers = run(fake, chat, interaction(name, **options))
    assert says in json.dumps([body for _, body, _ in answers], ensure_ascii=False)
    assert answers[0][1]["data"]["flags"] == EPHEMERAL  # answer or deferral: the asker's only


def test_subscribe_preview_and_post_a_digest(fake: FakeDiscord, chat: ChatBot) -> None:
    refused = run(fake, chat, interaction("subscribe", countries="JP"))
    assert "Only admins" in json.dumps(refused) and refused[0][1]["data"]["flags"] == EPHEMERAL
    assert chat.store.subscription_for("discord", CHANNEL) is None

    done = run(fake, chat, interaction("subscribe", admin=True, countries="JP korea"))
    assert "Japan, South Korea" in json.dumps(done, ensure_ascii=False)
    assert done[0][1]["data"].get("flags", 0) == 0  # the channel sees it was subscribed

    preview = run(fake, chat, interaction("digest"))
    assert preview[0][1] == {"type": 5, "data": {"flags": EPHEMERAL}}  # deferred, private
    assert preview[1][0] == "followup" and "Japan unveils" in json.dumps(preview[1:])

    fake.channels[CHANNEL] = {"id": CHANNEL, "type": 0, "guild_id": GUILD_ID, "name": "news"}
    fake.messages[CHANNEL] = []
    posted = run(fake, chat, interaction("digest", mode="now"))
    assert "Posted the digest (2 stories)" in json.dumps(posted)
    (message,) = fake.messages[CHANNEL]
    assert "Japan unveils" in json.dumps(message["embeds"])
    assert posted[0][2] <= fake.posted()[0].at  # acknowledged before posting


def test_non_admins_cannot_change_sources(fake: FakeDiscord, chat: ChatBot) -> None:
    answers = run(fake, chat, interaction("sources", action="add", target="http://x.test/f"))
    assert "Only admins can add or remove sources" in json.dumps(answers)
    assert len(chat.store.feeds()) == 1


def test_a_slow_command_defers_then_follows_up(fake: FakeDiscord, chat: ChatBot) -> None:
    (kind, deferral, at), (follow, body, later) = run(fake, chat, interaction("help"), slow=True)
    assert (kind, deferral["type"], follow) == ("callback", 5, "followup")
    assert later - at > 0.5 and "/ai-country" in json.dumps(body)


def test_autocomplete_countries_and_time_zones(fake: FakeDiscord, chat: ChatBot) -> None:
    def choices(name: str, **options: Any) -> list[tuple[str, str]]:
        (answer,) = run(fake, chat, interaction(name, kind=4, **options))
        assert answer[1]["type"] == 8
        return [(c["name"], c["value"]) for c in answer[1]["data"]["choices"]]

    assert ("Japan (JP)", "JP") in choices("country", country="jap")
    assert ("Japan (JP)", "JP") in choices("country", country="Japanese")
    assert ("JP South Korea (KR)", "JP KR") in choices("subscribe", countries="JP kor")
    assert ("Asia/Tokyo", "Asia/Tokyo") in choices("subscribe", countries="JP", tz="tokyo")
    chat.store.subscribe("discord", CHANNEL, datetime.now(UTC), countries=["KE"])
    assert choices("country", country="")[0] == ("Kenya (KE)", "KE")  # subscribed first


# -- digests ---------------------------------------------------------------------------


def digest_setup(tmp_path: Path, sub: str, env: dict[str, str], stories: int = 12) -> Any:
    """Settings with these subscriptions (YAML flow mappings, one a line), and a store."""
    subs = "".join(f"  - {line}\n" for line in sub.splitlines())
    config = tmp_path / "sovai.yaml"
    config.write_text(f"database: sqlite:///{tmp_path}/sovai.db\nsubscriptions:\n{subs}")
    settings = load_settings(config, environ=env)
    store = open_store(settings)
    add_stories(store, stories, datetime.now(UTC))
    return settings, store


def add_stories(store: Store, count: int, now: datetime) -> None:  # read two hours ago
    """`count` Japanese stories with long summaries (12 make two messages); the first
    headline tries to ping everyone and a role."""
    store.sync_feeds([FeedConfig(url="https://example.org/feed", name="Desk")], now)
    feed, read = store.feeds()[0].id, now - timedelta(hours=2)
    towns = ["Tokyo", "Osaka", "Kyoto", "Nagoya", "Sapporo", "Fukuoka", "Kobe", "Sendai"]
    towns += ["Chiba", "Nara", "Kochi", "Oita"]
    for i, town in enumerate(towns[:count]):
        title = f"{town} council funds {100 * (i + 1)} GPUs for a {town} AI centre"
        title = f"@everyone <@&123> {title}" if i == 0 else title
        url = f"https://example.org/{i}"
        (new,) = store.add_entries(feed, [Entry(key=url, url=url, title=title)], read)
        article = Article(url=url, canonical_url=url, title=title, text=title)
        summary = (f"{title}. " + f"{town} plans more. " * 30,)
        analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=summary)
        store.save_article(new.id, article, analysis, "1", read)


def send(settings: Settings, store: Store, now: datetime | None = None) -> DeliveryOutcome:
    sub = store.subscriptions()[0]
    sender = senders_for(settings)["discord"]
    config = settings.config.digest
    return asyncio.run(send_digest(store, sub, config, sender, now or datetime.now(UTC)))


def test_a_digest_is_posted_once_without_pings(tmp_path: Path, fake: FakeDiscord) -> None:
    channel = fake.add_channel()
    sub = f"{{platform: discord, channel: '{channel}', max_stories: 12}}"
    settings, store = digest_setup(tmp_path, sub, {"DISCORD_BOT_TOKEN": TOKEN})
    now = datetime.now(UTC)
    digest = digest_for(store, store.subscriptions()[0], settings.config.digest, now)
    assert send(settings, store, now).status == "sent"
    posts = fake.posted()
    assert len(posts) == len(fake.messages[channel]) == 2
    for part, post in enumerate(posts, 1):
        assert post.body["allowed_mentions"] == {"parse": []}
        assert post.body["nonce"] == digest_nonce(digest.key, part)
        assert post.body["enforce_nonce"] is True and len(post.body["nonce"]) <= 25
        assert post.body["content"].endswith(f"-# digest {digest.key} · part {part}/2")
    text = json.dumps([p.body for p in posts], ensure_ascii=False)
    assert "@everyone" not in text and "<@&123>" not in text and "@\u200beveryone" in text
    sender = senders_for(settings)["discord"]
    asyncio.run(sender.send(store.subscriptions()[0], digest))  # a retry: both parts are there
    assert len(fake.posted()) == 2 and len(fake.messages[channel]) == 2
    store.close()


def test_a_forum_gets_one_post_per_digest(tmp_path: Path, fake: FakeDiscord) -> None:
    forum = fake.add_channel(FORUM, "digests")
    sub = f"{{platform: discord, channel: '{forum}', max_stories: 12}}"
    settings, store = digest_setup(tmp_path, sub, {"DISCORD_BOT_TOKEN": TOKEN})
    now = datetime.now(UTC)
    digest = digest_for(store, store.subscriptions()[0], settings.config.digest, now)
    assert send(settings, store, now).status == "sent"
    (opened,) = fake.posted("POST", r"/threads$")
    assert opened.body["message"]["allowed_mentions"] == {"parse": []}
    (thread,) = [c for c in fake.channels.values() if c.get("parent_id") == forum]
    assert len(fake.messages[thread["id"]]) == 2 and fake.messages[forum] == []
    asyncio.run(senders_for(settings)["discord"].send(store.subscriptions()[0], digest))
    assert len(fake.posted("POST", r"/threads$")) == 1  # a retry finds the post
    assert len(fake.messages[thread["id"]]) == 2
    store.close()


def test_rate_limits_are_waited_out_or_reported(tmp_path: Path, fake: FakeDiscord) -> None:
    channel = fake.add_channel()
    settings, store = digest_setup(
        tmp_path, f"{{platform: discord, channel: '{channel}'}}", {"DISCORD_BOT_TOKEN": TOKEN}, 1
    )
    fake.rate_limit("POST", r"/messages$", retry_after=120)  # longer than we wait
    started = time.monotonic()
    outcome = send(settings, store)
    assert outcome.status == "failed" and "wait 120 s" in str(outcome.error)
    assert time.monotonic() - started < 10 and len(store.unsent_deliveries()) == 1  # queued
    fake.rate_limit("POST", r"/messages$", retry_after=0.3)
    (retried,) = asyncio.run(
        resend_unsent(store, settings.config.digest, senders_for(settings), datetime.now(UTC))
    )
    assert retried.status == "sent" and len(fake.messages[channel]) == 1
    assert len(fake.posted()) == 3  # refused, refused once more, then posted
    store.close()


def test_webhook_posts_and_a_deleted_one_stops(
    tmp_path: Path, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = fake.add_channel()
    monkeypatch.setenv("DISCORD_WEBHOOK_NEWS", fake.add_webhook(channel))
    monkeypatch.setenv("DISCORD_WEBHOOK_OLD", fake.add_webhook(channel))
    fake.webhooks[max(fake.webhooks)]["deleted"] = True
    subs = (
        "{platform: discord, channel: news, webhook_url_env: DISCORD_WEBHOOK_NEWS}\n"
        "{platform: discord, channel: old, webhook_url_env: DISCORD_WEBHOOK_OLD}"
    )
    settings, store = digest_setup(tmp_path, subs, {}, 1)
    assert send(settings, store).status == "sent"
    (post,) = fake.posted("POST", r"/webhooks/")
    assert post.query["wait"] in ("1", "true") and post.body["allowed_mentions"] == {"parse": []}
    assert "@\u200beveryone" in json.dumps(post.body, ensure_ascii=False)
    assert fake.messages[channel][0]["author"]["username"] == "news"

    sender = senders_for(settings)["discord"]
    old = store.subscriptions()[1]
    now = datetime.now(UTC)
    outcome = asyncio.run(send_digest(store, old, settings.config.digest, sender, now))
    assert outcome.status == "failed" and "unknown webhook" in str(outcome.error)
    assert store.subscriptions()[1].last_error == outcome.error
    assert store.unsent_deliveries() == []  # failed for good, not queued
    requests = len(fake.requests)
    digest = digest_for(store, old, settings.config.digest, now, since=timedelta(days=1))
    with pytest.raises(DeliveryError) as refused:
        asyncio.run(sender.send(old, digest))
    assert refused.value.permanent and len(fake.requests) == requests  # no more requests
    store.close()


def test_a_forum_webhook_opens_a_post(
    tmp_path: Path, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    forum = fake.add_channel(FORUM)
    monkeypatch.setenv("DISCORD_WEBHOOK_NEWS", fake.add_webhook(forum))
    sub = (
        "{platform: discord, channel: news, webhook_url_env: DISCORD_WEBHOOK_NEWS, max_stories: 12}"
    )
    settings, store = digest_setup(tmp_path, sub, {})
    assert send(settings, store).status == "sent"
    (thread,) = [c for c in fake.channels.values() if c.get("parent_id") == forum]
    assert len(fake.messages[thread["id"]]) == 2
    first, retried, second = fake.posted("POST", r"/webhooks/")
    assert "thread_name" not in first.body and retried.body["thread_name"]
    assert second.query["thread_id"] == thread["id"]
    store.close()


@pytest.mark.parametrize(
    ("trouble", "says"),
    [
        ("deleted", "unknown channel (404"),
        ("no access", "missing access (403"),
        ("a name", "'news' is not a Discord channel ID"),
    ],
)
def test_channels_that_cannot_work_fail_for_good(
    tmp_path: Path, fake: FakeDiscord, trouble: str, says: str
) -> None:
    channel = {"deleted": "123", "a name": "news"}.get(trouble) or fake.add_channel()
    if trouble == "no access":
        fake.channels[channel]["no_access"] = True
    settings, store = digest_setup(
        tmp_path, f"{{platform: discord, channel: '{channel}'}}", {"DISCORD_BOT_TOKEN": TOKEN}, 1
    )
    outcome = send(settings, store)
    assert outcome.status == "failed" and says in str(outcome.error)
    assert store.unsent_deliveries() == []  # failed for good, not queued
    store.close()


def test_a_refused_token_stops_after_three_tries(tmp_path: Path, fake: FakeDiscord) -> None:
    channel = fake.add_channel()
    settings, store = digest_setup(
        tmp_path, f"{{platform: discord, channel: '{channel}'}}", {"DISCORD_BOT_TOKEN": "bad"}, 1
    )
    senders = senders_for(settings)
    config, now, sub = settings.config.digest, datetime.now(UTC), store.subscriptions()[0]
    outcome = asyncio.run(send_digest(store, sub, config, senders["discord"], now))
    assert outcome.status == "failed" and len(store.unsent_deliveries()) == 1  # may be a blip
    (second,) = asyncio.run(resend_unsent(store, config, senders, now))
    assert second.status == "failed" and len(store.unsent_deliveries()) == 1
    (third,) = asyncio.run(resend_unsent(store, config, senders, now))
    assert "3 times in a row" in str(third.error) and store.unsent_deliveries() == []
    requests = len(fake.requests)
    digest = digest_for(store, sub, config, now, since=timedelta(days=1))
    with pytest.raises(DeliveryError) as refused:
        asyncio.run(senders["discord"].send(sub, digest))
    assert refused.value.permanent and len(fake.requests) == requests  # nothing more sent
    store.close()


CRASHING_RUN = """
import asyncio, sys
from datetime import datetime
from pathlib import Path
from discord.http import Route
from bot.chat.delivery import send_digest
from bot.runtime import open_store, senders_for
from bot.settings import load_settings

Route.BASE = sys.argv[2]
settings = load_settings(Path(sys.argv[1]))
store = open_store(settings)
sub = store.subscriptions()[0]
sender = senders_for(settings)["discord"]
now = datetime.fromisoformat(sys.argv[3])
asyncio.run(send_digest(store, sub, settings.config.digest, sender, now))
"""


@pytest.mark.parametrize("nonces_remembered", [True, False])
def test_killed_between_send_and_mark_posts_one_copy(
    tmp_path: Path, fake: FakeDiscord, nonces_remembered: bool
) -> None:
    channel = fake.add_channel()
    sub = f"{{platform: discord, channel: '{channel}', max_stories: 12}}"
    settings, store = digest_setup(tmp_path, sub, {"DISCORD_BOT_TOKEN": TOKEN})
    script = tmp_path / "crashing_run.py"
    script.write_text(CRASHING_RUN, encoding="utf-8")
    now = datetime.now(UTC)
    fake.hold_at = 1  # part 1 is stored; its answer never comes
    env = {**os.environ, "DISCORD_BOT_TOKEN": TOKEN}
    args = [sys.executable, str(script), str(settings.path), fake.base, now.isoformat()]
    log = tmp_path / "crashing_run.log"
    with log.open("wb") as err, subprocess.Popen(args, env=env, stderr=err) as proc:
        try:
            assert fake.held.wait(60), log.read_text(errors="replace")
            proc.send_signal(signal.SIGKILL)  # no cleanup, no "sent" mark
            assert proc.wait(10) == -signal.SIGKILL
        finally:
            proc.kill()
    (row,) = store.unsent_deliveries()
    assert row.status == "sending" and len(fake.messages[channel]) == 1
    if not nonces_remembered:
        fake.forget_nonces()  # restarted long after: only the channel's history can tell
    outcomes = asyncio.run(
        resend_unsent(store, settings.config.digest, senders_for(settings), datetime.now(UTC))
    )
    assert [o.status for o in outcomes] == ["sent"] and store.unsent_deliveries() == []
    contents = [m["content"] for m in fake.messages[channel]]
    assert [c.rsplit("part ", 1)[1] for c in contents] == ["1/2", "2/2"]  # one copy of each
    first, second = fake.posted()
    assert first.body["nonce"] == digest_nonce(row.digest_key, 1)
    assert second.body["nonce"] == digest_nonce(row.digest_key, 2)
    store.close()


def test_discord_failing_to_log_in_does_not_stop_the_rest(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    settings, store = digest_setup(
        tmp_path, "{platform: terminal, channel: stdout}", {"DISCORD_BOT_TOKEN": "refused"}, 1
    )

    async def together() -> bool:
        stop = asyncio.Event()
        ticks: list[int] = []

        async def scheduler() -> None:
            while not stop.is_set():
                ticks.append(1)
                await asyncio.sleep(0.05)

        other = asyncio.create_task(scheduler())
        await asyncio.wait_for(serve_discord(settings, store, senders_for(settings), stop), 15)
        alive = not other.done()
        stop.set()
        await other
        return alive and len(ticks) > 0

    assert asyncio.run(together())
    assert fake.posted("GET", r"/users/@me$")  # it did try
    store.close()


def test_a_webhook_digest_cut_short_is_finished_not_reposted(
    tmp_path: Path, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    channel = fake.add_channel()
    monkeypatch.setenv("DISCORD_WEBHOOK_NEWS", fake.add_webhook(channel))
    settings, store = digest_setup(
        tmp_path,
        "{platform: discord, channel: news, webhook_url_env: DISCORD_WEBHOOK_NEWS,"
        " max_stories: 12}",
        {},
    )
    fake.fail_later("POST", r"/webhooks/", 400, after=1, code=0, message="try again")
    sender = senders_for(settings)["discord"]
    sub = store.subscriptions()[0]
    now = datetime.now(UTC)
    first = asyncio.run(send_digest(store, sub, settings.config.digest, sender, now))
    assert first.status == "failed" and len(fake.messages[channel]) == 1  # part 2 refused
    (retried,) = asyncio.run(resend_unsent(store, settings.config.digest, {"discord": sender}, now))
    assert retried.status == "sent"
    assert len(fake.messages[channel]) == 2  # part 2 added, part 1 not posted again
    store.close()
