"""Cleaning, escaping, URLs and cutting of untrusted feed text."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from bot.render.safe import (
    clean_text,
    cut,
    discord_escape,
    markdown_escape,
    safe_url,
    slack_escape,
    units,
)


def test_every_control_and_format_character_is_removed_but_the_joiners() -> None:
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cs") and ch not in "\u200c\u200d" and not ch.isspace():
            assert clean_text(f"a{ch}b") == "ab", f"U+{code:04X} ({category}) survives"


def test_named_invisible_characters_go() -> None:
    hidden = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    hidden += "\u2066\u2067\u2068\u2069\ufeff\u00ad\u3164\U000e0041"
    assert clean_text(f"pay{hidden}pal") == "paypal"


def test_joiners_stay_inside_emoji_and_indic_words_only() -> None:
    family = "👨\u200d👩\u200d👧"
    assert clean_text(family) == family
    assert clean_text("क्\u200dष") == "क्\u200dष"
    assert clean_text("@\u200deveryone") == "@everyone"


def test_whitespace_of_every_kind_collapses_to_one_space() -> None:
    assert clean_text(" a\t\n b\u00a0\u2028c\x1c d ") == "a b c d"


def test_slack_escape() -> None:
    assert slack_escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert slack_escape("&amp;") == "&amp;amp;"
    assert slack_escape("@here @Channel") == "@\u200bhere @\u200bChannel"


def test_discord_escape() -> None:
    assert discord_escape("[bank](http://evil)") == "\\[bank\\](http://evil)"
    assert discord_escape("<@123> <@&4> <#5>") == "\\<\u200b@123\\> \\<\u200b@&4\\> \\<\\#5\\>"
    assert discord_escape("a\\b") == "a\\\\b"
    assert discord_escape("(Reuters) 3 - 2") == "(Reuters) 3 - 2"
    assert discord_escape("-# small") == "\\-\\# small"


def test_markdown_escape() -> None:
    assert markdown_escape("<script>x</script> & @room") == (
        "\\<script\\>x\\<\u200b/script\\> \\& @\u200broom"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2#d", "https://example.org/a?b=1&c=2#d"),
        ("HTTPS://Example.ORG", "https://example.org/"),
        ("https://ex.org/a b|c>d(e)", "https://ex.org/a%20b%7Cc%3Ed%28e%29"),
        ("https://ex.org/%41%zz", "https://ex.org/%41%25zz"),
        ("https://bücher.example/ä", "https://xn--bcher-kva.example/%C3%A4"),
        ("  https://ex.org/\u200bx  ", "https://ex.org/x"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("http://bank.com@evil.example/", None),
        ("http://evil|bank.com/", None),
        ("https:///nohost", None),
        ("", None),
        (None, None),
        ("https://ex.org/" + "a" * 3000, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_cut_keeps_short_text_and_prefers_a_word_boundary() -> None:
    assert cut("short", 10) == "short"
    assert cut("the quick brown fox jumps", 18) == "the quick brown…"
    assert cut("abcdefghij", 5) == "abcd…"
    assert cut("abc", 0) == ""


def test_cut_never_splits_an_entity_an_escape_or_a_character() -> None:
    assert cut("x &amp; y", 5) == "x…"
    assert cut("ab\\*cd", 4) == "ab…"
    assert cut("ab🇯🇵cd", 5) == "ab…"
    assert cut("abe\u0301\u0301f", 5) == "ab…"
    assert cut("a👍🏽b", 4) == "a…"
    assert units(cut("😀" * 100, 11)) <= 11


def test_units_count_utf16() -> None:
    assert units("a") == 1 and units("é") == 1 and units("😀") == 2 and units("🇯🇵") == 4
