"""The post rate budget's policy: buckets, paces, and what an answer's headers say."""

from __future__ import annotations

import pytest

from bot.chat.rate_budget import (
    DISCORD_GLOBAL,
    DISCORD_ROUTE,
    MARGIN,
    Limit,
    Verdict,
    account_id,
    discord_buckets,
    discord_verdict,
    slack_buckets,
    slack_verdict,
    too_long,
    webhook_buckets,
)


def test_a_pace_is_the_limit_spread_evenly_with_a_margin() -> None:
    assert Limit(1, 1.0).period == pytest.approx(MARGIN)
    assert Limit(50, 1.0).period == pytest.approx(0.02 * MARGIN)
    assert DISCORD_GLOBAL.period == pytest.approx(0.025 * MARGIN)
    assert DISCORD_ROUTE.period == pytest.approx(1.0 * MARGIN)


def test_a_slack_post_draws_on_the_workspace_method_and_the_channel() -> None:
    ws = account_id("xoxb-1")
    post = slack_buckets(ws, "chat.postMessage", "C1")
    assert [b.key for b in post] == [f"slack:{ws}:chat.postMessage", f"slack:{ws}:channel:C1"]
    assert post[1].period == pytest.approx(1.1)
    assert post[0].period < post[1].period  # several hundred a minute across channels
    (history,) = slack_buckets(ws, "conversations.history", "C1")  # Tier 3: per workspace
    assert history.period == pytest.approx(60 / 50 * MARGIN)
    assert slack_buckets(ws, "chat.postMessage", "C2")[0] == post[0]


def test_workspaces_and_bots_are_named_without_their_tokens() -> None:
    assert account_id("xoxb-1") == account_id("xoxb-1") != account_id("xoxb-2")
    assert "xoxb" not in account_id("xoxb-1") and len(account_id("xoxb-1")) == 16


def test_a_discord_request_draws_on_the_global_and_its_route() -> None:
    glob, route = discord_buckets("bot", "POST /channels/{channel_id}/messages", "42")
    assert glob.key == "discord:bot:global" and glob.period == pytest.approx(0.025 * MARGIN)
    assert route.key == "discord:bot:POST /channels/{channel_id}/messages:42"
    assert [b.key for b in discord_buckets("bot", "GET /users/@me", "")] == [glob.key]
    assert webhook_buckets("7")[0].key == "discord:webhook:7"


def test_a_slack_429_pauses_for_its_retry_after() -> None:
    assert slack_verdict(200, {"Retry-After": "30"}) == Verdict()
    assert slack_verdict(429, {"retry-after": "7"}) == Verdict(pause=7.0)
    assert slack_verdict(429, {}).pause == 1.0
    assert slack_verdict(429, {"Retry-After": "soon"}).pause == 1.0


def _headers(limit: int, remaining: int, reset_after: float, **more: str) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset-After": str(reset_after),
        **more,
    }


def test_discords_headers_pause_and_pace_a_route() -> None:
    assert discord_verdict(200, _headers(5, 0, 3.5)) == Verdict(pause=3.5)  # exhausted
    learned = discord_verdict(200, _headers(10, 9, 2.0))  # a fresh window: 10 per 2 s
    assert learned.period == pytest.approx(0.2 * MARGIN) and learned.pause == 0
    assert discord_verdict(200, _headers(5, 2, 1.0)) == Verdict()
    assert discord_verdict(200, {}) == Verdict()


def test_a_discord_429_pauses_its_route_or_the_whole_bot() -> None:
    route = discord_verdict(429, _headers(5, 0, 2.5, **{"Retry-After": "3"}))
    assert route == Verdict(pause=2.5)
    everyone = discord_verdict(429, {"Retry-After": "4", "X-RateLimit-Global": "true"})
    assert everyone == Verdict(pause=4.0, everyone=True)
    assert discord_verdict(429, {}).pause == 1.0


def test_a_wait_past_the_limit_is_not_sat_out() -> None:
    assert not too_long(59.0, 60.0) and too_long(61.0, 60.0)
