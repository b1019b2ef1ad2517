"""Configuration: one clear message naming file, line, key and what was expected; exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import ConfigError, load_settings

GOOD = """\
database: sqlite:///data/test.db
feeds:
  - url: https://example.org/feed.xml
    name: Example
    interval: 30
digest: {time: "07:30", timezone: Asia/Tokyo, max_stories: 5}
subscriptions:
  - {platform: slack, channel: C0123ABC, countries: [jp, IN]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sovai.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_with_defaults_filled_in(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD), environ={})
    config = settings.config
    assert config.feeds[0].interval == 30
    assert config.digest.timezone == "Asia/Tokyo"
    assert config.subscriptions[0].countries == ("JP", "IN")
    assert config.fetch.allow_private_networks is False
    assert settings.database_url == "sqlite:///data/test.db"


def test_sovai_config_selects_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    settings = load_settings(None, environ={"SOVAI_CONFIG": str(path)})
    assert settings.path == path


def test_database_url_from_the_environment_wins(tmp_path: Path) -> None:
    env = {"DATABASE_URL": "postgresql+psycopg://sovai@db/sovai", "DATABASE_PASSWORD": "pw-1234"}
    settings = load_settings(write(tmp_path, GOOD), environ=env)
    assert settings.database_url == "postgresql+psycopg://sovai:pw-1234@db/sovai"
    assert "pw-1234" not in settings.database_display


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("    interval: 30", "    interval: soon"),
            "sovai.yaml:5: feeds[0].interval: expected a whole number (got 'soon')",
        ),
        (
            GOOD.replace("feeds:", "feedz:"),
            "sovai.yaml:2: feedz: unknown key (expected one of: database, feeds, digest,",
        ),
        (
            GOOD.replace('time: "07:30"', 'time: "7 am"'),
            "sovai.yaml:6: digest.time: expected a time of day as HH:MM (24-hour), got '7 am'",
        ),
        (
            GOOD.replace("Asia/Tokyo", "Mars/Olympus"),
            "sovai.yaml:6: digest.timezone: expected an IANA time zone",
        ),
        (
            GOOD.replace("platform: slack", "platform: teams"),
            "sovai.yaml:8: subscriptions[0].platform: expected slack, discord or terminal",
        ),
        (
            GOOD.replace("[jp, IN]", "[Japan]"),
            "sovai.yaml:8: subscriptions[0].countries: unknown country code 'Japan' (did you "
            "mean JP",
        ),
        (
            GOOD.replace("https://example.org", "ftp://example.org"),
            "sovai.yaml:3: feeds[0].url: expected an http:// or https:// URL",
        ),
        (
            GOOD + "slack_bot_token: xoxb-1\n",
            "sovai.yaml:9: slack_bot_token: secrets are not read from the config file; "
            "set the environment variable SLACK_BOT_TOKEN",
        ),
        (
            GOOD.replace("interval: 30", "interval: 30: 40"),
            "sovai.yaml:5: not valid YAML: mapping values are not allowed here",
        ),
        ("- just\n- a list\n", "sovai.yaml:1: expected a mapping of settings"),
        (
            GOOD.replace("sqlite:///data/test.db", "a database please"),
            "sovai.yaml:1: database: expected a database URL",
        ),
    ],
)
def test_mistakes_name_file_line_key_and_expectation(
    tmp_path: Path, text: str, expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text), environ={})
    assert expected in str(caught.value)


def test_cli_exits_2_with_the_message_and_starts_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, GOOD.replace("max_stories: 5", "max_stories: lots"))
    assert main(["--config", str(path), "run"]) == 2
    err = capsys.readouterr().err
    assert "digest.max_stories: expected a whole number (got 'lots')" in err
    assert "Traceback" not in err
    assert not (tmp_path / "data").exists()  # no database was created


def test_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(tmp_path / "nope.yaml"), "config", "check"]) == 2
    assert "nope.yaml: cannot read the config file" in capsys.readouterr().err


def test_the_shipped_config_is_valid_and_lists_enough_real_feeds() -> None:
    shipped = Path(__file__).parents[2] / "config" / "sovai.yaml"
    settings = load_settings(shipped, environ={})
    urls = [feed.url for feed in settings.config.feeds]
    assert len(urls) >= 8
    assert len(set(urls)) == len(urls)
    assert all(url.startswith("https://") for url in urls)
