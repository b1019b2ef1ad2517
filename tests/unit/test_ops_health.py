"""What /healthz judges by (the scheduler's stamps, on a clock the test moves), where the
listener binds, what the commands histogram records, and the doctor's rules."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import discord
import pytest
import yaml

from bot.chat.doctor_discord import channel_permissions
from bot.chat.doctor_slack import SCOPES
from bot.doctor_checks import clock_check
from bot.doctor_report import ServerTime, server_time
from bot.liveness import SchedulerBeat
from bot.metrics import REGISTRY, timed_command
from bot.metrics_config import MetricsConfig, bind_host, in_container
from bot.settings import ConfigError, load_settings

MANIFEST = Path(__file__).parents[2] / "config" / "slack-manifest.yaml"
GUILD, BOT, ROLE = "900", "901", "902"


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


class Poller:
    def __init__(self, beat: SchedulerBeat, clock: Clock, takes: float) -> None:
        self.clock, self.takes = clock, takes
        self.tick = beat.ticks(type(self)._tick).__get__(self)
        self.stop = beat.stops(type(self)._stop).__get__(self)

    async def _tick(self) -> None:
        self.clock.now += self.takes

    async def _stop(self) -> None:
        return None


def test_a_standby_is_judged_by_its_event_loop_only() -> None:
    clock = Clock()
    beat = SchedulerBeat(clock)
    beat.beat()
    clock.now += 500  # no tick ever: another instance schedules
    assert beat.problems(stall_after=600, tick_seconds=30) == []
    assert beat.problems(stall_after=120, tick_seconds=30) == [
        "the event loop has not run for 500 s"
    ]


def test_ticks_that_complete_are_healthy_and_missing_ones_are_a_stall() -> None:
    clock = Clock()
    beat = SchedulerBeat(clock)
    poller = Poller(beat, clock, takes=1)
    asyncio.run(poller.tick())
    clock.now += 30
    assert beat.problems(stall_after=5, tick_seconds=30) == []
    assert beat.last_tick_age() == 30
    clock.now += 10  # 40 s since the last tick, 30 + 5 allowed
    assert beat.problems(stall_after=5, tick_seconds=30) == [
        "the scheduler is stalled: no poll tick completed for 40 s (it ticks every 30 s)"
    ]
    asyncio.run(poller.stop())  # a lost lock: now a standby, no tick expected
    assert beat.problems(stall_after=5, tick_seconds=30) == [] and beat.last_tick_age() is None


def test_a_tick_still_running_past_stall_after_is_a_stall() -> None:
    clock = Clock()
    beat = SchedulerBeat(clock)
    beat.tick_started = beat.leading_since = clock.now
    clock.now += 7
    assert beat.problems(stall_after=5, tick_seconds=30) == [
        "the scheduler is stalled: its poll tick has run for 7 s"
    ]


def test_the_listener_binds_loopback_on_a_host_and_everywhere_in_a_container(
    tmp_path: Path,
) -> None:
    config = MetricsConfig(port=9464)
    assert bind_host(config, container=False) == "127.0.0.1"
    assert bind_host(config, container=True) == "0.0.0.0"
    assert bind_host(MetricsConfig(port=9464, host="10.0.0.5"), container=True) == "10.0.0.5"
    marker = tmp_path / ".dockerenv"
    assert not in_container((marker,), {})
    marker.touch()
    assert in_container((marker,), {}) and in_container((), {"container": "podman"})


def test_metrics_is_off_by_default_and_checked_when_set(tmp_path: Path) -> None:
    path = tmp_path / "sovai.yaml"
    path.write_text("feeds: []\n", encoding="utf-8")
    assert load_settings(path, environ={}).config.metrics is None
    path.write_text("metrics: {port: 9464}\n", encoding="utf-8")
    metrics = load_settings(path, environ={}).config.metrics
    assert metrics is not None and (metrics.port, metrics.stall_after) == (9464, 120.0)
    path.write_text("metrics: {port: 99999}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sovai.yaml:1.*metrics.port"):
        load_settings(path, environ={})


@dataclass(frozen=True)
class Asked:
    platform: str


class Handler:
    @timed_command(("help",))
    async def handle(self, name: str, text: str, ctx: Asked) -> str:
        return f"{name} {text}"


def _count(platform: str, command: str) -> float:
    labels = {"platform": platform, "command": command}
    return REGISTRY.get_sample_value("sovai_command_duration_seconds_count", labels) or 0.0


def test_command_latency_is_recorded_by_platform_with_unknown_names_folded() -> None:
    before = _count("matrix", "help"), _count("matrix", "unknown")
    assert asyncio.run(Handler().handle("help", "me", Asked("matrix"))) == "help me"
    asyncio.run(Handler().handle("drop-table-" + "x" * 50, "", Asked("matrix")))
    assert (_count("matrix", "help"), _count("matrix", "unknown")) == (before[0] + 1, before[1] + 1)


def test_the_scopes_checked_are_the_manifests() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert set(SCOPES) == set(manifest["oauth_config"]["scopes"]["bot"])


def _perms(value: discord.Permissions) -> tuple[bool, bool]:
    return value.send_messages, value.attach_files


def test_channel_permissions_follow_discords_order_of_overwrites() -> None:
    send, attach = discord.Permissions(send_messages=True), discord.Permissions(attach_files=True)
    roles = [
        {"id": GUILD, "permissions": str(send.value | attach.value)},
        {"id": ROLE, "permissions": "0"},
    ]
    member = {"roles": [ROLE]}
    plain: dict[str, list[dict[str, str]]] = {"permission_overwrites": []}
    assert _perms(channel_permissions(GUILD, roles, member, BOT, plain)) == (True, True)
    everyone_denied = {
        "permission_overwrites": [{"id": GUILD, "allow": "0", "deny": str(send.value)}]
    }
    assert _perms(channel_permissions(GUILD, roles, member, BOT, everyone_denied)) == (False, True)
    role_allowed = {
        "permission_overwrites": [
            {"id": GUILD, "allow": "0", "deny": str(send.value)},
            {"id": ROLE, "allow": str(send.value), "deny": "0"},
            {"id": BOT, "allow": "0", "deny": str(attach.value)},
        ]
    }
    assert _perms(channel_permissions(GUILD, roles, member, BOT, role_allowed)) == (True, False)
    admin = [{"id": GUILD, "permissions": "0"}, {"id": ROLE, "permissions": "8"}]
    assert channel_permissions(GUILD, admin, member, BOT, everyone_denied).send_messages


def test_the_clock_is_a_problem_past_a_minute_off() -> None:
    ours = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    near = [ServerTime("slack.com", ours - timedelta(seconds=4), ours)]
    far = [ServerTime("feeds.example", ours + timedelta(minutes=3), ours)]
    assert clock_check(near).status == "ok"
    off = clock_check(far)
    assert off.status == "problem" and "180 s behind feeds.example" in off.detail
    assert clock_check([]).status == "skipped"
    stamp = server_time("slack.com", "Wed, 02 Dec 2026 08:00:00 GMT")
    assert stamp is not None and stamp.theirs == ours
    assert server_time("slack.com", "yesterday") is None
