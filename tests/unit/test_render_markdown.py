"""Markdown rendering (GitHub, Matrix): the snapshot and hostile feed text."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.render.markdown import render_markdown
from tests.unit.render_samples import (
    check_text_snapshot,
    empty_digest,
    item,
    sample_digest,
    story,
)


def test_sample_digest_matches_the_snapshot() -> None:
    check_text_snapshot("markdown_sample.md", render_markdown(sample_digest()))


def test_a_hostile_title_cannot_link_ping_or_inject_html() -> None:
    text = render_markdown(sample_digest())
    hostile = next(line for line in text.splitlines() if "Bank alert" in line)
    assert hostile.startswith("### [Bank alert \\<\u200b!channel\\>")
    assert "\\[bank\\](http://evil)" in hostile
    assert hostile.endswith("](http://evil.example/a%20b%7Cc%3E)")
    assert "@\u200beveryone" in hostile and "\\& co" in hostile
    assert "\\<b\\>Feed\\</b\\>" not in text  # the `<` of `</b>` is escaped and neutralised
    assert "Evil \\<b\\>Feed\\<\u200b/b\\>" in text


def test_markdown_in_a_summary_is_shown_as_typed() -> None:
    text = render_markdown(sample_digest())
    assert "Summary with \\*bold\\*, \\_italic\\_, \\`code\\`, \\~strike\\~" in text


def test_control_zero_width_and_bidi_characters_are_removed() -> None:
    text = render_markdown(sample_digest())
    assert "zerowidth" in text
    assert not re.search("[\x00-\x08\x7f\u200c-\u200f\u202a-\u202e\ufeff]", text)


def test_a_summary_starting_like_a_list_or_heading_stays_a_paragraph() -> None:
    listy = item(story(9, "1. Not a list", ("JP",)), "- not a bullet # nor a heading")
    text = render_markdown(replace(sample_digest(), groups=(("JP", (listy,)),)))
    assert "[1\\. Not a list]" in text
    assert "\n\\- not a bullet \\# nor a heading\n" in text


def test_a_script_url_is_not_linked() -> None:
    bad = item(story(9, "Click me", ("JP",), url="javascript:alert(1)"), "x")
    text = render_markdown(replace(sample_digest(), groups=(("JP", (bad,)),)))
    assert "### Click me\n" in text and "javascript" not in text


def test_an_empty_digest() -> None:
    assert render_markdown(empty_digest()) == (
        "# Sovereign AI digest — 25 Nov 2026\n\n"
        "Nothing new on sovereign AI since the last digest.\n"
    )
