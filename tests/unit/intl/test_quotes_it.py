"""Italian quotes and speakers, on invented news snippets (ANSA, ministry, tech-site style)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def found(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_quotes_in("it", paragraphs(text))]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes_in("it", paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "«È una scelta coraggiosa ma necessaria», ha detto Marco Ferri, docente del "
            "Politecnico di Milano.",
            "Marco Ferri",
            "docente del Politecnico di Milano",
        ),
        (
            "«Il nuovo supercalcolatore sarà tra i primi cinque in Europa», ha dichiarato "
            "Laura Bellini all'ANSA.",
            "Laura Bellini",
            None,
        ),
        (
            "“Le imprese italiane non possono restare indietro”, ha sottolineato il "
            "presidente di Assintel, Elena Russo.",
            "Elena Russo",
            "presidente di Assintel",
        ),
        (
            "«Abbiamo bisogno di dati in italiano di qualità», spiega Giulia De Santis, "
            "ricercatrice della Fondazione Bruno Kessler.",
            "Giulia De Santis",
            None,
        ),
    ],
)
def test_verb_then_speaker(text: str, speaker: str, role: str | None) -> None:
    result = found(text)
    assert [s for s, _ in result] == [speaker]
    if role is not None:
        assert result[0][1] == role


@pytest.mark.parametrize(
    "follow",
    [
        "«Investiremo un miliardo di euro nei prossimi tre anni», ha aggiunto.",
        "«Investiremo un miliardo di euro nei prossimi tre anni», ha aggiunto il ministro.",
        "«Investiremo un miliardo di euro nei prossimi tre anni», ha precisato Santini.",
        "«Investiremo un miliardo di euro nei prossimi tre anni».",
    ],
)
def test_follow_up_quote_is_the_same_minister(follow: str) -> None:
    text = (
        "Il ministro per le Imprese e il Made in Italy, Giorgio Santini, ha presentato ieri "
        "il piano nazionale.\n"
        "«L'Italia deve avere una propria infrastruttura di calcolo», ha dichiarato Santini.\n"
        + follow
    )
    assert found(text) == [("Giorgio Santini", "ministro per le Imprese e il Made in Italy")] * 2


@pytest.mark.parametrize(
    "text",
    [
        "Secondo Laura Bellini, «il nuovo supercalcolatore sarà tra i primi cinque in Europa».",
        "Per Laura Bellini, direttrice del Cineca, «il nuovo supercalcolatore sarà tra i primi "
        "cinque in Europa».",
        "Laura Bellini ha spiegato che «il nuovo supercalcolatore sarà tra i primi cinque in "
        "Europa».",
        "Laura Bellini ha dichiarato: «Il nuovo supercalcolatore sarà tra i primi cinque in "
        "Europa».",
        "Stando a Laura Bellini, «il nuovo supercalcolatore sarà tra i primi cinque in Europa».",
    ],
)
def test_speaker_before_the_quote(text: str) -> None:
    assert speakers(text) == ["Laura Bellini"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Il ministero dell'Università ha precisato in una nota che «i fondi saranno "
            "assegnati entro marzo».",
            "Ministero dell'Università",
        ),
        (
            "«Il bando si chiuderà il 30 giugno», ha comunicato l'Istituto Nazionale di Calcolo.",
            "Istituto Nazionale di Calcolo",
        ),
        (
            "Secondo un portavoce di Leonardo, «l'azienda addestrerà modelli propri».",
            "Leonardo",
        ),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Il governo ha varato il piano «Intelligenza artificiale per tutte le scuole» ieri.",
        "Il progetto, battezzato «Calcolo italiano per la ricerca», partirà a maggio.",
        "Al convegno “Il futuro dell'intelligenza artificiale in Europa” c'erano mille persone.",
        "Gli esperti parlano di una ‘corsa alla sovranità tecnologica’ in tutta Europa.",
    ],
)
def test_names_and_terms_are_not_quotes(text: str) -> None:
    assert speakers(text) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "Il governo stanzierà 800 milioni di euro per un nuovo centro di supercalcolo a "
        "Bologna dedicato all'intelligenza artificiale.\n\n"
        "«Vogliamo che università e imprese possano addestrare i loro modelli in Italia», "
        "ha dichiarato la sottosegretaria all'Innovazione, Chiara Montanari.\n\n"
        "«Le prime macchine arriveranno entro l'estate», ha aggiunto.\n\n"
        "Per Davide Ricci, presidente dell'associazione Italia Digitale, «è un buon inizio, "
        "ma servono investimenti continui»."
    )
    result = analyze(None, text, language="it")
    assert result.language == "it"
    assert [q.speaker for q in result.quotes] == [
        "Chiara Montanari",
        "Chiara Montanari",
        "Davide Ricci",
    ]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("ha detto all'ANSA Paolo Greco", "Paolo Greco"),
        ("ha spiegato al quotidiano Il Mattino il rettore, Paolo Greco", "Paolo Greco"),
        ("ha detto all'ANSA", "Sara Conti"),
    ],
)
def test_whom_it_was_said_to_is_not_the_speaker(said: str, speaker: str) -> None:
    text = (
        "La presidente della regione, Sara Conti, ha inaugurato il centro di calcolo.\n"
        f"«Il centro sarà aperto a tutte le università della regione», {said}."
    )
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("verb", ["ha poi aggiunto", "ha anche detto", "ha inoltre spiegato"])
def test_adverb_inside_the_tense(verb: str) -> None:
    text = f"«I primi fondi arriveranno alle università del Sud», {verb} Marco Ferri."
    assert speakers(text) == ["Marco Ferri"]


@pytest.mark.parametrize(
    "opinion",
    [
        "Secondo il ricercatore Luca Marino, il piano è ambizioso.",
        "Per il ricercatore Luca Marino, del Cnr, il piano è «ambizioso».",
        "Il ricercatore Luca Marino ha spiegato che il piano è ambizioso.",
    ],
)
def test_bare_verb_after_an_opinion_without_quote(opinion: str) -> None:
    text = (
        "«L'Italia ha i talenti per essere protagonista», ha detto la ministra Anna Greco.\n"
        f"{opinion} «Senza un supercalcolatore nostro dipenderemo sempre dagli altri», ha "
        "aggiunto."
    )
    assert speakers(text) == ["Anna Greco", "Luca Marino"]
