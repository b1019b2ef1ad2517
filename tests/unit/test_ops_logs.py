"""`log_format: json`: one JSON object per line, redacted, with extras and tracebacks inside;
and the feed-poll log: one line per state change, the feed named by its name."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.ingest import FeedReport
from bot.logs import MASK, setup_logging
from bot.metrics import REGISTRY
from bot.poll_events import observe_poll
from bot.settings import ConfigError, load_settings
from bot.store.repo import FeedState

SECRET = "xoxb-1111-2222-abcdefabcdef"
LONG_URL = "https://news.example/" + "feeds/" * 33 + "rss.xml"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_carry_time_level_logger_message_extras_and_the_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    setup_logging("INFO", [SECRET], "json")
    log = logging.getLogger("bot.example")
    log.info("posted to %s\nsecond line", "C0NEWS", extra={"channel": "C0NEWS", "parts": 2})
    try:
        raise ValueError(f"refused {SECRET}")
    except ValueError:
        log.exception("delivery failed")
    log.debug("not shown at INFO")
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2  # the newline in a message and the traceback stay inside
    first, second = (json.loads(line) for line in lines)
    assert first["message"] == "posted to C0NEWS\nsecond line"
    assert (first["level"], first["logger"]) == ("INFO", "bot.example")
    assert first["channel"] == "C0NEWS" and first["parts"] == 2
    assert datetime.fromisoformat(first["time"]).tzinfo is not None
    assert first["time"].endswith("Z")
    assert second["level"] == "ERROR" and "Traceback" in second["exception"]
    assert SECRET not in lines[1] and MASK in second["exception"]


def test_text_is_still_the_default_format(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", [], "text")
    logging.getLogger("bot.example").warning("plain")
    assert capsys.readouterr().err.rstrip().endswith("WARNING bot.example: plain")


def test_log_format_is_a_config_key_with_two_values(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text("log_format: json\n", encoding="utf-8")
    assert load_settings(good, environ={}).config.log_format == "json"
    bad = tmp_path / "bad.yaml"
    bad.write_text("log_format: xml\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml:1.*log_format"):
        load_settings(bad, environ={})


def _feed(feed_id: int, failures: int, name: str | None = "Desk") -> FeedState:
    return FeedState(feed_id, LONG_URL, name, 60, None, None, None, None, failures)


def _error(feed: FeedState) -> FeedReport:
    later = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)
    return FeedReport(feed.id, feed.label, "error", error="DNS lookup of x failed", next_poll=later)


def _ok(feed: FeedState) -> FeedReport:
    return FeedReport(feed.id, feed.label, "ok", 2, 2)


def _polls(outcome: str) -> float:
    return REGISTRY.get_sample_value("sovai_polls_total", {"outcome": outcome}) or 0.0


def test_a_failing_feed_is_logged_when_it_fails_and_when_it_recovers_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    errors_before = _polls("error")
    with caplog.at_level(logging.DEBUG, logger="bot.poll_events"):
        for failures in range(4):  # four polls fail in a row
            feed = _feed(101, failures)
            observe_poll(feed, _error(feed))
        observe_poll(_feed(101, 4), _ok(_feed(101, 4)))
        observe_poll(_feed(101, 0), _ok(_feed(101, 0)))
    shown = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert [r.levelname for r in shown] == ["WARNING", "INFO", "INFO"]
    assert shown[0].getMessage().startswith("poll Desk: error: DNS lookup of x failed")
    assert "logged again when it recovers" in shown[0].getMessage()
    assert (
        shown[1].getMessage()
        == "poll Desk: 2 new entries, 2 new articles (recovered after 4 failed polls)"
    )
    assert shown[2].getMessage() == "poll Desk: 2 new entries, 2 new articles"
    assert len([r for r in caplog.records if r.levelno == logging.DEBUG]) == 3
    assert all(LONG_URL not in r.getMessage() for r in caplog.records)
    assert _polls("error") == errors_before + 4


def test_a_feed_failing_since_before_a_restart_is_logged_once_by_the_new_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.poll_events"):
        observe_poll(_feed(202, 5), _error(_feed(202, 5)))
        observe_poll(_feed(202, 6), _error(_feed(202, 6)))
    (told,) = caplog.records
    assert "6 failed polls in a row" in told.getMessage()


def test_a_feed_without_a_name_is_shown_by_its_url(caplog: pytest.LogCaptureFixture) -> None:
    feed = _feed(303, 0, name=None)
    with caplog.at_level(logging.INFO, logger="bot.poll_events"):
        observe_poll(feed, _error(feed))
    assert caplog.records[0].getMessage().startswith(f"poll {LONG_URL}: error")
