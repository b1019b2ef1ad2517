"""Relevance of Portuguese news: a state building its own AI capability is sovereign-AI
news; a company's joint venture or launch (even one noting that the state backs AI), a
fine or a law on AI, and a company's earnings are not.

Every text is invented (people, firms, bodies, figures), in agency, ministry-release and
tech-site style, from Brazil and Portugal.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("pt", title, paras)
    return score_relevance_in("pt", title, paras, countries)[0]


SOVEREIGN = [
    (
        "Governo lança Plano Brasileiro de IA com R$ 23 bilhões",
        [
            "O governo federal lançou nesta terça-feira o Plano Brasileiro de Inteligência "
            "Artificial, com investimentos de R$ 23 bilhões até 2028.",
            "O plano prevê a compra de um dos cinco supercomputadores mais potentes do mundo e "
            "modelos de linguagem treinados em português.",
            "“Queremos soberania digital”, disse a ministra Helena Duarte.",
        ],
    ),
    (
        None,
        [
            "O BNDES vai financiar com R$ 2 bilhões a construção de centros de dados públicos "
            "para inteligência artificial no Nordeste, informou o banco.",
            "Os centros vão atender universidades e órgãos do governo.",
        ],
    ),
    (
        "Portugal investe 60 milhões num modelo de IA em português europeu",
        [
            "O Governo português vai investir 60 milhões de euros no desenvolvimento de um "
            "modelo de linguagem em português europeu, anunciou o ministro da Ciência.",
            "O modelo será treinado no supercomputador Deucalion.",
        ],
    ),
    (
        "São Paulo terá nuvem soberana para dados do estado",
        [
            "O governo de São Paulo contratou uma nuvem soberana para hospedar os dados e os "
            "sistemas de IA das secretarias estaduais, com investimento de R$ 300 milhões.",
        ],
    ),
    (
        "Angola aposta numa estratégia nacional de IA",
        [
            "Angola aprovou uma estratégia nacional de inteligência artificial que inclui um "
            "centro de dados público em Luanda.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_a_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the state backing AI in passing
        "Vetra e Cloudora criam joint venture de inteligência artificial",
        [
            "A operadora Vetra e a americana Cloudora anunciaram nesta quarta-feira uma joint "
            "venture para comercializar serviços de inteligência artificial a empresas.",
            "As duas parceiras vão investir R$ 900 milhões em três anos.",
            "O governo federal tem apoiado a instalação de centros de dados no país.",
        ],
    ),
    (  # a product launch
        "Lexia lança assistente de IA para advogados",
        [
            "A startup paulista Lexia lança um novo assistente de inteligência artificial para "
            "escritórios de advocacia, informou a empresa.",
            "A ferramenta usa um grande modelo de linguagem ajustado ao direito brasileiro.",
        ],
    ),
    (  # a privacy fine
        "ANPD multa empresa de chatbot em R$ 10 milhões",
        [
            "A Autoridade Nacional de Proteção de Dados aplicou multa de R$ 10 milhões à empresa "
            "Parlami por treinar seu chatbot com dados pessoais sem consentimento.",
            "A empresa vai recorrer à Justiça.",
        ],
    ),
    (  # a law that governs AI
        "Senado aprova marco legal da inteligência artificial",
        [
            "O Senado aprovou nesta terça-feira o projeto de lei que regulamenta o uso da "
            "inteligência artificial no país.",
            "O texto prevê sanções para empresas que descumprirem as regras.",
        ],
    ),
    (  # earnings
        "Datanorte tem lucro recorde com centros de dados",
        [
            "A Datanorte registrou lucro líquido de R$ 600 milhões no trimestre, alta de 45%, "
            "impulsionada pela demanda de centros de dados para IA.",
            "As ações subiram 8% na bolsa e analistas esperam novo resultado recorde.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_the_verb_ia_is_not_ai() -> None:
    """Lower-case "ia" is a verb ("ele ia"), not artificial intelligence."""
    paras = ["O ministro disse que ia visitar as obras da estrada no governo federal."]
    assert relevance("Ministro visita obras", paras) < RELEVANCE_THRESHOLD


# --- Rules found on invented whole articles, each with variants -------------------------


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Governo apoia fábrica de chips para carros",
            [
                "O governo federal vai financiar com R$ 300 milhões uma fábrica de chips para "
                "carros em Minas Gerais.",
                "A fábrica não vai produzir processadores para inteligência artificial.",
            ],
        ),
        (
            None,
            [
                "O BNDES aprovou R$ 150 milhões para uma linha de semicondutores de potência "
                "para veículos elétricos.",
            ],
        ),
    ],
)
def test_chips_for_cars_with_public_money_are_not_sovereign_ai(
    title: str | None, paras: list[str]
) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


@pytest.mark.parametrize(
    "sentence",
    [
        "O país quer treinar seus próprios modelos de linguagem.",
        "O Brasil precisa de sua própria IA.",
        "“Teremos nosso próprio supercomputador”, disse a ministra.",
    ],
)
def test_building_ones_own_capability_says_it_outright(sentence: str) -> None:
    _, reasons = score_relevance_in("pt", None, [sentence], ())
    assert any(r.startswith("says it outright") for r in reasons)
