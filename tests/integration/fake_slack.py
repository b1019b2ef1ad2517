"""A fake Slack Web API on 127.0.0.1: the methods sovai calls, with programmable failures.

It keeps each channel's messages (with their metadata) so that history reads see what
was posted, records every call and every `response_url` post, and can fail as Slack
does: a queued error per method (429 with Retry-After, `ratelimited`, `not_in_channel`),
`msg_blocks_too_long` for messages over `max_blocks`, `invalid_auth` for a wrong token,
a delayed `chat.postMessage` answer (every one, or only the n-th: `hold_at`), so a test
can kill a client between Slack posting a message and the client learning it did, other
people's `chatter` after each post (a busy channel), and error pages that are not JSON
(`fail(..., page=...)`: an HTML 500 from a proxy, labelled as JSON or not).

Files go through Slack's external-upload flow (`fake_slack_files`); the POST of a file's
bytes fails on demand too (`fail("upload", "refused", status=500)`), and a token can lack
scopes (`missing_scopes`: the methods needing them answer `missing_scope`, as Slack does,
and auth.test's `X-OAuth-Scopes` header leaves them out).
Direct messages are opened with `conversations.open` (`D` + the user's ID).

`enforce_limits()` makes it refuse, as Slack does, a channel posted to more than about once
a second and a method called past its tier (429 `ratelimited` with Retry-After; counted
in `refused`); off by default, so tests about other things post as fast as they like.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.integration.fake_limits import SlidingLimit
from tests.integration.fake_slack_files import FileStore, Upload, share_message

TOKEN = "xoxb-fake-token"
APP_TOKEN = "xapp-1-A0SOVAI-fake"
Json = dict[str, Any]
SCOPES = {
    "chat.postMessage": "chat:write",
    "conversations.history": "channels:history",
    "conversations.open": "im:write",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "users.info": "users:read",
}
# what an app installed from config/slack-manifest.yaml is granted (auth.test's X-OAuth-Scopes)
GRANTED = {*SCOPES.values(), "commands", "groups:history", "im:history", "mpim:history"}


@dataclass(frozen=True)
class Failure:
    error: str
    status: int = 200
    retry_after: int | None = None
    page: str | None = None  # a body that is not Slack's JSON
    content_type: str = "application/json"


@dataclass(frozen=True)
class Call:
    method: str
    args: Json
    token: str | None
    at: float = field(default_factory=time.time)


@dataclass
class FakeSlack:
    port: int = 0
    token: str = TOKEN
    calls: list[Call] = field(default_factory=list)
    channels: dict[str, list[Json]] = field(default_factory=dict)  # oldest first
    responses: dict[str, list[Json]] = field(default_factory=dict)  # response_url id -> posts
    order: list[str] = field(default_factory=list)  # "respond" and API methods, as they came
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    users: dict[str, Json] = field(default_factory=dict)
    not_in: set[str] = field(default_factory=set)
    max_blocks: int | None = None
    socket_url: str | None = None  # what apps.connections.open hands out (Socket Mode)
    post_delay: float = 0.0
    hold_at: int | None = None  # the n-th message posted is stored, its answer held
    held: threading.Event = field(default_factory=threading.Event)
    chatter: int = 0  # messages others post after each of ours
    posts: int = 0
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    files: FileStore = field(default_factory=FileStore)
    missing_scopes: set[str] = field(default_factory=set)
    channel_limit: SlidingLimit | None = None  # chat.postMessage per channel
    method_limits: dict[str, SlidingLimit] = field(default_factory=dict)  # per workspace
    _ts: int = 0

    def enforce_limits(
        self,
        channel: tuple[int, float] = (3, 3.0),
        methods: dict[str, tuple[int, float]] | None = None,
    ) -> None:
        """Refuse what Slack refuses: posts to a channel beyond `channel` (count, seconds),
        and calls of a method beyond its limit (chat.postMessage: 300 a minute)."""
        self.channel_limit = SlidingLimit(*channel)
        wanted = {"chat.postMessage": (300, 60.0), "conversations.history": (50, 60.0)}
        self.method_limits = {m: SlidingLimit(*c) for m, c in (methods or wanted).items()}

    @property
    def refused(self) -> int:
        """Calls refused with a 429 by the enforced limits."""
        limits = [self.channel_limit, *self.method_limits.values()]
        return sum(limit.refused for limit in limits if limit is not None)

    def _limited(self, method: str, args: Json) -> int | None:
        """The Retry-After of a call past a limit (holding `lock`); None when it may go."""
        limit = self.method_limits.get(method)
        wait = limit.hit(method) if limit is not None else None
        if wait is None and self.channel_limit is not None and method == "chat.postMessage":
            wait = self.channel_limit.hit(str(args.get("channel")))
        return wait

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def fail(
        self,
        method: str,
        error: str,
        *,
        status: int = 200,
        retry_after: int | None = None,
        page: str | None = None,
        content_type: str = "application/json",
    ) -> None:
        """The next call of `method` fails so (queue several for several calls)."""
        failure = Failure(error, status, retry_after, page, content_type)
        with self.lock:
            self.failures.setdefault(method, []).append(failure)

    def calls_to(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def uploads(self) -> list[Upload]:
        """Files whose upload was completed, in order."""
        return self.files.finished()

    def take_failure(self, method: str) -> Failure | None:
        with self.lock:
            queued = self.failures.get(method)
            return queued.pop(0) if queued else None

    def messages(self, channel: str) -> list[Json]:
        with self.lock:
            return list(self.channels.get(channel, []))

    def wait_for(self, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.05)
        return condition()

    # The Web API methods: each takes the call's arguments and returns Slack's JSON.

    def _auth_test(self, args: Json) -> Json:
        return {
            "ok": True,
            "url": "https://fake.slack.test/",
            "team": "Fake",
            "user": "sovai",
            "team_id": "T0FAKE",
            "user_id": "U0BOT",
            "bot_id": "B0BOT",
            "is_enterprise_install": False,
        }

    def _users_info(self, args: Json) -> Json:
        user = self.users.get(str(args.get("user")))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": {"id": args.get("user"), **user}}

    def _post_message(self, args: Json) -> Json:
        channel = str(args.get("channel"))
        if channel in self.not_in:
            return {"ok": False, "error": "not_in_channel"}
        blocks = args.get("blocks") or []
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        if self.max_blocks is not None and len(blocks) > self.max_blocks:
            return {"ok": False, "error": "msg_blocks_too_long"}
        with self.lock:
            self._ts += 1
            message = {
                "type": "message",
                "ts": f"{int(time.time())}.{self._ts:06d}",
                "text": args.get("text"),
                "blocks": blocks,
                "bot_id": "B0BOT",
            }
            if args.get("metadata"):
                message["metadata"] = args["metadata"]
            self.channels.setdefault(channel, []).append(message)
            for n in range(self.chatter):
                self._ts += 1
                ts = f"{int(time.time())}.{self._ts:06d}"
                chat = {"type": "message", "ts": ts, "text": f"chatter {n}", "user": "U0PEER"}
                self.channels[channel].append(chat)
            self.posts += 1
            hold = self.posts == self.hold_at
        if hold:
            self.held.set()
            self.release.wait(60)
        elif self.post_delay:
            self.release.wait(self.post_delay)
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}

    def _open(self, args: Json) -> Json:
        users = str(args.get("users") or "")
        if not users.startswith("U") or "," in users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "channel": {"id": "D" + users.removeprefix("U"), "is_im": True}}

    def _upload_url(self, args: Json) -> Json:
        return self.files.upload_url(args, f"http://127.0.0.1:{self.port}/")

    def _complete_upload(self, args: Json) -> Json:
        channel = args.get("channel_id")
        if channel and channel in self.not_in:
            return {"ok": False, "error": "not_in_channel"}
        answer, done = self.files.complete(args)
        if channel and done:
            with self.lock:
                self._ts += 1
                message = share_message(self._ts, done)
                self.channels.setdefault(str(channel), []).append(message)
        return answer

    def _history(self, args: Json) -> Json:
        channel = str(args.get("channel"))
        if channel in self.not_in:
            return {"ok": False, "error": "not_in_channel"}
        oldest = float(args.get("oldest") or 0)
        newest_first = [m for m in reversed(self.messages(channel)) if float(m["ts"]) > oldest]
        start = int(args.get("cursor") or 0)
        limit = int(args.get("limit") or 100)
        page = newest_first[start : start + limit]
        if str(args.get("include_all_metadata")).lower() not in ("1", "true"):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + limit < len(newest_first)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def answer(self, method: str, args: Json, token: str | None) -> tuple[int, Json, Json | str]:
        """(status, headers, body) for one Web API call."""
        with self.lock:
            self.calls.append(Call(method, args, token))
            self.order.append(method)
            queued = self.failures.get(method)
            failure = queued.pop(0) if queued else None
            if failure is None and token == self.token:
                wait = self._limited(method, args)
                if wait is not None:
                    failure = Failure("ratelimited", 429, wait)
        if failure is not None:
            headers: Json = (
                {} if failure.retry_after is None else {"Retry-After": failure.retry_after}
            )
            if failure.page is not None:
                return failure.status, {"Content-Type": failure.content_type}, failure.page
            return failure.status, headers, {"ok": False, "error": failure.error}
        if method == "apps.connections.open":  # the one method called with the app token
            if token != APP_TOKEN or self.socket_url is None:
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            return 200, {}, {"ok": True, "url": self.socket_url}
        if token != self.token:
            return 200, {}, {"ok": False, "error": "invalid_auth"}
        needed = SCOPES.get(method)
        if needed in self.missing_scopes:
            provided = ",".join(sorted(set(SCOPES.values()) - self.missing_scopes))
            refusal = {"ok": False, "error": "missing_scope", "needed": needed}
            return 200, {}, {**refusal, "provided": provided}
        methods = {
            "auth.test": self._auth_test,
            "users.info": self._users_info,
            "chat.postMessage": self._post_message,
            "conversations.history": self._history,
            "conversations.open": self._open,
            "files.getUploadURLExternal": self._upload_url,
            "files.completeUploadExternal": self._complete_upload,
        }
        run = methods.get(method)
        if run is None:
            return 200, {}, {"ok": False, "error": "unknown_method"}
        if method == "auth.test":  # as Slack does: the token's scopes in a header
            return (
                200,
                {"X-OAuth-Scopes": ",".join(sorted(GRANTED - self.missing_scopes))},
                run(args),
            )
        return 200, {}, run(args)


def _handler(slack: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _args(self) -> Json:
            url = urlsplit(self.path)
            args: Json = dict(parse_qsl(url.query))
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            if raw and "json" in (self.headers.get("Content-Type") or ""):
                args.update(json.loads(raw))
            elif raw:
                args.update(parse_qsl(raw))
            return args

        def _send(self, status: int, headers: Json, body: Json | str) -> None:
            data = (body if isinstance(body, str) else json.dumps(body)).encode()
            try:
                self.send_response(status)
                kind = "text/plain" if isinstance(body, str) else "application/json"
                kind = headers.pop("Content-Type", kind)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, str(value))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client was killed while we waited: what the crash test wants

        def _upload(self, key: str) -> None:
            """The POST of a file's bytes to the URL getUploadURLExternal handed out."""
            length = int(self.headers.get("Content-Length") or 0)
            data = self.rfile.read(length) if length else b""
            failure = slack.take_failure("upload")
            if failure is not None:
                headers: Json = {"Content-Type": "text/plain"}
                if failure.retry_after is not None:
                    headers["Retry-After"] = failure.retry_after
                self._send(failure.status, headers, failure.page or failure.error)
                return
            status, text = slack.files.receive(key, data, self.headers.get("Content-Type") or "")
            self._send(status, {"Content-Type": "text/plain"}, text)

        def _dispatch(self) -> None:
            path = urlsplit(self.path).path
            if path.startswith("/upload/v1/") and self.command == "POST":
                self._upload(path.removeprefix("/upload/v1/"))
                return
            args = self._args()
            if path.startswith("/respond/"):
                with slack.lock:
                    slack.responses.setdefault(path.removeprefix("/respond/"), []).append(args)
                    slack.order.append("respond")
                self._send(200, {}, "ok")
                return
            if not path.startswith("/api/"):
                self._send(404, {}, {"ok": False, "error": "not_found"})
                return
            auth = self.headers.get("Authorization") or ""
            token = auth.removeprefix("Bearer ") if auth else args.get("token")
            self._send(*slack.answer(path.removeprefix("/api/"), args, token))

        do_GET = _dispatch
        do_POST = _dispatch

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_fake_slack() -> Iterator[FakeSlack]:
    slack = FakeSlack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(slack))
    server.daemon_threads = True
    slack.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield slack
    finally:
        slack.release.set()  # a delayed answer must not hold the shutdown
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
