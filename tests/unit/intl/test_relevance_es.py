"""Relevance of Spanish news: a state building its own AI capability is sovereign-AI news;
a company's joint venture or launch (even one noting that the state backs AI), a fine or
a law on AI, and a company's earnings are not.

Every text is invented (people, firms, bodies, figures), in agency, ministry-release and
tech-site style, from Spain and Latin America.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("es", title, paras)
    return score_relevance_in("es", title, paras, countries)[0]


SOVEREIGN = [
    (
        "El Gobierno destina 300 millones a un supercomputador para IA",
        [
            "El Consejo de Ministros aprobó este martes una inversión de 300 millones de euros "
            "para ampliar la capacidad de cómputo del Barcelona Supercomputing Center, que "
            "entrenará modelos de lenguaje en castellano y lenguas cooficiales.",
            "«Es una apuesta por la soberanía tecnológica», afirmó el ministro para la "
            "Transformación Digital, Julián Ortega.",
        ],
    ),
    (
        None,
        [
            "México presentó su estrategia nacional de inteligencia artificial, que incluye un "
            "supercomputador público de 40 petaflops en Guadalajara.",
            "El proyecto será financiado con recursos públicos y administrado por la Secretaría "
            "de Ciencia, informó el Gobierno.",
        ],
    ),
    (
        "Chile invertirá 60 millones de dólares en un centro de datos público",
        [
            "Chile invertirá 60 millones de dólares en un centro de datos público para "
            "entrenar modelos de IA en español, anunció la ministra de Ciencia, Paula Rivas.",
            "El centro atenderá a universidades y servicios del Estado.",
        ],
    ),
    (
        "La Generalitat lanza un modelo de IA en catalán",
        [
            "La Generalitat ha lanzado un modelo de lenguaje abierto entrenado en catalán, "
            "desarrollado con el Barcelona Supercomputing Center y financiado con fondos "
            "públicos.",
        ],
    ),
    (
        "Argentina apuesta por una IA soberana",
        [
            "El Gobierno argentino anunció un plan de IA soberana con una inversión de 200 "
            "millones de dólares en capacidad de cómputo.",
            "La iniciativa busca que el país entrene sus propios modelos.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_a_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the state backing AI in passing
        "Telvia y Cloudora crean una empresa conjunta de inteligencia artificial",
        [
            "La operadora Telvia y la estadounidense Cloudora anunciaron el miércoles la "
            "creación de una empresa conjunta al 50% para comercializar servicios de "
            "inteligencia artificial a empresas.",
            "Ambos socios invertirán 250 millones de euros en tres años.",
            "El Gobierno ha situado la IA como una prioridad y apoya la llegada de centros de "
            "datos a España.",
        ],
    ),
    (  # a product launch
        "Cognia lanza un asistente de IA para abogados",
        [
            "La startup madrileña Cognia lanza un nuevo asistente de inteligencia artificial "
            "para despachos de abogados, anunció la compañía.",
            "La herramienta se basa en un gran modelo de lenguaje ajustado al derecho español.",
        ],
    ),
    (  # a privacy fine
        "Multa de 3 millones a una empresa de chatbots",
        [
            "La Agencia Española de Protección de Datos ha impuesto una multa de 3 millones "
            "de euros a la empresa Parlami por entrenar su chatbot con datos personales sin "
            "consentimiento.",
            "La empresa recurrirá la sanción ante los tribunales.",
        ],
    ),
    (  # a law that governs AI
        "El Congreso aprueba la ley que regula los ultrafalsos",
        [
            "El Congreso de los Diputados aprobó el jueves la ley que regula la difusión de "
            "vídeos generados con inteligencia artificial.",
            "La norma prevé sanciones para las plataformas que no etiqueten los contenidos.",
        ],
    ),
    (  # earnings
        "Datacor dispara su facturación gracias a los centros de datos",
        [
            "Datacor elevó su facturación trimestral un 41% interanual, hasta 900 millones de "
            "euros, impulsada por los centros de datos para IA.",
            "El beneficio neto se duplicó y la acción subió un 7% en bolsa.",
            "Los analistas prevén otro trimestre récord.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_has_been_is_not_the_state() -> None:
    title = "Cognia presenta su asistente"
    paras = ["La empresa ha estado trabajando en un modelo de IA con sus clientes."]
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


# --- Rules found on invented whole articles, each with variants -------------------------


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Una empresa vasca desarrolla un chip para coches eléctricos",
            [
                "La compañía Elektra Chips ha desarrollado un semiconductor de potencia para "
                "coches eléctricos con una subvención pública de 5 millones de euros.",
                "El chip no está destinado a la inteligencia artificial.",
            ],
        ),
        (
            None,
            [
                "El Gobierno concede 60 millones de euros a una fábrica de chips para la "
                "automoción en Vigo.",
                "La planta no producirá procesadores para la inteligencia artificial.",
            ],
        ),
        (
            "Ayuda estatal a una planta de carburo de silicio",
            [
                "El Ministerio de Industria apoyará con 30 millones una planta de carburo de "
                "silicio para vehículos eléctricos.",
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
        "La región necesita entrenar sus propios modelos.",
        "Chile quiere tener su propia IA.",
        "«Tendremos nuestro propio supercomputador», dijo la ministra.",
    ],
)
def test_building_ones_own_capability_says_it_outright(sentence: str) -> None:
    _, reasons = score_relevance_in("es", None, [sentence], ())
    assert any(r.startswith("says it outright") for r in reasons)
