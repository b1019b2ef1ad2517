"""An alert as a one-story digest, so it goes through the digest senders and renderers.

Posting an alert as a digest of one item gives it, for free, everything digests already
have: escaping and mention-neutralising of text that came from feeds, every platform's
limits, and the outbox's crash-safe part log (a kill -9 mid-post does not post it twice).
"""

from __future__ import annotations

from bot.analysis.country_lookup import country_name
from bot.ledger.views import Announcement
from bot.models import Analysis, Digest, DigestItem, Figure, Quote, Story
from bot.render.flags import flag
from bot.render.ledger_labels import amount_label, revision_label, threshold_label

__all__ = ["alert_digest"]


def _figure(a: Announcement) -> Figure:
    if a.kind == "money":
        return Figure(a.figure_text, "money", a.value, a.unit, usd=a.usd, key=True)
    if a.kind == "gpus":
        return Figure(a.figure_text, "count", a.value, "GPU", key=True)
    return Figure(a.figure_text, "capacity", a.value, a.unit, key=True)


def alert_digest(
    job_id: int, kind: str, threshold: float, a: Announcement, story: Story | None
) -> Digest:
    """The alert for announcement `a` crossing `kind ≥ threshold` (alert outbox row `job_id`)."""
    revised = a.revises is not None
    what = revision_label(a) if revised else amount_label(a)
    lead = "Revised" if revised else "New"
    by = f" by {a.actor}" if a.actor else ""
    summary = (
        f"{lead}: {what} for {a.what}{by}. "
        f"Reported by {a.source_count} source{'s' if a.source_count != 1 else ''}; "
        f"this channel's alert: {threshold_label(kind, threshold)}."
    )
    first_url = a.sources[0][1] if a.sources else (story.url if story else "")
    told = Story(
        story_id=story.story_id if story else 0,
        title=story.title if story else a.programme,
        url=first_url,
        source=a.sources[0][0] if a.sources else (story.source if story else None),
        published=a.first_reported,
        analysis=Analysis(relevant=True, relevance=1.0, countries=(a.country,)),
        sources=a.sources,
    )
    quote = Quote(a.quote_text, a.quote_speaker) if a.quote_text and a.quote_speaker else None
    item = DigestItem(
        story=told, headline=told.title, summary=summary, quote=quote, figures=(_figure(a),)
    )
    title = f"🔔 {flag(a.country)} {country_name(a.country)}: {amount_label(a)} for {a.what}"
    return Digest(
        key=f"alert-{job_id}",
        title=title,
        window_start=a.first_reported,
        window_end=a.last_reported,
        groups=((a.country, (item,)),),
        total_stories=1,
    )
