"""Which language an article is written in, so that its own rules read it.

The script decides first, because it cannot be wrong: kana make Japanese, hangul Korean,
whatever a page's `lang` attribute claims (templates often say `en` for every page).
Latin-script text is told apart by py3langid's model, limited to the languages that have
rules here, so that a German article is never "Luxembourgish"; a page's own metadata is
trusted when the model is unsure, since a short feed summary gives it little to go on.
The model is loaded on first use (about 0.3 s) and the result is a plain ISO 639-1 code.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

__all__ = ["LANGUAGE_NAMES", "SUPPORTED", "detect_language", "language_name", "preload"]

# Languages with rules of their own; any other is read with the English rules.
SUPPORTED = ("en", "ja", "ko", "fr", "de", "es", "pt", "it")
LANGUAGE_NAMES = {
    "en": "English",
    "ja": "Japanese",
    "ko": "Korean",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "zh": "Chinese",
    "nl": "Dutch",
}
_LATIN = ("en", "fr", "de", "es", "pt", "it", "nl")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")
_SAMPLE = 600  # characters: plenty for the model, whose cost grows with the sample
_SURE = 0.9  # normalised probability above which the model overrules metadata
# A tenth of English prose is these function words, which are no words of the other
# Latin-script languages read here ("in", "a", "on" are), so a text dense with them
# needs no model
_ENGLISH = frozenset(
    ["the", "and", "of", "that", "for", "with", "was", "by", "are", "from", "has", "have", "is"]
)
_WORD = re.compile(r"[a-zà-öø-ÿ]+")
# Words frequent in one of the other languages and rare or absent in the rest: a text
# whose count for one is clearly ahead is that language, without the model.
_FUNCTION_WORDS = {
    "fr": frozenset(["le", "les", "des", "du", "est", "une", "pour", "dans", "qui", "sur", "au"]),
    "de": frozenset(["der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "sich"]),
    "es": frozenset(["el", "los", "las", "del", "y", "es", "por", "con", "una", "para", "al"]),
    "pt": frozenset(["os", "as", "do", "da", "dos", "das", "não", "uma", "em", "com", "ao"]),
    "it": frozenset(["il", "gli", "della", "dei", "è", "per", "una", "che", "del", "alla"]),
}


def language_name(code: str | None) -> str:
    """ "Japanese" for "ja"; the code itself for a language without a name here."""
    return LANGUAGE_NAMES.get(code or "en", code or "English")


def _hint(metadata: str | None) -> str | None:
    """ "ja-JP", "de_DE", "FR" as "ja", "de", "fr"."""
    if not metadata:
        return None
    code = re.split(r"[-_]", metadata.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


_LOADING = threading.Lock()


@lru_cache(maxsize=1)
def _loaded() -> Any:
    from bot.analysis.langid_model import identifier_for

    return identifier_for(_LATIN)  # not the whole model then set_languages: 80 MB less


def _identifier() -> Any:
    """The model, loaded once: poll workers asking at the same moment wait for the one
    load (it unpacks ~70 MB) instead of each doing it."""
    with _LOADING:
        return _loaded()


def preload() -> None:
    """Load the language model now (about half a second) rather than on the first
    article that needs it: for benchmarks, and for a process about to read a backlog."""
    _identifier()


def _by_script(sample: str) -> str | None:
    letters = len(_LETTER.findall(sample)) or 1
    kana, hangul = len(_KANA.findall(sample)), len(_HANGUL.findall(sample))
    if hangul / letters > 0.2:
        return "ko"
    if kana / letters > 0.05:
        return "ja"
    if len(_HAN.findall(sample)) / letters > 0.3:
        return "zh"
    return None


def _by_function_words(words: list[str]) -> str | None:
    """The language whose function words clearly lead in a long enough text, if one
    does: a tenth of the words for English, a twelfth for the others, and twice as many
    as the runner-up ("el", "es", "del" are Spanish and Italian alike, "da" Italian and
    Portuguese)."""
    if len(words) < 30:
        return None
    if sum(w in _ENGLISH for w in words) / len(words) > 0.1:
        return "en"
    counts = sorted(
        ((sum(w in fw for w in words), lang) for lang, fw in _FUNCTION_WORDS.items()),
        reverse=True,
    )
    (best, lang), (second, _) = counts[0], counts[1]
    return lang if best >= len(words) / 12 and best >= 2 * second else None


def detect_language(title: str | None, text: str, metadata: str | None = None) -> str:
    """ISO 639-1 code of the article's language ("en" when there is nothing to read)."""
    sample = f"{title or ''}\n{text[:_SAMPLE]}"
    scripted = _by_script(sample)
    if scripted:
        return scripted
    hint = _hint(metadata)
    if len(_LETTER.findall(sample)) < 20:
        return hint if hint in _LATIN else "en"
    words = _WORD.findall(sample.lower())
    clear = _by_function_words(words)
    if clear:
        return clear
    code, probability = _identifier().classify(sample)
    if hint in _LATIN and hint != code and probability < _SURE:
        return str(hint)
    return str(code)
