"""Countries in German news from Germany, Austria and Switzerland: names and their
genitives, demonyms with their case endings, compounds ("US-Konzern", "EU-Kommission"),
federal bodies shared by several states, and the mentions that are not what an article
is about.

Every text is invented (people, firms, bodies, figures); each rule is checked on several
variants.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in, mentions_in
from bot.analysis.pipeline import analyze


def countries(title: str | None, paras: list[str]) -> tuple[str, ...]:
    return detect_countries_in("de", title, paras)


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "Bundesregierung stellt zwei Milliarden Euro für KI-Rechenzentren bereit",
            [
                "Die Bundesregierung stellt bis 2028 zwei Milliarden Euro für den Aufbau von "
                "KI-Rechenzentren bereit, teilte das Bundesforschungsministerium am Mittwoch mit.",
                "Die Mittel sollen vor allem Hochschulen und Start-ups zugutekommen.",
            ],
            "DE",
        ),
        (
            None,
            [
                "Am Dienstag kündigte das Kanzleramt eine Rechenoffensive an: Der Bund will "
                "50.000 Grafikprozessoren beschaffen.",
                "Der Bundestag muss den Haushaltsposten noch billigen.",
            ],
            "DE",
        ),
        (
            "Berlin plant eigene KI-Gigafactory",
            [
                "Berlin will sich mit einer eigenen KI-Gigafactory um EU-Mittel bewerben, sagte "
                "Digitalministerin Karin Hollmann der Deutschen Presse-Agentur.",
            ],
            "DE",
        ),
        (
            "Österreich baut einen KI-Supercomputer",
            [
                "Die österreichische Bundesregierung hat am Mittwoch 180 Millionen Euro für einen "
                "Supercomputer in Wien freigegeben, der Sprachmodelle für Behörden trainieren "
                "soll.",
                "Bundeskanzler Stefan Aigner sprach von einem Meilenstein für Österreich.",
            ],
            "AT",
        ),
        (
            "Bundesrat bewilligt Kredit für souveräne Cloud",
            [
                "Der Bundesrat hat einen Kredit von 90 Millionen Franken für eine souveräne Cloud "
                "der Eidgenossenschaft bewilligt.",
                "Die ETH Zürich und die EPFL sollen die Rechenzentren betreiben.",
            ],
            "CH",
        ),
        (
            "EU-Kommission fördert sieben KI-Fabriken",
            [
                "Die EU-Kommission hat sieben weitere KI-Fabriken ausgewählt, die gemeinsam mit "
                "den Mitgliedstaaten finanziert werden.",
            ],
            "EU",
        ),
    ],
)
def test_federal_bodies_and_capitals_name_the_state(
    title: str | None, paras: list[str], code: str
) -> None:
    assert countries(title, paras) == (code,)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die deutsche Industrie fordert mehr Rechenleistung.", "DE"),
        ("Deutschlands Rechenzentren sind ausgelastet.", "DE"),
        ("Der französischen Regierung reicht das nicht.", "FR"),
        ("Frankreichs Präsident will mehr investieren.", "FR"),
        ("Chinas Hersteller holen auf.", "CN"),
        ("Die Schweizer Regierung prüft den Vorschlag.", "CH"),
        ("Die US-Regierung verschärft die Exportregeln.", "US"),
        ("Japanische Forscher haben das Modell trainiert.", "JP"),
    ],
)
def test_case_endings_genitives_and_compounds_name_the_country(text: str, code: str) -> None:
    assert mentions_in("de", text, [code])


@pytest.mark.parametrize(
    "text",
    [
        "Das Modell spricht Deutsch, Englisch und Französisch.",
        "Lateinamerika holt bei der Digitalisierung auf.",
        "Die Deutsche Telekom meldete Zahlen.",
    ],
)
def test_a_language_a_continent_or_a_company_name_is_not_a_country(text: str) -> None:
    assert not mentions_in("de", text, ["DE", "GB", "FR", "US"])


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "Deutschland kauft Supercomputer für die KI-Forschung",
            [
                "Deutschland investiert 400 Millionen Euro in einen Supercomputer, dessen Chips "
                "vom US-Konzern Nvidia und vom französischen Hersteller Calculis stammen.",
                "Der Rechner soll in Jülich stehen.",
            ],
            "DE",
        ),
        (
            "Polen startet nationales Sprachmodell",
            [
                "Polen hat ein nationales Sprachmodell vorgestellt, das mit öffentlichen Mitteln "
                "entwickelt wurde.",
                "Ähnlich wie Deutschland und Frankreich will Warschau unabhängiger von "
                "amerikanischen Anbietern werden.",
            ],
            "PL",
        ),
        (
            "Die Schweiz setzt auf ein offenes Modell",
            [
                "Die Schweiz hat ein offenes Sprachmodell veröffentlicht, das an der ETH Zürich "
                "entwickelt wurde.",
                "Der Nachbar Deutschlands investiert damit mehr als Österreich in eigene KI.",
            ],
            "CH",
        ),
    ],
)
def test_a_company_home_a_comparison_or_a_neighbour_is_not_the_subject(
    title: str | None, paras: list[str], code: str
) -> None:
    assert countries(title, paras) == (code,)


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Softwarehaus Nordlicht und US-Konzern Cloudora gründen Gemeinschaftsunternehmen",
            [
                "Das Softwarehaus Nordlicht und der US-Konzern Cloudora gründen ein "
                "Gemeinschaftsunternehmen, das KI-Dienste an Mittelständler verkaufen soll.",
                "In Deutschland nutzen bislang wenige kleine Firmen generative KI; die "
                "Bundesregierung hat die Digitalisierung zur Priorität erklärt.",
            ],
        ),
        (
            None,
            [
                "Der taiwanische Chipfertiger Formosil hat im dritten Quartal seinen Umsatz um 38 "
                "Prozent gesteigert, getrieben von KI-Chips.",
                "Die Aktie legte an der Börse in Taipeh um sechs Prozent zu.",
            ],
        ),
    ],
)
def test_a_company_story_is_about_no_country(title: str | None, paras: list[str]) -> None:
    assert countries(title, paras) == ()


def test_a_whole_article_through_the_pipeline() -> None:
    text = (
        "Die Bundesregierung will bis 2030 drei Milliarden Euro in souveräne KI investieren. "
        "Das Kabinett beschloss am Mittwoch eine entsprechende Strategie.\n\n"
        "Kernstück ist ein öffentlicher Supercomputer in Garching, der Sprachmodelle für "
        "Verwaltung und Forschung trainieren soll, sagte Forschungsministerin Dorothee Kranz.\n\n"
        "Frankreich hatte im Frühjahr einen ähnlichen Plan vorgestellt."
    )
    analysis = analyze("Bund investiert drei Milliarden in souveräne KI", text, language="de")
    assert analysis.language == "de"
    assert analysis.countries == ("DE",)
    assert analysis.relevant


# --- Whole articles, written and annotated before the rules were tuned on them -------
# (first runs over all languages: relevance 28/28 and 28/28, countries 22/28 and 26/28)

WHOLE_ARTICLES = [
    (
        "Sachsen baut KI-Rechenzentrum in Dresden",
        (
            "Der Freistaat Sachsen investiert 120 Millionen Euro in ein KI-Rechenzentrum an der "
            "TU Dresden. Das teilte das sächsische Wissenschaftsministerium am Montag mit.\n\nDie "
            "Anlage soll Forschern und Mittelständlern Rechenleistung für das Training eigener "
            "Sprachmodelle bieten."
        ),
        True,
        ("DE",),
    ),
    (
        None,
        (
            "Der Softwarekonzern Aldera übernimmt den Berliner Cloud-Anbieter Wolkenwerk für 900 "
            "Millionen Euro. Die Übernahme soll bis Jahresende abgeschlossen sein.\n\nAldera will "
            "damit sein Geschäft mit KI-Anwendungen für Unternehmen ausbauen, sagte "
            "Vorstandschef Tobias Reiter."
        ),
        False,
        (),
    ),
    (
        "Österreich: Datenschutzbehörde prüft KI-Chatbot",
        (
            "Die österreichische Datenschutzbehörde hat ein Verfahren gegen den Anbieter eines "
            "KI-Chatbots eingeleitet. Es geht um die Verarbeitung personenbezogener Daten ohne "
            "Einwilligung.\n\nDem Unternehmen droht ein Bußgeld."
        ),
        False,
        ("AT",),
    ),
    (
        "Schweiz: Bund finanziert nationales Sprachmodell",
        (
            "Der Bund stellt 25 Millionen Franken für ein nationales Sprachmodell bereit, das in "
            "allen vier Landessprachen funktionieren soll. Das hat der Bundesrat am Mittwoch "
            "beschlossen.\n\nDas Modell wird am Nationalen Hochleistungsrechenzentrum in Lugano "
            "trainiert."
        ),
        True,
        ("CH",),
    ),
    (
        "Kanzleramt lädt zum KI-Gipfel: Milliarden für Rechenzentren",
        (
            "Die Bundesregierung will den Ausbau von KI-Rechenzentren in Deutschland mit "
            "zusätzlichen fünf Milliarden Euro fördern. Das kündigte Bundeskanzler Friedrich "
            "Albers nach einem Treffen mit Wirtschaftsvertretern im Kanzleramt an.\n\nZiel sei es, "
            "die digitale Souveränität Europas zu stärken."
        ),
        True,
        ("DE",),
    ),
    (
        None,
        (
            "Der Münchner Chipdesigner Halbwerk hat in einer Finanzierungsrunde 150 Millionen "
            "Euro eingesammelt. Angeführt wurde die Runde von einem US-Investor.\n\nHalbwerk "
            "entwickelt energiesparende KI-Beschleuniger für Rechenzentren."
        ),
        False,
        (),
    ),
    (
        "Wien legt KI-Strategie vor",
        (
            "Die Stadt Wien hat eine eigene KI-Strategie beschlossen und stellt 30 Millionen "
            "Euro für ein städtisches Rechenzentrum bereit, auf dem Sprachmodelle für die "
            "Verwaltung laufen sollen."
        ),
        True,
        ("AT",),
    ),
    (
        "EU-Parlament billigt strengere Regeln für KI-Systeme",
        (
            "Das Europäische Parlament hat strengere Transparenzregeln für KI-Systeme "
            "beschlossen. Anbieter müssen künftig offenlegen, mit welchen Daten ihre Modelle "
            "trainiert wurden.\n\nVerstöße können mit Bußgeldern geahndet werden."
        ),
        False,
        ("EU",),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), WHOLE_ARTICLES)
def test_whole_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="de")
    assert (analysis.relevant, analysis.countries) == (relevant, codes)


# --- Rules found on the whole articles, each with more variants ---------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Bundesregierung von Österreich hat einen KI-Fonds beschlossen.", "AT"),
        ("Der Kanton Zürich investiert in ein Rechenzentrum für KI.", "CH"),
        ("Der Bundesrat hat den Kredit für die Schweiz bewilligt.", "CH"),
        ("Der Bundeskanzler Österreichs kündigte ein KI-Programm an.", "AT"),
    ],
)
def test_a_shared_federal_body_goes_to_the_country_named(text: str, code: str) -> None:
    assert countries(None, [text]) == (code,)


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Das Start-up Lexora bringt einen KI-Assistenten für Kanzleien auf den Markt.",
            "Er ist zunächst in Deutschland und in Österreich erhältlich.",
        ],
        [
            "Die Firma Veltis stellt eine Kamera mit KI für Geschäfte vor.",
            "Sie wird zuerst in der Schweiz verkauft.",
        ],
    ],
)
def test_the_markets_a_product_is_offered_in_are_not_the_subject(paras: list[str]) -> None:
    assert countries(None, paras) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Die Präsidentin des Forschungszentrums Jülich stellte den neuen Rechner vor.",
        "Ein Sprecher des Bundesforschungsministeriums bestätigte die Pläne.",
        "Die Abgeordneten des Bundestags berieten über den Haushalt für KI.",
    ],
)
def test_a_body_in_the_genitive_names_germany(text: str) -> None:
    assert countries(None, [text]) == ("DE",)


@pytest.mark.parametrize(
    "paras",
    [
        [
            "Das französische KI-Start-up Mistralis hat 400 Millionen Euro eingesammelt. Zu den "
            "Investoren gehören amerikanische Risikokapitalgeber.",
        ],
        [
            "Der Münchner Chipdesigner Halbwerk sammelt 150 Millionen Euro ein, angeführt von "
            "japanischen Finanzinvestoren.",
        ],
    ],
)
def test_investors_are_a_company_home(paras: list[str]) -> None:
    assert countries(None, paras) == ()


# Harder cases (electricity demand of data centres, interviews, two-country accords,
# takeovers, chips for cars), also annotated before the run (first run over all
# languages: relevance 25/28, countries 20/28). Left out as known limits: an article
# naming no country at all, one naming its country only inside a quote, and one naming
# only a city.

HARDER_ARTICLES = [
    (
        "Rechenzentren belasten das Stromnetz",
        (
            "Der Netzbetreiber Amprion warnt vor einem stark steigenden Strombedarf durch "
            "Rechenzentren für künstliche Intelligenz.\n\nIn Frankfurt könnten Anschlüsse knapp "
            "werden, heißt es in einer Studie."
        ),
        False,
        (),
    ),
    (
        "Deutschland und Frankreich bauen gemeinsames KI-Modell",
        (
            "Deutschland und Frankreich wollen gemeinsam ein offenes Sprachmodell für Behörden "
            "entwickeln. Die Regierungen beider Länder stellen dafür 300 Millionen Euro bereit, "
            "teilten Berlin und Paris am Dienstag mit."
        ),
        True,
        ("DE", "FR"),
    ),
    (
        "Interview: „Europa braucht eigene Rechenkapazitäten“",
        (
            "Die Präsidentin des Forschungszentrums Jülich, Anke Wolters, über den neuen "
            "Supercomputer.\n\nFrau Wolters, was ändert der Rechner?\n\n„Forschende in Deutschland "
            "können erstmals große Sprachmodelle selbst trainieren, ohne auf amerikanische "
            "Cloud-Anbieter angewiesen zu sein. Der Bund hat dafür 500 Millionen Euro "
            "investiert.“"
        ),
        True,
        ("DE",),
    ),
    (
        "KI-Start-up Mistralis sammelt 400 Millionen ein",
        (
            "Das französische KI-Start-up Mistralis hat in einer Finanzierungsrunde 400 "
            "Millionen Euro eingesammelt. Zu den Investoren gehören amerikanische "
            "Risikokapitalgeber.\n\nDas Unternehmen will mit dem Geld neue Sprachmodelle "
            "trainieren."
        ),
        False,
        (),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), HARDER_ARTICLES)
def test_harder_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="de")
    assert (analysis.relevant, set(analysis.countries)) == (relevant, set(codes))


# Written after the rules above, as a check of them (first run over all languages:
# relevance 21/21, countries 20/21; the miss: a one-paragraph summary whose opening
# sentence is a company story).

LATER_ARTICLES = [
    (
        "Baden-Württemberg fördert KI-Cluster in Heilbronn",
        (
            "Das Land Baden-Württemberg stellt 250 Millionen Euro für einen KI-Rechencluster in "
            "Heilbronn bereit. Auf dem Cluster sollen Hochschulen und Mittelständler eigene "
            "Sprachmodelle trainieren können, sagte die Wirtschaftsministerin."
        ),
        True,
        ("DE",),
    ),
    (
        "Versicherer Allwerk setzt auf KI-Assistenten",
        (
            "Der Versicherer Allwerk führt einen KI-Assistenten für die Schadenbearbeitung ein, "
            "den er mit einem US-Anbieter entwickelt hat. Die Bundesregierung hatte Unternehmen "
            "zuletzt zu mehr KI-Einsatz aufgerufen."
        ),
        False,
        (),
    ),
    (
        "Gericht stoppt Gesichtserkennung der Polizei",
        (
            "Das Verwaltungsgericht Berlin hat der Polizei den Einsatz einer KI-gestützten "
            "Gesichtserkennung untersagt. Die Software verstoße gegen den Datenschutz."
        ),
        False,
        ("DE",),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), LATER_ARTICLES)
def test_later_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="de")
    assert (analysis.relevant, set(analysis.countries)) == (relevant, set(codes))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Versicherer Allwerk führt einen KI-Assistenten ein, den er mit einem US-Anbieter "
            "entwickelt hat. Die Bundesregierung hatte zu mehr KI-Einsatz aufgerufen.",
        ),
        (
            "fr",
            "La banque Lémanique déploie un assistant d'IA conçu avec l'américain Cloudora. Le "
            "gouvernement français encourage l'usage de l'IA dans les services financiers.",
        ),
        (
            "es",
            "La aseguradora Ondina lanza un asistente de IA creado con la estadounidense Cloudora. "
            "El Gobierno español ha pedido a las empresas que adopten la IA.",
        ),
    ],
)
def test_a_one_paragraph_company_story_opens_with_its_first_sentence(lang: str, text: str) -> None:
    assert detect_countries_in(lang, None, [text]) == ()


# The last check, written after all rules above (first run over all languages:
# relevance 13/14, countries 13/14; misses: French "calcul intensif", the Audiencia
# Nacional).

LAST_ARTICLES = [
    (
        "Luxemburg investiert in KI-Fabrik",
        (
            "Luxemburg baut eine KI-Fabrik am Supercomputer MeluXina aus. Die Regierung stellt "
            "dafür 60 Millionen Euro bereit, gemeinsam mit der EU."
        ),
        True,
        ("LU",),
    ),
    (
        "Telekom-Rivale Funkwerk verkauft Rechenzentren",
        (
            "Der Netzbetreiber Funkwerk verkauft seine Rechenzentren für 2,4 Milliarden Euro an "
            "einen kanadischen Infrastrukturfonds.\n\nDer Käufer will die Standorte für "
            "KI-Anwendungen ausbauen."
        ),
        False,
        (),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), LAST_ARTICLES)
def test_last_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="de")
    assert (analysis.relevant, set(analysis.countries)) == (relevant, set(codes))
