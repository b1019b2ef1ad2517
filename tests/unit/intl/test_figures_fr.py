"""Figures in French news: every sentence is invented (made-up ministries, firms, amounts),
in the style of French, Swiss, Belgian and Québécois wire, business and tech copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("FR",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("fr", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le ministère débloque 2,5 milliards d'euros pour le calcul.", 2.5e9),
        ("Bercy a réservé 750 millions d'euros au plan de calcul intensif.", 7.5e8),
        ("L'enveloppe atteint 1 200 millions d’euros sur la période.", 1.2e9),
        ("La région verse 300 000 euros à la jeune entreprise.", 3e5),
        ("Le fonds public a levé 600 M€ auprès des investisseurs.", 6e8),
        ("La société est valorisée 6 Md€ après son tour de table.", 6e9),
        ("Un milliard d'euros ira aux universités, a indiqué l'Élysée.", 1e9),
        ("Le programme coûtera deux cent cinquante millions d'euros.", 2.5e8),
        ("L'État engage 1,2 milliard d'euros dans le supercalculateur.", 1.2e9),
        ("Le budget de 500 000 € couvre la première année.", 5e5),
    ],
)
def test_euros_with_scale_words_and_signs(sentence: str, value: float) -> None:
    assert read(sentence) == [("money", value, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "countries", "unit", "value"),
    [
        ("Ottawa versera 100 millions de dollars à l'institut Mila.", ("CA",), "CAD", 1e8),
        ("Québec injecte 500 M$ dans son institut de recherche.", ("CA",), "CAD", 5e8),
        ("OpenAI a levé 6,6 milliards de dollars cette année.", ("US",), "USD", 6.6e9),
        ("Le fonds canadien a reçu 2 milliards de dollars américains.", ("CA",), "USD", 2e9),
        ("La start-up a levé 40 millions de dollars US.", ("FR",), "USD", 4e7),
        ("Berne alloue 20 millions de francs suisses à l'EPFL.", ("CH",), "CHF", 2e7),
        ("Le canton ajoute 12 millions de francs au projet.", ("CH",), "CHF", 1.2e7),
        ("Dakar mobilise 10 milliards de francs CFA pour la donnée.", ("SN",), "XOF", 1e10),
        ("Rabat prévoit 1,1 milliard de dirhams pour l'IA.", ("MA",), "MAD", 1.1e9),
        ("Tokyo investit 3 000 milliards de yens dans les puces.", ("JP",), "JPY", 3e12),
    ],
)
def test_other_currencies(
    sentence: str, countries: tuple[str, ...], unit: str, value: float
) -> None:
    assert read(sentence, countries) == [("money", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("Le coût est compris entre 5 et 10 millions d'euros.", 1e7, 5e6),
        ("Il coûtera entre un peu plus de 5 et un peu plus de 10 millions d'euros.", 1e7, 5e6),
        ("Le chantier nécessitera de 2 à 3 milliards d'euros.", 3e9, 2e9),
        ("Le ticket d'entrée va de 500 000 à 800 000 euros.", 8e5, 5e5),
        ("Il faudra 1,5 à 2 milliards d'euros, selon le rapport.", 2e9, 1.5e9),
        ("La facture oscillerait entre 300 millions et 1 milliard d'euros.", 1e9, 3e8),
    ],
)
def test_money_ranges_are_one_figure(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "EUR", low)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le budget est passé de 5 à 10 millions d'euros en deux ans.",
        "La dotation a augmenté de 5 à 10 millions d'euros cette année.",
        "L'aide a été portée de 5 à 10 millions d'euros par le Parlement.",
    ],
)
def test_a_change_from_to_is_two_figures(sentence: str) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money == [("money", 5e6, "EUR", None), ("money", 1e7, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("Le plan prévoit 2,5 milliards d'euros, dont 500 millions pour la formation.", 5e8),
        ("Paris met 4 milliards d'euros sur la table, dont 1 milliard pour les puces.", 1e9),
        ("L'État apporte 900 millions d'euros et la région 200 millions.", 2e8),
    ],
)
def test_a_later_amount_keeps_the_sentence_currency(sentence: str, second: float) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money[1] == ("money", second, "EUR", None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Le projet a impliqué 150 ingénieurs et professeurs.", 150, "engineer and professor"),
        ("Le réseau rassemble 1 000 langues parlées en Afrique.", 1000, "language"),
        ("Le modèle compte 70 milliards de paramètres.", 7e10, "parameter"),
        ("Le supercalculateur aligne 10 000 GPU H100.", 10000, "GPU"),
        ("Le site accueillera 50 000 puces de dernière génération.", 50000, "chip"),
        ("Le pays construira dix nouveaux centres de données.", 10, "data center"),
        ("La start-up emploie près de 150 salariés à Paris.", 150, "employee"),
        ("L'institut forme 1 200 étudiants par an.", 1200, "student"),
        ("Trois cents chercheurs et chercheuses rejoignent le laboratoire.", 300, "researcher"),
        ("Les 27 États membres ont signé la déclaration.", 27, "member state"),
        ("Le programme financera 30 jeunes pousses de la deeptech.", 30, "startup"),
        ("Le corpus réunit 2 000 milliards de jetons en français.", 2e12, "token"),
        ("Vingt-cinq entreprises ont répondu à l'appel d'offres.", 25, "company"),
        ("Le cluster relie 512 nœuds de calcul.", 512, "node"),
        ("Deux cents ingénieurs ont été recrutés.", 200, "engineer"),
        ("Vingt et un pays ont signé la charte.", 21, "country"),
        ("Soixante-dix-sept laboratoires sont associés.", 77, "laboratory"),
        ("Le site emploie quarante techniciens.", 40, "technician"),
        ("La filière vise 10 millions d'utilisateurs d'ici trois ans.", 1e7, "user"),
    ],
)
def test_counts_take_the_english_noun(sentence: str, value: float, unit: str) -> None:
    counts = [r for r in read(sentence) if r[0] == "count"]
    assert counts == [("count", value, unit, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le parc compte 40 éoliennes et 12 stations météo.",  # nouns outside the glossary
        "Le décret vise 30 bourgmestres flamands.",
        "La ville a planté 5 000 platanes.",
    ],
)
def test_a_noun_outside_the_glossary_is_not_counted(sentence: str) -> None:
    assert [r for r in read(sentence) if r[0] == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("Au terme de dix-huit mois d'efforts, le modèle est prêt.", 18, "month", None),
        ("Le programme s'étendra sur cinq ans.", 5, "year", None),
        ("Les travaux dureront six à huit mois.", 8, "month", 6),
        ("L'accord couvre une période de 36 mois.", 36, "month", None),
        ("Le dispositif est prévu pour deux décennies.", 20, "year", None),
        ("Ces 12 derniers mois, les usages ont doublé.", 12, "month", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert read(sentence) == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("Les ingénieurs ont mobilisé 40% de sa puissance.", 40, None),
        ("Le taux d'adoption atteint 35 % chez les PME.", 35, None),
        ("La part publique est de 12,5 pour cent.", 12.5, None),
        ("Entre 20 % et 30 % des emplois seront touchés.", 30, 20),
        ("De 20 à 30 % des tâches seront automatisées.", 30, 20),
        ("Le chômage a reculé de 0,4 point de pourcentage.", 0.4, None),
    ],
)
def test_percents(sentence: str, value: float, low: float | None) -> None:
    assert read(sentence) == [("percent", value, "%", low)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Le centre de données consommera 100 mégawatts.", 100, "MW"),
        ("Le campus atteindra 1 gigawatt en 2030.", 1, "GW"),
        ("La machine délivre 125 pétaflops en pointe.", 125, "PFLOPS"),
        ("Alice Recoque visera 1 exaflop.", 1, "EFLOPS"),
        ("Le site démarre avec 40 MW.", 40, "MW"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Seulement 2 entreprises sur 10 utilisent l'IA générative.", 20),
        ("Deux Français sur trois ont déjà testé un assistant.", 66.67),
        ("Les deux tiers des PME n'ont pas de stratégie.", 66.67),
        ("Un quart des lycéens utilise ChatGPT chaque jour.", 25),
        ("Sept sur dix répondants jugent la mesure utile.", 70),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Le 12 mars 2025, la ministre a présenté la version 2.0 du plan.",
        "En 2024, la France comptait plus de start-up qu'en 2023.",
        "GPT-4 et Llama 3 sont comparés au modèle Mistral 7B dans le tableau 2.",
        "Marie Dubois, 38 ans, dirige l'équipe de Grenoble.",
        "Il y a deux ans, le laboratoire ouvrait ses portes.",
        "Le sommet se tiendra du 10 au 12 février, au 1er étage.",
        "L'article 5 du règlement s'applique aux chapitres 4 et 6.",
        "Le taux de change était de 1 € = 1,08 $ ce jour-là.",
        "Trois ans plus tard, le projet a été abandonné.",
    ],
)
def test_dates_years_ages_labels_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Les écoles ont formé plus de 2000 spécialistes.", [("count", 2000, "expert", None)]),
        ("Les 2000 chercheurs du réseau se réunissent.", [("count", 2000, "researcher", None)]),
        ("Environ 2024 étudiants ont candidaté.", [("count", 2024, "student", None)]),
        ("En 2024 entreprises et laboratoires ont levé des fonds.", []),
        ("Depuis 2019 chercheurs et ingénieurs collaborent.", []),
    ],
)
def test_a_year_like_number_counts_only_after_a_hedge_or_determiner(
    sentence: str, expected: list[Reading]
) -> None:
    assert read(sentence) == expected


def test_usd_equivalent_is_given_for_euros() -> None:
    (figure,) = extract_figures_in("fr", ["Paris débloque 1 milliard d'euros."], None, ("FR",))
    assert figure.usd is not None and 0.9e9 < figure.usd < 1.3e9


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "Le gouvernement a annoncé mardi un plan de 2,5 milliards d'euros pour doter le pays "
        "d'une infrastructure de calcul souveraine, dont 800 millions pour la formation.\n\n"
        "Le futur supercalculateur, installé près de Grenoble, comptera 12 000 GPU et "
        "consommera 60 mégawatts. Il sera opérationnel dans dix-huit mois.\n\n"
        "« Nous formerons 5 000 ingénieurs et chercheurs d'ici à 2030 », a déclaré la "
        "ministre déléguée au numérique, Claire Vasseur. Aujourd'hui, 35 % des entreprises "
        "françaises utilisent déjà l'intelligence artificielle, selon l'Insee."
    )
    analysis = analyze("La France se dote d'un supercalculateur souverain", text)
    assert analysis.language == "fr"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 2.5e9, "EUR"),
        ("money", 8e8, "EUR"),
        ("count", 12000, "GPU"),
        ("capacity", 60, "MW"),
        ("duration", 18, "month"),
        ("count", 5000, "engineer and researcher"),
        ("percent", 35, "%"),
    }
