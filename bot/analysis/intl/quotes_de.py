"""German words for quotes: „…“, »…« and ‚…‘ with "sagte", "betonte", "so …", "laut".

German puts the subject after the verb when the quote comes first ("sagte Merz",
"betonte die Ministerin", "teilte das Ministerium mit"), and "so" alone introduces a
speaker ("…“, so Wildberger."). Every noun is capitalised, so a role is known by its
ending: "Digitalminister", "Konzernchefin", "Bitkom-Präsident" are roles, not names.
"""

from __future__ import annotations

from bot.analysis.intl.quotes_lexicon import LatinWords, split

__all__ = ["GERMAN"]

_PAST = split(
    """sagte sagten erklärte erklärten betonte betonten meinte meinten ergänzte ergänzten
    unterstrich unterstrichen berichtete berichteten erläuterte erläuterten versicherte
    versicherten warnte warnten forderte forderten kritisierte kritisierten schrieb
    schrieben äußerte äußerten bekräftigte bekräftigten argumentierte mahnte resümierte
    bilanzierte versprach räumte fügte hob teilte stellte kündigte zeigte_sich gab
    verwies verwiesen sprach fasste antwortete antworteten begründete lobte kommentierte
    urteilte bemerkte erinnerte entgegnete entgegneten konterte widersprach"""
)
_PRESENT = split(
    """sagt sagen erklärt erklären betont betonen meint meinen ergänzt unterstreicht
    berichtet erläutert versichert warnt fordert kritisiert schreibt äußert bekräftigt
    argumentiert mahnt verspricht räumt fügt hebt teilt stellt kündigt zeigt_sich gibt
    verweist spricht antwortet begründet lobt kommentiert urteilt bemerkt erinnert
    entgegnet kontert widerspricht"""
)
# the participle closes the clause, whatever comes between: "Merz hat am Montag gesagt"
_PERFECT = split("gesagt betont gemeint ergänzt unterstrichen bekräftigt angekündigt")

# a first phrase that is not the subject: the subject follows the verb (verb second),
# "Zu den Plänen der Ministerin äußerte sich Renner", "Dazu sagte Renner"
_FRONTED = split(
    """zu zum zur dazu am im in an auf aus bei beim mit nach vor über unter um gegen
    gegenüber seit während wegen trotz angesichts hinsichtlich bezüglich ohne durch
    darauf daraufhin dabei darüber hierzu hierbei gestern heute morgen später
    anschließend zuvor danach damals dennoch trotzdem deshalb daher zudem außerdem
    allerdings jedoch zunächst schließlich abschließend kürzlich jüngst inzwischen
    mittlerweile"""
)

GERMAN = LatinWords(
    verbs=_PAST + _PRESENT + _PERFECT + split("hieß_es heißt_es"),
    pronoun_verbs=(),
    according=split("laut nach_Angaben_von nach_Worten_von nach_Ansicht_von"),
    according_after=split("zufolge"),
    pronouns=frozenset(split("er sie ihm ihr ihnen")),
    honorifics=frozenset(split("Herr Herrn Frau Dr. Dr Prof. Prof Dipl.-Ing. Dres.")),
    roles=split(
        """Minister Ministerin Präsident Präsidentin Chef Chefin Sprecher Sprecherin
        Direktor Direktorin Leiter Leiterin Vorsitzende Vorsitzender Kanzler Kanzlerin
        Gründer Gründerin Mitgründer Mitgründerin Experte Expertin Forscher Forscherin
        Professor Professorin Geschäftsführer Geschäftsführerin Vorstand Beauftragte
        Beauftragter Analyst Analystin Ökonom Ökonomin Senator Senatorin Staatssekretär
        Staatssekretärin Bürgermeister Bürgermeisterin Abgeordnete Abgeordneter
        Politiker Politikerin Manager Managerin Berater Beraterin Referent Referentin
        Ministerpräsident Ministerpräsidentin CEO CTO Head Kommissarin Kommissar
        Botschafter Botschafterin Mitarbeiter Mitarbeiterin Vertreter Vertreterin"""
    ),
    role_suffixes=split(
        """minister ministerin präsident präsidentin chef chefin sprecher sprecherin
        direktor direktorin leiter leiterin vorsitzende vorsitzender kanzler kanzlerin
        gründer gründerin experte expertin forscher forscherin professor professorin
        geschäftsführer geschäftsführerin vorstand beauftragte beauftragter analyst
        analystin ökonom ökonomin staatssekretär staatssekretärin bürgermeister
        bürgermeisterin abgeordnete abgeordneter politiker politikerin manager managerin
        berater beraterin kommissar kommissarin vertreter vertreterin informatiker
        informatikerin wissenschaftler wissenschaftlerin physiker physikerin ingenieur
        ingenieurin unternehmer unternehmerin investor investorin autor autorin
        journalist journalistin ethiker ethikerin entwickler entwicklerin historiker
        historikerin politologe politologin jurist juristin soziologe soziologin
        demokrat demokratin"""
    ),
    spokespeople=split("Sprecher Sprecherin Regierungssprecher Regierungssprecherin Vertreter"),
    org_words=split(
        """Staat Ministerium Bundesministerium Regierung Bundesregierung Kommission Agentur
        Unternehmen Konzern Firma Gruppe Institut Universität Hochschule Zentrum Stiftung
        Verband Verein Bank Rat Behörde Amt Bundesamt Parlament Bundestag Senat Startup
        Start-up Labor Fonds Plattform Betreiber Konsortium Allianz Gesellschaft GmbH AG
        SE Kanzleramt Bundeskanzleramt Digitalministerium Forschungsministerium
        Wirtschaftsministerium Finanzministerium Land Landesregierung Staatskanzlei"""
    ),
    statements=split("Mitteilung Pressemitteilung Erklärung Stellungnahme Schreiben Papier"),
    articles=frozenset(
        split("der die das den dem des ein eine einen einem einer eines sein seine ihre")
    ),
    openers=frozenset(
        split(
            """Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ihr Ich Man
            Laut Nach Mit Für Bei Im In Am Auf Aus Um Vor Seit Bis Über Unter Zum Zur Und
            Aber Doch Auch So Wie Als Wenn Dass Damit Dabei Dazu Daher Deshalb Zudem
            Außerdem Allerdings Jedoch Nun Heute Gestern Dies Diese Dieser Dieses Sein
            Seine Ihre Unser Unsere Zwar Denn Oder Noch Schon Bereits Gegen Ohne Durch
            Zwischen Neben Hinter Trotz Während Wegen Anfang Ende Mitte"""
        )
    ),
    particles=frozenset(split("von van zu vom de di von_der van_der van_den von_und_zu")),
    naming=split(
        """Titel namens genannt Motto Projekt Projekts Programm Programms Initiative
        Konferenz Studie Bericht Strategie Plan Gesetz Buch Film Kampagne Slogan Aktion
        Gipfel Veranstaltung Forum Förderprogramm Wettbewerb Reihe Podcast Sendung
        Leitlinie Papier Label Marke"""
    ),
    relatives=frozenset(split("der die das den dem deren dessen welche welcher welches")),
    after_verbs=("so",),
    for_words=("für",),
    addressee=("gegenüber",),
    kinds=split("Unternehmen Konzern Firma Start-up Startup Anbieter Hersteller Betreiber"),
    definite=frozenset(split("der die das den dem des")),
    fronted=frozenset(_FRONTED),
    capital_nouns=True,
    days=frozenset(
        split(
            """Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar
            März April Mai Juni Juli August September Oktober November Dezember"""
        )
    ),
)
