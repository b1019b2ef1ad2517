"""Network failures as sentences: the cause that says what happened, found in the chain of
wrappers the libraries add; never a class name or a repr, never a webhook's token."""

from __future__ import annotations

import socket
import ssl

import aiohttp
import httpx
import pytest

from bot.net_errors import network_reason


def _wrapped(outer: BaseException, inner: BaseException) -> BaseException:
    """`outer` raised from `inner`, as httpx and aiohttp raise theirs."""
    try:
        try:
            raise inner
        except BaseException as cause:
            raise outer from cause
    except BaseException as raised:
        return raised


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (
            _wrapped(
                httpx.ConnectError("All connection attempts failed"), socket.gaierror(-2, "x")
            ),
            "DNS lookup of slack.com failed",
        ),
        (
            _wrapped(httpx.ConnectError("boom"), ConnectionRefusedError(111, "refused")),
            "slack.com refused the connection (nothing listens on that port)",
        ),
        (
            _wrapped(OSError("All connection attempts failed"), ConnectionResetError(104, "x")),
            "slack.com reset the connection",
        ),
        (
            ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]"),
            "the TLS certificate of slack.com was not accepted",
        ),
        (TimeoutError(), "slack.com did not answer in time"),
        (aiohttp.ServerDisconnectedError(), "slack.com closed the connection without answering"),
        (OSError(101, "Network is unreachable"), "slack.com cannot be reached from here"),
    ],
)
def test_the_meaningful_cause_is_named(error: BaseException, says: str) -> None:
    sentence = network_reason(error, "slack.com")
    assert sentence.startswith(says)
    assert "Error" not in sentence and "(" not in sentence.split(says)[-1][:1]


def test_the_host_the_error_names_wins_over_the_callers_guess() -> None:
    request = httpx.Request("GET", "https://proxy.internal/api/auth.test")
    error = _wrapped(httpx.ConnectError("x", request=request), socket.gaierror(-3, "again"))
    assert network_reason(error, "slack.com") == "DNS lookup of proxy.internal failed"


def test_an_unknown_error_keeps_its_words_but_not_a_url_with_a_token() -> None:
    hook = "https://discord.com/api/webhooks/123/SECRETTOKENabc"
    sentence = network_reason(aiohttp.ClientPayloadError(f"bad chunk from {hook}"), "discord.com")
    assert sentence == "the connection to discord.com failed: bad chunk from discord.com"
    assert network_reason(aiohttp.ClientError()) == "the connection to the server failed"
