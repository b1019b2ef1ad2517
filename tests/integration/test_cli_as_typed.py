"""`sovai` as people type it: options where they put them, help for everything, and every
message worded for the person reading it (counts that agree, no pydantic or Python
phrasing, no errno, no silent adjustment).

Each test runs the real command in a subprocess, with a config and database of its own.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.cli_args import command_tree
from bot.models import Analysis, Article, Entry
from bot.settings import FeedConfig, SubscriptionConfig
from bot.store.db import make_engine, upgrade
from bot.store.repo import Store
from tests.integration.run_cli import sovai

PYTHON_WORDING = ("Traceback", "Input should", "Errno", "ValidationError", "Value error")


def _config(tmp_path: Path, extra: str = "") -> str:
    path = tmp_path / "sovai.yaml"
    path.write_text(f"database: sqlite:///{tmp_path}/sovai.db\n{extra}", encoding="utf-8")
    return str(path)


def _plain(text: str) -> None:
    """No traceback, no library sentence, no errno: only what a person can act on."""
    for phrase in PYTHON_WORDING:
        assert phrase not in text, text


def _store(tmp_path: Path) -> Store:
    engine = make_engine(f"sqlite:///{tmp_path}/sovai.db")
    upgrade(engine)
    return Store(engine)


def _seed_story(tmp_path: Path, title: str) -> None:
    """One sovereign-AI story read an hour ago; the terminal channel subscribed before it."""
    store = _store(tmp_path)
    read = datetime.now(UTC) - timedelta(hours=1)
    store.sync_subscriptions([SubscriptionConfig(platform="terminal", channel="stdout")], read)
    store.sync_feeds([FeedConfig(url="https://news.example/feed", name="Desk")], read)
    url = "https://news.example/1"
    (new,) = store.add_entries(store.feeds()[0].id, [Entry(key=url, url=url, title=title)], read)
    article = Article(url=url, canonical_url=url, title=title, text=f"{title}. More.")
    analysis = Analysis(relevant=True, relevance=0.9, countries=("JP",), summary=("S.",))
    store.save_article(new.id, article, analysis, "1", read)
    store.close()


# -- options after the subcommand, log levels ---------------------------------------------


def test_config_and_log_level_work_after_the_subcommand(tmp_path: Path) -> None:
    config = _config(tmp_path)
    upgraded = sovai("db", "upgrade", "--config", config, "--log-level", "warning", cwd=tmp_path)
    assert upgraded.returncode == 0, upgraded.stderr
    assert (tmp_path / "sovai.db").exists() and not (tmp_path / "data").exists()
    assert "INFO" not in upgraded.stderr  # --log-level warning, given after the command

    polled = sovai("poll", "--once", "--config", config, cwd=tmp_path)
    assert polled.returncode == 0, polled.stderr
    assert "no feeds: add one with `sovai sources add URL`" in polled.stdout

    nested = sovai("sources", "list", "--config", config, "--log-level", "DEBUG", cwd=tmp_path)
    assert nested.returncode == 0, nested.stderr

    # given twice, the one nearer the end wins, as with any option
    missing = str(tmp_path / "missing.yaml")
    both = sovai("--config", missing, "config", "check", "--config", config, cwd=tmp_path)
    assert both.returncode == 0, both.stderr
    assert f"{config}: OK" in both.stdout


def test_an_unknown_log_level_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    config = _config(tmp_path)
    typed = sovai("--log-level", "verbose", "--config", config, "config", "check", cwd=tmp_path)
    assert typed.returncode == 2
    assert "invalid choice: 'verbose' (choose from 'debug', 'info', 'warning', 'error')" in (
        typed.stderr
    )
    after = sovai("poll", "--once", "--log-level", "verbose", cwd=tmp_path)
    assert after.returncode == 2 and "invalid choice: 'verbose'" in after.stderr
    from_env = sovai(
        "config", "check", "--config", config, cwd=tmp_path, env={"SOVAI_LOG_LEVEL": "loud"}
    )
    assert from_env.returncode == 2
    assert "SOVAI_LOG_LEVEL=loud: expected debug, info, warning or error" in from_env.stderr
    for result in (typed, after, from_env):
        _plain(result.stderr)


def test_the_top_level_help_lists_every_command_with_what_it_does(tmp_path: Path) -> None:
    shown = sovai("--help", cwd=tmp_path)
    assert shown.returncode == 0
    assert "quotes with speakers, figures with USD" in shown.stdout
    commands = [path[0] for path, _, _ in command_tree(build_parser()) if len(path) == 1]
    assert {"run", "poll", "digest", "analyze", "country", "db", "health"} <= set(commands)
    for name in commands:
        assert re.search(rf"^    {name} +\S", shown.stdout, re.MULTILINE), shown.stdout
    assert "--log-level {debug,info,warning,error}" in shown.stdout


def test_every_command_and_option_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for path, parser, listed in command_tree(build_parser()):
        assert listed, f"`sovai {' '.join(path)}` is listed without a word of help"
        for action in parser._actions:
            if action.dest != "help" and not isinstance(action, argparse._SubParsersAction):
                assert action.help, f"`sovai {' '.join(path)}`: {action.dest} has no help"
        with pytest.raises(SystemExit) as done:
            main([*path, "--help"])
        assert done.value.code == 0
        assert "--config FILE" in capsys.readouterr().out


def test_a_subcommands_help_shows_its_options_defaults_and_the_common_ones(
    tmp_path: Path,
) -> None:
    add = sovai("sources", "add", "--help", cwd=tmp_path).stdout
    assert "the feed's http:// or https:// URL" in add
    assert "(default: 60)" in add.replace("\n", " ").replace("  ", " ")
    assert "--config FILE" in add and "--log-level" in add
    missing = sovai("sources", cwd=tmp_path)
    assert missing.returncode == 2
    assert "required: {list,add,remove,import,export} (see `sovai sources --help`)" in (
        missing.stderr
    )


# -- the config file ----------------------------------------------------------------------


def test_config_mistakes_are_worded_in_the_files_terms(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        "digest:\n"
        "  time: 9:30\n"
        "  timezone: Asia/Tokio\n"
        "  max_stories: lots\n"
        "slack:\n"
        "  bot_token: xoxb-not-here\n"
        "  admins: U012AB3CD\n"
        "discord:\n"
        "  bot_token: discord-secret-value\n"
        "subscriptions:\n"
        "  - {platform: slack, channel: C1, countries: [XX, uk]}\n"
        "  - {platform: discord, channel: 998877, time: 930}\n"
        "  - {platform: teams, channel: C2, countries: JP}\n",
    )
    result = sovai("config", "check", "--config", config, cwd=tmp_path)
    assert result.returncode == 2
    err = result.stderr
    _plain(err)
    expected = [
        ':3: digest.time: quote the time: "9:30" (unquoted, YAML reads 9:30 as the number 570)',
        ":4: digest.timezone: expected an IANA time zone such as UTC or Asia/Tokyo, "
        "got 'Asia/Tokio'\n",
        ":5: digest.max_stories: expected a whole number (got 'lots')",
        ":7: slack.bot_token: secrets are not read from the config file; set the environment "
        "variable SLACK_BOT_TOKEN (or SLACK_BOT_TOKEN_FILE) instead",
        ":8: slack.admins: expected a list such as [U012AB3CD] (got 'U012AB3CD')",
        ":10: discord.bot_token: secrets are not read from the config file; set the "
        "environment variable DISCORD_BOT_TOKEN (or DISCORD_BOT_TOKEN_FILE) instead",
        ":12: subscriptions[0].countries: unknown country codes 'XX' (codes are ISO 3166 ones "
        "such as JP, KR or GB; EU for the EU), 'uk' (did you mean GB for United Kingdom?)",
        ':13: subscriptions[1].channel: quote the channel ID: "998877"',
        ':13: subscriptions[1].time: expected a time of day in quotes, such as "08:30" (got 930)',
        ":14: subscriptions[2].platform: expected slack, discord or terminal (got 'teams')",
        ":14: subscriptions[2].countries: expected a list such as [JP, KR] (got 'JP')",
    ]
    for line in expected:
        assert line in err, f"{line!r} not in:\n{err}"
    assert "Asia/Tokio'" not in err.replace("got 'Asia/Tokio'\n", "")  # said once
    assert "xoxb-not-here" not in err and "discord-secret-value" not in err
    assert "BOT_TOKEN (or BOT_TOKEN_FILE)" not in err


def _refused(tmp_path: Path, name: str, text: str) -> str:
    """`sovai config check` of a file holding `text`: refused (exit 2); what it said."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = sovai("config", "check", "--config", str(path), cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    _plain(result.stderr)
    return result.stdout + result.stderr


def test_a_database_password_in_the_file_is_refused_like_any_secret(tmp_path: Path) -> None:
    in_url = _refused(tmp_path, "url.yaml", "database: postgresql+psycopg://u:pa55-w0rd@db/s\n")
    assert (
        "url.yaml:1: database: the URL holds a password: secrets are not read from the config "
        "file; set the environment variable DATABASE_PASSWORD (or DATABASE_PASSWORD_FILE)"
    ) in in_url
    nested = _refused(
        tmp_path,
        "mapping.yaml",
        "database:\n  url: postgresql+psycopg://u@db/s\n  password: pa55-w0rd\n",
    )
    assert (
        "mapping.yaml:3: database.password: secrets are not read from the config file; "
        "set the environment variable DATABASE_PASSWORD"
    ) in nested
    assert "pa55-w0rd" not in in_url + nested


def test_an_unsupported_database_is_refused_by_config_check_with_the_supported_list(
    tmp_path: Path,
) -> None:
    supported = "supported: sqlite:///PATH (the default) or postgresql+psycopg://USER@HOST/DB"
    mysql = _refused(tmp_path, "mysql.yaml", "database: mysql://sovai@db/sovai\n")
    assert f"mysql.yaml:1: database: mysql:// databases are not supported; {supported}" in mysql
    from_env = sovai(
        "config",
        "check",
        "--config",
        _config(tmp_path),
        cwd=tmp_path,
        env={"DATABASE_URL": "postgresql://sovai@db/sovai"},
    )
    assert from_env.returncode == 2
    assert "DATABASE_URL: postgresql:// databases are not supported (sovai talks to " in (
        from_env.stderr
    )
    assert "write postgresql+psycopg://)" in from_env.stderr and supported in from_env.stderr


# -- analyze ------------------------------------------------------------------------------

GOOD_RECORD = {
    "id": "good",
    "title": "Japan funds a national AI supercomputer",
    "text": "Japan's government will spend JPY 100 billion on a national AI supercomputer "
    "for sovereign AI, the digital minister said on Monday.",
}


def test_analyze_reports_each_bad_line_and_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps(GOOD_RECORD),
        '{"id": "broken", "text": "no closing brace"',
        "[1, 2]",
        json.dumps({"id": "empty", "title": "only a title"}),
        json.dumps({"id": "typed", "title": 5, "text": "x"}),
        json.dumps({"id": "list", "text": ["a", "list"]}),
        "",
        json.dumps({**GOOD_RECORD, "id": "again"}),
    ]
    source.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "\xff"}\n')
    result = sovai("analyze", str(source), cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr
    _plain(err)
    for line in (
        "in.jsonl:2: not JSON: expecting ',' delimiter at column 44",
        'in.jsonl:3: expected a JSON object such as {"id": "1", "text": "…"}, got an array',
        "in.jsonl:4: nothing to analyse: no 'text' or 'html'",
        "in.jsonl:5: 'title' should be a string or null, got a number (5)",
        "in.jsonl:6: 'text' should be a string or null, got an array",
        "in.jsonl:9: not UTF-8 text",
        "sovai: 6 lines of ",
    ):
        assert line in err, f"{line!r} not in:\n{err}"
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["good", "again"]
    assert json.loads(result.stdout.splitlines()[0])["countries"] == ["JP"]


def test_analyze_to_a_file_says_how_many_it_wrote(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(GOOD_RECORD) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    one = sovai("analyze", str(source), "-o", str(out), cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    assert one.stdout == f"1 article analysed → {out}\n"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    source.write_text(json.dumps(GOOD_RECORD) + "\n" + "oops\n" + json.dumps(GOOD_RECORD) + "\n")
    two = sovai("analyze", str(source), "--output", str(out), cwd=tmp_path)
    assert two.returncode == 1
    assert two.stdout == f"2 articles analysed → {out}\n"
    assert "in.jsonl:2: not JSON: expecting value at column 1" in two.stderr
    assert "sovai: 1 line of " in two.stderr


def test_analyze_of_files_that_cannot_be_read_says_why_in_words(tmp_path: Path) -> None:
    missing = sovai("analyze", "nope.jsonl", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "sovai: cannot read nope.jsonl: no such file or directory\n"
    folder = sovai("analyze", str(tmp_path), cwd=tmp_path)
    assert folder.returncode == 2 and "it is a directory" in folder.stderr
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(GOOD_RECORD) + "\n", encoding="utf-8")
    nowhere = sovai("analyze", str(source), "-o", str(tmp_path / "no" / "o.jsonl"), cwd=tmp_path)
    assert nowhere.returncode == 2
    assert "cannot write " in nowhere.stderr and "no such file or directory" in nowhere.stderr
    itself = sovai("analyze", str(source), "-o", str(source), cwd=tmp_path)
    assert itself.returncode == 2 and "is the input file" in itself.stderr
    assert source.read_text(encoding="utf-8").startswith('{"id": "good"')  # not truncated
    page = sovai("analyze", "--file", "nope.html", cwd=tmp_path)
    assert page.returncode == 2 and "cannot read nope.html: no such file" in page.stderr
    for result in (missing, folder, nowhere, itself, page):
        _plain(result.stderr)


def test_the_readable_report_leaves_out_empty_sections(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Japan's AI plan</title></head><body><article>"
        "<h1>Japan funds a national AI supercomputer</h1>"
        f"<p>{GOOD_RECORD['text']} The national AI strategy also funds domestic models "
        "built on 10,000 GPUs.</p></article></body></html>",
        encoding="utf-8",
    )
    report = sovai("analyze", "--file", str(page), cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "Quotes (" not in report.stdout  # the article quotes nobody
    assert "Figures (" in report.stdout
    assert "[money: 100,000,000,000, unit JPY]" in report.stdout
    assert "1e+11" not in report.stdout


# -- digests, subscriptions, Discord, the database ----------------------------------------


def test_a_digest_window_beyond_the_cap_says_so_and_counts_agree(tmp_path: Path) -> None:
    config = _config(tmp_path)
    _seed_story(tmp_path, "Japan funds sovereign AI")
    capped = sovai("digest", "--preview", "--since", "400d", "--config", config, cwd=tmp_path)
    assert capped.returncode == 0, capped.stderr
    assert "--since is capped at 365 days: previewing the last 365 days" in capped.stderr
    assert "Japan funds sovereign AI" in capped.stdout
    huge = sovai("digest", "--preview", "--since", "999999999w", "--config", config, cwd=tmp_path)
    assert huge.returncode == 0 and "capped at 365 days" in huge.stderr
    nothing = sovai("digest", "--preview", "--since", "0h", "--config", config, cwd=tmp_path)
    assert nothing.returncode == 2 and "at least 1m, got '0h'" in nothing.stderr
    sent = sovai("digest", "--config", config, cwd=tmp_path)
    assert sent.returncode == 0, sent.stderr
    assert "terminal:stdout: sent (1 story)" in sent.stderr
    for result in (capped, huge, nothing, sent):
        _plain(result.stderr)


def test_resuming_says_what_there_was_to_resume(tmp_path: Path) -> None:
    config = _config(tmp_path, "subscriptions:\n  - {platform: slack, channel: C0123ABC}\n")
    assert sovai("db", "upgrade", "--config", config, cwd=tmp_path).returncode == 0
    listed = sovai("subscriptions", "list", "--config", config, cwd=tmp_path)
    assert listed.returncode == 0 and "C0123ABC" in listed.stdout
    nobody = sovai("subscriptions", "resume", "99", "--config", config, cwd=tmp_path)
    assert nobody.returncode == 1
    assert "sovai: no subscription 99 (see `sovai subscriptions list`)" in nobody.stderr
    running = sovai("subscriptions", "resume", "1", "--config", config, cwd=tmp_path)
    assert running.returncode == 0
    assert "subscription #1 (slack:C0123ABC) is not paused: nothing to resume" in running.stdout
    store = _store(tmp_path)
    store.pause_subscription(1, "Slack: channel_not_found")
    store.close()
    resumed = sovai("subscriptions", "resume", "1", "--config", config, cwd=tmp_path)
    assert resumed.returncode == 0
    assert "subscription #1 (slack:C0123ABC) resumed" in resumed.stdout
    store = _store(tmp_path)
    assert not store.subscriptions()[0].paused
    store.close()


def test_discord_invite_without_a_token_points_to_client_id(tmp_path: Path) -> None:
    config = _config(tmp_path)
    bare = sovai("discord", "invite", "--config", config, cwd=tmp_path)
    assert bare.returncode == 2
    assert "`sovai discord invite --client-id ID`" in bare.stderr
    assert "DISCORD_BOT_TOKEN" in bare.stderr
    given = sovai("discord", "invite", "--client-id", "123456789", "--config", config, cwd=tmp_path)
    assert given.returncode == 0, given.stderr
    assert "client_id=123456789" in given.stdout


def test_db_current_on_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    config = _config(tmp_path)
    missing = sovai("db", "current", "--config", config, cwd=tmp_path)
    assert missing.returncode == 1
    assert f"sovai: no database at {tmp_path}/sovai.db yet; `sovai db upgrade`" in missing.stderr
    assert not (tmp_path / "sovai.db").exists()
    checked = sovai("db", "check", "--config", config, cwd=tmp_path)
    assert checked.returncode == 1 and not (tmp_path / "sovai.db").exists()
    assert sovai("db", "upgrade", "--config", config, cwd=tmp_path).returncode == 0
    current = sovai("db", "current", "--config", config, cwd=tmp_path)
    assert current.returncode == 0 and ", up to date" in current.stdout


def test_ledger_counts_agree_and_unreadable_files_are_said_in_words(tmp_path: Path) -> None:
    config = _config(tmp_path)
    briefing = sovai("country", "JP", "--days", "1", "--config", config, cwd=tmp_path)
    assert briefing.returncode == 0, briefing.stderr
    assert "Japan: sovereign AI in the last 1 day\n" in briefing.stdout
    rebuilt = sovai("ledger", "rebuild", "--config", config, cwd=tmp_path)
    assert "ledger rebuilt from 0 stored articles" in rebuilt.stdout
    opml = sovai("sources", "import", "missing.opml", "--config", config, cwd=tmp_path)
    assert opml.returncode == 1
    assert opml.stderr.endswith("sovai: cannot read missing.opml: no such file or directory\n")
    chart = tmp_path / "no-such-folder" / "chart.png"
    unknown = sovai("country", "XX", "--chart", str(chart), "--config", config, cwd=tmp_path)
    assert unknown.returncode == 2 and "unknown country 'XX'" in unknown.stderr
    for result in (briefing, rebuilt, opml, unknown):
        _plain(result.stderr)
