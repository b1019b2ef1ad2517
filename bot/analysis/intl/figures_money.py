"""Which currency a sign or word means in continental copy: "€", "US$", "R$", "dollars", "pesos".

Most signs and words name one currency. A few are shared, and the article's countries
decide, as in English (currencies.py): "pesos" in an Argentine story are Argentine,
"francs" in a Senegalese one CFA francs. Two readings are particular to these languages:
a Québec paper writes its own dollar as "dollars" or "$" (`dollar_of`, as English does for
"$" in Canada), and Latin-American Spanish copy writes the peso as a bare "$" and the US
dollar as "US$" or "dólares".
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.currencies import CODES, home_currencies, local
from bot.analysis.dollars import dollar_of

__all__ = ["SIGNS", "SIGN_PATTERN", "resolve_currency"]

SIGNS: dict[str, str] = {
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "$": "DOLLAR",
    "us$": "USD",
    "u$s": "USD",
    "u$": "USD",
    "r$": "BRL",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "s$": "SGD",
    "hk$": "HKD",
    "nt$": "TWD",
    "mx$": "MXN",
    "fr.": "CHF",
    "sfr.": "CHF",
}
SIGNS.update({code.lower(): code for code in CODES if code != "RMB"})
SIGNS["rmb"] = "CNY"

_SIGN_ALTS = sorted(
    [
        r"US\s?\$",
        r"U\$S",
        r"U\$",
        r"R\$",
        r"C\$",
        r"CA\$",
        r"A\$",
        r"AU\$",
        r"S\$",
        r"HK\$",
        r"NT\$",
        r"MX\$",
        r"S?Fr\.",
        "€",
        r"\$",
        "£",
        "¥",
        "₹",
        "₩",
    ],
    key=len,
    reverse=True,
)
SIGN_PATTERN = "(?:" + "|".join(_SIGN_ALTS) + "|(?:" + "|".join(CODES) + r")(?![A-Za-z]))"
"""Regex source of a currency sign or ISO code (case-sensitive)."""

_DEFAULTS = {
    "peso": "MXN",
    "franc": "CHF",
    "rupee": "INR",
    "dirham": "AED",
    "riyal": "SAR",
    "dinar": "KWD",
    "crown": "SEK",
}
_PESOS = ("MXN", "ARS", "CLP", "COP", "PHP")
_CFA_CENTRAL = {"CM", "GA", "CG", "TD", "CF", "GQ"}


def resolve_currency(
    code: str,
    countries: Sequence[str],
    text: str,
    *,
    sign: bool = False,
    peso_sign: bool = False,
    local_dollar: bool = False,
) -> str:
    """The ISO code behind a lexicon's reading (an ISO code, a shared word, or "DOLLAR").

    `sign`: the reading comes from a bare "$" (which may be the peso where `peso_sign`);
    `local_dollar`: the word "dollars" is the local dollar where the article's country has
    one (French copy), as a bare "$" is in every language.
    """
    home = home_currencies(countries)
    if code == "DOLLAR":
        if sign and peso_sign:
            peso = next((c for c in home if c in _PESOS), None)
            if peso:
                return peso
        return dollar_of(countries, text) if sign or local_dollar else "USD"
    if code == "XOF" and any(c in _CFA_CENTRAL for c in countries[:1]):
        return "XAF"
    if code in _DEFAULTS:
        return local(code, _DEFAULTS[code], home) or _DEFAULTS[code]
    return code
