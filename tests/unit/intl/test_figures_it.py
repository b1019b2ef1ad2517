"""Figures in Italian news: every sentence is invented (made-up ministries, firms, amounts),
in the style of Italian agency (ANSA-like), business-daily and tech-site copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("IT",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("it", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Il governo stanzia 1,5 miliardi di euro per l'intelligenza artificiale.", 1.5e9),
        ("Il fondo mette a disposizione 300 milioni di euro.", 3e8),
        ("La Regione investe 3 mld di euro nel calcolo.", 3e9),
        ("L'ateneo riceve 500 mln di euro dal Pnrr.", 5e8),
        ("Un miliardo di euro andrà alle imprese.", 1e9),
        ("Il bando vale 800mila euro.", 8e5),
        ("La startup ha raccolto 12 milioni di euro.", 1.2e7),
        ("Il ministero ha previsto 250.000 euro per i dottorati.", 2.5e5),
        ("Saranno spesi duecento milioni di euro.", 2e8),
    ],
)
def test_euros(sentence: str, value: float) -> None:
    assert read(sentence) == [("money", value, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "countries", "unit", "value"),
    [
        ("La società ha raccolto 500 milioni di dollari.", ("IT",), "USD", 5e8),
        ("Il fondo investe 2 miliardi di dollari statunitensi.", ("IT",), "USD", 2e9),
        ("Berna stanzia 20 milioni di franchi svizzeri.", ("CH",), "CHF", 2e7),
        ("Londra mette 1 miliardo di sterline.", ("GB",), "GBP", 1e9),
    ],
)
def test_other_currencies(
    sentence: str, countries: tuple[str, ...], unit: str, value: float
) -> None:
    assert read(sentence, countries) == [("money", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("Tra 5 e 10 milioni di euro saranno destinati ai laboratori.", 1e7, 5e6),
        ("Servono fra 2 e 3 miliardi di euro.", 3e9, 2e9),
        ("Il costo va da 400 a 600 milioni di euro.", 6e8, 4e8),
        ("Il progetto richiede 1,5-2 miliardi di euro.", 2e9, 1.5e9),
    ],
)
def test_money_ranges_are_one_figure(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "EUR", low)]


@pytest.mark.parametrize(
    "sentence",
    [
        "L'investimento è salito da 200 a 500 milioni di euro.",
        "La dotazione è passata da 200 a 500 milioni di euro.",
        "Il budget è aumentato da 200 a 500 milioni di euro.",
    ],
)
def test_a_change_from_to_is_two_figures(sentence: str) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money == [("money", 2e8, "EUR", None), ("money", 5e8, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("Il piano vale 1,5 miliardi di euro, di cui 300 milioni per i supercomputer.", 3e8),
        ("Lo Stato mette 900 milioni di euro e le Regioni 100 milioni.", 1e8),
        ("Sono 4 miliardi di euro, 1 miliardo dei quali per i chip.", 1e9),
    ],
)
def test_a_later_amount_keeps_the_sentence_currency(sentence: str, second: float) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money[1] == ("money", second, "EUR", None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Il supercomputer conta 13.800 GPU.", 13800, "GPU"),
        ("Il sistema ha 10mila nodi di calcolo.", 10000, "node"),
        ("Saranno assunti duecento ricercatori.", 200, "researcher"),
        ("Il modello ha 7 miliardi di parametri.", 7e9, "parameter"),
        ("È stato addestrato su 2.000 miliardi di token.", 2e12, "token"),
        ("Supporta 24 lingue europee.", 24, "language"),
        ("Oggi lavorano 120 ingegneri e sviluppatori.", 120, "engineer and developer"),
        ("Nasceranno 20 nuovi data center.", 20, "data center"),
        ("La rete unisce ventitré regioni.", 23, "region"),
        ("Mezzo milione di utenti usa il servizio.", 5e5, "user"),
        ("Il bando è aperto a 500 pmi.", 500, "SME"),
        ("Hanno aderito 35 università italiane.", 35, "university"),
        ("Il centro assumerà cento ricercatori.", 100, "researcher"),
        ("Lavoreranno duemila tecnici.", 2000, "technician"),
        ("Sono coinvolti trentotto laboratori.", 38, "laboratory"),
    ],
)
def test_counts_take_the_english_noun(sentence: str, value: float, unit: str) -> None:
    counts = [r for r in read(sentence) if r[0] == "count"]
    assert counts == [("count", value, unit, None)]


@pytest.mark.parametrize(
    "sentence", ["Il parco conta 40 pale eoliche.", "Il comune ha piantato 5.000 ulivi."]
)
def test_a_noun_outside_the_glossary_is_not_counted(sentence: str) -> None:
    assert [r for r in read(sentence) if r[0] == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("Il progetto durerà tre anni.", 3, "year", None),
        ("Sarà pronto in diciotto mesi.", 18, "month", None),
        ("La sperimentazione durerà dai sei agli otto mesi.", 8, "month", 6),
        ("Nei prossimi 24 mesi arriveranno i fondi.", 24, "month", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert read(sentence) == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Il 40 per cento delle pmi usa l'IA.", 40),
        ("Solo il 12% delle grandi aziende ha un piano.", 12),
        ("La quota è salita di 3 punti percentuali.", 3),
        ("L'adozione arriva al 27,5 %.", 27.5),
    ],
)
def test_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Il data center avrà una potenza di 250 megawatt.", 250, "MW"),
        ("Leonardo raggiunge 250 petaflops.", 250, "PFLOPS"),
        ("Il campus arriverà a 1 GW.", 1, "GW"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Solo 2 aziende su 10 usano l'IA.", 20),
        ("Un terzo delle imprese non ha un piano.", 33.33),
        ("Tre italiani su quattro usano uno smartphone.", 75),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il 12 marzo 2025 la ministra ha presentato la versione 2.0 del piano.",
        "Nel 2024 sono nate più startup che nel 2023.",
        "Maria Rossi, 38 anni, guida il gruppo.",
        "Il ministro, di 56 anni, ha parlato a Roma.",
        "Cinque anni fa il laboratorio non esisteva.",
        "Il vertice si terrà dal 10 al 12 febbraio.",
        "L'articolo 3 si applica dalla fase 2.",
    ],
)
def test_dates_years_ages_labels_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "Il governo ha approvato martedì un piano da 1,5 miliardi di euro per "
        "l'intelligenza artificiale nazionale, di cui 400 milioni destinati al calcolo ad "
        "alte prestazioni.\n\n"
        "Il nuovo supercomputer di Bologna avrà 8.000 GPU e una potenza di 30 megawatt, e "
        "sarà operativo entro diciotto mesi, secondo il ministero.\n\n"
        "«Formeremo 2.000 ricercatori nei prossimi anni», ha dichiarato il sottosegretario "
        "Marco Bellini. Oggi il 18% delle imprese italiane usa già modelli linguistici."
    )
    analysis = analyze("Un supercomputer nazionale per l'intelligenza artificiale", text)
    assert analysis.language == "it"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 1.5e9, "EUR"),
        ("money", 4e8, "EUR"),
        ("count", 8000, "GPU"),
        ("capacity", 30, "MW"),
        ("duration", 18, "month"),
        ("count", 2000, "researcher"),
        ("percent", 18, "%"),
    }
