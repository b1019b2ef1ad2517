"""German quotes and speakers, on invented news snippets (dpa, ministry, tech-site style)."""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes_in("de", paragraphs(text))]


def roles(text: str) -> list[str | None]:
    return [q.role for q in extract_quotes_in("de", paragraphs(text))]


_INTRO = (
    "Bundesdigitalminister Karsten Wildberger hat am Dienstag ein Förderprogramm vorgestellt.\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        "„Wir brauchen eigene Rechenzentren in Europa“, sagte Wildberger der Deutschen "
        "Presse-Agentur.",
        "„Wir brauchen eigene Rechenzentren in Europa“, betonte Wildberger in Berlin.",
        "„Wir brauchen eigene Rechenzentren in Europa“, so Wildberger.",
        "»Wir brauchen eigene Rechenzentren in Europa«, erklärte Wildberger am Abend.",
        "„Wir brauchen eigene Rechenzentren in Europa“, sagte der Minister.",
        "Wildberger sagte: „Wir brauchen eigene Rechenzentren in Europa.“",
    ],
)
def test_surname_or_role_after_the_quote_is_the_full_name(quote: str) -> None:
    result = extract_quotes_in("de", paragraphs(_INTRO + quote))
    assert [(q.speaker, q.role) for q in result] == [
        ("Karsten Wildberger", "Bundesdigitalminister")
    ]


@pytest.mark.parametrize(
    "follow",
    [
        "„Die ersten Bescheide kommen noch in diesem Jahr“, fügte er hinzu.",
        "„Die ersten Bescheide kommen noch in diesem Jahr“, sagte er.",
        "„Die ersten Bescheide kommen noch in diesem Jahr.“",
    ],
)
def test_pronoun_or_nothing_is_the_previous_speaker(follow: str) -> None:
    text = (
        "„Ohne Rechenleistung keine Souveränität“, sagte die Forschungsministerin "
        "Dorothee Albrecht.\n" + follow
    )
    assert [s for _, s in quotes(text)] == ["Dorothee Albrecht", "Dorothee Albrecht"]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Die Präsidentin des Branchenverbands Digitalwirtschaft, Helga Brandt, lobte den "
            "Plan: „Das ist ein wichtiges Signal für den Mittelstand.“",
            "Helga Brandt",
            "Präsidentin des Branchenverbands Digitalwirtschaft",
        ),
        (
            "„Die Förderung kommt zu spät und ist zu klein“, kritisierte dagegen der "
            "Informatiker Jonas Keller von der Universität Jena.",
            "Jonas Keller",
            "Informatiker",
        ),
        (
            "„Wir werden unsere Modelle in Frankfurt trainieren“, sagte Nora Vogt, "
            "Mitgründerin des Start-ups Lingua Nova.",
            "Nora Vogt",
            "Mitgründerin des Start-ups Lingua Nova",
        ),
        (
            "Laut Bitkom-Präsident Ralf Winterstein „reicht das Geld bei weitem nicht aus“.",
            "Ralf Winterstein",
            "Bitkom-Präsident",
        ),
    ],
)
def test_speaker_and_role(text: str, speaker: str, role: str) -> None:
    result = extract_quotes_in("de", paragraphs(text))
    assert [(q.speaker, q.role) for q in result] == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Das Bundesministerium für Forschung teilte mit: „Insgesamt stehen 1,2 Milliarden "
            "Euro zur Verfügung.“",
            "Bundesministerium für Forschung",
        ),
        (
            "„Die Anlage geht im Herbst in Betrieb“, teilte das Rechenzentrum Jülich mit.",
            "Rechenzentrum Jülich",
        ),
        (
            "„Wir prüfen die Anträge so schnell wie möglich“, hieß es aus dem "
            "Bundesministerium für Wirtschaft.",
            "Bundesministerium für Wirtschaft",
        ),
    ],
)
def test_organisation_as_speaker(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


def test_merz_full_name_and_relative_clause_before_the_verb() -> None:
    text = (
        "Bundeskanzler Friedrich Merz eröffnete das Rechenzentrum in Hanau.\n"
        "Merz, der seit Mai im Amt ist, sagte: „Deutschland muss bei der KI aufholen.“"
    )
    assert quotes(text) == [("Deutschland muss bei der KI aufholen.", "Friedrich Merz")]


def test_single_low_quotes_with_a_verb_are_quotes() -> None:
    text = "‚Wir bauen das größte Rechenzentrum Europas‘, sagte Ina Roth, Chefin von Datawerk."
    assert quotes(text) == [("Wir bauen das größte Rechenzentrum Europas", "Ina Roth")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung startet das Programm „KI für den Mittelstand in allen Regionen“.",
        "Die Initiative namens „Souveräne Cloud für Forschung und Lehre“ beginnt im Mai.",
        "Der Bericht mit dem Titel „Rechenkapazitäten für Deutschland im Jahr 2030“ erscheint.",
        "Kritiker sprechen von einem ‚teuren Prestigeprojekt ohne jeden Nutzen‘.",
        "Er nannte das Vorhaben „einen Meilenstein“.",
    ],
)
def test_names_and_terms_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "Die Bundesregierung will bis 2028 eine eigene KI-Gigafactory in Sachsen bauen. "
        "Der Bund stellt dafür zwei Milliarden Euro bereit.\n\n"
        "„Europa darf bei der künstlichen Intelligenz nicht von anderen abhängig sein“, sagte "
        "Digitalministerin Sabine Kröger am Montag in Dresden.\n\n"
        "„Der Standort bietet Strom, Fläche und Fachkräfte“, fügte sie hinzu.\n\n"
        "Der sächsische Ministerpräsident Thomas Lindner sprach von einem „historischen "
        "Tag für unser Land und für ganz Ostdeutschland“."
    )
    result = analyze("Bund plant KI-Gigafactory in Sachsen", text, language="de")
    assert result.language == "de"
    assert [q.speaker for q in result.quotes] == [
        "Sabine Kröger",
        "Sabine Kröger",
        "Thomas Lindner",
    ]


@pytest.mark.parametrize(
    "spokes",
    [
        "Ein Sprecher des Ministeriums betonte, die Aufrufe kämen vor dem Sommer.",
        "Eine Sprecherin des Ministeriums kündigte an, die Aufrufe kämen vor dem Sommer.",
        "Ein Sprecher des Bundesministeriums für Digitales erklärte, die Aufrufe kämen bald.",
    ],
)
def test_pronoun_after_a_spokesperson_is_the_organisation(spokes: str) -> None:
    text = (
        "Das Bundesministerium für Digitales stellte am Montag seine Pläne vor. "
        "„Das reicht nicht“, sagte Bitkom-Präsident Ralf Winterstein.\n"
        f"{spokes} „Wir arbeiten mit Hochdruck an den Förderaufrufen“, sagte er."
    )
    assert [s for _, s in quotes(text)][-1] == "Bundesministerium für Digitales"


def test_pronoun_after_a_person_reported_without_quotes() -> None:
    text = (
        "„Das reicht nicht aus“, sagte Ralf Winterstein vom Branchenverband.\n"
        "Die Forschungsministerin Dorothee Albrecht erklärte, man werde nachbessern. "
        "„Wir stocken das Programm im Herbst noch einmal auf“, sagte sie."
    )
    assert [s for _, s in quotes(text)] == ["Ralf Winterstein", "Dorothee Albrecht"]


@pytest.mark.parametrize(
    "text",
    [
        "Merz hat am Montag in Berlin gesagt: „Wir holen bei der KI auf.“",
        "Friedrich Merz hat in seiner Rede betont, „wir holen bei der KI auf“.",
        "Merz hat angekündigt: „Wir holen bei der KI auf und zwar schnell.“",
    ],
)
def test_perfect_tense_with_words_between(text: str) -> None:
    intro = "Bundeskanzler Friedrich Merz besuchte das neue Rechenzentrum.\n"
    assert [s for _, s in quotes(intro + text)] == ["Friedrich Merz"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "„Die Mittel reichen für den Anfang“, heißt es in einer Mitteilung der "
            "Forschungsgemeinschaft Nord.",
            "Forschungsgemeinschaft Nord",
        ),
        (
            "„Die Mittel reichen für den Anfang“, heißt es in einer Erklärung des "
            "Bundesministeriums für Forschung.",
            "Bundesministerium für Forschung",
        ),
        (
            "„Die Mittel reichen für den Anfang“, hieß es in einer Stellungnahme der "
            "Rechenzentrum Nord GmbH.",
            "Rechenzentrum Nord GmbH",
        ),
    ],
)
def test_statement_speaks_for_its_issuer(text: str, speaker: str) -> None:
    assert [s for _, s in quotes(text)] == [speaker]


@pytest.mark.parametrize(
    "said",
    [
        "teilte das Unternehmen mit",
        "erklärte das Unternehmen auf Anfrage",
        "sagte ein Sprecher des Unternehmens",
    ],
)
def test_company_referred_to_by_its_kind(said: str) -> None:
    text = (
        "Das Unternehmen Rechenwerk baut in Leipzig ein neues Rechenzentrum.\n"
        f"„Die ersten Kunden können ab März rechnen“, {said}."
    )
    assert [s for _, s in quotes(text)] == ["Rechenwerk"]
