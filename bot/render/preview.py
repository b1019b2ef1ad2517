"""`sovai digest --preview --format …`: one digest in any of the output formats.

Slack and Discord payloads are printed as JSON, exactly as they would be posted, so a
user can paste a Slack message's blocks into Block Kit Builder.
"""

from __future__ import annotations

import json

from bot.models import Digest
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.slack_blocks import render_slack
from bot.render.text import render_text

__all__ = ["render_preview"]


def render_preview(digest: Digest, fmt: str) -> str:
    """The digest as text, Markdown, or a JSON list of platform payloads."""
    if fmt == "markdown":
        return render_markdown(digest)
    if fmt == "slack":
        return json.dumps(render_slack(digest), ensure_ascii=False, indent=2) + "\n"
    if fmt == "discord":
        return json.dumps(render_discord(digest), ensure_ascii=False, indent=2) + "\n"
    return render_text(digest)
