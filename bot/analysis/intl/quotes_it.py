"""Italian words for quotes: «…» and “…” with "ha detto", "ha dichiarato", "secondo".

Italian papers mostly use « » and put the verb in the passato prossimo ("ha
sottolineato il ministro"); the subject is often left out ("…», ha aggiunto.") and is
then the previous speaker.
"""

from __future__ import annotations

from bot.analysis.intl.quotes_lexicon import LatinWords, Tense, split

__all__ = ["ITALIAN"]

_PARTICIPLES = split(
    """detto dichiarato spiegato aggiunto sottolineato affermato precisato osservato
    ricordato commentato evidenziato rilevato concluso assicurato annunciato ribadito
    raccontato sostenuto risposto avvertito indicato confermato chiarito insistito
    rimarcato scritto puntualizzato illustrato auspicato definito garantito segnalato
    ammesso replicato proseguito incalzato comunicato informato fatto_sapere"""
)
_PRESENT = split(
    """dice dichiara spiega aggiunge sottolinea afferma precisa osserva ricorda commenta
    evidenzia rileva conclude assicura annuncia ribadisce racconta sostiene risponde
    avverte indica conferma chiarisce insiste rimarca scrive puntualizza illustra
    auspica garantisce segnala ammette replica prosegue incalza comunica informa fa_sapere
    dicono affermano
    sottolineano spiegano"""
)
_REMOTE = split(
    """disse dichiarò spiegò aggiunse sottolineò affermò precisò osservò ricordò commentò
    concluse assicurò annunciò ribadì rispose"""
)

# "ha poi aggiunto", "ha anche detto": an adverb inside the tense
_ADVERBS = split("poi anche inoltre già ancora infine quindi però più_volte ieri oggi")

ITALIAN = LatinWords(
    verbs=_PRESENT + _REMOTE,
    tenses=(Tense(("ha", "hanno", "aveva"), _PARTICIPLES, _ADVERBS),),
    pronoun_verbs=(),
    according=split("secondo stando_a a_detta_di a_parere_di"),
    according_after=(),
    pronouns=frozenset(split("lui lei egli ella essi loro")),
    honorifics=frozenset(
        split("Sig. Sig.ra Dott. Dott.ssa Dr. Prof. Prof.ssa Ing. Avv. On. Sen. Mons.")
    ),
    roles=split(
        """ministro ministra presidente presidentessa direttore direttrice
        direttore_generale amministratore_delegato ad CEO fondatore fondatrice
        cofondatore cofondatrice ricercatore ricercatrice professore professoressa
        docente sottosegretario sottosegretaria segretario segretaria commissario
        commissaria deputato deputata senatore senatrice sindaco sindaca assessore
        consigliere consigliera responsabile delegato delegata capo dirigente economista
        analista esperto esperta portavoce vicepresidente vicepresidentessa ambasciatore
        ambasciatrice governatore governatrice socio socia avvocato avvocata ingegnere
        rettore rettrice coordinatore coordinatrice head manager rappresentante
        specialista premier CTO numero_uno"""
    ),
    role_suffixes=(),
    spokespeople=split("portavoce rappresentante fonte fonti"),
    org_words=split(
        """Stato ministero governo commissione agenzia azienda società gruppo startup istituto
        università scuola centro fondazione associazione federazione sindacato banca
        consiglio autorità ufficio osservatorio parlamento camera senato dipartimento
        laboratorio ente fondo piattaforma operatore consorzio alleanza Palazzo_Chigi
        Farnesina Regione"""
    ),
    statements=split("comunicato nota dichiarazione lettera messaggio documento"),
    articles=frozenset(
        split("il lo la l' l’ i gli le un uno una un' del dello della dei degli delle suo sua")
    ),
    openers=frozenset(
        split(
            """Il Lo La L I Gli Le Un Uno Una Del Dello Della Dei Degli Delle Al Allo Alla
            Lui Lei Egli Essi Secondo Per Ma E O In Con Senza Su Sotto Dopo Durante Da Fino
            Come Se Quando Mentre Così Inoltre Anche Oggi Ieri Suo Sua Nostro Nostra Tra
            Fra Davanti Sebbene Perché Già Non Sì Ogni Altro Altra Questo Questa Quel
            Quella Qui Lì Nel Nella Nei Negli Nelle"""
        )
    ),
    particles=frozenset(split("di de da del della dei degli dello d' d’")),
    naming=split(
        """intitolato intitolata denominato denominata chiamato chiamata battezzato
        battezzata progetto programma piano rapporto iniziativa conferenza vertice evento
        incontro forum convegno libro film slogan motto strategia missione bando concorso
        legge testo campagna marchio serie podcast seminario tavola_rotonda"""
    ),
    relatives=frozenset(split("che chi cui quale quali il_quale la_quale dove")),
    for_words=("per",),
    addressee=("a", "al", "all'", "all’", "alla", "allo", "ai", "agli", "alle"),
    kinds=split("azienda società gruppo startup"),
    definite=frozenset(split("il lo la l' l’ i gli le")),
    days=frozenset(
        split(
            """Lunedì Martedì Mercoledì Giovedì Venerdì Sabato Domenica Gennaio Febbraio
            Marzo Aprile Maggio Giugno Luglio Agosto Settembre Ottobre Novembre Dicembre"""
        )
    ),
)
