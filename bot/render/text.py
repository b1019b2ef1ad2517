"""Digests as plain text for the terminal (and logs)."""

from __future__ import annotations

from bot.analysis.language import language_name
from bot.models import Analysis, Digest, DigestItem
from bot.render.flags import country_label
from bot.render.labels import (
    EMPTY_DIGEST,
    KEY_FIGURES,
    by_country_line,
    figure_label,
    flags_line,
    header_counts,
    headline,
    language_label,
    omitted_line,
    quote_line,
    sources_line,
)
from bot.render.safe import clean_text, clip, safe_url

__all__ = ["render_analysis", "render_text"]


def _clean(text: str) -> str:
    """One line, no control characters (feed text must not drive the terminal)."""
    return clean_text(clip(text, 2_000))


def _item_lines(item: DigestItem) -> list[str]:
    """A story as the other formats show it: headline, link, its countries' flags (and
    outlets), summary, best quote, key figures."""
    story = item.story
    source = f" ({_clean(story.source)})" if story.source else ""
    said_in = language_label(story.analysis.language)
    source += f" [{said_in}]" if said_in else ""
    lines = [f"  • {headline(item)}{source}"]
    if safe_url(story.url):  # an item with no link of its own shows none
        lines.append(f"    {_clean(story.url)}")
    meta = [flags_line(item.countries), sources_line(story) if len(story.sources) > 1 else ""]
    if any(meta):
        lines.append("    " + " · ".join(m for m in meta if m))
    if item.summary:
        lines.append(f"    {_clean(item.summary)}")
    if item.quote is not None and (said := quote_line(item.quote)):
        lines.append(f"    {said}")
    if item.figures:
        figures = " · ".join(figure_label(f, story.published) for f in item.figures)
        lines.append(f"    {KEY_FIGURES} {figures}")
    return lines


def render_text(digest: Digest) -> str:
    """The digest as plain text: header, stories grouped by country, a footer."""
    lines = [digest.title, "=" * len(digest.title)]
    if digest.empty:
        lines.append(EMPTY_DIGEST)
        return "\n".join(lines) + "\n"
    lines.append(header_counts(digest))
    for code, items in digest.groups:
        lines += ["", country_label(code)]
        for item in items:
            lines += _item_lines(item)
    if tally := by_country_line(digest):
        lines += ["", tally]
    if more := omitted_line(digest):
        lines.append(more)
    return "\n".join(lines) + "\n"


def render_analysis(title: str | None, url: str, analysis: Analysis) -> str:
    """A readable report of one article's analysis (`sovai analyze --url/--file`)."""
    verdict = "sovereign-AI news" if analysis.relevant else "not sovereign-AI news"
    lines = [_clean(title or url), _clean(url), ""]
    lines.append(f"Language: {language_name(analysis.language)}")
    lines.append(f"Relevance: {analysis.relevance:.2f} ({verdict})")
    lines += [f"  - {_clean(reason)}" for reason in analysis.reasons]
    countries = ", ".join(country_label(c) for c in analysis.countries) or "none"
    lines += [f"Countries: {countries}", "", "Summary:"]
    lines += [f"  {_clean(s)}" for s in analysis.summary] or ["  (none)"]
    if analysis.quotes:  # an empty section is left out, not shown as "(0)"
        lines += ["", f"Quotes ({len(analysis.quotes)}, * = key):"]
    for q in analysis.quotes:
        who = q.speaker or "unattributed"
        who += f" ({q.speaker_latin})" if q.speaker_latin else ""
        role = f", {q.role}" if q.role else ""
        lines.append(f"  {'*' if q.key else ' '} “{_clean(q.text)}” — {_clean(who + role)}")
    if analysis.figures:
        lines += ["", f"Figures ({len(analysis.figures)}, * = key):"]
    for f in analysis.figures:
        value = f"{f.value:,.0f}" if float(f.value).is_integer() else f"{f.value:,g}"
        lines.append(
            f"  {'*' if f.key else ' '} {figure_label(f)}  [{f.kind}: {value}, unit {f.unit}]"
        )
    return "\n".join(lines) + "\n"
