"""Dates in the two forms the fast path reads exactly as feedparser does: W3C-DTF and RFC 822."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from feedparser.datetimes import _parse_date as _feedparser_parse_date
from feedparser.datetimes.rfc822 import timezone_names as _RFC822_ZONES

from bot.feeds.fast_text import _finish
from bot.feeds.fast_xml import _Fallback

_W3DTF = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?"
)
_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(\d{4})\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[+-]\d{2}:\d{2}|[a-z]+)",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def _date(value: str) -> datetime | None:
    """What feedparser's _parse_date gives, via parse.py's conversion, for the two common
    forms; _Fallback for any other form.

    W3C-DTF is feedparser's first date handler and RFC 822 its second (W3C-DTF refuses
    every RFC 822 form matched here). Seconds are truncated, as in a struct_time.
    """
    if not value:
        return None  # feedparser: no date
    if not value.isascii():
        raise _Fallback("non-ASCII date")
    match = _W3DTF.fullmatch(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        offset = 0
        if zone and zone != "Z":
            offset = (int(zone[1:3]) * 60 + int(zone[4:6])) * (-1 if zone[0] == "-" else 1)
    else:
        match = _RFC822.fullmatch(value)
        if not match:
            raise _Fallback(f"date {value!r}")
        day, name, year, hour, minute, second, zone = match.groups()
        month = _MONTHS[name.lower()]
        zone = zone.lower()
        if zone[0] in "+-":
            minutes = int(zone[4:]) if ":" in zone else int(zone[3:])
            offset = (int(zone[1:3]) * 60 + minutes) * (-1 if zone[0] == "-" else 1)
        elif zone.startswith(("gmt", "etc")) and zone != "gmt":
            raise _Fallback(f"time zone {zone!r}")
        else:
            offset = int(_RFC822_ZONES.get(zone, 0)) * 60  # unknown names: UTC, like feedparser
    if not 1900 <= int(year) <= 9000:
        raise _Fallback("year out of range")
    stamp = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
        tzinfo=UTC,
    )  # fmt: skip
    return stamp - timedelta(minutes=offset) if offset else stamp


def _probe_date(raw: str) -> None:
    """A date feedparser parses but parse_feed does not use: only make sure that feedparser
    does not raise on it."""
    try:
        _feedparser_parse_date(_finish(raw.strip()))
    except Exception as exc:
        raise _Fallback("feedparser would raise on a date") from exc


class _Dates:
    """feedparser keeps the last published-kind and the last updated-kind date of an
    entry; parse_feed takes the published one when it parsed, else the updated one."""

    __slots__ = ("published", "updated")

    def __init__(self) -> None:
        self.published: str | None = None
        self.updated: str | None = None

    def value(self) -> datetime | None:
        if self.published is not None:
            published = _date(_finish(self.published.strip()))
            if published is not None:
                if self.updated is not None:
                    _check_date(self.updated)
                return published
        if self.updated is not None:
            return _date(_finish(self.updated.strip()))
        return None


def _check_date(raw: str) -> None:
    """A date that parse_feed will not use: feedparser must still not raise on it."""
    try:
        _date(_finish(raw.strip()))
    except (_Fallback, ValueError, OverflowError):
        _probe_date(raw)
