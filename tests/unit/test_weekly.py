"""Weekly digests, the pure parts: config keys, `/ai-subscribe` words, title, key, ranking, size.

The slots themselves are in test_slots.py; the store, the outbox and a running bot in
tests/integration/test_weekly_digests.py.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.commands import _subscription_args
from bot.digest.compose import (
    DIGEST_TITLE,
    DigestRequest,
    compose,
    digest_key,
    key_cadence,
    rank_score,
    slot_key,
)
from bot.models import Analysis, Figure, Reply, Story
from bot.render.discord_embeds import render_discord
from bot.render.slack_blocks import render_slack
from bot.settings import ConfigError, DigestConfig, load_settings, parse_weekday
from tests.unit.test_render_properties import check_discord_message, check_slack_message

END = datetime(2027, 3, 8, 8, 0, tzinfo=UTC)  # a Monday
WEEK = timedelta(days=7)


def story(story_id: int, *, hours_ago: float, relevance: float = 0.8, outlets: int = 1) -> Story:
    return Story(
        story_id=story_id,
        title=f"Story {story_id}: national AI compute",
        url=f"https://news.example/{story_id}",
        source="Desk",
        published=END - timedelta(hours=hours_ago),
        analysis=Analysis(
            relevant=True,
            relevance=relevance,
            countries=("JP",),
            summary=(f"Summary {story_id}.",),
        ),
        sources=tuple((f"Outlet {n}", f"https://o{n}.example/{story_id}") for n in range(outlets)),
    )


def weekly(**kwargs: object) -> DigestRequest:
    fields: dict[str, object] = {"window_start": END - WEEK, "window_end": END} | kwargs
    return DigestRequest(channel="slack:C1", cadence="weekly", **fields)  # type: ignore[arg-type]


# config/sovai.yaml


def _config(tmp_path: Path, subscription: str) -> Path:
    path = tmp_path / "sovai.yaml"
    path.write_text(f"subscriptions:\n  - platform: slack\n{subscription}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lines", "cadence", "weekday"),
    [
        ("    channel: C1\n", "daily", None),
        ("    channel: C1\n    cadence: weekly\n", "weekly", 0),  # Monday by default
        ("    channel: C1\n    cadence: weekly\n    weekday: fri\n", "weekly", 4),
        ("    channel: C1\n    cadence: Weekly\n    weekday: SUNDAY\n", "weekly", 6),
        ("    channel: C1\n    cadence: daily\n", "daily", None),
    ],
)
def test_a_subscription_may_be_weekly_on_a_named_day(
    tmp_path: Path, lines: str, cadence: str, weekday: int | None
) -> None:
    (sub,) = load_settings(_config(tmp_path, lines), environ={}).config.subscriptions
    assert (sub.cadence, sub.weekday_number) == (cadence, weekday)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "    channel: C1\n    cadence: weekly\n    weekday: funday\n",
            "sovai.yaml:5: subscriptions[0].weekday: expected a day of the week, mon … sun or "
            "monday … sunday (got 'funday')",
        ),
        (
            "    channel: C1\n    cadence: weekly\n    weekday: 1\n",
            "sovai.yaml:5: subscriptions[0].weekday: expected a day of the week such as mon",
        ),
        (
            "    channel: C1\n    weekday: fri\n",
            "sovai.yaml:4: subscriptions[0].weekday: a weekday is for weekly digests: add "
            "`cadence: weekly`",
        ),
        (
            "    channel: C1\n    cadence: fortnightly\n",
            "sovai.yaml:4: subscriptions[0].cadence: expected daily or weekly (got 'fortnightly')",
        ),
    ],
)
def test_a_bad_cadence_or_weekday_names_file_line_and_key(
    tmp_path: Path, lines: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(_config(tmp_path, lines), environ={})
    assert expected in str(caught.value)
    assert str(caught.value).count("\n") == 0  # one mistake, one message


def test_a_bad_cadence_is_one_message_not_a_second_about_the_weekday(tmp_path: Path) -> None:
    lines = "    channel: C1\n    cadence: monthly\n    weekday: mon\n"
    with pytest.raises(ConfigError) as caught:
        load_settings(_config(tmp_path, lines), environ={})
    assert "cadence" in str(caught.value) and "weekday" not in str(caught.value)


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("mon", 0),
        ("Monday", 0),
        ("TUE", 1),
        ("wednesday", 2),
        ("Thu", 3),
        ("fri", 4),
        ("Saturday", 5),
        ("sun", 6),
        (" sunday ", 6),
        ("mo", None),
        ("tues", None),
        ("", None),
    ],
)
def test_weekday_names(word: str, number: int | None) -> None:
    assert parse_weekday(word) == number


# /ai-subscribe words


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("", ([], None, None, None, None)),
        ("JP weekly", (["JP"], None, None, "weekly", None)),
        ("weekly mon", ([], None, None, "weekly", 0)),
        ("weekly Friday JP at 7:30", (["JP"], "07:30", None, "weekly", 4)),
        ("weekly japan", (["JP"], None, None, "weekly", None)),  # not a weekday: a country
        ("JP weekly at 09:00 tz Asia/Tokyo", (["JP"], "09:00", "Asia/Tokyo", "weekly", None)),
        ("weekly SAT tz Europe/Paris", ([], None, "Europe/Paris", "weekly", 5)),
        ("daily IN", (["IN"], None, None, "daily", None)),
    ],
)
def test_subscribe_words_for_cadence_and_weekday(text: str, parsed: tuple[object, ...]) -> None:
    assert _subscription_args(text) == parsed


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("JP weekly funday", "Weekday must be mon…sun, e.g. weekly mon — not 'funday'"),
        ("weekly mnday", "Weekday must be mon…sun"),
        ("JP fri", "Put the weekday after weekly, e.g. weekly fri"),
        ("daily monday", "Put the weekday after weekly, e.g. weekly monday"),
        ("weekly mon daily", "Daily or weekly, not both"),
        ("weekly mon at 25:00", "Time must be HH:MM"),
    ],
)
def test_bad_weekly_words_get_a_helpful_message(text: str, says: str) -> None:
    reply = _subscription_args(text)
    assert isinstance(reply, Reply) and reply.error and says in reply.title


# composition


def test_a_weekly_digest_is_titled_with_the_dates_it_covers() -> None:
    digest = compose(weekly(), [story(1, hours_ago=30)])
    assert digest.title == "Sovereign AI weekly digest — 01 Mar – 08 Mar 2027"
    assert digest.cadence == "weekly"
    daily = compose(DigestRequest("slack:C1", END - timedelta(days=1), END), [])
    assert daily.title == f"{DIGEST_TITLE} — 08 Mar 2027" and daily.cadence == "daily"
    new_year = DigestRequest(
        "slack:C1",
        datetime(2026, 12, 28, 8, 0, tzinfo=UTC),
        datetime(2027, 1, 4, 8, 0, tzinfo=UTC),
        cadence="weekly",
    )
    assert compose(new_year, []).title.endswith("— 28 Dec 2026 – 04 Jan 2027")


def test_a_weekly_key_is_one_per_week_and_never_a_daily_ones() -> None:
    key = digest_key(weekly())
    assert key == slot_key("slack:C1", END, "weekly")
    assert key == digest_key(weekly(window_start=END - timedelta(days=12)))  # any start
    assert key != slot_key("slack:C1", END)  # a daily digest at the same instant
    assert key != slot_key("slack:C1", END + WEEK, "weekly")
    assert key != slot_key("slack:C2", END, "weekly")
    assert key_cadence(key) == "weekly" and key_cadence(slot_key("slack:C1", END)) == "daily"
    assert len(key) <= 128  # the outbox column


def test_daily_keys_are_unchanged_so_rows_queued_before_still_match() -> None:
    seed = b"slack:C1|2026-11-25T08:00:00+00:00"
    expected = "20261125T0800-" + hashlib.sha1(seed).hexdigest()[:12]
    assert slot_key("slack:C1", datetime(2026, 11, 25, 8, 0, tzinfo=UTC)) == expected


def test_the_week_in_review_ranks_importance_over_freshness() -> None:
    monday_big = story(1, hours_ago=6 * 24, relevance=0.8, outlets=2)  # widely reported
    sunday_small = story(2, hours_ago=2, relevance=0.85)
    as_daily = DigestRequest("slack:C1", END - WEEK, END)
    assert rank_score(sunday_small, as_daily) > rank_score(monday_big, as_daily)
    assert rank_score(monday_big, weekly()) > rank_score(sunday_small, weekly())
    top = compose(weekly(max_stories=1), [sunday_small, monday_big])
    assert [item.story.story_id for item in top.items] == [1]
    assert top.omitted == 1


def test_a_weekly_digest_holds_more_stories_and_still_fits_every_platform() -> None:
    assert DigestConfig().weekly_max_stories > DigestConfig().max_stories
    money = Figure("¥1 trillion", "money", 1e12, "JPY", key=True, usd=6.7e9)
    stories = [
        Story(
            story_id=n,
            title=f"Story {n}: " + "national AI compute " * 12,
            url=f"https://news.example/{n}",
            source="Desk",
            published=END - timedelta(hours=n * 3),
            analysis=Analysis(
                relevant=True,
                relevance=0.6 + n / 200,
                countries=(("JP", "IN", "FR", "KR")[n % 4],),
                summary=("A long summary sentence about sovereign compute. " * 15,) * 2,
                figures=(money,) * 4,
            ),
            sources=tuple((f"Outlet {k}", f"https://o{k}.example/{n}") for k in range(6)),
        )
        for n in range(60)
    ]
    for size in (DigestConfig().weekly_max_stories, 50):
        digest = compose(weekly(max_stories=size), stories)
        assert len(digest.items) == size and digest.omitted == 60 - size
        slack = render_slack(digest)
        for message in slack:
            check_slack_message(message)
        discord = render_discord(digest)
        for message in discord:
            check_discord_message(message)
        assert "weekly digest" in slack[0]["blocks"][0]["text"]["text"]
        assert "weekly digest" in discord[0]["content"]
