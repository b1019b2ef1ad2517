"""Country codes to flag emoji and display names."""

from __future__ import annotations

from bot.analysis.gazetteer import COUNTRIES

__all__ = ["country_label", "flag"]


def flag(code: str) -> str:
    """🇯🇵 for JP: two regional-indicator letters (🇪🇺 for EU works the same way)."""
    if len(code) != 2 or not code.isalpha():
        return "🌐"
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code.upper())


def country_label(code: str) -> str:
    """'🇯🇵 Japan'; the global bucket for stories with no country."""
    names = COUNTRIES.get(code)
    if names is None:
        return "🌐 Global"
    return f"{flag(code)} {names[0][0]}"
