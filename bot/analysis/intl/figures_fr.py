"""French figure words: "dix-huit mois", "70 milliards de paramètres", "5 Md€", "40 %".

French (and Swiss, Belgian, Québécois) copy: "milliard" is 10⁹ and "billion" 10¹²;
"Md€"/"Mds€", "M€" and "M$" abbreviate beside the sign; Swiss French says "septante" and
"nonante"; a Canadian story's "dollars" and "$" are Canadian (`dollar_local`).
"""

from __future__ import annotations

from bot.analysis.intl.figures_lexicon import LOAN_NOUNS, Lexicon, glossary, numbers, pairs
from bot.analysis.numbers import word_set

__all__ = ["FRENCH"]

_UNITS = numbers(
    """
    un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 douze=12
    treize=13 quatorze=14 quinze=15 seize=16 dix-sept=17 dix-huit=18 dix-neuf=19
    """
)
_TENS = numbers(
    """
    vingt=20 vingts=20 trente=30 quarante=40 cinquante=50 soixante=60 septante=70 huitante=80
    octante=80 nonante=90
    """
)
_NUMBERS: dict[str, float] = {**_UNITS, **_TENS, "cent": 100, "cents": 100, "mille": 1000}
# 70-79 and 90-99 count on from sixty and eighty with the teens
for _base, _value in (("soixante", 60), ("quatre-vingt", 80)):
    _NUMBERS[_base + "-dix"] = _value + 10
    for _teen, _n in _UNITS.items():
        if 11 <= _n <= 19:
            _NUMBERS[f"{_base}-{_teen}"] = _value + _n
_NUMBERS.update({"quatre-vingts": 80, "quatre-vingt": 80, "soixante-et-onze": 71})

_NOUNS = glossary(
    """
    GPU: processeur_graphique processeurs_graphiques carte_graphique cartes_graphiques
    GPU: unités_de_traitement_graphique puces_graphiques
    chip: puce puces superpuce superpuces semi-conducteurs
    processor: processeur processeurs
    accelerator: accélérateur accélérateurs
    server: serveur serveurs
    node: nœud nœuds noeud noeuds
    core: cœur cœurs coeurs
    supercomputer: supercalculateur supercalculateurs superordinateur superordinateurs
    computer: ordinateur ordinateurs
    data center: centre_de_données centres_de_données centre_de_donnée centres_de_donnée
    data center: centres_de_traitement_de_données
    computing center: centre_de_calcul centres_de_calcul
    research center: centre_de_recherche centres_de_recherche
    center: centre centres pôle pôles
    parameter: paramètre paramètres
    token: jeton jetons
    language: langue langues
    word: mot mots
    model: modèle modèles
    dataset: jeu_de_données jeux_de_données
    engineer: ingénieur ingénieurs ingénieure ingénieures
    researcher: chercheur chercheurs chercheuse chercheuses enseignants-chercheurs
    scientist: scientifique scientifiques
    professor: professeur professeurs professeure professeures
    teacher: enseignant enseignants enseignante enseignantes
    student: étudiant étudiants étudiante étudiantes élève élèves
    PhD student: doctorant doctorants doctorante doctorantes
    developer: développeur développeurs développeuse développeuses
    employee: salarié salariés salariée salariées employé employés collaborateur collaborateurs
    civil servant: fonctionnaire fonctionnaires agents_publics
    executive: dirigeant dirigeants cadres
    technician: technicien techniciens technicienne techniciennes
    expert: expert experts experte expertes spécialiste spécialistes
    talent: talent talents
    person: personne personnes
    user: utilisateur utilisateurs utilisatrice utilisatrices usager usagers
    customer: client clients
    citizen: citoyen citoyens citoyenne citoyennes
    inhabitant: habitant habitants
    job: emploi emplois poste postes
    company: entreprise entreprises société sociétés
    SME: pme
    startup: jeune_pousse jeunes_pousses
    unicorn: licorne licornes
    university: université universités
    school: école écoles
    laboratory: laboratoire laboratoires labo labos
    institute: institut instituts
    hospital: hôpital hôpitaux
    project: projet projets
    application: application applications candidature candidatures
    partner: partenaire partenaires
    member: membre membres
    participant: participant participants
    country: pays
    member state: état_membre états_membres pays_membres
    region: région régions
    city: ville villes
    municipality: commune communes municipalité municipalités
    ministry: ministère ministères
    agency: agence agences
    site: site sites
    campus: campus
    factory: usine usines
    gigafactory: gigafactory gigafactories gigausine gigausines
    patent: brevet brevets
    satellite: satellite satellites
    robot: robot robots
    scholarship: bourse bourses
    """
)

FRENCH = Lexicon(
    lang="fr",
    numbers=_NUMBERS,
    ones=("un", "une"),
    halves=r"demi",
    connectors=frozenset({"et"}),
    scales=numbers(
        """
        million=1e6 millions=1e6 milliard=1e9 milliards=1e9 billion=1e12 billions=1e12 md=1e9
        mds=1e9 mrd=1e9 mrds=1e9 mio=1e6 mille=1e3 millier=1e3 milliers=1e3
        """
    ),
    symbol_scales=numbers(
        """
        M=1e6 Md=1e9 Mds=1e9 G=1e9 k=1e3
        """
    ),
    currencies=pairs(
        """
        euro=EUR euros=EUR dollar=DOLLAR dollars=DOLLAR franc=franc francs=franc
        livre_sterling=GBP livres_sterling=GBP livre=GBP livres=GBP yen=JPY yens=JPY yuan=CNY
        yuans=CNY renminbi=CNY won=KRW wons=KRW roupie=rupee roupies=rupee dirham=dirham
        dirhams=dirham riyal=riyal riyals=riyal réal=BRL réals=BRL reais=BRL rand=ZAR rands=ZAR
        naira=NGN nairas=NGN shekel=ILS shekels=ILS rouble=RUB roubles=RUB peso=peso pesos=peso
        dinar=dinar dinars=dinar couronne=crown couronnes=crown zloty=PLN zlotys=PLN ringgit=MYR
        ringgits=MYR roupie_indienne=INR roupies_indiennes=INR
        """
    ),
    guarded=frozenset({"livre", "livres", "couronne", "couronnes", "rand", "rands"}),
    currency_adjectives=pairs(
        """
        américains=USD américain=USD us=USD des_états-unis=USD canadiens=CAD canadien=CAD
        australiens=AUD australien=AUD de_singapour=SGD singapouriens=SGD de_hong_kong=HKD
        taïwanais=TWD néo-zélandais=NZD suisses=CHF suisse=CHF cfa=XOF marocains=MAD
        émiratis=AED saoudiens=SAR qataris=QAR mexicains=MXN argentins=ARS chiliens=CLP
        colombiens=COP brésiliens=BRL sud-africains=ZAR tunisiens=TND algériens=DZD
        suédoises=SEK norvégiennes=NOK danoises=DKK tchèques=CZK
        """
    ),
    adjectives_before={},
    of=r"(?:de\s+|d['’]\s*)",
    percent=r"pour\s?cent|points?\s+de\s+pourcentage",
    durations=pairs(
        """
        an=year ans=year année=year années=year mois=month semaine=week semaines=week jour=day
        jours=day décennie=decade décennies=decade
        """
    ),
    nouns={**LOAN_NOUNS, **_NOUNS},
    pre_adjectives=word_set(
        """prochains prochaines nouveaux nouvelles nouvel nouveau nouvelle grands grandes grand
        grande petits petites jeunes premiers premières derniers dernières autres
        principaux principales meilleurs meilleures futurs futures anciens anciennes
        véritables vrais hauts hautes gros grosses bons bonnes"""
    ),
    between=r"entre",
    and_=r"et",
    from_=r"de|d['’]",
    to=r"à|au",
    change_to="",
    change_verbs=(
        r"pass\w*|augment\w*|cro[iî]\w*|grimp\w*|bondi\w*|port[ée]\w*|rédui\w*|baiss\w*"
        r"|diminu\w*|chut\w*|progress\w*|relev\w*|doubl\w*|tripl\w*|élarg\w*|gonfl\w*|mont[ée]\w*"
        r"|recul\w*|évolu\w*|hauss\w*"
    ),
    hedges=(
        r"(?:un\s+peu\s+)?(?:plus|moins)\s+de|environ|près\s+de|quelque|presque|jusqu['’]à"
        r"|au\s+moins|au\s+plus|approximativement|autour\s+de|pas\s+moins\s+de|quasiment"
    ),
    ago_before=r"il\s+y\s+a|voici|voilà",
    after_span=r"plus\s+tard|plus\s+tôt|après|auparavant|avant|d['’]âge|révolus",
    age_before=r"âgée?s?\s+de|à\s+l['’]âge\s+de|à",
    share=r"sur",
    share_percent=r"sur",
    fraction_of=r"des|de|du|d['’]",
    labels=word_set(
        """article articles chapitre page pages numéro n° no version phase étape niveau
        catégorie rang top classement tome volume édition salle route ligne génération
        partie alinéa paragraphe annexe lot tranche saison épisode"""
    ),
    dollar_local=True,
)
