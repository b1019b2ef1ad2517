"""Relevance of German news: a state building its own AI capability is sovereign-AI news;
a company's joint venture or launch (even one noting that the state backs AI), a fine or
a law on AI, and a company's quarterly figures are not.

Every text is invented (people, firms, bodies, figures), in agency, ministry-release and
tech-site style, from Germany, Austria and Switzerland.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("de", title, paras)
    return score_relevance_in("de", title, paras, countries)[0]


SOVEREIGN = [
    (
        "Bund fördert KI-Gigafactory mit 1,5 Milliarden Euro",
        [
            "Die Bundesregierung will den Bau einer KI-Gigafactory in Nordrhein-Westfalen mit "
            "1,5 Milliarden Euro fördern, teilte das Bundeswirtschaftsministerium am Montag mit.",
            "Die Anlage soll mehr als 100.000 Grafikprozessoren beherbergen und Unternehmen "
            "sowie Forschungseinrichtungen Rechenkapazität bereitstellen.",
            "„Digitale Souveränität heißt, dass wir eigene Rechenleistung haben“, sagte "
            "Staatssekretär Jonas Feldmann.",
        ],
    ),
    (
        None,
        [
            "Das Forschungszentrum Jülich erhält vom Bund weitere 250 Millionen Euro für seinen "
            "Exascale-Supercomputer, auf dem Sprachmodelle für die öffentliche Verwaltung "
            "trainiert werden sollen.",
            "Das Land Nordrhein-Westfalen beteiligt sich mit 80 Millionen Euro.",
        ],
    ),
    (
        "Österreich startet staatliches Sprachmodell",
        [
            "Die österreichische Bundesregierung hat ein staatlich finanziertes Sprachmodell "
            "vorgestellt, das Anfragen an Behörden beantworten soll.",
            "Das Modell wurde auf einem Rechencluster in Wien trainiert und kostet 40 "
            "Millionen Euro.",
        ],
    ),
    (
        "Schweiz setzt auf souveräne KI",
        [
            "Der Bundesrat hat eine Strategie für souveräne KI verabschiedet und 120 Millionen "
            "Franken für Rechenkapazitäten der ETH und der EPFL bewilligt.",
        ],
    ),
    (
        "Bayern baut eigenen KI-Supercomputer",
        [
            "Der Freistaat Bayern investiert 300 Millionen Euro in einen eigenen "
            "KI-Supercomputer in Garching, kündigte Ministerpräsident Andreas Brunner an.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_a_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the state backing AI in passing
        "Nordlicht und Cloudora gründen KI-Gemeinschaftsunternehmen",
        [
            "Das Softwarehaus Nordlicht und der US-Konzern Cloudora gründen ein "
            "Gemeinschaftsunternehmen, das KI-Dienste an mittelständische Firmen vermarkten "
            "soll.",
            "Beide Partner wollen in den nächsten drei Jahren 200 Millionen Euro investieren.",
            "Die Bundesregierung hat künstliche Intelligenz zur Priorität erklärt und fördert "
            "den Bau von Rechenzentren.",
        ],
    ),
    (  # a product launch
        "Start-up Lexora bringt KI-Assistenten für Kanzleien auf den Markt",
        [
            "Das Münchner Start-up Lexora bringt einen KI-Assistenten für Anwaltskanzleien auf "
            "den Markt, teilte das Unternehmen mit.",
            "Der Assistent basiert auf einem großen Sprachmodell, das auf deutsches Recht "
            "abgestimmt wurde.",
        ],
    ),
    (  # a privacy fine
        "Datenschützer verhängen Bußgeld gegen Chatbot-Anbieter",
        [
            "Die Datenschutzaufsicht hat gegen den Chatbot-Anbieter Parlami ein Bußgeld von "
            "vier Millionen Euro verhängt, weil er personenbezogene Daten ohne Einwilligung "
            "zum Training seines KI-Modells nutzte.",
            "Das Unternehmen will vor Gericht ziehen.",
        ],
    ),
    (  # a law that governs AI
        "Bundestag beschließt Gesetz gegen Deepfakes",
        [
            "Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Verbreitung von "
            "KI-generierten Deepfakes unter Strafe stellt.",
            "Plattformen müssen gemeldete Inhalte binnen 24 Stunden löschen.",
        ],
    ),
    (  # quarterly figures
        "Chipkonzern Halbtek steigert Umsatz dank KI",
        [
            "Der Chipkonzern Halbtek hat seinen Quartalsumsatz dank der Nachfrage nach KI-Chips "
            "um 35 Prozent auf 4,2 Milliarden Euro gesteigert.",
            "Der Nettogewinn verdoppelte sich, die Aktie legte an der Börse um fünf Prozent zu.",
            "Analysten rechnen mit einem weiteren Rekordquartal.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_set_is_not_a_law() -> None:
    """ "umgesetzt" (carried out) contains "gesetz" but is no law."""
    paras = [
        "Die Bundesregierung hat den Bau des KI-Rechenzentrums mit 500 Millionen Euro "
        "umgesetzt und eingesetzt."
    ]
    assert relevance("Bund baut KI-Rechenzentrum", paras) >= RELEVANCE_THRESHOLD


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Bund fördert Werk für Leistungshalbleiter",
            [
                "Der Bund fördert ein Werk für Leistungshalbleiter in Dresden mit 400 Millionen "
                "Euro, teilte das Wirtschaftsministerium mit.",
                "Die Chips sind für Elektroautos bestimmt.",
            ],
        ),
        (
            None,
            [
                "Die Landesregierung unterstützt eine Fabrik für Chips für Autos mit 60 "
                "Millionen Euro.",
                "Das Werk liefert keine Chips für KI-Rechenzentren.",
            ],
        ),
    ],
)
def test_chips_for_cars_with_public_money_are_not_sovereign_ai(
    title: str | None, paras: list[str]
) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD
