"""Countries in French news: names, demonyms in every form, the seats of power that stand
for a state, and the mentions that are not what an article is about (a company's home, a
comparison, a neighbour, a language).

Every text is invented (people, firms, bodies, figures), in wire, regional-press and
tech-site style; each rule is checked on several variants.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in, mentions_in
from bot.analysis.pipeline import analyze


def countries(title: str | None, paras: list[str]) -> tuple[str, ...]:
    return detect_countries_in("fr", title, paras)


# --- Seats of power and periphrases name the state ----------------------------------------


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "L'Élysée promet un supercalculateur pour la recherche",
            [
                "L'Élysée a annoncé mardi une enveloppe de 900 millions d'euros pour doter "
                "les laboratoires publics d'une machine exaflopique d'ici 2027.",
                "Le financement sera assuré par le plan d'investissement existant.",
            ],
            "FR",
        ),
        (
            None,
            [
                "Matignon a tranché : 400 millions d'euros iront au calcul intensif, a indiqué "
                "lundi l'entourage du Premier ministre.",
                "Les arbitrages seront présentés en conseil des ministres.",
            ],
            "FR",
        ),
        (
            "Bercy débloque des fonds pour les centres de données",
            [
                "Bercy va débloquer 300 millions d'euros pour soutenir l'installation de centres "
                "de données sur le territoire, selon un communiqué publié jeudi.",
            ],
            "FR",
        ),
        (
            "L'Hexagone veut son propre modèle de langage",
            [
                "L'Hexagone prépare un grand modèle de langage public, entraîné sur des textes "
                "administratifs, a confirmé la ministre chargée du Numérique, Hélène Varenne.",
            ],
            "FR",
        ),
        (
            "Le Conseil fédéral approuve un crédit pour un cloud souverain",
            [
                "Le Conseil fédéral a approuvé mercredi un crédit de 120 millions de francs pour "
                "un nuage informatique de la Confédération.",
                "Le projet sera piloté depuis Berne par l'Office fédéral de l'informatique.",
            ],
            "CH",
        ),
        (
            "Bruxelles sélectionne sept usines d'IA",
            [
                "La Commission européenne a sélectionné sept nouveaux sites qui accueilleront des "
                "usines d'IA, cofinancées par les États membres.",
            ],
            "EU",
        ),
        (
            None,
            [
                "Ottawa débloque 2 milliards de dollars pour la puissance de calcul, a annoncé "
                "vendredi le ministre de l'Innovation, Marc-André Tremblay.",
                "Le gouvernement canadien veut réserver une partie des serveurs aux universités.",
            ],
            "CA",
        ),
    ],
)
def test_seats_of_power_and_periphrases_name_the_state(
    title: str | None, paras: list[str], code: str
) -> None:
    assert countries(title, paras) == (code,)


# --- Demonyms agree in gender and number --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Les autorités françaises ont validé le projet.", "FR"),
        ("Les chercheurs américains ont publié le code.", "US"),
        ("La diplomatie américaine a réagi.", "US"),
        ("Les start-up allemandes lèvent moins.", "DE"),
        ("Les universités italiennes participent.", "IT"),
        ("La présidence espagnole du Conseil s'achève.", "ES"),
        ("La filière sud-coréenne est en avance.", "KR"),
        ("Les banques suisses testent l'outil.", "CH"),
    ],
)
def test_every_form_of_a_demonym_names_its_country(text: str, code: str) -> None:
    assert mentions_in("fr", text, [code])


@pytest.mark.parametrize(
    "text",
    [
        "Le modèle répond en français, en anglais et en arabe.",
        "Les textes ont été traduits du français vers le wolof.",
        "La maîtrise de la langue française reste un atout pour ces outils.",
        "Un corpus en espagnol et en portugais complète l'ensemble.",
    ],
)
def test_a_language_is_not_a_country(text: str) -> None:
    assert not mentions_in("fr", text, ["FR", "ES", "PT", "GB"])


def test_a_latin_american_region_is_not_the_united_states() -> None:
    assert not mentions_in("fr", "Les start-up d'Amérique latine et les latino-américains.", ["US"])


# --- A company's home, a comparison, a neighbour -----------------------------------------


@pytest.mark.parametrize(
    ("title", "paras", "code"),
    [
        (
            "La France commande un supercalculateur pour l'IA",
            [
                "Le gouvernement français a commandé une machine de 40 000 processeurs "
                "graphiques, fournis par l'américain Nvidia et assemblés par le groupe "
                "Calculis.",
                "Les premiers calculs sont attendus au printemps.",
            ],
            "FR",
        ),
        (
            "Le Maroc se dote d'un centre de calcul national",
            [
                "Le Maroc a inauguré lundi à Benguérir un centre de calcul de 20 pétaflops, "
                "équipé de puces du géant américain Intellion.",
                "Comme la France et l'Espagne, le royaume veut former ses propres modèles.",
            ],
            "MA",
        ),
        (
            "La Suisse présente son modèle ouvert",
            [
                "La Suisse a présenté jeudi un modèle de langage ouvert, conçu comme une "
                "alternative aux solutions américaines et chinoises.",
                "Le voisin de la France et de l'Italie a misé sur ses écoles polytechniques.",
            ],
            "CH",
        ),
        (
            "La Belgique prépare un plan IA",
            [
                "Le gouvernement belge a présenté un plan de 250 millions d'euros pour l'IA.",
                "À l'instar des Pays-Bas, la Belgique veut accueillir une usine d'IA.",
                "Les investissements restent moins élevés qu'en Allemagne.",
            ],
            "BE",
        ),
    ],
)
def test_a_company_home_a_comparison_or_a_neighbour_is_not_the_subject(
    title: str | None, paras: list[str], code: str
) -> None:
    assert countries(title, paras) == (code,)


# --- A company story is about no country ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Arvenis et l'américain Cloudora créent une coentreprise",
            [
                "Le groupe Arvenis et l'américain Cloudora ont annoncé mercredi la création "
                "d'une coentreprise détenue à parts égales, qui vendra des services d'IA aux "
                "entreprises européennes.",
                "Les deux sociétés investiront 200 millions d'euros sur trois ans.",
                "En France, l'adoption de l'IA générative reste faible dans les PME. Le "
                "gouvernement a fait du numérique une priorité.",
            ],
        ),
        (
            None,
            [
                "La jeune pousse lyonnaise Néolys lance son assistant conversationnel pour les "
                "cabinets comptables, développé avec des modèles du chinois Qiantu.",
                "« Nous voulons équiper 5 000 cabinets en France d'ici un an », a déclaré sa "
                "fondatrice, Camille Roux.",
                "La France compte plus de 20 000 cabinets d'expertise comptable.",
            ],
        ),
        (
            "Le fondeur taïwanais Formosil publie des résultats record",
            [
                "Le fondeur taïwanais Formosil a publié un chiffre d'affaires trimestriel en "
                "hausse de 38 %, porté par les puces pour l'IA.",
                "Les ventes aux clients américains ont doublé sur un an.",
            ],
        ),
    ],
)
def test_a_company_story_is_about_no_country(title: str | None, paras: list[str]) -> None:
    assert countries(title, paras) == ()


# --- A round-up keeps every country that acts --------------------------------------------


def test_a_round_up_keeps_each_country_that_acts() -> None:
    paras = [
        "Plusieurs pays européens accélèrent sur le calcul.",
        "L'Espagne a lancé un appel d'offres de 150 millions d'euros pour étendre son "
        "supercalculateur de Barcelone.",
        "L'Italie a de son côté approuvé un fonds de 300 millions d'euros pour les modèles en "
        "italien.",
    ]
    assert set(countries("Le calcul public gagne l'Europe du Sud", paras)) == {"ES", "IT"}


def test_a_whole_article_through_the_pipeline() -> None:
    text = (
        "Le Sénégal a dévoilé jeudi sa stratégie nationale d'intelligence artificielle, "
        "assortie d'un centre de données souverain à Diamniadio.\n\n"
        "Le gouvernement sénégalais prévoit d'y consacrer 50 milliards de francs CFA d'ici "
        "2028, a indiqué le ministre de la Communication et du Numérique, Ousmane Faye.\n\n"
        "Comme le Rwanda, Dakar veut héberger les données publiques sur son sol."
    )
    analysis = analyze("Le Sénégal mise sur une IA souveraine", text, language="fr")
    assert analysis.language == "fr"
    assert analysis.countries == ("SN",)
    assert analysis.relevant


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement du Québec investira 100 millions de dollars dans des modèles en français.",
        "Le gouvernement québécois a annoncé un fonds pour le calcul.",
    ],
)
def test_a_quebec_government_is_canada(text: str) -> None:
    assert countries(None, [text]) == ("CA",)


# --- Whole articles, written and annotated before the rules were tuned on them -------
# (first runs over all languages: relevance 28/28 and 28/28, countries 22/28 and 26/28)

WHOLE_ARTICLES = [
    (
        "Le Luxembourg inaugure MeluXina-IA, un supercalculateur public",
        (
            "Le gouvernement luxembourgeois a inauguré jeudi un nouveau supercalculateur destiné "
            "à l'intelligence artificielle, financé à hauteur de 35 millions d'euros par l'État "
            "et par EuroHPC.\n\nLa machine sera ouverte aux chercheurs, aux administrations et aux "
            "entreprises du Grand-Duché, a indiqué le ministre de l'Économie, Paul Weiler.\n\nLe "
            "Luxembourg rejoint ainsi la France et l'Allemagne parmi les pays européens dotés "
            "d'une infrastructure de calcul dédiée."
        ),
        True,
        ("LU",),
    ),
    (
        None,
        (
            "Le géant américain des semi-conducteurs Nvidia a annoncé mercredi un partenariat "
            "avec la start-up française Mistral AI pour construire un centre de données dans "
            "l'Essonne.\n\nLe site, d'une puissance de 1,4 gigawatt, accueillera 18 000 puces de "
            "dernière génération, selon un communiqué commun.\n\nLe président de la République "
            "s'est félicité de ce projet, qu'il a qualifié de « victoire pour la souveraineté "
            "française »."
        ),
        False,
        (),
    ),
    (
        "Tunisie : une feuille de route nationale pour l'IA",
        (
            "Le ministère tunisien des Technologies de la communication a présenté lundi une "
            "feuille de route nationale pour l'intelligence artificielle, assortie d'un budget "
            "de 120 millions de dinars.\n\nLe plan prévoit un centre de calcul public à Tunis et "
            "la formation de 10 000 ingénieurs d'ici 2030."
        ),
        True,
        ("TN",),
    ),
    (
        "IA : les ventes de Capvoix bondissent de 40 %",
        (
            "L'éditeur de logiciels Capvoix a réalisé au troisième trimestre un chiffre "
            "d'affaires de 210 millions d'euros, en hausse de 40 % sur un an, grâce à ses "
            "assistants d'intelligence artificielle.\n\nLe titre a gagné 9 % à la Bourse de Paris. "
            "Les analystes relèvent leurs prévisions."
        ),
        False,
        (),
    ),
    (
        "Calcul : la Belgique se dote d'un supercalculateur fédéral",
        (
            "BRUXELLES — Le gouvernement fédéral belge a approuvé vendredi l'achat d'un "
            "supercalculateur de 60 millions d'euros, qui sera installé à Louvain et servira "
            "notamment à entraîner des modèles d'IA en néerlandais et en français.\n\n« Nous "
            "voulons que nos chercheurs ne dépendent plus de serveurs américains », a expliqué "
            "la secrétaire d'État à la Digitalisation, Lotte Vermeulen."
        ),
        True,
        ("BE",),
    ),
    (
        "Deepfakes : Paris veut sanctionner les plateformes",
        (
            "Le gouvernement a présenté mercredi en Conseil des ministres un projet de loi "
            "visant à sanctionner les plateformes qui diffusent des hypertrucages non "
            "signalés.\n\nLes amendes pourront atteindre 6 % du chiffre d'affaires mondial, a "
            "précisé la ministre du Numérique."
        ),
        False,
        ("FR",),
    ),
    (
        None,
        (
            "La Côte d'Ivoire va construire un centre de données national à Abidjan pour "
            "héberger les services publics et développer des applications d'intelligence "
            "artificielle, a annoncé le ministre de la Transition numérique.\n\nLe projet, estimé "
            "à 45 milliards de francs CFA, sera financé par l'État ivoirien et la Banque "
            "africaine de développement."
        ),
        True,
        ("CI",),
    ),
    (
        "Orvia lance un chatbot bancaire",
        (
            "La fintech Orvia lance un agent conversationnel fondé sur un grand modèle de "
            "langage pour les clients des banques régionales, a-t-elle annoncé lundi.\n\nL'outil "
            "sera d'abord proposé en France et en Belgique."
        ),
        False,
        (),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), WHOLE_ARTICLES)
def test_whole_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="fr")
    assert (analysis.relevant, analysis.countries) == (relevant, codes)


# --- Rules found on the whole articles, each with more variants ---------------------------


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Orvia lance un chatbot bancaire",
            [
                "La fintech Orvia lance un agent conversationnel pour les banques régionales.",
                "L'outil sera d'abord proposé en France et en Belgique.",
            ],
        ),
        (
            "Nouvel assistant de rédaction chez Plumia",
            [
                "L'éditeur Plumia présente un assistant de rédaction fondé sur l'IA.",
                "Il est disponible dès aujourd'hui au Canada et en Suisse.",
            ],
        ),
        (
            None,
            [
                "La société Veltis commercialise une caméra dotée d'IA pour les commerces.",
                "Elle sera vendue d'abord en Espagne, puis en Italie.",
            ],
        ),
    ],
)
def test_the_markets_a_product_is_offered_in_are_not_the_subject(
    title: str | None, paras: list[str]
) -> None:
    assert countries(title, paras) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Le canton de Vaud finance un centre de calcul pour l'IA à Lausanne.",
        "Le Conseil d'État du canton de Genève a validé un crédit pour un cloud cantonal.",
        "Le canton du Tessin a présenté sa stratégie numérique.",
    ],
)
def test_a_canton_is_switzerland(text: str) -> None:
    assert countries(None, [text]) == ("CH",)


def test_a_single_act_of_a_state_further_down_does_not_make_a_company_story_its() -> None:
    paras = [
        "La start-up Néolys et le groupe Arvenis ont signé un partenariat pour vendre des "
        "assistants d'IA aux notaires.",
        "Les deux sociétés visent 3 000 études d'ici deux ans.",
        "La Belgique a lancé l'an dernier un programme de soutien à l'IA.",
    ]
    assert countries("Néolys et Arvenis s'allient", paras) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement wallon débloque 30 millions d'euros pour un centre de calcul.",
        "La Région flamande finance un modèle de langage en néerlandais.",
        "Le gouvernement fédéral belge a approuvé l'achat d'un supercalculateur.",
    ],
)
def test_a_belgian_government_is_belgium(text: str) -> None:
    assert countries(None, [text]) == ("BE",)


# Harder cases (electricity demand of data centres, interviews, two-country accords,
# takeovers, chips for cars), also annotated before the run (first run over all
# languages: relevance 25/28, countries 20/28). Left out as known limits: an article
# naming no country at all, one naming its country only inside a quote, and one naming
# only a city.

HARDER_ARTICLES = [
    (
        None,
        (
            "Bruxelles a dévoilé mercredi un plan de 20 milliards d'euros pour financer cinq "
            "gigafactories de l'IA sur le continent, dans le cadre de sa stratégie pour une "
            "intelligence artificielle souveraine.\n\nLes États membres devront cofinancer les "
            "sites retenus."
        ),
        True,
        ("EU",),
    ),
    (
        "Le groupe Valmont rachète l'éditeur de logiciels Syntia",
        (
            "Le groupe industriel Valmont a annoncé le rachat de l'éditeur de logiciels "
            "d'intelligence artificielle Syntia pour 350 millions d'euros.\n\nL'opération doit "
            "encore être validée par les autorités de la concurrence."
        ),
        False,
        (),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), HARDER_ARTICLES)
def test_harder_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="fr")
    assert (analysis.relevant, set(analysis.countries)) == (relevant, set(codes))


# Written after the rules above, as a check of them (first run over all languages:
# relevance 21/21, countries 20/21; the miss: a one-paragraph summary whose opening
# sentence is a company story).

LATER_ARTICLES = [
    (
        "Québec : un ordinateur quantique pour les chercheurs",
        (
            "Le gouvernement du Québec a annoncé un investissement de 50 millions de dollars "
            "dans un ordinateur quantique destiné aux universités.\n\nL'appareil sera installé à "
            "Sherbrooke d'ici deux ans."
        ),
        False,
        ("CA",),
    ),
    (
        "Le Maroc lance un cloud souverain pour l'administration",
        (
            "RABAT — Le ministère marocain de la Transition numérique a lancé un cloud souverain "
            "pour héberger les données de l'administration et des applications d'IA, a-t-il "
            "indiqué mercredi.\n\nL'infrastructure, hébergée à Benguérir, a coûté 800 millions de "
            "dirhams."
        ),
        True,
        ("MA",),
    ),
    (
        None,
        (
            "La banque Crédit Lémanique déploie un assistant d'IA générative auprès de ses 4 000 "
            "conseillers, développé avec l'américain Cloudora.\n\nLa banque espère gagner 15 % de "
            "productivité."
        ),
        False,
        (),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), LATER_ARTICLES)
def test_later_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="fr")
    assert (analysis.relevant, set(analysis.countries)) == (relevant, set(codes))


# The last check, written after all rules above (first run over all languages:
# relevance 13/14, countries 13/14; misses: French "calcul intensif", the Audiencia
# Nacional).

LAST_ARTICLES = [
    (
        "L'Algérie annonce un centre national de calcul intensif",
        (
            "ALGER — Le gouvernement algérien a approuvé dimanche la création d'un centre "
            "national de calcul intensif, destiné à l'entraînement de modèles d'intelligence "
            "artificielle en arabe et en tamazight.\n\nLe projet est doté de 12 milliards de "
            "dinars, selon le Premier ministre."
        ),
        True,
        ("DZ",),
    ),
    (
        "Téléphonie : Alto Mobile intègre un assistant IA",
        (
            "L'opérateur Alto Mobile intègre à ses forfaits un assistant d'intelligence "
            "artificielle développé par le chinois Qiantu, a-t-il annoncé jeudi.\n\nLe service "
            "sera proposé en France dès septembre."
        ),
        False,
        (),
    ),
]


@pytest.mark.parametrize(("title", "text", "relevant", "codes"), LAST_ARTICLES)
def test_last_articles_through_the_pipeline(
    title: str | None, text: str, relevant: bool, codes: tuple[str, ...]
) -> None:
    analysis = analyze(title, text, language="fr")
    assert (analysis.relevant, set(analysis.countries)) == (relevant, set(codes))
