"""Spanish country words and role cues, for Spain and Latin America: names, demonyms in
their four forms, and the seats of power that stand for a state ("la Moncloa", "el
Gobierno de España", "la Casa Rosada", "Palacio Nacional")."""

from __future__ import annotations

from bot.analysis.intl.countries_lexicon import Table, build
from bot.analysis.intl.countries_romance import RomanceWords, romance_roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "US": (
        "Estados Unidos|EE.UU.|EE. UU.|EEUU|EE UU|USA",
        "estadounidense|norteamericano",
        "Washington|Nueva York|Silicon Valley|California|San Francisco",
    ),
    "CA": ("Canadá", "canadiense", "Ottawa|Toronto|Montreal"),
    "MX": (
        "México|Estados Unidos Mexicanos",
        "mexicano",
        "Ciudad de México|CDMX|Guadalajara|Monterrey",
    ),
    "BR": ("Brasil", "brasileño", "Brasilia|São Paulo|Sao Paulo|Río de Janeiro"),
    "AR": ("Argentina", "argentino", "Buenos Aires|Rosario"),
    "CL": ("Chile", "chileno", "Santiago de Chile|Valparaíso"),
    "CO": ("Colombia", "colombiano", "Bogotá|Medellín|Cali"),
    "PE": ("Perú", "peruano", "Lima"),
    "UY": ("Uruguay", "uruguayo", "Montevideo"),
    "PY": ("Paraguay", "paraguayo", "Asunción"),
    "BO": ("Bolivia", "boliviano", "La Paz"),
    "EC": ("Ecuador", "ecuatoriano", "Quito|Guayaquil"),
    "VE": ("Venezuela", "venezolano", "Caracas"),
    "CR": ("Costa Rica", "costarricense", ""),
    "PA": ("Panamá", "panameño", ""),
    "DO": ("República Dominicana", "dominicano", "Santo Domingo"),
    "GT": ("Guatemala", "guatemalteco", ""),
    "CU": ("Cuba", "cubano", "La Habana"),
    "GB": ("Reino Unido|Gran Bretaña|Inglaterra|Escocia", "británico|escocés", "Londres"),
    "IE": ("Irlanda", "irlandés", "Dublín"),
    "FR": ("Francia", "francés", "París|Lyon|Marsella|Toulouse"),
    "DE": ("Alemania", "alemán", "Berlín|Múnich|Fráncfort|Hamburgo"),
    "IT": ("Italia", "italiano", "Roma|Milán|Turín|Bolonia"),
    "ES": (
        "España",
        "español|hispano",
        "Madrid|Barcelona|Sevilla|Valencia|Bilbao|Zaragoza|Málaga|Cataluña|Andalucía|Galicia|"
        "País Vasco|Euskadi|Comunidad de Madrid|Castilla y León|Castilla-La Mancha|Aragón|"
        "Asturias|Navarra|Murcia|Extremadura|Canarias|Baleares|Granada|Salamanca|Santiago de "
        "Compostela|Valladolid|Alicante|Vigo|Tarragona|Lleida|Girona|San Sebastián",
    ),
    "PT": ("Portugal", "portugués", "Lisboa|Oporto"),
    "NL": ("Países Bajos|Holanda", "neerlandés|holandés", "Ámsterdam|La Haya|Eindhoven"),
    "BE": ("Bélgica", "belga", "Amberes|Flandes|Valonia"),
    "CH": ("Suiza", "suizo", "Berna|Zúrich|Ginebra|Lausana|Lugano"),
    "AT": ("Austria", "austriaco|austríaco", "Viena"),
    "SE": ("Suecia", "sueco", "Estocolmo"),
    "NO": ("Noruega", "noruego", "Oslo"),
    "DK": ("Dinamarca", "danés", "Copenhague"),
    "FI": ("Finlandia", "finlandés", "Helsinki"),
    "PL": ("Polonia", "polaco", "Varsovia"),
    "GR": ("Grecia", "griego", "Atenas"),
    "UA": ("Ucrania", "ucraniano", "Kiev"),
    "RU": ("Rusia", "ruso", "Moscú|Kremlin"),
    "TR": ("Turquía", "turco", "Ankara|Estambul"),
    "IL": ("Israel", "israelí", "Tel Aviv|Jerusalén"),
    "SA": ("Arabia Saudí|Arabia Saudita", "saudí|saudita", "Riad"),
    "AE": ("Emiratos Árabes Unidos|Emiratos|EAU", "emiratí", "Abu Dabi|Dubái"),
    "QA": ("Catar|Qatar", "catarí|qatarí", "Doha"),
    "EG": ("Egipto", "egipcio", "El Cairo"),
    "MA": ("Marruecos", "marroquí", "Rabat|Casablanca"),
    "NG": ("Nigeria", "nigeriano", "Abuya|Lagos"),
    "KE": ("Kenia", "keniano", "Nairobi"),
    "ZA": ("Sudáfrica", "sudafricano", "Pretoria|Johannesburgo|Ciudad del Cabo"),
    "IN": ("India", "indio", "Nueva Delhi|Bombay|Bangalore"),
    "CN": ("China", "chino", "Pekín|Shanghái|Shenzhen"),
    "TW": ("Taiwán", "taiwanés", "Taipéi"),
    "JP": ("Japón", "japonés|nipón", "Tokio|Osaka"),
    "KR": ("Corea del Sur|Corea", "surcoreano|coreano", "Seúl"),
    "KP": ("Corea del Norte", "norcoreano", "Pionyang"),
    "SG": ("Singapur", "singapurense", ""),
    "ID": ("Indonesia", "indonesio", "Yakarta"),
    "VN": ("Vietnam", "vietnamita", "Hanói"),
    "PH": ("Filipinas", "filipino", "Manila"),
    "AU": ("Australia", "australiano", "Canberra|Sídney|Melbourne"),
    "HR": ("Croacia", "croata", "Zagreb"),
    "SI": ("Eslovenia", "esloveno", "Liubliana"),
    "SK": ("Eslovaquia", "eslovaco", "Bratislava"),
    "BG": ("Bulgaria", "búlgaro", ""),
    "RS": ("Serbia", "serbio", "Belgrado"),
    "MT": ("Malta", "maltés", "La Valeta"),
    "CY": ("Chipre", "chipriota", "Nicosia"),
    "IS": ("Islandia", "islandés", "Reikiavik"),
    "CZ": ("República Checa|Chequia", "checo", "Praga"),
    "HU": ("Hungría", "húngaro", "Budapest"),
    "RO": ("Rumanía|Rumania", "rumano", "Bucarest"),
    "AD": ("Andorra", "andorrano", "Andorra la Vieja"),
    "HN": ("Honduras", "hondureño", "Tegucigalpa"),
    "SV": ("El Salvador", "salvadoreño", "San Salvador"),
    "NI": ("Nicaragua", "nicaragüense", "Managua"),
    "PR": ("Puerto Rico", "puertorriqueño", "San Juan"),
    "GQ": ("Guinea Ecuatorial", "ecuatoguineano", "Malabo"),
    "TH": ("Tailandia", "tailandés", "Bangkok"),
    "MY": ("Malasia", "malasio", "Kuala Lumpur"),
    "NZ": ("Nueva Zelanda", "neozelandés", "Wellington"),
    "PK": ("Pakistán", "pakistaní", "Islamabad"),
    "EU": ("Unión Europea|UE|EU|los Veintisiete", "", "Bruselas"),
}

BODIES = {
    "ES": "Moncloa|Gobierno de España|presidente del Gobierno|presidenta del Gobierno|"
    "Congreso de los Diputados|Consejo de Ministros|Secretaría de Estado de Digitalización e "
    "Inteligencia Artificial|SEDIA|Barcelona Supercomputing Center|BSC|BSC-CNS|MareNostrum|"
    "Red.es|CSIC|AESIA|Agencia Española de Supervisión de la Inteligencia Artificial|"
    "Ministerio para la Transformación Digital|Ministerio de Transformación Digital|"
    "Generalitat|Xunta|Junta de Andalucía|Cortes Generales|PERTE|Banco de España|"
    "Agencia Española de Protección de Datos|AEPD|CNMC|Gobierno vasco|Gobierno Vasco|"
    "Gobierno canario|Gobierno balear|Gobierno de Aragón|Gobierno de Navarra|Junta de Castilla y "
    "León|Xunta de Galicia|Generalitat de Catalunya|Generalitat Valenciana|Lehendakari|"
    "Audiencia Nacional",
    "AR": "Casa Rosada",
    "CL": "La Moneda|CORFO",
    "CO": "Casa de Nariño|MinCiencias",
    "MX": "Palacio Nacional|Los Pinos",
    "US": "Casa Blanca|Pentágono",
    "FR": "Elíseo",
    "EU": "Comisión Europea|Parlamento Europeo|Consejo Europeo|EuroHPC|Reglamento Europeo de IA",
    "IT": "Palazzo Chigi",
    "BR": "Planalto",
}
IGNORE = (
    "América Latina|Latinoamérica|América del Sur|Sudamérica|América Central|Centroamérica|"
    "Norteamérica|Santiago Bernabéu|Real Madrid|Chile Vamos"
)
TONGUES = (
    "español|castellano|catalán|euskera|gallego|inglés|francés|alemán|portugués|italiano|"
    "chino|japonés|coreano|árabe|ruso|valenciano"
)

LEXICON = build(
    "es",
    TABLE,
    BODIES,
    languages={"ES": "castellano|catalán|euskera|gallego|valenciano|lenguas cooficiales"},
    ignore=IGNORE,
    tongues=TONGUES,
    prefixes="hispano|franco|germano|italo|sino|chino|euro|norte|sur|luso|anglo|ruso|indo",
)

_DE = r"(?:de|del)"
ROLES = romance_roles(
    RomanceWords(
        art=r"(?:el|la|los|las)\s",
        preps=r"de|del|a|al|con|por|para|contra|sobre|hacia|entre|sin|en|desde",
        aux=r"ha|han|había|habían|va|van|quiere|quieren|debe|deben|prevé|prevén|pretende|"
        r"pretenden|planea|planean|busca|buscan|acaba|acaban|de|a|se|también|ya|además|ahora|"
        r"este|esta|lunes|martes|miércoles|jueves|viernes|sábado|domingo|hoy|ayer|finalmente|"
        r"oficialmente|recientemente|por\ssu\sparte|decidió|decide",
        verbs=r"(?:lanz|lanc|anunci|invert|invier|destin|present|financi|aprob|aprueb|adopt|firm|"
        r"asign|moviliz|desarroll|constru|inaugur|despleg|desplieg|compr|adquir|seleccion|elig|"
        r"eligi|otorg|concedi|conced|public|impuls|promuev|promov|cre[óoa]|establec|instal|abr|"
        r"apuest|apost|pus|pondr|dedic|reserv|activ|licit|adjudic|encarg|ampli|refuerz|reforz|"
        r"respald|apoy|dot|moviliz|prepar|acelera|multiplic|duplic|pon[ea])"
        r"(?!\w*(?:ción|ciones|miento|mientos|dor|dora|dores|aje|ajes)\b)\w*",
        says=r"(?:declar|afirm|asegur|explic|señal|indic|destac|subray|sostien|sostuv|dijo|dice|"
        r"añad|advirti|advierte|reconoc|defiende|defendi|insisti|consider|valor)\w*",
        be=r"es|son|ha|han|fue|será|va|van|está|están|puede|debe|quiere|tiene|se",
        gov=r"gobierno|ejecutivo|ministerio|ministr[oa]s?|president[ea]|primer\sministro|"
        r"primera\sministra|Estado|autoridades|parlamento|congreso|senado|canciller|"
        r"administración|comisión|agencia|regulador|consejo|secretari[oa]\sde\sEstado|"
        r"universidad(?:es)?|embajador(?:a)?",
        company=r"gigantes?|grupos?|empresas?|compañías?|firmas?|fabricantes?|proveedor(?:es|as)?|"
        r"start-?ups?|emergentes?|tecnológicas?|plataformas?|solución|soluciones|chips?|"
        r"tecnologías?|laboratorios?|rivales?|competidor(?:es|as)?|multinacional(?:es)?|"
        r"operadoras?|desarrolladoras?|líder(?:es)?|unicornios?|fondos?|inversor(?:es|as)?|"
        r"herramientas?|productos?|marcas?|bancos?|asistentes?|aplicaciones?|de\sorigen",
        passing=rf"(?:disponibles?|comercializad[oa]s?|vendid[oa]s?|ofrecid[oa]s?|se\svenderá|llegará)\s(?:[\w-]+\s){{0,2}}?(?:en)|como|a\sdiferencia\s{_DE}|al\sigual\sque|frente\s(?:a|al)|"
        rf"en\scomparación\scon|comparad[oa]s?\scon|respecto\s(?:a|al)|rivalizar\scon|"
        rf"competir\scon|compite\scon|detrás\s{_DE}|por\sdelante\s{_DE}|vecin[oa]s?\s{_DE}|"
        rf"siguiendo\sel\sejemplo\s{_DE}|inspirad[oa]s?\sen|(?:co)?financiad[oa]s?\spor|"
        rf"con\sel\sapoyo\s{_DE}|en\scolaboración\scon|junto\s(?:a|al)|"
        rf"visita\s(?:a|al|{_DE})|delegación\s{_DE}|embajad\w+\s{_DE}|"
        rf"(?:más|menos|mejor|peor)\s(?:[\w-]+\s){{0,3}}?que|dependencia\s{_DE}|depender\s{_DE}|"
        rf"importad[oa]s?\s{_DE}|gigantes\s{_DE}|a\sla\szaga\s{_DE}|lejos\s{_DE}",
        source=r"según|de\sacuerdo\scon|citad[oa]\spor",
        in_words="En",
        conj="y|e|o|u|luego",
        passing_after=r"de\svisita|en\svisita",
        similar=r"similar(?:es)?|parecid[oa]s?|comparables?|análog[oa]s?|del\smismo\stipo",
        seats=r"gobierno\s(?:de|del|regional\sde)|junta\sde|generalitat\sde|xunta\sde|comunidad\sde|región\sde|provincia\sde|estado\sde",
    )
)
