"""Slack: the files of a command's reply (charts, exports), uploaded where the reply is seen.

Uploads use slack_sdk's `files_upload_v2`, Slack's external-upload flow: one
`files.getUploadURLExternal` per file, the bytes POSTed to the URL it hands out, then
one `files.completeUploadExternal` that shares them all into a conversation.

Where they go follows who may see the reply. A public reply (`ephemeral=False`) is
followed by its files in the same channel. An ephemeral reply must not leak into the
channel, and Slack has no way to attach a file to an ephemeral message: a file
completed without a channel is private to the bot, so neither its permalink nor an
image block's `slack_file` can be shown to the user (python-slack-sdk#1658,
node-slack-sdk#1790: "the only way to privately share a file with someone else is to
use a DM"). So the files of an ephemeral reply go to the asker's direct message with
the app (`conversations.open`), and the reply says so in one line.

Nothing here raises: a refused upload (missing scope, bot not in the channel, rate
limit, a refused POST) is logged and becomes one sentence for the reply, whose text
goes out regardless.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat.reconnect import describe
from bot.chat.slack_sender import error_code
from bot.models import Attachment, Reply
from bot.render.attachments import (
    attachment_noun,
    fit_files,
    not_attached,
    safe_filenames,
)
from bot.render.safe import clean_text, cut, fit, safe_url, slack_escape
from bot.render.slack_blocks import slack_link

__all__ = ["FILES_MAX", "share_files", "upload_reason"]

_log = logging.getLogger(__name__)
FILES_MAX = 10  # files.completeUploadExternal shares at most 10 files at once
FILE_BYTES_MAX = 1024**3  # Slack's upload limit, 1 GB (also slack_sdk's MAX_V2_FILE_SIZE)
TITLE_MAX = 250
ALT_MAX = 1_000  # Slack's alt_txt limit
_REASONS = {
    "not_in_channel": "invite the app to this channel first (/invite @sovai)",
    "channel_not_found": "Slack does not let the app post in this conversation",
    "is_archived": "the channel is archived",
    "ratelimited": "Slack is limiting uploads right now, try again in a minute",
    "rate_limited": "Slack is limiting uploads right now, try again in a minute",
    "HTTP 429": "Slack is limiting uploads right now, try again in a minute",
}


def upload_reason(code: str, needed: str | None = None) -> str:
    """Why Slack refused, for a person: what to do about it where there is something."""
    if code == "missing_scope":
        scope = needed or "files:write"
        return f"the app lacks the {scope} scope (reinstall it from config/slack-manifest.yaml)"
    return _REASONS.get(code, f"Slack answered {slack_escape(code)}")


def _uploads(reply: Reply) -> tuple[list[dict[str, Any]], tuple[Attachment, ...], str]:
    """`file_uploads` for files_upload_v2, the files they are, and why others were left
    out ("" when none was)."""
    fitted = fit_files(
        reply.files,
        max_files=FILES_MAX,
        max_file_bytes=FILE_BYTES_MAX,
        max_total_bytes=FILES_MAX * FILE_BYTES_MAX,
    )
    names = safe_filenames(fitted.kept)
    uploads = [
        {
            "filename": name,
            "content": file.data,
            "title": cut(clean_text(file.title), TITLE_MAX) or name,
            "alt_txt": cut(clean_text(file.alt), ALT_MAX) or None,
        }
        for name, file in zip(names, fitted.kept, strict=True)
    ]
    left = (
        not_attached(fitted.dropped, fitted.reason, some=bool(fitted.kept))
        if fitted.dropped
        else ""
    )
    return uploads, fitted.kept, left


async def _direct_channel(client: AsyncWebClient, user: str) -> str:
    """The asker's direct message with the app (opened if new: `im:write`)."""
    opened = await client.conversations_open(users=user)
    return str((opened.get("channel") or {})["id"])


def _sent_line(sent: tuple[Attachment, ...], done: Any) -> str:
    """The reply's line for files that went to the asker's direct message."""
    files = (done.get("files") if isinstance(done, Mapping) else None) or [{}]
    link = safe_url(str(files[0].get("permalink") or ""))
    where = slack_link("a direct message", link) if link else "a direct message"
    noun = attachment_noun(sent)
    if len(sent) == 1:
        return f"📎 The {noun} is in {where}, where only you can see it."
    return f"📎 The {len(sent)} {noun} are in {where}, where only you can see them."


async def _upload(client: AsyncWebClient, reply: Reply, channel: str, user: str) -> str | None:
    uploads, sent, left = _uploads(reply)
    if not uploads:
        return left or None
    if not reply.ephemeral:
        await client.files_upload_v2(file_uploads=uploads, channel=channel)
        return left or None
    target = await _direct_channel(client, user)
    asked = f" (you asked in <#{channel}>)" if channel.startswith(("C", "G")) else ""
    comment = (fit(reply.title, slack_escape, 300) or "Your files") + asked
    done = await client.files_upload_v2(
        file_uploads=uploads, channel=target, initial_comment=comment
    )
    return " ".join(part for part in (_sent_line(sent, done.data), left) if part)


async def share_files(
    client: AsyncWebClient, reply: Reply, *, channel: str, user: str
) -> str | None:
    """Upload the reply's files (public: into `channel`; ephemeral: to `user`'s direct
    message); return one line for the reply, or None when there is nothing to say."""
    if not reply.files:
        return None
    try:
        return await _upload(client, reply, channel, user)
    except SlackApiError as exc:
        code = error_code(exc)
        data = getattr(exc.response, "data", None)
        needed = (
            str(data.get("needed")) if isinstance(data, Mapping) and data.get("needed") else None
        )
        reason = upload_reason(code, needed)
        _log.warning(
            "Slack refused the reply's files: %s%s", code, f" (needs {needed})" if needed else ""
        )
    except SlackRequestError as exc:  # files_upload_v2: the POST of the bytes was refused
        reason = "Slack refused the upload"
        _log.warning("Slack refused the reply's files: %s", describe(exc))
    except (SlackClientError, aiohttp.ClientError, OSError) as exc:  # TimeoutError is one
        reason = "Slack could not be reached"
        _log.warning("uploading the reply's files to Slack failed: %s", describe(exc))
    return "⚠️ " + not_attached(reply.files, reason)
