"""Announcements as CSV or JSON: one row per announcement, with its sources and revisions.

A spreadsheet opens a CSV cell starting with `=`, `+`, `-` or `@` as a formula, and the
text here comes from feeds anyone can publish: such cells get a leading apostrophe, the
usual defence (OWASP's "CSV injection"). JSON needs none and keeps the sources as lists.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from bot.ledger.views import Announcement

__all__ = ["COLUMNS", "announcements_csv", "announcements_json", "status_of"]

COLUMNS = (
    "id", "country", "kind", "programme", "actor", "amount", "value", "unit", "usd",
    "rate_date", "first_reported", "last_reported", "status", "revises_id",
    "revises_amount", "conflict_group", "counted", "source_count", "sources",
    "source_urls", "quote", "speaker",
)  # fmt: skip
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def status_of(a: Announcement) -> str:
    """current, revised (a later amount replaced it) or conflicting (outlets disagree)."""
    if not a.current:
        return "revised"
    return "conflicting" if a.conflict_group is not None else "current"


def _row(a: Announcement) -> dict[str, Any]:
    return {
        "id": a.id,
        "country": a.country,
        "kind": a.kind,
        "programme": a.programme,
        "actor": a.actor,
        "amount": a.figure_text,
        "value": a.value,
        "unit": a.unit,
        "usd": a.usd,
        "rate_date": a.rate_date,
        "first_reported": a.first_reported.isoformat(),
        "last_reported": a.last_reported.isoformat(),
        "status": status_of(a),
        "revises_id": a.revises.id if a.revises else None,
        "revises_amount": a.revises.figure_text if a.revises else None,
        "conflict_group": a.conflict_group,
        "counted": a.counted,
        "source_count": a.source_count,
        "sources": [name for name, _ in a.sources],
        "source_urls": [url for _, url in a.sources],
        "quote": a.quote_text,
        "speaker": a.quote_speaker,
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = " | ".join(str(v) for v in value)
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA):
        return "'" + text
    return text


def announcements_csv(announcements: Sequence[Announcement]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for a in announcements:
        row = _row(a)
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return out.getvalue()


def announcements_json(announcements: Sequence[Announcement]) -> str:
    return json.dumps([_row(a) for a in announcements], ensure_ascii=False, indent=1) + "\n"
