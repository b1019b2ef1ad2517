"""Speakers referred to, not named, in Latin-script news; German capitalised nouns.

Invented snippets (agency, ministry and tech-site style). Three classes:
a role with the definite article ("sagte die Ministerin", "so der CDU-Politiker",
"a déclaré le ministre") is the person who holds that role, of that party, or the
person in focus; a German common noun or a title is never part of a name ("USA-Besuch
von Digitalminister …"); and after a fronted phrase the German subject follows the verb
("Zu den Plänen von Ministerin Y äußerte sich X …").
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.quotes import extract_quotes_in
from bot.analysis.intl.quotes_latin import compiled
from bot.analysis.intl.speakers_latin_names import common_noun
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import paragraphs


def speakers(lang: str, text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes_in(lang, paragraphs(text))]


# --- 1. a role with the definite article refers back -----------------------------

_LAUBACH = (
    "Bundesdigitalminister Henrik Laubach (CDU) hat am Montag in Berlin eine Strategie "
    "für souveräne Rechenzentren vorgestellt.\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        "„Wir dürfen uns bei der Rechenleistung nicht abhängig machen“, so der CDU-Politiker.",
        "„Wir dürfen uns bei der Rechenleistung nicht abhängig machen“, sagte der Minister.",
        "„Wir dürfen uns bei der Rechenleistung nicht abhängig machen“, betonte der "
        "Digitalminister.",
        "Der Minister sagte, man werde alle Angebote prüfen: „Wir brauchen eigene Modelle "
        "in deutscher Sprache.“",
        "Der CDU-Politiker erklärte: „Wir brauchen eigene Modelle in deutscher Sprache.“",
    ],
)
def test_german_role_or_party_noun_is_the_minister(quote: str) -> None:
    assert speakers("de", _LAUBACH + quote) == ["Henrik Laubach"]


_THREE = (
    "Bundesdigitalminister Henrik Laubach (CDU) legte am Mittwoch seinen Plan für "
    "KI-Rechenzentren vor. Kritik kam von der Grünen-Fraktionschefin Miriam Oswald und "
    "vom Abgeordneten Jens Harder (SPD).\n"
)


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        (
            "„Der Plan kommt für die Start-ups viel zu spät“, sagte die Grünen-Politikerin.",
            "Miriam Oswald",
        ),
        (
            "„Der Plan kommt für die Start-ups viel zu spät“, kritisierte die Grünen-Chefin.",
            "Miriam Oswald",
        ),
        ("„Der Plan kommt für die Start-ups viel zu spät“, so der SPD-Politiker.", "Jens Harder"),
        (
            "„Wir handeln jetzt mit aller Entschlossenheit“, entgegnete der CDU-Politiker.",
            "Henrik Laubach",
        ),
        ("Der SPD-Politiker sagte: „Wir werden im Ausschuss genau nachfragen.“", "Jens Harder"),
    ],
)
def test_party_noun_is_the_person_of_that_party(quote: str, speaker: str) -> None:
    assert speakers("de", _THREE + quote) == [speaker]


@pytest.mark.parametrize(
    ("intro", "quote", "speaker"),
    [
        (
            "Bayerns Wirtschaftsminister Florian Sattler (CSU) eröffnete das Rechenzentrum "
            "in Garching.",
            "„Bayern wird zum Standort für souveräne KI“, sagte der CSU-Chef.",
            "Florian Sattler",
        ),
        (
            "Der frühere Bankmanager Henrik Laubach leitet seit Mai das neue Ressort.",
            "„Wir holen bei der Rechenleistung endlich auf“, sagte der Minister.",
            "Henrik Laubach",
        ),
        (
            "Die Forschungsministerin Katrin Albers (SPD) will drei KI-Fabriken fördern.",
            "„Das ist ein Kraftakt für das ganze Land“, sagte die Sozialdemokratin Albers.",
            "Katrin Albers",
        ),
        (
            "Forschungsministerin Katrin Albers (SPD) will drei KI-Fabriken fördern.",
            "„Das ist ein Kraftakt für das ganze Land“, sagte die Ministerin.",
            "Katrin Albers",
        ),
    ],
)
def test_role_noun_falls_back_on_the_person_in_focus(intro: str, quote: str, speaker: str) -> None:
    assert speakers("de", intro + "\n" + quote) == [speaker]


def test_indefinite_role_is_someone_new() -> None:
    text = _LAUBACH + "„Der Zeitplan ist sehr ehrgeizig“, sagte ein Experte des Verbands."
    assert speakers("de", text) != ["Henrik Laubach"]


def test_last_person_named_is_in_focus_not_the_last_speaker() -> None:
    text = (
        "„Wir bauen die Rechenzentren selbst“, sagte Bundesdigitalminister Henrik Laubach.\n"
        "Widerspruch kam von der Informatikerin Lea Wolf aus Darmstadt.\n"
        "„Ohne eigene Chips bleibt das Stückwerk“, sagte die Forscherin."
    )
    assert speakers("de", text) == ["Henrik Laubach", "Lea Wolf"]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "fr",
            "Le ministre de l'Économie Paul Garnier a présenté jeudi un plan pour le calcul.\n"
            "« Nous devons bâtir nos propres capacités de calcul », a déclaré le ministre.",
            "Paul Garnier",
        ),
        (
            "fr",
            "La ministre chargée du Numérique, Claire Vautrin, était à Grenoble mardi.\n"
            "« Ce supercalculateur est un atout pour toute la France », a affirmé la ministre.",
            "Claire Vautrin",
        ),
        (
            "fr",
            "Paul Garnier dirige depuis mars le gouvernement de coalition.\n"
            "« Nous financerons trois nouveaux centres de calcul », a déclaré le Premier "
            "ministre.",
            "Paul Garnier",
        ),
        (
            "es",
            "La presidenta de la Comunidad, Elena Martos, inauguró el centro de datos.\n"
            "“Es un paso histórico para nuestra región”, afirmó la presidenta.",
            "Elena Martos",
        ),
        (
            "es",
            "El titular de Transformación Digital, Óscar Lerma, visitó Barcelona.\n"
            "“Tendremos un modelo de lenguaje en todas las lenguas cooficiales”, dijo el "
            "ministro.",
            "Óscar Lerma",
        ),
        (
            "pt",
            "O ministro da Ciência, Rui Tavares, anunciou o novo plano em Lisboa.\n"
            "“Vamos investir em modelos de língua portuguesa”, disse o ministro.",
            "Rui Tavares",
        ),
        (
            "pt",
            "A ministra da Gestão, Helena Prado, apresentou o programa nesta terça-feira.\n"
            "“O Brasil precisa de uma nuvem soberana para os seus dados”, afirmou a ministra.",
            "Helena Prado",
        ),
        (
            "it",
            "Il presidente del Consiglio Marco Ferretti ha presentato il piano nazionale.\n"
            "«L'Italia deve avere una sua intelligenza artificiale», ha detto il premier.",
            "Marco Ferretti",
        ),
        (
            "it",
            "La ministra dell'Università Giulia Monti ha visitato il Tecnopolo di Bologna.\n"
            "«Questo centro è un orgoglio per tutto il Paese», ha dichiarato la ministra.",
            "Giulia Monti",
        ),
    ],
)
def test_romance_role_with_article_refers_back(lang: str, text: str, speaker: str) -> None:
    assert speakers(lang, text) == [speaker]


# --- 2. German common nouns and titles are not names -----------------------------


@pytest.mark.parametrize(
    "word",
    [
        "USA-Besuch",
        "KI-Gipfel",
        "CDU-Politiker",
        "EU-Kommission",
        "Überlegungen",
        "Souveränität",
        "Kommission",
        "Wissenschaft",
        "Ergebnis",
        "Digitalisierungs-Offensive",
        "Sicherheit",
    ],
)
def test_german_common_nouns(word: str) -> None:
    assert common_noun(compiled("de"), word)


@pytest.mark.parametrize(
    "word", ["Hans-Peter", "Müller-Lüdenscheid", "Marion", "Jung", "Laubach", "Anna-Lena"]
)
def test_german_names_are_not_common_nouns(word: str) -> None:
    assert not common_noun(compiled("de"), word)


def test_common_noun_rule_is_german_only() -> None:
    assert not common_noun(compiled("fr"), "Commission")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Nach dem USA-Besuch von Digitalminister Henrik Laubach wächst der Druck.\n"
            "„Wir brauchen jetzt eine europäische Antwort darauf“, sagte Laubach.",
            "Henrik Laubach",
        ),
        (
            "Die Überlegungen von Staatssekretärin Anja Brenner stoßen auf Kritik.\n"
            "„Das ist ein falsches Signal an die ganze Branche“, sagte sie.",
            "Anja Brenner",
        ),
        (
            "Beim KI-Gipfel von Kanzler Martin Roth ging es um Rechenzentren.\n"
            "„Europa darf den Anschluss nicht verlieren“, sagte er.",
            "Martin Roth",
        ),
        (
            "Die Forderung von Präsidentin Sabine Kolb findet Zustimmung.\n"
            "„Wir erwarten ein klares Bekenntnis des Bundes“, sagte Kolb.",
            "Sabine Kolb",
        ),
        (
            "Kritik an den Plänen von Ministerin Katrin Albers wurde laut.\n"
            "„Die Hochschulen werden wieder übergangen“, sagte sie.",
            "Katrin Albers",
        ),
    ],
)
def test_name_run_drops_noun_and_title(text: str, speaker: str) -> None:
    assert speakers("de", text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "EU-Kommissarin Helga von der Aue stellte den Fonds vor.\n"
            "„Europa braucht eigene Basismodelle“, sagte von der Aue.",
            "Helga von der Aue",
        ),
        (
            "„Europa braucht eigene Basismodelle“, sagte Kommissarin Helga von der Aue.",
            "Helga von der Aue",
        ),
        (
            "„Wir investieren in Rechenzentren“, sagte Konrad von Weilheim, Chef der Nordcloud AG.",
            "Konrad von Weilheim",
        ),
    ],
)
def test_von_inside_a_name_stays(text: str, speaker: str) -> None:
    assert speakers("de", text) == [speaker]


# --- 3. verb second: the subject after the verb ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "speaker", "pronoun"),
    [
        (
            "Zu den Plänen von Ministerin Katrin Albers äußerte sich Verbandschef Tobias "
            "Renner zurückhaltend.",
            "Tobias Renner",
            "er",
        ),
        (
            "Dazu sagte Bitkom-Präsident Ralf Kessler, man sei mit dem Entwurf von "
            "Minister Henrik Laubach zufrieden.",
            "Ralf Kessler",
            "er",
        ),
        (
            "Auf die Frage nach dem Vorschlag von Staatssekretärin Anja Brenner antwortete "
            "Konzernchef Lukas Stein ausweichend.",
            "Lukas Stein",
            "er",
        ),
        (
            "Am Montag erklärte die Informatikerin Lea Wolf zu den Vorschlägen von Minister "
            "Henrik Laubach, es fehle an Chips.",
            "Lea Wolf",
            "sie",
        ),
        (
            "Verbandschef Tobias Renner äußerte sich zu den Plänen von Ministerin Katrin "
            "Albers zurückhaltend.",
            "Tobias Renner",
            "er",
        ),
    ],
)
def test_pronoun_after_fronted_phrase_is_the_subject(
    sentence: str, speaker: str, pronoun: str
) -> None:
    text = sentence + f" „Wir warten erst einmal die Details ab“, sagte {pronoun}."
    assert speakers("de", text) == [speaker]


def test_whole_german_article() -> None:
    text = (
        "Berlin (dpa) - Bundesdigitalminister Henrik Laubach (CDU) will bis 2028 zwei "
        "KI-Rechenzentren mit zusammen 40 000 GPU bauen lassen. Nach dem USA-Besuch des "
        "Ministers sei die Abhängigkeit von amerikanischen Anbietern deutlich geworden.\n\n"
        "„Wir dürfen bei der Rechenleistung nicht von anderen abhängig sein“, so der "
        "CDU-Politiker.\n\n"
        "Zu den Überlegungen von Staatssekretärin Anja Brenner äußerte sich "
        "Bitkom-Präsident Ralf Kessler zurückhaltend. „Die Finanzierung ist noch völlig "
        "offen“, sagte er.\n\n"
        "Die Grünen-Fraktionschefin Miriam Oswald kritisierte den Zeitplan. „Das kommt "
        "Jahre zu spät für die Start-ups“, sagte die Grünen-Politikerin."
    )
    result = analyze("KI-Rechenzentren: Laubach legt Plan vor", text)
    assert [q.speaker for q in result.quotes] == [
        "Henrik Laubach",
        "Ralf Kessler",
        "Miriam Oswald",
    ]
