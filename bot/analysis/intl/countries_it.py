"""Italian country words and role cues: names, demonyms in their four forms, and the
palazzi that stand for the state ("Palazzo Chigi", "la Farnesina", "il Quirinale",
"Montecitorio"); "la Confederazione" and "il Consiglio federale" for Switzerland."""

from __future__ import annotations

from bot.analysis.intl.countries_lexicon import Table, build
from bot.analysis.intl.countries_romance import RomanceWords, romance_roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "US": (
        "Stati Uniti|USA|America",
        "americano|statunitense",
        "Washington|New York|Silicon Valley|California|San Francisco",
    ),
    "CA": ("Canada", "canadese", "Ottawa|Toronto"),
    "MX": ("Messico", "messicano", "Città del Messico"),
    "BR": ("Brasile", "brasiliano", "Brasilia|San Paolo|Rio de Janeiro"),
    "AR": ("Argentina", "argentino", "Buenos Aires"),
    "GB": (
        "Regno Unito|Gran Bretagna|Inghilterra|Scozia",
        "britannico/britannica/britannici/britanniche|inglese",
        "Londra",
    ),
    "IE": ("Irlanda", "irlandese", "Dublino"),
    "FR": ("Francia", "francese|transalpino", "Parigi|Lione|Marsiglia|Tolosa|Grenoble"),
    "DE": ("Germania", "tedesco", "Berlino|Monaco di Baviera|Francoforte|Amburgo|Stoccarda"),
    "IT": (
        "Italia|Belpaese",
        "italiano",
        "Roma|Milano|Torino|Bologna|Napoli|Firenze|Venezia|Genova|Bari|Palermo|Pisa|Trieste|"
        "Padova|Verona|Catania|Cagliari|Lombardia|Piemonte|Emilia-Romagna|Veneto|Toscana|"
        "Lazio|Campania|Puglia|Sicilia|Sardegna|Liguria|Calabria|Tecnopolo di Bologna",
    ),
    "ES": ("Spagna", "spagnolo", "Madrid|Barcellona"),
    "PT": ("Portogallo", "portoghese", "Lisbona"),
    "NL": ("Paesi Bassi|Olanda", "olandese|neerlandese", "Amsterdam|L'Aia|Eindhoven"),
    "BE": ("Belgio", "belga/belgi/belghe", "Anversa|Fiandre|Vallonia"),
    "CH": (
        "Svizzera|Confederazione elvetica",
        "svizzero|elvetico/elvetica/elvetici/elvetiche",
        "Berna|Zurigo|Ginevra|Losanna|Lugano|Ticino|Grigioni|Basilea|Bellinzona",
    ),
    "AT": ("Austria", "austriaco/austriaca/austriaci/austriache", "Vienna"),
    "SE": ("Svezia", "svedese", "Stoccolma"),
    "NO": ("Norvegia", "norvegese", "Oslo"),
    "DK": ("Danimarca", "danese", "Copenaghen"),
    "FI": ("Finlandia", "finlandese", "Helsinki"),
    "PL": ("Polonia", "polacco/polacca/polacchi/polacche", "Varsavia"),
    "GR": ("Grecia", "greco/greca/greci/greche", "Atene"),
    "HU": ("Ungheria", "ungherese", "Budapest"),
    "RO": ("Romania", "rumeno", "Bucarest"),
    "UA": ("Ucraina", "ucraino", "Kiev"),
    "RU": ("Russia", "russo", "Mosca|Cremlino"),
    "TR": ("Turchia", "turco/turca/turchi/turche", "Ankara|Istanbul"),
    "IL": ("Israele", "israeliano", "Tel Aviv|Gerusalemme"),
    "SA": ("Arabia Saudita", "saudita", "Riad"),
    "AE": ("Emirati Arabi Uniti|Emirati", "emiratino", "Abu Dhabi|Dubai"),
    "QA": ("Qatar", "qatariota", "Doha"),
    "EG": ("Egitto", "egiziano", "Il Cairo"),
    "MA": ("Marocco", "marocchino", "Rabat"),
    "TN": ("Tunisia", "tunisino", "Tunisi"),
    "NG": ("Nigeria", "nigeriano", "Abuja|Lagos"),
    "KE": ("Kenya", "keniano", "Nairobi"),
    "ZA": ("Sudafrica", "sudafricano", "Pretoria|Johannesburg|Città del Capo"),
    "IN": ("India", "indiano", "Nuova Delhi|Mumbai|Bangalore"),
    "CN": ("Cina", "cinese", "Pechino|Shanghai|Shenzhen"),
    "TW": ("Taiwan", "taiwanese", "Taipei"),
    "JP": ("Giappone", "giapponese|nipponico/nipponica/nipponici/nipponiche", "Tokyo|Osaka"),
    "KR": ("Corea del Sud|Corea", "sudcoreano|coreano", "Seul"),
    "SG": ("Singapore", "singaporiano", ""),
    "ID": ("Indonesia", "indonesiano", "Giacarta"),
    "AU": ("Australia", "australiano", "Sydney|Canberra"),
    "HR": ("Croazia", "croato", "Zagabria"),
    "SI": ("Slovenia", "sloveno", "Lubiana"),
    "SK": ("Slovacchia", "slovacco/slovacca/slovacchi/slovacche", "Bratislava"),
    "BG": ("Bulgaria", "bulgaro", ""),
    "RS": ("Serbia", "serbo", "Belgrado"),
    "MT": ("Malta", "maltese", "La Valletta"),
    "CY": ("Cipro", "cipriota", "Nicosia"),
    "IS": ("Islanda", "islandese", "Reykjavik"),
    "CZ": ("Repubblica Ceca|Cechia", "ceco/ceca/cechi/ceche", "Praga"),
    "LU": ("Lussemburgo", "lussemburghese", ""),
    "EE": ("Estonia", "estone", "Tallinn"),
    "LT": ("Lituania", "lituano", "Vilnius"),
    "LV": ("Lettonia", "lettone", "Riga"),
    "SM": ("San Marino|Repubblica di San Marino", "sammarinese", ""),
    "VA": ("Vaticano|Santa Sede|Città del Vaticano", "vaticano", ""),
    "MC": ("Principato di Monaco", "monegasco/monegasca/monegaschi/monegasche", ""),
    "AL": ("Albania", "albanese", "Tirana"),
    "DZ": ("Algeria", "algerino", "Algeri"),
    "SN": ("Senegal", "senegalese", "Dakar"),
    "ET": ("Etiopia", "etiope", "Addis Abeba"),
    "CL": ("Cile", "cileno", "Santiago del Cile"),
    "CO": ("Colombia", "colombiano", "Bogotà"),
    "PE": ("Perù", "peruviano", "Lima"),
    "TH": ("Thailandia", "thailandese", "Bangkok"),
    "VN": ("Vietnam", "vietnamita", "Hanoi"),
    "MY": ("Malesia", "malese", "Kuala Lumpur"),
    "PH": ("Filippine", "filippino", "Manila"),
    "PK": ("Pakistan", "pakistano", "Islamabad"),
    "NZ": ("Nuova Zelanda", "neozelandese", "Wellington"),
    "EU": ("Unione europea|Unione Europea|UE|Ue|EU|i Ventisette", "", "Bruxelles"),
}

BODIES = {
    "IT": "Palazzo Chigi|Farnesina|Quirinale|Montecitorio|Palazzo Madama|Viminale|MIMIT|Mimit|"
    "Ministero delle Imprese e del Made in Italy|presidente del Consiglio|presidente del "
    "Consiglio dei ministri|Consiglio dei ministri|Consiglio dei Ministri|AgID|Agid|"
    "Agenzia per la cybersicurezza nazionale|ACN|CINECA|Cineca|Cassa Depositi e Prestiti|CDP|"
    "PNRR|Pnrr|Camera dei deputati|Senato della Repubblica|Dipartimento per la trasformazione "
    "digitale|sottosegretario all'Innovazione|Strategia italiana per l'intelligenza artificiale|"
    "ENEA|CNR|INFN|Regione Lombardia|Regione Emilia-Romagna|Garante per la protezione dei "
    "dati personali|Garante della privacy|Garante privacy|Agcom|AGCM|Antitrust italiana|"
    "Autorità garante della concorrenza e del mercato|Tar del Lazio",
    "CH": "Consiglio federale|Confederazione|Politecnico federale|ETH|EPFL|CSCS",
    "US": "Casa Bianca|Pentagono",
    "FR": "Eliseo",
    "EU": "Commissione europea|Commissione Europea|Parlamento europeo|Parlamento Europeo|"
    "Consiglio europeo|EuroHPC",
    "ES": "Moncloa",
    "DE": "Bundestag",
}
IGNORE = (
    "America Latina|Sudamerica|Nord America|Nordamerica|America del Sud|America centrale|"
    "presidente del Consiglio europeo|Made in Italy|Italia Viva|Fratelli d'Italia|Forza Italia|"
    "Banca d'Italia|Poste Italiane"
)
TONGUES = (
    "italiano|inglese|francese|tedesco|spagnolo|portoghese|cinese|giapponese|coreano|arabo|russo"
)

LEXICON = build(
    "it",
    TABLE,
    BODIES,
    ignore=IGNORE,
    tongues=TONGUES,
    prefixes="italo|franco|germano|ispano|sino|nippo|euro|nord|sud|anglo|russo|indo|austro",
)

_DI = r"(?:di|del|della|dello|dei|degli|delle|dell['’]|d['’])"
_A = r"(?:a|al|alla|allo|ai|agli|alle|all['’])"
_DA = r"(?:da|dal|dalla|dallo|dai|dagli|dalle|dall['’])"
ROLES = romance_roles(
    RomanceWords(
        art=r"(?:il|lo|la|i|gli|le)\s|l['’]",
        preps=rf"{_DI}|{_A}|{_DA}|con|col|per|su|sul|sulla|sui|sugli|tra|fra|in|nel|nella|"
        r"nello|nei|negli|nelle|nell['’]|contro|verso|senza",
        aux=r"ha|hanno|aveva|avevano|va|vuole|vogliono|deve|devono|intende|intendono|punta|"
        r"puntano|prevede|prevedono|sta|stanno|per|è|sono|si|anche|già|ora|oggi|ieri|lunedì|"
        r"martedì|mercoledì|giovedì|venerdì|sabato|domenica|ufficialmente|recentemente|"
        r"inoltre|a|di|ha\sdeciso",
        verbs=r"(?:lanci|lanc|annunci|invest|stanzi|destin|present|finanzi|approv|adott|firm|"
        r"assegn|mobilit|svilupp|costru|inaugur|install|acquist|compr|acquis|selezion|scelt|"
        r"sceglie|concess|conced|pubblic|promuov|promoss|cre[aòi]|istitu|apr|apert|punt|dedic|"
        r"riserv|avvi|mett|mess|sostien|sostenut|rafforz|ampli|vara|varat|sbloc|metterà|"
        r"raddoppi|prepar|accelera|potenzi|dot)"
        r"(?!\w*(?:zione|zioni|mento|menti|tore|tori|trice|aggio)\b)\w*",
        says=r"(?:dichiar|afferm|assicur|spieg|detto|dice|disse|sottoline|aggiun|riconosc|ribad|"
        r"precis|osserv|commenta|sostiene)\w*",
        be=r"è|sono|ha|hanno|era|sarà|va|vanno|sta|può|deve|vuole|resta|si",
        gov=r"governo|esecutivo|ministero|ministr[oaie]|president[ea]|premier|Stato|autorità|"
        r"parlamento|camera|senato|cancellier[ea]|amministrazione|commissione|agenzia|"
        r"consiglio|sottosegretari[oa]|università|ambasciator[ei]",
        company=r"colossi?|colosso|gigant[ei]|gruppi|gruppo|società|aziend[ae]|impres[ae]|"
        r"compagni[ae]|big\stech|produttor[ei]|fornitor[ei]|start-?up|piattaform[ae]|"
        r"soluzion[ei]|chip|tecnologi[ae]|laborator[io]|rival[ei]|concorrent[ei]|"
        r"multinazional[ei]|sviluppator[ei]|unicorn[oi]|fond[oi]|investitor[ei]|strument[oi]|"
        r"prodott[oi]|march[io]|banc[ah]e?|assistent[ei]|app|di\sorigine",
        passing=rf"(?:disponibil[ei]|commercializzat[oaie]|vendut[oaie]|offert[oaie]|arriverà)\s(?:[\w'’-]+\s){{0,2}}?(?:in|nel|nella|negli)|come|a\sdifferenza\s{_DI}|al\spari\s{_DI}|rispetto\s{_A}|"
        rf"in\sconfronto\s{_A}|confrontat[oaie]\scon|rivaleggiare\scon|competere\scon|dietro|"
        rf"davanti\s{_A}|vicin[oaie]\s{_DI}|sull['’]esempio\s{_DI}|ispirat[oaie]\s{_A}|"
        rf"(?:co)?finanziat[oaie]\s{_DA}|con\sil\ssostegno\s{_DI}|in\scollaborazione\scon|"
        rf"visita\s(?:in|{_A}|{_DI})|delegazione\s{_DI}|ambasciat\w+\s{_DI}|"
        rf"(?:più|meno|meglio|peggio)\s(?:[\w-]+\s){{0,3}}?(?:che|{_DI})|dipendenza\s{_DA}|"
        rf"dipendere\s{_DA}|importat[oaie]\s{_DA}|giganti\s{_DI}|lontan[oaie]\s{_DA}",
        source=r"secondo|stando\sa|citat[oa]\sda",
        in_words="In",
        conj="e|ed|o|poi|quindi",
        passing_after=r"in\svisita",
        similar=r"simil[ei]|analog[oaih]e?|paragonabil[ei]|dello\stesso\stipo",
        seats=r"regione|governo\s(?:della|del|di)|giunta\s(?:della|del|di|regionale\sd(?:el|ella|i))|provincia\sdi|canton(?:e)?(?:\s(?:del|di|dei|della))?",
    )
)
