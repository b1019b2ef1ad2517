"""The ledger's replies: a country's briefing, a comparison, a speaker's card, alerts.

Text only, as every reply (renderers escape and fit it to each platform); a chart, when
there is something to draw, is named as a `Chart` for the front end to draw and post
after the text (`bot.chart_pool`: a chart is ~0.1 s of CPU, longer than the reads).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.analysis.country_lookup import country_name
from bot.chat.replies import story_section
from bot.digest.compose import compose_item
from bot.ledger.views import Announcement, CountryFacts, SpeakerFacts
from bot.models import Chart, Reply, ReplySection, Story
from bot.render.chart_specs import compare_spec, timeline_spec
from bot.render.charts import ChartPoint, CompareBar
from bot.render.flags import flag
from bot.render.ledger_labels import (
    amount_label,
    count_label,
    day_label,
    revision_label,
    threshold_label,
    totals_fields,
    usd_short,
)
from bot.render.safe import clip
from bot.store.alerts_store import Alert
from bot.wording import counted

__all__ = [
    "alerts_reply",
    "briefing_reply",
    "compare_reply",
    "speaker_reply",
    "timeline_spec_of",
]

MAX_QUOTE = 280


def _name(code: str) -> str:
    return f"{flag(code)} {country_name(code)}"


def _sources(a: Announcement) -> str:
    names = list(dict.fromkeys(name for name, _ in a.sources))
    more = a.source_count - len(names)
    return ", ".join(names) + (f" +{more}" if more > 0 else "")


def _timeline_section(a: Announcement) -> ReplySection:
    lines = [f"{revision_label(a)} · {_sources(a)}"]
    if a.actor:
        lines.append(f"by {a.actor}")
    if a.conflict_group is not None:
        lines.append("⚠ outlets disagree on this amount" + ("" if a.counted else " (not counted)"))
    if a.quote_text and a.quote_speaker:
        lines.append(f"“{clip(a.quote_text, MAX_QUOTE)}” — {a.quote_speaker}")
    url = a.sources[0][1] if a.sources else None
    title = f"{day_label(a.first_reported)} · {a.programme}"
    return ReplySection(text="\n".join(lines), title=title, url=url)


def _conflict_line(group: Sequence[Announcement]) -> str:
    sides = " vs ".join(
        f"{amount_label(a)} ({a.source_count} source{'s' if a.source_count != 1 else ''})"
        for a in group
    )
    counted = next((amount_label(a) for a in group if a.counted), None)
    return f"{group[0].programme}: {sides}" + (f"; counted: {counted}" if counted else "")


def _speaker_line(p: SpeakerFacts) -> str:
    who = p.name + (f" ({p.latin})" if p.latin and p.latin != p.name else "")
    who += f", {p.role}" if p.role else ""
    line = f"{who} · {p.quotes_count} quote{'s' if p.quotes_count != 1 else ''}"
    if p.quotes:
        line += f"\n  latest: “{clip(p.quotes[0].text, MAX_QUOTE)}”"
    return line


def timeline_spec_of(facts: CountryFacts) -> Chart | None:
    """The briefing's cumulative chart, to draw; None with nothing to draw."""
    if not facts.chart:
        return None
    name = country_name(facts.country)
    return timeline_spec(
        facts.country,
        [ChartPoint(day, usd, gpus) for day, usd, gpus in facts.chart],
        (facts.window_start.date(), facts.window_end.date()),
        filename=f"sovai-{facts.country.lower()}-{facts.window_end:%Y%m%d}.png",
        title=f"{name}: announced USD and GPUs, cumulative",
        alt=f"Chart of {name}'s announced sovereign-AI money and GPUs over the window",
    )


def briefing_reply(
    facts: CountryFacts, stories: Sequence[Story], days: int, *, chart: bool = True
) -> Reply:
    """`/ai-country`: totals, the announcements' timeline, revisions, conflicts, who spoke,
    the latest stories, and the cumulative chart."""
    name = _name(facts.country)
    if not facts.total_stories and not facts.timeline:
        return Reply(title=f"{name}: no sovereign-AI stories in the last {counted(days, 'day')}.")
    sections = [_timeline_section(a) for a in facts.timeline]
    if facts.revisions:
        text = "\n".join(f"{a.programme}: {revision_label(a)}" for a in facts.revisions)
        sections.append(ReplySection(text=text, title="Revisions"))
    if facts.conflicts:
        text = "\n".join(_conflict_line(group) for group in facts.conflicts)
        sections.append(ReplySection(text=text, title="Outlets disagree"))
    if facts.speakers:
        text = "\n".join(_speaker_line(p) for p in facts.speakers)
        sections.append(ReplySection(text=text, title="Who spoke"))
    sections += [story_section(compose_item(s)) for s in stories]
    fields = (("Stories", f"{facts.total_stories}"), *totals_fields(facts.totals))
    spec = timeline_spec_of(facts) if chart else None
    return Reply(
        title=f"{name}: sovereign AI in the last {counted(days, 'day')}",
        fields=fields,
        sections=tuple(sections),
        footer="Totals count each announcement once, at its latest revision.",
        charts=(spec,) if spec else (),
    )


def _compare_value(facts: CountryFacts) -> str:
    t = facts.totals
    lines = [
        f"{usd_short(t.usd) if t.usd else 'no money stated'} · "
        f"{count_label(t.gpus, 'GPU') if t.gpus else 'no GPUs stated'}"
        + (f" · {count_label(t.mw, 'MW')}" if t.mw else ""),
        f"{facts.total_stories} stories · {t.announcements} announcements",
    ]
    if facts.timeline:
        latest = facts.timeline[0]
        lines.append(f"latest: {amount_label(latest)} for {latest.what}")
    if facts.speakers:
        lines.append(f"most quoted: {facts.speakers[0].name}")
    return "\n".join(lines)


def compare_reply(all_facts: Sequence[CountryFacts], days: int, *, chart: bool = True) -> Reply:
    """`/ai-compare`: the countries side by side, and a bar chart of their totals."""
    fields = tuple((_name(f.country), _compare_value(f)) for f in all_facts)
    names = ", ".join(country_name(f.country) for f in all_facts)
    charts: tuple[Chart, ...] = ()
    if chart and any(f.totals.usd or f.totals.gpus or f.totals.mw for f in all_facts):
        bars = [CompareBar(f.country, f.totals.usd, f.totals.gpus, f.totals.mw) for f in all_facts]
        charts = (
            compare_spec(
                bars,
                filename="sovai-compare.png",
                title=f"{names}: announced USD, GPUs and MW",
                alt=f"Bar chart comparing {names}",
            ),
        )
    return Reply(
        title=f"Sovereign AI in the last {counted(days, 'day')}: {names}",
        fields=fields,
        footer="Totals count each announcement once, at its latest revision.",
        charts=charts,
    )


def speaker_reply(name: str, people: Sequence[SpeakerFacts]) -> Reply:
    """`/ai-speaker`: who the person is, as the articles say, and their latest quotes."""
    if not people:
        return Reply(title=f"No one named {name!r} has been quoted in the stories read so far.")
    if len(people) > 1:
        sections = tuple(
            ReplySection(
                text=_speaker_line(p), title=p.name, url=p.quotes[0].url if p.quotes else None
            )
            for p in people
        )
        return Reply(title=f"{len(people)} people named {name!r} were quoted", sections=sections)
    person = people[0]
    fields: list[tuple[str, str]] = []
    if person.role:
        fields.append(("Role", person.role))
    if person.country:
        fields.append(("Country", _name(person.country)))
    fields.append(
        ("Quoted", f"{person.quotes_count} time{'s' if person.quotes_count != 1 else ''}")
    )
    sections = tuple(
        ReplySection(
            text=f"“{clip(q.text, MAX_QUOTE * 2)}”\n{q.source or ''} · {day_label(q.reported_at)}",
            title=q.title or q.url,
            url=q.url,
        )
        for q in person.quotes
    )
    title = person.name + (
        f" ({person.latin})" if person.latin and person.latin != person.name else ""
    )
    return Reply(title=title, fields=tuple(fields), sections=sections)


def alerts_reply(alerts: Sequence[Alert]) -> Reply:
    """`/ai-alert list`."""
    if not alerts:
        return Reply(title="No alerts here. Add one: /ai-alert add money>=1bn JP KR")
    lines = []
    for alert in alerts:
        where = ", ".join(country_name(c) for c in alert.countries) or "all countries"
        lines.append(f"#{alert.id} · {threshold_label(alert.kind, alert.threshold)} · {where}")
    return Reply(
        title=f"{len(alerts)} alert{'s' if len(alerts) != 1 else ''} in this channel",
        sections=(ReplySection(text="\n".join(lines)),),
        footer="Remove one with /ai-alert remove ID.",
    )
