"""German country words and role cues.

German writes demonyms as adjectives with case endings ("die deutsche Regierung", "der
französischen Regierung"), names in the genitive ("Deutschlands", "Frankreichs") and in
hyphenated compounds ("US-Konzern", "EU-Kommission", "China-Geschäft"). Several federal
bodies are Germany's and Austria's ("Bundesregierung", "Bundeskanzler"), and "Bundesrat"
is also the Swiss government: the rest of the article picks. The finite verb comes
second, so a subject acts when its verb follows it ("Die Bundesregierung stellt …
bereit", "Deutschland will … investieren") or precedes it in an inverted clause ("Am
Mittwoch kündigte die Bundesregierung … an").
"""

from __future__ import annotations

import re

from bot.analysis.country_words import Kind
from bot.analysis.intl.countries_lexicon import Table, build
from bot.analysis.intl.countries_roles import Roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "US": (
        "USA|US|Vereinigte Staaten|Vereinigten Staaten|Amerika",
        "amerikanisch|US-amerikanisch|Amerikaner",
        "Washington|New York|Silicon Valley|Kalifornien|San Francisco",
    ),
    "CA": ("Kanada", "kanadisch", "Ottawa|Toronto|Montreal"),
    "MX": ("Mexiko", "mexikanisch", "Mexiko-Stadt"),
    "BR": ("Brasilien", "brasilianisch", "Brasília|Brasilia|São Paulo"),
    "AR": ("Argentinien", "argentinisch", "Buenos Aires"),
    "GB": (
        "Großbritannien|Vereinigtes Königreich|Vereinigten Königreich|England|UK",
        "britisch|Briten",
        "London",
    ),
    "IE": ("Irland", "irisch", "Dublin"),
    "FR": ("Frankreich", "französisch|Franzosen", "Paris|Lyon|Marseille|Toulouse|Grenoble"),
    "DE": (
        "Deutschland|Bundesrepublik",
        "deutsch|bundesdeutsch",
        "Berlin|München|Hamburg|Frankfurt|Köln|Stuttgart|Düsseldorf|Dresden|Leipzig|Jülich|"
        "Bayern|Baden-Württemberg|Nordrhein-Westfalen|Sachsen|Hessen|Niedersachsen|"
        "Garching|Darmstadt|Heilbronn|Karlsruhe|Potsdam|Bonn",
    ),
    "IT": ("Italien", "italienisch|Italiener", "Rom|Mailand|Turin|Bologna|Neapel"),
    "ES": ("Spanien", "spanisch|Spanier", "Madrid|Barcelona"),
    "PT": ("Portugal", "portugiesisch", "Lissabon"),
    "NL": ("Niederlande|Niederlanden|Holland", "niederländisch", "Amsterdam|Den Haag|Eindhoven"),
    "BE": ("Belgien", "belgisch", "Antwerpen|Flandern|Wallonien|Gent|Lüttich"),
    "CH": (
        "Schweiz|Eidgenossenschaft",
        "schweizerisch|eidgenössisch|Schweizer|Eidgenossen",
        "Bern|Zürich|Genf|Basel|Lausanne|Lugano|Tessin|Zug|Luzern",
    ),
    "AT": ("Österreich", "österreichisch|Österreicher", "Wien|Graz|Linz|Salzburg|Innsbruck"),
    "LU": ("Luxemburg", "luxemburgisch", ""),
    "SE": ("Schweden", "schwedisch", "Stockholm"),
    "NO": ("Norwegen", "norwegisch", "Oslo"),
    "DK": ("Dänemark", "dänisch", "Kopenhagen"),
    "FI": ("Finnland", "finnisch", "Helsinki"),
    "PL": ("Polen", "polnisch", "Warschau"),
    "CZ": ("Tschechien", "tschechisch", "Prag"),
    "HU": ("Ungarn", "ungarisch", "Budapest"),
    "RO": ("Rumänien", "rumänisch", "Bukarest"),
    "GR": ("Griechenland", "griechisch", "Athen"),
    "EE": ("Estland", "estnisch", "Tallinn"),
    "UA": ("Ukraine", "ukrainisch", "Kiew|Kyjiw"),
    "RU": ("Russland", "russisch", "Moskau"),
    "TR": ("Türkei", "türkisch", "Ankara|Istanbul"),
    "IL": ("Israel", "israelisch", "Tel Aviv|Jerusalem"),
    "SA": ("Saudi-Arabien", "saudi-arabisch|saudisch", "Riad"),
    "AE": (
        "Vereinigte Arabische Emirate|Vereinigten Arabischen Emirate|VAE|Emirate",
        "emiratisch",
        "Abu Dhabi|Dubai",
    ),
    "QA": ("Katar", "katarisch", "Doha"),
    "EG": ("Ägypten", "ägyptisch", "Kairo"),
    "MA": ("Marokko", "marokkanisch", "Rabat"),
    "NG": ("Nigeria", "nigerianisch", "Abuja|Lagos"),
    "KE": ("Kenia", "kenianisch", "Nairobi"),
    "ZA": ("Südafrika", "südafrikanisch", "Pretoria|Johannesburg|Kapstadt"),
    "IN": ("Indien", "indisch|Inder", "Neu-Delhi|Delhi|Mumbai|Bangalore|Bengaluru"),
    "CN": ("China|Volksrepublik", "chinesisch|Chinesen", "Peking|Beijing|Shanghai|Shenzhen"),
    "TW": ("Taiwan", "taiwanisch", "Taipeh|Taipei"),
    "JP": ("Japan", "japanisch|Japaner", "Tokio|Tokyo|Osaka"),
    "KR": ("Südkorea|Korea", "südkoreanisch|koreanisch", "Seoul"),
    "SG": ("Singapur", "singapurisch", ""),
    "MY": ("Malaysia", "malaysisch", "Kuala Lumpur"),
    "ID": ("Indonesien", "indonesisch", "Jakarta"),
    "TH": ("Thailand", "thailändisch", "Bangkok"),
    "VN": ("Vietnam", "vietnamesisch", "Hanoi"),
    "PH": ("Philippinen", "philippinisch", "Manila"),
    "AU": ("Australien", "australisch", "Canberra|Sydney|Melbourne"),
    "NZ": ("Neuseeland", "neuseeländisch", "Wellington"),
    "HR": ("Kroatien", "kroatisch", "Zagreb"),
    "SI": ("Slowenien", "slowenisch", "Ljubljana"),
    "SK": ("Slowakei", "slowakisch", "Bratislava"),
    "BG": ("Bulgarien", "bulgarisch", ""),
    "RS": ("Serbien", "serbisch", "Belgrad"),
    "MT": ("Malta", "maltesisch", "Valletta"),
    "CY": ("Zypern", "zyprisch", "Nikosia"),
    "IS": ("Island", "isländisch", "Reykjavík"),
    "LT": ("Litauen", "litauisch", "Vilnius"),
    "LV": ("Lettland", "lettisch", "Riga"),
    "LI": ("Liechtenstein", "liechtensteinisch", "Vaduz"),
    "CL": ("Chile", "chilenisch", "Santiago de Chile"),
    "CO": ("Kolumbien", "kolumbianisch", "Bogotá"),
    "PK": ("Pakistan", "pakistanisch", "Islamabad"),
    "DZ": ("Algerien", "algerisch", "Algier"),
    "TN": ("Tunesien", "tunesisch", "Tunis"),
    "SN": ("Senegal", "senegalesisch", "Dakar"),
    "RW": ("Ruanda", "ruandisch", "Kigali"),
    "ET": ("Äthiopien", "äthiopisch", "Addis Abeba"),
    "EU": ("EU|Europäische Union|Europäischen Union", "", "Brüssel"),
}

BODIES = {
    "DE": "Bundestag|Bundeskanzleramt|Kanzleramt|BMBF|BMWK|BMDV|BMFTR|Bundesforschungsministerium|"
    "Bundeswirtschaftsministerium|Bundesdigitalministerium|Digitalministerium|"
    "Fraunhofer|Max-Planck|Helmholtz|DFKI|Forschungszentrum Jülich|Forschungszentrums Jülich|"
    "Sprind|SPRIND|Bundestags|Kanzleramts|Bundeskanzleramts|"
    "Bundesagentur für Sprunginnovationen|Bundeswehr|Bundesnetzagentur|Bundesamt für "
    "Sicherheit in der Informationstechnik|BSI|Ampel-Koalition|Koalitionsvertrag|"
    "Bundeskartellamt|Landesregierung|Staatsregierung|Freistaat|Bundesdatenschutzbeauftragte|"
    "Bundesbeauftragte für den Datenschutz|BfDI|Monopolkommission",
    "CH": "Ständerat|Bundesbern|Bundeshaus|ETH|ETH Zürich|EPFL|CSCS|Bundesamt für Kommunikation",
    "AT": "Ballhausplatz",
    "FR": "Élysée|Elysée|Élysée-Palast",
    "US": "Weiße Haus|Weißen Haus|Pentagon|US-Kongress",
    "EU": "EU-Kommission|Europäische Kommission|Europäischen Kommission|Europäisches "
    "Parlament|Europäischen Parlament|EU-Parlament|EuroHPC|Brüsseler Kommission",
    "IT": "Palazzo Chigi",
    "ES": "Moncloa",
    "RU": "Kreml",
}
SHARED = {
    "Bundesregierung": ("DE", "AT"),
    "Bundeskanzler": ("DE", "AT"),
    "Bundeskanzlerin": ("DE", "AT"),
    "Kanzler": ("DE", "AT"),
    "Kanzlerin": ("DE", "AT"),
    "Bundesrat": ("DE", "CH", "AT"),
    "Nationalrat": ("AT", "CH"),
    "Bund": ("DE", "CH", "AT"),
    "Bundesländer": ("DE", "AT"),
}
EXTRAS = ((r"\bBundes[a-zäöüß]*minister(?:iums?|in|s)?\b", "DE", Kind.BODY),)
IGNORE = (
    "Lateinamerika|Südamerika|Nordamerika|Mittelamerika|Deutsche Presse-Agentur|"
    "Deutsche Telekom|Deutsche Bank|Deutsche Bahn|Deutsche Börse|Deutsche Welle"
)

LEXICON = build(
    "de",
    TABLE,
    BODIES,
    shared=SHARED,
    ignore=IGNORE,
    extras=EXTRAS,
    prefixes="deutsch|franco|US|EU",
)

_ART = r"(?:(?:der|die|das|den|dem|des)\s)"
_GOV = (
    r"(?:[\s-][\wÄÖÜäöüß]*?(?i:regierung|ministerium|ministerin|minister|präsidentin|präsident|"
    r"kanzlerin|kanzler|behörden|behörde|kommission|parlament|staat|regierungschefin|"
    r"regierungschef|premierministerin|premierminister|rat))"
)
_AUX = (
    r"(?:hat|hatte|haben|hatten|wird|werden|will|wollen|wollte|soll|sollen|plant|plante|kann|muss)"
)
_PART = (
    r"(?:investier\w*|bereitgestellt|bereitstellen|gefördert|fördern|finanziert|finanzieren|"
    r"aufgebaut|aufbauen|bauen|gebaut|gestartet|starten|beschlossen|beschließen|angekündigt|"
    r"ankündigen|vorgestellt|vorstellen|vorgelegt|vorlegen|aufgelegt|auflegen|eingerichtet|"
    r"einrichten|beschafft|beschaffen|gekauft|kaufen|entwickelt|entwickeln|unterstützt|"
    r"unterstützen|vergeben|ausgeschrieben|ausschreiben|gestärkt|stärken|ausgebaut|ausbauen|"
    r"errichtet|errichten|gegründet|gründen|geschaffen|schaffen|mobilisiert|mobilisieren|"
    r"genehmigt|genehmigen|bewilligt|bewilligen|eröffnet|eröffnen|eingeweiht|einweihen|"
    r"gesetzt|setzen|stellen|gestellt|gesichert|sichern|beauftragt|beauftragen|ausgewählt|"
    r"auswählen|verdoppelt|verdoppeln|aufgestockt|aufstocken)"
)
_FINITE = (
    r"(?:investiert|investierte|stellt|stellte|fördert|förderte|finanziert|finanzierte|baut|baute|"
    r"startet|startete|beschließt|beschloss|kündigt|kündigte|legt|legte|treibt|trieb|unterstützt|"
    r"unterstützte|vergibt|vergab|setzt|setzte|gibt|gab|bringt|brachte|schafft|schuf|mobilisiert|"
    r"stockt|stockte|eröffnet|eröffnete|bewilligt|bewilligte|genehmigt|genehmigte|beauftragt|"
    r"beauftragte|kauft|kaufte|beschafft|beschaffte|richtet|richtete|sichert|sicherte|wählt|"
    r"wählte|verdoppelt|verdoppelte|steckt|steckte|pumpt|pumpte|will|plant|plante)"
)
_SAYS = (
    r"(?:sagte|sagt|erklärte|erklärt|betonte|betont|teilte|teilt|hieß|verkündete|verkündet|warnte)"
)
_COMPANY = (
    r"(?:[\s-][\wÄÖÜäöüß-]*?(?i:konzerne|konzern|unternehmen|firma|firmen|hersteller|anbieter|"
    r"riesen|riese|giganten|gigant|start-?ups?|rivalen|rivale|konkurrenten|konkurrent|konkurrenz|"
    r"lösungen|chips?|technologien|technologie|plattformen|plattform|labore?|investoren|investor|"
    r"fonds|hyperscaler|modelle?|marktführer|softwarehaus|cloud|fertiger|produzent\w*|"
    r"zulieferer|ausrüster|entwickler|betreiber|dienstleister|händler|versorger|kunden|geber|"
    r"kapitalgeber|finanzinvestor\w*)\b)"
)
_PASSING = (
    r"(?:(?:erhältlich|verfügbar|angeboten|verkauft|vertrieben)\s(?:[\w-]+\s){0,2}?(?:in|im)|"
    r"wie|ähnlich\swie|anders\sals|im\sVergleich\szu[mr]?|verglichen\smit|gegenüber|hinter|"
    r"Nachbar\w*|nach\s(?:dem\s)?Vorbild|mit\sHilfe|mit\sUnterstützung|"
    r"(?:gefördert|finanziert|unterstützt)\s(?:von|vom|durch)|Konkurren\w+\saus|Besuch\s(?:in|aus)|"
    r"zu\sBesuch\sin|Delegation\saus|Botschaft\w*|Abhängigkeit\svon|abhängig\svon|"
    r"(?:mehr|weniger|stärker|schneller|besser|größer|kleiner|später|früher|weiter)\s"
    r"(?:[\w-]+\s){0,3}?als|Anbietern?\saus|Konzernen?\saus|Chips\saus|Technologie\saus)"
)
_LIST = r"(?:(?:[A-ZÄÖÜ][\w-]*)(?:,\s|\s(?:und|oder)\s))*"
ROLES = Roles(
    acts_after=re.compile(
        rf"^(?:s)?{_GOV}?(?:\s[^.;:!?]{{0,30}}?)??\s(?:{_AUX}\b[^.;:!?]{{0,100}}?\b{_PART}\b|"
        rf"{_FINITE}\b)"
    ),
    says_after=re.compile(rf"^(?:s)?{_GOV}?\s{_SAYS}\b"),
    subject_after=re.compile(
        rf"^(?:s)?{_GOV}?\s(?:ist|sind|war|hat|haben|wird|werden|will|soll|kann|muss)\b"
    ),
    passing_before=re.compile(rf"\b(?i:{_PASSING})\s{_LIST}{_ART}?$"),
    # "in Deutschland und in Österreich erhältlich": markets, their participle after them.
    passing_after=re.compile(
        r"^(?:s)?(?:,?\s(?:und|oder|sowie)\s(?:(?:in|im)\s)?(?:(?:der|den|dem)\s)?[A-ZÄÖÜ][\w-]*)*"
        r"\s(?:zu\sBesuch|als\sVorbild|erhältlich|verfügbar|angeboten|verkauft|vertrieben|"
        r"auf\sden\sMarkt)"
    ),
    source_before=re.compile(rf"\b(?:laut|Laut|nach\sAngaben|Angaben\s{_ART}?)\s{_ART}?$"),
    source_after=re.compile(r"^(?:s)?\s(?:zufolge)"),
    modifier_after=re.compile(rf"^(?:s)?{_COMPANY}"),
    gov_before=re.compile(
        r"\b(?:Regierung|Ministerium|Präsident|Präsidentin|Kanzler|Kanzlerin)\s$"
    ),
    not_subject_before=re.compile(
        rf"\b(?:von|vom|aus|mit|für|gegen|über|zu|zur|zum|bei|beim|nach|in|im|an|am|auf|unter|"
        rf"zwischen|ohne|durch|als|wie)\s{_ART}?$",
        re.IGNORECASE,
    ),
    acts_before=re.compile(rf"\b(?:{_FINITE}|{_AUX})\s{_ART}?(?:[\wäöü]+e[nr]?\s)?$"),
    similar_after=re.compile(r"^[^.;!?]{0,120}?\b(?:ähnlich\w*|vergleichbar\w*|ebensolche\w*)\b"),
    seat_before=re.compile(
        r"\b(?:Landesregierung|Regierung|Staatsregierung|Senat)\s(?:von|in|des\sLandes)\s$|\b(?:Freistaat|Land|Kanton|Bundesland)\s$"
    ),
    window=160,
)
