"""Whose commitment an amount is: the country its sentence gives it, among the article's.

The article's countries (the analyser's) are the ones it is about; a figure belongs to
one of them. Its sentence says which: a round-up names each country beside its amount
("Japan pledged ¥1 trillion and South Korea ₩2 trillion"), so the country whose currency
the amount is in wins when the sentence names it, else the nearest named before the
amount, else the first after it. A sentence that names no country gives the amount to
its currency's country when the article is about it, else to the article's first. A
sentence that names only countries the article is not about ("the US spent $500
billion") states someone else's figure: no claim. A company's home ("the American
chipmaker Nvidia", "l'américain Nvidia") is not the country acting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from bot.analysis.country_words import Kind, not_a_country, scanner

__all__ = ["CURRENCY_HOME", "country_of"]

CURRENCY_HOME = {
    "JPY": "JP", "KRW": "KR", "CNY": "CN", "INR": "IN", "GBP": "GB", "EUR": "EU",
    "CAD": "CA", "AUD": "AU", "SGD": "SG", "BRL": "BR", "MXN": "MX", "IDR": "ID",
    "MYR": "MY", "THB": "TH", "VND": "VN", "PHP": "PH", "TWD": "TW", "HKD": "HK",
    "SAR": "SA", "AED": "AE", "QAR": "QA", "ILS": "IL", "TRY": "TR", "ZAR": "ZA",
    "NGN": "NG", "KES": "KE", "EGP": "EG", "CHF": "CH", "SEK": "SE", "NOK": "NO",
    "DKK": "DK", "PLN": "PL", "CZK": "CZ", "HUF": "HU", "NZD": "NZ", "PKR": "PK",
    "BDT": "BD", "CLP": "CL", "ARS": "AR", "COP": "CO", "PEN": "PE", "RUB": "RU",
    "UAH": "UA", "KZT": "KZ", "MAD": "MA", "RWF": "RW",
}  # fmt: skip
_NAMING = (Kind.NAME, Kind.BODY, Kind.CAPITAL)
_HOME_OF = re.compile(
    r"^['’]?s?\s+(?:chip\s?maker|company|firm|giant|group|start-?up|conglomerate|operator|"
    r"provider|developer|cloud|tech(?:nology)?\s+(?:company|firm|giant|group)|telecoms?\b|"
    r"hyperscaler|investor|lab|bank)"
)


class _Named(NamedTuple):
    code: str
    start: int


def _named_en(sentence: str) -> list[_Named]:
    pattern, words, _ = scanner()
    out = []
    for match in pattern.finditer(sentence):
        entry = words.get(match[0]) if match["w"] else None
        if entry is None or entry.kind not in _NAMING:
            continue
        if not_a_country(sentence, match[0], entry, match.start(), match.end()):
            continue
        if _HOME_OF.match(sentence[match.end() : match.end() + 40]):
            continue
        out.append(_Named(entry.code, match.start()))
    return out


def _named_in(lang: str, sentence: str) -> list[_Named]:
    from bot.analysis.intl.countries_scan import mentions, supported

    if not supported(lang):
        return _named_en(sentence)
    return [
        _Named(m.code, m.start)
        for m in mentions(lang, sentence)
        if m.kind in _NAMING and not m.home and m.code != "?"
    ]


def country_of(
    sentence: str, at: int, unit: str, countries: Sequence[str], lang: str = "en"
) -> str | None:
    """The article's country an amount at `at` in `sentence` (in currency `unit`) belongs
    to, or None when the sentence gives it to another country."""
    if not countries:
        return None
    named = _named_en(sentence) if lang == "en" else _named_in(lang, sentence)
    home = CURRENCY_HOME.get(unit)
    ours = [n for n in named if n.code in countries]
    if named and not ours:
        return None
    if not ours:
        return home if home in countries else countries[0]
    if home in {n.code for n in ours}:
        return home
    if home in countries and all(n.code == "EU" for n in ours):
        return home  # "worth CZK 4.2 billion, half-funded by the EU body": Czechia's
    before = [n for n in ours if n.start < at]
    return before[-1].code if before else ours[0].code
