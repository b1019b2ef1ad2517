"""Direct quotes and their speakers, on invented news snippets (one hard case each)."""

from __future__ import annotations

from bot.analysis.names import name_mentions
from bot.analysis.people import People
from bot.analysis.quotemarks import quote_spans
from bot.analysis.quotes import extract_quotes
from bot.analysis.sentences import paragraphs
from bot.models import Quote


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs(text))]


def test_split_quote_with_pronoun_gives_two_quotes_of_one_speaker() -> None:
    text = (
        "Digital minister Rosa Albeniz opened the new data centre in Valencia on Monday.\n"
        "“Our researchers will no longer queue for foreign clouds,” she said, “and our "
        "startups will pay a fraction of what they pay today.”"
    )
    assert quotes(text) == [
        ("Our researchers will no longer queue for foreign clouds", "Rosa Albeniz"),
        ("and our startups will pay a fraction of what they pay today.", "Rosa Albeniz"),
    ]


def test_quote_running_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Science minister Tomas Varga said: “The cluster is the first of its kind in the "
        "region.\n"
        "“Every university in the country will be able to book time on it from January.”\n"
        "The cluster cost 40 million euros."
    )
    assert quotes(text) == [
        ("The cluster is the first of its kind in the region.", "Tomas Varga"),
        (
            "Every university in the country will be able to book time on it from January.",
            "Tomas Varga",
        ),
    ]


def test_colon_attribution_with_and_without_verb() -> None:
    assert quotes("Chancellor Greta Lindqvist: “We will build the models ourselves.”") == [
        ("We will build the models ourselves.", "Greta Lindqvist")
    ]
    assert quotes("Greta Lindqvist told parliament: “Compute is the new steel of industry.”") == [
        ("Compute is the new steel of industry.", "Greta Lindqvist")
    ]


def test_dash_attribution_with_role() -> None:
    result = extract_quotes(
        [
            "“Local language models are a matter of national security.” - Omar Haddad, "
            "CTO of Qamar Labs"
        ]
    )
    assert [(q.text, q.speaker, q.role) for q in result] == [
        (
            "Local language models are a matter of national security.",
            "Omar Haddad",
            "CTO of Qamar Labs",
        )
    ]
    assert quotes("“Nobody else will build this for us, so we have to.” — Lea Brunner") == [
        ("Nobody else will build this for us, so we have to.", "Lea Brunner")
    ]


def test_according_to() -> None:
    text = (
        "“The tender for the GPUs closes at the end of the month,” according to Deputy Minister "
        "Ivan Petrov."
    )
    assert quotes(text) == [
        ("The tender for the GPUs closes at the end of the month", "Ivan Petrov")
    ]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = (
        "The plan is a bet on ‘sovereign AI’ and on the “Compute For All Innovators Programme”, "
        "and the ministry called it an “AI factory”. It also renamed the “national compute "
        "and data Agency” last year."
    )
    assert quotes(text) == []


def test_short_attributed_phrase_of_four_words_is_a_quote() -> None:
    text = (
        "Chipmaker boss Anil Kapoor spoke in Pune. Training local models is the “only way to "
        "stay relevant,” Kapoor said, before leaving the stage."
    )
    assert quotes(text) == [("only way to stay relevant", "Anil Kapoor")]


def test_surname_resolves_to_full_name_and_he_added_to_last_speaker() -> None:
    text = (
        "Nordic Compute CEO Henrik Aalto said the company would double its capacity.\n"
        "“Demand from governments has never been this strong,” Aalto said.\n"
        "“We are sold out until next summer,” he added."
    )
    assert [speaker for _, speaker in quotes(text)] == ["Henrik Aalto", "Henrik Aalto"]


def test_pronoun_follows_the_person_now_in_focus() -> None:
    text = (
        "“Prices will come down,” said Henrik Aalto, the company's chief executive.\n"
        "Finance chief Marta Kowalczyk presented the figures to analysts.\n"
        "“Our margins held up better than we expected this quarter,” she said."
    )
    assert [speaker for _, speaker in quotes(text)] == ["Henrik Aalto", "Marta Kowalczyk"]


def test_standalone_quote_paragraph_continues_the_previous_speaker() -> None:
    text = (
        "“The first phase is funded and the land is ours,” said Governor Amara Nwosu.\n"
        "“What we need now are engineers who want to come home and build it.”"
    )
    assert [speaker for _, speaker in quotes(text)] == ["Amara Nwosu", "Amara Nwosu"]


def test_organisation_speaks_when_no_person_is_named() -> None:
    text = (
        "Tessaract Systems announced a supercomputer for the national weather service.\n"
        "“The machine will be the fastest in the southern hemisphere,” the company said in "
        "a statement."
    )
    assert quotes(text) == [
        ("The machine will be the fastest in the southern hemisphere", "Tessaract Systems")
    ]


def test_government_statement_is_credited_to_the_government() -> None:
    text = (
        "Kenya will train a Swahili language model, the Kenyan government said on Friday.\n"
        "“The model will be free for every school and every public office,” the government "
        "said."
    )
    assert quotes(text) == [
        ("The model will be free for every school and every public office", "Government of Kenya")
    ]


def test_unattributed_quote_has_no_speaker() -> None:
    text = "The report ends with a warning.\n“No country can afford to sit this race out.”"
    assert quotes(text) == [("No country can afford to sit this race out.", None)]


def test_role_is_kept_for_display() -> None:
    result = extract_quotes(
        [
            "Minister of Digital Economy Farah Aziz said the fund was ready.",
            "“The money is there for anyone with a serious plan,” Aziz said.",
        ]
    )
    assert result == [
        Quote(
            text="The money is there for anyone with a serious plan",
            speaker="Farah Aziz",
            role="Minister of Digital Economy",
        )
    ]


def test_single_quotes_versus_apostrophes() -> None:
    text = (
        "It’s the ’90s again for Nvidia’s rivals, the minister's aide said. 'We won't buy "
        "every chip they make,' said minister Lukas Berger."
    )
    assert quotes(text) == [("We won't buy every chip they make", "Lukas Berger")]
    assert [s.text for s in quote_spans("He said ‘we will build it here’ and it’s fine.")] == [
        "we will build it here"
    ]


def test_guillemets_low_quotes_and_corner_brackets() -> None:
    assert quotes("« Nous construirons nos propres modèles », a déclaré Claire Dubois.") == [
        ("Nous construirons nos propres modèles", "Claire Dubois")
    ]
    assert quotes("„Wir bauen die Rechenzentren selbst“, sagte Jonas Keller.") == [
        ("Wir bauen die Rechenzentren selbst", "Jonas Keller")
    ]
    spans = quote_spans("大臣は「国産の大規模言語モデルを開発する」と述べ、『計画』を示した。")
    assert [s.text for s in spans] == ["国産の大規模言語モデルを開発する", "計画"]


def test_first_name_and_handle_resolve_to_the_full_name() -> None:
    text = (
        "Communications minister Dewi Sari Lestari opened the centre.\n"
        "“We start with three languages and will add ten more,” said Dewi.\n"
        "“Sovereign compute for every province,” tweeted @DewiSariLestari."
    )
    assert [speaker for _, speaker in quotes(text)] == ["Dewi Sari Lestari", "Dewi Sari Lestari"]


def test_names_keep_particles_and_drop_titles() -> None:
    found = name_mentions("European Council President Hanna van der Berg met Mr Al-Rashid.")
    assert (found[0].name, found[0].role) == (
        "Hanna van der Berg",
        "European Council President",
    )
    people = People("Prime Minister Rahul bin Osman spoke. Osman left.")
    assert people.full_name("Osman", 40) == "Rahul bin Osman"


# --- names of every tradition, organisations, focus ----------------------------------------


def test_a_place_word_inside_a_name_belongs_to_the_name() -> None:
    text = (
        "Nguyen Thi Minh Lan, director of the lab, said the data was ready.\n"
        "“The hard part is the quality of the data, not its volume,” she said."
    )
    assert quotes(text) == [
        ("The hard part is the quality of the data, not its volume", "Nguyen Thi Minh Lan")
    ]


def test_honorifics_of_other_traditions_are_not_part_of_the_name() -> None:
    text = (
        "Digital Minister Datuk Farid Osman opened the cloud on Monday.\n"
        "“Sensitive data will stay on our own soil,” Farid told reporters."
    )
    assert quotes(text) == [("Sensitive data will stay on our own soil", "Farid Osman")]


def test_a_portfolio_before_a_name_is_not_part_of_it() -> None:
    text = (
        "“Our models must speak our languages,” Minister for Digital Transformation "
        "Elena Marquez Soto said."
    )
    assert quotes(text) == [("Our models must speak our languages", "Elena Marquez Soto")]


def test_an_abbreviated_honorific_after_said_keeps_the_name() -> None:
    text = "“The cluster will be ready in spring next year,” said Dr. Samir al-Haddad, its head."
    assert quotes(text) == [("The cluster will be ready in spring next year", "Samir al-Haddad")]


def test_an_affiliation_and_relative_clause_between_name_and_verb() -> None:
    text = (
        "Professor Dana Levin of the Weizmann Institute, who chairs the panel, said: "
        "“Students waited weeks for computing time.”"
    )
    assert quotes(text) == [("Students waited weeks for computing time.", "Dana Levin")]


def test_a_ministry_whose_portfolio_is_a_list_keeps_its_whole_name() -> None:
    text = (
        "The Ministry of Energy, Mines and the Digital Economy approved the plan.\n"
        "“Every region will get access to the new cluster,” the ministry said in a statement."
    )
    assert quotes(text) == [
        (
            "Every region will get access to the new cluster",
            "Ministry of Energy, Mines and the Digital Economy",
        )
    ]


def test_an_organisation_name_ends_with_its_head_noun() -> None:
    text = "Nordic Startup Network said the fund was “good news for founders who stay home.”"
    assert quotes(text) == [("good news for founders who stay home.", "Nordic Startup Network")]


def test_a_role_acting_as_subject_puts_its_person_in_focus() -> None:
    text = (
        "Science Minister Clara Holt announced the plan on Monday.\n"
        "“It is far too small for our universities,” opposition spokesman Ian Reed said.\n"
        "The minister rejected that. “This is the first step, not the last,” she said."
    )
    assert quotes(text) == [
        ("It is far too small for our universities", "Ian Reed"),
        ("This is the first step, not the last", "Clara Holt"),
    ]
