"""Secrets come from the environment (or *_FILE) and never show in logs or repr."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.logs import RedactingFilter, setup_logging
from bot.settings import ConfigError, Secrets, load_settings

TOKENS = {
    "SLACK_BOT_TOKEN": "xoxb-111-222-secretbot",
    "SLACK_APP_TOKEN": "xapp-1-A111-secretapp",
    "SLACK_SIGNING_SECRET": "signing-secret-abcdef",
    "DISCORD_BOT_TOKEN": "discord.token.secretvalue",
    "DATABASE_URL": "postgresql+psycopg://sovai:db-pass-9876@db/sovai",
}


def settings_with_tokens(tmp_path: Path):
    config = tmp_path / "sovai.yaml"
    config.write_text("feeds: []\n", encoding="utf-8")
    return load_settings(config, environ=TOKENS)


def test_repr_of_settings_shows_no_secret(tmp_path: Path) -> None:
    settings = settings_with_tokens(tmp_path)
    shown = repr(settings) + str(settings) + repr(settings.secrets)
    for value in (*TOKENS.values(), "db-pass-9876"):
        assert value not in shown
    assert settings.secrets.slack_bot_token is not None
    assert settings.secrets.slack_bot_token.get_secret_value() == TOKENS["SLACK_BOT_TOKEN"]


def test_secrets_are_read_from_files(tmp_path: Path) -> None:
    token_file = tmp_path / "slack_token"
    token_file.write_text("xoxb-from-a-file\n", encoding="utf-8")
    secrets = Secrets.from_env({"SLACK_BOT_TOKEN_FILE": str(token_file)})
    assert secrets.slack_bot_token is not None
    assert secrets.slack_bot_token.get_secret_value() == "xoxb-from-a-file"


def test_an_unreadable_secret_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"DISCORD_BOT_TOKEN_FILE=.*cannot read the file"):
        Secrets.from_env({"DISCORD_BOT_TOKEN_FILE": str(tmp_path / "missing")})


def test_log_lines_never_carry_a_token(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_with_tokens(tmp_path)
    setup_logging("DEBUG", settings.secrets.values())
    log = logging.getLogger("sovai.test")
    log.info("connecting with %s", TOKENS["SLACK_BOT_TOKEN"])
    log.warning("database %s failed", TOKENS["DATABASE_URL"])
    try:
        raise RuntimeError(f"auth failed for {TOKENS['DISCORD_BOT_TOKEN']}")
    except RuntimeError:
        log.exception("discord error")
    log.info("settings are %r", settings)
    err = capsys.readouterr().err
    assert "connecting with [redacted]" in err
    assert "auth failed for [redacted]" in err
    for value in (*TOKENS.values(), "db-pass-9876"):
        assert value not in err


def test_the_filter_ignores_empty_and_tiny_values() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a b c", None, None)
    assert RedactingFilter(["", "a"]).filter(record)
    assert record.getMessage() == "a b c"


def test_a_malformed_database_url_is_a_config_error_that_does_not_echo_it() -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL: expected a database URL") as caught:
        Secrets.from_env({"DATABASE_URL": "not a url with secret-xyz"})
    assert "secret-xyz" not in str(caught.value)


def test_webhook_urls_named_in_the_config_are_redacted_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = "https://discord.example/api/webhooks/1/hook-secret-token"
    monkeypatch.setenv("NEWS_WEBHOOK", hook)
    config = tmp_path / "sovai.yaml"
    config.write_text(
        "subscriptions:\n  - {platform: discord, channel: news, webhook_url_env: NEWS_WEBHOOK}\n",
        encoding="utf-8",
    )
    settings = load_settings(config, environ={})
    setup_logging("INFO", settings.secret_values())
    logging.getLogger("sovai.test").info("posting to %s", hook)
    assert "hook-secret-token" not in capsys.readouterr().err
