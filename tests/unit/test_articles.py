"""Article text: extraction, site chrome, aggregator links."""

from __future__ import annotations

from pathlib import Path

from bot.articles.dedupe import canonical_url, clean_url, unwrap_redirect
from bot.articles.extract import extract_article, strip_chrome
from bot.models import Entry

SITE = Path(__file__).parents[1] / "fixtures" / "site"
ENTRY = Entry(key="k", url="https://desk.example/a", title=None, summary="Feed summary.")


def test_main_text_and_metadata_come_from_the_page() -> None:
    html = (SITE / "japan-ai-cluster.html").read_bytes()
    article = extract_article(html, "https://desk.example/a?utm_source=x", ENTRY, "Desk")
    assert article.title == "Japan unveils national AI supercomputer for its own language models"
    assert article.text.startswith("Japan's government said on Monday")
    assert "120 billion yen" in article.text
    assert "Subscribe" not in article.text and "All rights reserved" not in article.text
    assert (article.author, article.language, article.source) == ("Mika Tanabe", "en", "Desk")
    assert article.url == "https://desk.example/a"
    assert not article.from_feed


def test_a_paywall_stub_falls_back_to_the_feed_text_and_says_so() -> None:
    article = extract_article((SITE / "paywalled.html").read_bytes(), ENTRY.url or "", ENTRY, None)
    assert article.from_feed
    assert article.text == "Feed summary."


def test_site_chrome_lines_are_dropped_but_real_paragraphs_kept() -> None:
    text = "\n".join(
        [
            "The ministry will fund the cluster.",
            "Read more: Five things to know about GPUs",
            "READ NEXT: Another story",
            "Subscribers to the plan will get cheaper compute, officials said.",
            "This article was originally published by Example News and is republished here.",
            "Sign up for our newsletter",
            "© 2026 Example News. All rights reserved.",
            "(Reporting by A. Writer; Editing by B. Editor)",
        ]
    )
    assert strip_chrome(text) == (
        "The ministry will fund the cluster.\n"
        "Subscribers to the plan will get cheaper compute, officials said."
    )


def test_aggregator_click_through_links_are_unwrapped() -> None:
    wrapped = (
        "https://news.example/click?id=9&url=https%3A%2F%2Fdesk.example%2Fstory%3Fid%3D3"
        "%26utm_source%3Dagg&tid=1"
    )
    assert unwrap_redirect(wrapped) == "https://desk.example/story?id=3&utm_source=agg"
    assert clean_url(wrapped) == "https://desk.example/story?id=3"
    assert canonical_url(wrapped) == canonical_url("https://desk.example/story?id=3")
    plain = "https://desk.example/search?q=sovereign+ai"
    assert unwrap_redirect(plain) == plain
