"""Country names typed by people."""

from __future__ import annotations

import pytest

from bot.analysis.country_lookup import country_name, resolve_country


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("japan", "JP"),
        ("JP", "JP"),
        ("jp", "JP"),
        ("Japanese", "JP"),
        ("日本", "JP"),
        ("  South Korea ", "KR"),
        ("한국", "KR"),
        ("u.s.", "US"),
        ("uae", "AE"),
        ("Türkiye", "TR"),
        ("turkiye", "TR"),
        ("EU", "EU"),
        ("european union", "EU"),
        ("Deutschland", "DE"),
        ("Brasil", "BR"),
    ],
)
def test_names_codes_demonyms_and_native_names(typed: str, code: str) -> None:
    assert resolve_country(typed).code == code


def test_a_typo_gets_suggestions_not_a_guess() -> None:
    match = resolve_country("japn")
    assert match.code is None
    assert "Japan" in match.suggestions


def test_nonsense_gets_nothing() -> None:
    assert resolve_country("").code is None
    assert resolve_country("zzzzqqq").suggestions == ()


def test_country_name() -> None:
    assert country_name("in") == "India"
    assert country_name("XX") == "XX"
