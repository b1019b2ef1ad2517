"""A network failure as a sentence a self-hoster can act on, not a Python repr.

"DNS lookup of slack.com failed" says what to check; `ClientConnectorDNSError(
ConnectionKey(host='slack.com', port=443, ...), gaierror(-2, ...))` does not. The
libraries wrap the operating system's error in two or three layers of their own
(httpx → httpcore → OSError; aiohttp → ClientConnectorError → gaierror), so the whole
chain of causes is searched for the one that says what happened.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import ssl
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

__all__ = ["causes", "network_reason"]

CHAIN_LIMIT = 8  # causes followed; a cycle or a very deep chain stops here
_URL = re.compile(r"[a-z][a-z0-9+.-]*://[^\s'\"<>]+", re.IGNORECASE)


def causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and what caused it, outermost first (bounded: a chain can loop)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < CHAIN_LIMIT:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _host_in(exc: BaseException) -> str | None:
    """The host an error names: aiohttp's connection key, httpx's request."""
    host = getattr(exc, "host", None)
    if isinstance(host, str) and host:
        return host
    info = getattr(exc, "request_info", None)  # aiohttp's answers
    if info is not None and getattr(info, "real_url", None) is not None:
        return str(info.real_url.host or "") or None
    if isinstance(exc, httpx.RequestError):
        try:
            return exc.request.url.host or None
        except RuntimeError:  # an error raised without a request
            return None
    return None


def _tls(exc: ssl.SSLError, host: str) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        why = getattr(exc, "verify_message", None) or "it could not be verified"
        return f"the TLS certificate of {host} was not accepted ({why})"
    return f"the TLS handshake with {host} failed"


def _os_error(exc: OSError, host: str) -> str | None:
    if isinstance(exc, socket.gaierror):
        return f"DNS lookup of {host} failed"
    if isinstance(exc, ConnectionRefusedError):
        return f"{host} refused the connection (nothing listens on that port)"
    if isinstance(exc, ConnectionResetError):
        return f"{host} reset the connection"
    if exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return f"{host} cannot be reached from here ({os.strerror(exc.errno).lower()})"
    return None


def _specific(exc: BaseException, host: str) -> str | None:
    """The sentence for one link of the chain, when it is one we know."""
    if isinstance(exc, ssl.SSLError):
        return _tls(exc, host)
    found = _aiohttp(exc, host)
    if found is not None:
        return found
    if isinstance(exc, httpx.TooManyRedirects):
        return f"{host} redirected too many times"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection without answering"
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return f"{host} did not answer in time"
    if isinstance(exc, OSError):
        return _os_error(exc, host)
    return None


def _aiohttp(exc: BaseException, host: str) -> str | None:
    """aiohttp's errors (the chat libraries'), looked up only if aiohttp was imported:
    an error cannot be one of its classes otherwise, and the poller, which fetches with
    httpx, need not load it (about 9 MB) to describe a failed fetch."""
    aiohttp = sys.modules.get("aiohttp")
    if aiohttp is None:
        return None
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return f"DNS lookup of {host} failed"
    if isinstance(exc, aiohttp.TooManyRedirects):
        return f"{host} redirected too many times"
    if isinstance(exc, aiohttp.ClientResponseError):  # an answer, not a connection failure
        return f"{host} answered HTTP {exc.status}" + (f" ({exc.message})" if exc.message else "")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return f"{host} closed the connection without answering"
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return f"{host} did not answer in time"
    return None


def _first_line(exc: BaseException) -> str:
    """The error's own words, with any URL cut to its host (a webhook's holds its token)."""
    text = str(exc).strip().splitlines()
    line = text[0] if text else ""
    return _URL.sub(lambda m: urlsplit(m.group()).hostname or "a URL", line)[:200]


def network_reason(exc: BaseException, host: str | None = None) -> str:
    """What went wrong reaching `host` (or the host the error names), as a sentence."""
    links = list(causes(exc))
    where = next((h for h in map(_host_in, links) if h), None) or host or "the server"
    for link in links:
        found = _specific(link, where)
        if found is not None:
            return found
    detail = next((t for t in map(_first_line, links) if t), "")
    if detail:
        return f"the connection to {where} failed: {detail}"
    return f"the connection to {where} failed"
