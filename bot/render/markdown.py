"""Digests as CommonMark/GitHub-flavoured Markdown, for Matrix, email or a web page.

Feed text is escaped (`markdown_escape`): it cannot open a link, emphasis, heading or
raw HTML, and `@room` (a Matrix room ping) is neutralised. Markdown has no length limit
of its own, but each piece keeps a generous budget so one runaway feed cannot bloat the
page; a platform with a size limit (a Matrix event is at most 64 KiB) splits the result
between stories, at the blank lines before each `###` heading.
"""

from __future__ import annotations

from bot.models import Digest, DigestItem
from bot.render.flags import country_label
from bot.render.labels import (
    DEFAULT_TITLE,
    EMPTY_DIGEST,
    KEY_FIGURES,
    by_country_line,
    figure_label,
    flags_line,
    header_counts,
    headline,
    omitted_line,
    quote_line,
    sources_line,
)
from bot.render.safe import fit, markdown_escape, safe_url


def _md_link(text: str, url: str) -> str:
    return f"[{text}]({url})"


__all__ = ["render_markdown"]

_HEADLINE_MAX = 300
_SUMMARY_MAX = 2_000
_QUOTE_MAX = 600
_META_MAX = 600


def _item(item: DigestItem) -> list[str]:
    """A story: linked headline, countries and outlets, summary, quote, figures."""
    title = fit(headline(item), markdown_escape, _HEADLINE_MAX)
    url = safe_url(item.story.url)
    lines = [f"### [{title}]({url})" if url else f"### {title}", ""]
    meta = [
        flags_line(item.countries),
        sources_line(item.story, markdown_escape, _META_MAX, _md_link),
    ]
    lines += [f"*{' · '.join(m for m in meta if m)}*", ""]
    summary = fit(item.summary, markdown_escape, _SUMMARY_MAX)
    if summary:
        lines += [summary, ""]
    said = quote_line(item.quote, markdown_escape, _QUOTE_MAX) if item.quote else ""
    if said:
        lines += [f"> {said}", ""]
    published = item.story.published
    figures = [f"- {fit(figure_label(f, published), markdown_escape, 200)}" for f in item.figures]
    if figures:
        lines += [f"**{KEY_FIGURES}**", "", *figures, ""]
    return lines


def render_markdown(digest: Digest) -> str:
    """The digest as one Markdown document: title, stories by country, a footer."""
    lines = [f"# {fit(digest.title, markdown_escape, 300) or DEFAULT_TITLE}", ""]
    if digest.empty:
        return "\n".join([*lines, EMPTY_DIGEST]) + "\n"
    lines += [markdown_escape(header_counts(digest)), ""]
    for code, items in digest.groups:
        lines += [f"## {markdown_escape(country_label(code))}", ""]
        for item in items:
            lines += _item(item)
    ends = (by_country_line(digest), omitted_line(digest))
    footer = [markdown_escape(line) for line in ends if line]
    if footer:
        lines += ["---", "", *(f"{line}  " for line in footer[:-1]), footer[-1], ""]
    return "\n".join(lines).rstrip("\n") + "\n"
