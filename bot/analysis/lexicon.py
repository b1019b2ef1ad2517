"""Word lists for quote attribution and name detection.

Without an NLP model, a person's name is "capitalised words that are not something
else", so most of this module lists the something-else: titles and roles that precede
a name, words that head organisations and programmes, sentence openers, months, and
the country words of the gazetteer. Speech verbs are what turn a name next to a quote
into its speaker.
"""

from __future__ import annotations

import re

from bot.analysis.gazetteer import COUNTRIES
from bot.analysis.institutions import CUES

__all__ = [
    "AUX_WORDS",
    "COMMON_CAPS",
    "FOREIGN_VERBS",
    "FUNCTION_WORDS",
    "GENERIC_ACRONYMS",
    "HEADLINE_VERBS",
    "HONORIFICS",
    "NOT_ACRONYMS",
    "PARTICIPLES",
    "PARTICLES",
    "PERSON_VERBS",
    "PLACE_WORDS",
    "PREPOSITIONS",
    "ROLE_NOUNS",
    "ROLE_WORDS",
    "SPEECH_VERBS",
    "TITLES",
    "VERB_RE",
    "noun_like",
    "words",
]


def words(text: str) -> frozenset[str]:
    """A word list written as prose: whitespace-separated words."""
    return frozenset(text.split())


# Third-person forms that are just as often nouns ("shares", "states", "notes",
# "comments", "claims", "posts") are left out: "shares rose" is not an attribution.
SPEECH_VERBS = words(
    """said says say added adds told tells noted explained explains stated announced
    announces wrote writes argued argues remarked stressed emphasised emphasized
    emphasises emphasizes declared declares insisted insists continued continues asked
    asks warned warns concluded concludes commented observed observes recalled recalls
    replied replies responded responds acknowledged acknowledges admitted admits claimed
    maintained maintains reiterated reiterates underlined underlines highlighted affirmed
    affirms confirmed confirms predicted predicts suggested suggests urged urges
    cautioned cautions posted tweeted conceded concedes quipped quips mused muses
    reflected pointed described describes vowed vows pledged pledges boasted boasts
    lamented laments proclaimed proclaims assured assures contended contends countered
    agreed agrees disclosed discloses revealed reveals shared elaborated elaborates
    expressed called quoted disagreed objected summed specified clarified clarifies
    underscored underscores indicated mentioned asserted asserts opined recounted
    answered advised reasoned joked promised reminded hailed lauded insisted
    explained elaborated conveyed"""
)
# A few attribution verbs of French, German, Spanish and Portuguese copy.
FOREIGN_VERBS = (
    "a déclaré",
    "a affirmé",
    "a dit",
    "a expliqué",
    "a souligné",
    "déclare",
    "sagte",
    "erklärte",
    "betonte",
    "dijo",
    "afirmó",
    "explicó",
    "disse",
    "afirmou",
)
PARTICIPLES = words(
    """saying adding noting stating explaining remarking stressing emphasising emphasizing
    declaring insisting warning writing arguing telling calling concluding commenting
    observing recalling replying responding acknowledging admitting claiming maintaining
    reiterating underlining highlighting affirming confirming predicting suggesting
    urging cautioning posting tweeting describing vowing pledging expressing specifying
    clarifying underscoring indicating mentioning asserting promising"""
)
# Acronyms of common nouns and products: never the name of a speaker ("the JV said",
# "DRAM prices", "GenAI tools").
GENERIC_ACRONYMS = words(
    """ai genai agi jv gpu gpus cpu cpus tpu npu dram nand hbm llm llms slm ml it ict iot
    api apis saas paas iaas ipo esg mou mous spv ppp gdp r&d hpc eflops pflops mw gw kw
    twh gwh capex opex sme smes ev evs 5g 6g os vr ar xr pc pcs b2b b2c faq"""
)
# Verbs of headlines, written in title case ("Okafor Lauds National Model"): never the
# last word of a name.
HEADLINE_VERBS = SPEECH_VERBS | words(
    """lauds hails unveils launches backs urges seeks plans eyes bets pushes wants sets
    opens signs approves welcomes praises commends touts defends rejects slams blasts
    inaugurates visits meets pledges vows names appoints picks taps targets announces
    says tells warns calls"""
)
# Verbs that vouch for a person: a company "announced" or "confirmed" as often as a
# person did, but it is people who "told", "added" or "insisted".
PERSON_VERBS = SPEECH_VERBS - words(
    """announced announces confirmed confirms disclosed discloses revealed reveals posted
    shared stated predicted predicts described describes expressed called quoted"""
)
_VERBS = sorted(SPEECH_VERBS | PARTICIPLES, key=len, reverse=True)
# "said", "pointed out", "according to": one alternation, compiled once.
VERB_RE = re.compile(
    r"\b(?:(?i:according to)|pointed out|" + "|".join(FOREIGN_VERBS + tuple(_VERBS)) + r")\b"
)

# Nouns by which a person is referred back to: "the minister said", "the CEO added"
# (an alternation, for regexes).
ROLE_NOUNS = (
    "minister|president|ceo|cfo|cto|chief|executive|officer|chairman|chairwoman|chair|"
    "director|secretary|spokesperson|spokesman|spokeswoman|chancellor|governor|mayor|"
    "senator|co-founder|founder|head|manager|commissioner|ambassador|envoy|leader|premier|"
    "analyst|economist|adviser|advisor|official|professor|researcher|scientist|coach|boss|"
    "king|prince|sheikh|representative|pm|cs|boss"
)
# Lowercase words that may stand between a speaker and the speech verb.
AUX_WORDS = words(
    """also further later then previously earlier once has had have would will recently
    again too confidently firmly was is"""
)
PREPOSITIONS = words(
    """with by to from of at for in on about between among against like than into onto over
    under through via without within behind beside near toward towards including met
    meet meets visited"""
)
# Name particles: lowercase words that belong inside a name ("Ursula von der Leyen").
PARTICLES = words(
    """de da das do dos du del della di van von der den ter ten bin binti bint ibn al el le
    la"""
)

# Titles and roles: they precede a name and are not part of it, and a name they precede
# is a person's (not a company's). Compared in lowercase.
TITLES = words(
    """mr mrs ms miss dr prof professor sir dame lord lady sheikh sheikha king queen prince
    princess president minister ministers ceo cfo cto coo cio chief executive officer
    chairman chairwoman chair chairperson director secretary spokesperson spokesman
    spokeswoman chancellor governor mayor senator deputy vice prime premier general
    managing founder co-founder cofounder head manager commissioner ambassador envoy
    secretary-general leader principal senior lead analyst economist adviser advisor
    researcher scientist engineer professor coach captain defender striker midfielder
    partner official officials representative rep sen gov gen col lt capt judge justice
    delegate lecturer teacher student farmer activist lawyer doctor nurse expert
    consultant journalist author investor entrepreneur designer programmer owner resident
    vice-president vice-chairman vice-chairwoman vice-chancellor vice-premier vice-governor
    director-general attorney-general solicitor-general auditor-general governor-general
    inspector-general surgeon-general deputy-governor co-chair minister-president
    state union assistant associate undersecretary permanent cabinet mp fellow boss"""
) | words(
    # honorifics of other traditions: Malaysian (Datuk Seri), Indonesian (Pak, Ibu),
    # South Asian (Shri), Gulf (Emir), and the formal "Hon." and "H.E."
    """datuk dato dato' dato’ datin tun toh puan seri haji hajah hajjah pehin pak ibu bapak
    shri smt shrimati emir hon honourable excellency engr mme madame alhaji alhaja hajia"""
)
HONORIFICS = words(
    """mr mrs ms miss dr prof sir dame lord lady datuk dato dato' dato’ datin tun toh puan
    seri haji hajah hajjah pehin pak ibu bapak shri smt shrimati hon honourable engr mme
    madame alhaji alhaja hajia"""
)
ROLE_WORDS = TITLES | words(
    """of and for the founder founders co-founders boss chiefs head owner editor member
    members fellow"""
)

_FUNCTION = """
the a an this that these those there here it its it's we our they their he his she her
i you your my me us them who what when where which while why how however but and or nor
so yet if then than as at by for from in into of on onto to with without within after
before during since until under over above below across about against among between
through throughout despite although though because unless also still even just only
meanwhile moreover furthermore besides instead indeed thus hence therefore otherwise
today yesterday tomorrow tonight now earlier later last next first second third new
old other others another some many most more much all both each every any few several
no not yes according like unlike following via per image photo photos video watch read
related source sources update updated editor editors note advertisement written
published reporting additional copyright separately currently notably overall
nonetheless nevertheless similarly initially finally already elsewhere together recently
previously additionally specifically importantly ultimately instead once soon likewise
accordingly consequently officially reportedly speaking asked addressing responding
commenting citing announcing launching unveiling
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
"""
_ORGANISATION = """
inc ltd llc plc corp corporation co company companies group holdings holding
technologies technology tech systems labs lab capital partners ventures solutions
services networks network cloud data digital economy innovation science sciences
information communication communications informatics electronics telecom telecoms
telecommunications affairs finance financial trade industry industries energy health
education defence defense foreign home interior transport infrastructure agriculture
commerce economic economics development research planning security justice labour
labor environment culture tourism youth sports sport media broadcasting
ministry ministries department office agency authority board bureau council
commission committee parliament government cabinet senate congress assembly court
union league cup club bridge school university college institute institution
centre center foundation association federation organisation organization society
alliance consortium fund bank exchange market markets trust reserve treasury
summit conference forum expo week festival awards award prize
mission strategy programme program initiative challenge act bill law plan project
policy framework roadmap accelerator platform model models chip chips chatbot
national federal state republic kingdom royal international global world regional
european asian african american arab middle east west north south central eastern
western northern southern united states nations city county province region district
street avenue road square tower house palace airport station port valley island
islands bay lake river mountain gulf sea ocean coast
ai gpu gpus llm llms
ministry's government's company's
reform reforms aerospace welfare housing water mines mining fisheries forestry climate
heritage arts veterans customs budget exchequer lands public civil works utilities power petroleum
oil gas resources aviation shipping maritime railways posts space oceans family women
higher advanced applied scientific technological rural urban domestic external internal
strategic emerging critical creative circular
market markets stores foods retail insurance pharma steel logistics studios software
brands motors airlines airways
"""
# Portfolio and institution nouns by their endings: "Minister for Digital Transformation
# Óscar Llorente", "Secretary of Economic Development Ana Ruiz". Given names with these
# endings are listed apart.
_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ance|ence|ogy|ics|ness|ship|ities|isms)$")
_NAMES_WITH_NOUN_ENDINGS = words(
    """clement florence lawrence laurence terence clarence constance prudence vance
    lance hence"""
)


def noun_like(word: str) -> bool:
    """A capitalised word whose ending makes it a common noun, never a name."""
    low = word.lower()
    if len(low) <= 6 or low in _NAMES_WITH_NOUN_ENDINGS:
        return False
    return _NOUN_ENDING.search(low.removesuffix("s")) is not None  # "Innovations" too


# Country names, demonyms and places are capitalised but name no person; nor do the
# state bodies that stand for a country ("Bundestag", "Taoiseach", "MeitY").
_GAZ = (
    " ".join(" ".join(names + demonyms + places) for names, demonyms, places in COUNTRIES.values())
    + " "
    + " ".join(" ".join(cues.places) for cues in CUES.values())
)
_BODIES = " ".join(w for cues in CUES.values() for w in cues.bodies if " " not in w)
FUNCTION_WORDS = frozenset(_FUNCTION.split())
COMMON_CAPS = (
    frozenset((_ORGANISATION + " " + _GAZ + " " + _BODIES).lower().split())
    | TITLES
    | FUNCTION_WORDS
)
# capitalised words that are never an organisation's acronym: state bodies are ("DSIT")
NOT_ACRONYMS = COMMON_CAPS - frozenset(_BODIES.lower().split())
# Words of city names and of multi-word country names ("Minh" of Ho Chi Minh City, "Lima",
# "Nam" of Viet Nam) are also given names and surnames: "Nguyen Thi Minh Chau", "Carlos
# Lima". Next to another name word they belong to the name (names.py).
_SINGLE_COUNTRY_WORDS = frozenset(
    w.lower() for names, demonyms, _ in COUNTRIES.values() for w in names + demonyms if " " not in w
)
PLACE_WORDS = (
    frozenset(_GAZ.lower().split())
    - _SINGLE_COUNTRY_WORDS
    - frozenset(_ORGANISATION.split())
    - TITLES
    - FUNCTION_WORDS
)
