"""Countries come most central first, and a digest files a story under that one.

A story about two countries names the partner often (its company, its investors, its
minister) and is still about the country in its headline or its dateline: "a
Seoul-datelined Korea story appears under France" (issue 14). Which countries are kept
is unchanged; only their order is what a reader sees first: the headline (in its own
right, not a company's home), then the dateline, then the weight of all mentions.

Every text here is invented.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.analysis.countries import central_first, country_weights, detect_countries
from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.pipeline import analyze
from bot.digest.compose import DigestRequest, compose
from bot.models import Story
from bot.render.discord_embeds import render_discord
from bot.render.markdown import render_markdown
from bot.render.slack_blocks import render_slack
from bot.render.text import render_text

KOREA_FRANCE_DEAL = (
    "Korean ministry and French start-up sign sovereign AI compute deal",
    [
        "SEOUL, Oct 30 (Hanbit News) - South Korea's science ministry said on Thursday it had"
        " signed a deal with Paris-based Lumiere AI to build a national language model on"
        " public GPUs.",
        "The French company will train the sovereign AI model on 4,000 GPUs at a new"
        " government data centre outside Seoul, the ministry said.",
        "Lumiere, founded in France in 2021, has raised money from French and German"
        " investors. France's digital minister welcomed the deal.",
        "France has backed Lumiere as a national champion, and the French government holds"
        " a stake.",
        "The French firm said France would remain its home.",
    ],
)


@pytest.mark.parametrize(
    ("name", "title", "paras", "first"),
    [
        ("the headline names it", *KOREA_FRANCE_DEAL, "KR"),
        (
            "the headline names both, the dateline decides",
            "South Korea and France agree sovereign AI partnership",
            [
                "SEOUL, Oct 30 (Hanbit News) - Officials from the two governments met on"
                " Thursday to sign the accord on shared computing.",
                "France will send engineers from its national computing centre, and French"
                " universities will host Korean students.",
                "France's digital minister said France saw the accord as a model. The French"
                " side will also fund two labs.",
                "Paris has promised further money next year, French officials said.",
            ],
            "KR",
        ),
        (
            "the headline names neither, the dateline decides",
            "Ministry signs language model deal with start-up",
            [
                "SEOUL — The science ministry on Monday signed a contract with Lumiere AI to"
                " build a public language model for South Korea.",
                "Lumiere, a French firm, was founded in France in 2021. France's government"
                " holds a stake in it.",
                "French investors and the French state bank backed its last round, and"
                " France's president praised the firm.",
                "The French company said it would keep its research in France.",
            ],
            "KR",
        ),
        (
            "a company's home in the headline does not lead",
            "Korean chipmaker to supply Japan's national AI cloud",
            [
                "Hanbit Semiconductor will deliver 8,000 accelerators to Japan's public"
                " research cloud, the company said.",
                "The Korean firm beat two US rivals. Korea's trade ministry welcomed the order,"
                " and Korean banks will finance the plant.",
                "South Korea has pushed its chipmakers to win foreign orders; the Korean"
                " government offers export credits.",
                "Japan's digital agency said the cloud would open in 2027.",
            ],
            "JP",
        ),
    ],
)
def test_the_country_a_reader_sees_first_leads(
    name: str, title: str, paras: list[str], first: str
) -> None:
    found = detect_countries(title, paras)
    weights = country_weights(title, paras)
    assert found[0] == first, name
    assert len(found) == 2 and max(found, key=weights.__getitem__) != first  # weight alone differs


def test_without_headline_or_dateline_the_weight_orders() -> None:
    paras = [
        "The government of South Korea approved a plan to build a public language model.",
        "France's government approved a similar plan last year. French officials said France"
        " would share lessons, and France's minister called Korea a partner.",
        "South Korea will spend 1 trillion won on the model, the ministry said.",
    ]
    found = detect_countries(None, paras)
    weights = country_weights(None, paras)
    assert list(found) == sorted(found, key=lambda code: -weights[code])


def test_central_first_reorders_and_never_adds_or_drops() -> None:
    weight = {"FR": 9.0, "KR": 6.0, "DE": 3.0, "US": 3.0}
    codes = ("FR", "KR", "DE", "US")
    assert central_first(codes, weight) == ("FR", "KR", "DE", "US")
    assert central_first(codes, weight, {"KR"}) == ("KR", "FR", "DE", "US")
    assert central_first(codes, weight, {"DE", "KR"}, {"KR"}) == ("KR", "DE", "FR", "US")
    assert central_first(codes, weight, set(), {"US"}) == ("US", "FR", "KR", "DE")
    assert central_first(("FR", "FR"), weight) == ("FR",)
    assert central_first((), weight, {"KR"}) == ()


def test_another_language_orders_by_its_opening_too() -> None:
    title = "Corea del Sur firma con una empresa francesa un acuerdo de IA soberana"
    paras = [
        "El Gobierno de Corea del Sur firmó el jueves un acuerdo con la francesa Lumière"
        " para entrenar un modelo de lenguaje nacional.",
        "Francia apoya a la empresa. El Gobierno francés tiene una participación y Francia"
        " la considera un campeón nacional; inversores franceses financian su crecimiento.",
        "Francia quiere que la empresa mantenga su sede en Francia, dijo el ministro francés.",
    ]
    found = detect_countries_in("es", title, paras)
    assert found[:1] == ("KR",), found


def test_a_digest_files_the_story_under_its_main_country_with_both_flags() -> None:
    title, paras = KOREA_FRANCE_DEAL
    when = datetime(2026, 10, 30, 9, 0, tzinfo=UTC)
    analysis = analyze(title, "\n\n".join(paras), when)
    assert analysis.relevant and analysis.countries == ("KR", "FR")
    story = Story(1, title, "https://news.example/kr-fr", "Hanbit News", when, analysis)
    request = DigestRequest(
        channel="slack:C1", window_start=when.replace(hour=0), window_end=when.replace(hour=23)
    )
    digest = compose(request, [story])
    assert [code for code, _ in digest.groups] == ["KR"]
    assert "🇰🇷 🇫🇷" in render_text(digest)
    assert "🇰🇷 🇫🇷" in render_markdown(digest)
    slack = str(render_slack(digest))
    assert "*🇰🇷 South Korea*" in slack and "🇰🇷 🇫🇷" in slack
    (message,) = render_discord(digest)
    assert message["embeds"][0]["author"]["name"] == "🇰🇷 South Korea"
    assert message["embeds"][0]["footer"]["text"].startswith("🇰🇷 🇫🇷")
    # a channel that follows France still finds it, under France
    french = compose(DigestRequest(**{**request.__dict__, "countries": ("FR",)}), [story])
    assert [code for code, _ in french.groups] == ["FR"]
