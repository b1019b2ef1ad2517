"""Slack Block Kit rendering: the snapshot, hostile feed text, limits and splitting."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from bot.render.safe import units
from bot.render.slack_blocks import MESSAGE_TEXT_BUDGET, render_slack, text_units
from tests.unit.block_kit import assert_block_kit
from tests.unit.render_samples import (
    big_digest,
    check_json_snapshot,
    empty_digest,
    item,
    sample_digest,
    story,
)


def mrkdwn_texts(message: dict[str, Any]) -> list[str]:
    texts = [message["text"]]
    for block in message["blocks"]:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        elif block["type"] == "context":
            texts += [element["text"] for element in block["elements"]]
    return texts


def all_text(messages: list[dict[str, Any]]) -> str:
    return "\n".join(text for message in messages for text in mrkdwn_texts(message))


def test_sample_digest_matches_the_snapshot() -> None:
    check_json_snapshot("slack_sample.json", render_slack(sample_digest()))


def test_a_hostile_title_comes_out_as_text() -> None:
    text = all_text(render_slack(sample_digest()))
    assert "&lt;!channel&gt;" in text
    assert "&lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &lt;http://evil|bank.com&gt;" in text
    # The only `<` left open the renderer's own links to the stories.
    assert re.findall(r"<(?!https?://[^\s|<>]+\|)", text) == []
    assert "@everyone" not in text and "@\u200beveryone" in text
    assert "& co" not in text and "&amp; co" in text


def test_control_zero_width_and_bidi_characters_are_removed() -> None:
    text = all_text(render_slack(sample_digest()))
    assert "zerowidth" in text
    assert not re.search("[\x00-\x08\x7f\u200c-\u200f\u202a-\u202e\ufeff]", text)


def test_an_unsafe_url_is_encoded_and_a_script_url_not_linked() -> None:
    text = all_text(render_slack(sample_digest()))
    assert "<http://evil.example/a%20b%7Cc%3E|" in text
    bad = item(story(9, "Click me", ("JP",), url="javascript:alert(1)"), "x")
    digest = replace(sample_digest(), groups=(("JP", (bad,)),))
    section = render_slack(digest)[0]["blocks"][3]["text"]["text"]
    assert section.startswith("*Click me*")


def test_no_mention_parsing_and_no_unfurling() -> None:
    for message in render_slack(sample_digest()):
        assert "link_names" not in message and "parse" not in message
        assert message["unfurl_links"] is False and message["unfurl_media"] is False
        for block in message["blocks"]:
            objects = [block.get("text"), *block.get("elements", [])]
            for obj in filter(None, objects):
                assert obj["type"] == "plain_text" or obj["verbatim"] is True


def test_an_empty_digest_is_one_short_message() -> None:
    [message] = render_slack(empty_digest())
    assert message["text"] == "Nothing new on sovereign AI since the last digest."
    assert len(message["blocks"]) == 1


def test_a_big_digest_continues_in_more_messages_and_loses_no_story() -> None:
    digest = big_digest(120, summary_length=900)
    messages = render_slack(digest)
    assert len(messages) > 3
    assert messages[0]["blocks"][0]["type"] == "header"
    for part, message in enumerate(messages, 1):
        assert len(message["blocks"]) <= 50
        assert text_units(message["blocks"]) + units(message["text"]) <= MESSAGE_TEXT_BUDGET
        if part > 1:
            assert f"(continued, {part}/{len(messages)})" in message["text"]
            assert all(block["type"] != "header" for block in message["blocks"])
    text = all_text(messages)
    for i in range(120):
        assert text.count(f"|Story {i} headline>") == 1
    assert "* (continued)" in text  # a country's heading repeats in the next message


def test_an_overlong_item_is_cut_with_an_ellipsis_not_rejected() -> None:
    long = item(story(1, "W " * 400, ("JP",), url="https://x.example/" + "a" * 5000), "Z" * 9000)
    digest = replace(sample_digest(), groups=(("JP", (long,)),))
    messages = render_slack(digest)
    section = messages[0]["blocks"][3]["text"]["text"]
    assert units(section) <= 3000 and "…" in section
    json.dumps(messages, ensure_ascii=False).encode("utf-8")


def test_messages_are_filled_before_a_new_one_starts() -> None:
    """Regression: a message's text count must restart with each new message."""
    messages = render_slack(big_digest(60, summary_length=900))
    sizes = [text_units(m["blocks"]) for m in messages]
    assert all(size > MESSAGE_TEXT_BUDGET - 4_000 for size in sizes[:-1])
    assert len(render_slack(big_digest(8, summary_length=300))) == 1


def test_every_message_passes_slack_sdks_block_kit_models() -> None:
    long = item(story(1, "W " * 400, ("JP",), url="https://x.example/" + "a" * 5000), "Z" * 9000)
    digests = [
        sample_digest(),
        empty_digest(),
        big_digest(120, summary_length=900),
        replace(sample_digest(), groups=(("JP", (long,)),)),
    ]
    for digest in digests:
        for message in render_slack(digest):
            assert_block_kit(message)
