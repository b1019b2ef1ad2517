"""Portuguese quotes and speakers, on invented news snippets (Agência, ministry, tech style;
Brazilian “ ” and European « »)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def found(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_quotes_in("pt", paragraphs(text))]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes_in("pt", paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "“É um passo importante, mas precisamos de continuidade”, afirmou Paula Mendes, "
            "professora da Universidade de São Paulo.",
            "Paula Mendes",
            "professora da Universidade de São Paulo",
        ),
        (
            "«Portugal tem de garantir capacidade de computação própria», declarou o ministro "
            "da Economia, Rui Tavares Gomes.",
            "Rui Tavares Gomes",
            "ministro da Economia",
        ),
        (
            "“Os dados dos brasileiros precisam ficar no Brasil”, disse Renato Figueira, "
            "diretor de tecnologia da Nuvem Verde.",
            "Renato Figueira",
            "diretor de tecnologia da Nuvem Verde",
        ),
        (
            "“O supercomputador estará pronto no segundo semestre”, explicou Joana dos Santos "
            "à Agência Brasil.",
            "Joana dos Santos",
            None,
        ),
    ],
)
def test_verb_then_speaker(text: str, speaker: str, role: str | None) -> None:
    assert found(text) == [(speaker, role)]


@pytest.mark.parametrize(
    "follow",
    [
        "“Vamos priorizar dados em português e a nossa diversidade cultural”, acrescentou.",
        "“Vamos priorizar dados em português e a nossa diversidade cultural”, disse ela.",
        "“Vamos priorizar dados em português e a nossa diversidade cultural”, afirmou a ministra.",
        "“Vamos priorizar dados em português e a nossa diversidade cultural”, completou Duarte.",
    ],
)
def test_follow_up_quote_is_the_same_minister(follow: str) -> None:
    text = (
        "A ministra da Ciência, Tecnologia e Inovação, Helena Duarte, anunciou um investimento "
        "de 2 bilhões de reais.\n"
        "“O Brasil não pode depender de modelos treinados fora do país”, disse a ministra.\n"
        + follow
    )
    assert found(text) == [("Helena Duarte", "ministra da Ciência, Tecnologia e Inovação")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Segundo Tiago Barros, “as empresas finalmente terão acesso a supercomputadores”.",
        "Para Tiago Barros, presidente da associação Softex, “as empresas finalmente terão "
        "acesso a supercomputadores”.",
        "Tiago Barros, presidente da associação Softex, avalia que “as empresas finalmente "
        "terão acesso a supercomputadores”.",
        "De acordo com Tiago Barros, “as empresas finalmente terão acesso a supercomputadores”.",
        "Tiago Barros disse: “As empresas finalmente terão acesso a supercomputadores.”",
    ],
)
def test_speaker_before_the_quote(text: str) -> None:
    assert speakers(text) == ["Tiago Barros"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "O Ministério da Ciência, Tecnologia e Inovação informou em nota que “os recursos "
            "serão liberados até dezembro”.",
            "Ministério da Ciência, Tecnologia e Inovação",
        ),
        (
            "“Os primeiros clientes serão órgãos públicos”, informou a Serpro em comunicado.",
            "Serpro",
        ),
        (
            "Segundo um porta-voz da Petrobras, “a empresa vai treinar modelos próprios”.",
            "Petrobras",
        ),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "O governo lançou o programa “IA para o Bem de Todos os Brasileiros” nesta segunda.",
        "O plano, batizado de “Brasil mais inteligente em cada município”, prevê 5 bilhões.",
        "O evento “Inteligência artificial e soberania digital no Sul” reuniu empresários.",
        "Especialistas falam de uma ‘corrida pela soberania digital’ na América Latina.",
    ],
)
def test_names_and_terms_are_not_quotes(text: str) -> None:
    assert speakers(text) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "O governo federal vai investir 1,5 bilhão de reais num supercomputador para "
        "treinar modelos de linguagem em português.\n\n"
        "“Queremos que as universidades e as startups brasileiras tenham infraestrutura "
        "própria”, afirmou o secretário de Ciência e Tecnologia, Márcio Albuquerque.\n\n"
        "“A primeira fase fica pronta em 2026”, acrescentou.\n\n"
        "Para Beatriz Lacerda, pesquisadora do Instituto Nacional de Computação, “o valor "
        "ainda é pequeno diante dos concorrentes”."
    )
    result = analyze(None, text, language="pt")
    assert result.language == "pt"
    assert [q.speaker for q in result.quotes] == [
        "Márcio Albuquerque",
        "Márcio Albuquerque",
        "Beatriz Lacerda",
    ]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("disse à Agência Brasil Fernanda Reis", "Fernanda Reis"),
        ("afirmou ao jornal Correio do Norte a secretária, Fernanda Reis", "Fernanda Reis"),
        ("disse à Agência Brasil", "Lívia Prado"),
    ],
)
def test_whom_it_was_said_to_is_not_the_speaker(said: str, speaker: str) -> None:
    text = (
        "A governadora Lívia Prado inaugurou o centro de dados.\n"
        f"“O centro vai atender todas as universidades públicas do estado”, {said}."
    )
    assert speakers(text) == [speaker]


def test_role_ends_where_the_circumstances_begin() -> None:
    text = (
        "A secretária de Inovação, Carla Nogueira, abriu o evento.\n"
        "“Queremos chegar a todos os municípios do país”, afirmou a secretária durante a "
        "cerimônia em Brasília."
    )
    assert found(text) == [("Carla Nogueira", "secretária de Inovação")]


@pytest.mark.parametrize(
    "opinion",
    [
        "Para o pesquisador Renato Lins, da Universidade Federal, o plano é “ambicioso”.",
        "Segundo o pesquisador Renato Lins, o plano é ambicioso.",
        "O pesquisador Renato Lins avaliou que o plano é ambicioso.",
    ],
)
def test_bare_verb_after_an_opinion_without_quote(opinion: str) -> None:
    text = (
        "“O Brasil tem dados e talentos para ser protagonista”, disse a ministra Helena "
        "Duarte.\n"
        f"{opinion} “Sem supercomputador próprio, a pesquisa continuará dependente”, afirmou."
    )
    assert speakers(text) == ["Helena Duarte", "Renato Lins"]
