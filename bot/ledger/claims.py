"""The commitments one analysed article states: its key figures, each with what it is for.

Only a relevant story's key figures become claims (the ones the digest shows: not a
price, not a conversion in parentheses), and only the kinds a ledger can add up: money,
GPUs, power (MW) and compute (exaflops). Each figure is read in its own sentence:

- what it is (claim_context.py): an old amount ("from ¥1 trillion to ¥2 trillion"), a
  part of a larger one ("of which"), a valuation, a market or a comparison is no claim;
  a further tranche is a claim of its own that names no programme to revise;
- what it pays for (programmes.py), within its own stretch of the sentence, between the
  figures next to it; "the fund" or "the mission" is the one the article named in full,
  and a sentence naming a machine ("ABCI 3.0 will have…") claims for it;
- the country: the one named next to it among the article's, the currency's when that
  is named too (a round-up gives "₩2 trillion" to Korea, not to the Japan before it),
  else the currency's, else the article's first; a sentence naming only countries the
  article is not about states someone else's figure, which is no claim;
- who acts (actors.py), and the quote that carries it: one the figure stands inside, or
  one that states it.

One article gives one claim per programme and kind; of several amounts with no
programme named, the largest stands for the article.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.ledger.claim_context import Role, role_of
from bot.ledger.claim_country import country_of
from bot.ledger.claim_spots import Spot, spots_of, units_of
from bot.ledger.model import Claim
from bot.ledger.programme_words import BARE_VAGUE
from bot.ledger.programmes import (
    Programme,
    actor_in,
    candidates,
    generic,
    programme_near,
    spans_in,
)
from bot.ledger.version import LEDGER_VERSION
from bot.models import Analysis, Article, Quote

__all__ = ["LEDGER_VERSION", "ArticleRef", "article_ref", "claims_in"]

_NAME_WORD = re.compile(r"[\w.+-]*\w")
_BREAK = re.compile(r";|,\s+(?:while|whereas|but|and|with|plus)\b|\s+while\b")


@dataclass(frozen=True)
class ArticleRef:
    """Where the claims were read: the article's story, link, outlet and time."""

    story_id: int
    url: str
    reported_at: datetime
    source: str | None = None
    title: str | None = None


def _carrier(sentence: str, spot: Spot, quotes: Sequence[Quote]) -> Quote | None:
    """A quote the figure stands inside, or one that states it."""
    spoken = [q for q in quotes if q.speaker]
    for span in spans_in(sentence):
        if span.start <= spot.at < span.end:
            for quote in spoken:
                if quote.text[:30] in span.text or span.text[:30] in quote.text:
                    return quote
    return next((q for q in spoken if spot.figure.text in q.text), None)


class _Article:
    """One article's sentences and the programmes it names, read once for all figures."""

    def __init__(self, text: str, analysis: Analysis, ref: ArticleRef) -> None:
        self.lang = analysis.language
        self.units = units_of(text, self.lang)
        self.title = ref.title or ""
        self.folded = [s.casefold() for s in (self.title, *self.units)]
        self.analysis = analysis
        self.people = frozenset(
            w for q in analysis.quotes if q.speaker for w in q.speaker.split() if len(w) > 2
        )

    def sentence(self, unit: int) -> str:
        return self.title if unit < 0 else self.units[unit]

    def named(self, hints: Collection[str]) -> list[tuple[int, Programme]]:
        """The programmes the article names in full, with the sentence naming each; only
        sentences holding one of `hints` are read (a programme's name or head)."""
        return [
            (i, p.programme)
            for i in range(-1, len(self.units))
            if any(h in self.folded[i + 1] for h in hints)
            for p in candidates(self.sentence(i), self.lang)
            if not p.programme.bare
        ]

    def resolved(self, programme: Programme, unit: int, kind: str) -> Programme:
        """ "The mission" as the article named it ("the IndiaAI Mission"); a sentence with
        no programme but a named one's name ("ABCI 3.0 will have…") claims for it."""
        if programme.bare:
            return self._named_in_full(programme, unit, kind)
        if not programme.key:
            return self._named_by_name(unit) or programme
        return programme

    def _named_in_full(self, bare: Programme, unit: int, kind: str) -> Programme:
        """The last programme with the same head named before (else the first after); a
        vague head named nowhere in full ("the system", "public funds") names nothing."""
        head = bare.key
        written = bare.label.split()
        hints = {written[0].casefold()[:4], written[-1].casefold()[:4]}
        same = [(i, p) for i, p in self.named(hints) if p.key.rsplit(" ", 1)[-1] == head]
        earlier = [p for i, p in same if i <= unit]
        if earlier or same:
            return earlier[-1] if earlier else same[0][1]
        last = written[-1].casefold()
        vague = head in BARE_VAGUE or last in BARE_VAGUE or last == "funds"
        return generic(kind) if vague else bare

    def _named_by_name(self, unit: int) -> Programme | None:
        words = {
            w.casefold()
            for w in _NAME_WORD.findall(self.sentence(unit))
            if w[:1].isupper() and len(w) > 2
        }
        return next((p for _, p in self.named(words) if p.distinct & words), None)


def _larger(spot: Spot, peers: Sequence[Spot]) -> tuple[bool, bool]:
    size = spot.figure.usd or spot.figure.value
    bigger = [p for p in peers if (p.figure.usd or p.figure.value) > size * 1.01]
    return any(p.at < spot.at for p in bigger), any(p.at > spot.at for p in bigger)


def _read(article: _Article, spots: Sequence[Spot]) -> list[tuple[Spot, Role]]:
    """Each figure with what it is, read in its sentence among the others of its kind."""
    out = []
    for spot in spots:
        sentence = article.sentence(spot.unit)
        peers = [
            p for p in spots if p.unit == spot.unit and p is not spot and p.kind[0] == spot.kind[0]
        ]
        role = role_of(
            sentence,
            spot.at,
            spot.end,
            article.lang,
            others=len(peers),
            larger=_larger(spot, peers),
        )
        out.append((spot, role))
    return out


def _stretch(
    sentence: str, spot: Spot, read: Sequence[tuple[Spot, Role]]
) -> tuple[int, int | None]:
    """Where the figure's own part of its sentence lies: between the figures next to it,
    at the clause break between them if any ("₩800 billion will go to a centre, while
    ₩200 billion…"); an old amount is no border ("from ¥1 trillion to ¥2 trillion")."""
    lo, hi = 0, None
    for other, role in read:
        if other is spot or other.unit != spot.unit or role is Role.OLD or not other.figure.key:
            continue
        if other.end <= spot.at:
            lo = max(lo, other.end)
        elif other.at >= spot.end and (hi is None or other.at < hi):
            hi = other.at
    if lo:
        breaks = list(_BREAK.finditer(sentence, lo, spot.at))
        lo = breaks[-1].end() if breaks else lo
    if hi is not None:
        first = _BREAK.search(sentence, spot.end, hi)
        hi = first.start() if first else hi
    return lo, hi


def _claim(
    article: _Article, spot: Spot, role: Role, read: Sequence[tuple[Spot, Role]], ref: ArticleRef
) -> Claim | None:
    sentence = article.sentence(spot.unit)
    analysis = article.analysis
    country = country_of(sentence, spot.at, spot.figure.unit, analysis.countries, article.lang)
    if country is None:
        return None
    name, value, unit = spot.kind
    lo, hi = _stretch(sentence, spot, read)
    programme = programme_near(
        sentence, spot.at, name, end=spot.end, lo=lo, hi=hi, lang=article.lang
    )
    programme = article.resolved(programme, spot.unit, name)
    if role is Role.TRANCHE:
        programme = Programme(f"{programme.label} (further tranche)", "", frozenset())
    quote = _carrier(sentence, spot, analysis.quotes)
    return Claim(
        country=country,
        kind=name,
        programme=programme.label,
        key=programme.key,
        distinct=programme.distinct,
        value=value,
        unit=unit,
        usd=spot.figure.usd if name == "money" else None,
        rate_date=spot.figure.rate_date,
        figure_text=spot.figure.text,
        actor=actor_in(sentence, article.people, article.lang),
        quote_text=quote.text if quote else None,
        quote_speaker=quote.speaker if quote else None,
        reported_at=ref.reported_at,
        story_id=ref.story_id,
        url=ref.url,
        source=ref.source,
        title=ref.title,
    )


def _size(claim: Claim) -> float:
    return claim.usd if claim.usd is not None else claim.value


def claims_in(text: str, analysis: Analysis, ref: ArticleRef) -> list[Claim]:
    """The claims of one analysed article, one per (kind, programme), in text order."""
    if not analysis.relevant or not analysis.countries:
        return []
    article = _Article(text, analysis, ref)
    read = _read(article, spots_of(analysis.figures, article.units, article.title))
    chosen: dict[tuple[str, str, str], Claim] = {}
    for spot, role in read:
        if not spot.figure.key or role in (Role.OLD, Role.PART, Role.OTHER):
            continue
        claim = _claim(article, spot, role, read, ref)
        if claim is None:
            continue
        slot = (claim.country, claim.kind, claim.key or claim.programme)
        held = chosen.get(slot)
        if held is None or _size(claim) > _size(held):
            chosen[slot] = claim
    return list(chosen.values())


def article_ref(article: Article, now: datetime) -> ArticleRef:
    """Where an article's claims come from; reported when it says it was published,
    unless that is in the future or unknown (then when it was read). Its story is set
    when the article is stored."""
    published = article.published
    when = published if published is not None and published <= now else now
    return ArticleRef(0, article.url, when, article.source, article.title)
