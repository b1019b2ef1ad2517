"""Names in Latin-script news: runs of capitalised words, and what they are.

A name is a run of capitalised words, with the particles of names inside ("Ursula von
der Leyen", "Pedro Sánchez de la Torre"). What opens the run may not be part of it: an
honorific ("M.", "Herr", "Don"), a sentence opener ("Le", "Der", "El"), a weekday, a
role ("Ministre", "Digitalminister"), or, right after "ministre de"/"Minister für", the
portfolio ("Numérique", "Forschung"): "la ministre du Numérique Clara Chappaz" is
Clara Chappaz. A run holding an organisation word ("Ministerio", "Bundesamt") or an
acronym is an organisation; two or more other words make a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.intl.quotes_lexicon import Compiled, LatinWords, split

__all__ = ["Run", "common_noun", "is_org", "name_runs", "run_matches", "run_of", "strip_run"]

_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*[\w’']|[^\W\d_]|&")
_ELISION = re.compile(r"^[dlDL][’']")
# the ending of a noun or adjective: a portfolio ("Numérique", "Forschung", "Digital")
_PORTFOLIO = re.compile(
    r"(?:ique|ion|ie|ité|ment|ung|heit|keit|schaft|ik|ción|sión|dad|ía|ia|ção|são|dade|"
    r"zione|sione|ità|al|ale|ales|aux|ica|ico|icas|tà|ur|ure|ura|ismo|isme|en|es|os|as)$"
)
# organisation words news in every language borrows from English
_ENGLISH_ORG = frozenset(
    split(
        """School University Institute Center Centre Lab Labs Group Foundation Initiative
        Council Agency Alliance Association Capital Ventures Partners Technologies
        Technology Systems Solutions Computing Cloud Bank Fund Holdings Network Networks
        Research Data Digital Supercomputing Inc Corp Company"""
    )
)
# German nouns by their ending ("Überlegungen", "Regierung", "Souveränität", "Kommission")
_NOUN_END = re.compile(
    r"^[^\W\d_]{3,}(?:ung|heit|keit|schaft|tät|tion|sion|gion|llion|ismus|nis)(?:en|e|s|se)?$"
)
_ACRONYM_PART = re.compile(r"^[A-ZÄÖÜ]{2,}[a-z]?$")  # "USA", "KI", "CDU", "AfD" less one
_COMPANY = re.compile(r"^(?:SA|SAS|SE|AG|GmbH|Inc|Ltd|S\.p\.A|SpA|SL|S\.A|Lda|Ltda|Srl)\.?$")


@dataclass(frozen=True)
class Run:
    """A run of capitalised words: offsets of each word in the analysed text."""

    words: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.words[0][0]

    @property
    def end(self) -> int:
        return self.words[-1][1]

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def tokens(self, source: str) -> list[str]:
        return [source[a:b] for a, b in self.words]


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        word = m.group()
        if _ELISION.match(word) and b - a > 2 and word[2].isupper():  # "d'Inria"
            out.append((a, a + 2))
            a += 2
        out.append((a, b))
    return out


def name_runs(c: Compiled, text: str, start: int, end: int) -> list[Run]:
    """Runs of capitalised words in text[start:end], joined by the language's particles."""
    return [Run(tuple(_tokens(text, *m.span()))) for m in c.runs.finditer(text, start, end)]


def run_matches(c: Compiled, text: str) -> list[re.Match[str]]:
    """The runs of a whole text as matches, so that one word is cheap to skip."""
    return list(c.runs.finditer(text))


def run_of(text: str, match: re.Match[str]) -> Run:
    return Run(tuple(_tokens(text, *match.span())))


# Per-word answers, keyed by the language's patterns (one `Compiled` per language, alive
# for the process) and the word: an article asks about the same names dozens of times.
_ROLE_WORDS: dict[tuple[int, str], bool] = {}
_ORG_WORDS: dict[tuple[int, str], bool] = {}
_MAX_CACHED = 50_000


def _cached(cache: dict[tuple[int, str], bool], key: tuple[int, str], value: bool) -> bool:
    if len(cache) >= _MAX_CACHED:
        cache.clear()
    cache[key] = value
    return value


def _role_word(c: Compiled, word: str) -> bool:
    key = (id(c), word)
    found = _ROLE_WORDS.get(key)
    if found is None:
        found = _cached(_ROLE_WORDS, key, c.role.fullmatch(word) is not None)
    return found


def common_noun(c: Compiled, word: str) -> bool:
    """A German common noun, which a capital does not make a name: one with a noun's
    ending ("Überlegungen", "Souveränität"), or a compound with an acronym or a role in
    it ("USA-Besuch", "KI-Gipfel", "CDU-Politiker"); "Hans-Peter" is a name."""
    if not c.words.capital_nouns:
        return False
    parts = word.split("-")
    if any(_NOUN_END.match(p.lower()) for p in parts):
        return True
    if len(parts) < 2 or not parts[-1][:1].isupper():
        return False
    return _ACRONYM_PART.match(parts[0]) is not None or _role_word(c, parts[-1])


def _after_title(c: Compiled, text: str, words: list[tuple[int, int]]) -> int:
    """Where a name starts after a title inside a run: "Plänen von [Ministerin] Katrin
    Albers", "USA-Besuch von [Digitalminister] …": what comes before the title is not
    the name. 0 if no title stands inside the run with a name after it."""
    for i in range(1, len(words) - 1):
        if _role_word(c, text[words[i][0] : words[i][1]]):
            return i
    return 0


def strip_run(c: Compiled, text: str, run: Run, after_role: bool) -> tuple[Run | None, str]:
    """The run without the words that open it but are not the name, and those words
    when they are a role ("Digitalminister"). `after_role`: the run follows "ministre
    de", so a leading portfolio word is dropped while a name of two words remains."""
    w = c.words
    words = list(run.words)
    words = words[_after_title(c, text, words) :]
    role: list[str] = []
    after_article = _article_before(w, text, run.start)
    while words:
        token = text[words[0][0] : words[0][1]]
        bare = token.rstrip(".")
        if token.lower() in w.articles:
            after_article = True
        if (
            token in w.honorifics
            or token + "." in w.honorifics
            or bare in w.openers
            or bare in w.days
            or token.lower() in ("d'", "d’", "l'", "l’", "&")
            or token.lower() in w.particles
        ):
            words.pop(0)
        elif len(words) >= 2 and c.kind.fullmatch(token):
            words.pop(0)  # "Unternehmen Rechenwerk": the company, not its kind
        elif len(words) >= 3 and _particle(w, text, words[1]) and _noun_of(c, token, after_article):
            words.pop(0)  # "Überlegungen von Anja Brenner": "von" only inside a name
        elif _role_word(c, token):
            role.append(token)
            words.pop(0)
        elif after_role and len(words) >= 3 and (_portfolio(token) or is_org(c, [token])):
            words.pop(0)
        elif len(words) >= 3 and _acronym(token) and not is_org(c, _texts(text, words[1:])):
            words.pop(0)  # "dijo a EFE Andrés Villalba": an agency before the name
        else:
            break
    tokens = [text[a:b] for a, b in words]
    for i, token in enumerate(tokens):  # "Jonas Keller von der Universität Jena"
        if i and token.lower() in w.particles and is_org(c, tokens[i + 1 :]):
            if not is_org(c, tokens[:i]):
                words = words[:i]
            break
    while words and text[words[-1][0] : words[-1][1]].lower() in w.particles | {"&"}:
        words.pop()
    return (Run(tuple(words)) if words else None), " ".join(role)


def _noun_of(c: Compiled, token: str, after_article: bool) -> bool:
    """A German noun before "von": by its ending, or after an article ("den Plänen")."""
    return c.words.capital_nouns and (after_article or common_noun(c, token))


def _article_before(w: LatinWords, text: str, start: int) -> bool:
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].lower() in w.articles


def _particle(w: LatinWords, text: str, word: tuple[int, int]) -> bool:
    return text[word[0] : word[1]].lower() in w.particles


def _texts(text: str, words: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in words]


def _acronym(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _portfolio(word: str) -> bool:
    return _PORTFOLIO.search(word.lower()) is not None


def is_org(c: Compiled, tokens: list[str]) -> bool:
    """An organisation's name: an organisation word (German compounds by their ending:
    "Bundesdigitalministerium"), a company form ("GmbH") or an acronym ("BSC", "SAP")."""
    return any(_org_word(c, token) for token in tokens)


def _org_word(c: Compiled, token: str) -> bool:
    key = (id(c), token)
    found = _ORG_WORDS.get(key)
    if found is not None:
        return found
    org = bool(
        c.org.fullmatch(token)
        or _COMPANY.match(token)
        or token in _ENGLISH_ORG
        or (c.org_suffix is not None and c.org_suffix.search(token.removesuffix("s")))
        or _acronym(token)
    )
    return _cached(_ORG_WORDS, key, org)
