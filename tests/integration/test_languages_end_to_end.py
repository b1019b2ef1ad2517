"""News in Japanese and German, polled and read as a user runs the bot: each story keeps
its own headline and quotes, says which language it is in, names a Japanese speaker in
Latin letters too, and gives its money in the local currency and in dollars."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.run_cli import sovai
from tests.integration.site_server import Site, serve_site


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_site() as running:
        yield running


def _config(tmp_path: Path, site: Site) -> str:
    config = tmp_path / "sovai.yaml"
    config.write_text(
        f"""
database: sqlite:///{tmp_path}/sovai.db
feeds:
  - url: {site.url("/ja.xml")}
    name: テクノロジー速報
digest: {{time: "08:00", timezone: UTC, max_stories: 8}}
fetch: {{allow_private_networks: true, timeout: 10}}
""",
        encoding="utf-8",
    )
    return str(config)


def test_japanese_and_german_stories_reach_the_digest_in_their_own_words(
    tmp_path: Path, site: Site
) -> None:
    config = _config(tmp_path, site)
    polled = sovai("--config", config, "poll", "--once", "--backfill", cwd=tmp_path)
    assert polled.returncode == 0, polled.stderr
    assert "2 new articles" in polled.stdout

    preview = sovai("--config", config, "digest", "--preview", "--since", "30d", cwd=tmp_path)
    assert preview.returncode == 0, preview.stderr
    out = preview.stdout
    assert "政府、国産AI向け計算資源に725億円" in out
    assert "[in Japanese]" in out and "[in German]" in out
    assert "🇯🇵 Japan" in out and "🇩🇪 Germany" in out
    assert "鷲尾千景 (Chikage Washio)" in out
    assert "JPY 72.5 billion ≈ USD" in out
    assert "EUR 1.2 billion ≈ USD" in out
    assert "Henrike Vollmar" in out


def test_the_stored_analysis_keeps_the_language(tmp_path: Path, site: Site) -> None:
    config = _config(tmp_path, site)
    assert sovai("--config", config, "poll", "--once", "--backfill", cwd=tmp_path).returncode == 0
    import sqlite3

    with sqlite3.connect(tmp_path / "sovai.db") as db:
        rows = db.execute("SELECT language, countries, quotes FROM analyses ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["ja", "de"]
    assert json.loads(rows[0][1]) == ["JP"] and json.loads(rows[1][1]) == ["DE"]
    speakers = {q["speaker"] for r in rows for q in json.loads(r[2])}
    assert {"鷲尾千景", "Henrike Vollmar"} <= speakers
