"""Discord: a command's reply sent to its interaction, its files with the last message.

Charts come last, in a message of their own: they are drawn only once the text has
been sent, so the answer never waits on matplotlib.

The reply's embeds are the interaction's response, or follow-ups once it has one (a
deferred command); its files (charts, exports) go with the last of them, so an
ephemeral reply's files are as private as its text. The first picture of a one-embed
reply becomes that embed's image (`attachment://NAME`, which is why names are made safe
by `attachments`); other files (a CSV export, more charts) are plain attachments,
which Discord lists below.

Discord's limits are checked before sending: at most 10 files a message, each within the
interaction's `attachment_size_limit` (the server's upload limit, boosts included), all
within the 25 MiB a request may carry. What does not fit is left out and the reply says
so in one line; a send Discord refuses anyway (413, an outage) is sent again without
files, with that line, so the text always arrives.
"""

from __future__ import annotations

import copy
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import discord
from discord.utils import MISSING

from bot.chart_pool import CHART_MISSING, draw_charts
from bot.models import Attachment, Reply
from bot.render.attachments import fit_files, is_image, not_attached, safe_filenames
from bot.render.discord_embeds import CONTENT_MAX
from bot.render.replies import reply_discord
from bot.render.safe import clean_text, cut, units

__all__ = [
    "FILES_MAX",
    "REQUEST_MAX",
    "FilePlan",
    "plan_files",
    "refused_note",
    "send_reply",
    "with_files",
    "with_note",
]

_log = logging.getLogger(__name__)
FILES_MAX = 10
REQUEST_MAX = 25 * 1024 * 1024  # a message's whole request, files included
FILE_DEFAULT_MAX = 10 * 1024 * 1024  # a server without boosts, when nothing says otherwise
DESCRIPTION_MAX = 1_024
Message = dict[str, Any]
Interaction = discord.Interaction[Any]


@dataclass(frozen=True)
class FilePlan:
    """What goes with the last message: files and their safe names, the picture shown in
    the embed (if any), and the line saying what was left out ("" when nothing was)."""

    files: tuple[Attachment, ...] = ()
    names: tuple[str, ...] = ()
    image: str | None = None
    note: str = ""

    def discord_files(self) -> list[discord.File]:
        """Fresh `discord.File`s: discord.py closes them after each request."""
        return [
            discord.File(
                io.BytesIO(file.data),
                filename=name,
                description=cut(clean_text(file.alt or file.title), DESCRIPTION_MAX) or None,
            )
            for file, name in zip(self.files, self.names, strict=True)
        ]


def plan_files(reply: Reply, file_limit: int | None = None) -> FilePlan:
    """The reply's files within Discord's limits (`file_limit`: the interaction's)."""
    if not reply.files:
        return FilePlan()
    per_file = file_limit or FILE_DEFAULT_MAX
    fitted = fit_files(
        reply.files,
        max_files=FILES_MAX,
        max_file_bytes=per_file,
        max_total_bytes=max(REQUEST_MAX - 64 * 1024, per_file),  # room for the JSON part
    )
    names = tuple(safe_filenames(fitted.kept))
    image = None
    if reply.digest is None:  # a digest's embeds are its stories: no one of them owns it
        image = next((n for f, n in zip(fitted.kept, names, strict=True) if is_image(f)), None)
    note = (
        "⚠️ " + not_attached(fitted.dropped, fitted.reason, some=bool(fitted.kept))
        if fitted.dropped
        else ""
    )
    return FilePlan(fitted.kept, names, image, note)


def with_note(payload: Message, note: str) -> Message:
    """The payload with `note` as the last line of its content, within 2,000 characters."""
    if not note:
        return payload
    content = payload.get("content") or ""
    room = CONTENT_MAX - units(note) - 1
    joined = f"{cut(content, room)}\n{note}" if content else note
    return {**payload, "content": joined}


def with_files(payload: Message, plan: FilePlan) -> Message:
    """The payload whose (single) embed shows the plan's picture, with the plan's note."""
    out = copy.deepcopy(payload)
    embeds: list[dict[str, Any]] = out.get("embeds") or []
    if plan.image is not None and len(embeds) == 1:
        embeds[0]["image"] = {"url": f"attachment://{plan.image}"}
    return with_note(out, plan.note)


def refused_note(files: Sequence[Attachment], exc: discord.HTTPException) -> str:
    """The line for files Discord refused to take with the message."""
    too_large = exc.status == 413 or exc.code == 40005
    reason = "Discord refused them as too large" if too_large else f"Discord answered {exc.status}"
    if too_large and len(files) == 1:
        reason = "Discord refused it as too large"
    _log.warning("Discord refused a reply's files: %s (code %s)", exc.status, exc.code)
    return "⚠️ " + not_attached(files, reason)


async def _send(
    interaction: Interaction,
    payload: Message,
    ephemeral: bool,
    files: list[discord.File] | None = None,
) -> None:
    """One message: the interaction's response, or a follow-up once it has one."""
    none = discord.AllowedMentions.none()
    embeds = [discord.Embed.from_dict(e) for e in payload["embeds"]]
    content = payload.get("content") or None
    attached = files or MISSING
    if interaction.response.is_done():
        await interaction.followup.send(
            content or MISSING,
            embeds=embeds,
            files=attached,
            ephemeral=ephemeral,
            allowed_mentions=none,
        )
    else:
        await interaction.response.send_message(
            content,
            embeds=embeds,
            files=attached,
            ephemeral=ephemeral,
            allowed_mentions=none,
        )


async def send_reply(interaction: Interaction, reply: Reply) -> None:
    """The reply as embeds, its files with the last message, each private if it is; its
    charts are drawn once that is sent (`chart_pool`) and follow as one more message."""
    await _send_now(interaction, replace(reply, charts=()))
    if not reply.charts:
        return
    drawn = await draw_charts(reply.charts)
    if drawn:
        pictures = Reply(title=drawn[0].title, files=drawn, ephemeral=reply.ephemeral)
        await _send_now(interaction, pictures)
    if len(drawn) < len(reply.charts):
        missing = {"content": CHART_MISSING, "embeds": []}
        await _send(interaction, missing, reply.ephemeral)


async def _send_now(interaction: Interaction, reply: Reply) -> None:
    payloads = reply_discord(reply)
    plan = plan_files(reply, getattr(interaction, "filesize_limit", None))
    for payload in payloads[:-1]:
        await _send(interaction, payload, reply.ephemeral)
    last = payloads[-1]
    if not plan.files:
        await _send(interaction, with_note(last, plan.note), reply.ephemeral)
        return
    try:
        await _send(interaction, with_files(last, plan), reply.ephemeral, plan.discord_files())
    except discord.HTTPException as exc:  # refused with its files: the text goes alone
        note = " ".join(n for n in (refused_note(plan.files, exc), plan.note) if n)
        await _send(interaction, with_note(last, note), reply.ephemeral)
