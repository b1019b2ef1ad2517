"""Words that point to a country without naming it: its state bodies, money and cities.

A report on "the Bundestag" or "MeitY" is about Germany or India even when the country
is never named; so is one that counts in rupiah or datelines Ha Noi. Each entry is
`code: Cues(bodies, money, places)`:

- `bodies`: ministries with distinctive names, parliaments, leaders' titles and seats,
  state agencies and public research bodies. Strong evidence, a little below the name.
- `money`: the currency's own word, where only one country uses it.
- `places`: regions and cities the gazetteer does not list (weak, like its cities).
- `languages`: languages spoken mainly in that one country ("Bangla", "isiZulu"): with
  the currency and the cities, they place a paper that never names its own country.
- `signs`: currency signs written before the number ("Tk 450 crore", "R1,2bn"); they
  count only there, so "R&D" or "DeepSeek R1" are not rand.

Words that point to several countries are in `SHARED` ("crore", "Kiswahili", "Sh"): the
article's other cues choose among them, the first country being the default.

Left out on purpose, because news uses them for more than one country or as plain words:
"Diet", "Congress", "National Assembly", "State Council" alone, "Treasury", "Senate",
"dong", "rand", "real", "won", "peso", "rupee", "dollar", "franc", "dirham", "riyal",
"shilling", "krone". Matching is case-sensitive, so lower-case words never hit a name.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CAPITALS", "CUES", "SHARED", "Cues"]


@dataclass(frozen=True)
class Cues:
    """One country's indirect names, by how strongly each points to the country."""

    bodies: tuple[str, ...] = ()
    money: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()


def _split(words: str) -> tuple[str, ...]:
    return tuple(w for w in words.split("|") if w)


def _cues(
    bodies: str = "", money: str = "", places: str = "", languages: str = "", signs: str = ""
) -> Cues:
    """Cues from "|"-separated words, which keeps the long table readable."""
    return Cues(_split(bodies), _split(money), _split(places), _split(languages), _split(signs))


CUES: dict[str, Cues] = {
    # The Americas
    "US": _cues(
        bodies=(
            "White House|Pentagon|Oval Office|Capitol Hill|Commerce Department|"
            "Department of Commerce|Department of Energy|National Science Foundation|DARPA|"
            "NIST|CHIPS Act"
        ),
        places=(
            "California|Texas|Arizona|Virginia|Oregon|Ohio|Massachusetts|Seattle|San Francisco|"
            "Boston|Chicago|Los Angeles"
        ),
    ),
    "CA": _cues(
        bodies=(
            "Parliament Hill|ISED|House of Commons of Canada|"
            "Artificial Intelligence and Digital Innovation"
        ),
        places="Quebec|Québec|Ontario|Alberta|British Columbia|Calgary",
    ),
    "MX": _cues(bodies="Los Pinos", places="Guadalajara|Monterrey"),
    "BR": _cues(
        bodies="Planalto|Palácio do Planalto|Itamaraty|BNDES|Finep",
        money="reais",
        places="Belo Horizonte|Porto Alegre|Campinas|Recife|Curitiba",
    ),
    "AR": _cues(bodies="Casa Rosada"),
    "CL": _cues(bodies="La Moneda|CORFO", places="Valparaíso|Valparaiso"),
    "CO": _cues(bodies="Casa de Nariño", places="Medellín|Medellin"),
    # Europe
    "EU": _cues(
        bodies=(
            "European Commission|European Parliament|European Council|EuroHPC|Berlaymont|"
            "Horizon Europe|Digital Europe Programme|European Investment Bank"
        )
    ),
    "GB": _cues(
        bodies=(
            "Chancellor of the Exchequer|Downing Street|Whitehall|Westminster|House of Commons|"
            "House of Lords|DSIT|Science, Innovation and Technology|UKRI|Ofcom|NHS|"
            "Alan Turing Institute|Isambard-AI"
        ),
        money="sterling",
        places="Manchester|Bristol|Glasgow|Belfast|Cardiff|Leeds",
    ),
    "IE": _cues(
        bodies="Taoiseach|Tánaiste|Tanaiste|Dáil|Oireachtas|Seanad", places="Cork|Galway|Limerick"
    ),
    "FR": _cues(
        bodies=(
            "Élysée|Elysee|Elysée|Matignon|Assemblée nationale|Quai d'Orsay|CNRS|Inria|INRIA|"
            "Bpifrance|CNIL|GENCI|Jean Zay"
        ),
        places="Toulouse|Grenoble|Bordeaux|Lille|Saclay|Nantes",
    ),
    "DE": _cues(
        bodies=(
            "Bundestag|Bundesrat|Bundesregierung|Bundeskanzler|Bundeswehr|Bundesbank|BMBF|BMDV|"
            "Fraunhofer|Max Planck|Helmholtz|DFKI|Forschungszentrum Jülich"
        ),
        places=(
            "Stuttgart|Cologne|Köln|Dresden|Leipzig|Düsseldorf|Jülich|Juelich|Bavaria|"
            "Baden-Württemberg|North Rhine-Westphalia"
        ),
    ),
    "IT": _cues(
        bodies="Palazzo Chigi|Montecitorio|CINECA|Cineca|AgID",
        places="Naples|Venice|Genoa|Lombardy|Sicily",
    ),
    "ES": _cues(
        bodies="La Moncloa|Moncloa|Cortes Generales|MareNostrum",
        places="Seville|Bilbao|Catalonia|Andalusia|Málaga",
    ),
    "PT": _cues(bodies="Assembleia da República", places="Porto"),
    "NL": _cues(bodies="Tweede Kamer|Binnenhof|TNO", places="Rotterdam|Utrecht|Groningen|Delft"),
    "BE": _cues(places="Antwerp|Ghent|Flanders|Wallonia|Leuven|Liège"),
    "CH": _cues(bodies="EPFL|CSCS", places="Basel|Lausanne"),
    "AT": _cues(bodies="Ballhausplatz", places="Graz|Linz|Salzburg"),
    "SE": _cues(
        bodies="Riksdag|Rosenbad|Vinnova",
        money="kronor",
        places="Gothenburg|Göteborg|Malmö|Malmo|Uppsala|Linköping",
    ),
    "NO": _cues(bodies="Storting|Stortinget", places="Bergen|Trondheim|Stavanger"),
    "DK": _cues(bodies="Folketing|Folketinget|Christiansborg", places="Aarhus|Odense"),
    "FI": _cues(bodies="Eduskunta", places="Espoo|Tampere|Turku|Oulu"),
    "PL": _cues(
        bodies="Sejm",
        money="złoty|zloty|zlotys|złotys",
        places="Gdańsk|Gdansk|Wrocław|Wroclaw|Poznań|Poznan|Łódź",
    ),
    "CZ": _cues(money="koruna", places="Brno|Ostrava"),
    "HU": _cues(money="forint|forints", places="Debrecen"),
    "RO": _cues(places="Cluj-Napoca|Cluj|Timișoara|Timisoara"),
    "GR": _cues(bodies="Hellenic Parliament", places="Thessaloniki|Piraeus"),
    "UA": _cues(
        bodies="Verkhovna Rada|Diia",
        money="hryvnia|hryvnias",
        places="Kharkiv|Odesa|Lviv|Dnipro",
        signs="₴",
    ),
    "RU": _cues(
        bodies="Kremlin|State Duma|Duma|Roscosmos|Rostec|Skolkovo",
        money="rouble|roubles|ruble|rubles",
        places="Novosibirsk|Kazan|Yekaterinburg|Saint Petersburg",
    ),
    "TR": _cues(
        bodies="Grand National Assembly|TÜBİTAK|TUBITAK",
        money="lira|liras",
        places="Izmir|İzmir|Bursa|Antalya",
        signs="₺",
    ),
    # Middle East and North Africa
    "IL": _cues(
        bodies="Knesset|Technion|Weizmann Institute",
        money="shekel|shekels",
        places="Haifa|Beersheba",
        languages="Hebrew",
        signs="₪",
    ),
    "IR": _cues(languages="Farsi"),
    "SA": _cues(bodies="SDAIA|KACST|KAUST|Public Investment Fund", places="Dammam|Mecca"),
    "AE": _cues(
        bodies=(
            "MBZUAI|Mohamed bin Zayed University|Mubadala|"
            "Minister of State for Artificial Intelligence"
        ),
        places="Sharjah|Ajman|Ras Al Khaimah",
    ),
    "QA": _cues(bodies="QIA", places="Lusail"),
    "EG": _cues(bodies="ITIDA|New Administrative Capital", places="Giza"),
    "MA": _cues(places="Tangier|Marrakech|Marrakesh|Fez|Agadir|Meknes|Oujda"),
    # South and Central Asia
    "IN": _cues(
        bodies=(
            "MeitY|Electronics and Information Technology|Electronics and IT|IndiaAI|"
            "IndiaAI Mission|Lok Sabha|Rajya Sabha|NITI Aayog|C-DAC|NASSCOM|Nasscom|ISRO|DRDO|"
            "Bhashini|Aadhaar|IIT|IITs"
        ),
        places="Kolkata|Pune|Ahmedabad|Gujarat|Karnataka|Tamil Nadu",
        languages="Hindi|Telugu|Marathi|Kannada|Malayalam|Gujarati|Odia|Assamese",
        signs="₹",
    ),
    "PK": _cues(
        bodies="MoITT|Information Technology and Telecommunication",
        places="Rawalpindi|Peshawar|Faisalabad",
    ),
    "BD": _cues(
        bodies="Jatiya Sangsad",
        money="taka",
        places=(
            "Chittagong|Chattogram|Rajshahi|Khulna|Sylhet|Barishal|Barisal|Rangpur|Mymensingh|"
            "Gazipur|Narayanganj|Cox's Bazar"
        ),
        languages="Bangla",
        signs="Tk|৳",
    ),
    "LK": _cues(places="Kandy|Galle|Jaffna", languages="Sinhala"),
    "KZ": _cues(bodies="Mazhilis|Akorda", money="tenge", places="Shymkent"),
    "UZ": _cues(bodies="Oliy Majlis", places="Samarkand"),
    # East and Southeast Asia
    "CN": _cues(
        bodies=(
            "Zhongnanhai|National People's Congress|MIIT|Industry and Information Technology|"
            "NDRC|National Development and Reform Commission|Tsinghua|Peking University"
        ),
        money="yuan|renminbi|RMB",
        places="Zhejiang|Jiangsu|Guangdong|Wuhan|Chengdu|Tianjin|Chongqing",
    ),
    "HK": _cues(bodies="LegCo|Cyberport|HKSAR", money="HK$"),
    "TW": _cues(
        bodies="Legislative Yuan|Executive Yuan|ITRI",
        money="NT$",
        places="Kaohsiung|Taichung|Tainan",
    ),
    "JP": _cues(
        bodies=(
            "METI|Economy, Trade and Industry|National Diet|Kantei|Keidanren|RIKEN|Riken|AIST|"
            "ABCI|Fugaku|NEDO|JICA"
        ),
        money="yen",
        places="Fukuoka|Nagoya|Sapporo|Hokkaido",
    ),
    "KR": _cues(
        bodies="KAIST|Science and ICT|MSIT|Blue House|Cheong Wa Dae|ETRI|NIPA",
        places="Incheon|Daegu|Daejeon|Gwangju|Sejong",
        signs="₩",
    ),
    "SG": _cues(
        bodies=(
            "Infocomm Media Development Authority|IMDA|A*STAR|Smart Nation|GovTech|NSCC|"
            "Temasek|Digital Development and Information"
        ),
        money="S$",
        places="Jurong|Changi",
    ),
    "MY": _cues(
        bodies="MDEC|Dewan Rakyat|Putrajaya|MIDA|Khazanah",
        money="ringgit",
        places="Penang|Selangor|Sarawak|Johor Bahru|Ipoh|Kota Kinabalu|Kuching",
        languages="Bahasa Melayu|Bahasa Malaysia",
        signs="RM",
    ),
    "ID": _cues(
        bodies="Kominfo|Komdigi|BRIN|Danantara|Communication and Digital Affairs",
        money="rupiah",
        places="Bandung|Medan|Yogyakarta|Semarang|Makassar|Palembang|Denpasar|Balikpapan",
        languages="Bahasa Indonesia",
        signs="Rp",
    ),
    "TH": _cues(
        bodies="DEPA|NSTDA|NECTEC|Eastern Economic Corridor|Digital Economy and Society",
        money="baht",
        places="Chiang Mai|Phuket|Pattaya",
    ),
    "VN": _cues(
        money="VND",
        places="Ha Noi|Hà Nội|Da Nang|Đà Nẵng|Hai Phong|HCM City|Saigon",
        signs="₫",
    ),
    "PH": _cues(
        bodies="Malacañang|Malacanang|Department of Information and Communications Technology",
        places="Quezon City|Cebu|Davao|Makati",
        languages="Tagalog",
        signs="₱",
    ),
    "KH": _cues(languages="Khmer"),
    # Oceania
    "AU": _cues(
        bodies="CSIRO|Pawsey",
        money="A$",
        places="Brisbane|Perth|Adelaide|New South Wales|Queensland",
    ),
    "NZ": _cues(
        bodies="MBIE", money="NZ$", places="Christchurch|Dunedin", languages="te reo Māori"
    ),
    # Sub-Saharan Africa
    "NG": _cues(
        bodies=(
            "NITDA|Aso Rock|Communications, Innovation and Digital Economy|"
            "Communications, Innovation, and Digital Economy"
        ),
        money="naira",
        places="Port Harcourt|Kano|Ibadan|Enugu|Kaduna|Benin City",
        languages="Yoruba|Igbo|Hausa",
        signs="₦",
    ),
    "KE": _cues(
        bodies="Information, Communications and the Digital Economy",
        money="KSh|Ksh",
        places="Mombasa|Kisumu|Konza|Nakuru|Eldoret",
        signs="KSh|Ksh",
    ),
    "TZ": _cues(places="Arusha|Zanzibar|Mwanza", signs="TSh"),
    "UG": _cues(places="Entebbe|Gulu", signs="USh"),
    "ZA": _cues(
        bodies="Communications and Digital Technologies",
        places=(
            "Durban|Stellenbosch|Gauteng|KwaZulu-Natal|Western Cape|Eastern Cape|Limpopo|"
            "Mpumalanga|Bloemfontein|Gqeberha|Port Elizabeth|Soweto|Polokwane"
        ),
        languages="isiZulu|isiXhosa|Sesotho|Setswana|Sepedi|Tshivenda|Xitsonga|Afrikaans",
        signs="R",
    ),
    "GH": _cues(
        bodies="Communications, Digital Technology and Innovations",
        money="cedi|cedis",
        places="Kumasi",
    ),
    "ET": _cues(money="birr", languages="Amharic"),
    "RW": _cues(bodies="ICT and Innovation|MINICT", languages="Kinyarwanda"),
    "SN": _cues(languages="Wolof"),
    "PY": _cues(languages="Guarani|Guaraní"),
}


@dataclass(frozen=True)
class Shared:
    """A cue of several countries, the usual one first, and what kind of cue it is."""

    codes: tuple[str, ...]
    kind: str  # "money", "language" or "sign"


_SOUTH_ASIA = ("IN", "BD", "PK", "NP", "LK")
_EAST_AFRICA = ("KE", "TZ", "UG")
SHARED: dict[str, Shared] = {
    "crore": Shared(_SOUTH_ASIA, "money"),
    "crores": Shared(_SOUTH_ASIA, "money"),
    "lakh": Shared(_SOUTH_ASIA, "money"),
    "Rs": Shared(("IN", "PK", "LK", "NP"), "sign"),
    "Sh": Shared(_EAST_AFRICA, "sign"),
    "Swahili": Shared(_EAST_AFRICA, "language"),
    "Kiswahili": Shared(_EAST_AFRICA, "language"),
    "Bengali": Shared(("IN", "BD"), "language"),
    "Tamil": Shared(("IN", "LK"), "language"),
    "Urdu": Shared(("PK", "IN"), "language"),
    "Punjabi": Shared(("IN", "PK"), "language"),
    "Pashto": Shared(("AF", "PK"), "language"),
    "Malay": Shared(("MY", "BN", "SG"), "language"),
    "Darija": Shared(("MA", "DZ", "TN"), "language"),
    "Quechua": Shared(("PE", "BO", "EC"), "language"),
}

# Seats of government: a capital stands for its state ("Hanoi said", "talks in Abuja"), so
# unlike other cities it is evidence of what an article is about.
CAPITALS: frozenset[str] = frozenset(
    {
        "Washington",
        "Ottawa",
        "Mexico City",
        "Brasília",
        "Brasilia",
        "Buenos Aires",
        "Bogotá",
        "Bogota",
        "London",
        "Dublin",
        "Paris",
        "Berlin",
        "Rome",
        "Madrid",
        "Lisbon",
        "The Hague",
        "Bern",
        "Vienna",
        "Stockholm",
        "Oslo",
        "Copenhagen",
        "Helsinki",
        "Reykjavik",
        "Warsaw",
        "Prague",
        "Budapest",
        "Bucharest",
        "Athens",
        "Kyiv",
        "Kiev",
        "Moscow",
        "Ankara",
        "Tbilisi",
        "Tallinn",
        "Vilnius",
        "Riga",
        "Riyadh",
        "Abu Dhabi",
        "Doha",
        "Manama",
        "Muscat",
        "Amman",
        "Cairo",
        "Rabat",
        "Tunis",
        "Algiers",
        "Tehran",
        "Baghdad",
        "Islamabad",
        "New Delhi",
        "Dhaka",
        "Colombo",
        "Kathmandu",
        "Beijing",
        "Taipei",
        "Tokyo",
        "Seoul",
        "Pyongyang",
        "Ulaanbaatar",
        "Kuala Lumpur",
        "Jakarta",
        "Bangkok",
        "Hanoi",
        "Ha Noi",
        "Hà Nội",
        "Manila",
        "Phnom Penh",
        "Canberra",
        "Wellington",
        "Astana",
        "Tashkent",
        "Abuja",
        "Nairobi",
        "Pretoria",
        "Accra",
        "Addis Ababa",
        "Kigali",
        "Dakar",
        "Dodoma",
        "Kampala",
        "Montevideo",
        "Quito",
        "Caracas",
        "Havana",
        "Bratislava",
        "Ljubljana",
        "Zagreb",
        "Belgrade",
        "Nicosia",
        "Valletta",
        "Yerevan",
        "Baku",
        "Minsk",
        "Beirut",
        "Kabul",
        "Vientiane",
        "Thimphu",
        "Lusaka",
        "Harare",
        "Maputo",
        "Luanda",
        "Gaborone",
        "Windhoek",
        "Kinshasa",
    }
)
