"""The words a Latin-script language gives its quotes, in one shape for all five.

French, German, Spanish, Portuguese and Italian attribute a quote in the same few ways
(a verb of saying before or after it, "selon"/"laut"/"según" before a name, a colon),
so one engine (quotes_latin.py) reads them all, and each language only lists its words
(quotes_fr.py, quotes_de.py, ...). `LatinWords` is that list; `Compiled` holds the
regular expressions built from it once per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Compiled", "LatinWords", "Tense", "alternation", "compile_words", "split"]


@dataclass(frozen=True)
class Tense:
    """A compound tense of verbs of saying: "a (ensuite) déclaré", "ha (poi) aggiunto";
    `pronoun`: the auxiliary carries the subject ("a-t-il ajouté")."""

    auxiliaries: tuple[str, ...]
    participles: tuple[str, ...]
    adverbs: tuple[str, ...] = ()
    pronoun: bool = False

    def pattern(self) -> str:
        adverb = rf"(?:\s+(?:{alternation(self.adverbs)}))?" if self.adverbs else ""
        return f"(?:{alternation(self.auxiliaries)}){adverb}\\s+(?:{alternation(self.participles)})"


@dataclass(frozen=True)
class LatinWords:
    """One language's words for quotes and speakers (all matched case-insensitively
    unless said otherwise)."""

    verbs: tuple[str, ...]  # finite verbs of saying, forms as written ("a déclaré", "sagte")
    pronoun_verbs: tuple[str, ...]  # a verb with its subject pronoun in it ("a-t-il ajouté")
    according: tuple[str, ...]  # before a speaker: "selon", "laut", "según"
    according_after: tuple[str, ...]  # after a speaker: "X zufolge"
    pronouns: frozenset[str]  # subject pronouns: "il", "er", "él"
    honorifics: frozenset[str]  # not part of a name: "M.", "Herr", "Don"
    roles: tuple[str, ...]  # role nouns, lowercase: "ministre", "portavoz"
    role_suffixes: tuple[str, ...]  # German compounds: "…minister", "…chefin"
    spokespeople: tuple[str, ...]  # who speaks for an organisation: "porte-parole"
    org_words: tuple[str, ...]  # words of an organisation's name or reference
    statements: tuple[str, ...]  # "communiqué", "Mitteilung": the issuer speaks
    articles: frozenset[str]  # determiners before a role or organisation noun
    openers: frozenset[str]  # capitalised words that are never a name
    particles: frozenset[str]  # inside names: "de", "von", "del", "da", "di"
    naming: tuple[str, ...]  # words after which a quoted span is a name: "intitulé"
    relatives: frozenset[str]  # a relative clause inside a subject: "qui", "der"
    days: frozenset[str] = frozenset()  # weekdays and months: capitalised, never names
    after_verbs: tuple[str, ...] = ()  # only right after a quote: German "…“, so Merz"
    for_words: tuple[str, ...] = ()  # "Pour X, « … »": a speaker only right before a quote
    addressee: tuple[str, ...] = ()  # whom it was said to, after the verb: "à", "a", "ao"
    kinds: tuple[str, ...] = ()  # words before a company's name, not part of it: "empresa"
    tenses: tuple[Tense, ...] = ()  # compound tenses of the verbs of saying
    definite: frozenset[str] = frozenset()  # "der", "la", "il": a role so named is known
    fronted: frozenset[str] = frozenset()  # German: opens a phrase before the verb ("Zu")
    capital_nouns: bool = False  # German: every noun has a capital, a name does not tell


@dataclass(frozen=True)
class Compiled:
    """Regular expressions of one language, built once."""

    words: LatinWords
    verb: re.Pattern[str]  # any verb of saying, with an optional inverted pronoun
    after_verb: re.Pattern[str]  # the verbs that may follow a quote (all, and "so")
    pronoun_verb: re.Pattern[str]
    according: re.Pattern[str]
    according_after: re.Pattern[str] | None
    for_word: re.Pattern[str] | None
    role: re.Pattern[str]  # a role noun as a word
    org: re.Pattern[str]  # an organisation word as a word
    org_suffix: re.Pattern[str] | None  # German: a compound ending in one ("…ministerium")
    kind: re.Pattern[str]  # a word that introduces a company ("la empresa Datalia")
    spokes: re.Pattern[str]
    statement: re.Pattern[str]
    naming: re.Pattern[str]
    runs: re.Pattern[str]  # runs of capitalised words joined by particles (names)
    addressee: re.Pattern[str] | None  # "à l'AFP", "a EFE", "ao jornal": whom it was said to


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAP_WORD = rf"[{_UPPER}](?:[\w’'.-]*[\w’'])?"


_MEDIA = (
    r"(?:diario|periódico|agencia|agence|journal|quotidien|hebdomadaire|jornal|agência|"
    r"revista|giornale|quotidiano|agenzia|radio|emisora|cadena|televisión|site|sitio|"
    r"Zeitung|Magazin|Sender)\s+"
)


def _addressee(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "à l'AFP", "al diario El Norte", "gegenüber der Zeitung": whom words were said to."""
    spaced = alternation(tuple(p for p in words if p[-1] not in "'’"))
    elided = alternation(tuple(p for p in words if p[-1] in "'’"))
    head = rf"(?:(?:{spaced})\s+" + (f"|(?:{elided})" if elided else "") + ")"
    article = (
        r"(?:(?:la|el|los|las|le|les|il|lo|o|a|os|as|dem|den|der|este|esta|ce|cette)\s+|l['’])"
    )
    return re.compile(rf"\s*{head}{article}?(?:{_MEDIA})?", re.IGNORECASE)


def _runs(w: LatinWords) -> re.Pattern[str]:
    """Capitalised words joined by spaces, by the language's name particles ("von der",
    "de la", "d'"), by "&", or by the dot of an honorific or an initial ("M. Dupont")."""
    spaced = alternation((*(p for p in w.particles if p[-1] not in "'’"), "&"))
    elided = alternation((*(p for p in w.particles if p[-1] in "'’"), "l'", "l’"))
    stems = {h.rstrip(".") for h in w.honorifics if h.endswith(".") and "." not in h[:-1]}
    dotted = "|".join(rf"(?<=\b{re.escape(s)})" for s in sorted(stems) if s.isalpha())
    dotted = rf"(?:(?<=\b[{_UPPER}])" + (f"|{dotted}" if dotted else "") + r")\.[^\S\n]+"
    join = rf"(?:[^\S\n]+(?:(?:{spaced})[^\S\n]+)?|[^\S\n]+(?:{elided})|(?<=['’])|{dotted})"
    start = r"(?:(?<=\b[dlDL]['’])|(?<![\w’'.-]))"
    return re.compile(start + _CAP_WORD + r"(?:" + join + _CAP_WORD + r")*")


def alternation(forms: tuple[str, ...] | frozenset[str]) -> str:
    """A regex matching any of the literal forms, the longest it can, spaces as any
    whitespace. The forms are factored into a trie ("a(?:\\s+(?:dit|déclaré))?"):
    a flat alternation of a thousand verb forms is tried form by form at every
    character of an article, a trie one character at a time."""
    root: dict[str, dict[str, Any]] = {}
    for form in forms:
        if not form:
            continue
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _emit(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


def _words(forms: tuple[str, ...] | frozenset[str], *more: str) -> re.Pattern[str]:
    body = "|".join(p for p in (alternation(forms), *more) if p)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


def compile_words(w: LatinWords) -> Compiled:
    """The language's regular expressions."""
    suffixes = alternation(w.role_suffixes)
    role = r"(?<![\w-])(?:" + alternation(w.roles) + r")(?![\w-])"
    if suffixes:  # "Digitalminister", "Bitkom-Chefin": a compound ending in a role
        role += r"|(?<![\w-])[\w-]*(?:" + suffixes + r")(?![\w-])"
    tenses = [t.pattern() for t in w.tenses]
    return Compiled(
        words=w,
        verb=_words(w.verbs + w.pronoun_verbs, *tenses),
        after_verb=_words(w.verbs + w.pronoun_verbs + w.after_verbs, *tenses),
        pronoun_verb=_words(w.pronoun_verbs, *(t.pattern() for t in w.tenses if t.pronoun)),
        according=_words(w.according),
        according_after=_words(w.according_after) if w.according_after else None,
        for_word=_words(w.for_words) if w.for_words else None,
        role=re.compile(role, re.IGNORECASE),
        org=_words(w.org_words),
        kind=_words(w.kinds or ("\x00",)),
        org_suffix=re.compile(
            "(?:" + alternation(tuple(o for o in w.org_words if len(o) > 4)) + ")$",
            re.IGNORECASE,
        )
        if w.role_suffixes
        else None,
        spokes=_words(w.spokespeople),
        statement=_words(w.statements),
        runs=_runs(w),
        addressee=_addressee(w.addressee) if w.addressee else None,
        naming=re.compile(
            r"(?<![\w-])(?:" + alternation(w.naming) + r")"
            r"(?:\s+(?:de|di|da|do|du|von|als|como|comme|come))?\s*$",
            re.IGNORECASE,
        ),
    )


def split(text: str) -> tuple[str, ...]:
    """Words of a whitespace-separated list; "_" joins a form of several words."""
    return tuple(w.replace("_", " ") for w in text.split())
