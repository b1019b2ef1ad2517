"""Which currency a symbol, code or word means: "$", "NT$", "NIS", "dirhams", "Chilean pesos".

Most currency words name one currency. Some are shared by several countries ("peso":
Mexico, Chile, Argentina, Colombia, the Philippines; "dirham": the UAE and Morocco; "Rs":
India, Pakistan, Sri Lanka), and news written in or about one of those countries means its
own: "60 million dirhams" in a story about a Casablanca start-up is Moroccan. So each
shared word lists its currencies, the first being the reading when the article's countries
say nothing (`local`). The dollar sign and "dollars" are dollars.py's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.gazetteer import COUNTRIES
from bot.analysis.numbers import word_list

__all__ = [
    "ADJECTIVES",
    "ALIASES",
    "CODES",
    "GUARDED",
    "NOUNS",
    "SYMBOLS",
    "home_currencies",
    "is_shared",
    "local",
    "paragraph_home",
]

SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "u.s.$": "USD",
    "$": "USD",
    "ca$": "CAD",
    "can$": "CAD",
    "c$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "s$": "SGD",
    "sg$": "SGD",
    "hk$": "HKD",
    "nt$": "TWD",
    "nz$": "NZD",
    "mx$": "MXN",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₩": "KRW",
    "¥": "JPY",
    "￥": "JPY",
    "₦": "NGN",
    "₵": "GHS",
    "gh₵": "GHS",
    "gh¢": "GHS",
    "₫": "VND",
    "₸": "KZT",
    "₴": "UAH",
    "₱": "PHP",
    "₺": "TRY",
    "₪": "ILS",
    "฿": "THB",
    "₽": "RUB",
    "rm": "MYR",
    "rp": "IDR",
    "rp.": "IDR",
    "ksh": "KES",
    "kshs": "KES",
    "ksh.": "KES",
    "kshs.": "KES",
    "bt": "THB",  # Thai English copy: "Bt5 billion"
    "sh": "KES",  # Kenyan, Ugandan or Tanzanian shillings: see _SHARED
    "shs": "KES",
    "ush": "UGX",
    "tsh": "TZS",
    "aus$": "AUD",
    "৳": "BDT",
    "dh": "AED",
    "dhs": "AED",
    "qr": "QAR",
    "e£": "EGP",
    "r": "ZAR",  # only with a scale word, see money.py
    "p": "PHP",  # "P5 billion" in Philippine copy; only with a scale word
    "n": "NGN",  # "N100 million" in Nigerian copy; only with a scale word
}
CODES = word_list(
    """USD EUR GBP JPY CNY RMB INR KRW IDR SAR AED QAR BHD OMR KWD JOD CAD AUD SGD HKD TWD
    NZD MXN BRL CHF NGN KES ZAR EGP MYR THB PHP VND TRY PLN SEK NOK DKK ILS RUB PKR BDT
    LKR NPR ARS CLP COP PEN UAH KZT MAD GHS ETB TZS UGX RWF CZK HUF RON BGN ISK XOF XAF
    UZS IQD DZD TND GEL ZMW"""
)
ADJECTIVES: dict[str, str] = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "singapore": "SGD",
    "hong kong": "HKD",
    "taiwan": "TWD",
    "new taiwan": "TWD",
    "new zealand": "NZD",
    "indian": "INR",
    "pakistani": "PKR",
    "sri lankan": "LKR",
    "nepalese": "NPR",
    "indonesian": "IDR",
    "saudi": "SAR",
    "qatari": "QAR",
    "omani": "OMR",
    "uae": "AED",
    "emirati": "AED",
    "moroccan": "MAD",
    "egyptian": "EGP",
    "british": "GBP",
    "south korean": "KRW",
    "korean": "KRW",
    "japanese": "JPY",
    "chinese": "CNY",
    "brazilian": "BRL",
    "south african": "ZAR",
    "nigerian": "NGN",
    "kenyan": "KES",
    "tanzanian": "TZS",
    "ugandan": "UGX",
    "swiss": "CHF",
    "czech": "CZK",
    "icelandic": "ISK",
    "hungarian": "HUF",
    "romanian": "RON",
    "cfa": "XOF",
    "malaysian": "MYR",
    "thai": "THB",
    "philippine": "PHP",
    "mexican": "MXN",
    "argentine": "ARS",
    "chilean": "CLP",
    "colombian": "COP",
    "vietnamese": "VND",
    "turkish": "TRY",
    "polish": "PLN",
    "swedish": "SEK",
    "norwegian": "NOK",
    "danish": "DKK",
    "israeli": "ILS",
    "kuwaiti": "KWD",
    "bahraini": "BHD",
    "jordanian": "JOD",
    "russian": "RUB",
    "bangladeshi": "BDT",
    "kazakh": "KZT",
    "ghanaian": "GHS",
    "ethiopian": "ETB",
    "ukrainian": "UAH",
    "rwandan": "RWF",
    "peruvian": "PEN",
    "ghana": "GHS",
    "algerian": "DZD",
    "tunisian": "TND",
    "iraqi": "IQD",
    "zambian": "ZMW",
    "uzbek": "UZS",
    "georgian": "GEL",
}
# Currency nouns (singular stem → code); None = ambiguous without a scale or adjective.
NOUNS: dict[str, str | None] = {
    "dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupiah": "IDR",
    "riyal": "SAR",
    "rial": "OMR",
    "dirham": "AED",
    "reais": "BRL",
    "naira": "NGN",
    "shilling": "KES",
    "franc": "CHF",
    "ringgit": "MYR",
    "baht": "THB",
    "peso": "MXN",
    "lira": "TRY",
    "zloty": "PLN",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "shekel": "ILS",
    "rouble": "RUB",
    "ruble": "RUB",
    "taka": "BDT",
    "tenge": "KZT",
    "cedi": "GHS",
    "birr": "ETB",
    "hryvnia": "UAH",
    "koruna": "CZK",
    "forint": "HUF",
    "leu": "RON",
    "lei": "RON",
    "lari": "GEL",
    "kwacha": "ZMW",
    "złoty": "PLN",
    "zlotys": "PLN",
    "sol": None,
    "soles": "PEN",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "crown": None,
    "won": None,
    "rand": None,
    "real": None,
    "pound": None,
    "dong": None,
    "dinar": None,
}
GUARDED = {
    "won": "KRW", "rand": "ZAR", "real": "BRL", "pound": "GBP", "dong": "VND", "sol": "PEN",
}  # fmt: skip


# Abbreviations that are not ISO codes but stand for one, before or after the amount:
# "NIS 500 million", "35 billion TL", "300 mln zł".
ALIASES: dict[str, str] = {
    "NIS": "ILS",
    "TL": "TRY",
    "zł": "PLN",
    "SR": "SAR",
    "KD": "KWD",
    "LE": "EGP",
    "Tk": "BDT",
    "Php": "PHP",
    # Rwandan copy writes the franc before the amount: "Frw 38 billion"
    "Frw": "RWF",
    "FRw": "RWF",
    "Rwf": "RWF",
    "RWF": "RWF",
    # Peruvian copy writes the sol as "S/" or "S/." before the amount
    "S/.": "PEN",
    "S/": "PEN",
}

# Words and symbols shared by several currencies, the usual reading first.
_SHARED: dict[str, tuple[str, ...]] = {
    "peso": ("MXN", "CLP", "ARS", "COP", "PHP"),
    "dirham": ("AED", "MAD"),
    "dh": ("AED", "MAD"),
    "dhs": ("AED", "MAD"),
    "riyal": ("SAR", "QAR"),
    "rial": ("OMR", "IRR"),
    "dinar": ("KWD", "BHD", "JOD", "IQD", "DZD", "TND"),
    "pound": ("GBP", "EGP"),
    "rupee": ("INR", "PKR", "LKR", "NPR"),
    "rs": ("INR", "PKR", "LKR", "NPR"),
    "rs.": ("INR", "PKR", "LKR", "NPR"),
    "franc": ("CHF", "XOF", "XAF", "RWF"),
    "krona": ("SEK", "ISK"),
    "krone": ("NOK", "DKK"),
    "kroner": ("NOK", "DKK"),
    "shilling": ("KES", "UGX", "TZS"),
    "sh": ("KES", "UGX", "TZS"),
    "shs": ("KES", "UGX", "TZS"),
    "crown": ("SEK", "NOK", "DKK", "CZK", "ISK"),
}
_COUNTRY_CURRENCY = {
    "MX": "MXN", "CL": "CLP", "AR": "ARS", "CO": "COP", "PH": "PHP", "AE": "AED",
    "MA": "MAD", "SA": "SAR", "QA": "QAR", "OM": "OMR", "IR": "IRR", "KW": "KWD",
    "BH": "BHD", "JO": "JOD", "IQ": "IQD", "DZ": "DZD", "TN": "TND", "GB": "GBP",
    "EG": "EGP", "IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "CH": "CHF",
    "SN": "XOF", "RW": "RWF", "SE": "SEK", "IS": "ISK", "NO": "NOK", "DK": "DKK",
    "KE": "KES", "UG": "UGX", "TZ": "TZS", "CZ": "CZK",
}  # fmt: skip


def _country_names() -> tuple[dict[str, re.Pattern[str]], dict[str, str]]:
    """For each shared word, one pattern for the names of the countries that use it.

    The pattern has no leading boundary, so that the regex engine can skip to the first
    letters of the names; `paragraph_home` checks the boundary itself.
    """
    owner: dict[str, str] = {}
    patterns: dict[str, re.Pattern[str]] = {}
    for word, codes in _SHARED.items():
        names = []
        for country, code in _COUNTRY_CURRENCY.items():
            if code in codes:
                for group in COUNTRIES.get(country, ()):
                    for name in group:
                        owner[name] = owner[name.upper()] = country
                        names += [name, name.upper()]
        names = sorted(set(names), key=len, reverse=True)
        patterns[word] = re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    return patterns, owner


_NAMES, _OWNER = _country_names()
_CLAUSE = re.compile(r"[,;:.()!?]|\b(?:and|but|while|whereas|like)\b")


def paragraph_home(paragraph: str, at: int, home: Sequence[str], word: str) -> tuple[str, ...]:
    """The currencies to read a shared `word` at `at` by: the paragraph's countries first.

    In a round-up ("MOROCCO: … 10 billion dirhams") the paragraph's country decides, not
    the article's first: one of the article's own countries (`home`) named just before the
    amount in its clause, then the article's countries (central first) among those named,
    then the one named nearest before the amount, then any named after it, then the
    article's.
    """
    named = [
        (m.start(), _COUNTRY_CURRENCY[_OWNER[m[0]]])
        for m in _NAMES[word].finditer(paragraph)
        if not m.start()
        or not (paragraph[m.start() - 1].isalnum() or paragraph[m.start() - 1] in "_.")
    ]
    if not named:
        return tuple(home)
    before = [code for start, code in reversed(named) if start < at]
    after = [code for start, code in named if start >= at]
    # one of the article's countries named just before, in the same clause, is the payer:
    # "Chile gives 9,500 million pesos and Colombia 42,000 million pesos"
    near = [
        code
        for start, code in named
        if code in home and at - 40 <= start < at and not _CLAUSE.search(paragraph, start, at)
    ]
    order = near[-1:] + [c for c in home if c in before or c in after] + before + after
    return tuple(dict.fromkeys(order + list(home)))


def home_currencies(countries: Sequence[str]) -> tuple[str, ...]:
    """The currencies of an article's countries, most central country first."""
    return tuple(_COUNTRY_CURRENCY[c] for c in countries if c in _COUNTRY_CURRENCY)


def is_shared(word: str) -> bool:
    """Whether a currency word or symbol names the money of several countries."""
    return word in _SHARED


def local(word: str, default: str | None, home: Sequence[str]) -> str | None:
    """The currency a shared word means in an article about `home` currencies' countries."""
    for code in home:
        if code in _SHARED.get(word, ()):
            return code
    return default
