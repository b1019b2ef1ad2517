"""Hand-run benchmark of the 08:00 burst (not a test): 300 channels' digests at once.

    .venv/bin/python bench/scale_burst.py [--channels 300] [--workers 2] [--platform both]
                                          [--database-url URL]

Fake Slack and Discord APIs on loopback (tests/integration/fake_slack.py, fake_discord.py)
enforce the platforms' limits: a Slack channel about once a second (3 in any 3 s), the
workspace's chat.postMessage 300 a minute; Discord's 5 per 5 s per channel's messages and
50 requests a second per bot, in X-RateLimit-* headers. `--channels` Slack channels and
as many Discord channels (`--platform both`) each get one digest, sent by `--workers`
processes (each a sender with a store of its own, tests/integration/budget_posters.py)
that share one rate budget in one database: by default a PostgreSQL started for the
run (tests/integration/postgres_server.py), else `--database-url`.

Reported: wall time from the workers' start to the last digest (Python start-up
included), the 429s the fakes answered, the budget's database round trips per post
(statements sent; on PostgreSQL also the server's committed transactions) and the
slots taken per post (each API call takes one: Discord's bot also logs in and reads the
channel before posting).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.store.db import make_engine, upgrade  # noqa: E402
from tests.integration import fake_discord, fake_slack  # noqa: E402
from tests.integration.budget_posters import Job, Result, parse, run_args  # noqa: E402
from tests.integration.postgres_server import start_postgres  # noqa: E402

TIMEOUT = 600


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--platform", choices=("slack", "discord", "both"), default="both")
    parser.add_argument("--database-url")
    return parser.parse_args()


def _jobs(args: argparse.Namespace, url: str, slack: object, discord: object) -> list[Job]:
    jobs: list[Job] = []
    for n in range(args.workers):
        if args.platform in ("slack", "both"):
            mine = [f"C{c:04d}" for c in range(n, args.channels, args.workers)]
            api = slack.api_url  # type: ignore[attr-defined]
            jobs.append(Job(url, "slack", api, fake_slack.TOKEN, mine, f"s{n}", 300.0))
        if args.platform in ("discord", "both"):
            ids = discord.bench_ids  # type: ignore[attr-defined]
            mine = ids[n :: args.workers]
            api = discord.base  # type: ignore[attr-defined]
            jobs.append(Job(url, "discord", api, fake_discord.TOKEN, mine, f"d{n}", 300.0))
    return jobs


def _transactions(url: str) -> int | None:
    if not url.startswith("postgresql"):
        return None
    from sqlalchemy import text

    engine = make_engine(url)
    with engine.connect() as conn:
        query = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        value = int(conn.execute(text(query)).scalar_one())
    engine.dispose()
    return value


def _next_day(jobs: list[Job]) -> list[Job]:
    """The same channels' next digests: the buckets' rows exist by now (steady state)."""
    return [Job(**{**asdict(job), "tag": job.tag + "-next"}) for job in jobs]


def _run(jobs: list[Job]) -> tuple[float, list[Result]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    procs = [
        subprocess.Popen(run_args(job), cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for job in jobs
    ]
    results = [parse(proc.communicate(timeout=TIMEOUT)[0]) for proc in procs]
    return time.monotonic() - started, results


def _counts(slack: fake_slack.FakeSlack, discord: fake_discord.FakeDiscord) -> list[int]:
    posts = len(slack.calls_to("chat.postMessage")) + len(discord.posted())
    limits = [limit.refused for limit in discord.limits.values()]
    return [posts, slack.refused, discord.refused, *limits]


def _burst(
    label: str,
    jobs: list[Job],
    url: str,
    slack: fake_slack.FakeSlack,
    discord: fake_discord.FakeDiscord,
) -> bool:
    """One burst, reported; True when every digest went out with no 429."""
    counts, before = _counts(slack, discord), _transactions(url)
    elapsed, results = _run(jobs)
    after = _transactions(url)
    posts, slack_429, discord_429, *by_limit = (
        b - a for a, b in zip(counts, _counts(slack, discord), strict=True)
    )
    sent = sum(r.sent for r in results)
    failed = [f for r in results for f in r.failed]
    kinds: dict[str, int] = {}
    for result in results:
        for kind, n in result.round_trips.items():
            kinds[kind] = kinds.get(kind, 0) + n
    trips = sum(kinds.values())
    names = ", ".join(f"{k} {v}" for k, v in zip(discord.limits, by_limit, strict=True))
    print(f"-- {label}")
    print(f"digests sent {sent}, failed {len(failed)}{': ' + failed[0] if failed else ''}")
    print(f"wall time {elapsed:.1f} s (goal: under 300 s)")
    print(f"429s from the fakes: slack {slack_429}, discord {discord_429} ({names})")
    late = sum(r.late for r in results)
    print(f"posts {posts}; budget slots {sum(r.slots for r in results)}; pauses "
          f"{sum(r.pauses for r in results)}; retaken late {late}")  # fmt: skip
    split = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    print(f"budget round trips {trips} ({trips / max(posts, 1):.2f} per post: {split})")
    if before is not None and after is not None:
        print(f"PostgreSQL transactions {after - before} ({(after - before) / max(posts, 1):.2f} "
              "per post, the workers' connections included)")  # fmt: skip
    return not failed and slack_429 + discord_429 == 0


def main() -> int:
    args = _args()
    with ExitStack() as stack:
        url = args.database_url
        if url is None:
            server = start_postgres()
            stack.callback(server.stop)
            url = server.create_database("burst")
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        slack = stack.enter_context(fake_slack.serve_fake_slack())
        slack.enforce_limits()
        discord = stack.enter_context(fake_discord.serve_discord())
        discord.enforce_limits()
        discord.bench_ids = [discord.add_channel(name=f"n{c}") for c in range(args.channels)]  # type: ignore[attr-defined]
        print(f"platform {args.platform}, {args.channels} channels each, {args.workers} workers")
        jobs = _jobs(args, url, slack, discord)
        ok = _burst("08:00, first day (every bucket's row made)", jobs, url, slack, discord)
        ok &= _burst("08:00, next day", _next_day(jobs), url, slack, discord)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
