"""Which country a person means when they type one: `japan`, `JP`, `Japanese`, `日本`.

Used by `/ai-country` and `/ai-subscribe`. Exact matches first (ISO code, English name,
demonym, native name, capital); otherwise the closest names are offered as suggestions
rather than guessing, since a wrong country silently shows the wrong news.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.analysis.gazetteer import COUNTRIES

__all__ = ["CountryMatch", "country_name", "resolve_country"]

NATIVE_NAMES: dict[str, tuple[str, ...]] = {
    "JP": ("日本", "にっぽん", "にほん", "Nihon"),
    "CN": ("中国", "中華人民共和国", "Zhongguo"),
    "KR": ("한국", "대한민국", "Hanguk"),
    "KP": ("조선",),
    "TW": ("台灣", "台湾"),
    "IN": ("भारत", "Bhārat"),
    "DE": ("Deutschland",),
    "ES": ("España",),
    "IT": ("Italia",),
    "BR": ("Brasil",),
    "MX": ("México",),
    "TR": ("Türkiye",),
    "RU": ("Россия",),
    "UA": ("Україна",),
    "SA": ("السعودية", "المملكة العربية السعودية"),
    "AE": ("الإمارات",),
    "QA": ("قطر",),
    "EG": ("مصر",),
    "IL": ("ישראל",),
    "VN": ("Việt Nam",),
    "TH": ("ประเทศไทย", "ไทย"),
    "PL": ("Polska",),
    "NL": ("Nederland",),
    "SE": ("Sverige",),
    "FI": ("Suomi",),
    "NO": ("Norge",),
    "DK": ("Danmark",),
    "GR": ("Ελλάδα",),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "AT": ("Österreich",),
    "CZ": ("Česko",),
    "HU": ("Magyarország",),
    "PT": ("Portugal",),
    "ID": ("Indonesia",),
    "MY": ("Malaysia",),
    "PH": ("Pilipinas",),
    "KZ": ("Қазақстан", "Казахстан"),
    "EU": ("Europäische Union", "Union européenne", "Unión Europea"),
}


@dataclass(frozen=True)
class CountryMatch:
    """The country meant (`code`), or the closest names when it was not clear."""

    code: str | None
    suggestions: tuple[str, ...] = ()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace(".", "")


@cache
def _names() -> dict[str, str]:
    """Every folded name → code; English names first so they win ties."""
    table: dict[str, str] = {}
    for code, (names, demonyms, places) in COUNTRIES.items():
        for word in (code, *names, *demonyms, *NATIVE_NAMES.get(code, ()), *places[:1]):
            table.setdefault(_fold(word), code)
    return table


def country_name(code: str) -> str:
    """The English name of a code ('Japan' for JP), or the code itself."""
    entry = COUNTRIES.get(code.upper())
    return entry[0][0] if entry else code


def resolve_country(text: str) -> CountryMatch:
    """The country meant by `text`, or up to three suggestions when unsure."""
    folded = _fold(text)
    if not folded:
        return CountryMatch(None)
    table = _names()
    if folded in table:
        return CountryMatch(table[folded])
    best = process.extract(folded, list(table), scorer=fuzz.WRatio, limit=8)
    suggestions: list[str] = []
    for name, score, _ in best:
        label = country_name(table[name])
        if score >= 75 and label not in suggestions:
            suggestions.append(label)
    return CountryMatch(None, tuple(suggestions[:3]))
