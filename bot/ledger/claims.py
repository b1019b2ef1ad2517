"""The commitments one analysed article states: its key figures, each with what it is for.

Only a relevant story's key figures become claims (the ones the digest shows: not a
price, not a conversion in parentheses, not a passing comparison), and only the kinds a
ledger can add up: money, GPUs, power (MW) and compute (exaflops). Each figure is read in
its own sentence: the programme nearest it, the body acting, the country the sentence
names (else the currency's, else the article's first), and a quote that carries it.

One article gives one claim per programme and kind. "Raising the fund from ¥1 trillion
to ¥2 trillion" states the new amount; the old one is the ledger's to know. Of several
amounts with no programme named, the largest stands for the article (the others are
most often its parts: "$2bn, of which $500m for chips").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.analysis.country_words import Kind, scanner
from bot.analysis.sentences import paragraphs, sentences
from bot.ledger.model import Claim
from bot.ledger.programmes import actor_in, programme_near
from bot.models import Analysis, Article, Figure, Quote

__all__ = ["LEDGER_VERSION", "ArticleRef", "article_ref", "claims_in"]

# Bump when claims or matching change: stored ledgers are then rebuilt from the articles.
LEDGER_VERSION = "1"

_CURRENCY_HOME = {
    "JPY": "JP", "KRW": "KR", "CNY": "CN", "INR": "IN", "GBP": "GB", "EUR": "EU",
    "CAD": "CA", "AUD": "AU", "SGD": "SG", "BRL": "BR", "MXN": "MX", "IDR": "ID",
    "MYR": "MY", "THB": "TH", "VND": "VN", "PHP": "PH", "TWD": "TW", "HKD": "HK",
    "SAR": "SA", "AED": "AE", "QAR": "QA", "ILS": "IL", "TRY": "TR", "ZAR": "ZA",
    "NGN": "NG", "KES": "KE", "EGP": "EG", "CHF": "CH", "SEK": "SE", "NOK": "NO",
    "DKK": "DK", "PLN": "PL", "CZK": "CZ", "HUF": "HU", "NZD": "NZ", "PKR": "PK",
    "BDT": "BD", "CLP": "CL", "ARS": "AR", "COP": "CO", "PEN": "PE", "RUB": "RU",
    "UAH": "UA", "KZT": "KZ", "MAD": "MA", "RWF": "RW",
}  # fmt: skip
_NAMING = (Kind.NAME, Kind.BODY, Kind.CAPITAL)
_GPU_UNITS = frozenset({"GPU", "accelerator"})
_FROM_TO = re.compile(r"\bfrom\s+(?P<old>[^,;]{1,40}?)\s+to\s+(?P<new>[^,;]{1,40})", re.I)
_MW = {"MW": 1.0, "GW": 1000.0, "kW": 0.001}
_FLOPS = {"EFLOPS": 1.0, "PFLOPS": 1e-3, "TFLOPS": 1e-6}


@dataclass(frozen=True)
class ArticleRef:
    """Where the claims were read: the article's story, link, outlet and time."""

    story_id: int
    url: str
    reported_at: datetime
    source: str | None = None
    title: str | None = None


def _kind(figure: Figure) -> tuple[str, float, str] | None:
    """The ledger kind, value and unit of a figure, or None for a kind it does not add."""
    if figure.kind == "money":
        return "money", figure.value, figure.unit
    if figure.kind == "count" and figure.unit in _GPU_UNITS:
        return "gpus", figure.value, "GPU"
    if figure.kind == "capacity" and figure.unit in _MW:
        return "power", figure.value * _MW[figure.unit], "MW"
    if figure.kind == "capacity" and figure.unit in _FLOPS:
        return "compute", figure.value * _FLOPS[figure.unit], "EFLOPS"
    return None


def _sentence_of(figure: Figure, units: Sequence[str], title: str) -> tuple[str, int]:
    """The sentence that states the figure and where in it; the title if none does."""
    for sentence in units:
        at = sentence.find(figure.text)
        if at >= 0:
            return sentence, at
    at = title.find(figure.text)
    return title, max(at, 0)


def _country(sentence: str, figure: Figure, countries: Sequence[str]) -> str | None:
    """The article's country this figure belongs to: the one its sentence names first
    (by name, body or capital), else its currency's, else the article's main one."""
    pattern, words, _ = scanner()
    for match in pattern.finditer(sentence):
        entry = words.get(match["w"]) if match["w"] else None
        if entry and entry.kind in _NAMING and entry.code in countries:
            return entry.code
    home = _CURRENCY_HOME.get(figure.unit)
    if home in countries:
        return home
    return countries[0] if countries else None


def _carrier(sentence: str, figure: Figure, quotes: Sequence[Quote]) -> Quote | None:
    """A quote that states the figure, or one quoted in the figure's sentence."""
    for quote in quotes:
        if figure.text in quote.text and quote.speaker:
            return quote
    for quote in quotes:
        if quote.speaker and len(quote.text) > 12 and quote.text[:40] in sentence:
            return quote
    return None


def _superseded(sentence: str, figure: Figure) -> bool:
    """Whether the figure is the old amount of a "from X to Y" in its sentence."""
    change = _FROM_TO.search(sentence)
    return bool(change and figure.text in change["old"])


def _claim(
    figure: Figure, sentence: str, at: int, analysis: Analysis, ref: ArticleRef
) -> Claim | None:
    kind = _kind(figure)
    country = _country(sentence, figure, analysis.countries)
    if kind is None or country is None or figure.value <= 0:
        return None
    name, value, unit = kind
    programme = programme_near(sentence, at, name)
    quote = _carrier(sentence, figure, analysis.quotes)
    return Claim(
        country=country,
        kind=name,
        programme=programme.label,
        key=programme.key,
        distinct=programme.distinct,
        value=value,
        unit=unit,
        usd=figure.usd if name == "money" else None,
        rate_date=figure.rate_date,
        figure_text=figure.text,
        actor=actor_in(sentence),
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
    units = [s for p in paragraphs(text) for s in sentences(p)]
    chosen: dict[tuple[str, str, str], Claim] = {}
    for figure in analysis.figures:
        if not figure.key:
            continue
        sentence, at = _sentence_of(figure, units, ref.title or "")
        if _superseded(sentence, figure):
            continue
        claim = _claim(figure, sentence, at, analysis, ref)
        if claim is None:
            continue
        slot = (claim.country, claim.kind, claim.key)
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
