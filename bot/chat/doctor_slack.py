"""The doctor's Slack rows: the bot token (`auth.test`), its scopes, and the command token.

`auth.test` answers with the token's scopes in its `X-OAuth-Scopes` header, so one call
tells both whether the token works and whether the app was installed with every scope
the features need (config/slack-manifest.yaml lists them, with why). Socket Mode's app
token is tried with `apps.connections.open`, which only hands out a WebSocket URL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat.slack_sender import error_code, slack_api_url, slack_client
from bot.doctor_report import Check, ServerTime, ok, problem, server_time, skipped
from bot.net_errors import network_reason
from bot.settings import Settings

__all__ = ["SCOPES", "slack_checks"]

# every scope of config/slack-manifest.yaml, and what it is for
SCOPES = {
    "chat:write": "posting digests",
    "commands": "the slash commands",
    "channels:history": "finishing a digest a crash interrupted, without repeats",
    "groups:history": "the same in private channels",
    "im:history": "the same in direct messages",
    "mpim:history": "the same in group messages",
    "users:read": "telling admins apart (/ai-sources add, remove)",
    "files:write": "charts and exports",
    "im:write": "the files of a private reply, sent by direct message",
}
_NETWORK = (SlackClientError, aiohttp.ClientError, OSError)  # TimeoutError is an OSError
_FIXES = {
    "invalid_auth": "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions",
    "token_revoked": "reinstall the app to the workspace and set the new SLACK_BOT_TOKEN",
    "account_inactive": "reinstall the app to the workspace and set the new SLACK_BOT_TOKEN",
    "not_authed": "set SLACK_BOT_TOKEN (or SLACK_BOT_TOKEN_FILE)",
}
_REINSTALL = (
    "add the missing scopes under OAuth & Permissions (config/slack-manifest.yaml lists "
    "them all), then reinstall the app"
)


def _header(headers: Mapping[str, object], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) else value)
    return None


def _scope_check(headers: Mapping[str, object]) -> Check:
    listed = _header(headers, "x-oauth-scopes")
    if listed is None:
        return skipped("slack scopes", "Slack did not list the token's scopes")
    granted = {s.strip() for s in listed.split(",") if s.strip()}
    missing = [name for name in SCOPES if name not in granted]
    if not missing:
        return ok("slack scopes", f"all {len(SCOPES)} the features need")
    why = "; ".join(f"{name} ({SCOPES[name]})" for name in missing)
    return problem("slack scopes", f"missing {why}", _REINSTALL)


async def _bot_token(client: AsyncWebClient, times: list[ServerTime]) -> list[Check]:
    host = urlsplit(client.base_url).hostname or "slack.com"
    try:
        answer = await client.auth_test()
    except SlackApiError as exc:
        code = error_code(exc)
        fix = _FIXES.get(code, "check SLACK_BOT_TOKEN (xoxb-…) and SLACK_API_URL")
        return [problem("slack", f"auth.test refused the token: {code}", fix)]
    except _NETWORK as exc:
        fix = "check the network, a proxy, or SLACK_API_URL"
        return [problem("slack", f"Slack could not be reached: {network_reason(exc, host)}", fix)]
    stamp = server_time(host, _header(answer.headers, "date"))
    if stamp is not None:
        times.append(stamp)
    who = f"{answer.get('user') or 'the bot'} in workspace {answer.get('team') or '?'}"
    return [ok("slack", f"token accepted: {who}"), _scope_check(answer.headers)]


async def _app_token(settings: Settings) -> Check:
    slack = settings.config.slack
    if slack.mode == "http":
        if settings.secrets.slack_signing_secret is None:
            return problem(
                "slack commands",
                "HTTP mode without SLACK_SIGNING_SECRET: requests cannot be verified",
                "set SLACK_SIGNING_SECRET (Basic Information → Signing Secret)",
            )
        return ok("slack commands", f"HTTP mode on port {slack.port}, requests verified")
    token = settings.secrets.slack_app_token
    if token is None:
        return problem(
            "slack commands",
            "Socket Mode without SLACK_APP_TOKEN: slash commands are off",
            "create an app-level token (xapp-…) with connections:write; set SLACK_APP_TOKEN",
        )
    client = AsyncWebClient(base_url=slack_api_url())
    try:
        await client.apps_connections_open(app_token=token.get_secret_value())
    except SlackApiError as exc:
        fix = "create an app-level token with connections:write and set SLACK_APP_TOKEN"
        return problem("slack commands", f"SLACK_APP_TOKEN refused: {error_code(exc)}", fix)
    except _NETWORK as exc:
        return problem("slack commands", network_reason(exc), "check the network or a proxy")
    return ok("slack commands", "Socket Mode: SLACK_APP_TOKEN accepted")


async def slack_checks(
    settings: Settings, channels: Sequence[str], times: list[ServerTime]
) -> list[Check]:
    """The Slack rows; `channels` are the subscribed Slack channels."""
    token = settings.secrets.slack_bot_token
    if token is None:
        if channels:
            return [
                problem(
                    "slack",
                    f"{len(channels)} Slack channel(s) subscribed, SLACK_BOT_TOKEN not set: "
                    "their digests are printed in the terminal",
                    "set SLACK_BOT_TOKEN (or SLACK_BOT_TOKEN_FILE)",
                )
            ]
        return [skipped("slack", "not configured (SLACK_BOT_TOKEN is not set)")]
    client = slack_client(token.get_secret_value())
    rows = await _bot_token(client, times)
    if rows[0].status == "ok":
        rows.append(await _app_token(settings))
    return rows
