"""Requests to the HTTP endpoint that no Slack would send: refused with 401, never a 500.

A timestamp that is not a number, a signature in characters a hash never has, a body
that is not text in its declared encoding: each is a request Slack did not sign, so
the app answers as to any unsigned request (401), logs no traceback, and runs nothing.
A well-signed command still goes through after them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.chat_bot import ChatBot, make_chat_bot
from tests.integration.fake_slack import FakeSlack, serve_fake_slack
from tests.integration.site_server import serve_site
from tests.integration.test_slack import signed, slack_app


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ChatBot, FakeSlack]]:
    """A bot with one feed read, and the fake Slack its app answers through."""
    with serve_fake_slack() as fake, serve_site() as site:
        bot = make_chat_bot(tmp_path, [site.url("/feed.xml")])
        try:
            yield bot, fake
        finally:
            bot.store.close()


@pytest.mark.parametrize(
    ("case", "timestamp"),
    [
        ("words", "yesterday"),
        ("empty", ""),
        ("decimal", f"{time.time():.3f}"),
        ("exponent", "1.7e9"),
        ("signed number", f"+{int(time.time())}"),
        ("other digits", "١٧٠٠٠٠٠٠٠٠"),  # Arabic-Indic digits: int() would read them
        ("too long for int()", "9" * 5_000),
        ("spaces", f" {int(time.time())} "),
    ],
)
def test_a_malformed_timestamp_is_refused_with_401(
    served: tuple[ChatBot, FakeSlack], caplog: pytest.LogCaptureFixture, case: str, timestamp: str
) -> None:
    async def scenario() -> tuple[int, str]:
        async with slack_app(*served) as user:
            body, _ = user.form("/ai-help")
            headers = {**signed(body), "X-Slack-Request-Timestamp": timestamp}
            status, text, _ = await user.post(body, headers)
            await asyncio.sleep(0.3)  # time enough for an answer that should not come
            return status, text

    with caplog.at_level(logging.INFO):
        status, text = asyncio.run(scenario())
    assert status == 401, (case, text)
    assert served[1].responses == {}
    assert not [r for r in caplog.records if r.exc_info], case  # no stack trace logged


@pytest.mark.parametrize(
    ("case", "change"),
    [
        ("non-ASCII signature", {"X-Slack-Signature": "v0=" + "é" * 64}),
        (
            "unknown charset",
            {"Content-Type": "application/x-www-form-urlencoded; charset=nonesuch"},
        ),
    ],
)
def test_other_malformed_signed_parts_are_refused_with_401(
    served: tuple[ChatBot, FakeSlack],
    caplog: pytest.LogCaptureFixture,
    case: str,
    change: dict[str, str],
) -> None:
    async def scenario() -> int:
        async with slack_app(*served) as user:
            body, _ = user.form("/ai-help")
            status, _, _ = await user.post(body, {**signed(body), **change})
            return status

    with caplog.at_level(logging.INFO):
        assert asyncio.run(scenario()) == 401, case
    assert served[1].responses == {}
    assert not [r for r in caplog.records if r.exc_info], case


def test_a_body_that_is_not_utf8_is_refused_with_401(
    served: tuple[ChatBot, FakeSlack], caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> int:
        async with slack_app(*served) as user:
            body, _ = user.form("/ai-help")
            raw = body.encode() + b"&text=%FF\xff\xfe"
            headers = signed(body)  # signed for other bytes: a forgery
            async with user.http.post(user.url, data=raw, headers=headers) as response:
                return response.status

    with caplog.at_level(logging.INFO):
        assert asyncio.run(scenario()) == 401
    assert not [r for r in caplog.records if r.exc_info]


def test_a_signed_command_still_works_after_malformed_ones(
    served: tuple[ChatBot, FakeSlack],
) -> None:
    async def scenario() -> str:
        async with slack_app(*served) as user:
            body, _ = user.form("/ai-help")
            bad = {**signed(body), "X-Slack-Request-Timestamp": "soon"}
            assert (await user.post(body, bad))[0] == 401
            answer = await user.command("/ai-help")
            return str(answer.get("blocks"))

    assert "/ai-subscribe" in asyncio.run(scenario())
