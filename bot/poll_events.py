"""What a finished poll tells the operator: the poll counter, and one log line per event.

A feed that fails every poll for a week is one event, not 300: its failure is logged
when it starts (or when this process first sees it failing), then only at DEBUG while
it goes on, and its recovery once, on the line of the poll that succeeded. Feeds are
named by their name where they have one, not by a 200-character URL.
"""

from __future__ import annotations

import logging

from bot.ingest import FeedReport
from bot.metrics import count_poll
from bot.store.repo import FeedState
from bot.wording import counted

__all__ = ["observe_poll"]

_log = logging.getLogger(__name__)
_told: set[int] = set()  # feeds whose current failure this process has logged


def observe_poll(feed: FeedState, report: FeedReport) -> None:
    """Count the poll and log it: `feed` is the feed's state before this poll."""
    count_poll(report.status)
    if report.status == "error":
        _failed(feed, report)
        return
    recovered = feed.error_count > 0 or feed.id in _told
    _told.discard(feed.id)
    if recovered:
        after = counted(feed.error_count, "failed poll")
        _log.info("poll %s (recovered after %s)", report.line(), after)
    else:
        _log.info("poll %s", report.line())


def _failed(feed: FeedState, report: FeedReport) -> None:
    in_a_row = feed.error_count + 1
    if feed.error_count > 0 and feed.id in _told:
        _log.debug("poll %s (still failing, %d in a row)", report.line(), in_a_row)
        return
    _told.add(feed.id)
    since = "" if in_a_row == 1 else f"; {in_a_row} failed polls in a row"
    _log.warning(
        "poll %s%s; logged again when it recovers (`sovai sources list` shows it meanwhile)",
        report.line(),
        since,
    )
