"""The Slack app (slack-bolt): slash commands in, `Commands` replies out.

Slack waits 3 seconds for a command's answer, and a digest or a source check can take
longer, so every command is acknowledged empty at once and answered afterwards from a
lazy listener through its `response_url`: ephemeral unless the reply is meant for the
whole channel; its files (charts, exports) follow it into the channel, or go to the
asker's direct message when it is ephemeral (`slack_files` says why). Socket Mode (the
default) needs no public URL; HTTP mode listens on `slack.port`, and bolt answers 401
to any request whose signature or timestamp is wrong (a request malformed beyond bolt's
reading, such as a timestamp that is no number, is refused the same way before bolt sees
it). Everything runs in the caller's event loop, beside the scheduler.

Socket Mode starts by asking Slack for a WebSocket URL; whatever the answer (an HTML
500 page, DNS failure), that is tried again with capped backoff until it works (see
`reconnect`), so commands come back by themselves; only an app token Slack refuses
turns the commands off, in one line. Once connected, slack_sdk's own monitor
reconnects, its network tracebacks folded into one line each.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.typedefs import Handler
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.chart_pool import CHART_MISSING, draw_charts
from bot.chart_pool import warm as warm_charts
from bot.chat.commands import COMMANDS, CommandContext, Commands
from bot.chat.delivery import Sender
from bot.chat.reconnect import Backoff, describe, install_one_line
from bot.chat.slack_files import share_files
from bot.chat.slack_sender import PERMANENT_ERRORS, error_code, slack_client
from bot.feeds.fetch import Fetcher
from bot.models import Reply
from bot.render.replies import reply_slack
from bot.render.slack_blocks import Message, with_note
from bot.settings import Settings
from bot.store.repo import Store

__all__ = ["EVENTS_PATH", "SLASH_COMMANDS", "SlackBot", "run_slack", "slack_problem"]

_log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
SLASH_COMMANDS = {f"/ai-{name}": name for name in COMMANDS}
RESPONSES_MAX = 5  # a response_url takes at most five messages
ADMIN_CACHE_SECONDS = 600.0
STOP_GRACE_SECONDS = 10.0
SOCKET_CONNECT_SECONDS = 30.0  # a WebSocket URL not connected by then is asked anew
_BOLT_LOGGER = "slack_bolt.sovai"
_SOCKET_LOGGER = "bot.chat.slack_socket"


class _ClientOverToken(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN (read from the environment) is unused when given a
    client, which is how we pass SLACK_API_URL: expected, so not worth a warning at every start."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def slack_problem(settings: Settings) -> str | None:
    """Why the Slack app cannot start with these settings, or None when it can."""
    secrets = settings.secrets
    if secrets.slack_bot_token is None:
        return "SLACK_BOT_TOKEN is not set"
    if settings.config.slack.mode == "socket" and secrets.slack_app_token is None:
        return "Socket Mode needs SLACK_APP_TOKEN (xapp-…); or set slack.mode: http"
    if settings.config.slack.mode == "http" and secrets.slack_signing_secret is None:
        return "HTTP mode needs SLACK_SIGNING_SECRET"
    return None


# What Slack's signed headers look like: a Unix time in ASCII digits, "v0=" and a hex
# SHA-256. bolt reads the timestamp with int() and compares the signature with
# hmac.compare_digest, and reads the body as text: "yesterday", a non-ASCII signature or a
# body not in its charset would raise there, and aiohttp would answer 500.
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def _well_formed(timestamp: str | None, signature: str | None, body: bytes, charset: str) -> bool:
    """Whether a request's signed parts have the shape Slack gives them, so that checking
    its signature can only say yes or no; a missing header is left to bolt (a 401)."""
    if timestamp is not None and not _TIMESTAMP.fullmatch(timestamp):
        return False
    if signature is not None and not signature.isascii():
        return False
    try:
        body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


@web.middleware
async def _refuse_malformed(request: web.Request, handler: Handler) -> web.StreamResponse:
    """HTTP mode: a request Slack cannot have sent is refused as unsigned (401), before
    bolt's own verification, which answers the well-formed rest."""
    headers = request.headers
    body = await request.read()  # aiohttp keeps it for bolt
    timestamp, signature = (
        headers.get("X-Slack-Request-Timestamp"),
        headers.get("X-Slack-Signature"),
    )
    if _well_formed(timestamp, signature, body, request.charset or "utf-8"):
        return await handler(request)
    _log.debug("Slack HTTP: refused a malformed request (timestamp %r)", (timestamp or "")[:20])
    return web.json_response({"error": "invalid request"}, status=401)


def _needs_admin(name: str, text: str, admin_commands: frozenset[str]) -> bool:
    """Whether this command line may be admin-only, so the user's role must be looked up."""
    action = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return name in admin_commands or f"{name} {action}" in admin_commands


class SlackBot:
    """One bolt `AsyncApp` serving the seven commands; `start` it, later `stop` it."""

    def __init__(self, settings: Settings, commands: Commands, client: AsyncWebClient) -> None:
        self.settings = settings
        self.commands = commands
        http = settings.config.slack.mode == "http"
        secret = settings.secrets.slack_signing_secret
        bolt_log = logging.getLogger(_BOLT_LOGGER)
        if not any(isinstance(f, _ClientOverToken) for f in bolt_log.filters):
            bolt_log.addFilter(_ClientOverToken())
        self.app = AsyncApp(
            name=_BOLT_LOGGER,  # bolt resets the level of the logger named so: not ours
            logger=bolt_log,
            client=client,
            signing_secret=secret.get_secret_value() if secret is not None else "",
            request_verification_enabled=http,  # Socket Mode requests are not signed
            process_before_response=True,  # the ack is trivial; the work is lazy
        )
        for slash in SLASH_COMMANDS:
            self.app.command(slash)(ack=self._ack, lazy=[self._answer])
        self._admins: dict[str, tuple[bool, float]] = {}
        self._answers: set[asyncio.Task[Any]] = set()
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.backoff = Backoff()
        install_one_line(_SOCKET_LOGGER)

    async def start(self, *, host: str = "0.0.0.0", port: int | None = None) -> int | None:
        """Connect (Socket Mode) or listen (HTTP); return the HTTP port, None in Socket Mode."""
        config = self.settings.config.slack
        if config.mode == "socket":
            token = self.settings.secrets.slack_app_token
            if token is None:
                raise RuntimeError("Socket Mode needs SLACK_APP_TOKEN")
            while not await self._connect_socket(token.get_secret_value()):
                delay = self.backoff.next_delay()
                _log.info("Slack: trying Socket Mode again in %.0f s", delay)
                await asyncio.sleep(delay)
            self.backoff.reset()
            _log.info("Slack: connected in Socket Mode")
            return None
        web_app = self.app.web_app(path=EVENTS_PATH)
        web_app.middlewares.append(_refuse_malformed)
        self._runner = web.AppRunner(web_app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, config.port if port is None else port).start()
        bound = int(self._runner.addresses[0][1])
        _log.info("Slack: listening for commands on %s:%d%s", host, bound, EVENTS_PATH)
        return bound

    async def _connect_socket(self, token: str) -> bool:
        """One try: a WebSocket URL from Slack, then the connection; False to try again.

        Raises on an app token Slack refuses: the socket client would retry it forever.
        """
        try:
            url = str((await self.app.client.apps_connections_open(app_token=token))["url"])
        except SlackApiError as exc:
            code = error_code(exc)
            if code in PERMANENT_ERRORS:
                raise RuntimeError(f"Slack refused SLACK_APP_TOKEN: {code}") from None
            _log.warning("Slack Socket Mode: apps.connections.open answered %s", code)
            return False
        except (SlackClientError, OSError, aiohttp.ClientError) as exc:  # TimeoutError is one
            _log.warning("Slack Socket Mode: cannot reach Slack (%s)", describe(exc))
            return False
        socket = AsyncSocketModeHandler(self.app, token, logger=logging.getLogger(_SOCKET_LOGGER))
        socket.client.wss_uri = url
        try:
            async with asyncio.timeout(SOCKET_CONNECT_SECONDS):
                await socket.connect_async()  # type: ignore[no-untyped-call]
        except TimeoutError:
            _log.warning("Slack Socket Mode: no WebSocket in %.0f s", SOCKET_CONNECT_SECONDS)
            await socket.close_async()  # type: ignore[no-untyped-call]
            return False
        self._socket = socket
        return True

    async def stop(self) -> None:
        """Stop taking commands, let the answers under way finish (bounded), then close."""
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._answers:
            _, late = await asyncio.wait(set(self._answers), timeout=STOP_GRACE_SECONDS)
            for task in late:
                task.cancel()

    async def _ack(self, ack: AsyncAck) -> None:
        await ack()

    async def _answer(
        self, command: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        """The lazy half of a command: run it and post the reply to its response_url."""
        task = asyncio.current_task()
        if task is not None:
            self._answers.add(task)
        try:
            name = SLASH_COMMANDS.get(str(command.get("command")), "")
            # Slack sends &, < and > in command text as entities
            text = (
                str(command.get("text") or "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
            )
            user = str(command.get("user_id") or "")
            needed = _needs_admin(name, text, self.commands.admin_commands)
            ctx = CommandContext(
                platform="slack",
                channel=str(command.get("channel_id") or ""),
                user=user,
                is_admin=needed and await self._is_admin(client, user),
                now=datetime.now(UTC),
            )
            reply = await self.commands.handle(name, text, ctx)
            await self._post_reply(name, reply, ctx, respond, client)
        except Exception:
            _log.exception("answering %s failed", command.get("command"))
            with contextlib.suppress(Exception):  # best effort: the user hears something
                await respond(text="Something went wrong on our side; it has been logged.")
        finally:
            if task is not None:
                self._answers.discard(task)

    async def _post_reply(
        self,
        name: str,
        reply: Reply,
        ctx: CommandContext,
        respond: AsyncRespond,
        client: AsyncWebClient,
    ) -> None:
        """Post the reply at its response_url, with its files (see `slack_files`).

        An ephemeral reply's ready files (an export) go to the asker's direct message
        first, so the reply can say where they are (or why not). Charts are drawn after
        the text is posted (`chart_pool`), so the answer does not wait on them; they,
        and a public reply's files, follow it, and where they went (or why not) is told
        to the asker alone, in one more message.
        """
        files_after = bool(reply.charts) or (bool(reply.files) and not reply.ephemeral)
        room = RESPONSES_MAX - 1 if files_after else RESPONSES_MAX
        messages = _within(reply_slack(reply), room, name, digest=reply.digest is not None)
        if reply.files and not files_after:
            note = await share_files(client, reply, channel=ctx.channel, user=ctx.user)
            if note:
                messages = with_note(messages, note, room)
        kind = "ephemeral" if reply.ephemeral else "in_channel"
        for message in messages:
            await self._respond(name, respond, message, kind)
        if not files_after:
            return
        drawn = await draw_charts(reply.charts)
        ready = replace(reply, files=reply.files + drawn, charts=())
        lines = [await share_files(client, ready, channel=ctx.channel, user=ctx.user)]
        if len(drawn) < len(reply.charts):
            lines.append(CHART_MISSING)
        note = " ".join(line for line in lines if line)
        if note:
            await self._respond(name, respond, with_note([], note, 1)[0], "ephemeral")

    async def _respond(
        self, name: str, respond: AsyncRespond, message: dict[str, Any], kind: str
    ) -> None:
        answer = await respond(
            text=message["text"],
            blocks=message["blocks"],
            response_type=kind,
            unfurl_links=False,
            unfurl_media=False,
        )
        if answer.status_code != 200:  # respond() does not raise on a refusal
            _log.warning("/ai-%s reply refused: %s %s", name, answer.status_code, answer.body)

    async def _is_admin(self, client: AsyncWebClient, user: str) -> bool:
        """Listed in `slack.admins`, or a workspace admin or owner (users.info, cached)."""
        if user in self.settings.config.slack.admins:
            return True
        known = self._admins.get(user)
        if known is not None and known[1] > time.monotonic():
            return known[0]
        try:
            response = await client.users_info(user=user)
        except SlackApiError as exc:
            _log.warning("users.info %s: %s; treated as not an admin", user, error_code(exc))
            return False
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as exc:
            _log.warning("users.info %s unreachable (%s); treated as not an admin", user, exc)
            return False
        info = response.get("user") or {}
        admin = bool(info.get("is_admin") or info.get("is_owner"))
        self._admins[user] = (admin, time.monotonic() + ADMIN_CACHE_SECONDS)
        return admin


def _within(messages: list[Message], room: int, name: str, *, digest: bool) -> list[Message]:
    """At most `room` messages (a response_url takes five); a cut reply says where it was
    cut, and a digest preview that does not fit points to the command that posts it all."""
    if len(messages) <= room:
        return messages
    _log.warning("/ai-%s: reply cut from %d to %d messages", name, len(messages), room)
    note = f"✂️ Cut here: the rest does not fit in the {RESPONSES_MAX} messages Slack allows."
    if digest:
        note += " The digest itself is posted whole: /ai-digest now posts it to this channel."
    return with_note(messages[:room], note, room)


async def run_slack(
    settings: Settings, store: Store, senders: Mapping[str, Sender], stop: asyncio.Event
) -> None:
    """Serve Slack commands until `stop` is set; return at once when Slack is not set up.

    A token Slack refuses is logged and the commands left off; digests keep going out.
    """
    problem = slack_problem(settings)
    token = settings.secrets.slack_bot_token
    if problem is not None or token is None:
        log = _log.info if token is None else _log.warning
        log("Slack commands are off: %s", problem)
        return
    fetcher = Fetcher(settings.config.fetch)
    commands = Commands(settings, store, fetcher, senders)
    warm_charts()  # the chart worker starts now, not on the first /ai-country
    bot = SlackBot(settings, commands, slack_client(token.get_secret_value()))
    starting = asyncio.ensure_future(bot.start())
    stopping = asyncio.ensure_future(stop.wait())
    try:  # a stop while still connecting (Slack unreachable) must not wait for Slack
        await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if starting.done() and starting.exception() is not None:
            _log.error("Slack commands are off: %s", starting.exception())
            return
        await stopping
    finally:
        for task in (starting, stopping):
            task.cancel()
        await asyncio.gather(starting, stopping, return_exceptions=True)
        await bot.stop()
        await fetcher.aclose()
