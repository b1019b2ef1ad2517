"""A real HTTP server on 127.0.0.1 speaking the part of Discord's REST API sovai uses.

Channels (text, forum, threads), messages with `nonce`/`enforce_nonce` deduplication,
webhooks (`?wait=true`, forum posts by `thread_name`), interaction callbacks and
follow-ups, command sync. It records every request, and can be told to answer 429
(with `retry_after` and Discord's headers), 401/403/404, to hold a message POST's
response after storing the message (what a crash between send and mark looks like), to
store a message and then answer an HTML 502 page (`fail_after_storing`), or to wait a
little before every message's answer (`answer_delay`, for kills at random points).
Webhooks read their own messages by id; the bot reads a channel with `limit`/`after`.
The guild's `roles` and the bot's `member_roles` (with each channel's
`permission_overwrites`) are what `sovai doctor` computes the bot's permissions from.
discord.py talks to it once `discord.http.Route.BASE` is set to `fake.base`.

Messages may carry files (multipart/form-data, `fake_discord_files`): each is kept with
its bytes and description, per interaction token in `uploads` and on the stored message
as Discord's `attachments`; more than 10 files, a file over `file_limit` or a request
over `request_limit` is refused as Discord refuses it (400 / 413 with code 40005).

`enforce_limits()` makes it enforce Discord's buckets: a channel's message POSTs (5 per
5 s), a webhook's (5 per 2 s) and the bot's global limit (50 a second), each told in
X-RateLimit-* headers on every answer, and refused past it with a 429 (`retry_after`,
`global` for the global limit); counted in `refused`. Off by default.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.integration.fake_discord_files import UploadedFile, attachment_objects, parse_multipart
from tests.integration.fake_limits import WindowLimit

TOKEN = "fake-bot-token"
BOT_ID = "1100000000000000001"
APP_ID = "1100000000000000002"
GUILD_ID = "1100000000000000003"
TEXT, THREAD, FORUM = 0, 11, 15
HOLD_SECONDS = 30.0
FILE_LIMIT = 8_388_608  # what the test interactions say as attachment_size_limit
REQUEST_LIMIT = 25 * 1024 * 1024
FILES_MAX = 10
# the @everyone role's permissions: view, send, embed, attach, read history, send in threads
EVERYONE = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 38)
_IDS = itertools.count(1)
Json = dict[str, Any]


def snowflake() -> str:
    return str(((int(time.time() * 1000) - 1_420_070_400_000) << 22) + next(_IDS) % 4096)


def user(uid: str, name: str) -> Json:
    return {"id": uid, "username": name, "discriminator": "0", "avatar": None, "bot": True}


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    at: float
    files: list[UploadedFile] = field(default_factory=list)


@dataclass
class FakeDiscord:
    port: int = 0
    token: str = TOKEN
    channels: dict[str, Json] = field(default_factory=dict)
    messages: dict[str, list[Json]] = field(default_factory=dict)
    webhooks: dict[str, Json] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    interactions: dict[str, list[tuple[str, Json, float]]] = field(default_factory=dict)
    nonces: dict[tuple[str, str, str], Json] = field(default_factory=dict)
    later: list[list[Any]] = field(default_factory=list)  # [method, path, skip, status, body]
    failures: list[tuple[str, re.Pattern[str], int, Json, dict[str, str]]] = field(
        default_factory=list
    )
    stored_failures: list[tuple[str, re.Pattern[str], int]] = field(default_factory=list)
    answer_delay: float = 0.0  # seconds between storing a message and answering
    hold_at: int | None = None  # the n-th message created is stored, its answer held
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    created: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    uploads: dict[str, list[UploadedFile]] = field(default_factory=dict)  # by interaction token
    file_limit: int = FILE_LIMIT
    request_limit: int = REQUEST_LIMIT
    roles: list[Json] = field(
        default_factory=lambda: [
            {"id": GUILD_ID, "name": "@everyone", "permissions": str(EVERYONE)}
        ]
    )
    member_roles: list[str] = field(default_factory=list)  # the bot's roles in the guild
    _headers: dict[str, str] = field(default_factory=dict)
    limits: dict[str, WindowLimit] = field(default_factory=dict)  # "route", "webhook", "global"

    def enforce_limits(
        self,
        route: tuple[int, float] = (5, 5.0),
        webhook: tuple[int, float] = (5, 2.0),
        everyone: tuple[int, float] = (50, 1.0),
    ) -> None:
        """Enforce Discord's buckets (count, seconds) from now on."""
        self.limits = {
            "route": WindowLimit(*route),
            "webhook": WindowLimit(*webhook),
            "global": WindowLimit(*everyone),
        }

    @property
    def refused(self) -> int:
        """Requests refused with a 429 by the enforced limits."""
        return sum(limit.refused for limit in self.limits.values())

    def _limited(self, method: str, path: str, auth: str) -> tuple[int, Any, dict[str, str]] | None:
        """A 429 for a request past a bucket (holding `lock`), else None; the headers of
        an allowed one go in `_headers`."""
        self._headers = {}
        if not self.limits:
            return None
        parts = path.removeprefix("/api/v10").strip("/").split("/")
        if parts[0] == "webhooks" and method == "POST" and len(parts) == 3:
            bucket = ("webhook", f"webhook:{parts[1]}")
        elif parts[0] == "channels" and parts[2:] == ["messages"] and method == "POST":
            bucket = ("route", f"channel:{parts[1]}")
        else:
            bucket = None
        if auth.startswith("Bot ") and parts[0] != "interactions":
            allowed, _ = self.limits["global"].hit("global")
            if not allowed:
                body = {"message": "You are being rate limited.", "retry_after": 1.0}
                headers = {"Via": "1.1 google", "Retry-After": "1", "X-RateLimit-Global": "true"}
                return 429, {**body, "global": True}, {**headers, "X-RateLimit-Scope": "global"}
        if bucket is None:
            return None
        allowed, headers = self.limits[bucket[0]].hit(bucket[1])
        if allowed:
            self._headers = headers
            return None
        after = float(headers["X-RateLimit-Reset-After"])
        headers = {**headers, "Via": "1.1 google", "Retry-After": str(max(1, round(after)))}
        headers["X-RateLimit-Scope"] = "user"
        body = {"message": "You are being rate limited.", "retry_after": after, "global": False}
        return 429, body, headers

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    def add_channel(self, kind: int = TEXT, name: str = "news") -> str:
        cid = snowflake()
        self.channels[cid] = {"id": cid, "type": kind, "guild_id": GUILD_ID, "name": name}
        self.messages[cid] = []
        return cid

    def add_webhook(self, channel_id: str) -> str:
        """A webhook on the channel; returns its URL (as Discord shows it)."""
        wid, token = str(10**18 + next(_IDS)), "T" * 68
        self.webhooks[wid] = {"id": wid, "token": token, "channel_id": channel_id}
        return f"https://discord.com/api/webhooks/{wid}/{token}"

    def fail(self, method: str, path: str, status: int, times: int = 1, **body: Any) -> None:
        """The next `times` requests matching answer `status` with the JSON `body`."""
        for _ in range(times):
            self.failures.append((method, re.compile(path), status, body, {}))

    def fail_later(self, method: str, path: str, status: int, after: int, **body: Any) -> None:
        """Let `after` matching requests through, then answer the next one with `status`."""
        self.later.append([method, re.compile(path), after, status, body])

    def fail_after_storing(self, method: str, path: str, status: int = 502) -> None:
        """The next matching request is carried out (the message stored), then answered
        `status` with an HTML page: a proxy timing out while Discord did the work."""
        self.stored_failures.append((method, re.compile(path), status))

    def rate_limit(self, method: str, path: str, retry_after: float, times: int = 1) -> None:
        headers = {
            "Via": "1.1 google",
            "Retry-After": str(max(1, round(retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": str(retry_after),
            "X-RateLimit-Bucket": "fake-bucket",
            "X-RateLimit-Scope": "user",
        }
        body = {"message": "You are being rate limited.", "retry_after": retry_after}
        for _ in range(times):
            self.failures.append(
                (method, re.compile(path), 429, {**body, "global": False}, headers)
            )

    def posted(self, method: str = "POST", pattern: str = r"/messages$") -> list[Recorded]:
        return [r for r in self.requests if r.method == method and re.search(pattern, r.path)]

    def forget_nonces(self) -> None:
        """Discord remembers nonces for minutes only: as if they had passed."""
        self.nonces.clear()

    # -- the API ---------------------------------------------------------------------

    def message(
        self, channel_id: str, body: Json, author: Json, files: list[UploadedFile] | None = None
    ) -> Json:
        files = files or []
        with self.lock:
            key = (channel_id, author["id"], str(body.get("nonce")))
            if body.get("enforce_nonce") and key in self.nonces:
                return self.nonces[key]
            msg = {
                "id": snowflake(),
                "channel_id": channel_id,
                "author": author,
                "content": body.get("content") or "",
                "embeds": body.get("embeds") or [],
                "allowed_mentions": body.get("allowed_mentions"),
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
                "edited_timestamp": None,
                "tts": False,
                "mention_everyone": False,
                "mentions": [],
                "mention_roles": [],
                "attachments": attachment_objects(files, channel_id, [snowflake() for _ in files]),
                "pinned": False,
                "type": 0,
                "flags": body.get("flags", 0),
            }
            if "nonce" in body:
                msg["nonce"] = body["nonce"]
                self.nonces[key] = msg
            self.messages.setdefault(channel_id, []).append(msg)
            self.created += 1
            hold = self.created == self.hold_at
        if hold:
            self.held.set()
            self.release.wait(HOLD_SECONDS)
        elif self.answer_delay:
            time.sleep(self.answer_delay)
        return msg

    def thread(self, forum: Json, name: str, owner: str) -> Json:
        tid = snowflake()
        self.channels[tid] = {
            "id": tid,
            "type": THREAD,
            "guild_id": forum["guild_id"],
            "parent_id": forum["id"],
            "owner_id": owner,
            "name": name,
            "thread_metadata": {"archived": False, "locked": False, "auto_archive_duration": 1440},
        }
        return self.channels[tid]

    def route(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        body: Any,
        auth: str,
        files: list[UploadedFile] | None = None,
    ) -> Any:
        parts = path.removeprefix("/api/v10").strip("/").split("/")
        if parts[0] == "interactions":  # /interactions/{id}/{token}/callback
            self.interactions.setdefault(parts[2], []).append(("callback", body, time.time()))
            self.uploads.setdefault(parts[2], []).extend(files or [])
            return 200, {"interaction": {"id": parts[1], "type": 2}}
        if parts[0] == "webhooks":
            return self.webhook(method, parts[1], parts[2], query, body, parts[3:], files)
        if auth != f"Bot {self.token}":
            return 401, {"message": "401: Unauthorized", "code": 0}
        me = user(BOT_ID, "sovai")
        if parts == ["users", "@me"]:
            return 200, me
        if parts == ["oauth2", "applications", "@me"]:
            app = {"id": APP_ID, "name": "sovai", "description": "", "icon": None}
            return 200, {
                **app,
                **{"bot_public": False, "bot_require_code_grant": False, "verify_key": "0"},
                **{"owner": user("1100000000000000009", "owner"), "flags": 0},
            }
        if parts[0] == "applications" and method == "PUT":
            return 200, [
                {**c, "id": snowflake(), "application_id": APP_ID, "version": "1"} for c in body
            ]
        if parts[0] == "guilds" and parts[2:] == ["roles"]:
            return 200, self.roles
        if parts[0] == "guilds" and parts[2:] == ["members", BOT_ID]:
            return 200, {
                "user": me,
                "roles": self.member_roles,
                "joined_at": "2026-01-01T00:00:00Z",
            }
        if parts[0] == "guilds" and parts[2:] == ["threads", "active"]:
            threads = [c for c in self.channels.values() if c["type"] == THREAD]
            return 200, {"threads": threads, "members": []}
        channel = self.channels.get(parts[1]) if parts[0] == "channels" else None
        if channel is None:
            return 404, {"message": "Unknown Channel", "code": 10003}
        if channel.get("no_access"):
            return 403, {"message": "Missing Access", "code": 50001}
        if len(parts) == 2:
            return 200, channel
        if parts[2] == "messages" and method == "GET":
            limit = int(query.get("limit", "50"))
            if "after" in query:  # oldest first, as Discord pages forward
                after = int(query["after"])
                return 200, [m for m in self.messages[channel["id"]] if int(m["id"]) > after][
                    :limit
                ]
            return 200, list(reversed(self.messages[channel["id"]]))[:limit]
        if parts[2] == "messages":
            return 200, self.message(channel["id"], body, me, files)
        if parts[2] == "threads" and channel["type"] == FORUM:
            thread = self.thread(channel, body["name"], BOT_ID)
            return 201, {**thread, "message": self.message(thread["id"], body["message"], me)}
        return 404, {"message": "404: Not Found", "code": 0}

    def webhook(
        self,
        method: str,
        wid: str,
        token: str,
        query: dict[str, str],
        body: Any,
        rest: list[str],
        files: list[UploadedFile] | None = None,
    ) -> Any:
        if wid == APP_ID:  # an interaction's follow-up
            self.interactions.setdefault(token, []).append(("followup", body, time.time()))
            self.uploads.setdefault(token, []).extend(files or [])
            return 200, self.message(GUILD_ID, body, user(APP_ID, "sovai"), files)
        hook = self.webhooks.get(wid)
        if hook is None or hook["token"] != token or hook.get("deleted"):
            return 404, {"message": "Unknown Webhook", "code": 10015}
        if method == "GET" and rest[:1] == ["messages"]:  # /messages/{id}: only its own messages
            found = [m for ms in self.messages.values() for m in ms if m["id"] == rest[-1]]
            if not found or found[0]["author"]["id"] != wid:
                return 404, {"message": "Unknown Message", "code": 10008}
            return 200, found[0]
        if method == "GET":
            return 200, {**hook, "type": 1, "name": "news", "avatar": None, "guild_id": GUILD_ID}
        channel = self.channels[hook["channel_id"]]
        author = {**user(wid, "news"), "id": wid}
        target = query.get("thread_id")
        if channel["type"] == FORUM and not target:
            if not body.get("thread_name"):
                message = "Webhooks posted to forum channels must have a thread_name or thread_id"
                return 400, {"message": message, "code": 220001}
            target = self.thread(channel, body["thread_name"], wid)["id"]
        posted = self.message(target or channel["id"], body, author, files)
        return 200, {**posted, "webhook_id": wid}

    def too_big(self, files: list[UploadedFile], size: int) -> tuple[int, Json] | None:
        """Discord's refusal of a request's files, or None when they are within limits."""
        if len(files) > FILES_MAX:
            errors = {"files": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH"}]}}
            return 400, {"message": "Invalid Form Body", "code": 50035, "errors": errors}
        if size > self.request_limit or any(len(f.data) > self.file_limit for f in files):
            return 413, {"message": "Request entity too large", "code": 40005}
        return None

    def answer(
        self,
        method: str,
        url: str,
        body: Any,
        auth: str,
        files: list[UploadedFile] | None = None,
        size: int = 0,
    ) -> tuple[int, Any, dict[str, str]]:
        split = urlsplit(url)
        query = {k: v[-1] for k, v in parse_qs(split.query).items()}
        files = files or []
        with self.lock:
            self.requests.append(Recorded(method, split.path, query, body, time.time(), files))
            for rule in self.later:
                if rule[0] == method and rule[1].search(split.path):
                    if rule[2] == 0:
                        self.later.remove(rule)
                        return rule[3], rule[4], {}
                    rule[2] -= 1
                    break
            for i, (m, pattern, status, payload, headers) in enumerate(self.failures):
                if m == method and pattern.search(split.path):
                    del self.failures[i]
                    return status, payload, headers
            after_store = next(
                (r for r in self.stored_failures if r[0] == method and r[1].search(split.path)),
                None,
            )
            if after_store is not None:
                self.stored_failures.remove(after_store)
            limited = self._limited(method, split.path, auth)
            headers = self._headers
        if limited is not None:
            return limited
        refused = self.too_big(files, size)
        if refused is not None:
            return refused[0], refused[1], {}
        status, payload = self.route(method, split.path, query, body, auth, files)
        if after_store is not None:
            page = f"<html><body><h1>{after_store[2]} Bad Gateway</h1></body></html>"
            return after_store[2], page, {}
        return status, payload, headers


def _handler(fake: FakeDiscord) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(size) if size else b""
            kind = self.headers.get("Content-Type", "")
            files: list[UploadedFile] = []
            if kind.startswith("multipart/form-data"):
                body, files = parse_multipart(raw, kind)
            else:
                body = json.loads(raw) if raw else None
            auth = self.headers.get("Authorization", "")
            status, payload, headers = fake.answer(
                self.command, self.path, body, auth, files, len(raw)
            )
            html = isinstance(payload, str)
            data = (payload if html else json.dumps(payload)).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/html" if html else "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client was killed while its answer was held
                pass

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_discord() -> Iterator[FakeDiscord]:
    fake = FakeDiscord()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
