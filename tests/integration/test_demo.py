"""`sovai demo` and `make demo` as a newcomer runs them: offline, no token, nothing kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from bot.demo.site_server import FEED_PATH, serve_demo_site, site_pages

ROOT = Path(__file__).parents[2]
CLOSED_PORT = "http://127.0.0.1:9"  # discard: nothing listens, any use of it fails


def newcomer_env(tmp: Path) -> dict[str, str]:
    """A shell with no token, a proxy that would fail, and settings that must be ignored."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(
        TMPDIR=str(tmp),
        HTTP_PROXY=CLOSED_PORT,
        HTTPS_PROXY=CLOSED_PORT,
        ALL_PROXY=CLOSED_PORT,
        DATABASE_URL="sqlite:////nonexistent-folder/never.db",
        SOVAI_CONFIG=str(tmp / "no-such-config.yaml"),
    )
    env.pop("NO_PROXY", None)
    env.pop("no_proxy", None)
    return env


def run_as_user(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run `command` as typed in a shell; its standard output, once it exited 0."""
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def assert_shows_the_bot_at_work(out: str) -> None:
    assert "Sovereign AI Wire (demo): 6 new entries, 6 new articles" in out
    digest = out.split("sovai digest --preview", 1)[1].split("/ai-country japan", 1)[0]
    assert "5 stories from 4 countries" in digest
    for flag_and_name in ("🇯🇵 Japan", "🇫🇷 France", "🇮🇳 India", "🇰🇷 South Korea"):
        assert flag_and_name in digest
    # quotes with their speakers, figures with their USD equivalents
    assert "— Aiko Morita, digital minister" in digest
    assert "JPY 1 trillion ≈ USD" in digest and "INR 45 billion ≈ USD" in digest
    assert "Harbour festival" not in digest  # read, and left out: not sovereign-AI news
    briefing = out.split("/ai-country japan", 1)[1]
    assert "🇯🇵 Japan: sovereign AI in the last 30 days" in briefing
    assert "Stories: 2" in briefing
    assert "Revisions" in briefing and "1 trillion yen" in briefing
    assert "→ 1.5 trillion yen" in briefing
    assert "Done in" in out


def test_sovai_demo_polls_the_bundled_site_and_prints_a_digest_and_a_briefing(
    tmp_path: Path,
) -> None:
    temp, cwd = tmp_path / "tmp", tmp_path / "cwd"
    temp.mkdir()
    cwd.mkdir()
    out = run_as_user([sys.executable, "-m", "bot.cli", "demo"], cwd, newcomer_env(temp))
    assert_shows_the_bot_at_work(out)
    # its temporary database is gone, and nothing was written where it ran
    assert list(temp.iterdir()) == []
    assert list(cwd.iterdir()) == []


def test_make_demo_runs_the_same_demo(tmp_path: Path) -> None:
    bin_dir = Path(sys.executable).parent
    if shutil.which("make") is None or not (bin_dir / "sovai").exists():
        pytest.skip("needs make and the sovai script next to this Python")
    # -o: the venv counts as installed (it is the one running these tests)
    make = ["make", "--no-print-directory", "-o", ".venv/.installed", f"BIN={bin_dir}", "demo"]
    env = {**newcomer_env(tmp_path), "PYTHONPATH": str(ROOT)}
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):  # when `make test` runs this test
        env.pop(name, None)
    out = run_as_user(make, ROOT, env)
    assert_shows_the_bot_at_work(out)
    assert list(tmp_path.iterdir()) == []


def test_the_demo_site_serves_its_pages_with_the_port_and_recent_dates_filled_in() -> None:
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    with serve_demo_site(now) as origin:
        with urllib.request.urlopen(f"{origin}{FEED_PATH}", timeout=10) as answer:
            feed = answer.read().decode()
            assert answer.headers["Content-Type"].startswith("application/rss+xml")
        with urllib.request.urlopen(f"{origin}/articles/korea-fund.html", timeout=10) as answer:
            assert "sovereign AI fund" in answer.read().decode()
        for path in ("/../pyproject.toml", "/articles/../feed.xml", "/site/feed.xml"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"{origin}{path}", timeout=10)
            assert refused.value.code == 404
    assert "ORIGIN" not in feed and "@HOURS_AGO" not in feed
    assert f"<link>{origin}/articles/japan-supercomputer.html</link>" in feed
    dates = [parsedate_to_datetime(d.split("</pubDate>")[0]) for d in feed.split("<pubDate>")[1:]]
    assert len(dates) == 6
    assert all(now - timedelta(days=9) <= d < now for d in dates)


def test_every_page_of_the_site_ships_in_the_package() -> None:
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["bot"]
    site = ROOT / "bot" / "demo" / "site"
    files = [p.relative_to(ROOT / "bot") for p in site.rglob("*") if p.is_file()]
    assert len(files) == len(site_pages()) == 7
    for path in files:
        assert any(path.match(pattern) for pattern in patterns), f"{path} is not package data"
