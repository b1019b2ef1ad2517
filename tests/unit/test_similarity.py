"""Cross-source duplicates: one story from several outlets, and what must stay apart.

All texts are invented for these tests.
"""

from __future__ import annotations

import json
import random

import pytest

from bot.articles.similarity import (
    MIN_SHINGLES,
    SKETCH_SIZE,
    TEXT_THRESHOLD,
    TITLE_THRESHOLD,
    VERSION,
    Fingerprint,
    clean_title,
    find_story,
    fingerprint,
    same_story,
    text_similarity,
    title_similarity,
)

# The body the wire copies share: six paragraphs, about 1,300 characters.
_BODY = """\
The programme will pay for a computing centre with about 4,000 graphics processors near \
the Arctic city of Tromsø, where cold air and cheap hydropower keep running costs low, \
the digitalisation ministry said in a statement.

Officials said the centre would be owned by the state and run by a new public company, \
so that universities, hospitals and small firms can train language models on Norwegian \
data without sending it to servers abroad.

"We cannot depend on a handful of foreign cloud providers for something this important," \
the digitalisation minister told reporters in Oslo. "Our data and our language deserve \
infrastructure that we control."

The first 1,000 processors are due to be installed next spring, with the rest following \
in two phases by the end of 2027. The ministry said it would publish tender documents \
for the building work within six weeks.

Industry groups welcomed the plan but warned that the budget covered only construction \
and hardware. A spokesperson for the national association of software firms said \
operating costs and staff would need separate funding every year.

The announcement follows similar moves by several European governments, which have \
pledged public money for national computing capacity as demand for large models grows \
and concerns about data protection rules remain unresolved."""

WIRE_TITLE = "Norway to spend 9 billion crowns on national AI computing centre"
WIRE = f"""\
OSLO, March 4 - Norway will spend 9 billion crowns ($850 million) over four years on a \
national artificial intelligence computing centre, the government said on Tuesday.

{_BODY}

Norway's sovereign wealth fund, the world's largest, is not involved in the project, \
the ministry said."""

# A syndicating outlet: own headline, own first and last paragraph, light edits.
SYNDICATED_TITLE = "Oslo bets on home-grown compute as Nordic AI race heats up"
SYNDICATED = (
    """\
Norway has become the latest country to put public money into artificial intelligence \
hardware, announcing a multi-billion crown plan on Tuesday that officials described as \
a matter of national resilience.

"""
    + _BODY.replace("the digitalisation minister told reporters", "the minister told reporters")
    .replace("within six weeks", "within the next six weeks")
    .replace("keep running costs low", "help keep running costs low")
    + """

Readers can sign up to our Nordic technology newsletter for weekly updates on the story."""
)

# Another outlet: its own lede, and the wire's last two paragraphs cut to fit.
TRIMMED_TITLE = "Norway plans state-run AI centre in the Arctic"
TRIMMED = """\
A state-owned computing centre for artificial intelligence is to be built in northern \
Norway, the government announced, promising researchers and companies a domestic \
alternative to foreign cloud services.

""" + _BODY.rsplit("\n\n", 2)[0]

# Same topic, another country, other amounts, separately written.
FINLAND_TITLE = "Finland to spend 300 million euros on national AI computing centre"
FINLAND = """\
HELSINKI, March 6 - Finland will invest 300 million euros in a national artificial \
intelligence computing centre in Kajaani, extending a supercomputer site that already \
serves researchers across the region, the education ministry said on Thursday.

The new machine will add roughly 2,500 accelerators to the existing facility and is \
expected to be ready for users in the second half of 2026, officials said.

The ministry said the upgrade would give Finnish companies priority access for the \
first time, after complaints that academic projects had filled most of the queue.

"Start-ups have told us again and again that they cannot get time on the machine," a \
senior ministry official said, adding that a quarter of capacity would be reserved for \
businesses under the plan.

Electricity for the site comes mainly from hydropower and wind, and waste heat will be \
piped into the town's district heating network, according to the operator.

Opposition lawmakers questioned whether the budget was large enough, pointing to much \
bigger programmes in France and Germany, but said they would support the bill when it \
comes before parliament in the spring."""

# Same country and topic, a different event (weeks later, a delay).
NORWAY_DELAY_TITLE = "Norway delays national AI computing centre as tender draws no bids"
NORWAY_DELAY = """\
OSLO, May 20 - Norway has postponed the construction of its national artificial \
intelligence computing centre after a tender for the building work closed without a \
single bid, the digitalisation ministry said on Monday.

Builders said the schedule was unrealistic and the penalties for late delivery too \
high, according to letters published by the ministry, which said it would revise the \
terms and run the tender again before the summer.

The delay means the first processors are unlikely to be installed before autumn, \
several months later than planned, a ministry spokesperson said.

The government had promised that the Arctic site would give universities and hospitals \
a way to train models on Norwegian data without relying on foreign cloud providers.

An opposition lawmaker called the failed tender embarrassing and asked the minister to \
explain the delay to parliament's technology committee next week."""


def fp(title: str | None, text: str = "") -> Fingerprint:
    return fingerprint(title, text)


# --- the same story ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"), [(SYNDICATED_TITLE, SYNDICATED), (TRIMMED_TITLE, TRIMMED)]
)
def test_syndicated_copy_with_new_headline_intro_and_outro_is_one_story(
    title: str, text: str
) -> None:
    wire, copy = fp(WIRE_TITLE, WIRE), fp(title, text)
    assert title_similarity(wire, copy) < TITLE_THRESHOLD  # the text carries it
    assert text_similarity(wire, copy) >= TEXT_THRESHOLD
    assert same_story(wire, copy)
    assert same_story(copy, wire)


@pytest.mark.parametrize(
    "variant",
    [
        "Norway to spend 9 billion crowns on national AI computing centre - Reuters",
        "NORWAY TO SPEND 9 BILLION CROWNS ON NATIONAL AI COMPUTING CENTRE",
        "Norway To Spend 9 Billion Crowns On National AI Computing Centre | The Oslo Times",
        "Norway to spend 9bn crowns on national AI computing centre.",
        "UPDATE 2-Norway to spend 9 billion crowns on national AI computing centre",
        "Norway to spend 9 billion crowns on a national AI computing center",
        "Norway's to spend 9 billion crowns on national A.I. computing centre: nrk.no",
    ],
)
def test_same_headline_with_surface_differences_is_one_story(variant: str) -> None:
    # Two outlets rewrote the wire story: no shared wording, only the headline.
    own_words = "The government announced the plan on Tuesday. " * 3
    a = fp(WIRE_TITLE, "")
    b = fp(variant, own_words)
    assert same_story(a, b), (a.title, b.title)


def test_title_cleaning() -> None:
    assert clean_title("UPDATE 2-Japan's $1.5bn AI push - The Japan Times") == (
        "Japan 1.5 billion AI push"
    )
    assert clean_title("U.S. to curb 10,000 chip exports | Reuters") == (
        "US to curb 10000 chip exports"
    )
    assert clean_title("Exclusive: Kenya unveils AI strategy") == "Kenya unveils AI strategy"
    # A last segment that is not an outlet's name stays.
    assert clean_title("Japan plans AI supercomputer - India follows") == (
        "Japan plans AI supercomputer India follows"
    )
    assert clean_title("Nvidia CEO: sovereign AI is the next frontier") == (
        "Nvidia CEO sovereign AI is the next frontier"
    )


# --- different stories ------------------------------------------------------------------


def test_same_topic_other_country_and_amounts_is_not_one_story() -> None:
    norway, finland = fp(WIRE_TITLE, WIRE), fp(FINLAND_TITLE, FINLAND)
    assert text_similarity(norway, finland) < 0.1
    assert not same_story(norway, finland)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "Japan plans AI supercomputer for universities",
            "India plans AI supercomputer for universities",
        ),
        (
            "Austria launches sovereign AI fund for startups",
            "Australia launches sovereign AI fund for startups",
        ),
        ("Japan's $1.5bn plan for AI supercomputer", "Japan's $2bn plan for AI supercomputer"),
        (
            "Japan to buy 10,000 GPUs for national AI cloud",
            "Japan to buy 1,000 GPUs for national AI cloud",
        ),
        (
            "South Korea to build national AI data centre",
            "North Korea to build national AI data centre",
        ),
        (
            "France opens national AI data centre in Paris",
            "France closes national AI data centre in Paris",
        ),
        ("Nvidia hires 500 engineers in Taiwan", "Nvidia fires 500 engineers in Taiwan"),
        ("EU bans imports of AI chips", "EU bars imports of AI chips"),
        ("Japan plans second AI supercomputer", "Japan plans AI supercomputer"),
    ],
)
def test_one_differing_name_number_or_word_blocks_a_title_match(left: str, right: str) -> None:
    a, b = fp(left), fp(right)
    assert title_similarity(a, b) >= 80  # close enough that the ratio alone would not do
    assert not same_story(a, b)


def test_same_country_and_topic_but_another_event_is_not_one_story() -> None:
    plan, delay = fp(WIRE_TITLE, WIRE), fp(NORWAY_DELAY_TITLE, NORWAY_DELAY)
    assert text_similarity(plan, delay) < 0.1
    assert not same_story(plan, delay)
    # Nor by title alone, however close the headlines.
    assert not same_story(
        fp("Norway to fund national AI computing centre"),
        fp("Norway delays national AI computing centre"),
    )


@pytest.mark.parametrize("title", ["AI news", "Daily briefing", "Sovereign AI weekly roundup"])
def test_generic_titles_do_not_match_on_their_own(title: str) -> None:
    a, b = fp(title, WIRE), fp(title, FINLAND)
    assert title_similarity(a, b) == 0.0
    assert not same_story(a, b)


# --- short, empty and odd input ---------------------------------------------------------


def test_empty_and_short_texts_do_not_crash_or_match_everything() -> None:
    empty = fp(None, "")
    assert empty.shingles == 0 and empty.sketch == () and empty.title == ""
    assert not same_story(empty, empty)
    assert not same_story(empty, fp(WIRE_TITLE, WIRE))
    assert text_similarity(empty, empty) == 0.0

    teaser = "Subscribe to continue reading this article. Already a subscriber? Sign in."
    a, b = fp("Norway AI plan", teaser), fp("Chile copper output", teaser)
    assert 0 < a.shingles < MIN_SHINGLES
    assert not same_story(a, b)

    assert fp("   ", "  \n ").shingles == 0
    assert fp("!!!", "... --- ...").title == ""
    recent = [(1, empty), (2, a), (3, fp(WIRE_TITLE, WIRE))]
    assert find_story(empty, recent) is None
    assert find_story(b, recent) is None
    assert find_story(fp(WIRE_TITLE, WIRE), []) is None


def test_texts_in_scripts_without_spaces_are_shingled_by_character() -> None:
    text = (
        "政府は国産の人工知能を開発するため、新しい計算センターを北海道に建設すると発表した。"
        "総事業費は約千二百億円で、二〇二七年度の稼働を目指す。大学や企業も利用できる。"
    )
    edited = text.replace("発表した", "明らかにした")
    a, b = fp(None, text), fp(None, edited)
    assert a.shingles >= MIN_SHINGLES
    assert same_story(a, b)
    assert not same_story(a, fp(None, WIRE))


def test_estimate_tracks_exact_jaccard_for_long_texts() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(20_000)]
    shared = rng.choices(vocabulary, k=600)
    for extra, expected in [(150, 0.6), (300, 0.43), (600, 0.27)]:
        left = " ".join(rng.choices(vocabulary, k=extra) + shared)
        right = " ".join(shared + rng.choices(vocabulary, k=extra))
        a, b = fp(None, left), fp(None, right)
        assert a.shingles > SKETCH_SIZE
        assert abs(text_similarity(a, b) - expected) < 0.1, extra


def test_identical_texts_match_exactly() -> None:
    a, b = fp("One title here for all", WIRE), fp("Something else entirely", WIRE)
    assert text_similarity(a, b) == 1.0
    assert same_story(a, b)


# --- storage ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"), [(WIRE_TITLE, WIRE), (None, ""), ("Short", "A few words only.")]
)
def test_fingerprint_json_round_trip(title: str | None, text: str) -> None:
    original = fp(title, text)
    stored = json.loads(json.dumps(original.to_json()))
    assert stored["v"] == VERSION
    restored = Fingerprint.from_json(stored)
    assert restored == original
    assert (restored.key, restored.content, restored.fixed, restored.head) == (
        original.key,
        original.content,
        original.fixed,
        original.head,
    )
    assert len(json.dumps(original.to_json())) < 3_000


@pytest.mark.parametrize(
    "bad",
    [
        None,
        [1, 2, 3],
        {"v": VERSION + 1, "title": "", "shingles": 0, "sketch": []},
        {"v": VERSION, "title": 3, "shingles": 0, "sketch": []},
        {"v": VERSION, "title": "", "shingles": True, "sketch": [1]},
        {"v": VERSION, "title": "", "shingles": 2, "sketch": [5, 3]},
        {"v": VERSION, "title": "", "shingles": 3, "sketch": [1, 2]},
        {"v": VERSION, "title": "", "shingles": 1, "sketch": [-1]},
        {"v": VERSION, "title": "", "shingles": 1, "sketch": [2**60]},
        {"v": VERSION, "title": "", "shingles": 1, "sketch": "1"},
    ],
)
def test_from_json_rejects_anything_else(bad: object) -> None:
    with pytest.raises(ValueError, match="fingerprint"):
        Fingerprint.from_json(bad)


# --- find_story -------------------------------------------------------------------------


def test_find_story_picks_the_matching_id_among_several() -> None:
    recent = [
        (11, fp(FINLAND_TITLE, FINLAND)),
        (12, fp(NORWAY_DELAY_TITLE, NORWAY_DELAY)),
        (13, fp(WIRE_TITLE, WIRE)),
        (14, fp("Chile unveils national AI strategy with 40 measures", "Santiago. " * 40)),
    ]
    assert find_story(fp(SYNDICATED_TITLE, SYNDICATED), recent) == 13
    assert find_story(fp(f"{WIRE_TITLE} - Reuters", "Rewritten."), recent) == 13
    assert find_story(fp("Chile unveils national AI strategy with 40 measures | AP"), recent) == 14
    assert find_story(fp("India plans AI supercomputer", "Nothing shared here."), recent) is None


def test_find_story_prefers_a_text_match_to_a_title_only_match() -> None:
    recent = [
        (21, fp(SYNDICATED_TITLE, "A different article under the same headline.")),
        (22, fp("Something else", WIRE)),
    ]
    assert find_story(fp(SYNDICATED_TITLE, SYNDICATED), recent) == 22


def test_find_story_agrees_with_same_story() -> None:
    fingerprints = [
        fp(WIRE_TITLE, WIRE),
        fp(SYNDICATED_TITLE, SYNDICATED),
        fp(FINLAND_TITLE, FINLAND),
        fp(NORWAY_DELAY_TITLE, NORWAY_DELAY),
        fp(f"{WIRE_TITLE} | The Oslo Times"),
        fp(None, ""),
    ]
    for i, candidate in enumerate(fingerprints):
        recent = [(j, other) for j, other in enumerate(fingerprints) if j != i]
        found = find_story(candidate, recent)
        matches = {j for j, other in recent if same_story(candidate, other)}
        assert (found is None) == (not matches)
        assert found is None or found in matches
