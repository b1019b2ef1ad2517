"""German figure words: "3,5 Milliarden Euro", "5 Mrd. €", "zwanzig Forscher", "40 Prozent".

German writes numbers as one word ("fünfundzwanzig", "zweihundert"), "Milliarde" is 10⁹
and "Billion" 10¹²; "Mio."/"Mrd." abbreviate; Swiss copy writes "Fr." and "Franken".
Nouns are capitalised and compounds carry their head last ("KI-Rechenzentren"), which
figures_counts.py reads (`compound_nouns`); adjectives before the noun are lower-case.
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import LOAN_NOUNS, Lexicon, glossary, numbers, pairs
from bot.analysis.numbers import word_set

__all__ = ["GERMAN"]

_NUMBERS: dict[str, float] = numbers(
    """
    eins=1 einund=1 zwei=2 zwo=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9 zehn=10
    elf=11 zwölf=12 sechzehn=16 siebzehn=17 zwanzig=20 dreißig=30 dreissig=30 vierzig=40
    fünfzig=50 sechzig=60 siebzig=70 achtzig=80 neunzig=90 hundert=100 einhundert=100
    tausend=1000 eintausend=1000 und=0
    """
)

_NOUNS = glossary(
    """
    GPU: grafikprozessor grafikprozessoren grafikchip grafikchips grafikkarte grafikkarten
    chip: halbleiter
    processor: prozessor prozessoren
    accelerator: beschleuniger
    node: knoten
    core: kerne
    supercomputer: hochleistungsrechner großrechner supercomputern
    computer: rechner rechnern computer computern
    data center: rechenzentrum rechenzentren datenzentrum datenzentren
    research center: forschungszentrum forschungszentren
    center: zentrum zentren
    parameter: parameter parametern
    language: sprache sprachen
    word: wörter
    model: modell modelle modellen
    engineer: ingenieur ingenieure ingenieuren ingenieurin ingenieurinnen
    researcher: forscher forschern forscherin forscherinnen forschende forschenden
    scientist: wissenschaftler wissenschaftlern wissenschaftlerin wissenschaftlerinnen
    professor: professor professoren professorin professorinnen
    professorship: professur professuren lehrstühle
    teacher: lehrer lehrern lehrerinnen lehrkräfte lehrkräften
    student: student studenten studentin studentinnen studierende studierenden
    student: schüler schülern schülerinnen
    PhD student: doktorand doktoranden doktorandinnen promovierende
    developer: entwickler entwicklern entwicklerin entwicklerinnen
    employee: mitarbeiter mitarbeitern mitarbeiterin mitarbeiterinnen mitarbeitende
    employee: mitarbeitenden beschäftigte beschäftigten angestellte angestellten
    skilled worker: fachkräfte fachkräften
    executive: führungskräfte führungskräften manager
    technician: techniker technikern technikerinnen
    expert: experte experten expertin expertinnen spezialisten
    talent: talente
    person: personen menschen
    user: nutzer nutzern nutzerin nutzerinnen nutzende anwender anwendern
    customer: kunden kundinnen
    citizen: bürger bürgern bürgerinnen
    inhabitant: einwohner einwohnern
    job: arbeitsplatz arbeitsplätze arbeitsplätzen jobs stellen
    company: unternehmen firmen konzerne betriebe
    SME: kmu mittelständler
    university: universität universitäten hochschule hochschulen unis
    school: schule schulen
    laboratory: labor labore laboren
    institute: institut institute instituten
    hospital: krankenhäuser kliniken
    project: projekt projekte projekten vorhaben
    application: anwendungen bewerbung bewerbungen antrag anträge anträgen
    partner: partner partnern partnerinnen
    member: mitglieder mitgliedern
    participant: teilnehmer teilnehmende teilnehmenden teilnehmerinnen
    country: land länder ländern staaten
    member state: mitgliedstaaten mitgliedsstaaten mitgliedstaat
    state: bundesländer bundesländern
    region: regionen
    city: städte städten
    municipality: kommunen gemeinden
    ministry: ministerien
    agency: behörden
    site: standort standorte standorten
    factory: fabrik fabriken
    gigafactory: gigafactory gigafactories gigafabrik gigafabriken
    patent: patente
    satellite: satelliten
    robot: roboter
    scholarship: stipendien
    """
)

GERMAN = Lexicon(
    lang="de",
    numbers=_NUMBERS,
    ones=("ein", "eine", "einer", "einem", "einen"),
    halves=r"halbe[nmr]?",
    connectors=frozenset(),
    scales=numbers(
        """
        million=1e6 millionen=1e6 mio.=1e6 mio=1e6 mill.=1e6 milliarde=1e9 milliarden=1e9
        mrd.=1e9 mrd=1e9 billion=1e12 billionen=1e12 bio.=1e12 tausend=1e3 tsd.=1e3
        """
    ),
    symbol_scales={"M": 1e6, "k": 1e3},
    currencies=pairs(
        """
        euro=EUR euros=EUR dollar=DOLLAR us-dollar=USD singapur-dollar=SGD hongkong-dollar=HKD
        taiwan-dollar=TWD franken=franc pfund=GBP pfund_sterling=GBP yen=JPY yuan=CNY
        renminbi=CNY won=KRW rupien=rupee rupie=rupee dirham=dirham riyal=riyal real=BRL
        reais=BRL rand=ZAR rubel=RUB kronen=crown zloty=PLN peso=peso pesos=peso naira=NGN
        schekel=ILS
        """
    ),
    guarded=frozenset({"pfund", "real", "rand", "kronen"}),
    currency_adjectives={"sterling": "GBP"},
    adjectives_before=pairs(
        """
        kanadische=CAD kanadischen=CAD australische=AUD australischen=AUD amerikanische=USD
        amerikanischen=USD schweizer=CHF britische=GBP britischen=GBP japanische=JPY
        japanischen=JPY chinesische=CNY chinesischen=CNY südkoreanische=KRW südkoreanischen=KRW
        indische=INR indischen=INR brasilianische=BRL brasilianischen=BRL mexikanische=MXN
        mexikanischen=MXN saudische=SAR saudischen=SAR
        """
    ),
    of=r"(?!)",
    percent=r"Prozent(?:punkte?n?)?",
    durations=pairs(
        """
        jahr=year jahre=year jahren=year jahres=year monat=month monate=month monaten=month
        monats=month woche=week wochen=week tag=day tage=day tagen=day jahrzehnt=decade
        jahrzehnte=decade jahrzehnten=decade
        """
    ),
    nouns={**LOAN_NOUNS, **_NOUNS},
    pre_adjectives=frozenset(),
    between=r"zwischen",
    and_=r"und",
    from_=r"von|vom",
    to=r"bis(?:\s+zu)?",
    change_to=r"auf",
    change_verbs=(
        r"steig\w*|stieg\w*|erhöh\w*|wuchs\w*|wächst|wachs\w*|sink\w*|sank\w*|fiel\w*|fall\w*"
        r"|verdoppel\w*|verdreifach\w*|ausgebaut|aufgestockt|aufstock\w*|senk\w*|reduzier\w*"
        r"|kürz\w*|anheb\w*|angehoben|erweiter\w*|gesteigert"
    ),
    hedges=(
        r"rund|etwa|ca\.|circa|zirka|knapp|gut|mehr\s+als|weniger\s+als|über|unter|bis\s+zu"
        r"|mindestens|fast|nahezu|annähernd|insgesamt|beinahe|maximal|höchstens|bislang"
    ),
    ago_before=r"vor",
    after_span=r"später|danach|zuvor|davor|alt|älter|jünger|her",
    age_before=r"im\s+Alter\s+von|Alter\s+von|mit",
    share=r"von",
    share_percent=r"von",
    fraction_of=r"der|des|aller|von",
    labels=word_set(
        """artikel paragraf absatz kapitel seite seiten nummer nr version phase stufe level
        kategorie rang platz top ausgabe band teil generation folge runde"""
    ),
    compound_nouns=True,
    span_adjective=(
        r"(?<![\w-])(?P<num>\d+-?|[a-zäöüß]+?)(?P<unit>jähr|monat)ig(?:e[nmrs]?)?\s+"
        r"(?:[a-zäöüß]+\s+)?[\w-]*?(?:programm|plan|förderung|phase|periode|projekt|laufzeit"
        r"|vertrag|strategie|initiative|partnerschaft|mission|finanzierung)\w*"
    ),
)
