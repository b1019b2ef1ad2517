"""Relevance of Italian news: a state building its own AI capability is sovereign-AI news;
a company's joint venture or launch (even one noting that the state backs AI), a fine or
a law on AI, and a company's earnings are not.

Every text is invented (people, firms, bodies, figures), in agency, ministry-release and
tech-site style.
"""

from __future__ import annotations

import pytest

from bot.analysis.intl.countries import detect_countries_in
from bot.analysis.intl.relevance import score_relevance_in
from bot.analysis.relevance import RELEVANCE_THRESHOLD


def relevance(title: str | None, paras: list[str]) -> float:
    countries = detect_countries_in("it", title, paras)
    return score_relevance_in("it", title, paras, countries)[0]


SOVEREIGN = [
    (
        "Il governo stanzia un miliardo per l'IA sovrana",
        [
            "Il governo ha stanziato un miliardo di euro per un programma di IA sovrana, che "
            "prevede un supercalcolatore pubblico e modelli linguistici addestrati in italiano.",
            "Le risorse arrivano dal PNRR e saranno gestite da Cassa Depositi e Prestiti, ha "
            "spiegato il sottosegretario all'Innovazione, Marco Ferri.",
        ],
    ),
    (
        None,
        [
            "Il Cineca riceverà 120 milioni di euro dal ministero dell'Università per potenziare "
            "il supercalcolatore di Bologna, su cui saranno addestrati modelli per la pubblica "
            "amministrazione.",
        ],
    ),
    (
        "La Regione Lombardia finanzia un centro di calcolo per l'IA",
        [
            "La Regione Lombardia ha approvato un finanziamento di 30 milioni di euro per un "
            "centro di calcolo pubblico destinato all'intelligenza artificiale negli ospedali.",
        ],
    ),
    (
        "La Svizzera lancia un modello linguistico sovrano",
        [
            "La Confederazione ha presentato un modello linguistico sovrano, addestrato sul "
            "supercalcolatore del centro di calcolo di Lugano con fondi pubblici.",
        ],
    ),
    (
        "Strategia italiana per l'IA: 800 milioni per il calcolo",
        [
            "Il Consiglio dei ministri ha approvato la nuova strategia nazionale per "
            "l'intelligenza artificiale, con 800 milioni di euro per la capacità di calcolo.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), SOVEREIGN)
def test_a_state_building_ai_is_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) >= RELEVANCE_THRESHOLD


NOT_SOVEREIGN = [
    (  # a joint venture, the state backing AI in passing
        "Telvia e Cloudora creano una joint venture nell'intelligenza artificiale",
        [
            "L'operatore Telvia e l'americana Cloudora hanno annunciato una joint venture "
            "paritetica per commercializzare servizi di intelligenza artificiale alle imprese.",
            "I due partner investiranno 250 milioni di euro in tre anni.",
            "Il governo ha indicato l'IA come una priorità e sostiene l'arrivo di data center "
            "in Italia.",
        ],
    ),
    (  # a product launch
        "Lexa lancia un assistente di IA per gli avvocati",
        [
            "La startup milanese Lexa lancia un nuovo assistente di intelligenza artificiale "
            "per gli studi legali, ha annunciato la società.",
            "Lo strumento si basa su un grande modello linguistico adattato al diritto italiano.",
        ],
    ),
    (  # a privacy fine
        "Il Garante multa un chatbot per 5 milioni",
        [
            "Il Garante per la protezione dei dati personali ha inflitto una multa di 5 milioni "
            "di euro alla società Parlami per aver addestrato il suo chatbot con dati personali "
            "senza consenso.",
            "La società ha annunciato ricorso al tribunale.",
        ],
    ),
    (  # a law that governs AI
        "Il Senato approva la legge sui deepfake",
        [
            "Il Senato ha approvato la legge che punisce la diffusione di deepfake generati con "
            "l'intelligenza artificiale.",
            "Il testo prevede sanzioni per le piattaforme che non rimuovono i contenuti.",
        ],
    ),
    (  # earnings
        "Semitalia, ricavi record grazie ai chip per l'IA",
        [
            "Semitalia ha chiuso il trimestre con ricavi in crescita del 33%, a 2,1 miliardi di "
            "euro, grazie alla domanda di chip per l'IA.",
            "L'utile netto è raddoppiato e il titolo sale in borsa; gli analisti prevedono un "
            "altro trimestre record.",
        ],
    ),
]


@pytest.mark.parametrize(("title", "paras"), NOT_SOVEREIGN)
def test_company_news_and_ai_rules_are_not_relevant(title: str | None, paras: list[str]) -> None:
    assert relevance(title, paras) < RELEVANCE_THRESHOLD


def test_has_been_is_not_the_state() -> None:
    """ "è stato" (has been) is a verb, not the Stato."""
    paras = ["Il modello di IA è stato presentato dalla società ai suoi clienti."]
    assert relevance("Lexa presenta il suo modello", paras) < RELEVANCE_THRESHOLD


# --- Rules found on invented whole articles, each with variants -------------------------


@pytest.mark.parametrize(
    ("title", "paras"),
    [
        (
            "Chip per l'auto, nuovo stabilimento a Catania",
            [
                "Il gruppo Semisud aprirà a Catania uno stabilimento di chip di potenza per auto "
                "elettriche, con un contributo pubblico di 80 milioni di euro.",
                "L'impianto non produrrà processori per l'intelligenza artificiale.",
            ],
        ),
        (
            None,
            [
                "Il governo finanzia con 50 milioni una linea di semiconduttori di potenza in "
                "carburo di silicio.",
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
        "Il Paese vuole addestrare i propri modelli linguistici.",
        "L'Italia deve avere la propria capacità di calcolo.",
        "«Avremo il nostro supercalcolatore», ha detto il ministro.",
    ],
)
def test_building_ones_own_capability_says_it_outright(sentence: str) -> None:
    _, reasons = score_relevance_in("it", None, [sentence], ())
    assert any(r.startswith("says it outright") for r in reasons)
