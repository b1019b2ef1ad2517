"""Spanish quotes and speakers, on invented news snippets (EFE, ministry, tech-site style)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def found(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_quotes_in("es", paragraphs(text))]


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes_in("es", paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "“La inversión permitirá entrenar modelos en castellano”, declara Marta Quintana, "
            "profesora de la Universidad de Salamanca.",
            "Marta Quintana",
            "profesora de la Universidad de Salamanca",
        ),
        (
            "“Este equipo nos dará independencia tecnológica”, afirmó Lucía Ferrer durante "
            "el acto.",
            "Lucía Ferrer",
            None,
        ),
        (
            "«Las pymes tendrán acceso a la misma potencia de cálculo», señaló el consejero "
            "delegado de Datalia, Carlos Ibáñez.",
            "Carlos Ibáñez",
            "consejero delegado de Datalia",
        ),
        (
            "“Es un paso necesario pero todavía insuficiente”, dijo a EFE Andrés Villalba, "
            "investigador del CSIC.",
            "Andrés Villalba",
            "investigador del CSIC",
        ),
    ],
)
def test_verb_then_speaker_with_role(text: str, speaker: str, role: str | None) -> None:
    assert found(text) == [(speaker, role)]


@pytest.mark.parametrize("verb", ["añade", "añadió", "agregó", "concluye", "explicó"])
def test_next_paragraph_with_only_a_verb_keeps_the_speaker(verb: str) -> None:
    text = (
        "“Queremos reducir la dependencia de los modelos extranjeros”, declara Elena Prats, "
        "directora del Instituto de Lenguas Digitales.\n"
        f"“También hay que formar a miles de ingenieros en todo el país”, {verb}."
    )
    assert found(text) == [
        ("Elena Prats", "directora del Instituto de Lenguas Digitales"),
        ("Elena Prats", "directora del Instituto de Lenguas Digitales"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pablo Etxeberria, director de innovación de Kalea Labs, señala que “el modelo abre "
        "la puerta a nuevas aplicaciones en euskera”.",
        "Según Pablo Etxeberria, “el modelo abre la puerta a nuevas aplicaciones en euskera”.",
        "Para Pablo Etxeberria, “el modelo abre la puerta a nuevas aplicaciones en euskera”.",
        "Pablo Etxeberria explicó: “El modelo abre la puerta a nuevas aplicaciones en euskera.”",
        "De acuerdo con Pablo Etxeberria, “el modelo abre la puerta a nuevas aplicaciones en "
        "euskera”.",
    ],
)
def test_speaker_named_before_the_quote(text: str) -> None:
    assert [s for _, s in quotes(text)] == ["Pablo Etxeberria"]


def test_minister_referred_to_by_role_and_surname() -> None:
    text = (
        "La ministra de Ciencia e Innovación, Lucía Ferrer, presentó el superordenador.\n"
        "“Nadie se quedará fuera”, aseguró la ministra, “ni las universidades pequeñas ni "
        "las comunidades autónomas”.\n"
        "“El plan se revisará cada año”, indicó Ferrer."
    )
    assert [s for _, s in quotes(text)] == ["Lucía Ferrer", "Lucía Ferrer", "Lucía Ferrer"]
    assert found(text)[0] == ("Lucía Ferrer", "ministra de Ciencia e Innovación")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "El Ministerio de Transformación Digital explicó en un comunicado que “la "
            "inversión total asciende a 300 millones de euros”.",
            "Ministerio de Transformación Digital",
        ),
        (
            "“La convocatoria se abrirá en septiembre”, informó el Barcelona Supercomputing "
            "Center en una nota.",
            "Barcelona Supercomputing Center",
        ),
        (
            "Según un portavoz de Telefónica Tech, “los centros de datos estarán listos en 2026”.",
            "Telefónica Tech",
        ),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "El presidente clausuró el encuentro ‘Inteligencia artificial para todos los "
        "públicos’ en Madrid.",
        "El Gobierno presentó el programa “Talento digital para la España rural” este lunes.",
        "La iniciativa, denominada «Lenguas vivas en la red», arrancará en octubre.",
        "El proyecto se inscribe en la “Estrategia Nacional de Inteligencia Artificial”.",
        "Los expertos hablan de una ‘carrera por la soberanía tecnológica’ en Europa.",
    ],
)
def test_titles_and_terms_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "El Gobierno destinará 250 millones de euros a una red pública de supercomputación "
        "para entrenar modelos de lenguaje en español y lenguas cooficiales.\n\n"
        "“Queremos que nuestras empresas no dependan de infraestructuras de otros países”, "
        "afirmó el secretario de Estado de Digitalización, Javier Montero.\n\n"
        "“Los primeros nodos estarán en Barcelona y Valencia”, añadió.\n\n"
        "Inés Calvo, analista de la consultora Datum Iberia, señala que “la cifra es "
        "modesta frente a lo que invierten Francia o Alemania”."
    )
    result = analyze(None, text, language="es")
    assert result.language == "es"
    assert [(q.speaker, q.role) for q in result.quotes] == [
        ("Javier Montero", "secretario de Estado de Digitalización"),
        ("Javier Montero", "secretario de Estado de Digitalización"),
        ("Inés Calvo", "analista de la consultora Datum Iberia"),
    ]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("dijo a EFE Andrés Villalba", "Andrés Villalba"),
        ("ha señalado a Europa Press el director del centro, Andrés Villalba", "Andrés Villalba"),
        ("explicó al diario El Norte la directora, Rosa Llamas", "Rosa Llamas"),
        ("dijo a EFE", "Pilar Soler"),
    ],
)
def test_whom_it_was_said_to_is_not_the_speaker(said: str, speaker: str) -> None:
    text = (
        "La consejera Pilar Soler inauguró el centro de datos.\n"
        f"“El centro estará abierto a todas las universidades públicas”, {said}."
    )
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Según él, “el calendario se cumplirá pese a los retrasos en las entregas”.",
        "Él aseguró: “El calendario se cumplirá pese a los retrasos en las entregas.”",
        "“El calendario se cumplirá pese a los retrasos en las entregas”, aseguró.",
    ],
)
def test_pronoun_or_no_subject_is_the_person_in_focus(text: str) -> None:
    intro = "El consejero delegado de Datalia, Carlos Ibáñez, presentó los resultados.\n"
    assert [s for _, s in quotes(intro + text)] == ["Carlos Ibáñez"]


@pytest.mark.parametrize(
    ("said", "speaker", "role"),
    [
        (
            "aseguró el ministro para la Transformación Digital, Ernesto Galindo, en Madrid",
            "Ernesto Galindo",
            "ministro para la Transformación Digital",
        ),
        (
            "dijo a EFE la presidenta de la asociación, Nuria Salvador",
            "Nuria Salvador",
            "presidenta de la asociación",
        ),
        (
            "afirmó la consejera de Economía, Rosa Llamas, durante el acto",
            "Rosa Llamas",
            "consejera de Economía",
        ),
    ],
)
def test_role_written_before_the_name_after_the_verb(said: str, speaker: str, role: str) -> None:
    text = f"“Es la mayor apuesta pública por la soberanía tecnológica”, {said}."
    assert found(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("informó la Agencia estatal de computación este lunes", "Agencia estatal de computación"),
        ("explicó la empresa en un comunicado", "Datalia"),
        ("señaló el Gobierno de Aragón durante la presentación", "Gobierno de Aragón"),
    ],
)
def test_organisation_name_ends_at_the_circumstances(said: str, speaker: str) -> None:
    text = (
        "La empresa Datalia abrirá un centro de datos en Huesca.\n"
        f"“El centro dará servicio a universidades de todo el país”, {said}."
    )
    assert [s for _, s in quotes(text)] == [speaker]
