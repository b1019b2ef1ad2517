"""`sovai country`, `sovai compare`, `sovai export announcements`, `sovai ledger rebuild`.

The terminal gets what chat gets, from the same store reads and the same labels: a
country's briefing as rich tables (and its chart written to a file when asked), a
comparison, and exports for spreadsheets and scripts.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.wording import counted

# add_ledger_commands is part of every command's parser: what only printing the tables
# needs (rich, the country names, the labels) is imported when a ledger command runs
if TYPE_CHECKING:
    from rich.console import Console

    from bot.ledger.views import CountryFacts
    from bot.settings import Settings

__all__ = ["add_ledger_commands", "ledger_command"]

MAX_DAYS = 3650


def _days(text: str) -> int:
    raw = text.strip().lower().removesuffix("d")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 4 and 1 <= int(raw) <= MAX_DAYS):
        raise argparse.ArgumentTypeError(
            f"expected a number of days such as 90 or 90d, got {text[:40]!r}"
        )
    return int(raw)


def _country(text: str) -> str:
    from bot.analysis.country_lookup import resolve_country

    match = resolve_country(text[:100])
    if match.code is None:
        hint = f" (did you mean {', '.join(match.suggestions)}?)" if match.suggestions else ""
        raise argparse.ArgumentTypeError(f"unknown country {text[:60]!r}{hint}")
    return match.code


def add_ledger_commands(sub: Any) -> None:
    """The ledger's subcommands on the `sovai` parser."""
    days = {"type": _days, "default": 30, "metavar": "DAYS", "help": "the window: 90 or 90d"}
    country = sub.add_parser("country", help="a country's briefing: totals, timeline, speakers")
    country.add_argument("country", type=_country, help="name, code or demonym: JP, japan")
    country.add_argument("--days", **days)
    country.add_argument(
        "--chart", type=Path, metavar="FILE.png", help="also write the chart to this PNG file"
    )
    compare = sub.add_parser("compare", help="countries side by side")
    compare.add_argument(
        "countries", type=_country, nargs="+", metavar="COUNTRY", help="two or more: JP KR IN"
    )
    compare.add_argument("--days", **days)
    export = sub.add_parser("export", help="export the ledger of announcements")
    export.add_argument(
        "what", choices=["announcements"], metavar="announcements", help="what to export"
    )
    export.add_argument(
        "--format", choices=["csv", "json"], default="csv", help="the format written to stdout"
    )
    export.add_argument(
        "--country", type=_country, help="only this country's announcements (default: all)"
    )
    export.add_argument(
        "--since", type=_days, metavar="DAYS", help="only the last N days: 90 or 90d (default: all)"
    )
    ledger = sub.add_parser("ledger", help="the ledger of announcements")
    ledger.add_argument(
        "action",
        choices=["rebuild"],
        metavar="rebuild",
        help="replay the stored articles into the ledger",
    )


def _console() -> Console:
    from rich.console import Console

    return Console(width=None if Console().is_terminal else 160)


def print_briefing(facts: CountryFacts, days: int) -> None:
    from rich.markup import escape
    from rich.table import Table

    from bot.analysis.country_lookup import country_name
    from bot.render.ledger_labels import (
        amount_label,
        day_label,
        revision_label,
        totals_fields,
        usd_short,
    )

    console = _console()
    name = country_name(facts.country)
    console.print(f"[bold]{escape(name)}: sovereign AI in the last {counted(days, 'day')}[/bold]")
    totals = Table("total", "value")
    totals.add_row("Stories", str(facts.total_stories))
    for label, value in totals_fields(facts.totals):
        totals.add_row(label, escape(value))
    console.print(totals)
    if facts.timeline:
        table = Table("date", "what", "amount", "USD", "sources", title="Announcements")
        for a in facts.timeline:
            table.add_row(
                day_label(a.first_reported),
                escape(a.programme),
                escape(revision_label(a) if a.revises else amount_label(a)),
                usd_short(a.usd) if a.usd else "-",
                escape(", ".join(n for n, _ in a.sources))
                + (" ⚠ disputed" if a.conflict_group else ""),
            )
        console.print(table)
    if facts.speakers:
        table = Table("who", "role", "quotes", "latest", title="Who spoke")
        for p in facts.speakers:
            latest = p.quotes[0].text[:120] if p.quotes else ""
            table.add_row(
                escape(p.name), escape(p.role or "-"), str(p.quotes_count), escape(latest)
            )
        console.print(table)


def print_comparison(all_facts: list[CountryFacts], days: int) -> None:
    from rich.markup import escape
    from rich.table import Table

    from bot.analysis.country_lookup import country_name
    from bot.render.ledger_labels import amount_label, usd_short

    table = Table(
        "country",
        "money",
        "GPUs",
        "MW",
        "stories",
        "announcements",
        "latest",
        title=f"Last {counted(days, 'day')}",
    )
    for f in all_facts:
        t = f.totals
        latest = f"{amount_label(f.timeline[0])} · {f.timeline[0].programme}" if f.timeline else "-"
        table.add_row(
            escape(country_name(f.country)),
            usd_short(t.usd) if t.usd else "-",
            f"{t.gpus:,.0f}" if t.gpus else "-",
            f"{t.mw:,.0f}" if t.mw else "-",
            str(f.total_stories),
            str(t.announcements),
            escape(latest),
        )
    _console().print(table)


def ledger_command(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runtime import open_store

    store = open_store(settings)
    now = datetime.now(UTC)
    try:
        if args.command == "country":
            start = now - timedelta(days=args.days)
            facts = store.country_facts(args.country, start, now)
            print_briefing(facts, args.days)
            if args.chart:
                from bot.chat.ledger_replies import timeline_spec_of
                from bot.render.chart_specs import draw

                spec = timeline_spec_of(facts)
                chart = draw(spec) if spec else None
                if chart is None:
                    print(
                        "no announcements to chart in this window; no file written", file=sys.stderr
                    )
                else:
                    args.chart.write_bytes(chart.data)
                    print(f"chart written to {args.chart}", file=sys.stderr)
        elif args.command == "compare":
            start = now - timedelta(days=args.days)
            codes = list(dict.fromkeys(args.countries))
            print_comparison(
                [store.country_facts(c, start, now, detail=False) for c in codes], args.days
            )
        elif args.command == "export":
            from bot.ledger.export import announcements_csv, announcements_json

            since = now - timedelta(days=args.since) if args.since else None
            rows = store.announcements(args.country, since)
            write = announcements_csv if args.format == "csv" else announcements_json
            sys.stdout.write(write(rows))
            print(counted(len(rows), "announcement"), file=sys.stderr)
        else:
            from bot.ledger_rebuild import rebuild_ledger

            count = rebuild_ledger(store, now)
            print(f"ledger rebuilt from {counted(count, 'stored article')}")
    finally:
        store.close()
    return 0
