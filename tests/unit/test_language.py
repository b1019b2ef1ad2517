"""Which language an article is in: the script first, then the model, then metadata."""

from __future__ import annotations

import pytest

from bot.analysis.language import detect_language, language_name

# Invented lines in each language, as a wire story's first paragraph would read.
TEXTS = {
    "ja": "文部科学省は五日、国産の大規模言語モデルを開発するため計算資源を増強すると発表した。",
    "ko": "과학기술정보통신부는 국가 인공지능 컴퓨팅 센터를 세우겠다고 5일 밝혔다.",
    "fr": "Le gouvernement a annoncé mardi un plan pour doter les laboratoires publics "
    "d'un nouveau supercalculateur consacré à l'intelligence artificielle.",
    "de": "Die Bundesregierung will die Rechenleistung für künstliche Intelligenz an den "
    "Hochschulen deutlich ausbauen, teilte das Ministerium am Dienstag mit.",
    "es": "El Gobierno anunció el martes un plan para dotar a las universidades públicas de "
    "un nuevo superordenador dedicado a la inteligencia artificial.",
    "pt": "O governo anunciou nesta terça-feira um plano para equipar as universidades "
    "públicas com um novo supercomputador dedicado à inteligência artificial.",
    "it": "Il governo ha annunciato martedì un piano per dotare le università pubbliche di "
    "un nuovo supercalcolatore dedicato all'intelligenza artificiale.",
    "en": "The government announced on Tuesday a plan to give public universities a new "
    "supercomputer dedicated to artificial intelligence.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_each_language_is_recognised(code: str) -> None:
    assert detect_language(None, TEXTS[code]) == code


@pytest.mark.parametrize("code", ["ja", "ko"])
def test_the_script_overrules_a_template_that_says_english(code: str) -> None:
    assert detect_language(None, TEXTS[code], metadata="en-US") == code


def test_japanese_with_english_names_and_numbers_is_still_japanese() -> None:
    text = "NvidiaのCEOは「H100を1万基用意する」と述べた。OpenAIやGoogleも参加する。"
    assert detect_language("Nvidia, AI data center in Japan", text) == "ja"


def test_han_characters_without_kana_are_chinese() -> None:
    assert detect_language(None, "国家人工智能计算中心今天在北京正式启用，政府投入资金。") == "zh"


def test_metadata_decides_when_the_text_is_too_short_to_tell() -> None:
    assert detect_language("KI-Gipfel", "", metadata="de-DE") == "de"
    assert detect_language(None, "IA", metadata="fr_FR") == "fr"
    assert detect_language(None, "", metadata=None) == "en"


def test_unsure_model_defers_to_metadata_but_a_clear_text_does_not() -> None:
    # a clearly German text stays German whatever a wrong page attribute says
    assert detect_language(None, TEXTS["de"], metadata="en") == "de"


def test_language_names_for_readers() -> None:
    assert language_name("ja") == "Japanese"
    assert language_name("pt") == "Portuguese"
    assert language_name(None) == "English"
    assert language_name("sv") == "sv"


def test_english_dense_with_function_words_needs_no_model_but_other_languages_do() -> None:
    english = (
        "The ministry said on Monday that the cluster is part of a plan for the country, "
        "and that it has the support of the cabinet, with funds from the budget in 2027."
    )
    assert detect_language(None, english) == "en"
    # German and Italian share "in", Italian shares "a": never enough to look English
    german = "In Berlin und in München sind in diesem Jahr in zwei Rechenzentren Server."
    assert detect_language(None, german * 3) == "de"
    italian = "In Italia il governo investe in un piano per la ricerca e in nuovi centri."
    assert detect_language(None, italian * 3) == "it"


@pytest.mark.parametrize("code", ["fr", "de", "es", "pt", "it"])
def test_a_clear_text_is_told_by_its_function_words_alone(code: str) -> None:
    from bot.analysis.language import _WORD, _by_function_words

    text = (TEXTS[code] + " ") * 3
    assert _by_function_words(_WORD.findall(text.lower())) == code
    assert detect_language(None, text) == code


def test_too_few_words_or_no_clear_lead_leaves_it_to_the_model() -> None:
    from bot.analysis.language import _WORD, _by_function_words

    assert _by_function_words(_WORD.findall("el es del da per".lower())) is None
    mixed = "el es del la de y por con gli il della per " * 4  # Spanish and Italian alike
    assert _by_function_words(_WORD.findall(mixed)) is None
