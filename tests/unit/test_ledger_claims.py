"""Claims read from invented news items through the real analyser, in many outlets' words.

Each item is a short wire-style story of our own (invented people, bodies and numbers),
analysed as the bot analyses a stored article; the claims are then what the ledger
would record. The classes: one commitment worded differently must give one programme
(the matcher joins them), different programmes must stay apart, old amounts, parts and
valuations must not be claimed, and the country, the acting body and the carrying quote
must be the ones the sentence gives.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from bot.analysis.pipeline import analyze
from bot.ledger.claim_country import country_of
from bot.ledger.claims import ArticleRef, claims_in
from bot.ledger.match import NAME_MATCH, decide, name_score
from bot.ledger.model import Claim, Outcome
from bot.ledger.programmes import normalise
from tests.unit.ledger_helpers import known

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_STORY = count(1)


def claims(title: str, text: str, days: float = 0) -> list[Claim]:
    """The claims of one invented article, analysed for real; each is its own story."""
    n = next(_STORY)
    analysis = analyze(title, text)
    ref = ArticleRef(n, f"https://outlet{n}.example/story", T0 + timedelta(days=days), None, title)
    return claims_in(text, analysis, ref)


def one(title: str, text: str, days: float = 0) -> Claim:
    found = claims(title, text, days)
    assert len(found) == 1, [(c.figure_text, c.programme) for c in found]
    return found[0]


def money(found: list[Claim]) -> dict[str, Claim]:
    return {c.figure_text: c for c in found if c.kind == "money"}


def outcome(new: Claim, held: Claim) -> Outcome:
    return decide(new, [known(held)]).outcome


# --- one commitment, many outlets' words: one programme -------------------------------

COMPUTE_PROGRAMME = [
    (
        "Japan commits ¥1 trillion to national AI compute",
        "Japan's Ministry of Economy, Trade and Industry said on Tuesday it would spend "
        "¥1 trillion on the national AI compute programme over five years. The money will "
        "buy GPUs for domestic start-ups and universities training large language models.",
    ),
    (
        "Tokyo backs sovereign AI compute",
        "The Japanese government will put ¥1 trillion into its national programme for AI "
        "compute, officials said on Tuesday. Sovereign AI has become a priority for Tokyo as "
        "it seeks to cut its reliance on foreign cloud providers.",
    ),
    (
        "Japan sets aside ¥1tn for AI computing",
        "Tokyo will channel ¥1 trillion into the AI compute programme, Economy Minister "
        "Haruto Ishida told reporters, as Japan races to build sovereign AI capacity for "
        "its companies and universities.",
    ),
    (
        "Le Japon mise sur le calcul pour l'IA",
        "Le Japon consacrera 1 000 milliards de yens à son programme national de calcul "
        "pour l'IA, a annoncé mardi le ministère de l'Économie. Le gouvernement veut doter "
        "les universités et les start-up japonaises d'une IA souveraine.",
    ),
]

SOVEREIGN_FUND = [
    (
        "Japan launches sovereign AI fund",
        "Japan launched a sovereign AI fund worth ¥500 billion on Monday, the Cabinet Office "
        "said, to back domestic developers of large language models and AI chips.",
    ),
    (
        "Japan's AI fund opens with ¥500bn",
        "Japan's sovereign-AI fund will start with ¥500 billion, according to a Cabinet "
        "Office statement, as the government seeks homegrown alternatives to US AI models.",
    ),
    (
        "Japan legt KI-Fonds auf",
        "Japan legt einen souveränen KI-Fonds mit 500 Milliarden Yen auf, teilte das "
        "Kabinettsbüro in Tokio mit. Die Regierung will damit heimische Sprachmodelle und "
        "KI-Chips fördern.",
    ),
]

INDIA_MISSION = [
    (
        "Cabinet clears IndiaAI Mission funding",
        "India's cabinet approved ₹10,372 crore for the IndiaAI Mission on Thursday, the "
        "government said, to buy GPUs for startups and build sovereign AI models.",
    ),
    (
        "India funds its AI Mission",
        "The government has set aside ₹10,372 crore for India's AI Mission, Electronics "
        "Minister Ashok Menon said, promising sovereign AI compute for Indian startups.",
    ),
    (
        "India's AI push gets its budget",
        "India unveiled its AI Mission last year to build sovereign AI compute. The mission "
        "will get ₹10,372 crore, the Ministry of Electronics and Information Technology said "
        "on Friday.",
    ),
]


@pytest.mark.parametrize(
    "items", [COMPUTE_PROGRAMME, SOVEREIGN_FUND, INDIA_MISSION], ids=["compute", "fund", "mission"]
)
def test_one_commitment_in_other_words_is_one_programme(items: list[tuple[str, str]]) -> None:
    found = [one(title, text, days=i) for i, (title, text) in enumerate(items)]
    first = found[0]
    assert first.key, first.programme
    for other in found[1:]:
        assert other.country == first.country
        assert name_score(other, known(first), loose=True) >= NAME_MATCH, (
            other.programme,
            first.programme,
        )
        assert outcome(other, first) is Outcome.SAME


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("national AI compute programme", "ai compute program"),
        ("national programme for AI compute", "ai compute program"),
        ("AI-compute program", "ai compute program"),
        ("programme for AI computing", "ai compute program"),
        ("sovereign AI fund", "ai fund"),
        ("Japan's sovereign-AI fund", "ai fund"),
        ("Sovereign Artificial Intelligence Fund", "ai fund"),
        ("IndiaAI Mission", "ai mission"),
        ("India's AI Mission", "ai mission"),
        ("national AI computing centre", "ai compute center"),
        ("large language model", "language model"),
        ("LLM", "language model"),
        ("souveränen KI-Fonds", "ai fund"),
        ("nationales KI-Rechenzentrum", "ai data center"),
        ("fonds souverain pour l'IA", "ai fund"),
        ("data centre campus", "data center campus"),
    ],
)
def test_labels_normalise_to_one_key_whatever_the_wording(label: str, key: str) -> None:
    assert sorted(normalise(label)[0].split()) == sorted(key.split())
    assert normalise(label)[0].endswith(key.split()[-1])  # the head noun ends the key


# --- named machines keep their own name, and nothing else ------------------------------

MACHINES = [
    (
        "ABCI 3.0 to open next spring",
        "The ¥32 billion ABCI 3.0 supercomputer will open in Kashiwa in March 2026, the "
        "National Institute of Advanced Industrial Science and Technology said, giving "
        "Japanese AI start-ups sovereign compute.",
        {"abci", "3.0"},
    ),
    (
        "Japan approves Fugaku Next",
        "Japan will spend ¥110 billion to build Fugaku Next, a zettascale-class "
        "supercomputer, the science ministry said on Wednesday, as Tokyo doubles down on "
        "sovereign AI and research computing.",
        {"fugaku", "next"},
    ),
    (
        "Swiss centre expands Alps",
        "Switzerland's national supercomputing centre will spend CHF 100 million to expand "
        "Alps, its flagship machine in Lugano, the Swiss government said, to train sovereign "
        "AI models for Swiss research.",
        {"alps"},
    ),
    (
        "UK funds Isambard-AI",
        "The UK will spend £225m on Isambard-AI, the Bristol supercomputer, the Department "
        "for Science, Innovation and Technology said, calling it the backbone of British "
        "sovereign AI.",
        {"isambard"},
    ),
    (
        "Jupiter gets more GPUs",
        "Germany will add 24,000 GPUs to Jupiter, Europe's first exascale supercomputer, in "
        "Jülich, the Federal Ministry of Research said, to give German AI labs sovereign "
        "compute.",
        {"jupiter"},
    ),
]


@pytest.mark.parametrize(("title", "text", "name"), MACHINES, ids=lambda v: str(v)[:12])
def test_a_named_machine_keeps_its_name_and_picks_up_no_figure_date_city_or_verb(
    title: str, text: str, name: set[str]
) -> None:
    claim = one(title, text)
    assert claim.distinct == name, claim.programme
    label = claim.programme.lower()
    for stray in (
        "32",
        "billion",
        "kashiwa",
        "march",
        "2026",
        "lugano",
        "bristol",
        "jülich",
        "build",
        "expand",
        "spend",
        "110",
        "225",
    ):
        assert stray not in label.split(), claim.programme


def test_one_machine_in_three_languages_is_one_record() -> None:
    english = one(*MACHINES[4][:2])
    german = one(
        "Jupiter erhält 24.000 GPUs",
        "Der Supercomputer Jupiter in Jülich soll 24.000 GPUs erhalten, teilte das "
        "Bundesministerium für Bildung und Forschung mit. Deutschland will damit eine "
        "souveräne KI-Infrastruktur aufbauen.",
        days=1,
    )
    assert german.distinct == {"jupiter"}, german.programme
    assert outcome(german, english) is Outcome.SAME
    abci = one(*MACHINES[0][:2])
    japanese = one(
        "ABCI 3.0に320億円",
        "産業技術総合研究所は4日、スーパーコンピューター「ABCI 3.0」に320億円を投じると発表した。"
        "国産の生成AIの開発を支える計算基盤となる。",
        days=2,
    )
    assert {"abci", "3.0"} <= japanese.distinct, japanese.programme
    assert outcome(japanese, abci) is Outcome.SAME


def test_a_french_report_of_a_named_machine_keeps_the_name() -> None:
    claim = one(
        "Jules Verne reçoit 500 millions d'euros",
        "Le supercalculateur Jules Verne, installé près de Paris, recevra 500 millions "
        "d'euros, a annoncé le ministère de la Recherche. La France veut une IA souveraine.",
    )
    assert claim.country == "FR"
    assert {"jules", "verne"} <= claim.distinct
    assert "paris" not in claim.programme.lower()


# --- different programmes stay apart ---------------------------------------------------


def test_two_amounts_for_two_programmes_in_one_sentence_are_two_claims() -> None:
    found = money(
        claims(
            "UK splits AI money",
            "Britain will spend $1bn for a supercomputer and $300m for a language model, the "
            "Department for Science, Innovation and Technology said on Monday, in a push for "
            "sovereign AI.",
        )
    )
    assert found["$1bn"].key == "supercomputer"
    assert found["$300m"].key == "language model"


def test_a_round_of_programmes_each_gets_its_own_amount() -> None:
    found = money(
        claims(
            "Saudi Arabia bets on Arabic AI",
            "The Saudi Data and AI Authority will invest SAR 15 billion in a sovereign AI "
            "compute hub and SAR 4 billion in an Arabic large language model, the authority "
            "said in Riyadh.",
        )
    )
    assert found["SAR 15 billion"].key == "ai compute hub"
    assert found["SAR 4 billion"].key.endswith("language model")
    assert "arabic" in found["SAR 4 billion"].distinct
    assert {c.country for c in found.values()} == {"SA"}


def test_two_programmes_in_two_clauses_keep_their_amounts() -> None:
    found = money(
        claims(
            "Korea splits AI budget",
            "Korea's science ministry said ₩800 billion will go to a national AI computing "
            "centre, while ₩200 billion will fund a Korean-language foundation model for "
            "sovereign AI.",
        )
    )
    assert found["₩800 billion"].key == "ai compute center"
    model = found["₩200 billion"]
    assert "foundation" in model.key.split() and model.key.endswith("model"), model.programme


# --- a changed amount: only the new one is claimed -------------------------------------

FUND_FIRST = (
    "Japan creates sovereign AI fund",
    "Japan will create a sovereign AI fund of ¥1 trillion, the Cabinet Office said, to "
    "finance domestic AI models and data centres.",
)


@pytest.mark.parametrize(
    ("title", "text", "new"),
    [
        (
            "Japan doubles AI fund",
            "Japan will raise its sovereign AI fund from ¥1 trillion to ¥2 trillion, the "
            "Cabinet Office said on Friday, citing demand from domestic AI developers.",
            "¥2 trillion",
        ),
        (
            "Japan lifts AI fund",
            "Japan lifted its sovereign AI fund to ¥2 trillion from ¥1 trillion, the Cabinet "
            "Office said, as demand for sovereign AI compute soared.",
            "¥2 trillion",
        ),
        (
            "Japan's AI fund grows",
            "The Japanese government said its sovereign AI fund would grow to ¥2 trillion, up "
            "from ¥1 trillion at its launch, to meet demand for domestic AI models.",
            "¥2 trillion",
        ),
        (
            "Japan doubles down on sovereign AI",
            "Japan is doubling its sovereign AI fund to ¥2 trillion, the Cabinet Office said, "
            "after an initial ¥1 trillion was fully committed to domestic AI developers.",
            "¥2 trillion",
        ),
    ],
    ids=["from-to", "to-from", "up-from", "doubling"],
)
def test_a_raised_amount_claims_only_the_new_one_and_revises_the_old(
    title: str, text: str, new: str
) -> None:
    first = one(*FUND_FIRST)
    later = one(title, text, days=60)
    assert later.figure_text == new
    assert later.key == first.key == "ai fund"
    assert outcome(later, first) is Outcome.REVISION


def test_a_lifted_budget_in_won_claims_the_new_amount() -> None:
    claim = one(
        "Korea lifts AI compute budget",
        "South Korea lifted its AI compute budget to ₩3 trillion, up from ₩2.1 trillion "
        "last year, the Ministry of Science and ICT said, to expand sovereign AI capacity.",
    )
    assert (claim.figure_text, claim.country, claim.key) == (
        "₩3 trillion",
        "KR",
        "ai compute budget",
    )


# --- parts, tranches ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "whole"),
    [
        (
            "India details AI Mission",
            "India approved ₹10,372 crore for the IndiaAI Mission, of which ₹4,564 crore will "
            "go to compute capacity, the government said, to build sovereign AI.",
            "₹10,372 crore",
        ),
        (
            "Brazil unveils AI plan",
            "Brazil's government unveiled a R$23 billion national AI plan on Tuesday, "
            "including R$5 billion for a new supercomputer, to build sovereign AI in "
            "Portuguese.",
            "R$23 billion",
        ),
        (
            "Japan splits AI fund",
            "¥200 billion of the ¥1 trillion sovereign AI fund will go to domestic chip "
            "design, the Japanese government said, with the rest for AI compute.",
            "¥1 trillion",
        ),
    ],
    ids=["of-which", "including", "of-the"],
)
def test_a_part_of_a_larger_amount_is_not_claimed_again(title: str, text: str, whole: str) -> None:
    found = money(claims(title, text))
    assert list(found) == [whole]


def test_a_further_tranche_is_its_own_commitment_not_a_revision() -> None:
    first = one(
        "Germany backs AI gigafactory",
        "Germany committed €1.2 billion to its AI gigafactory programme, the Federal Ministry "
        "for Digital Affairs said, to give German firms sovereign AI compute.",
    )
    found = money(
        claims(
            "Germany adds to AI gigafactory",
            "Germany pledged a further €500 million for its AI gigafactory programme on "
            "Wednesday, on top of the €1.2 billion committed in 2025, the Federal Ministry "
            "for Digital Affairs said.",
            days=90,
        )
    )
    assert list(found) == ["€500 million"]  # the earlier amount is the ledger's already
    tranche = found["€500 million"]
    assert "gigafactory" in tranche.programme and "tranche" in tranche.programme
    assert tranche.generic  # named, yet no programme to revise: it adds, not replaces
    assert outcome(tranche, first) is Outcome.NEW


def test_an_additional_amount_for_a_machine_is_a_tranche() -> None:
    claim = one(
        "France tops up Jules Verne",
        "France will put an additional €400 million into the Jules Verne supercomputer, the "
        "research ministry said, to keep its sovereign AI ambitions on track.",
    )
    assert claim.generic and "Jules Verne" in claim.programme


# --- amounts that are no country's commitment ------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        (
            "Sakana Labs to build Japanese model",
            "Tokyo-based Sakana Labs, now valued at $2.6 billion, said it would build a "
            "Japanese language model for the government, which will pay ¥30 billion for "
            "sovereign AI compute.",
            {"¥30 billion"},
        ),
        (
            "Japan's AI market booms",
            "Japan's AI market is expected to reach ¥1.8 trillion by 2027, according to "
            "research firm Ikeda Analytics, as the government spends ¥200 billion on "
            "sovereign AI compute.",
            {"¥200 billion"},
        ),
        (
            "NTT Data invests in sovereign cloud",
            "NTT Data, whose revenue reached ¥4.4 trillion last year, will invest ¥100 "
            "billion in a sovereign AI cloud for Japanese ministries, the company said.",
            {"¥100 billion"},
        ),
        (
            "Japan's AI bet is modest",
            "Japan will spend ¥1 trillion on AI compute by 2030, a fraction of the $500 "
            "billion the US spent last year, officials in Tokyo said, defending its sovereign "
            "AI strategy.",
            {"¥1 trillion"},
        ),
        (
            "India's AI Mission hires",
            "The IndiaAI Mission will spend ₹2,000 crore on sovereign AI compute, the "
            "ministry said, and offer researchers salaries of up to ₹90 lakh to return home.",
            {"₹2,000 crore"},
        ),
        (
            "Korean start-up raises money",
            "Seoul-based start-up Hanul AI raised ₩100 billion in a Series C funding round, "
            "days after the Ministry of Science and ICT pledged ₩500 billion for sovereign "
            "AI models.",
            {"₩500 billion"},
        ),
        (
            "UK picks new sovereign AI cluster",
            "Britain will spend £300m on a national AI compute cluster for sovereign AI, the "
            "Department for Science, Innovation and Technology said, after its former "
            "supplier was fined £20m by the regulator. The cluster will serve British "
            "start-ups building large language models.",
            {"£300m"},
        ),
    ],
    ids=["valuation", "market", "revenue", "comparison", "salary", "funding-round", "fine"],
)
def test_valuations_markets_revenue_salaries_and_comparisons_are_not_commitments(
    title: str, text: str, kept: set[str]
) -> None:
    assert set(money(claims(title, text))) == kept


def test_another_countrys_figure_is_never_the_articles_country() -> None:
    found = claims(
        "Japan readies its answer to Stargate",
        "Japan will spend ¥2 trillion on sovereign AI compute, the Cabinet Office said on "
        "Monday. The US has pledged $500 billion for the Stargate project, and Japanese "
        "officials fear falling behind.",
    )
    assert ("¥2 trillion", "JP") in [(c.figure_text, c.country) for c in found]
    assert all(c.country == "US" for c in found if c.figure_text == "$500 billion")


@pytest.mark.parametrize(
    ("sentence", "figure", "countries", "country"),
    [
        ("The US has pledged $500 billion for Stargate.", "$500", ("JP",), None),
        ("Japan pledged ¥1 trillion and South Korea ₩2 trillion.", "₩2", ("JP", "KR"), "KR"),
        ("Japan pledged ¥1 trillion and South Korea ₩2 trillion.", "¥1", ("JP", "KR"), "JP"),
        ("Japan pledged $1bn, and Korea $2bn.", "$2bn", ("JP", "KR"), "KR"),
        ("SoftBank will invest ¥150 billion in India's AI Mission.", "¥150", ("IN",), "IN"),
        ("The fund will get ₩900 billion next year.", "₩900", ("JP", "KR"), "KR"),
        ("The fund will get ₩900 billion next year.", "₩900", ("JP",), "JP"),
        ("The American chipmaker Nvidia will supply 10,000 GPUs.", "10,000", ("JP",), "JP"),
        ("The campus will cost $2bn, Riyadh said.", "$2bn", ("AE", "SA"), "SA"),
    ],
)
def test_the_country_is_the_one_the_sentence_gives_the_amount(
    sentence: str, figure: str, countries: tuple[str, ...], country: str | None
) -> None:
    unit = {"¥": "JPY", "₩": "KRW", "$": "USD"}.get(figure[0], "GPU")
    assert country_of(sentence, sentence.index(figure), unit, countries) == country


# --- the country, the actor, the quote -------------------------------------------------


def test_a_round_up_gives_each_currency_to_the_country_beside_it() -> None:
    found = money(
        claims(
            "Japan and Korea race to build sovereign AI compute",
            "Japan and South Korea are racing to build sovereign AI compute for their "
            "companies, officials in Tokyo and Seoul said this week.\n\n"
            "Japan committed ¥1 trillion to its national AI compute programme, and South "
            "Korea pledged ₩2 trillion to a national AI computing centre, the two "
            "governments said.",
        )
    )
    assert found["¥1 trillion"].country == "JP"
    assert found["₩2 trillion"].country == "KR"
    assert found["₩2 trillion"].key == "ai compute center"


def test_an_amount_in_a_foreign_currency_goes_to_the_country_it_is_spent_in() -> None:
    claim = one(
        "SoftBank backs India's AI Mission",
        "SoftBank will invest ¥150 billion in India's AI Mission, the Ministry of "
        "Electronics and Information Technology said in New Delhi, to build sovereign AI "
        "compute for Indian startups.",
    )
    assert claim.country == "IN"
    assert claim.key == "ai mission"


def test_a_dollar_amount_goes_to_the_articles_country_and_shares_the_next_figures_object() -> None:
    found = claims(
        "Saudi Arabia plans sovereign AI campus",
        "Saudi Arabia's Public Investment Fund will spend $5 billion on a 500MW sovereign AI "
        "data centre campus near Riyadh, the fund said, to host Arabic language models.",
    )
    assert {(c.kind, c.country, c.key) for c in found} == {
        ("money", "SA", "ai data center campus"),
        ("power", "SA", "ai data center campus"),
    }
    assert {c.actor for c in found} == {"Public Investment Fund"}


@pytest.mark.parametrize(
    ("title", "text", "actor"),
    [
        (
            "SoftBank to build sovereign AI cluster",
            "SoftBank said it would invest ¥150 billion to build a sovereign AI cluster in "
            "Japan with 10,000 Nvidia GPUs, giving Japanese firms domestic AI compute.",
            "SoftBank",
        ),
        (
            "Reliance plans AI data centre",
            "Reliance Industries will build a 1GW AI data centre in Jamnagar, the company "
            "said, to host sovereign AI models for India.",
            "Reliance Industries",
        ),
        (
            "Digital Agency buys AI cloud",
            "Haruto Ishida, Japan's digital minister, said the Digital Agency would spend "
            "¥50 billion on a government AI cloud for sovereign AI services.",
            "Digital Agency",
        ),
        (
            "Japan's cloud plan",
            "Ishida said he would ask the Finance Ministry for ¥50 billion for a sovereign "
            "AI cloud, as Japan builds domestic AI capacity.",
            "Finance Ministry",
        ),
        (
            "G42 to expand UAE AI campus",
            "G42 plans to spend $1bn on a 200MW AI campus in Abu Dhabi, the company said, "
            "to give the UAE sovereign AI compute.",
            "G42",
        ),
    ],
    ids=["said-it-would", "will-build", "person-then-body", "person-said-he", "acronym"],
)
def test_the_actor_is_a_body_or_company_never_a_person(title: str, text: str, actor: str) -> None:
    found = claims(title, text)
    assert found and {c.actor for c in found} == {actor}


def test_a_quote_stating_the_figure_carries_the_claim() -> None:
    claim = one(
        "Japan's minister on AI compute",
        "“We will invest ¥1 trillion in national AI compute so that Japan owns its AI,” "
        "said Haruto Ishida, the economy minister, at a briefing in Tokyo.",
    )
    assert claim.quote_speaker == "Haruto Ishida"
    assert claim.quote_text and "¥1 trillion" in claim.quote_text


def test_a_quote_beside_the_figure_that_does_not_state_it_carries_nothing() -> None:
    claim = one(
        "Japan bets on AI compute",
        "Japan will spend ¥1 trillion on its national AI compute programme, the economy "
        "ministry said. “This is the biggest bet on sovereign AI we have made,” said "
        "Haruto Ishida, the economy minister.",
    )
    assert claim.quote_text is None and claim.quote_speaker is None


def test_a_figure_inside_a_long_quote_is_carried_by_that_quote() -> None:
    claim = one(
        "Korea's minister on AI",
        "“Korea cannot rent its intelligence from abroad. That is why we will put ₩2 "
        "trillion into a national AI computing centre,” said Park Ji-hoon, the science "
        "minister, in Seoul on Monday.",
    )
    assert claim.quote_speaker == "Park Ji-hoon"


def test_a_french_quote_carries_the_figure_it_states() -> None:
    claim = one(
        "La France investit dans Jules Verne",
        "« Nous investirons 500 millions d'euros dans le supercalculateur Jules Verne pour "
        "une IA souveraine », a déclaré la ministre de la Recherche, Claire Dubois.",
    )
    assert claim.country == "FR"
    assert claim.quote_speaker and "Dubois" in claim.quote_speaker
    assert {"jules", "verne"} <= claim.distinct


# --- headlines, and the key the store reads back ---------------------------------------


def test_the_programme_named_in_a_title_case_headline_is_the_one_the_text_means() -> None:
    claim = one(
        "Japan Unveils Trillion-Yen AI Compute Programme",
        "Japan's government said on Tuesday the programme would get ¥1 trillion over five "
        "years, to give domestic start-ups and universities sovereign AI compute.",
    )
    assert claim.key == "ai compute program", claim.programme
    assert not claim.distinct


ALL_ITEMS = [
    *COMPUTE_PROGRAMME,
    *SOVEREIGN_FUND,
    *INDIA_MISSION,
    *[(t, x) for t, x, _ in MACHINES],
    FUND_FIRST,
]


@pytest.mark.parametrize(("title", "text"), ALL_ITEMS, ids=lambda v: str(v)[:16])
def test_the_store_reads_back_the_same_name_words_from_the_label(title: str, text: str) -> None:
    """The store keeps the label and key, and reads the name words from the label again."""
    for claim in claims(title, text):
        if claim.key:
            assert normalise(claim.programme) == (claim.key, claim.distinct)


# --- more outlets, more currencies and languages ---------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Indonesia plans sovereign AI data centre",
            "Indonesia will allocate Rp 15 trillion to build a national AI data centre in "
            "Batam, Communications Minister Dewi Pranata said on Thursday, as Jakarta pushes "
            "for sovereign AI.",
            ("ID", "ai data center", set()),
        ),
        (
            "Malaysia earmarks RM2bn for AI cloud",
            "KUALA LUMPUR, March 3 — Malaysia has earmarked RM2 billion for a sovereign AI "
            "cloud, the Ministry of Digital said in a statement on Monday.",
            ("MY", "ai cloud", set()),
        ),
        (
            "Canada's compute strategy",
            "Canada's C$2-billion sovereign AI compute strategy will fund new data centres and "
            "a public supercomputing facility, the federal innovation department said.",
            ("CA", "ai compute strategy", set()),
        ),
        (
            "Japan's fund, converted",
            "Japan will set up a ¥1 trillion ($6.7 billion) sovereign AI fund next year, the "
            "Cabinet Office said, to back homegrown language models.",
            ("JP", "ai fund", set()),
        ),
        (
            "Japan's fund, or about",
            "Japan will spend ¥1 trillion, or about $6.7 billion, on a sovereign AI fund, the "
            "Cabinet Office said, to back homegrown language models.",
            ("JP", "ai fund", set()),
        ),
        (
            "Stargate UAE takes shape",
            "Stargate UAE, a 1GW AI cluster in Abu Dhabi, will be built by G42 with OpenAI, "
            "the companies said, to give the UAE sovereign AI compute.",
            ("AE", "stargate ai cluster", {"stargate"}),
        ),
        (
            "EU mobilises for AI gigafactories",
            "The European Commission will mobilise €20 billion for AI gigafactories across "
            "the EU, Commission President Ana Lindqvist said, to build sovereign AI in Europe.",
            ("EU", "ai factory", set()),
        ),
        (
            "España apuesta por un superordenador",
            "España destinará 1.000 millones de euros a un superordenador para inteligencia "
            "artificial soberana, anunció el Ministerio de Transformación Digital.",
            ("ES", "ai supercomputer", set()),
        ),
        (
            "Italia, un fondo per l'IA",
            "L'Italia investirà 1 miliardo di euro in un fondo per l'intelligenza artificiale "
            "sovrana, ha annunciato il governo a Roma.",
            ("IT", "ai fund", set()),
        ),
        (
            "Brasil lança plano de IA",
            "O governo brasileiro vai investir R$ 23 bilhões no Plano Brasileiro de "
            "Inteligência Artificial até 2028, anunciou o Ministério da Ciência, Tecnologia "
            "e Inovação.",
            ("BR", "ai plan", set()),
        ),
    ],
    ids=lambda v: str(v)[:14],
)
def test_wire_variants_give_the_country_programme_and_name(
    title: str, text: str, expected: tuple[str, str, set[str]]
) -> None:
    country, key, name = expected
    claim = next(c for c in claims(title, text) if c.kind in ("money", "power"))
    assert (claim.country, claim.key, set(claim.distinct)) == (country, key, name), claim.programme


def test_a_phrase_inside_a_quote_the_figure_is_not_in_is_not_what_it_pays_for() -> None:
    claim = one(
        "Japan's prime minister on sovereign AI",
        '"Japan must own its AI infrastructure," Prime Minister Kenji Sato said, announcing '
        "¥2 trillion for sovereign AI compute over five years.",
    )
    assert claim.generic and claim.figure_text == "¥2 trillion"


def test_the_passive_agent_acts() -> None:
    claim = one(
        "Stargate UAE takes shape",
        "Stargate UAE, a 1GW AI cluster in Abu Dhabi, will be built by G42 with OpenAI, the "
        "companies said, to give the UAE sovereign AI compute.",
    )
    assert claim.actor == "G42"


def test_an_actor_in_the_articles_language() -> None:
    found = {
        c.actor
        for title, text in [
            SOVEREIGN_FUND[2],
            COMPUTE_PROGRAMME[3],
            (
                "日本、AI計算基盤に1兆円",
                "経済産業省は3日、国産AIの計算基盤整備に1兆円を投じると発表した。",
            ),
        ]
        for c in claims(title, text)
    }
    assert found == {"Kabinettsbüro", "Ministère de l'Économie", "経済産業省"}


@pytest.mark.parametrize(
    ("title", "text", "key"),
    [
        (
            "Japan plans AI compute spending",
            "Japan plans to spend ¥1 trillion on its national AI compute programme, the "
            "economy ministry said, to give domestic firms sovereign AI.",
            "ai compute program",
        ),
        (
            "India's mission to fund GPUs",
            "The IndiaAI Mission will fund 10,000 GPUs for startups building sovereign AI "
            "models, the Ministry of Electronics and Information Technology said.",
            "ai mission",
        ),
        (
            "Korea's ministry funds AI centre",
            "Korea's science ministry funds the national AI computing centre with ₩800 "
            "billion this year, it said, as Seoul builds sovereign AI.",
            "ai compute center",
        ),
    ],
    ids=["plans-to", "will-fund", "funds-the"],
)
def test_a_head_noun_used_as_a_verb_names_nothing(title: str, text: str, key: str) -> None:
    assert one(title, text).key == key


def test_two_programmes_with_the_same_amount_from_two_outlets_stay_apart() -> None:
    abci = one(
        "AIST funds ABCI 3.0",
        "Japan will spend ¥30 billion on the ABCI 3.0 supercomputer, the National Institute "
        "of Advanced Industrial Science and Technology said, for sovereign AI research.",
    )
    fugaku = one(
        "Riken funds Fugaku Next",
        "Japan will spend ¥30 billion on the Fugaku Next supercomputer, the science ministry "
        "said on Thursday, for sovereign AI and climate research.",
        days=1,
    )
    startup = one(
        "Japan backs AI start-ups",
        "Japan will put ¥30 billion into an AI start-up fund, the Cabinet Office said, to "
        "back young companies building sovereign AI models.",
        days=2,
    )
    fund = one(
        "Japan backs sovereign AI",
        "Japan will put ¥30 billion into a sovereign AI compute fund, the Cabinet Office "
        "said, to buy GPUs for domestic developers.",
        days=3,
    )
    assert outcome(fugaku, abci) is Outcome.NEW
    assert outcome(fund, startup) is Outcome.NEW
    assert outcome(startup, fund) is Outcome.NEW


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        (
            "Taiwan's server boom",
            "Taiwan will spend NT$10 billion on a sovereign AI supercomputer, the National "
            "Science Council said, as exports of AI servers rose last year to NT$900 billion.",
            {"NT$10 billion"},
        ),
        (
            "Australia's data centre boom",
            "Canberra will spend A$1 billion on a national AI compute facility, officials "
            "said, while an industry group said data centre investment could reach A$30 "
            "billion by 2030.",
            {"A$1 billion"},
        ),
        (
            "Kenya's AI bet",
            "Kenya will invest Sh3 billion in a Swahili language model for sovereign AI, the "
            "ministry said, arguing that AI could add $20 billion a year to the economy.",
            {"Sh3 billion"},
        ),
    ],
    ids=["exports", "forecast", "economy"],
)
def test_trade_figures_and_forecasts_are_not_commitments(
    title: str, text: str, kept: set[str]
) -> None:
    assert set(money(claims(title, text))) == kept


def test_a_body_named_like_a_fund_is_the_actor_not_the_programme() -> None:
    claim = one(
        "Kazakhstan funds supercomputer",
        "The National Fund for Digital Development will invest 48 billion tenge in a "
        "national AI supercomputer, the fund said, to give Kazakhstan sovereign AI.",
    )
    assert claim.key == "ai supercomputer", claim.programme
    assert claim.actor == "National Fund for Digital Development"


def test_a_person_described_by_a_head_noun_is_not_a_machine() -> None:
    claim = one(
        "Israel's AI supercomputer",
        "Israel will buy 2,000 GPUs for its national AI supercomputer, the innovation "
        "authority said. Amir Shalev, a computer scientist at a Haifa university, said "
        "2,000 GPUs would make it small by global standards.",
    )
    assert claim.key == "ai supercomputer" and not claim.distinct, claim.programme


def test_an_amount_before_a_programme_with_a_purpose_clause_is_that_programme() -> None:
    claim = one(
        "Philippines plans Filipino model",
        "The Philippine government unveiled a P3-billion program to build a Filipino "
        "language model for sovereign AI, the information ministry said.",
    )
    assert claim.key == "program", claim.programme


def test_a_national_currency_beside_the_eu_goes_to_the_nation() -> None:
    claim = one(
        "Czech AI factory",
        "The Czech AI factory in Ostrava, worth CZK 4.2 billion, will be half-funded by the "
        "EU, the Czech government said, to build sovereign AI for Czech firms.",
    )
    assert claim.country == "CZ"


def test_plural_heads_are_the_head() -> None:
    assert normalise("national AI data centres")[0] == normalise("national AI data centre")[0]
    assert normalise("AI Factories")[0] == "ai factory"
    assert normalise("Sovereign AI Capability Program") == ("ai capability program", frozenset())


# --- Korean: heads glued to particles, names after them ---------------------------------

KO_CENTRE = [
    (
        "정부, 국가 AI 컴퓨팅 센터에 2조원 투자",
        "과학기술정보통신부는 3일 국가 AI 컴퓨팅 센터에 2조원을 투자한다고 밝혔다. "
        "정부는 소버린 AI 확보를 위해 민간과 협력할 예정이다.",
    ),
    (
        "국가AI컴퓨팅센터 2조원 규모",
        "정부가 국가AI컴퓨팅센터에 2조원을 투입한다. 과기정통부는 소버린 AI 경쟁력을 "
        "높이겠다고 설명했다.",
    ),
    (
        "AI 컴퓨팅 센터 구축에 2조원",
        "과기정통부는 인공지능 컴퓨팅 센터 구축에 2조원을 쓰겠다고 밝혔다. 한국형 "
        "소버린 AI 생태계를 만들기 위해서다.",
    ),
]


@pytest.mark.parametrize(("title", "text"), KO_CENTRE)
def test_korean_reports_of_the_compute_centre_name_it_alike(title: str, text: str) -> None:
    claim = one(title, text)
    assert claim.country == "KR" and claim.kind == "money"
    assert claim.key == "ai compute center", claim.programme


def test_a_korean_and_an_english_report_of_one_centre_are_one_record() -> None:
    korean = one(*KO_CENTRE[0])
    english = one(
        "Korea funds AI computing centre",
        "South Korea will invest ₩2 trillion in a national AI computing centre, the science "
        "ministry said in Seoul on Tuesday, to build sovereign AI capacity.",
        days=1,
    )
    assert outcome(korean, english) is Outcome.SAME


def test_korean_machine_names_and_unit_numbers_are_the_programmes_own() -> None:
    sixth = one(
        "슈퍼컴퓨터 6호기에 3000억원",
        "정부는 국가 슈퍼컴퓨터 6호기 구축에 3000억원을 투입한다고 발표했다. "
        "소버린 AI 개발을 지원하기 위해서다.",
    )
    assert sixth.distinct == {"6호기"} and sixth.key.endswith("supercomputer")
    again = one(
        "6호기 3000억원 투입",
        "과기정통부는 슈퍼컴퓨터 6호기에 3000억원을 쓴다고 밝혔다. 소버린 AI 전략의 일환이다.",
        days=2,
    )
    assert outcome(again, sixth) is Outcome.SAME
    named = one(
        "슈퍼컴퓨터 '누리온' 증설에 500억원",
        "정부는 슈퍼컴퓨터 '누리온' 증설에 500억원을 투입한다고 밝혔다. 소버린 AI 연구를 "
        "뒷받침하기 위해서다.",
    )
    assert "누리온" in named.distinct
    assert outcome(named, sixth) is Outcome.NEW  # another machine, not a revision
    fifth = one(
        "슈퍼컴퓨터 5호기에 4000억원",
        "정부는 국가 슈퍼컴퓨터 5호기 구축에 4000억원을 투입한다고 발표했다. "
        "소버린 AI 개발을 지원하기 위해서다.",
        days=40,
    )
    assert outcome(fifth, sixth) is Outcome.NEW


def test_a_korean_plan_said_as_a_predicate_is_not_a_programme() -> None:
    found = claims(
        "정부, GPU 1만장 확보",
        "정부는 소버린 AI 확보를 위해 GPU 1만장을 확보할 계획이다. 과기정통부가 3일 밝혔다.",
    )
    gpus = [c for c in found if c.kind == "gpus"]
    assert gpus and all(c.key != "plan" for c in gpus), [c.programme for c in gpus]
