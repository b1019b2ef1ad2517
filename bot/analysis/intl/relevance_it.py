"""The Italian vocabulary of sovereign AI.

Outright: "IA sovrana"/"AI sovrana", "sovranità tecnologica/digitale", "autonomia
strategica", a national AI strategy, models and clouds "sovrani", a national
supercomputer. A public actor: the governo, ministries, Palazzo Chigi, the Stato
(capitalised: "è stato" is a verb), regions, public bodies and funds (CINECA, CNR, CDP,
PNRR with AI).
"""

from __future__ import annotations

from bot.analysis.intl.relevance_vocab import Vocabulary, words

__all__ = ["VOCAB"]

_IA = r"(?:ia|ai)"
_AI = (
    r"\b(?:genai|llms?|gpus?|hpc)\b|\bintelligenz[ae]\sartificial[ei]\b|"
    r"\bapprendimento\s(?:automatico|profondo)\b|\bmachine\slearning\b|\bgenerativ[aoie]\b|"
    rf"\bmodell[oi]\s(?:linguistic[oi]|di\slinguaggio|fondazional[ei]|di\s{_IA}|"
    r"di\sintelligenza|grandi)|\bgrandi\smodelli\b|\bsupercalcolat\w+|\bsupercomput\w+|"
    r"\bcalcolo\sad\salte\sprestazioni|\bcapacità\sdi\scalcolo|\bpotenza\sdi\scalcolo|"
    r"\bchip\b|\bsemicondutt\w+|\bprocessori\sgrafici|\bdata\s?cent(?:er|re)s?\b|"
    r"\bcentri?\s(?:di\s)?(?:elaborazione\s)?dati\b|\bchatbot\b|\bassistent[ei]\svirtual[ei]|"
    r"\bexaflops?|\bpetaflops?|\breti\sneurali"
)

# "its own models", "su propia IA": building one's own capability, as English says it.
_OWN = (
    r"\b(?:i\s)?(?:propri|nostri)\smodelli|\b(?:la\s)?(?:propria|nostra)\s(?:ia|"
    r"intelligenza\sartificiale|capacità\sdi\scalcolo|infrastruttura)|\b(?:il\s)?(?:proprio|"
    r"nostro)\s(?:modello|llm|supercalcolatore|cloud)"
)

VOCAB = Vocabulary(
    ai=words(_AI, case=r"\b(?:IA|AI)\b"),  # "ai" is "to the"
    strong=words(
        _OWN + "|"
        rf"\b(?:{_IA}|intelligenza\sartificiale)\ssovran[ao]\b|\bsovranità\s(?:[\w'’-]+\s){{0,2}}?"
        rf"(?:tecnologica|digitale)|\bsovranità\s(?:nell['’]|sull['’]){_IA}\b|"
        r"\bsovranità\s(?:nell['’]|sull['’])?intelligenza|"
        r"\b(?:modell[oi]|infrastruttur[ae]|cloud|calcolo|capacità|dati|supercalcolator[ei])\s"
        r"(?:[\w'’-]+\s){0,4}?sovran[oiae]\b|\bautonomia\sstrategica|\bindipendenza\stecnologica|"
        rf"\bstrategia\s(?:nazionale|italiana)\s(?:per\sl['’]|sull['’]|di\s)?(?:{_IA}|"
        rf"intelligenza\s"
        r"artificiale)|\bsupercalcolator[ei]\s(?:nazional[ei]|pubblic[oi])|\b(?:ia|intelligenza\s"
        r"artificiale)\spubblica|\bfinanziat[oaie]\scon\s(?:fondi|risorse|denaro)\spubblic[ih]e?|"
        r"\bgigafactor\w*\s(?:dell['’]|per\sl['’]|di\s)(?:ia|ai|intelligenza)"
    ),
    conditional=words(
        rf"\bstrategia\s(?:per\sl['’]|sull['’]|di\s)?(?:{_IA}|intelligenza\sartificiale)|"
        rf"\bpiano\s(?:nazionale\s)?(?:per\sl['’]|sull['’]|di\s)?(?:{_IA}|"
        rf"intelligenza\sartificiale)|"
        rf"\bfabbrich[ea]\s(?:dell['’]|di\s|per\sl['’])?{_IA}|\bai\sfactor(?:y|ies)"
    ),
    plans=words(r"\bPNRR\b|\bPnrr\b|\bPiano\snazionale\sdi\sripresa\b"),
    public=words(
        r"\bgovern[oi]\b|\bgovernativ[oaie]\b|\bminister[oi]\b|\bministr[oaie]\b|\besecutivo\b|"
        r"\b(?:palazzo\schigi|farnesina|mimit|cineca|enea|agid)\b|"
        r"\bstatal[ei]\b|\bpubblic[oaih]e?\b|\bnazional[ei]\b|\bfederal[ei]\b|\bconfederazione|"
        r"\bconsiglio\sfederale|\bcommissione\seuropea|\bunione\seuropea|\bue\b|\beurohpc|"
        r"\bregion[ei]\b|\bregional[ei]\b|\bcomun[ei]\b|\bmunicipal[ei]\b|\bsottosegretari[oa]|"
        r"\bcontribuenti|\bsovran\w+|\bconsiglio\sdei\sministri|\bpresidente\sdel\sconsiglio|"
        r"\bpremier\b|\bcassa\sdepositi",
        case=r"\b(?:Stato|CNR|CDP|ACN)\b",
    ),
    build=words(
        r"\b(?:costru\w+|svilupp\w+|invest\w+|finanzi\w+|lanci\w+|present\w+|install\w+|"
        r"inaugur\w+|acquist\w+|acquisi\w+|addestr\w+|cre(?:are|erà|ato|ata|azione)|istitu\w+|"
        r"pian[oi]|programm[ai]|progett[oi]|prevede|previst\w+|approv\w+|adott\w+|stanzi\w+|"
        r"destin\w+|mobilit\w+|sostegn\w+|sosten\w+|promuov\w+|apr(?:e|ono|irà|ire)|avvi\w+|"
        r"potenzi\w+|data\s?cent(?:er|re)s?|supercalcolat\w+|infrastruttur[ae]|modell[oi]|"
        r"llm|gpu)\b"
    ),
    money=words(
        r"[$€£¥]\s?\d|\d[\d\s.,]*\s?(?:miliardi|miliardo|milioni|milione|mld|mln)?\s?(?:di\s)?"
        r"(?:euro|dollari|€|\$|usd|eur)\b|\d[\d\s.,]*\s?(?:miliardi|miliardo|milioni|milione)\b"
    ),
    funding=words(
        r"\b(?:finanzi\w+|invest\w+|stanzi\w+|bilanci\w+|destin\w+|fond[oi]|risorse|contribut[oi]|"
        r"dotazion\w+)\b"
    ),
    enforcement=words(
        r"\b(?:multe?|multat[oa]|sanzion\w+|tribunal[ei]|giudic[ei]|tar|corte|denunc\w+|"
        r"sentenz\w+|procura|indagin\w+|inchiest\w+|garante|autorità\sgarante|antitrust|"
        r"protezione\sdei\sdati|dati\spersonali|privacy|consenso|diritto\sd['’]autore|deepfake|"
        r"illegal\w*|illecit\w+|violazion\w+|viet(?:a|ano|ato|ata|ati|are|ò)|blocc\w+)\b"
    ),
    lawmaking=words(
        r"\b(?:legge|leggi|disegno\sdi\slegge|ddl|decreto|legislativ\w+|vot\w+|regolament\w+|"
        r"regolamentazion\w+|regol[ae]|norm[ae]|normativ\w+|etica|etic[oi]|conformità|direttiva|"
        r"ai\sact)\b"
    ),
    finance=words(
        r"\b(?:fatturato|ricavi|risultati\s(?:trimestrali|annuali|finanziari)|trimestre|"
        r"utile\s(?:netto|operativo)|azionisti|in\sborsa|titolo\s(?:sale|scende)|analisti|margine\s"
        r"(?:lordo|operativo)|dividend[oi]|capitalizzazione|su\sbase\sannua)\b"
    ),
    company=words(
        r"\b(?:partnership|partner|accord[oi]\scommercial[ei]|client[ei]|contratt[oi]|"
        r"acquisizion\w+|fusion\w+|controllat[ae]|joint\sventure|s\.p\.a\.|spa|srl|inc|corp|ltd)\b",
    ),
    deal=words(
        r"\b(?:acquisi\w+|acquista|acquistare|rileva|rilevare|fusion\w+|cede|cedere|cessione|vende|"
        r"vendere|vendita\sdi|opa|quota\sdi\scontrollo|partecipazione\sin)\b"
    ),
    venture=words(
        r"\b(?:joint\sventure|società\scomune|si\sallea\w*|alleanza\scon|"
        r"partnership\s(?:strategica\s)?"
        r"(?:con|tra)|accordo\s(?:strategico\s)?con|commercializz\w+|lancia\s(?:un|una|il|la|i|le|"
        r"suo|sua|suoi)\s(?:nuov\w+\s)?(?:servizio|offerta|prodotto|assistente|app|strumento|"
        r"gamma|chip)|presenta\s(?:il|la|i|le)\s(?:suo|sua|suoi|sue)\s(?:nuov\w+\s)?(?:prodotto|"
        r"servizio|chip|assistente)|round\sdi\sfinanziamento|raccoglie\s\d)"
    ),
    other_sector=words(
        r"\b(?:ferrovi\w+|treni|metropolitana|strade|autostrad\w+|porti|aeroporti|mense|"
        r"agricol\w+|fibra|banda\sultralarga|banda\slarga|5g|6g|telecomunicazion\w+|ospedal\w+|"
        r"abitazion\w+|pension\w+)\b"
    ),
    denies=words(
        rf"\bnulla\sa\sche\svedere\scon\sl['’](?:{_IA}|intelligenza)|\bnon\s(?:è\s)?"
        rf"(?:destinat[oa]\sall['’]|per\sl['’])(?:{_IA}|intelligenza)"
        r"|\bnon\s(?:produrrà|fabbricherà|fornirà|servirà|"
        r"sarà\sdestinat[oa])\s[^.]{0,40}?(?:per\sl['’]|all['’])(?:ia|intelligenza)"
    ),
    chips=words(r"\b(?:chip|semicondutt\w+|processori)\b"),
    non_ai_chips=words(
        r"\bchip\sdi\spotenza|\bsemicondutt\w+\sdi\spotenza|\bchip\sper\s(?:l['’]auto|"
        r"auto|automobili|veicoli|la\srete)|\bcarburo\sdi\ssilicio"
    ),
)
