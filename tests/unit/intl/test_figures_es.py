"""Figures in Spanish news: every sentence is invented (made-up ministries, firms, amounts),
in the style of Spanish, Mexican, Argentine, Chilean and Colombian agency and tech copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("ES",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("es", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("El Gobierno destinará 5.000 millones de euros a la IA.", 5e9),
        ("La Secretaría anunció una inversión de mil millones de euros.", 1e9),
        ("El plan suma 5 mil millones de euros hasta 2030.", 5e9),
        ("La fundación aporta 500.000 euros al proyecto.", 5e5),
        ("El consorcio recibirá 2,5 millones de euros.", 2.5e6),
        ("Bruselas libera un millón de euros para el piloto.", 1e6),
        ("La comunidad invertirá 300 mil euros en becas.", 3e5),
        ("Se reservan dos mil millones de euros para chips.", 2e9),
        ("El fondo alcanza los 1.500 millones de euros.", 1.5e9),
        ("El Estado pone 20 M€ en la primera fase.", 2e7),
    ],
)
def test_euros_with_scale_words(sentence: str, value: float) -> None:
    assert read(sentence) == [("money", value, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "countries", "unit", "value"),
    [
        ("México invertirá $15,000 millones de pesos en el centro.", ("MX",), "MXN", 1.5e10),
        ("El Gobierno destinó $8.000 millones a la agencia.", ("AR",), "ARS", 8e9),
        ("Argentina recibirá US$ 2.000 millones del banco.", ("AR",), "USD", 2e9),
        ("La empresa captó 500 mdd en su última ronda.", ("MX",), "USD", 5e8),
        ("Se asignaron mil 500 millones de pesos a becas.", ("MX",), "MXN", 1.5e9),
        ("Hacienda asignó 2 mil 500 millones de pesos al centro.", ("MX",), "MXN", 2.5e9),
        ("El estado aporta 12 mil 300 millones de pesos.", ("MX",), "MXN", 1.23e10),
        ("Chile aporta 9.500 millones de pesos chilenos.", ("CL",), "CLP", 9.5e9),
        ("La firma levantó 40 millones de dólares.", ("ES",), "USD", 4e7),
        ("Colombia invierte 200.000 millones de pesos en IA.", ("CO",), "COP", 2e11),
        ("Lima destina 50 millones de soles al plan.", ("PE",), "PEN", 5e7),
    ],
)
def test_pesos_dollars_and_the_bare_sign(
    sentence: str, countries: tuple[str, ...], unit: str, value: float
) -> None:
    assert read(sentence, countries) == [("money", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("El presupuesto oscila entre 10 y 15 millones de euros.", 1.5e7, 1e7),
        ("Costará de 200 a 300 millones de euros.", 3e8, 2e8),
        ("Se necesitan entre unos 2 y 3 mil millones de euros.", 3e9, 2e9),
        ("Habrá ayudas de 50.000 a 100.000 euros por empresa.", 1e5, 5e4),
    ],
)
def test_money_ranges_are_one_figure(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "EUR", low)]


@pytest.mark.parametrize(
    "sentence",
    [
        "La inversión pasó de 200 a 350 millones de euros.",
        "El gasto aumentó de 200 a 350 millones de euros en un año.",
        "La partida subió de 200 a 350 millones de euros.",
    ],
)
def test_a_change_from_to_is_two_figures(sentence: str) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money == [("money", 2e8, "EUR", None), ("money", 3.5e8, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("El plan reúne 5.000 millones de euros, de los que 1.500 millones irán a chips.", 1.5e9),
        ("España aporta 600 millones de euros y las regiones 200 millones.", 2e8),
        ("Son 900 millones de euros, 300 millones de ellos para formación.", 3e8),
    ],
)
def test_a_later_amount_keeps_the_sentence_currency(sentence: str, second: float) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money[1] == ("money", second, "EUR", None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("El proyecto contratará a 300 investigadores.", 300, "researcher"),
        ("El modelo tiene 7.000 millones de parámetros.", 7e9, "parameter"),
        ("Fue entrenado con 40.000 millones de palabras.", 4e10, "word"),
        ("Funciona en cinco lenguas cooficiales.", 5, "language"),
        ("El centro tendrá 8.000 GPU de Nvidia.", 8000, "GPU"),
        ("Se crearán veinticinco nuevos centros de investigación.", 25, "research center"),
        ("La startup tenía 50 empleados en 2023.", 50, "employee"),
        ("Participan 120 ingenieros e investigadores.", 120, "engineer and researcher"),
        ("Medio millón de estudiantes usará la plataforma.", 5e5, "student"),
        ("Un millón de usuarios accederá al servicio.", 1e6, "user"),
        ("El país levantará tres centros de datos.", 3, "data center"),
        ("Más de 400 pymes se han adherido.", 400, "SME"),
        ("Los 27 estados miembros aprobaron el texto.", 27, "member state"),
        ("Veintiún países firmaron la carta.", 21, "country"),
        ("Hay treinta y un laboratorios asociados.", 31, "laboratory"),
        ("Se abrirán ciento veinte laboratorios.", 120, "laboratory"),
    ],
)
def test_counts_take_the_english_noun(sentence: str, value: float, unit: str) -> None:
    counts = [r for r in read(sentence) if r[0] == "count"]
    assert counts == [("count", value, unit, None)]


@pytest.mark.parametrize(
    "sentence",
    ["El parque tiene 40 aerogeneradores.", "La ciudad plantó 5.000 olivos."],
)
def test_a_noun_outside_the_glossary_is_not_counted(sentence: str) -> None:
    assert [r for r in read(sentence) if r[0] == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("El programa durará tres años.", 3, "year", None),
        ("En dieciocho meses estará listo.", 18, "month", None),
        ("La obra tardará de seis a ocho meses.", 8, "month", 6),
        ("Dirige el equipo desde hace cinco años.", 5, "year", None),
        ("Los próximos 18 meses serán decisivos.", 18, "month", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert read(sentence) == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Está financiada al 100% con recursos públicos.", 100),
        ("El 40 por ciento de las pymes usa IA.", 40),
        ("El paro bajó 1,5 puntos porcentuales.", 1.5),
        ("La adopción llega al 25,5 %.", 25.5),
    ],
)
def test_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("El centro tendrá una potencia de 150 megavatios.", 150, "MW"),
        ("El campus llegará a 1 GW en 2030.", 1, "GW"),
        ("MareNostrum 5 alcanza 314 petaflops.", 314, "PFLOPS"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Solo 2 de cada 10 empresas usan IA.", 20),
        ("Un tercio de los hogares tiene fibra.", 33.33),
        ("Tres de cada cuatro jóvenes usa asistentes.", 75),
        ("Dos tercios de las pymes no invierten.", 66.67),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "El 12 de marzo de 2025 la ministra presentó la versión 2.0 del plan.",
        "En 2024 hubo más empresas emergentes que en 2023.",
        "María López, de 38 años, dirige el equipo.",
        "Hace dos años, el laboratorio abrió sus puertas.",
        "La cumbre se celebrará del 10 al 12 de febrero en la planta 3.",
        "El artículo 12 del reglamento entra en vigor en 2026.",
        "Tres años después, el proyecto se canceló.",
    ],
)
def test_dates_years_ages_labels_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "El Gobierno aprobó este martes una inversión de 1.500 millones de euros para "
        "construir una infraestructura pública de inteligencia artificial, de los que 400 "
        "millones se destinarán a supercomputación.\n\n"
        "El nuevo centro de datos de Zaragoza contará con 6.000 GPU y una potencia de 90 "
        "megavatios, y entrará en servicio en dieciocho meses, según el ministerio.\n\n"
        "“Formaremos a 3.000 investigadores en los próximos años”, declaró la secretaria "
        "de Estado, Lucía Ferrer. Hoy, el 28% de las empresas españolas usa ya algún "
        "modelo de lenguaje, frente a un 15% el año anterior."
    )
    analysis = analyze("España lanza una red pública de supercomputación para la IA", text)
    assert analysis.language == "es"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 1.5e9, "EUR"),
        ("money", 4e8, "EUR"),
        ("count", 6000, "GPU"),
        ("capacity", 90, "MW"),
        ("duration", 18, "month"),
        ("count", 3000, "researcher"),
        ("percent", 28, "%"),
        ("percent", 15, "%"),
    }
