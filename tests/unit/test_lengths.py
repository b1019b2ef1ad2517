"""Kilometres of fibre and cable are figures; track, roads and distances are not."""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def _lengths(text: str) -> list[tuple[str, float]]:
    return [(f.text, f.value) for f in extract_figures([text]) if f.unit == "km"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The operator will lay 18,500 km of fibre on top of the 7,250km it runs today.",
            [("18,500 km", 18500.0), ("7,250km", 7250.0)],
        ),
        ("A 1,200-kilometre cable will link the two data centres.", [("1,200-kilometre", 1200.0)]),
        ("The operator has 4.5 thousand km of backbone.", [("4.5 thousand km", 4500.0)]),
        ("The national broadband network will reach 60,000 km.", [("60,000 km", 60000.0)]),
        ("Crews laid 800 kilometers of cable in a year.", [("800 kilometers", 800.0)]),
    ],
)
def test_kilometres_are_counted(text: str, expected: list[tuple[str, float]]) -> None:
    assert _lengths(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The campus is 40 minutes from the capital.",
        "The KM3 project starts in 2026.",
        "The hall covers 2,000 square metres.",
        "The line adds 420 km of new track between the two cities.",
        "The data centre is 60 kilometres from the capital.",
    ],
)
def test_other_numbers_are_not_lengths(text: str) -> None:
    assert _lengths(text) == []
