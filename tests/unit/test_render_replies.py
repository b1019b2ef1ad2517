"""Command replies rendered for Slack and Discord stay within the platforms' limits."""

from __future__ import annotations

import json

from bot.models import Reply, ReplySection
from bot.render.replies import reply_discord, reply_slack
from bot.render.safe import units
from bot.render.slack_blocks import MESSAGE_TEXT_BUDGET

LONG = Reply(
    title="<!channel> Stories matching 'gpu'",
    sections=tuple(
        ReplySection(
            text=("Summary sentence. " * 150) + "\nA second line.",
            title=f"Story {i}",
            url=f"https://example.org/{i}?" + "x" * 3000,
        )
        for i in range(40)
    ),
)


def test_a_long_slack_reply_is_cut_to_the_message_budget_and_says_so() -> None:
    (message,) = reply_slack(LONG)
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert all(units(text) <= 3_000 for text in sections)
    assert sum(units(text) for text in sections) <= MESSAGE_TEXT_BUDGET
    assert len(message["blocks"]) <= 50
    assert "more not shown" in json.dumps(message["blocks"])
    assert "<!channel>" not in message["text"]  # the notification text is escaped too


def test_a_long_discord_reply_fits_one_message() -> None:
    (message,) = reply_discord(LONG)
    (embed,) = message["embeds"]
    size = units(embed["title"]) + sum(
        units(f["name"]) + units(f["value"]) for f in embed["fields"]
    )
    assert size <= 6_000 and len(embed["fields"]) <= 25
    assert "more not shown" in embed["footer"]["text"]
    assert message["allowed_mentions"] == {"parse": []}
