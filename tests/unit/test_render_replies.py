"""Command replies rendered for Slack and Discord stay within the platforms' limits."""

from __future__ import annotations

import json
from dataclasses import replace

from bot.models import Reply, ReplySection
from bot.render.discord_embeds import EMBEDS_TOTAL_MAX, embed_units
from bot.render.replies import reply_discord, reply_slack
from bot.render.safe import units
from bot.render.slack_blocks import MESSAGE_TEXT_BUDGET, text_units
from tests.unit.block_kit import assert_block_kit

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
    assert_block_kit(message)
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


TOTALS = tuple(
    (f"Total {i} " + "n" * 300, "KRW 1 trillion ≈ USD 700 million. " * 80) for i in range(12)
)
WIDE = replace(LONG, fields=TOTALS, footer="Totals count each announcement once. " * 60)


def test_a_slack_reply_counts_its_fields_and_footer_toward_the_message_budget() -> None:
    (message,) = reply_slack(WIDE)
    assert_block_kit(message)  # every field within 2,000, all text within the budget
    (fields,) = [b["fields"] for b in message["blocks"] if "fields" in b]
    assert len(fields) == 10 and all(f["text"].startswith("*Total ") for f in fields)
    assert text_units(message["blocks"]) + units(message["text"]) <= MESSAGE_TEXT_BUDGET
    # the two totals beyond Slack's ten fields and the stories that did not fit are counted
    sections = [b for b in message["blocks"] if b["type"] == "section" and "text" in b]
    left = len(LONG.sections) - len(sections) + 2
    assert f"and {left} more not shown" in json.dumps(message["blocks"], ensure_ascii=False)
    assert "Totals count each announcement once." in json.dumps(message["blocks"])


def test_a_slack_reply_with_short_totals_keeps_them_whole() -> None:
    reply = Reply(title="Japan", fields=(("Announced money", "$1.2B"), ("GPUs", "18,000")))
    (message,) = reply_slack(reply)
    assert_block_kit(message)
    texts = [f["text"] for f in message["blocks"][1]["fields"]]
    assert texts == ["*Announced money*\n$1.2B", "*GPUs*\n18,000"]


def test_a_discord_reply_counts_its_fields_and_footer_toward_6000() -> None:
    (message,) = reply_discord(WIDE)
    (embed,) = message["embeds"]
    assert embed_units(embed) <= EMBEDS_TOTAL_MAX
    assert len(embed["fields"]) <= 25
    assert all(len(f["name"]) <= 256 and units(f["value"]) <= 1_024 for f in embed["fields"])
    assert embed["fields"][0]["name"].startswith("Total 0")  # totals first, then stories
    assert "more not shown" in embed["footer"]["text"]
