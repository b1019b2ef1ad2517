"""Digest composition and the terminal renderer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digest.compose import NO_COUNTRY, DigestRequest, compose, digest_key
from bot.models import Analysis, Story
from bot.render.flags import country_label, flag
from bot.render.text import render_text

END = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
START = END - timedelta(hours=24)


def story(
    story_id: int,
    title: str,
    countries: tuple[str, ...],
    relevance: float = 0.8,
    hours_ago: int = 1,
) -> Story:
    return Story(
        story_id=story_id,
        title=title,
        url=f"https://example.org/{story_id}",
        source="Desk",
        published=END - timedelta(hours=hours_ago),
        analysis=Analysis(
            relevant=relevance >= 0.5,
            relevance=relevance,
            countries=countries,
            summary=(f"Summary of {title}.",),
        ),
    )


STORIES = [
    story(1, "Japan cluster", ("JP",), 0.9),
    story(2, "India mission", ("IN",), 0.7),
    story(3, "Japan and India pact", ("JP", "IN"), 0.95),
    story(4, "Football", (), 0.1),
    story(5, "Global AI treaty", (), 0.6),
    story(6, "Older Japan story", ("JP",), 0.9, hours_ago=10),
]


def request(**kwargs: object) -> DigestRequest:
    return DigestRequest(channel="terminal:stdout", window_start=START, window_end=END, **kwargs)  # type: ignore[arg-type]


def test_irrelevant_stories_are_left_out_and_the_rest_grouped_by_main_country() -> None:
    digest = compose(request(), STORIES)
    groups = {code: [i.story.story_id for i in items] for code, items in digest.groups}
    assert groups == {"JP": [3, 1, 6], "IN": [2], NO_COUNTRY: [5]}
    assert [code for code, _ in digest.groups] == ["JP", "IN", NO_COUNTRY]
    assert digest.total_stories == 5 and digest.omitted == 0


def test_country_filter_and_grouping_under_the_wanted_country() -> None:
    digest = compose(request(countries=("IN",)), STORIES)
    assert [(code, [i.story.story_id for i in items]) for code, items in digest.groups] == [
        ("IN", [3, 2])
    ]


def test_top_n_and_a_count_of_the_rest() -> None:
    digest = compose(request(max_stories=2), STORIES)
    assert [i.story.story_id for i in digest.items] == [3, 1]
    assert digest.omitted == 3


def test_minimum_relevance() -> None:
    digest = compose(request(min_relevance=0.85), STORIES)
    assert sorted(i.story.story_id for i in digest.items) == [1, 3, 6]


def test_digest_key_is_stable_per_channel_and_window() -> None:
    assert digest_key(request()) == digest_key(request())
    other = DigestRequest(channel="slack:C1", window_start=START, window_end=END)
    assert digest_key(other) != digest_key(request())


def test_text_rendering_shows_flags_titles_links_and_summaries() -> None:
    text = render_text(compose(request(), STORIES))
    assert "🇯🇵 Japan" in text and "🇮🇳 India" in text and "🌐 Global" in text
    assert (
        "  • Japan cluster (Desk)\n    https://example.org/1\n    Summary of Japan cluster." in text
    )
    assert "5 stories" in text
    assert "Football" not in text


def test_an_empty_digest_says_so() -> None:
    text = render_text(compose(request(), []))
    assert "Nothing new on sovereign AI" in text


def test_feed_text_cannot_drive_the_terminal() -> None:
    hostile = story(9, "Evil\x1b[2J title\u0007 here", ("JP",))
    text = render_text(compose(request(), [hostile]))
    assert "\x1b" not in text and "\u0007" not in text
    assert "Evil [2J title here" in text


def test_flags() -> None:
    assert flag("JP") == "🇯🇵"
    assert flag("EU") == "🇪🇺"
    assert country_label("EU") == "🇪🇺 European Union"
    assert country_label(NO_COUNTRY) == "🌐 Global"
