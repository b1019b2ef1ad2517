"""Slack payloads checked against slack_sdk's Block Kit models and Slack's documented limits.

`Block.parse(...).to_dict()` runs every validator of slack_sdk's models (a section's text
at most 3,000 characters, at most ten fields, a header's 150, a context's ten elements)
and gives back only the attributes the models know, so a payload that survives the round
trip unchanged has no misspelt or unknown key either. The limits the models leave out
(50 blocks, 2,000 characters per field) and our own ceiling on a message's text
(`MESSAGE_TEXT_BUDGET`) are checked beside them.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block

from bot.render.safe import units
from bot.render.slack_blocks import BLOCKS_MAX, MESSAGE_TEXT_BUDGET, text_units

FIELD_TEXT_MAX = 2_000  # per field of a section (Slack's Block Kit reference)
FALLBACK_MAX = 4_000  # a message's `text`: Slack truncates beyond it


def assert_block_kit(message: dict[str, Any]) -> None:
    """Fail unless `message` is a `chat.postMessage` payload Slack accepts as it is."""
    blocks = message["blocks"]
    assert 0 < len(blocks) <= BLOCKS_MAX, len(blocks)
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None, block
        assert parsed.to_dict() == block  # raises SlackObjectFormationError when invalid
        for field in block.get("fields", []):
            assert units(field["text"]) <= FIELD_TEXT_MAX, units(field["text"])
    assert text_units(blocks) <= MESSAGE_TEXT_BUDGET, text_units(blocks)
    assert 0 < units(message["text"]) <= FALLBACK_MAX


def mrkdwn_texts(message: dict[str, Any]) -> list[str]:
    """Every mrkdwn text of a message: sections, their fields, context elements."""
    texts = []
    for block in message["blocks"]:
        objects = [block.get("text"), *block.get("fields", []), *block.get("elements", [])]
        texts += [o["text"] for o in objects if o and o.get("type") == "mrkdwn"]
    return texts
