"""Properties of the chat renderers over any digest, hostile text included.

For digests of 0-200 stories with random Unicode (emoji, flags, accents, surrogates and
their neighbours, invisible characters), very long words and URLs, and the strings feeds
use to attack chat bots, every Slack and Discord payload keeps every platform limit, no
story is lost when a digest is split, and no mention syntax survives. The limits are
written out here from the platforms' documentation, not imported from the renderers.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import Analysis, Digest, DigestItem, Figure, Quote, Story
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.safe import safe_url, units
from bot.render.slack_blocks import MESSAGE_TEXT_BUDGET, render_slack

END = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
HOSTILE = [
    "<!here>", "<!channel>", "<!everyone>", "@everyone", "@here", "@channel", "@room",
    "<@U1>", "<@&123>", "<#C1>", "<!subteam^S1>", "<http://evil|bank.com>", "](", "[bank](http://evil)",
    "&amp;", "&lt;", "&", "<", ">", "|", "\\", "*_~`", "```", "||", "> ", "# ", "-# ", "- ", "1. ",
    "\n\n", "\u202e", "\u200b", "\u200d", "\ufeff", "\u00ad", "\x00", "\x1b[31m", "\ud800",
    "\udfff", "\ud7ff", "\ue000", "\U0010ffff", "👨\u200d👩\u200d👧", "🇯🇵",
    "🏴\U000e0067\U000e007f",
    "e\u0301\u0301", "👍🏽", "❤️", "https://x.example/" + "a" * 2_500, "w" * 5_000,
]  # fmt: skip
BAD_URLS = ["", "javascript:alert(1)", "http://evil|x.com", "http://a@b.com", "ftp://x", "http://"]
MENTION_WORD = re.compile(r"@(everyone|here|channel)", re.IGNORECASE)
DISCORD_TAG = re.compile(r"<[@#!:/]|<[at]:")
SLACK_OPEN = re.compile(r"<(?!https?://[^\s|<>]+\|)")

pieces = st.one_of(
    st.text(max_size=30),
    st.sampled_from(HOSTILE),
    st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010, exclude_categories=())),
    st.text(st.characters(min_codepoint=0x1F1E6, max_codepoint=0x1F9FF), max_size=12),
    st.integers(100, 4_000).map(lambda n: "w" * n),
)
feed_text = st.lists(pieces, max_size=6).map("".join)
urls = st.one_of(
    st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=60).map(
        lambda path: "https://news.example/" + path
    ),
    st.sampled_from(BAD_URLS),
    feed_text,
)
codes = st.one_of(
    st.sampled_from(["JP", "IN", "US", "FR", "--", "", "<!", "日本"]), st.text(max_size=3)
)
numbers = st.floats(allow_nan=True, allow_infinity=True)
figures = st.builds(
    Figure,
    text=feed_text,
    kind=st.sampled_from(["money", "count", "percent"]),
    value=numbers,
    unit=st.one_of(st.sampled_from(["USD", "INR", "EUR"]), feed_text),
    usd=st.none() | numbers,
    low=st.none() | numbers,
)
quotes = st.none() | st.builds(
    Quote, text=feed_text, speaker=st.none() | feed_text, role=st.none() | feed_text
)


@st.composite
def items(draw: st.DrawFn) -> DigestItem:
    story = Story(
        story_id=0,
        title="",
        url=draw(urls),
        source=draw(st.none() | feed_text),
        published=draw(st.none() | st.just(END)),
        analysis=Analysis(
            relevant=True, relevance=1.0, countries=tuple(draw(st.lists(codes, max_size=4)))
        ),
        sources=tuple(draw(st.lists(st.tuples(feed_text, urls), max_size=6))),
    )
    return DigestItem(
        story=story,
        headline=draw(feed_text),
        summary=draw(feed_text),
        quote=draw(quotes),
        figures=tuple(draw(st.lists(figures, max_size=6))),
    )


def numbered(item: DigestItem, index: int) -> DigestItem:
    """A copy of `item` as story `index`, its headline tagged so the story can be found."""
    title = f"⟪{index}⟫ {item.headline}"
    story = replace(item.story, story_id=index, title=title)
    return replace(item, story=story, headline=title)


@st.composite
def digests(draw: st.DrawFn) -> Digest:
    """0-200 stories in 1-30 groups; the stories vary a dozen drawn ones, to draw fast."""
    count = draw(st.integers(0, 12) | st.integers(0, 200))  # half small, half up to 200
    models = draw(st.lists(items(), min_size=1, max_size=12))
    group_codes = draw(st.lists(codes, min_size=1, max_size=30, unique=True))
    spread = draw(st.lists(st.integers(0, len(group_codes) - 1), min_size=1, max_size=12))
    groups: dict[str, list[DigestItem]] = {}
    for index in range(count):
        code = group_codes[spread[index % len(spread)]]
        groups.setdefault(code, []).append(numbered(models[index % len(models)], index))
    return Digest(
        key="k",
        title=draw(feed_text),
        window_start=END - timedelta(days=1),
        window_end=END,
        groups=tuple((code, tuple(members)) for code, members in groups.items()),
        total_stories=count + draw(st.integers(0, 1_000)),
        omitted=draw(st.integers(0, 1_000)),
        tally=tuple(draw(st.lists(st.tuples(codes, st.integers(0, 10_000)), max_size=120))),
    )


def check_slack_message(message: dict[str, Any]) -> tuple[str, ...]:
    """Every Block Kit limit of one message; its mrkdwn texts, for the other checks."""
    assert "link_names" not in message and "parse" not in message
    assert message["unfurl_links"] is False and message["unfurl_media"] is False
    blocks = message["blocks"]
    assert 1 <= len(blocks) <= 50
    texts = [message["text"]]
    plain = []
    for block in blocks:
        if block["type"] == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= units(block["text"]["text"]) <= 150
            plain.append(block["text"]["text"])
        elif block["type"] == "section":
            assert block["text"]["verbatim"] is True
            assert 1 <= units(block["text"]["text"]) <= 3_000
            assert len(block.get("fields", [])) <= 10
            assert all(units(f["text"]) <= 2_000 for f in block.get("fields", []))
            texts.append(block["text"]["text"])
        elif block["type"] == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(1 <= units(e["text"]) <= 3_000 for e in block["elements"])
            texts += [e["text"] for e in block["elements"]]
        else:
            assert block == {"type": "divider"}
    assert sum(units(t) for t in texts + plain) <= MESSAGE_TEXT_BUDGET < 12_000
    return tuple(texts)


def check_discord_message(message: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Every embed and message limit; (markdown texts, plain texts) for the other checks."""
    assert message["allowed_mentions"] == {"parse": []}
    assert units(message["content"]) <= 2_000
    embeds = message["embeds"]
    assert len(embeds) <= 10
    markdown, plain, total = [message["content"]], [], 0
    for embed in embeds:
        title, description = embed["title"], embed.get("description")
        footer, author = embed["footer"]["text"], embed["author"]["name"]
        assert 1 <= units(title) <= 256 and units(footer) <= 2_048 and units(author) <= 256
        assert description is None or 1 <= units(description) <= 4_096
        assert "fields" not in embed and embed.get("url", "https://").startswith("http")
        total += units(title) + units(description or "") + units(footer) + units(author)
        markdown += [title, description or ""]
        plain += [footer, author]
    assert total <= 6_000
    return markdown, plain


def unescaped(text: str, chars: str) -> bool:
    """Whether a character of `chars` occurs in `text` with no backslash before it."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            return True
        i += 1
    return False


TAG = re.compile(r"⟪(\d+)⟫")


def check_stories(digest: Digest, messages: list[str]) -> None:
    """Each story's tag in exactly one message, in digest order; linkable URLs present."""
    found: dict[int, list[int]] = {}
    for number, text in enumerate(messages):
        for tag in dict.fromkeys(TAG.findall(text)):
            found.setdefault(int(tag), []).append(number)
    where = []
    for item in digest.items:
        places = found.get(item.story.story_id, [])
        assert len(places) == 1, item.story.story_id
        where.append(places[0])
        url = safe_url(item.story.url)
        if url and len(url) < 500:
            assert url.replace("&", "&amp;") in messages[places[0]] or url in messages[places[0]]
    assert where == sorted(where)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(digests())
def test_slack_payloads_keep_every_limit_and_every_story(digest: Digest) -> None:
    messages = render_slack(digest)
    texts = [check_slack_message(message) for message in messages]
    for text in (t for group in texts for t in group):
        assert not SLACK_OPEN.search(text) and not MENTION_WORD.search(text)
    json.dumps(messages, ensure_ascii=False).encode("utf-8")
    check_stories(digest, ["\n".join(group) for group in texts])


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(digests())
def test_discord_payloads_keep_every_limit_and_every_story(digest: Digest) -> None:
    messages = render_discord(digest)
    assert len(messages) >= 1
    shown = []
    for message in messages:
        markdown, plain = check_discord_message(message)
        for text in markdown + plain:
            assert not DISCORD_TAG.search(text) and not MENTION_WORD.search(text)
        assert not any(unescaped(text, "[<") for text in markdown)
        shown.append("\n".join(markdown + plain + [e.get("url", "") for e in message["embeds"]]))
    json.dumps(messages, ensure_ascii=False).encode("utf-8")
    check_stories(digest, shown)


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(digests())
def test_markdown_renders_any_digest_as_valid_text(digest: Digest) -> None:
    text = render_markdown(digest)
    text.encode("utf-8")
    assert not MENTION_WORD.search(text) and not re.search(r"(?<!\\)<[^\u200b]", text)
    check_stories(digest, [text])
