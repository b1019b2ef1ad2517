"""Digests as plain text for the terminal (and logs)."""

from __future__ import annotations

from bot.models import Analysis, Digest, Figure
from bot.render.flags import country_label

__all__ = ["render_analysis", "render_text"]


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
            if len(story.sources) > 1:
                names = ", ".join(dict.fromkeys(_clean(name) for name, _ in story.sources))
                lines.append(f"    reported by {len(story.sources)} sources: {names}")
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


def _money(figure: Figure) -> str:
    if figure.kind != "money" or figure.usd is None or figure.unit == "USD":
        return figure.text
    when = f", rate of {figure.rate_date}" if figure.rate_date else ""
    return f"{figure.text} ≈ USD {_short(figure.usd)}{when}"


def _short(amount: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{amount / scale:.3g} {word}"
    return f"{amount:,.0f}"


def render_analysis(title: str | None, url: str, analysis: Analysis) -> str:
    """A readable report of one article's analysis (`sovai analyze --url/--file`)."""
    verdict = "sovereign-AI news" if analysis.relevant else "not sovereign-AI news"
    lines = [_clean(title or url), _clean(url), ""]
    lines.append(f"Relevance: {analysis.relevance:.2f} ({verdict})")
    lines += [f"  - {_clean(reason)}" for reason in analysis.reasons]
    countries = ", ".join(country_label(c) for c in analysis.countries) or "none"
    lines += [f"Countries: {countries}", "", "Summary:"]
    lines += [f"  {_clean(s)}" for s in analysis.summary] or ["  (none)"]
    lines += ["", f"Quotes ({len(analysis.quotes)}, * = key):"]
    for q in analysis.quotes:
        who = q.speaker or "unattributed"
        role = f", {q.role}" if q.role else ""
        lines.append(f"  {'*' if q.key else ' '} “{_clean(q.text)}” — {_clean(who + role)}")
    lines += ["", f"Figures ({len(analysis.figures)}, * = key):"]
    for f in analysis.figures:
        lines.append(
            f"  {'*' if f.key else ' '} {_clean(_money(f))}  [{f.kind}: {f.value:g} {f.unit}]"
        )
    return "\n".join(lines) + "\n"
