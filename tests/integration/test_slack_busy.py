"""A busy Slack channel: a crash mid-digest, 200 messages from others after each part,
and the restart still posts no part twice (issue 11: "part 1 reposted: the history check
reads at most 500 messages")."""

from __future__ import annotations

import os
import signal
from datetime import timedelta
from pathlib import Path

from bot.runtime import open_store
from bot.settings import load_settings
from tests.integration.fake_slack import TOKEN, serve_fake_slack
from tests.integration.test_kill_sends import START, Forks, add_stories

CHANNEL = "C0BUSY"


def test_a_crash_in_a_busy_channel_reposts_nothing(tmp_path: Path) -> None:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"database: sqlite:///{tmp_path}/sovai.db\nsubscriptions:\n"
        f"  - {{platform: slack, channel: {CHANNEL}, max_stories: 12}}\n",
        encoding="utf-8",
    )
    with serve_fake_slack() as slack, (tmp_path / "forks.log").open("w") as log:
        env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.api_url}
        store = open_store(load_settings(config, environ=env))
        add_stories(store, 1, START - timedelta(minutes=1))
        slack.max_blocks = 8  # the digest goes out in several pieces...
        slack.chatter = 200  # ...each followed by 200 messages from others
        slack.hold_at = 4  # the 4th piece is posted, its answer never arrives
        forks = Forks(config, "http://127.0.0.1:9/api/v10", env, log)
        try:
            pid = int(forks._ask(f"go {START.isoformat()}"))
            assert slack.held.wait(60), (tmp_path / "forks.log").read_text()
            os.kill(pid, signal.SIGKILL)  # the sender dies with the answer in flight
            assert int(forks._ask(f"wait {pid}")) == -signal.SIGKILL
            slack.release.set()
            slack.hold_at = None
            assert forks.round(START, None) == 0  # the restart
        finally:
            forks.close()
    assert store.unsent_deliveries() == []
    mine = [m for m in slack.messages(CHANNEL) if m.get("metadata")]
    pieces = [(p["part"], p.get("piece")) for p in (m["metadata"]["event_payload"] for m in mine)]
    assert len(pieces) >= 4 and len(set(pieces)) == len(pieces), pieces  # nothing twice
    assert len(slack.messages(CHANNEL)) - len(mine) > 600  # deeper than 500 messages
    store.close()
