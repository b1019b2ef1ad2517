"""Digests as plain text for the terminal (and logs)."""

from __future__ import annotations

from bot.models import Digest
from bot.render.flags import country_label

__all__ = ["render_text"]


def _clean(text: str) -> str:
    """One line, no control characters (feed text must not drive the terminal)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def render_text(digest: Digest) -> str:
    """The digest as plain text: header, stories grouped by country, a footer."""
    lines = [digest.title, "=" * len(digest.title)]
    if digest.empty:
        lines.append("Nothing new on sovereign AI since the last digest.")
        return "\n".join(lines) + "\n"
    for code, items in digest.groups:
        lines += ["", country_label(code)]
        for item in items:
            story = item.story
            source = f" ({_clean(story.source)})" if story.source else ""
            lines.append(f"  • {_clean(item.headline)}{source}")
            lines.append(f"    {_clean(story.url)}")
            if item.summary:
                lines.append(f"    {_clean(item.summary)}")
    shown = len(digest.items)
    more = f", {digest.omitted} more not shown" if digest.omitted else ""
    lines += [
        "",
        f"{shown} stories{more} · {digest.window_start:%Y-%m-%d %H:%M} – "
        f"{digest.window_end:%Y-%m-%d %H:%M} UTC",
    ]
    return "\n".join(lines) + "\n"
