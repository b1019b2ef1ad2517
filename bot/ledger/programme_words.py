"""The words programme names are made of, in each language the analyser reads.

A programme is named by an *object noun* (supercomputer, fund, mission…) and the words
that modify it. Two outlets name one commitment in different words and languages ("the
national AI compute programme", "its programme for AI computing", "le programme national
de calcul pour l'IA", "計算基盤"), so every such word maps to one canonical English token,
and the words that say nothing about *which* programme ("national", "sovereign", "new",
"nationale") map to nothing. What remains, the key, is what matching compares; what
no table knows (a capitalised name, a version number) is the programme's own name.
"""

from __future__ import annotations

import re

from bot.analysis.numbers import word_set

__all__ = [
    "BARE_VAGUE",
    "CANON",
    "GERMAN_HEADS",
    "GERMAN_PREFIXES",
    "HEADS",
    "JA_TERMS",
    "KO_TERMS",
    "MODIFIERS",
    "NAME_STOPS",
    "ROMANCE_HEADS",
    "canonical",
]

# English object nouns, by the head they normalise to (one head per kind of thing).
HEADS = {
    "supercomputer": "supercomputer", "supercomputers": "supercomputer",
    "computer": "supercomputer", "machine": "supercomputer",
    "cluster": "cluster", "clusters": "cluster", "model": "model", "models": "model",
    "llm": "model", "llms": "model", "data centre": "data center",
    "data center": "data center", "data centres": "data center", "data centers": "data center",
    "datacentre": "data center", "datacenter": "data center", "campus": "campus",
    "fund": "fund", "funds": "fund", "programme": "program", "program": "program",
    "programmes": "program", "programs": "program", "initiative": "initiative",
    "mission": "mission", "plan": "plan", "strategy": "strategy", "project": "project",
    "facility": "facility", "factory": "factory", "factories": "factory",
    "gigafactory": "factory", "gigafactories": "factory", "hub": "hub", "cloud": "cloud",
    "platform": "platform", "infrastructure": "infrastructure", "network": "network",
    "package": "package", "scheme": "scheme", "budget": "budget",
    "compute centre": "compute center", "compute center": "compute center",
    "computing centre": "compute center", "computing center": "compute center",
    "centre": "center", "center": "center", "institute": "institute",
    "laboratory": "lab", "lab": "lab", "partnership": "partnership", "venture": "venture",
    "system": "system", "zone": "zone", "corridor": "corridor", "portal": "portal",
}  # fmt: skip
# A head that alone names nothing ("the system", "the budget", "a new model"): kept only
# when a modifier or a name says which one, or the article named it before.
BARE_VAGUE = word_set(
    """system platform network budget center model package infrastructure cloud hub
    venture partnership facility scheme zone corridor computer machine"""
)
# Lowercase words that may modify an object noun ("national AI compute programme");
# anything else lowercase (a verb, "for", "of") ends the phrase.
MODIFIERS = word_set(
    """national sovereign public state federal government domestic homegrown home-grown
    local regional new second third first next-generation flagship dedicated shared open
    ai artificial intelligence compute computing gpu language large foundation research
    supercomputing cloud digital semiconductor chip talent startup start-up startups
    start-ups innovation investment infrastructure quantum exascale data sovereign-ai
    ai-compute multilingual hyperscale green renewable high-performance performance high
    training inference frontier science scientific computational venture capital seed
    grant funding wealth pilot joint hpc skills safety industrial manufacturing
    healthcare health weather climate energy centre center computer supercomputer
    model models cluster gpus accelerator accelerators ai-ready strategic technology
    tech deep-tech deeptech mega mega-scale large-scale gigawatt-scale capability
    capabilities development industry excellence growth future advanced applied emerging
    economy economic sector adoption challenge generative mission-critical core common
    nationwide regional-language multimodal open-source"""
)
# Words that end a run of capitalised name words: dates and days are not names.
NAME_STOPS = word_set(
    """January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An Its This
    That Their Our His Her It They We He She In On At For Of By With And But Under
    After Before Meanwhile However Separately Elsewhere Also"""
)
# French, Spanish, Portuguese and Italian nouns: the head comes first ("le
# supercalculateur Jules Verne", "el fondo soberano de IA").
ROMANCE_HEADS = {
    "supercalculateur": "supercomputer", "supercalculateurs": "supercomputer",
    "supercalculatrice": "supercomputer", "calculateur": "supercomputer",
    "superordenador": "supercomputer", "supercomputador": "supercomputer",
    "supercomputer": "supercomputer", "fonds": "fund", "fondo": "fund", "fundo": "fund",
    "programme": "program", "programa": "program", "programma": "program",
    "plan": "plan", "plano": "plan", "piano": "plan", "stratégie": "strategy",
    "estrategia": "strategy", "estratégia": "strategy", "strategia": "strategy",
    "projet": "project", "proyecto": "project", "projeto": "project", "progetto": "project",
    "mission": "mission", "misión": "mission", "initiative": "initiative",
    "iniciativa": "initiative", "iniziativa": "initiative", "usine": "factory",
    "gigafactory": "factory", "fábrica": "factory", "fabbrica": "factory",
    "cluster": "cluster", "grappe": "cluster", "modèle": "model", "modelo": "model",
    "modello": "model", "campus": "campus", "plateforme": "platform",
    "plataforma": "platform", "piattaforma": "platform", "centre": "center",
    "centro": "center", "infrastructure": "infrastructure",
    "infraestructura": "infrastructure", "infraestrutura": "infrastructure",
    "infrastruttura": "infrastructure", "pôle": "hub", "système": "system",
}  # fmt: skip
# German heads, found as the end of a compound ("KI-Rechenzentrum", "Förderprogramm").
GERMAN_HEADS = {
    "supercomputer": "supercomputer", "hochleistungsrechner": "supercomputer",
    "großrechner": "supercomputer", "rechner": "supercomputer",
    "rechenzentrum": "data center", "rechenzentren": "data center",
    "datenzentrum": "data center", "fonds": "fund", "programm": "program",
    "programms": "program", "initiative": "initiative", "strategie": "strategy",
    "projekt": "project", "projekts": "project", "mission": "mission", "plan": "plan",
    "plans": "plan", "gigafactory": "factory", "fabrik": "factory", "cluster": "cluster",
    "sprachmodell": "language model", "modell": "model", "plattform": "platform",
    "infrastruktur": "infrastructure", "campus": "campus", "zentrum": "center",
}  # fmt: skip
# The first halves of German compounds, by their canonical words.
GERMAN_PREFIXES = {
    "förder": "funding", "rechen": "compute", "hochleistungs": "high performance",
    "ki": "ai", "sprach": "language", "daten": "data", "forschungs": "research",
    "innovations": "innovation", "zukunfts": "", "super": "super", "exa": "exascale",
    "": "",
}  # fmt: skip
# Japanese terms (no spaces: found anywhere in a run), longest first when scanned.
JA_TERMS = {
    "スーパーコンピューター": "supercomputer", "スーパーコンピュータ": "supercomputer",
    "スパコン": "supercomputer", "データセンター": "data center",
    "計算基盤": "compute infrastructure", "計算資源": "compute", "ファンド": "fund",
    "基金": "fund", "計画": "plan", "戦略": "strategy", "プロジェクト": "project",
    "事業": "project", "大規模言語モデル": "language model", "言語モデル": "language model",
    "基盤モデル": "foundation model", "クラスター": "cluster", "国産": "", "国家": "",
    "政府": "", "人工知能": "ai", "生成AI": "generative ai", "新": "",
}  # fmt: skip
# Korean terms, found as words or glued into compounds ("국가AI컴퓨팅센터"), longest
# first when scanned; "" drops a word that names no programme.
KO_TERMS = {
    "슈퍼컴퓨터": "supercomputer", "슈퍼컴": "supercomputer", "데이터센터": "data center",
    "데이터 센터": "data center", "센터": "center", "펀드": "fund", "기금": "fund",
    "사업": "project", "프로젝트": "project", "계획": "plan", "전략": "strategy",
    "클러스터": "cluster", "거대언어모델": "language model", "언어모델": "language model",
    "언어 모델": "language model", "파운데이션 모델": "foundation model",
    "기반모델": "foundation model", "모델": "model", "인프라": "infrastructure",
    "플랫폼": "platform", "허브": "hub", "캠퍼스": "campus", "프로그램": "program",
    "클라우드": "cloud", "인공지능": "ai", "컴퓨팅": "compute", "연산": "compute",
    "생성형": "generative", "데이터": "data", "국가": "", "정부": "", "공공": "",
    "국산": "", "한국형": "", "소버린": "", "초거대": "", "차세대": "", "신규": "",
    "대규모": "", "첨단": "", "전용": "", "개발": "", "구축": "", "한국어": "korean language",
}  # fmt: skip
# Every other word with a canonical form; "" drops a word that names no programme.
CANON = {
    "computing": "compute", "computational": "compute", "supercomputing": "supercomputer",
    "centre": "center", "programme": "program", "datacentre": "data center",
    "datacenter": "data center", "llm": "language model", "llms": "language model",
    "gpus": "gpu", "start-up": "startup", "startups": "startup", "start-ups": "startup",
    "artificial": "ai", "intelligence": "ai", "ia": "ai", "ki": "ai", "calcul": "compute",
    "rechen": "compute", "rechenleistung": "compute", "rechenkapazität": "compute",
    "données": "data", "datos": "data", "dados": "data", "dati": "data",
    "langage": "language", "lenguaje": "language", "linguagem": "language",
    "sprach": "language", "cómputo": "compute", "computação": "compute",
    "calcolo": "compute", "inteligencia": "ai", "inteligência": "ai", "intelligenza": "ai",
    "artificiale": "", "sovrana": "", "soberanos": "", "soberanas": "",
    "investissement": "investment", "inversión": "investment",
    "investimento": "investment", "supercalcul": "supercomputer",
    "exaflopique": "exascale", "exascale": "exascale", "large": "",
    "national": "", "nationale": "", "nationales": "", "nationaux": "", "nacional": "",
    "nazionale": "", "nationalen": "", "nationaler": "", "nationales.": "",
    "sovereign": "", "souverain": "", "souveraine": "", "souverains": "",
    "soberano": "", "soberana": "", "sovrano": "", "souveräne": "", "souveränen": "",
    "souveräner": "", "state": "", "public": "", "publique": "", "público": "",
    "pubblico": "", "federal": "", "government": "", "domestic": "", "homegrown": "",
    "home-grown": "", "local": "", "new": "", "nouveau": "", "nouvelle": "", "nuevo": "",
    "nueva": "", "novo": "", "nova": "", "nuovo": "", "neue": "", "neuen": "", "neuer": "",
    "neues": "", "flagship": "", "dedicated": "", "dédié": "", "the": "", "a": "",
    "an": "", "its": "", "their": "", "le": "", "la": "", "les": "", "l": "", "du": "",
    "de": "", "des": "", "d": "", "pour": "", "en": "", "el": "", "los": "", "del": "",
    "para": "", "do": "", "da": "", "il": "", "per": "", "di": "", "der": "", "die": "",
    "das": "", "den": "", "dem": "", "für": "", "for": "", "on": "", "of": "", "in": "",
    "next-generation": "", "gen": "", "developed": "", "built": "", "made": "",
    "owned": "", "backed": "", "funded": "", "run": "", "led": "", "based": "",
}  # fmt: skip
_SPLIT = re.compile(r"\s+")


def _head(word: str) -> str | None:
    return HEADS.get(word) or ROMANCE_HEADS.get(word) or GERMAN_HEADS.get(word)


def canonical(word: str) -> str:
    """The canonical token of one lowercase word ("" when it names nothing); a head
    noun's plural is the head ("centres", "facilities", "campuses")."""
    if word in CANON:
        return CANON[word]
    for singular in (word, word[:-1], word[:-2], word[:-3] + "y"):
        if len(singular) > 2 and (head := _head(singular)):
            return head
    return word
