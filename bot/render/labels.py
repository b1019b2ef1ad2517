"""Wording shared by every renderer, so Slack, Discord and Markdown say the same thing.

Labels that carry feed text take the platform's escaper (`slack_escape`,
`discord_escape`, ...) and a limit: the escaper is applied to the feed's words only, never
to our own punctuation, and the cut happens after escaping, so a label is both safe and
within the limit it was given. Without an escaper a label is cleaned plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime

from bot.analysis.language import language_name
from bot.digest.compose import DIGEST_TITLE
from bot.models import Digest, DigestItem, Figure, Quote, Story
from bot.render.flags import country_label, flag
from bot.render.safe import Escape, clean_text, clip, cut, fit, safe_url, units

__all__ = [
    "BY_COUNTRY",
    "DEFAULT_TITLE",
    "EMPTY_DIGEST",
    "GLOBAL",
    "KEY_FIGURES",
    "Escape",
    "by_country_line",
    "figure_label",
    "flags_line",
    "header_counts",
    "headline",
    "join_fitting",
    "language_label",
    "money_label",
    "omitted_line",
    "quote_line",
    "rate_note",
    "sources_line",
    "tally_line",
]

EMPTY_DIGEST = "Nothing new on sovereign AI since the last digest."
DEFAULT_TITLE = DIGEST_TITLE  # when a digest's own title cleans down to nothing
GLOBAL = "🌐"
KEY_FIGURES = "Key figures:"
BY_COUNTRY = "By country: "
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUOTE_MARKS = "\"'“”„‟«»‘’‚‛「」『』"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _scaled(amount: float) -> tuple[str, str]:
    """(number, scale word): 103e9 -> ("103", "billion"), three significant digits."""
    for scale, word in _SCALES:
        if abs(amount) >= scale * 0.9995:  # 999.96 million reads as 1 billion
            value = amount / scale
            return (f"{value:,.0f}" if abs(value) >= 999.5 else f"{value:.3g}"), word
    return (f"{amount:,.0f}" if abs(amount) >= 999.5 else f"{amount:.3g}"), ""


def _amount(low: float | None, high: float) -> str:
    """'103 billion', or a range '100–103 billion' / '800 million–1.2 billion'."""
    number, word = _scaled(high)
    if low is None or not low < high:
        return f"{number} {word}".strip()
    low_number, low_word = _scaled(low)
    if low_word == word:
        return f"{low_number}–{number} {word}".strip()
    return f"{low_number} {low_word}".strip() + f"–{number} {word}".strip()


def rate_note(rate_date: str | None, published: datetime | None = None) -> str:
    """'(rate of 30 Oct)': the day of the exchange rate behind a USD equivalent.

    The year is shown when it is not the story's own (a rate from the fallback table of
    another year, or no publication date known), so an old rate never passes for a
    fresh one; '' when the date is missing or not an ISO date.
    """
    try:
        day = date.fromisoformat(rate_date or "")
    except ValueError:
        return ""
    year = "" if published is not None and published.year == day.year else f" {day.year}"
    return f"(rate of {day.day} {day:%b}{year})"


def money_label(fig: Figure, published: datetime | None = None) -> str:
    """'INR 103 billion ≈ USD 1.25 billion (rate of 30 Oct)': the native amount first,
    then the dollars and the day of the rate (`published`: the story's date, see
    `rate_note`).

    The reader compares figures across countries in one currency, but the native amount
    is what the article said; USD figures are shown as they are.
    """
    unit = clean_text(clip(fig.unit, 20)) or "?"
    native = f"{unit} {_amount(fig.low, fig.value)}"
    if unit == "USD" or fig.usd is None:
        return native
    low_usd = fig.low * fig.usd / fig.value if fig.low is not None and fig.value else None
    label = f"{native} ≈ USD {_amount(low_usd, fig.usd)}"
    note = rate_note(fig.rate_date, published)
    return f"{label} {note}" if note else label


def figure_label(fig: Figure, published: datetime | None = None) -> str:
    """Money normalised by `money_label`; any other figure in the article's own words."""
    if fig.kind == "money":
        return money_label(fig, published)
    text = clean_text(clip(fig.text, 200))
    return text or clean_text(f"{fig.value:g} {clip(fig.unit, 20)}")


def headline(item: DigestItem) -> str:
    """The item's headline, cleaned; a story must never render as an empty line."""
    return (
        clean_text(clip(item.headline, 500))
        or clean_text(clip(item.story.title, 500))
        or "(untitled)"
    )


def quote_line(quote: Quote, escape: Escape = clean_text, limit: int = 400) -> str:
    """'“…” — Jensen Huang, Nvidia CEO'; the quote is cut, never the attribution."""
    # a quote cut from its sentence keeps its comma in the data ("…others," he said)
    said = escape(clean_text(clip(quote.text, limit)).strip(_QUOTE_MARKS + " ").rstrip(",;:"))
    if not said:
        return ""
    speaker, role, latin = (
        clean_text(clip(part or "", limit))
        for part in (quote.speaker, quote.role, quote.speaker_latin)
    )
    if speaker and latin and latin != speaker:
        speaker = f"{speaker} ({latin})"
    who = f"{speaker}, {role}" if speaker and role else speaker
    attribution = f" — {fit(who, escape, limit // 3)}" if who else " (unattributed)"
    return f"“{cut(said, limit - units(attribution) - 2)}”{attribution}"


def _source_names(story: Story) -> list[tuple[str, str | None]]:
    """Each outlet once, with the link to its copy of the story."""
    first: dict[str, str | None] = {}
    for name, url in story.sources:
        cleaned = clean_text(clip(name, 100))
        if cleaned and cleaned not in first:
            first[cleaned] = url
    if not first and story.source and clean_text(clip(story.source, 100)):
        first[clean_text(clip(story.source, 100))] = story.url
    return list(first.items())


Linker = Callable[[str, str], str]


def sources_line(
    story: Story, escape: Escape = clean_text, limit: int = 500, link: Linker | None = None
) -> str:
    """'reported by 3 sources: A, B, C' (outlets, each once); '' when none is known.

    With `link` (the platform's link syntax, given an escaped name and a safe URL) each
    outlet's name links to its own copy, so a reader can pick the outlet they trust.
    """
    names = []
    for name, url in _source_names(story):
        shown = fit(name, escape, 80)
        target = safe_url(url, max_length=300) if link is not None else None
        names.append(link(shown, target) if link is not None and target else shown)
    if not names:
        return ""
    if len(names) == 1:
        return cut(f"reported by {names[0]}", limit)
    prefix = f"reported by {len(names)} sources: "
    return prefix + join_fitting(names, limit - units(prefix), ", ", " and {} more")


def join_fitting(
    parts: Sequence[str], limit: int, sep: str = " · ", more: str = " +{} more"
) -> str:
    """As many whole parts as fit within `limit`, then how many were left out.

    Room for the "and N more" tail is kept while adding, so the result never exceeds
    `limit`; a first part too long on its own is cut rather than dropped.
    """
    kept: list[str] = []
    used = 0
    for i, part in enumerate(parts):
        add = units(part) + (units(sep) if kept else 0)
        left = len(parts) - i - 1
        if used + add + (units(more.format(left)) if left else 0) > limit:
            break
        kept.append(part)
        used += add
    if len(kept) == len(parts):
        return sep.join(kept)
    if kept:
        return sep.join(kept) + more.format(len(parts) - len(kept))
    tail = more.format(len(parts) - 1) if len(parts) > 1 else ""
    head = cut(parts[0], limit - units(tail))
    return head + tail if head else ""


def language_label(language: str | None) -> str:
    """ "in Japanese" for a story not in English; "" for one in English."""
    return "" if not language or language == "en" else f"in {language_name(language)}"


def flags_line(countries: Iterable[str], limit: int = 60, language: str | None = None) -> str:
    """'🇯🇵 🇺🇸': every country of the story, 🌐 when it has none; '🇯🇵 in Japanese' for
    a story in another language than English, so a reader knows before clicking."""
    flags = [
        flag(code) if len(code) == 2 and code.isascii() and code.isalpha() else GLOBAL
        for code in dict.fromkeys(countries)
    ]
    said = language_label(language)
    room = limit - (len(said) + 1 if said else 0)
    line = join_fitting(list(dict.fromkeys(flags)), room, " ", " +{}") or GLOBAL
    return f"{line} {said}" if said else line


def _utc(when: datetime) -> datetime:
    return when.astimezone(UTC) if when.tzinfo else when


def header_counts(digest: Digest) -> str:
    """'8 of 13 stories from 3 countries · 24 Nov 08:00 – 25 Nov 08:00 UTC'."""
    shown = len(digest.items)
    if digest.total_stories > shown:
        stories = f"{shown:,} of {_plural(digest.total_stories, 'story', 'stories')}"
    else:
        stories = _plural(shown, "story", "stories")
    countries = {country_label(code) for code, _ in digest.groups} - {f"{GLOBAL} Global"}
    where = f" from {_plural(len(countries), 'country', 'countries')}" if countries else ""
    start, end = _utc(digest.window_start), _utc(digest.window_end)
    return f"{stories}{where} · {start:%d %b %H:%M} – {end:%d %b %H:%M} UTC"


def tally_line(digest: Digest, limit: int = 1_000) -> str:
    """'🇯🇵 Japan 3 · 🇮🇳 India 2 · 🌐 Global 1': stories in the window per country."""
    parts = [f"{country_label(code)} {count:,}" for code, count in digest.tally]
    return join_fitting(parts, limit, " · ", " and {} more countries")


def by_country_line(digest: Digest, limit: int = 1_000) -> str:
    """'By country: 🇯🇵 Japan 3 · 🇮🇳 India 2': the footer's tally, labelled the same
    in every format; '' when the digest has no tally."""
    tally = tally_line(digest, limit - units(BY_COUNTRY))
    return f"{BY_COUNTRY}{tally}" if tally else ""


def omitted_line(digest: Digest) -> str:
    """'5 more stories not shown', or '' when the digest shows everything."""
    if digest.omitted <= 0:
        return ""
    return f"{_plural(digest.omitted, 'more story', 'more stories')} not shown"
