"""A failed fetch said as a sentence: "DNS lookup of feeds.example failed (no such host)",
not "ConnectError: [Errno -2] Name or service not known".

The HTTP stack wraps the system's error two or three times (httpx around httpcore around
an OSError); the useful part, which host and why, is at the bottom of that chain. These
sentences are what `sources list`, `poll --once`, `sources add` and `/ai-sources` show.
"""

from __future__ import annotations

import errno
import socket
import ssl
from urllib.parse import urlsplit

import httpx

from bot.net_errors import causes

__all__ = ["describe_fetch_error"]

_DNS = {
    socket.EAI_NONAME: "no such host",
    socket.EAI_AGAIN: "the DNS server did not answer; a temporary failure",
}
_CONNECT = {
    errno.ECONNREFUSED: "refused the connection",
    errno.ECONNRESET: "reset the connection",
    errno.EHOSTUNREACH: "cannot be reached (no route to the host)",
    errno.ENETUNREACH: "cannot be reached (the network is unreachable)",
    errno.ETIMEDOUT: "did not answer in time",
}


def describe_fetch_error(exc: BaseException, url: str) -> str:
    """One sentence for an HTTP-level failure fetching `url`, for people."""
    parts = urlsplit(url)
    host = parts.hostname or url[:100]
    where = f"{host}:{parts.port}" if parts.port else host
    for cause in causes(exc):
        if isinstance(cause, socket.gaierror):
            reason = _DNS.get(cause.errno or 0) or _lower(cause.strerror or str(cause))
            return f"DNS lookup of {host} failed ({reason})"
        if isinstance(cause, ssl.SSLCertVerificationError):
            why = _lower(getattr(cause, "verify_message", None) or "not trusted")
            return f"the TLS certificate of {host} was refused ({why})"
        if isinstance(cause, ssl.SSLError):
            reason = getattr(cause, "reason", None) or str(cause)
            return f"the TLS handshake with {host} failed ({_lower(reason)})"
        if isinstance(cause, OSError) and cause.errno in _CONNECT:
            return f"{where} {_CONNECT[cause.errno]}"
    return _by_kind(exc, where)


def _by_kind(exc: BaseException, where: str) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"{where} did not answer in time"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {where}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{where} broke off the exchange ({_lower(str(exc)) or 'not valid HTTP'})"
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        return f"the connection to {where} broke"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "only http:// and https:// URLs are fetched"
    if isinstance(exc, httpx.InvalidURL | ValueError):
        return f"not a valid URL ({_lower(str(exc)) or type(exc).__name__})"
    text = _lower(str(exc).split("\n", 1)[0][:200])
    return f"fetching from {where} failed ({text or type(exc).__name__})"


def _lower(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:]
