"""Canonical and display URLs."""

from __future__ import annotations

from bot.articles.dedupe import canonical_url, clean_url


def test_tracking_parameters_and_fragments_go() -> None:
    url = "https://Example.org/a/b?id=7&utm_source=rss&utm_medium=x&fbclid=1&gclid=2#top"
    assert clean_url(url) == "https://Example.org/a/b?id=7"


def test_canonical_url_ignores_scheme_www_case_port_and_trailing_slash() -> None:
    variants = [
        "https://www.example.org/story/",
        "http://example.org/story?utm_campaign=z",
        "HTTPS://EXAMPLE.ORG:443/story",
    ]
    assert {canonical_url(v) for v in variants} == {"https://example.org/story"}


def test_canonical_url_keeps_meaningful_query_and_non_default_port() -> None:
    assert canonical_url("http://example.org:8080/p?id=3") == "https://example.org:8080/p?id=3"
