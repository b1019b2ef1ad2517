"""One redactor: every form a webhook URL or token takes in a library's message is masked."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.heartbeat import heartbeat_path, write_heartbeat
from bot.logs import setup_logging
from bot.redact import MASK, Redactor, public_error, redact, register_secrets, stored_error

WID, TOKEN = "1234567890123456789", "Ab-c_D.e" * 9
HOOK = f"https://discord.com/api/webhooks/{WID}/{TOKEN}"


@pytest.fixture(autouse=True)
def no_registered_secrets() -> None:
    register_secrets([])


@pytest.mark.parametrize(
    "text",
    [
        HOOK,
        f"https://discord.com/api/v10/webhooks/{WID}/{TOKEN}?wait=1&with_components=0",
        f"https://discordapp.com/api/webhooks/{WID}/{TOKEN}",
        f"https://canary.discord.com/api/v9/webhooks/{WID}/{TOKEN}/messages/@original",
        f"URL('http://127.0.0.1:4189/api/v10/webhooks/{WID}/{TOKEN}?wait=1')",
        f"POST /api/v10/interactions/{WID}/{TOKEN}/callback",
    ],
)
def test_webhook_and_interaction_tokens_are_masked_in_every_form(text: str) -> None:
    assert TOKEN not in redact(text) and MASK in redact(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("https://feeds.example/rss?token=s3cr3t-value&x=1", "s3cr3t-value"),
        ("https://feeds.example/rss?x=1&api_key=k3y-v4lue", "k3y-v4lue"),
        ("https://feeds.example/rss#access_token=fr4gment", "fr4gment"),
        ("Authorization: Bot bot.t0ken.value", "bot.t0ken.value"),
        ("{'Authorization': 'Bearer b34rer-value', 'Accept': '*/*'}", "b34rer-value"),
        ('"authorization":"Basic dXNlcjpwYXNz"', "dXNlcjpwYXNz"),
        ("token xoxb-1111-2222-abcdefABCDEF refused", "xoxb-1111-2222-abcdefABCDEF"),
        ("app token xapp-1-A0B1-2222-abcdef", "xapp-1-A0B1-2222-abcdef"),
        ("https://hooks.slack.com/services/T000/B000/XXXXXXXX", "T000/B000/XXXXXXXX"),
        ("postgresql://sovai:pa55word@db/sovai", "pa55word"),
        ("MTA5OTk5OTk5OTk5OTk5OTk5OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123", "GaBcDe.abcdefgh"),
    ],
)
def test_secrets_nobody_registered_are_found_by_their_shape(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_registered_secrets_and_their_parts_are_masked_wherever_they_appear() -> None:
    redactor = Redactor([HOOK, "plain-secret-value", "ab"])
    assert redactor(f"token {TOKEN} alone") == f"token {MASK} alone"  # a part of the URL
    assert redactor("x plain-secret-value y") == f"x {MASK} y"
    assert redactor("ab stays") == "ab stays"  # too short to be told from words


def test_ordinary_text_is_left_alone() -> None:
    text = "digest 20261201T0800-ab12 for discord:news: Discord answered 502: Bad Gateway"
    assert redact(text) == text


def test_a_stored_error_is_one_bounded_line_and_a_public_one_names_hosts_only() -> None:
    long = f"cannot reach Discord: TooManyRedirects({HOOK}\n" + "history " * 500
    stored = stored_error(long)
    assert "\n" not in stored and len(stored) <= 500 and TOKEN not in stored
    assert public_error(long) == "cannot reach Discord: TooManyRedirects"
    shown = public_error(f"Discord: unknown webhook (404, at {HOOK})")
    assert shown == "Discord: unknown webhook (404, at <discord.com>)"


def test_log_lines_at_debug_carry_no_token_in_discord_pys_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    setup_logging("DEBUG", [HOOK])
    log = logging.getLogger("discord.webhook.async_")
    log.debug("Webhook ID %s with %s %s", WID, "POST", f"{HOOK.replace('/api/', '/api/v10/')}")
    try:
        raise OSError(f"redirect loop at {HOOK}?wait=1")
    except OSError:
        log.exception("failed")
    err = capsys.readouterr().err
    assert TOKEN not in err and err.count(MASK) >= 2
    assert redact(f"x {TOKEN} y") == f"x {MASK} y"  # the logging set-up registered it


def test_the_heartbeat_lives_beside_the_database_or_where_the_environment_says(
    tmp_path: Path,
) -> None:
    db = f"sqlite:///{tmp_path}/data/sovai.db"
    assert heartbeat_path(db, {}) == tmp_path / "data" / "sovai.db.heartbeat"
    assert heartbeat_path(db, {"SOVAI_HEARTBEAT": str(tmp_path / "hb")}) == tmp_path / "hb"
    pg = heartbeat_path("postgresql+psycopg://u:pw@db/sovai", {"XDG_STATE_HOME": str(tmp_path)})
    assert pg.parent == tmp_path / "sovai" and "pw" not in str(pg)


def test_an_unwritable_heartbeat_is_one_log_line_without_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    beat = blocker / "heartbeat"
    with caplog.at_level(logging.INFO, logger="bot.heartbeat"):
        for _ in range(3):  # three minutes of ticks
            write_heartbeat(beat)
    (record,) = caplog.records
    assert "cannot write the heartbeat" in record.getMessage() and record.exc_info is None
    blocker.unlink()
    blocker.mkdir()
    with caplog.at_level(logging.INFO, logger="bot.heartbeat"):
        write_heartbeat(beat)
    assert beat.exists() and "written again" in caplog.records[-1].getMessage()
