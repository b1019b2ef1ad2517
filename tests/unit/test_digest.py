"""Digest composition and the terminal renderer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.digest.compose import NO_COUNTRY, DigestRequest, compose, digest_key
from bot.models import Analysis, Figure, Quote, Story
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


def test_a_slot_run_twice_is_one_digest_whatever_its_window_start() -> None:
    # the second run of a slot starts its window where the first one ended
    first = DigestRequest(channel="slack:C9", window_start=START, window_end=END)
    rerun = DigestRequest(channel="slack:C9", window_start=END, window_end=END)
    assert digest_key(first) == digest_key(rerun)
    later = DigestRequest(channel="slack:C9", window_start=END, window_end=END + (END - START))
    assert digest_key(later) != digest_key(first)


def test_text_rendering_shows_flags_titles_links_and_summaries() -> None:
    text = render_text(compose(request(), STORIES))
    assert "🇯🇵 Japan" in text and "🇮🇳 India" in text and "🌐 Global" in text
    assert (
        "  • Japan cluster (Desk)\n    https://example.org/1\n    🇯🇵\n    Summary of Japan cluster."
        in text
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
    assert "Evil[2J title here" in text


def test_flags() -> None:
    assert flag("JP") == "🇯🇵"
    assert flag("EU") == "🇪🇺"
    assert country_label("EU") == "🇪🇺 European Union"
    assert country_label(NO_COUNTRY) == "🌐 Global"


def test_keywords_and_exclusions() -> None:
    matching = compose(request(keywords=("india",)), STORIES)
    assert sorted(i.story.story_id for i in matching.items) == [2, 3]
    excluded = compose(request(exclude=("pact",)), STORIES)
    assert 3 not in [i.story.story_id for i in excluded.items]


def test_the_tally_counts_every_chosen_story_not_only_those_shown() -> None:
    digest = compose(request(max_stories=1), STORIES)
    assert dict(digest.tally) == {"JP": 3, "IN": 1, NO_COUNTRY: 1}


def test_items_carry_the_best_quote_and_key_figures() -> None:
    analysis = Analysis(
        relevant=True,
        relevance=0.9,
        countries=("JP",),
        summary=("First sentence.", "Second sentence.", "Third."),
        quotes=(
            Quote("Unattributed but key words here", None, key=True),
            Quote("We will build it ourselves at home", "Aiko Mori", "minister", key=True),
        ),
        figures=(
            Figure("5 years", "duration", 5, "year"),
            Figure("¥120 billion", "money", 1.2e11, "JPY", usd=8e8, key=True),
        ),
    )
    s = Story(7, "Japan", "https://example.org/7", "Desk", END, analysis)
    (item,) = compose(request(), [s]).items
    assert item.summary == "First sentence. Second sentence."
    assert item.quote is not None and item.quote.speaker == "Aiko Mori"
    assert [f.text for f in item.figures] == ["¥120 billion"]


def test_widely_reported_stories_with_something_to_show_rank_higher() -> None:
    plain = story(1, "Plain", ("JP",), 0.8)
    rich = Story(
        2,
        "Rich",
        "https://example.org/2",
        "Desk",
        END - timedelta(hours=1),
        Analysis(
            True, 0.8, ("JP",), figures=(Figure("1,000 GPUs", "count", 1000, "GPU", key=True),)
        ),
        sources=(("A", "https://a"), ("B", "https://b"), ("C", "https://c")),
    )
    assert [i.story.story_id for i in compose(request(), [plain, rich]).items] == [2, 1]


def test_an_item_headed_by_its_own_first_sentence_does_not_repeat_it() -> None:
    from dataclasses import replace as _replace

    from bot.digest.compose import compose_item

    base = story(1, "x", ("GH",))
    said = ("Ghana opens a national GPU centre.", "It holds 2,000 GPUs for local models.")
    same = _replace(base, title="Ghana opens a national GPU centre.",
                    analysis=_replace(base.analysis, summary=said))  # fmt: skip
    assert compose_item(same).summary == "It holds 2,000 GPUs for local models."
    cut = _replace(same, title="Ghana opens a national GPU…")  # first words, cut
    assert compose_item(cut).summary == "It holds 2,000 GPUs for local models."
    titled = _replace(same, title="Ghana opens a national GPU centre")  # a real headline
    assert compose_item(titled).summary.startswith("Ghana opens")  # kept: no repetition
    other = _replace(same, title="Accra bets on compute")
    assert compose_item(other).summary == " ".join(said)
