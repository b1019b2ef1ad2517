"""The vocabulary of the relevance scorer, one pattern per kind of evidence.

Each pattern answers one question about a sentence (is AI capability named, is a public
actor, is something built or funded, is this a legal or enforcement story, is this
another sector, is this company finance); relevance.py weighs the answers. All are
matched on whitespace-normalised sentences, so a wrapped "artificial\\nintelligence"
reads as it should. Case-blind patterns are written for, and matched against, the
lowercased sentence: Python's re scans a lowercase pattern on lowercase text about four
times faster than with IGNORECASE.
"""

from __future__ import annotations

import re


def _lower(pattern: str) -> re.Pattern[str]:
    """A case-blind pattern, to match against lowercased text."""
    if re.search(r"\\[A-Z]", pattern):
        raise ValueError("uppercase escapes do not survive lowercasing")
    return re.compile(pattern.lower())


__all__ = [
    "AI",
    "AI_BEYOND_CHIPS",
    "BUILD",
    "COMPANY",
    "CONDITIONAL",
    "DEAL",
    "DENIES_AI",
    "ENFORCEMENT",
    "FINANCE",
    "FUNDING",
    "LAWMAKING",
    "MONEY",
    "NON_AI_CHIPS",
    "OTHER_SECTOR",
    "PUBLIC",
    "ROLE_TITLE",
    "STRONG",
]

# AI capability: models, compute, chips, data centres.
AI = re.compile(
    r"\b(AI|A\.I\.|artificial intelligence|machine learning|generative|GenAI|"
    r"(?:large )?language models?|LLMs?|foundation models?|GPUs?|"
    r"graphics processing units?|supercomput\w+|(?:AI )?chips?|semiconductors?|compute|computing|"
    r"data[- ]cent(?:er|re)s?|exaflops?|petaflops?|neural networks?|chatbots?)\b"
)
# AI capability without the bare chip words, for an article whose chips are not for AI.
AI_BEYOND_CHIPS = re.compile(
    r"\b(AI|A\.I\.|artificial intelligence|machine learning|generative|GenAI|"
    r"(?:large )?language models?|LLMs?|foundation models?|GPUs?|"
    r"graphics processing units?|supercomput\w+|AI chips?|compute|"
    r"data[- ]cent(?:er|re)s?|exaflops?|petaflops?|neural networks?|chatbots?)\b"
)
# Chips made for something else: "power chips for electric vehicles", "automotive
# semiconductors", "silicon carbide wafers". A chip word is no AI here.
NON_AI_CHIPS = _lower(
    r"\b(?:power|automotive|car|analog(?:ue)?|silicon[- ]carbide|gallium[- ]nitride|"
    r"mature[- ]node|legacy)[- ](?:power[- ])?(?:chips?|semiconductors?|processors?)\b|"
    r"\b(?:chips?|semiconductors?)\sfor\s(?:electric\s)?(?:cars?|vehicles?|trains?|"
    r"the car industry|carmakers|solar|wind|the grid|appliances|washing machines)\b"
)
# The article says its subject is not AI: "not for AI", "would not make processors for
# artificial intelligence", "has nothing to do with artificial intelligence".
_NOT_AI_TARGET = r"(?:the\s)?(?:ai|a\.i\.|artificial intelligence|data cent(?:er|re)s?)\b"
DENIES_AI = _lower(
    rf"\bnothing to do with {_NOT_AI_TARGET}|"
    rf"\b(?:not|never|no)\s(?:(?:be|been|being|intended|designed|meant|aimed|used)\s)*"
    rf"(?:for|about|at)\s{_NOT_AI_TARGET}|"
    rf"\b(?:not|never)\s(?:make|produce|supply|serve|build|sell|go\sto)\w*\s"
    rf"(?:[\w-]+\s){{0,3}}?(?:for|to|into)\s{_NOT_AI_TARGET}|"
    r"\b(?:is|are|was|were) not an? (?:ai|artificial intelligence) (?:project|plant|fund|"
    r"programme|program|scheme|investment)\b|\bnon-ai\b"
)
# A private takeover: the title or lead buys or sells a company.
DEAL = _lower(
    r"\b(buys?|bought|to buy|acquires?|acquired|to acquire|acquisition|takeover|take over|"
    r"merger|merge|sells?|sold|to sell|stake in|buyout)\b"
)
# Something built, bought, funded or opened.
BUILD = _lower(
    r"\b(build\w*|develop\w*|invest\w*|fund\w*|launch\w*|unveil\w*|construct\w*|host\w*|"
    r"procur\w*|buy\w*|train\w*|deploy\w*|establish\w*|set up|plans?|approv\w*|"
    r"inaugurat\w*|opens?|opened|allocat\w*|earmark\w*|spend\w*|grants?|subsid\w*|"
    r"financ(?:es|ed|ing)|pledg\w*|commit(?:s|ted)?|install\w*|roll(?:s|ed|ing)? out|"
    r"data[- ]cent(?:er|re)s?|GPUs?|supercomput\w+|clusters?|infrastructure|models?|LLMs?)\b"
)
# A public actor or purpose. Legislatures are left to LAWMAKING: passing a law is not
# building capability.
PUBLIC = _lower(
    r"\b(government|governments|ministry|ministries|minister|ministers|cabinet|"
    r"president|prime minister|chancellor|premier|state-backed|state-owned|state-run|"
    r"state-funded|state investment|public (?:funds?|funding|money|investment|sector)|"
    r"public (?:AI|supercomput\w+|data cent\w+|cloud|compute|computing|research\w*)|"
    r"taxpayers?|national(?! (?:assembly|congress|team|league|football|park))|nation's|"
    r"sovereign|sovereignty|federal|(?:european|EU) commission|EuroHPC|kingdom|"
    r"officials?|policymakers?|public[- ]private|state(?![- ]of)|municipal|city council)\b"
)
# Phrases that say it outright.
STRONG = _lower(
    r"\b(sovereign AI|AI sovereignty|technological sovereignty|digital sovereignty|"
    r"sovereign (?:compute|computing|cloud|LLM|models?|data cent(?:er|re)s?|AI infrastructure|"
    r"(?:computing |compute |AI )?capacit(?:y|ies))|"
    r"national AI|national (?:supercomput\w+|compute|computing|GPU|language model|LLM)|"
    r"(?:build|develop)s? (?:its|their) own (?:AI|artificial intelligence|models?|LLMs?)|"
    r"AI (?:gigafactor(?:y|ies)|nation)|"
    r"(?:government|state|public)[- ](?:backed|funded|run|owned) "
    r"(?:AI|supercomput\w+|compute|computing|GPU|data cent\w+))"
)
# Phrases a company uses as readily as a state ("its AI strategy", "an AI factory"):
# outright only beside a public actor.
CONDITIONAL = re.compile(
    r"\bAI (?:mission|strategy|action plan|factor(?:y|ies)|roadmap|programme|program)\b",
    re.IGNORECASE,
)
MONEY = _lower(
    r"(?:[$€£¥₹₩]|\b(?:USD|EUR|INR|JPY|GBP|CNY|SAR|AED|KRW|IDR|Rs\.?|Rp|yen|euros?|dollars?|"
    r"rupees?|riyals?|dirhams?|won|yuan|naira)\b)\s?\d|"
    r"\d[\d,.]*[\s-]?(?:billion|million|crore|trillion|bn|mn)\b"
)
FINANCE = _lower(
    r"\b(earnings|quarterly|fiscal quarter|revenues?|shares|stock|analysts?|investors'|"
    r"after-hours|year[- ]on[- ]year|guidance|profit)\b"
)
# Paying for something: with AI in the sentence, a law or vote that pays still builds.
FUNDING = _lower(
    r"\b(fund\w*|financ(?:es|ed|ing)|invest\w*|allocat\w*|earmark\w*|budget\w*|spend\w*|"
    r"outlays?|grants?)\b"
)
# Enforcement and the courts: a fine, a ruling or a probe is about AI, never capability.
ENFORCEMENT = _lower(
    r"\b(fined|fines?(?!-)|penalt(?:y|ies)|court|courts|lawsuits?|sued|sues|suing|judges?|"
    r"ruling|ruled|verdict|prosecutors?|watchdogs?|regulators?|investigations?|probe[sd]?|"
    r"antitrust|infring\w+|breach(?:es|ed)?|banned|bans?|complaints?|privacy|"
    r"data[- ]protection|personal data|GDPR|consent|copyright|deepfakes?|likeness(?:es)?|"
    r"misuse|abuse|unlawful\w*|illegal\w*)\b"
)
# Lawmaking: bills, acts and votes set rules for AI; they do not build it.
LAWMAKING = _lower(
    r"\b(laws?|bills?|legislation|legislative|legislature|lawmakers|parliament\w*|"
    r"national assembly|senate|congress|deputies|MPs|voted|votes?|regulations?|"
    r"regulat\w+\b(?! (?:approvals?|clearance))|"
    r"rules|ethics|ethical|compliance|liabilit(?:y|ies)|prohibit\w*|AI Act|decree)\b"
)
# Other public works: money for rail, roads, meals or fibre is not money for AI.
OTHER_SECTOR = _lower(
    r"\b(rail\w*|train (?:lines?|services?|stations?)|metro|roads?|highways?|ports?|"
    r"airports?|meals?|food|"
    r"farm\w*|agricultur\w*|fibre|fiber|broadband|5G|6G|spectrum|telecoms?|"
    r"telecommunications?|mobile networks?|connectivity|hospitals?|housing|pensions?)\b"
)
# A role's name is not its portfolio's news: "the Minister for Railways and IT said".
ROLE_TITLE = re.compile(
    r"\b(?:Minister|Ministry|Department|Secretary|Committee)\s+(?:of|for)\s+"
    r"(?:(?:[A-Z][\w-]*|&|and|of)[\s,]*)+"
)
# Company deal-making: partners, customers, contracts.
COMPANY = re.compile(
    r"\b(partnership|partners?|deal|agreement|customers?|clients?|contract|acquisition|"
    r"acquir\w+|merger|subsidiary|enterprises?|Inc|Corp|Ltd|plc|GmbH|SA|AG)\b"
)
