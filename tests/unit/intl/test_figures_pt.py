"""Figures in Portuguese news: every sentence is invented (made-up ministries, firms,
amounts), in the style of Brazilian and Portuguese agency, business and tech copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("BR",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("pt", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("O governo vai investir R$ 23 bilhões em inteligência artificial.", 2.3e10),
        ("O BNDES liberou R$ 1,5 bilhão para data centers.", 1.5e9),
        ("A estatal anunciou 500 milhões de reais para o projeto.", 5e8),
        ("O fundo recebeu R$ 5,7 bi do Tesouro.", 5.7e9),
        ("A startup captou R$ 300 mi em sua rodada.", 3e8),
        ("O programa terá cinco bilhões de reais até 2028.", 5e9),
        ("A prefeitura aplicou R$ 800 mil em bolsas.", 8e5),
        ("O ministério reservou R$ 12.000.000 para a pesquisa.", 1.2e7),
        ("Serão 2,5 bilhões de reais em quatro anos.", 2.5e9),
    ],
)
def test_reais(sentence: str, value: float) -> None:
    assert [r for r in read(sentence) if r[0] == "money"] == [("money", value, "BRL", None)]


@pytest.mark.parametrize(
    ("sentence", "countries", "unit", "value"),
    [
        ("A empresa captou US$ 300 milhões.", ("BR",), "USD", 3e8),
        ("Lisboa destina 1,2 mil milhões de euros à IA.", ("PT",), "EUR", 1.2e9),
        ("O fundo reuniu 40 milhões de dólares americanos.", ("BR",), "USD", 4e7),
        ("Portugal investe 250 milhões de euros no supercomputador.", ("PT",), "EUR", 2.5e8),
        ("O acordo prevê 2 bilhões de dólares.", ("BR",), "USD", 2e9),
    ],
)
def test_other_currencies(
    sentence: str, countries: tuple[str, ...], unit: str, value: float
) -> None:
    assert read(sentence, countries) == [("money", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("O investimento de 2 a 3 bilhões de reais começa em 2026.", 3e9, 2e9),
        ("Custará entre 10 e 15 milhões de reais.", 1.5e7, 1e7),
        ("Serão entre cerca de 400 e 600 milhões de reais.", 6e8, 4e8),
    ],
)
def test_money_ranges_are_one_figure(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "BRL", low)]


@pytest.mark.parametrize(
    "sentence",
    [
        "O orçamento passou de R$ 1 bilhão para R$ 2,5 bilhões.",
        "A verba subiu de 1 bilhão para 2,5 bilhões de reais.",
        "O aporte cresceu de R$ 1 bilhão para R$ 2,5 bilhões no ano.",
    ],
)
def test_a_change_from_to_is_two_figures(sentence: str) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money == [("money", 1e9, "BRL", None), ("money", 2.5e9, "BRL", None)]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("O plano soma R$ 23 bilhões, dos quais R$ 5,7 bilhões em infraestrutura.", 5.7e9),
        ("São 10 bilhões de reais, sendo 3 bilhões para formação.", 3e9),
        ("A União entra com 800 milhões de reais e os estados com 200 milhões.", 2e8),
    ],
)
def test_a_later_amount_keeps_the_sentence_currency(sentence: str, second: float) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money[1] == ("money", second, "BRL", None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("O supercomputador terá 1.000 GPUs da Nvidia.", 1000, "GPU"),
        ("O modelo tem 70 bilhões de parâmetros.", 7e10, "parameter"),
        ("Ele fala 12 idiomas, incluindo o tupi.", 12, "language"),
        ("O plano prevê a formação de 5 mil pesquisadores.", 5000, "researcher"),
        ("Serão 100 mil estudantes beneficiados.", 1e5, "student"),
        ("A empresa contratou cento e vinte desenvolvedores.", 120, "developer"),
        ("O país terá 20 novos centros de dados.", 20, "data center"),
        ("O projeto tinha doze engenheiros em 2022.", 12, "engineer"),
        ("Participam 300 professores e pesquisadores.", 300, "professor and researcher"),
        ("O edital atendeu 450 empresas de todo o país.", 450, "company"),
        ("A rede conecta 27 universidades federais.", 27, "university"),
        ("A consulta ouviu 1.500 executivos.", 1500, "executive"),
        ("Serão trinta e uma universidades.", 31, "university"),
        ("Participam duzentos pesquisadores.", 200, "researcher"),
    ],
)
def test_counts_take_the_english_noun(sentence: str, value: float, unit: str) -> None:
    counts = [r for r in read(sentence) if r[0] == "count"]
    assert counts == [("count", value, unit, None)]


@pytest.mark.parametrize(
    "sentence", ["A fazenda tem 400 bois.", "O parque instalou 40 aerogeradores."]
)
def test_a_noun_outside_the_glossary_is_not_counted(sentence: str) -> None:
    assert [r for r in read(sentence) if r[0] == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("O programa terá duração de quatro anos.", 4, "year", None),
        ("A obra ficará pronta nos próximos 18 meses.", 18, "month", None),
        ("A fase piloto dura de seis a oito meses.", 8, "month", 6),
        ("O acordo vale por duas décadas.", 20, "year", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert read(sentence) == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("Entre 30% e 40% das empresas usam IA.", 40, 30),
        ("A adoção chegou a 25 por cento.", 25, None),
        ("O índice caiu 2 pontos percentuais.", 2, None),
        ("Cerca de 12,5% dos servidores públicos usam a ferramenta.", 12.5, None),
    ],
)
def test_percents(sentence: str, value: float, low: float | None) -> None:
    assert [r for r in read(sentence) if r[0] == "percent"] == [("percent", value, "%", low)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("O data center terá 30 megawatts.", 30, "MW"),
        ("A máquina chega a 2 exaflops.", 2, "EFLOPS"),
        ("O campus terá 1,2 GW até 2030.", 1.2, "GW"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Segundo o IBGE, 3 em cada 10 empresas usam IA.", 30),
        ("Dois terços das escolas têm internet.", 66.67),
        ("Um quarto dos municípios aderiu ao programa.", 25),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Em 12 de março de 2025 a ministra apresentou a versão 2.0 do plano.",
        "Em 2024 surgiram mais startups do que em 2023.",
        "Maria Souza, de 38 anos, lidera a equipe.",
        "Há três anos, o projeto ainda não existia.",
        "O evento ocorre de 10 a 12 de fevereiro em São Paulo.",
        "O artigo 7 da lei trata da fase 2.",
        "Três anos depois, o centro foi fechado.",
    ],
)
def test_dates_years_ages_and_labels_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "O governo federal anunciou nesta terça-feira um plano de R$ 23 bilhões para "
        "desenvolver inteligência artificial no país, dos quais R$ 5,7 bilhões serão "
        "aplicados em infraestrutura de computação.\n\n"
        "O novo supercomputador, que ficará em Campinas, terá 4.000 GPUs e consumo de "
        "40 megawatts. A previsão é que entre em operação em dezoito meses.\n\n"
        "“Vamos formar 10 mil pesquisadores até 2028”, afirmou a ministra Helena Carvalho. "
        "Segundo a pesquisa, 22% das empresas brasileiras já usam modelos de linguagem."
    )
    analysis = analyze("Brasil lança plano de inteligência artificial de R$ 23 bilhões", text)
    assert analysis.language == "pt"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 2.3e10, "BRL"),
        ("money", 5.7e9, "BRL"),
        ("count", 4000, "GPU"),
        ("capacity", 40, "MW"),
        ("duration", 18, "month"),
        ("count", 10000, "researcher"),
        ("percent", 22, "%"),
    }
