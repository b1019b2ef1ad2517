"""The first analyser: sentences, countries, relevance and summary."""

from __future__ import annotations

from bot.analysis.countries import country_weights, detect_countries
from bot.analysis.pipeline import analyze
from bot.analysis.relevance import score_relevance
from bot.analysis.sentences import paragraphs, sentences
from bot.analysis.summary import summarize

SOVEREIGN = """\
Kenya's government will build a national AI supercomputer, the ICT ministry said on Tuesday.
The ministry will spend 12 billion shillings on GPUs for a data centre in Nairobi, so that \
Kenyan universities can train models in Swahili and other local languages.
"This is about our sovereignty," the minister said.
Officials in Nairobi said the national AI strategy would be published in March."""

CORPORATE = """\
A chipmaker reported record quarterly revenue on Wednesday as demand for its AI accelerators \
kept growing. Shares rose 4% in after-hours trading.
The company said its data center business doubled and it expects supply to improve next year."""

POLITICS = """\
The cabinet approved seven railway projects on Wednesday, the minister of railways said.
The projects will add new lines in nine states and cut travel times, the government said."""


def test_sentences_survive_abbreviations_and_initials() -> None:
    text = "The U.S. President met Dr. Sato in Tokyo. J. Smith left early! Did it work? Yes."
    assert sentences(text) == [
        "The U.S. President met Dr. Sato in Tokyo.",
        "J. Smith left early!",
        "Did it work?",
        "Yes.",
    ]


def test_paragraphs_split_on_newlines_and_drop_blanks() -> None:
    assert paragraphs("One.\n\n  Two.\nThree.") == ["One.", "Two.", "Three."]


def test_countries_are_what_the_article_is_about() -> None:
    assert detect_countries("Kenya plans AI supercomputer", paragraphs(SOVEREIGN)) == ("KE",)


def test_a_passing_mention_deep_in_the_text_is_not_a_country_of_the_article() -> None:
    paras = ["France will fund a national AI cluster, the French government said."] * 3
    paras.append("A similar plan was discussed in Canada last year.")
    assert detect_countries("France funds AI cluster", paras) == ("FR",)


def test_ambiguous_names_are_not_countries_in_the_wrong_context() -> None:
    paras = ["Michael Jordan visited Atlanta, Georgia, and spoke about AI at Georgia Tech."]
    assert detect_countries(None, paras) == ()
    assert detect_countries(None, ["Jordan and Georgia signed an AI pact in Amman."]) == (
        "JO",
        "GE",
    )


def test_lower_case_us_is_not_the_united_states() -> None:
    assert detect_countries(None, ["Tell us what you think of it and join us."]) == ()
    weights = country_weights(None, ["The US and the EU agreed on AI rules.", "Tell us more."])
    assert set(weights) == {"US", "EU"}


def test_relevance_needs_ai_and_a_national_angle() -> None:
    sovereign, reasons = score_relevance(
        "Kenya plans national AI supercomputer", paragraphs(SOVEREIGN), ("KE",)
    )
    corporate, why_not = score_relevance("Chipmaker posts record quarter", paragraphs(CORPORATE))
    politics, _ = score_relevance("Cabinet approves railway projects", paragraphs(POLITICS))
    assert sovereign >= 0.5 > corporate
    assert politics < 0.2
    assert any("says it outright" in r for r in reasons)
    assert any("company-finance" in r for r in why_not)


def test_government_and_ai_far_apart_in_an_article_are_not_enough() -> None:
    text = [
        "A chipmaker said demand for its AI accelerators kept growing this year.",
        "Separately, the government said it would review competition rules for ports.",
    ]
    score, _ = score_relevance("Chipmaker grows", text)
    assert score < 0.5


def test_public_money_for_ai_in_one_sentence_is_relevant_without_buzzwords() -> None:
    text = ["The president announced a €4 billion investment in artificial intelligence."]
    score, _ = score_relevance(None, text, ("FR",))
    assert score >= 0.5


def test_a_company_s_home_country_is_not_what_the_article_is_about() -> None:
    paras = [
        "Chile will build a supercomputer for research, the US chipmaker supplying it said.",
        "The machine will serve universities across Chile, with US-made GPUs.",
        "Santiago officials said US Cloud Corp would run it for the first year.",
    ]
    assert detect_countries("Chile to build research supercomputer", paras) == ("CL",)


def test_a_country_acting_in_a_later_paragraph_still_counts() -> None:
    paras = [
        "Vietnam wants its own language models, the ministry said on Monday.",
        "Vietnam's plan follows similar steps elsewhere in the region.",
        "Last month Thailand approved a national AI budget, and Thailand plans more.",
    ]
    assert detect_countries("Vietnam wants its own AI", paras) == ("VN", "TH")


def test_summary_skips_dangling_sentences_and_quotes() -> None:
    paras = [
        "He said it would be ready soon.",
        '"We are proud," the minister said.',
        "Kenya's government will build a national AI supercomputer, the ministry said on Tuesday.",
        "It will cost a lot of money and take many years to finish, officials said.",
        "The ministry will buy GPUs for a new data centre in Nairobi next year, it said.",
    ]
    assert summarize(None, paras) == (paras[2], paras[4])


def test_analyze_puts_it_together() -> None:
    result = analyze("Kenya plans national AI supercomputer", SOVEREIGN)
    assert result.relevant
    assert result.countries == ("KE",)
    assert result.summary[0].startswith("Kenya's government will build")
    assert not analyze("Chipmaker posts record quarter", CORPORATE).relevant


def test_a_currency_a_language_or_a_continent_is_not_a_country() -> None:
    paras = [
        "Singapore will spend S$120 million (US$89 million) on models for Thai and Tamil "
        "speakers, and on Portuguese-language tools for Latin American partners.",
        "Singapore said the models would be trained in Bahasa Indonesia, Malay and English.",
    ]
    assert detect_countries("Singapore funds regional models", paras) == ("SG",)


def test_a_country_named_only_by_its_cities_is_not_what_the_article_is_about() -> None:
    paras = [
        "The Istanbul derby ended 2-1 after a late goal in front of 50,000 fans.",
        "The coach said the win in Istanbul was the best of his career.",
    ]
    assert detect_countries("Late goal settles Istanbul derby", paras) == ()


def test_countries_beyond_the_big_economies_are_known() -> None:
    paras = ["Uruguay's government will build a national AI supercomputer in Montevideo."]
    assert detect_countries(None, paras) == ("UY",)


def test_a_ministry_reporting_ai_chip_exports_is_not_sovereign_ai() -> None:
    text = [
        "Chip exports rose 40% to a record on demand for AI servers, ministry data showed.",
        "Shipments of memory used in AI processors doubled, the trade ministry said.",
    ]
    building = ["The trade ministry will build a national AI data centre for researchers."]
    assert score_relevance(None, text, ("KR",))[0] < 0.5
    assert score_relevance(None, building, ("KR",))[0] >= 0.5
