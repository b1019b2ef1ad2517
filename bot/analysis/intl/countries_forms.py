"""The inflected forms of a demonym, so a table lists each adjective once.

Romance adjectives agree in gender and number (américain, américaine, américains,
américaines; español, española, españoles; tedesco, tedeschi) and German ones take a case
ending (deutsch, deutsche, deutschen, deutscher) and a capital when used as a noun or at
a sentence's start ("Deutsche Forscher"). Irregular forms are written in the tables
with "/" ("grec/grecque/grecs/grecques"); everything else follows the common patterns.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["forms"]


def _fr(word: str) -> tuple[str, ...]:
    if word.endswith("en"):  # italien, européen, coréen
        return (word, word + "ne", word + "s", word + "nes")
    if word.endswith("e"):  # suisse, belge, britannique
        return (word, word + "s")
    if word.endswith(("s", "x")):  # français, japonais
        return (word, word + "e", word + "es")
    return (word, word + "e", word + "s", word + "es")


_ES_ACCENTS = str.maketrans("áéíóú", "aeiou")


def _es(word: str) -> tuple[str, ...]:
    if word.endswith("o"):
        stem = word[:-1]
        return (word, stem + "a", stem + "os", stem + "as")
    if word.endswith(("és", "án", "ín", "ón")):  # francés, alemán
        stem = word.translate(_ES_ACCENTS)
        return (word, stem + "a", stem + "es", stem + "as")
    if word.endswith(("e", "a")):  # estadounidense, belga
        return (word, word + "s")
    if word.endswith("í"):  # israelí, marroquí
        return (word, word + "es", word + "s")
    return (word, word + "a", word + "es", word + "as")  # español


def _pt(word: str) -> tuple[str, ...]:
    if word.endswith("o"):
        stem = word[:-1]
        return (word, stem + "a", stem + "os", stem + "as")
    if word.endswith("ês"):  # português, francês
        stem = word[:-2] + "es"
        return (word, stem + "a", stem + "es", stem + "as")
    if word.endswith(("e", "a")):  # canadense, belga
        return (word, word + "s")
    return (word, word + "a", word + "es", word + "as")


def _it(word: str) -> tuple[str, ...]:
    if word.endswith("co"):  # tedesco: tedeschi; austriaco, greco are written out
        stem = word[:-1]
        return (word, stem + "a", stem + "hi", stem + "he")
    if word.endswith("o"):
        stem = word[:-1]
        return (word, stem + "a", stem + "i", stem + "e")
    if word.endswith("e"):  # francese, cinese
        return (word, word[:-1] + "i")
    if word.endswith("a"):  # belga, saudita
        return (word, word[:-1] + "i", word[:-1] + "e")
    return (word,)


def _de(word: str) -> tuple[str, ...]:
    if word[0].isupper():  # "Schweizer", "Amerikaner": an invariable or a noun
        return (word,)
    forms = [word + end for end in ("", "e", "en", "er", "es", "em")]
    # Capitalised: a sentence's first word or a noun ("die Deutschen"); the bare
    # capitalised form ("Deutsch", "Französisch") is the language, so it is left out.
    return (*forms, *(f[0].upper() + f[1:] for f in forms[1:]))


_RULES: dict[str, Callable[[str], tuple[str, ...]]] = {
    "fr": _fr,
    "es": _es,
    "pt": _pt,
    "it": _it,
    "de": _de,
}


def _forms(lang: str, entry: str) -> tuple[str, ...]:
    """Every form of one demonym entry: "/"-separated forms are taken as written."""
    if "/" in entry:
        return tuple(entry.split("/"))
    rule = _RULES.get(lang)
    return rule(entry) if rule else (entry,)


def forms(lang: str, entries: str) -> tuple[str, ...]:
    """Every form of the "|"-separated demonym entries of one country."""
    out: list[str] = []
    for entry in entries.split("|"):
        if entry:
            out.extend(f for f in _forms(lang, entry) if f not in out)
    return tuple(out)
