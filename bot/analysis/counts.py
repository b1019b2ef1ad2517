"""Counts: "10,000 graphics processing units", "12,000 of the newest accelerators".

A count is a number followed, within a few words, by the plural noun it counts. English
puts the counted noun at the *end* of its modifiers ("100,000 next-generation AI chips"),
and a count above one takes the plural, so the head is the first plural word after the
number, scanning over adjectives, acronyms and proper-noun modifiers ("Nvidia", "AI") and
stopping at a preposition, verb or punctuation ("35 districts in nine states" gives two
counts, never "35 states"). Requiring the plural is what keeps dates ("19 March"), model
names ("Llama 3"), scores ("1-0 loss") and list numbers ("1.") out; the left context keeps
out ages, article numbers and product names; measurement words (km, tonnes, minutes,
"times") and currencies are not counted things.

Three shapes put the noun elsewhere: a compound modifier ("a 7-billion-parameter model"),
accelerators counted by model number ("2,500 H100s" are GPUs), and a second number whose
noun is left out because the sentence just gave it ("900,000 visitors, up from 600,000").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.currencies import NOUNS
from bot.analysis.numbers import NUM, SCALE_WORD, YEAR, Hit, parse_number, scale_of, word_set

__all__ = [
    "find_counts",
    "is_plural",
    "left_context_ok",
    "noun_after",
    "quote_spans",
    "singular",
]

_COUNT = re.compile(
    rf"(?<![\w.,/$€£¥₹#@+-])(?P<num>{NUM})(?:(?:\s?(?:-|–|to)\s?|\s+or\s+)(?P<hi>{NUM}))?"
    rf"(?P<scale>\s+{SCALE_WORD}|(?:k|m|bn)\b)?"
    r"(?:-(?P<hyphead>[A-Z]{2,}\b|chip\b))?(?![\w%]|[.,]\d|-(?!plus\b)\w|:\d)"
)
# "a 7-billion-parameter model", "a 70 billion-parameter model", "a 10,000-chip cluster":
# the number and its counted noun joined into one modifier; the noun is singular there.
_COMPOUND = re.compile(
    rf"(?<![\w.,/$€£¥₹#@+-])(?P<num>{NUM})(?:[-\s](?P<scale>million|billion|trillion))?-"
    r"(?P<noun>parameter|token|GPU|chip|processor|server|qubit|node|core|bed|seat)(?=\s+\w)"
)
_MORE = re.compile(
    r"\+|-plus\b|\s+(?:or|and)\s+(?:more|so|above|over)\b"
    r"|\s+of\s+(?:[A-Z][\w&.-]*['’]s?|its|their|our|his|her)(?=\s)",
    re.IGNORECASE,
)
# "3,000 of the newest Nvidia chips": with digits, a part of a described whole
_OF_THE = re.compile(r"\s+of\s+the(?=\s)")
_TOKEN = re.compile(r"\s*(?:([A-Za-z][\w'’&.-]*[\w’']|[A-Za-z])|(\S))")
_STOP = word_set(
    """a an the this that these those its their his her our your my it they we he she you i
    in on at of for from to with by as than across into onto over under and or but nor
    per via including between among amid within without through since until after before
    about around near behind ahead up down ago later earlier old who whom whose which
    what where when while if is are was were be been being has have had will would can
    could may might shall should must do does did said says say according also already
    just only so then there here each every such both either neither other another
    whereas goes comes remains means includes requires seems becomes makes takes gives
    sits lies stays looks"""
)
_NON_PLURAL = word_set(
    """graphics analytics news series species physics economics robotics logistics
    mathematics electronics politics ethics semantics genomics diagnostics aerospace
    business process access address success progress bus gas lens plus thus bias yes"""
)
_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "staff": "staff",
    "personnel": "personnel",
    # Latin and Greek plurals of the policy beat: "five consortia", "three criteria"
    "consortia": "consortium",
    "criteria": "criterion",
    "curricula": "curriculum",
    "memoranda": "memorandum",
    "referenda": "referendum",
    "phenomena": "phenomenon",
    "analyses": "analysis",
    "crises": "crisis",
    "theses": "thesis",
    "hypotheses": "hypothesis",
    "indices": "index",
}
_EXCLUDED = word_set(
    """second minute min mins hour hr hrs time fold year month week day decade quarter km
    kms kilometre kilometer mile metre meter foot feet inch kg kilogram gram tonne ton
    pound ounce hectare acre litre liter gallon barrel degree square sq byte gigabyte
    terabyte petabyte exabyte bit cent percent page comment size variant flavour flavor"""
) | {"basis point"}
_EXCLUDED |= {noun for noun in NOUNS if " " not in noun}  # "400 billion crowns" is money
_MONTHS = word_set(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday"""
)
_COMPOUNDS = {
    ("graphics", "processing", "unit"): "GPU",
    ("tensor", "processing", "unit"): "TPU",
    ("central", "processing", "unit"): "CPU",
    ("neural", "processing", "unit"): "NPU",
    ("data", "center"): "data center",
    ("data", "centre"): "data center",
    ("basis", "point"): "basis point",
    ("member", "state"): "member state",
    # a noun and the noun it qualifies that together name one kind of place
    ("health", "post"): "health post",
    ("health", "center"): "health center",
    ("power", "plant"): "power plant",
    ("power", "station"): "power station",
    ("police", "station"): "police station",
    ("fire", "station"): "fire station",
    ("base", "station"): "base station",
    ("call", "center"): "call center",
}
# Nouns that, put before a counted noun, make one kind of thing with it: "5,000 civil
# servants", "150 research groups", "14 state governments" are counted as the compound.
# Adjectives ("public", "national") and the looser "AI", "government" or "data" are not:
# "AI factories" are factories, "government departments" departments.
_MODIFIERS = word_set("civil research state health police fire municipal")
# Nouns that institutional prose capitalises ("16 Member States", "27 Ministries"); any
# other capitalised plural is a name ("3 Musketeers")
_TITLE_NOUNS = word_set(
    """state country nation region province territory ministry department agency
    university institution partner deputy senator member district county municipality
    factory gigafactory centre center hub laboratory lab institute supercomputer school"""
)
# the compounds by their head noun, which is all `singular` looks up
_COMPOUND_HEADS: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _canonical in _COMPOUNDS.items():
    _COMPOUND_HEADS.setdefault(_words[-1], []).append((_words[:-1], _canonical))
_SPELLING = {"centre": "center"}
_LEFT_STOP = word_set(
    """aged age ages article articles section sections chapter page pages phase version
    tier no no. number rule clause paragraph level grade class category room route gate
    terminal platform round stage step item part vol volume issue model series
    generation gen season top rank ranked ranking"""
)
_LEFT_OK = word_set(
    """the a an about around over under nearly almost roughly approximately some more less
    fewer than only just at in on for with by of to and but or up another its their our
    his her all each these those from between within after before until since both
    additional further exactly overall including among across through last next then now
    so yet while when where as if although already even still also today we they it he
    she i you some many every plus whereas total combined"""
)
_PREV_WORD = re.compile(r"([A-Za-z][\w&.'’-]*)\s+$")
_SHARE = re.compile(rf"(?<![\w.,]){NUM}\s+(?:in|out\s+of|of)\s+$", re.IGNORECASE)
# "one of seven AI factories": a member of a group, whose size is the figure
_ONE_OF = re.compile(r"(?i:one)\s+of\s+$")
_DEFINITE = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
# "the power of one million smartphones", "the size of four pitches": a yardstick
_YARDSTICK = re.compile(
    r"\b(?:(?:power|size|weight|length|equivalent)\s+(?:of|to)|equivalent\s+to|enough\s+to\s+"
    r"power|(?:faster|bigger|larger|heavier)\s+than)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|over)\s+)?$",
    re.IGNORECASE,
)
_QUOTES = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]*\"")


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Spans of direct quotes (an unclosed “ runs to the paragraph's end)."""
    return [m.span() for m in _QUOTES.finditer(paragraph)]


def left_context_ok(paragraph: str, start: int, digits: bool = True) -> bool:
    """False when the word before a number makes it a label, an age or a product name.

    A capitalised word before *digits* is a name with a number ("Llama 3", "Windows 11");
    before a number word it is just a proper noun ("left United eight points behind").
    """
    match = _PREV_WORD.search(paragraph, max(0, start - 40), start)
    if match is None:
        return True
    word = match[1]
    low = word.lower()
    if low in _LEFT_STOP or low.rstrip(".") in _LEFT_STOP:
        return False
    share = _SHARE.search(paragraph, max(0, start - 30), start) if low in ("in", "of") else None
    if share and not _ONE_OF.match(share[0]):
        return False  # "seven in ten firms", "4 of 6 tests": a share, not ten firms
    if digits and word[0].isupper() and low not in _LEFT_OK and low not in _MONTHS:
        return word.endswith(("'s", "’s"))  # "India's 36 states" but not "Llama 3"
    return low not in _MONTHS


# "H100s", "MI300Xs", "GB200s": accelerators counted by model number
_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")  # GPUs, LLMs, SMEs
_DATA_CENTER = re.compile(r"data[- ]?cent(?:er|re)")
_MODEL_PLURAL = re.compile(r"(?:A|B|GB|GH|H|L|MI|V)\d{2,3}[A-Z]{0,2}s")


def is_plural(token: str) -> bool:
    if token in _IRREGULAR:
        return True
    if _ACRONYM_PLURAL.fullmatch(token) or _MODEL_PLURAL.fullmatch(token):
        return True  # GPUs, LLMs, SMEs, H100s
    low = token.lower()
    if token[0].isupper() and (low[:-3] + "y" if low.endswith("ies") else low[:-1]) in _TITLE_NOUNS:
        return True
    if not token[0].islower() or low in _NON_PLURAL or len(low) < 3:
        return False
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))


def singular(word: str, before: list[str]) -> str:
    """The canonical singular of a counted noun, given the words before it."""
    if _MODEL_PLURAL.fullmatch(word):
        return "GPU"
    if _ACRONYM_PLURAL.fullmatch(word):
        return word[:-1]
    low = word.lower().replace("start-up", "startup")
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("ies") and len(low) > 4:
        low = low[:-3] + "y"
    elif low.endswith(("sses", "xes", "ches", "shes", "zzes")):
        low = low[:-2]
    elif low.endswith("s"):
        low = low[:-1]
    low = _SPELLING.get(low, low)
    if _DATA_CENTER.fullmatch(low):
        return "data center"
    for modifiers, canonical in _COMPOUND_HEADS.get(low, ()):
        n = len(modifiers)
        if n <= len(before) and tuple(b.lower() for b in before[len(before) - n :]) == modifiers:
            return canonical
    # "technical and research institutes": a coordinated modifier qualifies, not compounds
    coordinated = len(before) > 1 and before[-2].lower() in ("and", "or")
    if before and before[-1].lower() in _MODIFIERS and not coordinated:
        return f"{before[-1].lower()} {low}"
    return low


def _modifier_link(low: str, words: list[str]) -> bool:
    """Whether a stop word here joins modifiers of one noun rather than ending the count."""
    if low in ("such", "other"):
        return not words  # "13 such facilities", "10 other languages"; not "13 such as"
    return low in ("and", "or") and bool(words) and words[-1].lower() not in _STOP


def _head(rest: str, digits: bool = False) -> tuple[int, str] | None:
    """(end offset, unit) of the counted noun at the start of `rest`, if there is one."""
    words: list[str] = []
    pos = 0
    more = _MORE.match(rest) or (_OF_THE.match(rest) if digits else None)
    if more:
        pos = more.end()
    for _ in range(6):
        token = _TOKEN.match(rest, pos)
        if token is None or token[2] is not None:
            return None
        word = token[1]
        low = word.lower()
        if _modifier_link(low, words):
            words.append(word)  # "500 small and medium-sized companies", "13 such facilities"
            pos = token.end()
            continue
        if low in _STOP or low in _MONTHS:
            return None
        pos = token.end()
        if is_plural(word):
            unit = singular(word, words)
            return (pos, unit) if unit not in _EXCLUDED else None
        words.append(word)
    return None


def noun_after(paragraph: str, end: int) -> tuple[int, str] | None:
    """(end, unit) of the counted noun right after a numeral ending at `end`, if any."""
    head = _head(paragraph[end : end + 120], True)
    return (end + head[0], head[1]) if head else None


def _reading(match: re.Match[str]) -> tuple[float, float | None] | None:
    """(value, low) of a count's number, or None for a score such as "1-0" or "3-2"."""
    scale = scale_of(match["scale"].strip() if match["scale"] else None)
    value = parse_number(match["num"]) * scale
    if not match["hi"]:
        return value, None
    high = parse_number(match["hi"]) * scale
    return (high, value) if high > value else None


def _figure_like(paragraph: str, match: re.Match[str], quotes: list[tuple[int, int]]) -> bool:
    """Whether the number before a counted noun is a figure rather than a label or echo."""
    num, start = match["num"], match.start()
    if YEAR.fullmatch(num) and not match["scale"]:
        return False  # a year: "in 2024 startups raised…"
    if not left_context_ok(paragraph, start, num[0].isdigit()):
        return False
    if _YARDSTICK.search(paragraph, max(0, start - 40), start):
        return False
    if num[0].isdigit():
        return True
    if any(a <= start < b for a, b in quotes):
        return False  # rhetoric in a quote ("every maker needs two factories")
    # "the two companies": a reference back to something already counted
    return _DEFINITE.search(paragraph, max(0, start - 10), start) is None


def find_counts(paragraph: str, starts: Sequence[int]) -> list[Hit]:
    """Every count in one paragraph (numbers overlapping other figures resolved later).

    `starts` are the paragraph's numeral offsets (`numeral_starts`).
    """
    hits: list[Hit] = []
    quotes = quote_spans(paragraph) if '"' in paragraph or "“" in paragraph else []
    for begin in starts:
        compound = _COMPOUND.match(paragraph, begin)
        if compound and left_context_ok(paragraph, begin, compound["num"][0].isdigit()):
            value = parse_number(compound["num"]) * scale_of(compound["scale"])
            if value > 1:
                hits.append(Hit(begin, compound.end(), "count", value, compound["noun"]))
            continue
        match = _COUNT.match(paragraph, begin)
        if match is None:
            continue
        if match["hyphead"]:
            end, unit = match.end(), singular(match["hyphead"] + "s", [])
        else:
            head = _head(paragraph[match.end() : match.end() + 120], match["num"][0].isdigit())
            if head is None:
                continue
            end, unit = match.end() + head[0], head[1]
        reading = _reading(match)
        if reading is None or reading[0] <= 1 or not _figure_like(paragraph, match, quotes):
            continue
        hits.append(Hit(match.start(), end, "count", reading[0], unit, reading[1]))
    return hits + _elided(paragraph, hits)


# "900,000 visitors a year, up from 600,000", "…, bringing its total to 212 million", "256
# GPUs, to be expanded to 1,000": the later number counts the same thing
_COMPARED = re.compile(
    rf"[^.;:!?“”\"\d]{{0,40}}?\b(?:(?:up|down|rising|falling|growing|climbing|dropping)\s+"
    r"(?:from|to)|compared\s+(?:with|to)|total(?:ling)?\s+(?:of|to)|"
    r"bringing\s+\w+(?:\s+\w+)?\s+to|"
    # "256 GPUs, to be expanded to 1,000", "60 employees and plans to reach 80"
    r"(?:expand|increas|grow|grew|rais|ris(?:e|es|en)\b|rose|boost|extend|doubl|tripl|scal(?:e|ed|ing)\s+up)\w*\s+to|"
    r"reach(?:es|ed|ing)?)\s+"
    rf"(?:about|around|nearly|almost|roughly|some|just|over|under|more than|less than)?\s*"
    rf"(?P<num>{NUM})(?P<scale>\s+{SCALE_WORD})?(?![\w%$€£¥₹]|[.,]\d|\s+[a-z]+s\b)"
)


def _elided(paragraph: str, hits: list[Hit]) -> list[Hit]:
    """Counts whose noun is left out because the sentence just gave it."""
    out = []
    for hit in hits:
        match = _COMPARED.match(paragraph, hit.end)
        if match is None or YEAR.fullmatch(match["num"]):
            continue
        value = parse_number(match["num"]) * scale_of(match["scale"])
        if value > 1:
            out.append(Hit(match.start("num"), match.end(), "count", value, hit.unit))
    return out
