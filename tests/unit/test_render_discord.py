"""Discord embeds: the snapshot, hostile feed text, limits and splitting."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.render.discord_embeds import embed_units, render_discord
from bot.render.safe import units
from tests.unit.render_samples import (
    big_digest,
    check_json_snapshot,
    empty_digest,
    item,
    sample_digest,
    story,
)


def markdown_texts(message: dict[str, Any]) -> list[str]:
    """What Discord renders as markdown: content, embed titles and descriptions."""
    texts = [message["content"]]
    for embed in message["embeds"]:
        texts += [embed["title"], embed.get("description", "")]
    return texts


def shown_texts(message: dict[str, Any]) -> list[str]:
    """Everything shown, with author and footer, which Discord shows as plain text."""
    plain = [t for e in message["embeds"] for t in (e["footer"]["text"], e["author"]["name"])]
    return markdown_texts(message) + plain


def unescaped(text: str, chars: str) -> list[str]:
    """Characters of `chars` in `text` that no backslash escapes."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            found.append(text[i])
        i += 1
    return found


def test_sample_digest_matches_the_snapshot() -> None:
    check_json_snapshot("discord_sample.json", render_discord(sample_digest()))


def test_nothing_pings_and_no_masked_link_forms() -> None:
    messages = render_discord(sample_digest())
    for message in messages:
        assert message["allowed_mentions"] == {"parse": []}
        for text in shown_texts(message):
            assert not re.search(r"@(everyone|here)", text, re.IGNORECASE)
            assert not re.search(r"<[@#!:/]", text)
        for text in markdown_texts(message):
            assert unescaped(text, "[]<") == []
    hostile = messages[0]["embeds"][1]["title"]
    assert "\\[bank\\](http://evil)" in hostile
    assert "@\u200beveryone" in hostile


def test_markdown_in_a_summary_is_shown_as_typed() -> None:
    description = render_discord(sample_digest())[0]["embeds"][1]["description"]
    assert description == (
        "Summary with \\*bold\\*, \\_italic\\_, \\`code\\`, \\~strike\\~, "
        "\\|\\|spoiler\\|\\| and \\# heading."
    )


def test_control_zero_width_and_bidi_characters_are_removed() -> None:
    title = render_discord(sample_digest())[0]["embeds"][1]["title"]
    assert "zerowidth" in title
    assert not re.search("[\x00-\x08\x7f\u200c-\u200f\u202a-\u202e\ufeff]", title)


def test_one_embed_per_story_titled_and_linked() -> None:
    [message] = render_discord(sample_digest())
    embeds = message["embeds"]
    assert [e["author"]["name"] for e in embeds] == [
        "🇯🇵 Japan",
        "🇯🇵 Japan",
        "🇮🇳 India",
        "🌐 Global",
    ]
    assert embeds[0]["url"] == "https://news.example/1"
    assert embeds[0]["color"] == embeds[1]["color"] != embeds[2]["color"]
    assert "3 more stories not shown" in message["content"]


def test_a_script_url_is_not_linked() -> None:
    bad = item(story(9, "Click me", ("JP",), url="javascript:alert(1)"), "x")
    digest = replace(sample_digest(), groups=(("JP", (bad,)),))
    assert "url" not in render_discord(digest)[0]["embeds"][0]


def test_an_empty_digest_is_one_short_message() -> None:
    [message] = render_discord(empty_digest())
    assert message["embeds"] == []
    assert message["content"].endswith("Nothing new on sovereign AI since the last digest.")


def test_a_big_digest_continues_in_more_messages_and_loses_no_story() -> None:
    messages = render_discord(big_digest(45, summary_length=1_400))
    assert len(messages) > 5
    titles = [embed["title"] for message in messages for embed in message["embeds"]]
    assert sorted(titles) == sorted(f"Story {i} headline" for i in range(45))
    for part, message in enumerate(messages, 1):
        assert len(message["embeds"]) <= 10
        assert sum(embed_units(e) for e in message["embeds"]) <= 6_000
        assert units(message["content"]) <= 2_000
        if part > 1:
            assert message["content"].endswith(f"(continued, {part}/{len(messages)})")


def test_ten_short_stories_fit_in_one_message_and_eleven_do_not() -> None:
    assert len(render_discord(big_digest(10, summary_length=50))) == 1
    assert len(render_discord(big_digest(11, summary_length=50))) == 2
