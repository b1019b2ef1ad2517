"""Invented analysed articles for the ledger benchmark (`bench/ledger.py`), stored as a poll
stores them.

`generate(n, seed, end)` yields `n` articles in the order a poll reads them, spread evenly
over the `DAYS` days before `end`. About 60 % are sovereign-AI news: a country drawn from a
skewed distribution (Japan about 10 %), one to three commitments (money in the country's
currency with its USD value, GPU counts, MW) each stated in a sentence naming its programme
("the national AI compute programme", "the Kaiyora supercomputer"), one to three quotes by
people from a pool of about 2,000 invented names. About 20 % of them re-report an earlier
story (the same programmes and amounts from another outlet: the same announcement); some
state a revised amount ("from X to Y"), a few disagree with an outlet of the same story.
The rest are other tech news, not relevant, some naming a country.

`fill(store, n, seed, end)` stores them through the real path: `sync_feeds`, `add_entries`
and `save_article(..., claims=claims_in(...))`, so the ledger's tables hold what a poll
would have written.
"""

from __future__ import annotations

import bisect
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.analysis.country_lookup import country_name
from bot.ledger.claims import article_ref, claims_in
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.settings import FeedConfig
from bot.store.repo import Store

__all__ = ["DAYS", "GEN_VERSION", "GenArticle", "fill", "generate", "speaker_surnames"]

GEN_VERSION = "1"  # bump when the generated data changes: cached databases are rebuilt
DAYS = 365
FEEDS = 150
SPEAKERS = 2000
ANALYZER = "bench-ledger"
CHUNK = 500  # articles whose entries are added in one go

# (code, weight, currency, USD per unit, how the currency is written)
_COUNTRIES = (
    ("JP", 10.0, "JPY", 0.0066, "¥"), ("US", 12.0, "USD", 1.0, "$"),
    ("IN", 8.0, "INR", 0.012, "INR "), ("KR", 7.0, "KRW", 0.00072, "KRW "),
    ("FR", 6.0, "EUR", 1.08, "€"), ("DE", 6.0, "EUR", 1.08, "€"),
    ("GB", 6.0, "GBP", 1.27, "£"), ("CN", 6.0, "CNY", 0.14, "CNY "),
    ("SA", 4.0, "SAR", 0.267, "SAR "), ("AE", 4.0, "AED", 0.272, "AED "),
    ("SG", 3.0, "SGD", 0.74, "SGD "), ("CA", 3.0, "CAD", 0.73, "CAD "),
    ("TW", 2.5, "TWD", 0.031, "TWD "), ("BR", 2.0, "BRL", 0.2, "BRL "),
    ("ID", 2.0, "IDR", 0.000063, "IDR "), ("IT", 2.0, "EUR", 1.08, "€"),
    ("ES", 2.0, "EUR", 1.08, "€"), ("AU", 2.0, "AUD", 0.66, "AUD "),
    ("NL", 1.5, "EUR", 1.08, "€"), ("IL", 1.0, "ILS", 0.27, "ILS "),
    ("SE", 1.0, "SEK", 0.095, "SEK "), ("CH", 1.0, "CHF", 1.13, "CHF "),
    ("PL", 1.0, "PLN", 0.25, "PLN "), ("MX", 1.0, "MXN", 0.058, "MXN "),
    ("MY", 1.0, "MYR", 0.21, "MYR "), ("TH", 1.0, "THB", 0.028, "THB "),
    ("VN", 1.0, "VND", 0.00004, "VND "), ("NG", 0.5, "NGN", 0.00065, "NGN "),
    ("KE", 0.5, "KES", 0.0077, "KES "), ("ZA", 0.5, "ZAR", 0.054, "ZAR "),
)  # fmt: skip
_SYLLABLES = (
    "ka", "ri", "to", "mi", "sa", "ne", "va", "lo", "ru", "ze", "ta", "ko", "ni", "ha", "ya",
    "mo", "se", "di", "an", "el", "or", "ba", "fu", "gi", "ju", "le", "pa", "qu", "xa", "vo",
    "wi", "su", "te", "ra", "no", "ki", "da", "me",
)  # fmt: skip
_FIRST = (
    "Aiko", "Ben", "Carla", "Dev", "Elif", "Farid", "Greta", "Hana", "Ivan", "Jun", "Kiran",
    "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomas", "Uma",
    "Viktor", "Wen", "Yara", "Zoltan", "Amara", "Bilal", "Chloe", "Dara", "Emil", "Fumiko",
    "Goran", "Hiro", "Ines", "Jonas", "Keiko", "Luca", "Mina", "Nils", "Oren", "Paulo", "Rina",
    "Sami", "Tara", "Ulla", "Vera", "Yusuf",
)  # fmt: skip
_HEADS = {  # what a named programme of each kind is
    "money": ("supercomputer", "cluster", "data centre", "fund", "language model", "AI factory"),
    "gpus": ("supercomputer", "cluster", "AI factory", "data centre"),
    "power": ("data centre", "campus", "AI factory"),
}
_GENERIC = ("the national AI compute programme", "the sovereign AI fund", "the AI mission")
_ACTORS = (
    "the Ministry of Digital Affairs", "the National Research Agency", "the Finance Ministry",
    "the Sovereign Compute Corporation", "the government",
)  # fmt: skip
_ROLES = ("minister for digital affairs", "chief executive", "head of the AI office", "analyst")
_OTHER_NEWS = (
    "Smartphone shipments fell in the quarter as buyers waited for new models.",
    "The football club signed a new striker after a long summer of talks.",
    "Streaming prices rose again, and subscribers said they would cancel.",
    "A new electric scooter rental scheme opened in the city centre.",
    "The bank reported higher profits on stronger lending.",
)


@dataclass(frozen=True)
class GenArticle:
    """One generated article: what `save_article` takes, plus the story it joins."""

    index: int
    feed: int
    article: Article
    analysis: Analysis
    fetched: datetime
    joins: int | None = None  # index of the earlier article whose story this one retells


@dataclass(frozen=True)
class _Commitment:
    country: str
    kind: str  # money, gpus, power
    programme: str  # as written: "the Kaiyora supercomputer"
    value: float
    usd: float | None


def _weights() -> tuple[list[str], list[float]]:
    return [c[0] for c in _COUNTRIES], [c[1] for c in _COUNTRIES]


_MONEY = {c[0]: (c[2], c[3], c[4]) for c in _COUNTRIES}


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _speakers(rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """About 2,000 invented people (name, role), each at home in one country."""
    codes, weights = _weights()
    people: dict[str, list[tuple[str, str]]] = {code: [] for code in codes}
    seen: set[str] = set()
    while len(seen) < SPEAKERS:
        name = f"{rng.choice(_FIRST)} {_name(rng, rng.choice((2, 3)))}"
        if name not in seen:
            seen.add(name)
            home = rng.choices(codes, weights)[0]
            people[home].append((name, rng.choice(_ROLES)))
    return people


def speaker_surnames(seed: int, count: int = 20) -> list[str]:
    """Surnames of the most often quoted generated people (for `/ai-speaker`)."""
    people = _speakers(random.Random(seed))
    return [name.split()[-1] for name, _ in people["JP"][:count]]


def _money_text(code: str, value: float) -> str:
    symbol = _MONEY[code][2]
    scale, word = (1e12, "trillion") if value >= 1e12 else (1e9, "billion")
    if value < 1e9:
        scale, word = 1e6, "million"
    return f"{symbol}{value / scale:.3g} {word}"


def _round(value: float) -> float:
    digits = len(str(int(value))) - 2
    return float(round(value, -max(digits, 0)))


def _figure(c: _Commitment) -> Figure:
    if c.kind == "money":
        unit, _, _ = _MONEY[c.country]
        text = _money_text(c.country, c.value)
        return Figure(text, "money", c.value, unit, c.usd, key=True, rate_date="2026-06-01")
    if c.kind == "gpus":
        return Figure(f"{int(c.value):,} GPUs", "count", c.value, "GPU", key=True)
    return Figure(f"{int(c.value)} MW", "capacity", c.value, "MW", key=True)


def _sentence(c: _Commitment, actor: str, first: bool) -> str:
    name = country_name(c.country)
    figure = _figure(c).text
    if c.kind == "money":
        lead = f"{name} will invest" if first else f"{actor[0].upper()}{actor[1:]} will put"
        return f"{lead} {figure} into {c.programme}, {actor} said."
    if c.kind == "gpus":
        return f"{c.programme[0].upper()}{c.programme[1:]} will hold {figure}."
    return f"{c.programme[0].upper()}{c.programme[1:]} will draw {figure} of power."


class _World:
    """What has been announced so far, per country: the pool re-reports draw from."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = _speakers(rng)
        self.recent: dict[str, deque[_Commitment]] = {}
        self.generic: dict[tuple[str, str], _Commitment] = {}
        self.stories: list[_Told] = []
        self.times: list[datetime] = []

    def commitment(self, code: str) -> _Commitment:
        """A new commitment; a country's few unnamed programmes ("the sovereign AI fund")
        are mostly restated at their amount, sometimes raised or cut."""
        rng = self.rng
        kind = rng.choices(("money", "gpus", "power"), (6, 3, 1))[0]
        if kind == "money" and rng.random() < 0.05:
            slot = (code, rng.choice(_GENERIC))
            held = self.generic.get(slot)
            if held is None or rng.random() < 0.3:
                fresh = self._amount(code, kind, slot[1])
                self.generic[slot] = held = self.revised(held) if held else fresh
            return held
        return self._amount(code, kind, f"the {_name(rng, 3)} {rng.choice(_HEADS[kind])}")

    def _amount(self, code: str, kind: str, programme: str) -> _Commitment:
        rng = self.rng
        if kind == "money":
            usd = 10 ** rng.uniform(7, 10.3)
            rate = _MONEY[code][1]
            value = _round(usd / rate)
            return _Commitment(code, kind, programme, value, value * rate)
        low, high = (500, 50_000) if kind == "gpus" else (20, 1000)
        return _Commitment(code, kind, programme, _round(rng.uniform(low, high)), None)

    def revised(self, c: _Commitment) -> _Commitment:
        factor = self.rng.choice((1.5, 2.0, 0.8, 1.25))
        value = _round(c.value * factor)
        return replace(c, value=value, usd=c.usd * value / c.value if c.usd else None)

    def quotes(self, code: str, text_of: list[str]) -> tuple[Quote, ...]:
        pool = self.people[code] or self.people["US"]
        chosen: list[Quote] = []
        for i in range(self.rng.choice((1, 1, 2, 3))):
            # a skewed pick: the first people of each country are quoted far more often
            name, role = pool[min(int(self.rng.paretovariate(1.2)) - 1, len(pool) - 1)]
            said = self.rng.choice(text_of)
            chosen.append(Quote(said, name, role, key=i == 0))
        return tuple(chosen)

    def remember(
        self, index: int, when: datetime, code: str, said: tuple[_Commitment, ...]
    ) -> None:
        """Keep the last `RETELL_DAYS` of stories (bounded), oldest first."""
        self.stories.append(_Told(index, when, code, said))
        self.times.append(when)
        if len(self.stories) > 4096 and when - self.times[0] > timedelta(days=RETELL_DAYS):
            keep = bisect.bisect_left(self.times, when - timedelta(days=RETELL_DAYS))
            del self.stories[:keep], self.times[:keep]
        self.recent.setdefault(code, deque(maxlen=50)).extend(said)

    def earlier_story(self, when: datetime) -> _Told | None:
        """A story to retell: most often of the last two days, else of the last two months."""
        if not self.stories:
            return None
        days = self.rng.uniform(0, 2) if self.rng.random() < 0.6 else self.rng.uniform(3, 60)
        at = bisect.bisect_left(self.times, when - timedelta(days=days))
        if at == 0:  # nothing that old yet: any story held
            at = self.rng.randrange(len(self.stories))
        return self.stories[min(at, len(self.stories) - 1)]


@dataclass(frozen=True)
class _Told:
    index: int  # the story's first article
    when: datetime
    country: str
    said: tuple[_Commitment, ...]


RETELL_DAYS = 60
_FILLER = (
    "Officials said the GPU cluster would serve universities, start-ups and public agencies.",
    "The plan is part of a push for sovereign AI built on domestic compute.",
    "Critics asked whether the money would reach researchers quickly enough.",
    "The first phase is due to open next year, with a second phase planned after.",
)
_SAID = (
    "Compute is sovereignty, and we will build it here",
    "We cannot rent our future from abroad",
    "Every university will have access to this cluster",
    "This is the start of a national programme, not the end of one",
    "We want models that speak our languages and follow our laws",
)


def _relevant(
    world: _World, code: str, said: tuple[_Commitment, ...], revised: _Commitment | None
) -> tuple[str, str, Analysis]:
    rng = world.rng
    actor = rng.choice(_ACTORS)
    lines = [_sentence(c, actor, i == 0) for i, c in enumerate(said)]
    figures = [_figure(c) for c in said]
    if revised is not None:  # "raised … from X to Y": the old amount is the ledger's to know
        old, new = _figure(revised), figures[0]
        lines[0] = (
            f"{country_name(code)} raised {said[0].programme} from {old.text} to {new.text}, "
            f"{actor} said."
        )
        figures.insert(0, old)
    quotes = world.quotes(code, list(_SAID))
    lines += [f"“{q.text},” said {q.speaker}, {q.role}." for q in quotes]
    lines += rng.sample(_FILLER, 2)
    figures.append(Figure("40%", "percent", 40.0, "%"))
    countries = (code,) if rng.random() < 0.75 else (code, rng.choice(_weights()[0]))
    title = f"{country_name(code)} backs {said[0].programme.removeprefix('the ')}"
    analysis = Analysis(
        relevant=True,
        relevance=round(rng.uniform(0.55, 0.98), 3),
        countries=tuple(dict.fromkeys(countries)),
        quotes=quotes,
        figures=tuple(figures),
        summary=tuple(lines[:2]),
        reasons=("bench",),
    )
    text = " ".join(lines[:2]) + "\n\n" + " ".join(lines[2:])
    return title, text, analysis


def _other(rng: random.Random) -> tuple[str, str, Analysis]:
    lines = rng.sample(_OTHER_NEWS, 3)
    codes, weights = _weights()
    countries = (rng.choices(codes, weights)[0],) if rng.random() < 0.5 else ()
    analysis = Analysis(
        relevant=False,
        relevance=round(rng.uniform(0.05, 0.45), 3),
        countries=countries,
        figures=(Figure("12%", "percent", 12.0, "%"),),
        summary=tuple(lines[:2]),
    )
    return f"Tech roundup: {lines[0][:40].rstrip()}", " ".join(lines), analysis


def _commitments(world: _World, code: str) -> tuple[tuple[_Commitment, ...], _Commitment | None]:
    """A new story's commitments; sometimes the first revises an earlier amount."""
    rng = world.rng
    said = [world.commitment(code) for _ in range(rng.choice((1, 1, 2, 3)))]
    held = world.recent.get(code)
    if held and rng.random() < 0.08:
        old = rng.choice(held)
        said[0] = world.revised(old)
        return tuple(said), old
    return tuple(said), None


def generate(n: int, seed: int, end: datetime) -> Iterator[GenArticle]:
    """`n` articles over the `DAYS` days before `end`, oldest first (module docstring)."""
    rng = random.Random(seed)
    world = _World(rng)
    codes, weights = _weights()
    step = timedelta(days=DAYS) / n
    start = end - timedelta(days=DAYS)
    for index in range(n):
        fetched = start + step * index
        feed = min(int(rng.paretovariate(0.8)) - 1, FEEDS - 1)
        joins = None
        roll = rng.random()
        earlier = world.earlier_story(fetched) if 0.4 <= roll < 0.52 else None
        if roll < 0.4:
            title, text, analysis = _other(rng)
        elif earlier is not None:  # another outlet retells an earlier story
            code, said = earlier.country, earlier.said
            if fetched - earlier.when <= timedelta(days=2):
                joins = earlier.index
                if rng.random() < 0.05:  # an outlet of the same story gives another amount
                    said = (world.revised(said[0]), *said[1:])
            feed = (feed + 1 + rng.randrange(FEEDS - 1)) % FEEDS
            title, text, analysis = _relevant(world, code, said, None)
        else:
            code = rng.choices(codes, weights)[0]
            said, old = _commitments(world, code)
            title, text, analysis = _relevant(world, code, said, old)
            world.remember(index, fetched, code, said)
        url = f"https://outlet{feed}.example/{fetched:%Y/%m/%d}/story-{index}"
        published = fetched - timedelta(minutes=rng.randrange(5, 360))
        article = Article(url, url, title, text, f"Outlet {feed}", None, published, "en")
        yield GenArticle(index, feed, article, analysis, fetched, joins)


@dataclass(frozen=True)
class Filled:
    articles: int
    seconds: float


def fill(store: Store, n: int, seed: int, end: datetime, progress: bool = True) -> Filled:
    """Store `generate(n, seed, end)` as a poll does (entries, then each article saved with
    its fingerprint and claims in one transaction)."""
    import time

    from bot.articles.similarity import fingerprint

    began = time.perf_counter()
    start = end - timedelta(days=DAYS)
    store.sync_feeds(
        [
            FeedConfig(url=f"https://outlet{i}.example/feed.xml", name=f"Outlet {i}")
            for i in range(FEEDS)
        ],
        start,
    )
    feed_ids = {int(f.url.split("outlet")[1].split(".")[0]): f.id for f in store.feeds()}
    story_of: dict[int, int] = {}  # article index → story id, for retellings within 2 days
    batch: list[GenArticle] = []
    for item in generate(n, seed, end):
        batch.append(item)
        if len(batch) == CHUNK:
            _save(store, batch, feed_ids, story_of, fingerprint)
            batch = []
            if progress and (item.index + 1) % 10_000 < CHUNK:
                rate = (item.index + 1) / (time.perf_counter() - began)
                print(f"  {item.index + 1:,} articles stored, {rate:.0f}/s", flush=True)
    if batch:
        _save(store, batch, feed_ids, story_of, fingerprint)
    return Filled(n, time.perf_counter() - began)


def _save(store, batch, feed_ids, story_of, fingerprint) -> None:  # type: ignore[no-untyped-def]
    by_feed: dict[int, list[GenArticle]] = {}
    for item in batch:
        by_feed.setdefault(item.feed, []).append(item)
    entry_of: dict[int, int] = {}
    for feed, items in by_feed.items():
        entries = [
            Entry(f"gen-{i.index}", i.article.url, i.article.title, None, i.article.published)
            for i in items
        ]
        added = store.add_entries(feed_ids[feed], entries, items[0].fetched)
        for new, item in zip(added, items, strict=True):
            entry_of[item.index] = new.id
    for item in batch:
        a = item.article
        story = story_of.get(item.joins) if item.joins is not None else None
        claims = claims_in(a.text, item.analysis, article_ref(a, item.fetched))
        fp = fingerprint(a.title, a.text)
        article_id = store.save_article(
            entry_of[item.index], a, item.analysis, ANALYZER, item.fetched,
            story_id=story, fingerprint=dict(fp.to_json()), claims=claims,
        ).id  # fmt: skip
        if item.joins is None and item.analysis.relevant:
            story_of[item.index] = story or article_id
    horizon = batch[-1].index - 3 * CHUNK * 10  # bounded: retellings join within 2 days
    for old in [k for k in story_of if k < horizon]:
        del story_of[old]
