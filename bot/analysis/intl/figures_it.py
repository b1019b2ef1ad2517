"""Italian figure words: "3 miliardi di euro", "10mila GPU", "duecento ricercatori", "per cento".

Italian writes numbers as one word ("ventitré", "centocinquanta", "duemila"), dropping a
ten's last vowel before "uno" and "otto" ("ventuno", "trentotto"); "mila" closes the
thousands and also follows digits ("10mila", "500 mila"); "mln" and "mld" abbreviate.
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import LOAN_NOUNS, Lexicon, glossary, numbers, pairs
from bot.analysis.numbers import word_set

__all__ = ["ITALIAN"]

_UNITS = numbers(
    """
    uno=1 una=1 un=1 due=2 tre=3 tré=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 dieci=10
    undici=11 dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 diciassette=17
    diciotto=18 diciannove=19
    """
)
_TENS = numbers(
    """
    venti=20 trenta=30 quaranta=40 cinquanta=50 sessanta=60 settanta=70 ottanta=80 novanta=90
    """
)
_NUMBERS: dict[str, float] = {**_UNITS, **_TENS, "cento": 100, "cent": 100, "mille": 1000}
_NUMBERS["mila"] = 1000
_NUMBERS.update({word[:-1]: value for word, value in _TENS.items()})  # "vent" in "ventuno"

_NOUNS = glossary(
    """
    GPU: unità_di_elaborazione_grafica processori_grafici schede_grafiche
    chip: semiconduttori
    processor: processore processori
    accelerator: acceleratore acceleratori
    node: nodo nodi
    core: core
    supercomputer: supercalcolatore supercalcolatori
    computer: computer calcolatori
    data center: centro_dati centri_dati centri_di_elaborazione_dati
    computing center: centro_di_calcolo centri_di_calcolo
    research center: centro_di_ricerca centri_di_ricerca
    center: centro centri polo poli
    parameter: parametro parametri
    language: lingua lingue idioma idiomi
    word: parola parole
    model: modello modelli
    engineer: ingegnere ingegneri
    researcher: ricercatore ricercatori ricercatrice ricercatrici
    scientist: scienziato scienziati scienziata scienziate
    professor: professore professori professoressa professoresse docenti_universitari
    teacher: docente docenti insegnante insegnanti
    student: studente studenti studentessa studentesse
    PhD student: dottorando dottorandi dottorande
    developer: sviluppatore sviluppatori sviluppatrici
    employee: dipendente dipendenti impiegato impiegati addetti collaboratori
    worker: lavoratore lavoratori lavoratrici
    executive: dirigente dirigenti manager
    technician: tecnico tecnici
    expert: esperto esperti esperta esperte specialista specialisti
    talent: talenti
    person: persona persone
    user: utente utenti
    customer: cliente clienti
    citizen: cittadino cittadini cittadine
    inhabitant: abitante abitanti
    job: posto_di_lavoro posti_di_lavoro impiego impieghi
    company: azienda aziende impresa imprese società
    SME: pmi
    unicorn: unicorno unicorni
    university: università ateneo atenei
    school: scuola scuole
    laboratory: laboratorio laboratori
    institute: istituto istituti
    hospital: ospedale ospedali
    project: progetto progetti
    application: applicazione applicazioni candidatura candidature
    partner: partner
    member: membro membri
    participant: partecipante partecipanti
    country: paese paesi
    member state: stato_membro stati_membri
    state: stati
    region: regione regioni
    city: città
    municipality: comune comuni
    ministry: ministero ministeri
    agency: agenzia agenzie
    site: sede sedi
    factory: fabbrica fabbriche stabilimento stabilimenti
    patent: brevetto brevetti
    satellite: satellite satelliti
    robot: robot
    scholarship: borsa_di_studio borse_di_studio
    """
)

ITALIAN = Lexicon(
    lang="it",
    numbers=_NUMBERS,
    ones=("un", "una"),
    halves=r"mezzo",
    connectors=frozenset({"e"}),
    scales=numbers(
        """
        milione=1e6 milioni=1e6 miliardo=1e9 miliardi=1e9 mila=1e3 mln=1e6 mld=1e9 mrd=1e9
        mld.=1e9 bilione=1e12 bilioni=1e12
        """
    ),
    symbol_scales={"M": 1e6, "Mld": 1e9, "k": 1e3},
    currencies=pairs(
        """
        euro=EUR dollaro=DOLLAR dollari=DOLLAR sterlina=GBP sterline=GBP franco=franc
        franchi=franc yen=JPY yuan=CNY renminbi=CNY won=KRW rupia=rupee rupie=rupee peso=peso
        pesos=peso real=BRL reais=BRL rublo=RUB rubli=RUB
        """
    ),
    guarded=frozenset({"franco", "real"}),
    currency_adjectives=pairs(
        """
        statunitensi=USD americani=USD usa=USD canadesi=CAD australiani=AUD svizzeri=CHF
        di_singapore=SGD messicani=MXN argentini=ARS cileni=CLP colombiani=COP britanniche=GBP
        """
    ),
    adjectives_before={},
    of=r"(?:di\s+|d['’]\s*)",
    percent=r"per\s?cento|percento|punti\s+percentuali",
    durations=pairs(
        """
        anno=year anni=year mese=month mesi=month settimana=week settimane=week giorno=day
        giorni=day decennio=decade decenni=decade
        """
    ),
    nouns={**LOAN_NOUNS, **_NOUNS},
    pre_adjectives=word_set(
        """prossimi prossime nuovi nuove nuovo nuova grandi grande piccole piccoli giovani primi
        prime ultimi ultime altri altre principali migliori futuri future vecchi veri"""
    ),
    between=r"tra|fra",
    and_=r"e|ed",
    from_=r"da|dai|dagli",
    to=r"a|ai|agli",
    change_to="",
    change_verbs=(
        r"pass\w*|aument\w*|cresc\w*|cresciut\w*|sal\w*|scend\w*|scese|ridott\w*|ridu\w*"
        r"|raddoppi\w*|triplic\w*|alz\w*|portat\w*|balz\w*|cal\w*|diminu\w*|moltiplic\w*"
        r"|lievit\w*"
    ),
    hedges=(
        r"(?:poco\s+)?(?:più|meno)\s+di|circa|quasi|oltre|fino\s+a|almeno|intorno\s+a"
        r"|attorno\s+a|all['’]incirca|approssimativamente"
    ),
    ago_before=r"(?!)",
    after_span=r"fa|dopo|più\s+tardi|prima|di\s+età",
    age_before=r"all['’]età\s+di|età\s+di",
    share=r"su|ogni",
    share_percent=r"su|ogni",
    fraction_of=r"di|dei|degli|delle|della|del",
    labels=word_set(
        """articolo capitolo pagina numero n. versione fase livello categoria posto top
        edizione generazione parte stagione"""
    ),
    bound=frozenset({"mila", "cent", "tré", *(word[:-1] for word in _TENS)}),
)
