"""Counts that agree with their nouns, and system and network errors said in words."""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl
from pathlib import Path

import httpx
import pytest

from bot.feeds.fetch import Fetcher, FetchError
from bot.feeds.fetch_errors import describe_fetch_error
from bot.settings import FetchConfig
from bot.wording import counted, os_problem


@pytest.mark.parametrize(
    ("n", "noun", "said"),
    [
        (1, "new entry", "1 new entry"),
        (2, "new entry", "2 new entries"),
        (0, "story", "0 stories"),
        (1, "story", "1 story"),
        (1, "feed", "1 feed"),
        (3, "feed", "3 feeds"),
        (2, "minute", "2 minutes"),
        (12_000, "stored article", "12,000 stored articles"),
        (2, "box", "2 boxes"),
    ],
)
def test_the_noun_agrees_with_the_count(n: int, noun: str, said: str) -> None:
    assert counted(n, noun) == said


def test_a_system_error_keeps_only_what_a_person_needs(tmp_path: Path) -> None:
    with pytest.raises(OSError) as missing:
        (tmp_path / "in.jsonl").read_text()
    said = os_problem(missing.value, "read")
    assert said == f"cannot read {tmp_path / 'in.jsonl'}: no such file or directory"
    with pytest.raises(OSError) as folder:
        tmp_path.read_bytes()
    assert os_problem(folder.value, "read").endswith(": it is a directory")
    assert "Errno" not in said


def _chained(outer: Exception, *causes: BaseException) -> Exception:
    """`outer` raised from the first cause, raised from the next… as httpx wraps them."""
    current: BaseException = outer
    for cause in causes:
        current.__cause__ = cause
        current = cause
    return outer


@pytest.mark.parametrize(
    ("exc", "said"),
    [
        (
            _chained(
                httpx.ConnectError("[Errno -2] Name or service not known"),
                socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
            ),
            "DNS lookup of feeds.example failed (no such host)",
        ),
        (
            _chained(
                httpx.ConnectError("All connection attempts failed"),
                OSError("All connection attempts failed"),
                ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed"),
            ),
            "feeds.example:8443 refused the connection",
        ),
        (
            _chained(
                httpx.ConnectError("certificate verify failed"),
                ssl.SSLCertVerificationError(1, "certificate verify failed"),
            ),
            "the TLS certificate of feeds.example was refused",
        ),
        (httpx.ReadTimeout("timed out"), "feeds.example:8443 did not answer in time"),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            "feeds.example:8443 broke off the exchange (server disconnected without sending "
            "a response)",
        ),
    ],
)
def test_a_failed_fetch_is_one_sentence(exc: Exception, said: str) -> None:
    text = describe_fetch_error(exc, "https://feeds.example:8443/feed.xml")
    assert text.startswith(said)
    assert "Errno" not in text and "Error" not in text


def test_a_closed_port_is_said_to_refuse_the_connection() -> None:
    with socket.socket() as probe:  # nothing listens on it once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def fetch() -> None:
        fetcher = Fetcher(FetchConfig(allow_private_networks=True, timeout=5))
        try:
            await fetcher.fetch(f"http://127.0.0.1:{port}/feed.xml")
        finally:
            await fetcher.aclose()

    with pytest.raises(FetchError) as failed:
        asyncio.run(fetch())
    assert str(failed.value) == f"127.0.0.1:{port} refused the connection"
