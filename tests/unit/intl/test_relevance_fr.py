"""Relevance of French news: a state building its own AI capability is sovereign-AI news;
a company's joint venture or launch (even one noting that the state backs AI), a fine or
a law on AI, and a chipmaker's earnings are not.

Every text is invented (people, firms, bodies, figures), in wire, ministry-release and
tech-site style.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.pipeline import analyze
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("fr", title, paras)
    return score_relevance_in("fr", title, paras, countries)[0]


SOVEREIGN = [
    (
        "Paris débloque 1,2 milliard d'euros pour un supercalculateur dédié à l'IA",
        [
            "Le gouvernement a annoncé jeudi une enveloppe de 1,2 milliard d'euros, prélevée sur "
            "France 2030, pour installer d'ici 2027 un supercalculateur dédié à l'intelligence "
            "artificielle sur le plateau de Saclay.",
            "La machine sera ouverte aux laboratoires publics et aux start-up, a précisé la "
            "ministre déléguée chargée du Numérique, Hélène Varenne.",
            "« Nous ne pouvons pas dépendre de serveurs situés à l'étranger pour entraîner nos "
            "modèles », a-t-elle déclaré.",
        ],
    ),
    (
        "La Confédération lance un modèle de langage souverain",
        [
            "La Confédération a présenté mardi un modèle de langage ouvert, entraîné sur le "
            "superordinateur du centre national de calcul de Lugano.",
            "Le projet, financé à hauteur de 20 millions de francs par des fonds publics, vise à "
            "renforcer la souveraineté numérique du pays.",
        ],
    ),
    (
        "Le Québec investit 100 millions de dollars dans une IA en français",
        [
            "Le gouvernement du Québec investira 100 millions de dollars sur cinq ans pour "
            "développer des modèles d'IA entraînés en français, a annoncé lundi le ministre de "
            "l'Économie, Luc Béland.",
            "Une partie des fonds servira à acheter des processeurs graphiques pour les centres "
            "de recherche publics de Montréal et de Québec.",
        ],
    ),
    (
        None,
        [
            "Le Sénégal s'est doté d'une stratégie nationale d'intelligence artificielle et "
            "prévoit un centre de données public de 15 mégawatts à Diamniadio.",
            "Le gouvernement sénégalais y consacrera 80 milliards de francs CFA, selon le "
            "ministère de la Communication.",
        ],
    ),
    (
        "Région Occitanie : un centre de calcul public pour l'IA",
        [
            "La région Occitanie va financer à hauteur de 45 millions d'euros un centre de "
            "calcul mutualisé, destiné à entraîner des modèles d'IA pour les hôpitaux et les "
            "collectivités.",
            "Les élus ont voté la délibération jeudi à l'unanimité.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_a_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the state backing AI only in passing
        "Arvenis et Télécom Lumière créent une coentreprise dans l'IA",
        [
            "Le groupe Arvenis et l'opérateur Télécom Lumière ont annoncé mercredi la création "
            "d'une coentreprise détenue à parts égales, qui commercialisera des services "
            "d'intelligence artificielle aux entreprises.",
            "Les deux partenaires y investiront 300 millions d'euros sur trois ans.",
            "Le gouvernement a fait de l'IA une priorité nationale et soutient l'installation "
            "de centres de données en France.",
        ],
    ),
    (  # a start-up's product launch
        "Néolys lance son assistant d'IA pour les comptables",
        [
            "La start-up lyonnaise Néolys lance un nouvel assistant d'intelligence artificielle "
            "destiné aux cabinets comptables, a-t-elle annoncé mardi.",
            "L'outil repose sur un grand modèle de langage adapté au droit fiscal français.",
            "Bpifrance avait participé l'an dernier à sa levée de fonds de 12 millions d'euros.",
        ],
    ),
    (  # a privacy fine
        "La CNIL inflige une amende de 5 millions d'euros à un éditeur de chatbot",
        [
            "La CNIL a infligé une amende de 5 millions d'euros à la société Parlami, éditrice "
            "d'un chatbot, pour avoir utilisé des données personnelles sans consentement.",
            "L'autorité reproche à l'entreprise d'avoir entraîné son modèle d'IA sur des "
            "conversations d'utilisateurs.",
        ],
    ),
    (  # a law that governs AI
        "Les députés adoptent un texte encadrant les hypertrucages",
        [
            "L'Assemblée nationale a adopté jeudi une proposition de loi qui encadre la "
            "diffusion d'hypertrucages générés par l'intelligence artificielle.",
            "Le texte prévoit des sanctions pour les plateformes qui ne retirent pas les "
            "contenus signalés.",
        ],
    ),
    (  # a chipmaker's earnings
        "Formosil : chiffre d'affaires record grâce aux puces pour l'IA",
        [
            "Le fondeur Formosil a publié jeudi un chiffre d'affaires trimestriel de 9 milliards "
            "d'euros, en hausse de 38 % sur un an, porté par la demande de puces pour l'IA.",
            "Le bénéfice net a doublé et l'action a gagné 6 % en bourse.",
            "Les analystes s'attendent à un nouveau trimestre record.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_a_swiss_article_through_the_pipeline() -> None:
    text = (
        "Les écoles polytechniques fédérales ont dévoilé lundi Helvetica, un grand modèle de "
        "langage ouvert entraîné sur le superordinateur du centre de calcul de Lugano.\n\n"
        "Le modèle doit renforcer l'indépendance technologique de la Suisse face aux géants "
        "américains, a déclaré la professeure Anne Berset.\n\n"
        "Comme la France, la Confédération veut garder la maîtrise de ses données."
    )
    analysis = analyze(None, text, language="fr")
    assert analysis.relevant
    assert analysis.countries == ("CH",)


def test_the_reasons_say_why() -> None:
    title, paras = SOVEREIGN[0]
    _, reasons = score_relevance_in("fr", title, paras, ("FR",))
    assert any("government and AI" in r for r in reasons)


# --- Rules found on invented whole articles, each with variants -------------------------


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Une usine de puces de puissance pour l'automobile à Crolles",
            [
                "L'État apportera 90 millions d'euros à une usine de puces de puissance pour "
                "l'automobile, a annoncé le ministre de l'Industrie.",
                "Les semi-conducteurs serviront aux voitures électriques.",
            ],
        ),
        (
            None,
            [
                "Le gouvernement subventionne à hauteur de 40 millions d'euros une ligne de "
                "composants de puissance en carbure de silicium.",
                "Les puces ne serviront pas à l'intelligence artificielle, a précisé le groupe.",
            ],
        ),
        (
            "Semi-conducteurs : aide publique pour une usine en Alsace",
            [
                "La région et l'État financent une usine de semi-conducteurs pour les véhicules "
                "électriques, pour 120 millions d'euros.",
                "L'usine ne produira pas de processeurs pour l'IA.",
            ],
        ),
    ],
)
def test_chips_for_cars_with_public_money_are_not_sovereign_ai(
    title: str | None, paras: list[str]
) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


@pytest.mark.parametrize(
    "sentence",
    [
        "Le pays veut entraîner ses propres modèles de langage.",
        "La France doit disposer de sa propre puissance de calcul.",
        "« Nous construirons notre propre supercalculateur », a dit la ministre.",
    ],
)
def test_building_ones_own_capability_says_it_outright(sentence: str) -> None:
    _, reasons = score_relevance_in("fr", None, [sentence], ())
    assert any(r.startswith("says it outright") for r in reasons)


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "L'Algérie annonce un centre national de calcul intensif",
            [
                "Le gouvernement algérien a approuvé la création d'un centre national de calcul "
                "intensif pour entraîner des modèles d'IA en arabe et en tamazight.",
                "Le projet est doté de 12 milliards de dinars.",
            ],
        ),
        (
            "Calcul intensif : Dakar muscle son centre national",
            ["Le Sénégal va tripler la puissance de son centre national de calcul."],
        ),
        (
            None,
            [
                "La région finance à hauteur de 20 millions d'euros une machine de calcul "
                "intensif ouverte aux laboratoires publics.",
            ],
        ),
    ],
)
def test_high_performance_computing_in_french_is_ai_capability(
    title: str | None, paras: list[str]
) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD
