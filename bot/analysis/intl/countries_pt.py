"""Portuguese country words and role cues, for Brazil, Portugal and Lusophone Africa:
names, demonyms in their four forms, and the seats of power that stand for a state
("o Planalto", "o Palácio do Planalto", "São Bento", "o Itamaraty")."""

from __future__ import annotations

from bot.analysis.intl.countries_lexicon import Table, build
from bot.analysis.intl.countries_romance import RomanceWords, romance_roles

__all__ = ["LEXICON", "ROLES"]

TABLE: Table = {
    "US": (
        "Estados Unidos|EUA|EE.UU.|USA",
        "americano|norte-americano|estadunidense|estado-unidense",
        "Washington|Nova York|Vale do Silício|Silicon Valley|Califórnia|São Francisco",
    ),
    "CA": ("Canadá", "canadense|canadiano", "Ottawa|Toronto|Montreal"),
    "MX": ("México", "mexicano", "Cidade do México"),
    "BR": (
        "Brasil",
        "brasileiro",
        "Brasília|São Paulo|Rio de Janeiro|Belo Horizonte|Campinas|Recife|Porto Alegre|Curitiba|"
        "Fortaleza|Manaus|Florianópolis|Goiânia|Belém|Minas Gerais|Santa Catarina|Paraná|"
        "Rio Grande do Sul|Pernambuco|Bahia|Ceará|Amazonas|Pará|Espírito Santo|Goiás",
    ),
    "AR": ("Argentina", "argentino", "Buenos Aires"),
    "CL": ("Chile", "chileno", "Santiago do Chile"),
    "CO": ("Colômbia", "colombiano", "Bogotá"),
    "PE": ("Peru", "peruano", ""),
    "UY": ("Uruguai", "uruguaio", "Montevidéu"),
    "GB": ("Reino Unido|Grã-Bretanha|Inglaterra", "britânico", "Londres"),
    "FR": ("França", "francês", "Paris"),
    "DE": ("Alemanha", "alemão/alemã/alemães/alemãs", "Berlim|Munique|Frankfurt"),
    "IT": ("Itália", "italiano", "Roma|Milão"),
    "ES": ("Espanha", "espanhol/espanhola/espanhóis/espanholas", "Madri|Madrid|Barcelona"),
    "PT": (
        "Portugal",
        "português|luso",
        "Lisboa|Porto|Coimbra|Braga|Aveiro|Faro|Sines|Setúbal|Évora|Guimarães|Açores|Madeira",
    ),
    "NL": ("Holanda|Países Baixos", "holandês|neerlandês", "Amsterdã|Amesterdão"),
    "BE": ("Bélgica", "belga", ""),
    "CH": ("Suíça", "suíço", "Berna|Zurique|Genebra|Lugano"),
    "AT": ("Áustria", "austríaco", "Viena"),
    "SE": ("Suécia", "sueco", "Estocolmo"),
    "NO": ("Noruega", "norueguês", "Oslo"),
    "DK": ("Dinamarca", "dinamarquês", "Copenhague"),
    "FI": ("Finlândia", "finlandês", "Helsinque"),
    "PL": ("Polônia|Polónia", "polonês|polaco", "Varsóvia"),
    "RU": ("Rússia", "russo", "Moscou|Moscovo|Kremlin"),
    "UA": ("Ucrânia", "ucraniano", "Kiev"),
    "TR": ("Turquia", "turco", "Ancara|Istambul"),
    "IL": ("Israel", "israelense|israelita", "Tel Aviv|Jerusalém"),
    "SA": ("Arábia Saudita", "saudita", "Riad"),
    "AE": ("Emirados Árabes Unidos|Emirados", "emiradense", "Abu Dhabi|Dubai"),
    "EG": ("Egito|Egipto", "egípcio", "Cairo"),
    "AO": ("Angola", "angolano", "Luanda"),
    "MZ": ("Moçambique", "moçambicano", "Maputo"),
    "CV": ("Cabo Verde", "cabo-verdiano", ""),
    "NG": ("Nigéria", "nigeriano", "Abuja|Lagos"),
    "ZA": ("África do Sul", "sul-africano", "Pretória|Joanesburgo"),
    "IN": ("Índia", "indiano", "Nova Délhi|Mumbai|Bangalore"),
    "CN": ("China", "chinês", "Pequim|Xangai|Shenzhen"),
    "TW": ("Taiwan", "taiwanês", "Taipé"),
    "JP": ("Japão", "japonês|nipônico|nipónico", "Tóquio|Osaka"),
    "KR": ("Coreia do Sul|Coreia", "sul-coreano|coreano", "Seul"),
    "SG": ("Singapura", "singapuriano", ""),
    "ID": ("Indonésia", "indonésio", "Jacarta"),
    "AU": ("Austrália", "australiano", "Sydney|Camberra"),
    "HR": ("Croácia", "croata", "Zagreb"),
    "SI": ("Eslovênia|Eslovénia", "esloveno", ""),
    "SK": ("Eslováquia", "eslovaco", ""),
    "BG": ("Bulgária", "búlgaro", ""),
    "RS": ("Sérvia", "sérvio", "Belgrado"),
    "CZ": ("República Tcheca|Chéquia|Tchéquia", "tcheco|checo", "Praga"),
    "HU": ("Hungria", "húngaro", "Budapeste"),
    "RO": ("Romênia|Roménia", "romeno", "Bucareste"),
    "GR": ("Grécia", "grego", "Atenas"),
    "IE": ("Irlanda", "irlandês", "Dublin"),
    "GW": ("Guiné-Bissau", "guineense", "Bissau"),
    "ST": ("São Tomé e Príncipe", "são-tomense", ""),
    "TL": ("Timor-Leste", "timorense", "Díli"),
    "MA": ("Marrocos", "marroquino", "Rabat"),
    "KE": ("Quênia|Quénia", "queniano", "Nairóbi"),
    "PY": ("Paraguai", "paraguaio", "Assunção"),
    "BO": ("Bolívia", "boliviano", "La Paz"),
    "VE": ("Venezuela", "venezuelano", "Caracas"),
    "EC": ("Equador", "equatoriano", "Quito"),
    "NZ": ("Nova Zelândia", "neozelandês", ""),
    "VN": ("Vietnã|Vietname", "vietnamita", "Hanói"),
    "TH": ("Tailândia", "tailandês", "Bangcoc"),
    "MY": ("Malásia", "malaio", "Kuala Lumpur"),
    "PH": ("Filipinas", "filipino", "Manila"),
    "EU": ("União Europeia|UE|EU|os Vinte e Sete", "", "Bruxelas"),
}

BODIES = {
    "BR": "Planalto|Palácio do Planalto|Itamaraty|Esplanada dos Ministérios|Governo Federal|"
    "governo federal|Congresso Nacional|Câmara dos Deputados|Senado Federal|MCTI|"
    "Ministério da Ciência, Tecnologia e Inovação|Plano Brasileiro de Inteligência Artificial|"
    "PBIA|BNDES|Finep|CNPq|Serpro|Dataprev|SUS|Anatel|ANPD|Embrapa|LNCC|"
    "Santos Dumont|Receita Federal|Banco Central do Brasil|Casa Civil",
    "PT": "Assembleia da República|São Bento|Palácio de Belém|Conselho de Ministros|"
    "Fundação para a Ciência e a Tecnologia|Deucalion|PRR|Plano de Recuperação e Resiliência",
    "US": "Casa Branca|Pentágono",
    "EU": "Comissão Europeia|Parlamento Europeu|Conselho Europeu|EuroHPC",
    "FR": "Eliseu",
}
IGNORE = "América Latina|América do Sul|América Central|América do Norte|Banco do Brasil"
TONGUES = "português|inglês|espanhol|francês|alemão|italiano|chinês|japonês|coreano|árabe|russo"

LEXICON = build(
    "pt",
    TABLE,
    BODIES,
    languages={"BR": "tupi|guarani|nheengatu"},
    ignore=IGNORE,
    tongues=TONGUES,
    prefixes="luso|franco|teuto|ítalo|sino|nipo|euro|norte|sul|anglo|ibero|hispano",
)

_DO = r"(?:d[oa]s?|de)"
ROLES = romance_roles(
    RomanceWords(
        art=r"(?:o|a|os|as)\s",
        preps=r"de|do|da|dos|das|a|ao|aos|à|às|com|por|pelo|pela|pelos|pelas|para|contra|sobre|"
        r"entre|sem|em|no|na|nos|nas|desde",
        aux=r"vai|vão|quer|querem|deve|devem|pretende|pretendem|planeja|planeia|prevê|preveem|"
        r"busca|buscam|acaba|acabam|de|já|também|ainda|agora|hoje|ontem|nesta|neste|"
        r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|se|"
        r"tem|têm|foi|oficialmente|recentemente|irá|irão|decidiu",
        verbs=r"(?:lanç|lanc|anunci|invest|destin|apresent|financi|aprov|adot|adopt|assin|alo[cq]|"
        r"mobiliz|desenvolv|constru|inaugur|implant|compr|adquir|selecion|escolh|conced|"
        r"public|impuls|promov|cri[aou]|estabelec|instal|abr|apost|dedic|reserv|ativ|licit|"
        r"ampli|reforç|apoi|liber|disponibiliz|contrat|encomend|prepar|dobr|acelera|coloc|pôs|"
        r"põe|injet|aport)"
        r"(?!\w*(?:ção|ções|mento|mentos|dor|dora|dores|agem|agens)\b)\w*",
        says=r"(?:declar|afirm|assegur|explic|dis[s]?e|diz|destac|sublinh|ressalt|acrescent|"
        r"reconhec|defend|coment|avali|inform|adiant|garant)\w*",
        be=r"é|são|foi|será|vai|vão|está|estão|pode|deve|quer|tem|têm|se",
        gov=r"governo|executivo|ministério|ministr[oa]s?|president[ea]|primeiro-ministro|"
        r"primeira-ministra|Estado|autoridades|parlamento|congresso|senado|administração|"
        r"comissão|agência|regulador|conselho|secretári[oa]|universidades?|embaixador(?:a)?",
        company=r"gigantes?|grupos?|empresas?|companhias?|firmas?|fabricantes?|"
        r"fornecedor(?:es|as)?|start-?ups?|big\stechs?|plataformas?|solução|soluções|chips?|"
        r"tecnologias?|laboratórios?|rivais|rival|concorrentes?|multinacional|multinacionais|"
        r"desenvolvedoras?|unicórnios?|fundos?|investidor(?:es|as)?|ferramentas?|produtos?|"
        r"marcas?|provedor(?:es|as)?|bancos?|assistentes?|aplicativos?|de\sorigem",
        passing=rf"(?:disponíve(?:l|is)|comercializad[oa]s?|vendid[oa]s?|oferecid[oa]s?|chegará)\s(?:[\w-]+\s){{0,2}}?(?:em|no|na|nos|nas)|como|ao\scontrário\s{_DO}|tal\scomo|assim\scomo|face\s(?:a|ao|à)|"
        rf"diante\s{_DO}|em\scomparação\scom|comparad[oa]s?\s(?:a|ao|à|com)|rivalizar\scom|"
        rf"competir\scom|atrás\s{_DO}|à\sfrente\s{_DO}|vizinh[oa]s?\s{_DO}|"
        rf"seguindo\so\sexemplo\s{_DO}|inspirad[oa]s?\s(?:em|n[oa]s?)|(?:co)?financiad[oa]s?\spel[oa]s?|"
        rf"com\so\sapoio\s{_DO}|em\sparceria\scom|junto\s(?:a|ao|à)|"
        rf"visita\s(?:a|ao|à|{_DO})|delegação\s{_DO}|embaixad\w+\s{_DO}|"
        rf"(?:mais|menos|melhor|pior)\s(?:[\w-]+\s){{0,3}}?(?:do\s)?que|dependência\s{_DO}|"
        rf"depender\s{_DO}|importad[oa]s?\s{_DO}|gigantes\s{_DO}|longe\s{_DO}",
        source=r"segundo|de\sacordo\scom|conforme|citad[oa]\spor",
        in_words="No|Na|Nos|Em",
        conj="e|ou|depois",
        passing_after=r"em\svisita",
        similar=r"semelhantes?|similar(?:es)?|parecid[oa]s?|comparáve(?:l|is)|análog[oa]s?|do\smesmo\stipo",
        seats=r"governo\s(?:d[eo]|da|do\sestado\sd[eo])|estado\sd[eo]|prefeitura\sd[eoa]|região\sd[eoa]|secretaria\sestadual\sd[eoa]",
    )
)
