"""A store with two years of invented Japanese news, for the retention tests.

Ages are days before `now`; with a 365-day window the articles older than a year are
pruned, except one whose story was told again inside the year (a story is kept whole).

| n | age | what                                                   | after a prune |
|---|-----|--------------------------------------------------------|---------------|
| 1 | 500 | ¥1 trillion for the sovereign AI compute fund (quote)  | pruned        |
| 2 | 490 | ABCI 4.0 with 12,000 GPUs                              | pruned        |
| 3 | 420 | the fund raised to ¥2 trillion (a revision)            | pruned        |
| 4 | 380 | the Sakura data centre, 50 MW; story told again by 5   | kept          |
| 5 | 360 | the same story from another outlet                     | kept          |
| 6 | 100 | ABCI 4.0 again, another outlet (a source for 2's)      | kept          |
| 7 |  50 | other tech news                                        | kept          |
| 8 |  20 | ¥500 billion for the Fugaku NEXT supercomputer (quote) | kept          |

and a feed entry only marked seen (no article) 480 days ago.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.ledger.claims import ArticleRef, claims_in
from bot.models import Analysis, Article, Entry, Figure, Quote
from bot.settings import FeedConfig
from bot.store.repo import Store

RATE = 1 / 150
FEED = "https://wire.example/feed.xml"
ONLY_OLD_WORD = "Kaminari"  # a word only a pruned article holds
SAID = Quote("Compute is sovereignty now", "Haruto Ishida", "digital minister", True)


def _yen(text: str, value: float) -> Figure:
    return Figure(text=text, kind="money", value=value, unit="JPY", usd=value * RATE, key=True)


def _gpus(text: str, value: float) -> Figure:
    return Figure(text=text, kind="count", value=value, unit="GPU", key=True)


def _mw(text: str, value: float) -> Figure:
    return Figure(text=text, kind="capacity", value=value, unit="MW", key=True)


@dataclass(frozen=True)
class _Told:
    n: int
    age: float
    text: str
    figures: tuple[Figure, ...]
    outlet: str
    quotes: tuple[Quote, ...] = ()
    relevant: bool = True
    story_of: int | None = None  # joins the story of that article


ARTICLES = (
    _Told(1, 500, f"Japan will put ¥1 trillion into its sovereign AI compute fund, the cabinet "
          f"said at the {ONLY_OLD_WORD} hall.", (_yen("¥1 trillion", 1e12),), "Tokyo Ledger",
          (SAID,)),
    _Told(2, 490, "The new ABCI 4.0 supercomputer will hold 12,000 GPUs when it opens in Chiba.",
          (_gpus("12,000 GPUs", 12000),), "Tokyo Ledger"),
    _Told(3, 420, "Japan will raise its sovereign AI compute fund to ¥2 trillion, the cabinet "
          "said.", (_yen("¥2 trillion", 2e12),), "Osaka Daily"),
    _Told(4, 380, "Japan's Sakura data centre for sovereign AI will draw 50 MW in Hokkaido.",
          (_mw("50 MW", 50),), "Tokyo Ledger"),
    _Told(5, 360, "The Sakura data centre in Hokkaido, built for sovereign AI, will draw 50 MW.",
          (_mw("50 MW", 50),), "Sapporo Times", story_of=4),
    _Told(6, 100, "Japan's ABCI 4.0 supercomputer will hold 12,000 GPUs, the institute said.",
          (_gpus("12,000 GPUs", 12000),), "Nikkan AI"),
    _Told(7, 50, "A phone maker showed a folding handset with a brighter supercomputer-grade "
          "chip.", (), "Gadget Wire", relevant=False),
    _Told(8, 20, "Japan will spend ¥500 billion on the Fugaku NEXT supercomputer in Kobe.",
          (_yen("¥500 billion", 5e11),), "Kobe Shimbun", (SAID,)),
)  # fmt: skip


def url_of(n: int) -> str:
    return f"https://news{n}.example/story-{n}"


def entries_of(now: datetime) -> list[Entry]:
    """The feed's items as the feed still lists them (old ones too)."""
    return [Entry(key=f"e{t.n}", url=url_of(t.n), title=f"Story {t.n}") for t in ARTICLES]


def fill(store: Store, now: datetime) -> dict[int, int]:
    """Store the articles (and the seen-only entry) as a poll would; {n: article id}."""
    store.sync_feeds([FeedConfig(url=FEED, name="Wire")], now - timedelta(days=600))
    feed = store.feeds()[0].id
    seen_only = Entry("e0", "https://news0.example/old", "Seen only")
    store.add_entries(feed, [seen_only], now - timedelta(days=480), read=True)
    ids: dict[int, int] = {}
    for told in ARTICLES:
        when = now - timedelta(days=told.age)
        url = url_of(told.n)
        (entry,) = store.add_entries(feed, [Entry(f"e{told.n}", url, f"Story {told.n}")], when)
        analysis = Analysis(
            relevant=told.relevant, relevance=0.9 if told.relevant else 0.1, countries=("JP",),
            quotes=told.quotes, figures=told.figures, summary=(f"Summary {told.n}.",),
        )  # fmt: skip
        article = Article(url, url, f"Story {told.n}", told.text, source=told.outlet)
        ref = ArticleRef(0, url, when, told.outlet, article.title)
        claims = claims_in(told.text, analysis, ref)
        story = ids[told.story_of] if told.story_of else None
        ids[told.n] = store.save_article(
            entry.id, article, analysis, "t", when, story_id=story, claims=claims
        ).id
    return ids
