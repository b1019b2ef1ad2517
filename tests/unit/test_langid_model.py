"""The language model loaded table by table is py3langid's own, restricted the same way."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from bot.analysis.langid_model import identifier_for

LANGUAGES = ("en", "fr", "de", "es", "pt", "it", "nl")
SAMPLES = [
    "The ministry announced a national AI programme with new supercomputers today.",
    "Le gouvernement lance un plan national pour l'intelligence artificielle.",
    "Die Regierung plant einen nationalen Supercomputer für künstliche Intelligenz.",
    "El gobierno anuncia una estrategia nacional de inteligencia artificial.",
    "O governo anuncia um plano nacional de inteligência artificial.",
    "Il governo annuncia un piano nazionale per l'intelligenza artificiale.",
    "De regering kondigt een nationaal plan voor kunstmatige intelligentie aan.",
    "AI",
]


def test_it_classifies_as_the_whole_model_restricted_by_set_languages() -> None:
    compact = identifier_for(LANGUAGES)
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    reference.set_languages(list(LANGUAGES))
    for text in SAMPLES:
        (lang, p), (ref_lang, ref_p) = compact.classify(text), reference.classify(text)
        assert lang == ref_lang
        assert abs(p - ref_p) < 1e-6
    assert sorted(compact.nb_classes) == sorted(LANGUAGES)
    assert compact.nb_ptc.shape == (reference.nb_ptc.shape[0], len(LANGUAGES))
    assert compact._full_model[0].shape[1] == len(LANGUAGES)  # no 142-language table kept
    assert compact.tk_nextmove == reference.tk_nextmove  # read in chunks, the same table
    assert compact.tk_nextmove.typecode == reference.tk_nextmove.typecode


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="xx"):
        identifier_for(("en", "xx"))
