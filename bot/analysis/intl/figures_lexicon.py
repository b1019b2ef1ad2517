"""What a Latin-script language needs for figures: its number, scale, currency and unit words.

One frozen `Lexicon` per language (figures_fr.py, figures_de.py…) holds only words and
short regex fragments; the engine (figures_latin.py) is the same for all five languages,
because their figures have the same shape: a numeral, a scale word, then "of" and the
currency or the counted noun ("70 milliards de paramètres", "5 mil millones de euros",
"3,5 Milliarden Euro"). Counted nouns are read into the English singular the contract asks
for through a glossary (`glossary`): the nouns sovereign-AI news counts (hardware, people,
organisations, places, model sizes). A noun outside the glossary is not counted: a
foreign word in the `unit` would match nothing and say little to an English digest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "CAPACITY_UNITS",
    "LOAN_NOUNS",
    "CjkLexicon",
    "Lexicon",
    "glossary",
    "is_rate",
    "noun_table",
    "numbers",
    "pairs",
]


def glossary(text: str) -> dict[str, str]:
    """Lines "english unit: form form form" as {form: unit}; forms are lower-case.

    A form may be several words joined by "_" ("centre_de_données").
    """
    out: dict[str, str] = {}
    for line in text.strip().splitlines():
        unit, _, forms = line.partition(":")
        for form in forms.split():
            out[form.replace("_", " ").lower()] = unit.strip()
    return out


def pairs(text: str) -> dict[str, str]:
    """Whitespace-separated "word=VALUE" items as a dict; "_" in a word is a space."""
    out: dict[str, str] = {}
    for item in text.split():
        key, _, value = item.rpartition("=")
        out[key.replace("_", " ")] = value
    return out


def numbers(text: str) -> dict[str, float]:
    """`pairs` with numeric values: "deux=2 trois=3"."""
    return {key: float(value) for key, value in pairs(text).items()}


_RATE_AFTER = re.compile(r"\s?[=＝]")
_RATE_BEFORE = re.compile(r"[=＝]\s?$")


def is_rate(text: str, start: int, end: int) -> bool:
    """Whether an amount at `start:end` is one side of an exchange rate ("1 € = 1,08 $")."""
    return bool(_RATE_AFTER.match(text, end) or _RATE_BEFORE.search(text, max(0, start - 2), start))


def noun_table(text: str) -> dict[str, tuple[str, str]]:
    """Lines "unit | classes: word word" as {word: (unit, classes)} (CjkLexicon.nouns)."""
    out: dict[str, tuple[str, str]] = {}
    for line in text.strip().splitlines():
        head, _, words = line.partition(":")
        unit, _, classes = head.partition("|")
        for word in words.split():
            out[word] = (unit.strip(), classes.strip())
    return out


# Words every language borrows from English in tech copy ("10 000 GPU", "50 startups").
LOAN_NOUNS = glossary(
    """
    GPU: gpu gpus
    CPU: cpu cpus
    TPU: tpu tpus
    NPU: npu npus
    chip: chip chips
    token: token tokens
    startup: startup startups start-up start-ups
    data center: data_center data_centers data_centre data_centres datacenter datacenters
    supercomputer: supercomputer supercomputers
    server: server servers
    cluster: cluster clusters
    qubit: qubit qubits
    node: node nodes
    """
)

CAPACITY_UNITS: dict[str, str] = {
    "mw": "MW",
    "gw": "GW",
    "kw": "kW",
    "tw": "TW",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "kwh": "kWh",
    "mega": "MW",
    "giga": "GW",
    "kilo": "kW",
    "tera": "TW",
    "exaflop": "EFLOPS",
    "petaflop": "PFLOPS",
    "pétaflop": "PFLOPS",
    "teraflop": "TFLOPS",
    "téraflop": "TFLOPS",
    "eflop": "EFLOPS",
    "pflop": "PFLOPS",
}
"""Capacity units by the stem the engine reduces a matched unit to (see figures_latin)."""


@dataclass(frozen=True)
class Lexicon:
    """The figure words of one language; regex fields are sources, compiled by the engine."""

    lang: str
    numbers: dict[str, float]  # number morphemes ("dix", "huit", "vingt", "cent", "mille")
    ones: tuple[str, ...]  # "un", "ein", "uma": a number only before a scale word
    halves: str  # "demi", "halbe", "medio" before a scale word: 0.5
    connectors: frozenset[str]  # "et" in "vingt et un", "und", "y", "e"
    scales: dict[str, float]  # scale words ("milliard", "Mrd.", "mil millones")
    symbol_scales: dict[str, float]  # "M", "Md", "bi": only beside a currency sign
    currencies: dict[str, str]  # currency words → ISO code or a shared word ("peso")
    guarded: frozenset[str]  # currency words that are also common words ("livres")
    currency_adjectives: dict[str, str]  # "américains" → USD, "suisses" → CHF
    adjectives_before: dict[str, str]  # German "kanadische Dollar", "Schweizer Franken"
    of: str  # regex: what links a scale word to its noun ("de", "d'", "di")
    percent: str  # regex: "pour cent", "Prozent", "por ciento"
    durations: dict[str, str]  # "ans" → year, "Monate" → month
    nouns: dict[str, str]  # glossary of counted nouns, lower-case form → English unit
    pre_adjectives: frozenset[str]  # adjectives that come before the noun ("nouveaux")
    between: str  # regex: "entre", "zwischen", "tra|fra"
    and_: str  # regex: "et", "und", "y|e"
    from_: str  # regex: "de", "von", "da"
    to: str  # regex of a range's "to": "à", "bis", "a|hasta"
    change_to: str  # regex of a change's "to" ("auf", "para"); "" when none
    change_verbs: str  # regex stems of verbs of change before "from"
    hedges: str  # regex: "environ", "rund", "un peu plus de"
    ago_before: str  # regex right before a span that makes it a point in time ("il y a")
    after_span: str  # regex right after a span: "plus tard", "alt", "fa"
    age_before: str  # regex before an age: "âgé de", "a los", "mit"
    labels: frozenset[str]  # words before a number that make it a label ("article")
    share: str  # regex of "in" in a share: "2 entreprises sur 10", "zwei von zehn Firmen"
    share_percent: str  # the same, where a share reads as a percent (not a bare "de")
    fraction_of: str  # regex after a fraction: "deux tiers des", "ein Drittel der"
    bound: frozenset[str] = frozenset()  # morphemes never a number alone ("mila", "vent")
    compound_nouns: bool = False  # German: a compound's last element is its head
    dollar_local: bool = False  # French: "dollars" in a Canadian story are Canadian
    peso_sign: bool = False  # Spanish: a bare "$" in Latin-American copy is the peso
    extra: dict[str, str] = field(default_factory=dict)  # "mdd" → USD (scale + currency)
    # a span written as one adjective before a programme noun: "fünfjährige Förderung"
    span_adjective: str = ""  # regex with groups `num` and `unit` (jähr → year, monat → month)


@dataclass(frozen=True)
class CjkLexicon:
    """The figure words of Japanese or Korean; regex fields are sources.

    Counted things take a counter after the number (基, 人, 社; 개, 명, 곳), and a counter
    fits only some nouns: each noun and each counter has classes (h hardware, p people,
    o organisations, l places, s schools, c countries, a abstract things counted without
    a counter: parameters, tokens, languages).
    """

    lang: str
    currencies: dict[str, str]  # currency word after the number → ISO code
    currency_guard: str  # regex right after "원"-like words that makes them not money
    percent: str
    capacity: dict[str, str]  # unit word → unit
    years: str  # regex of a span in years ("年間", "년간")
    months: str
    weeks: str
    days: str
    bare_year: str  # regex of a bare year word ("年", "년"), a span only after `span_lead`
    span_lead: str  # regex before a bare span: "今後", "향후"
    point_after: str  # regex after a span that makes it a point in time: "後", "전"
    counters: dict[str, tuple[str, str | None]]  # counter → (noun classes, unit alone)
    nouns: dict[str, tuple[str, str]]  # noun → (English unit, classes)
    particles: str  # regex between a noun and its number: "を", "が" / "를", "이"
    hedges: str  # regex before a number: "約", "最大" / "약", "총"
    link: str  # regex between a counter and its noun: "の" / "의"
    not_count_after: str  # regex after a counter that cancels the count: "目", "당"
    era: str  # regex before a number that makes it a date or an ordinal: "令和", "제"
    spaced: bool  # Korean: words are separated by spaces and carry particles
    share: str  # regex of "in" in a share: "10人に1人", "10명 중 1명"
    word_particles: tuple[str, ...] = ()  # Korean particles at the end of a word
    tenths: str = "(?!)"  # regex of a percent counted in tenths: Japanese 割 ("3割" is 30 %)
