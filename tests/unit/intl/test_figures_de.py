"""Figures in German news: every sentence is invented (made-up ministries, firms, amounts),
in the style of German, Austrian and Swiss agency, business and tech copy."""

from __future__ import annotations

import pytest

from bot.analysis.intl.figures import extract_figures_in
from bot.analysis.pipeline import analyze

Reading = tuple[str, float, str, float | None]


def read(sentence: str, countries: tuple[str, ...] = ("DE",)) -> list[Reading]:
    """(kind, value, unit, low) of each figure, rounded so float noise does not matter."""
    return [
        (f.kind, round(f.value, 6), f.unit, f.low)
        for f in extract_figures_in("de", [sentence], None, countries)
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Der Bund stellt 3,5 Milliarden Euro für Rechenzentren bereit.", 3.5e9),
        ("Das Land investiert 1,2 Mrd. Euro in die Forschung.", 1.2e9),
        ("Die Stiftung gibt 800.000 Euro für das Sprachmodell.", 8e5),
        ("Für das Projekt sind €5 Mrd. eingeplant.", 5e9),
        ("Insgesamt fließen 5 Mrd. € in die Infrastruktur.", 5e9),
        ("Die Förderung beträgt 250 Mio. Euro.", 2.5e8),
        ("Eine Milliarde Euro soll in KI-Fabriken fließen.", 1e9),
        ("Das Ministerium bewilligte zwanzig Millionen Euro.", 2e7),
        ("Die EU legt 1,5 Millionen Euro für Pilotprojekte zurück.", 1.5e6),
        ("Eine halbe Milliarde Euro geht an die Hochschulen.", 5e8),
    ],
)
def test_euros_with_scale_words_and_signs(sentence: str, value: float) -> None:
    assert read(sentence) == [("money", value, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "countries", "unit", "value"),
    [
        ("Das Start-up sammelte 2,5 Millionen US-Dollar ein.", ("DE",), "USD", 2.5e6),
        ("Der Konzern zahlt 1,5 Mio. kanadische Dollar.", ("DE",), "CAD", 1.5e6),
        ("Bern stellt 20 Mio. Franken bereit.", ("CH",), "CHF", 2e7),
        ("Der Kanton spricht 12 Millionen Schweizer Franken.", ("CH",), "CHF", 1.2e7),
        ("Die ETH erhält Fr. 30 Mio. vom Bund.", ("CH",), "CHF", 3e7),
        ("Der Fonds verwaltet 40 Milliarden Dollar.", ("US",), "USD", 4e10),
        ("Japan investiert 3 Billionen Yen.", ("JP",), "JPY", 3e12),
    ],
)
def test_other_currencies(
    sentence: str, countries: tuple[str, ...], unit: str, value: float
) -> None:
    assert read(sentence, countries) == [("money", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value", "low"),
    [
        ("Zwischen 2 und 3 Milliarden Euro will die Regierung ausgeben.", 3e9, 2e9),
        ("Das Budget beträgt zwei bis drei Milliarden Euro.", 3e9, 2e9),
        ("Die Kosten liegen bei 5 bis 8 Mio. Euro.", 8e6, 5e6),
        ("Der Bau kostet zwischen rund 400 und 600 Millionen Euro.", 6e8, 4e8),
        ("Geplant sind 1,5 Mrd. bis 2 Mrd. Euro.", 2e9, 1.5e9),
    ],
)
def test_money_ranges_are_one_figure(sentence: str, value: float, low: float) -> None:
    assert read(sentence) == [("money", value, "EUR", low)]


def test_a_number_after_and_starts_its_own_count() -> None:
    assert read("Zwanzig Forscher und dreihundert Studierende arbeiten hier.") == [
        ("count", 20, "researcher", None),
        ("count", 300, "student", None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Förderung wurde von 500 Millionen auf 1,5 Mrd. Euro aufgestockt.",
        "Das Budget stieg von 500 Millionen auf 1,5 Milliarden Euro.",
        "Der Etat wächst von 500 Mio. auf 1,5 Mrd. Euro.",
    ],
)
def test_von_auf_is_a_change_two_figures(sentence: str) -> None:
    assert read(sentence) == [("money", 5e8, "EUR", None), ("money", 1.5e9, "EUR", None)]


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("Der Bund gibt 3,5 Milliarden Euro, davon 1,2 Milliarden für die Forschung.", 1.2e9),
        ("Das Paket umfasst 10 Mrd. Euro, 4 Mrd. davon für Chips.", 4e9),
        ("Bayern zahlt 600 Millionen Euro und Sachsen 150 Millionen.", 1.5e8),
    ],
)
def test_a_later_amount_keeps_the_sentence_currency(sentence: str, second: float) -> None:
    money = [r for r in read(sentence) if r[0] == "money"]
    assert money[1] == ("money", second, "EUR", None)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Das Rechenzentrum soll 10.000 Grafikprozessoren erhalten.", 10000, "GPU"),
        ("Insgesamt 500 hochqualifizierte KI-Forscher kommen hinzu.", 500, "researcher"),
        ("Das Modell hat 70 Milliarden Parameter.", 7e10, "parameter"),
        ("Es versteht 24 Sprachen der Europäischen Union.", 24, "language"),
        ("Zwölf Mitarbeiterinnen und Mitarbeiter bauen das System.", 12, "employee"),
        ("Fünfundzwanzig Forscherinnen und Forscher sind beteiligt.", 25, "researcher"),
        ("Die Firma beschäftigt 30 Ingenieure und Entwickler.", 30, "engineer and developer"),
        ("Es entstehen 20 KI-Rechenzentren in Deutschland.", 20, "data center"),
        ("In 16 Bundesländern gibt es Anlaufstellen.", 16, "state"),
        ("Bis 2030 sollen 120 neue Professuren entstehen.", 120, "professorship"),
        ("Rund 1.200 befragte Unternehmen nutzen bereits KI.", 1200, "company"),
        ("Die ETH beschäftigt 25'000 Menschen.", 25000, "person"),
        ("Der Cluster umfasst 4.096 Knoten.", 4096, "node"),
        ("Gefördert werden 50 Start-ups aus ganz Europa.", 50, "startup"),
        ("Die 27 Mitgliedstaaten müssen zustimmen.", 27, "member state"),
        ("Rund 2000 Forscher arbeiten am Campus.", 2000, "researcher"),
        ("Zweihundertfünfzig Studierende nutzen den Rechner.", 250, "student"),
    ],
)
def test_counts_take_the_english_noun(sentence: str, value: float, unit: str) -> None:
    counts = [r for r in read(sentence) if r[0] == "count"]
    assert counts == [("count", value, unit, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Auf dem Gelände stehen 40 Windräder.",
        "Die Stadt pflanzte 5.000 Linden.",
        "Es gibt 300 Anlaufstellen im Land.",  # a compound whose head is not a job
    ],
)
def test_a_noun_outside_the_glossary_is_not_counted(sentence: str) -> None:
    assert [r for r in read(sentence) if r[0] == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "low"),
    [
        ("Die Regierung will in den nächsten fünf Jahren investieren.", 5, "year", None),
        ("Die Forscher arbeiten seit drei Monaten an dem Projekt.", 3, "month", None),
        ("Der Aufbau dauert 18 Monate.", 18, "month", None),
        ("Die Pilotphase läuft zwei bis drei Jahre.", 3, "year", 2),
        ("Der Vertrag gilt für zwei Jahrzehnte.", 20, "year", None),
        ("Der Bund plant eine fünfjährige Förderung für KI-Zentren.", 5, "year", None),
        ("Das Land startet ein 3-jähriges Pilotprogramm.", 3, "year", None),
        ("Die Ministerin stellte die zehnjährige KI-Strategie vor.", 10, "year", None),
        ("Eine sechsmonatige Pilotphase beginnt im Herbst.", 6, "month", None),
    ],
)
def test_durations(sentence: str, value: float, unit: str, low: float | None) -> None:
    assert read(sentence) == [("duration", value, unit, low)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Rund 40 Prozent der Firmen nutzen KI.", 40),
        ("Der Anteil stieg auf 12,5 %.", 12.5),
        ("Das sind drei Prozentpunkte mehr als im Vorjahr.", 3),
        ("Die Quote liegt bei 27%.", 27),
    ],
)
def test_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Das Rechenzentrum hat eine Leistung von 200 Megawatt.", 200, "MW"),
        ("Geplant ist ein 300-MW-Rechenzentrum bei Frankfurt.", 300, "MW"),
        ("Der Rechner erreicht 1 Exaflops.", 1, "EFLOPS"),
        ("Der Campus soll 1,5 Gigawatt bekommen.", 1.5, "GW"),
    ],
)
def test_capacities(sentence: str, value: float, unit: str) -> None:
    assert read(sentence) == [("capacity", value, unit, None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Nur zwei von zehn Firmen nutzen KI.", 20),
        ("Zwei Drittel der Befragten sind skeptisch.", 66.67),
        ("Ein Viertel aller Schulen hat WLAN.", 25),
        ("Drei von vier Kommunen planen Pilotprojekte.", 75),
    ],
)
def test_shares_read_as_percents(sentence: str, value: float) -> None:
    assert read(sentence) == [("percent", value, "%", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Am 12. März 2025 stellte die Ministerin die Version 2.0 der Strategie vor.",
        "Im Jahr 2024 gab es mehr Gründungen als 2023.",
        "GPT-4 und Llama 3 wurden mit Mistral 7B verglichen, wie Tabelle 2 zeigt.",
        "Die 38-jährige Informatikerin leitet das Team.",
        "Vor fünf Jahren war das noch undenkbar.",
        "Drei Jahre später wurde das Projekt eingestellt.",
        "Laut Artikel 5 gilt die Regel ab der 3. Phase.",
        "Mit 30 Jahren gründete sie ihr erstes Unternehmen.",
    ],
)
def test_dates_years_ages_labels_are_not_figures(sentence: str) -> None:
    assert read(sentence) == []


def test_whole_article_through_the_pipeline() -> None:
    text = (
        "Die Bundesregierung will bis 2030 rund 3,5 Milliarden Euro in eine souveräne "
        "KI-Infrastruktur investieren, davon 1,2 Milliarden für neue Rechenzentren. Das "
        "teilte das Forschungsministerium am Dienstag in Berlin mit.\n\n"
        "Der geplante Supercomputer in Jülich soll 24.000 Grafikprozessoren erhalten und "
        "eine Leistung von 80 Megawatt haben. Der Aufbau dauert 18 Monate.\n\n"
        "„Wir werden 2.000 Forscherinnen und Forscher an den Rechner bringen“, sagte "
        "Staatssekretärin Helga Brenner. Bisher nutzen 40 Prozent der Hochschulen "
        "ausländische Cloud-Dienste für das Training ihrer Sprachmodelle."
    )
    analysis = analyze("Bund plant KI-Supercomputer für 3,5 Milliarden Euro", text)
    assert analysis.language == "de"
    got = {(f.kind, f.value, f.unit) for f in analysis.figures}
    assert got == {
        ("money", 3.5e9, "EUR"),
        ("money", 1.2e9, "EUR"),
        ("count", 24000, "GPU"),
        ("capacity", 80, "MW"),
        ("duration", 18, "month"),
        ("count", 2000, "researcher"),
        ("percent", 40, "%"),
    }
