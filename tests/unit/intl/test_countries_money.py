"""A country's own money points to it in every language, as in English, and a story whose
opening names a public actor is no company story even when it names no country there."""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in


@pytest.mark.parametrize(
    ("lang", "paragraphs", "code"),
    [
        (
            "pt",
            [
                "Uma das políticas públicas do terceiro mandato do presidente, o plano de IA "
                "estatal, terá R$ 12 bilhões até 2029 e um supercomputador público.",
                "A infraestrutura receberá R$ 3,4 bilhões, segundo a proposta.",
            ],
            "BR",
        ),
        (
            "pt",
            [
                "O governo vai investir 2 bilhões de reais em um modelo de linguagem público.",
                "Outros 500 milhões de reais irão para a formação de pesquisadores.",
            ],
            "BR",
        ),
        (
            "es",
            [
                "El gobierno destinará 9 mil millones de pesos mexicanos a un centro público "
                "de supercómputo para la inteligencia artificial.",
            ],
            "MX",
        ),
        (
            "fr",
            [
                "Le gouvernement consacrera 40 millions de francs suisses à un modèle de "
                "langage public entraîné dans les quatre langues nationales.",
            ],
            "CH",
        ),
    ],
)
def test_an_amount_in_its_own_currency(lang: str, paragraphs: list[str], code: str) -> None:
    assert code in detect_countries_in(lang, None, paragraphs)


@pytest.mark.parametrize(
    ("lang", "paragraphs"),
    [
        (
            "pt",
            [
                "A startup paulista Visiora comprou a concorrente Retina por R$ 80 milhões.",
                "A empresa disse que vai integrar as equipes até dezembro.",
            ],
        ),
        (
            "ja",
            [
                "半導体大手の東洋精機は5日、4～6月期の純利益が前年同期比2割増の300億円だったと発表した。",
                "同社はAI向けの需要が伸びたと説明した。",
            ],
        ),
    ],
)
def test_a_company_deal_in_local_money_is_still_about_no_country(
    lang: str, paragraphs: list[str]
) -> None:
    assert detect_countries_in(lang, None, paragraphs) == ()


@pytest.mark.parametrize(
    ("lang", "sentence", "value"),
    [
        ("de", "Wir haben sechs Bewerbungen für eine KI-Gigafabrik eingereicht.", 6.0),
        ("fr", "La France a déposé quatre candidatures pour une gigafactory.", 4.0),
        ("es", "España presentó tres candidaturas al concurso europeo.", 3.0),
        ("pt", "Portugal apresentou duas candidaturas ao programa.", 2.0),
        ("it", "L'Italia ha presentato cinque candidature per le gigafactory.", 5.0),
    ],
)
def test_bids_are_counted_as_applications(lang: str, sentence: str, value: float) -> None:
    from bot.analysis.intl.figures import extract_figures_in

    found = [(f.value, f.unit) for f in extract_figures_in(lang, [sentence], None, ())]
    assert (value, "application") in found
