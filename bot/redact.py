"""One redactor for every place text leaves the process: log lines, stored errors, replies.

Known secret values (tokens, webhook URLs, passwords from the environment) are masked
wherever they appear, and so are the parts of them that libraries re-quote in their own
forms: discord.py turns `https://discord.com/api/webhooks/ID/TOKEN` into
`.../api/v10/webhooks/ID/TOKEN?wait=1`, aiohttp prints it inside a `RequestInfo` repr.
Patterns catch the secrets we were never told about: any webhook or interaction path
with its token, `?token=`-style query values, Authorization headers, passwords in URLs,
Slack (`xoxb-`, `xapp-`) and Discord bot tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "MASK",
    "Redactor",
    "public_error",
    "redact",
    "register_secrets",
    "stored_error",
]

MASK = "[redacted]"
MIN_SECRET = 4  # shorter values would mask ordinary words
STORED_MAX = 500  # a stored error is a line, not a 20-redirect response history
PUBLIC_MAX = 300
_TOKEN = r"[A-Za-z0-9._~+/=-]"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Discord webhooks and interactions (any host, any API version, follow-ups too)
    (re.compile(r"(?i)(/(?:webhooks|interactions)/)\d{5,25}/[A-Za-z0-9._-]{8,}"), rf"\1{MASK}"),
    # Slack incoming webhooks and workflow triggers
    (re.compile(r"(?i)(hooks\.slack(?:-gov)?\.com/)[A-Za-z0-9/_-]+"), rf"\1{MASK}"),
    # query and fragment values that are credentials
    (
        re.compile(
            r"(?i)([?&#;](?:access_|refresh_|id_|api_|auth_)?(?:token|key|apikey|secret|"
            r"client_secret|password|passwd|pass|signature|sig|auth|code)=)[^&\s'\"#<>)]+"
        ),
        rf"\1{MASK}",
    ),
    # Authorization-style headers, in HTTP, dict and repr forms
    (
        re.compile(
            r"(?i)((?:proxy-)?authorization|x-api-key|cookie)(['\"]?\s*[:=]\s*['\"]?)"
            r"((?:bot|bearer|basic|token)\s+)?[^\s'\",}]+"
        ),
        rf"\1\2\3{MASK}",
    ),
    # passwords in URLs: scheme://user:password@host
    (re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^:/\s@]*:)[^@\s/]+@"), rf"\1{MASK}@"),
    # Slack tokens and Discord bot tokens, wherever they appear
    (re.compile(r"\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{6,}"), MASK),
    (re.compile(r"\b[A-Za-z0-9_-]{24,}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}"), MASK),
)
_URL = re.compile(r"(?i)\b(?:https?|wss?)://[^\s'\"<>()]+")
_SPACE = re.compile(r"\s+")
# `TooManyRedirects(RequestInfo(url=…, headers=…))`: a Python repr, whose name is the news
_REPR = re.compile(r"\b([A-Z][A-Za-z0-9_]*)\(.*$")


def _parts(secret: str) -> Iterator[str]:
    """The value and the pieces of it another library may quote on their own: a URL's
    password, its long path segments (a webhook token) and its query values."""
    yield secret
    if "://" not in secret:
        return
    try:
        split = urlsplit(secret)
        password = split.password
    except ValueError:
        return
    if password:
        yield password
    yield from (seg for seg in split.path.split("/") if len(seg) >= 16)
    yield from (value for _, value in parse_qsl(split.query) if len(value) >= 8)


class Redactor:
    """Masks the given secret values (and their parts), then every pattern."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        values = {part for s in secrets if s for part in _parts(s.strip())}
        self.secrets = sorted((v for v in values if len(v) >= MIN_SECRET), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text


_registered = Redactor()


def register_secrets(secrets: Iterable[str]) -> Redactor:
    """Make these the values every `redact()` call masks (set once at start-up)."""
    global _registered
    _registered = Redactor(secrets)
    return _registered


def redact(text: str) -> str:
    """`text` without any secret: the registered values and every known secret pattern."""
    return _registered(text)


def stored_error(text: str) -> str:
    """An error as the database keeps it: redacted, one line, bounded in length."""
    line = _SPACE.sub(" ", redact(text)).strip()
    return line if len(line) <= STORED_MAX else line[: STORED_MAX - 1] + "…"


def public_error(text: str) -> str:
    """An error as a chat member may see it: what failed, not where. Every URL is cut to its
    host, and an exception's repr to its name (its arguments are URLs and headers)."""

    def host_only(match: re.Match[str]) -> str:
        try:
            host = urlsplit(match.group(0)).hostname
        except ValueError:
            host = None
        return f"<{host}>" if host else "<a URL>"

    line = _URL.sub(host_only, _REPR.sub(r"\1", stored_error(text)))
    return line if len(line) <= PUBLIC_MAX else line[: PUBLIC_MAX - 1] + "…"
