"""French country words and role cues: names, demonyms in all four forms, the seats of
power French news names instead of the state ("l'Élysée", "Matignon", "Bercy", "la
Confédération"), and journalism's periphrases ("l'Hexagone", "outre-Rhin")."""

from __future__ import annotations

from bot.analysis.intl.countries_lexicon import Table, build
from bot.analysis.intl.countries_romance import RomanceWords, romance_roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "US": (
        "États-Unis|Etats-Unis|USA|US|Amérique|outre-Atlantique",
        "américain|états-unien",
        "Washington|New York|Silicon Valley|Californie|San Francisco",
    ),
    "CA": ("Canada", "canadien", "Ottawa|Montréal|Toronto|Québec|Vancouver"),
    "MX": ("Mexique", "mexicain", "Mexico"),
    "BR": ("Brésil", "brésilien", "Brasilia|São Paulo|Rio de Janeiro"),
    "AR": ("Argentine", "argentin", "Buenos Aires"),
    "CL": ("Chili", "chilien", "Santiago du Chili"),
    "CO": ("Colombie", "colombien", "Bogota|Bogotá"),
    "GB": (
        "Royaume-Uni|Grande-Bretagne|Angleterre|Écosse|outre-Manche",
        "britannique|écossais",
        "Londres",
    ),
    "IE": ("Irlande", "irlandais", "Dublin"),
    "FR": (
        "France|Hexagone",
        "français|hexagonal/hexagonale/hexagonaux/hexagonales",
        "Paris|Lyon|Marseille|Toulouse|Grenoble|Saclay|Bordeaux|Lille|Nantes|Strasbourg|"
        "Rennes|Montpellier|Nice|Île-de-France|Bretagne|Occitanie|Normandie|Essonne",
    ),
    "DE": ("Allemagne|outre-Rhin", "allemand", "Berlin|Munich|Francfort|Hambourg|Stuttgart"),
    "IT": ("Italie", "italien", "Rome|Milan|Turin|Bologne|Naples|Florence"),
    "ES": ("Espagne", "espagnol", "Madrid|Barcelone|Séville|Valence"),
    "PT": ("Portugal", "portugais", "Lisbonne|Porto"),
    "NL": ("Pays-Bas", "néerlandais|hollandais", "Amsterdam|La Haye|Rotterdam|Eindhoven"),
    "BE": ("Belgique", "belge", "Anvers|Gand|Liège|Wallonie|Flandre|Louvain|Namur|Charleroi"),
    "CH": (
        "Suisse|Helvétie",
        "helvétique|suisse",
        "Berne|Genève|Zurich|Lausanne|Lugano|Bâle|Tessin|Neuchâtel|Vaud|Valais|Fribourg|"
        "Argovie|Grisons|Lucerne|Saint-Gall",
    ),
    "AT": ("Autriche", "autrichien", "Vienne"),
    "LU": ("Luxembourg", "luxembourgeois", ""),
    "SE": ("Suède", "suédois", "Stockholm"),
    "NO": ("Norvège", "norvégien", "Oslo"),
    "DK": ("Danemark", "danois", "Copenhague"),
    "FI": ("Finlande", "finlandais", "Helsinki"),
    "PL": ("Pologne", "polonais", "Varsovie"),
    "CZ": ("République tchèque|Tchéquie", "tchèque", "Prague"),
    "GR": ("Grèce", "grec/grecque/grecs/grecques", "Athènes"),
    "HU": ("Hongrie", "hongrois", "Budapest"),
    "RO": ("Roumanie", "roumain", "Bucarest"),
    "EE": ("Estonie", "estonien", "Tallinn"),
    "UA": ("Ukraine", "ukrainien", "Kiev|Kyiv"),
    "RU": ("Russie", "russe", "Moscou"),
    "TR": ("Turquie", "turc/turque/turcs/turques", "Ankara|Istanbul"),
    "IL": ("Israël", "israélien", "Tel-Aviv|Jérusalem"),
    "SA": ("Arabie saoudite", "saoudien", "Riyad"),
    "AE": ("Émirats arabes unis|Émirats|EAU", "émirati", "Abou Dhabi|Abu Dhabi|Dubaï"),
    "QA": ("Qatar", "qatari|qatarien", "Doha"),
    "EG": ("Égypte", "égyptien", "Le Caire"),
    "MA": ("Maroc", "marocain", "Rabat|Casablanca"),
    "DZ": ("Algérie", "algérien", "Alger"),
    "TN": ("Tunisie", "tunisien", "Tunis"),
    "SN": ("Sénégal", "sénégalais", "Dakar"),
    "CI": ("Côte d'Ivoire|Côte d’Ivoire", "ivoirien", "Abidjan|Yamoussoukro"),
    "CM": ("Cameroun", "camerounais", "Yaoundé|Douala"),
    "RW": ("Rwanda", "rwandais", "Kigali"),
    "NG": ("Nigeria|Nigéria", "nigérian", "Abuja|Lagos"),
    "KE": ("Kenya", "kényan", "Nairobi"),
    "ZA": ("Afrique du Sud", "sud-africain", "Pretoria|Johannesburg|Le Cap"),
    "IN": ("Inde", "indien", "New Delhi|Delhi|Bombay|Mumbai|Bangalore|Bengaluru"),
    "PK": ("Pakistan", "pakistanais", "Islamabad"),
    "CN": ("Chine|Empire du Milieu", "chinois", "Pékin|Beijing|Shanghai|Shenzhen|Hangzhou"),
    "TW": ("Taïwan|Taiwan", "taïwanais", "Taipei"),
    "JP": ("Japon|archipel nippon", "japonais|nippon", "Tokyo|Osaka|Kyoto"),
    "KR": ("Corée du Sud|Corée", "sud-coréen|coréen", "Séoul"),
    "KP": ("Corée du Nord", "nord-coréen", "Pyongyang"),
    "SG": ("Singapour", "singapourien", ""),
    "MY": ("Malaisie", "malaisien", "Kuala Lumpur"),
    "ID": ("Indonésie", "indonésien", "Jakarta"),
    "TH": ("Thaïlande", "thaïlandais", "Bangkok"),
    "VN": ("Vietnam|Viêt Nam", "vietnamien", "Hanoï|Hanoi"),
    "PH": ("Philippines", "philippin", "Manille"),
    "AU": ("Australie", "australien", "Canberra|Sydney|Melbourne"),
    "NZ": ("Nouvelle-Zélande", "néo-zélandais", "Wellington"),
    "HR": ("Croatie", "croate", "Zagreb"),
    "SI": ("Slovénie", "slovène", "Ljubljana"),
    "SK": ("Slovaquie", "slovaque", "Bratislava"),
    "BG": ("Bulgarie", "bulgare", ""),
    "RS": ("Serbie", "serbe", "Belgrade"),
    "MT": ("Malte", "maltais", "La Valette"),
    "CY": ("Chypre", "chypriote", "Nicosie"),
    "IS": ("Islande", "islandais", "Reykjavik"),
    "LT": ("Lituanie", "lituanien", "Vilnius"),
    "LV": ("Lettonie", "letton/lettone/lettons/lettones", "Riga"),
    "MC": ("Principauté de Monaco", "monégasque", ""),
    "AD": ("Andorre", "andorran", ""),
    "LI": ("Liechtenstein", "liechtensteinois", "Vaduz"),
    "BJ": ("Bénin", "béninois", "Cotonou|Porto-Novo"),
    "BF": ("Burkina Faso", "burkinabè", "Ouagadougou"),
    "ML": ("Mali", "malien", "Bamako"),
    "GA": ("Gabon", "gabonais", "Libreville"),
    "CD": ("République démocratique du Congo|RDC", "congolais", "Kinshasa"),
    "MG": ("Madagascar", "malgache", "Antananarivo"),
    "TG": ("Togo", "togolais", "Lomé"),
    "GN": ("Guinée", "guinéen", "Conakry"),
    "HT": ("Haïti", "haïtien", "Port-au-Prince"),
    "LB": ("Liban", "libanais", "Beyrouth"),
    "EU": ("Union européenne|UE|EU|Vingt-Sept|Europe des Vingt-Sept", "", "Bruxelles"),
}

BODIES = {
    "FR": "Élysée|Elysée|Elysee|Matignon|Bercy|Quai d'Orsay|Assemblée nationale|Inria|CNRS|"
    "GENCI|Jean Zay|Bpifrance|France 2030|Conseil national du numérique|Arcep|CNIL|"
    "Agence nationale de la recherche|Commissariat à l'énergie atomique",
    "CH": "Conseil fédéral|Confédération|EPFL|EPF|ETH|ETH Zurich|EPF Zurich|CSCS|Palais fédéral",
    "BE": "gouvernement wallon|gouvernement flamand|gouvernement fédéral belge|"
    "Région wallonne|Région flamande|Fédération Wallonie-Bruxelles",
    "CA": "gouvernement du Québec|gouvernement québécois|Assemblée nationale du Québec|"
    "gouvernement fédéral canadien",
    "EU": "Commission européenne|Parlement européen|Conseil européen|EuroHPC|"
    "Commission de Bruxelles",
    "US": "Maison-Blanche|Maison Blanche|Pentagone|Congrès américain",
    "GB": "Downing Street",
    "DE": "Bundestag|Bundesregierung|chancellerie allemande",
    "IT": "Palazzo Chigi|Farnesina",
    "ES": "Moncloa",
    "RU": "Kremlin",
}

IGNORE = (
    "Amérique latine|Amérique du Sud|Amérique du Nord|Amérique centrale|Le Temps|"
    "Nouvelle-Calédonie|Banque de France"
)
TONGUES = (
    "français|anglais|allemand|espagnol|italien|portugais|chinois|japonais|coréen|néerlandais|"
    "russe|arabe|polonais|suédois|catalan|basque|breton|corse"
)

LEXICON = build(
    "fr",
    TABLE,
    BODIES,
    languages={"GB": "anglais|anglaise"},
    ignore=IGNORE,
    tongues=TONGUES,
    prefixes="franco|germano|italo|hispano|sino|nippo|américano|anglo|belgo|helvéto|russo|"
    "indo|euro|nord|sud",
)

_DE = r"(?:de|du|des|d['’])"
ROLES = romance_roles(
    RomanceWords(
        art=r"(?:le|la|les)\s|l['’]",
        preps=r"de|du|des|d['’]|à|au|aux|avec|par|pour|contre|sur|vers|chez|entre|sans|dont|en",
        aux=r"a|ont|avait|avaient|aura|auront|va|vont|veut|veulent|doit|doivent|compte|"
        r"comptent|entend|entendent|souhaite|souhaitent|vient|viennent|de|d['’]\w+|"
        r"s['’]est|se|s['’]\w+|est|sont|n['’]a|ne|pas|également|aussi|déjà|ainsi|désormais|"
        r"enfin|récemment|officiellement|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
        r"hier|bientôt|notamment|prévoit|prévoient|elle-même|lui-même|donc|alors|de\sson\scôté|"
        r"pour\ssa\spart|quant\sà\selle|à\sson\stour|lui\saussi|elle\saussi",
        verbs=r"(?:lanc|annonc|débloqu|consacr|dévoil|présent|financ|adopt|sign|approuv|allou|"
        r"mobilis|développ|inaugur|déploi|déploy|achet|command|sélectionn|accord|octroi|"
        r"octroy|publi|engag|inject|accélér|dot|lev|cré|install|ouvr|mett|met|mis|prévoi|"
        r"prévu|invest|construi|chois|soutien|souten|ambitionn|pari|mis|mise|renforc|"
        r"ajout|bâti|planch|prépar|attribu|réserv|destin)"
        r"(?!\w*(?:ment|ments|tion|tions|teur|teurs|trice|age|ages|ure|ures)\b)\w*",
        says=r"(?:déclar|indiqu|affirm|estim|soulign|précis|expliqu|rappel|assur|confirm|"
        r"insist|juge|jugé|fait\ssavoir|a\sdit|dit|salu)\w*",
        be=r"est|sont|a|ont|avait|était|sera|va|vont|peut|doit|veut|reste|devient|se|s['’]\w+",
        gov=r"gouvernement|exécutif|ministère|ministres?|présidente?|premier\sministre|"
        r"première\sministre|État|Etat|autorités|parlement|assemblée|sénat|chancelière?|"
        r"secrétaire\sd['’]État|administration|commission|agence|régulateur|conseil|"
        r"diplomatie|chef\sde\sl['’]État|chef\sdu\sgouvernement|dirigeants?|armée|"
        r"écoles?\spolytechniques?\sfédérales?|universités?|ambassadeur",
        company=r"géants?|groupes?|sociétés?|entreprises?|start-?ups?|jeunes?\spousses?|firmes?|"
        r"fabricants?|fondeurs?|éditeurs?|fournisseurs?|acteurs?|constructeurs?|champions?|"
        r"opérateurs?|solutions?|puces?|technologies?|plateformes?|laboratoires?|mastodontes?|"
        r"concurrents?|rivaux|rival|leaders?|spécialistes?|pépites?|licornes?|hébergeurs?|"
        r"hyperscalers?|investisseurs?|fonds|logiciels?|outils?|produits?|marques?|"
        r"services?\sen\sligne|assistants?|applications?|banques?|d['’]origine|clients?|"
        r"marchés?|ventes|exportations|importations|consommateurs|utilisateurs|"
        r"concurrence|géants?\stechnologiques",
        passing=rf"(?:proposée?s?|disponibles?|commercialisée?s?|vendue?s?|distribuée?s?|déployée?s?\schez\sses\sclients)\s(?:[\w'’-]+\s){{0,2}}?(?:en|au|aux)|comme|à\sl['’]instar\s{_DE}|contrairement\s(?:à|au|aux)|"
        rf"au\scontraire\s{_DE}|face\s(?:à|au|aux)|par\srapport\s(?:à|au|aux)|"
        rf"comparée?s?\s(?:à|au|aux)|rivaliser\savec|concurrencer|derrière|devant|"
        rf"voisine?s?\s{_DE}|frontali\w+\s{_DE}|suivant\sl['’]exemple\s{_DE}|"
        rf"sur\sle\smodèle\s{_DE}|inspirée?s?\s{_DE}|(?:co)?financée?s?\spar|"
        rf"soutenue?s?\spar|avec\sle\ssoutien\s{_DE}|en\spartenariat\savec|"
        rf"aux\scôtés\s{_DE}|visite\s(?:en|au|aux|à|{_DE})|délégation\s{_DE}|"
        rf"ambassad\w+\s{_DE}|(?:plus|moins|autant|davantage|mieux|pire)\s(?:[\w'’-]+\s){{0,3}}?que|"
        rf"importée?s?\s{_DE}|dépendance\s(?:à\sl['’]égard\s{_DE}|vis-à-vis\s{_DE}|envers|(?:à|au|aux))|"
        rf"dépendre\s{_DE}|géants?\sd['’]|loin\sderrière|talonner",
        source=r"selon|d['’]après|cité\spar|rapporté\spar",
        in_words="En|Au|Aux",
        conj=r"et|ou|puis|ainsi\sque|voire",
        passing_after=r"en\svisite|en\sdéplacement",
        similar=r"similaires?|comparables?|semblables?|analogues?|du\smême\stype",
        seats=r"gouvernement\s(?:du|de\sla|de\sl['’]|de)|conseil\srégional\s(?:de|d['’]|du)|région|préfecture\s(?:de|du)|province\s(?:de|du)|canton(?:\s(?:de|du))?",
    )
)
