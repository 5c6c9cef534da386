"""Stems: Snowball (PyStemmer) for comparing words across a document and its translations, and a
light prefix stemmer for search.

Snowball stems fold inflections ("interfederaal"/"interfederale", "policy"/"policies") so that
the lexicon and the checks count one word where a language writes several forms. The light
stemmer strips one ending from the language table, keeping a short root that search matches as
a prefix: "trafficking" -> "traffick", "gokken" -> "gok" (which opens "gokspelen").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from drugstrat.languages import Language
from drugstrat.text.fold import fold

MIN_STEM = 3


@lru_cache(maxsize=16)
def _stemmer(algorithm: str) -> Any:
    import Stemmer  # PyStemmer: a C extension, imported only where words are compared

    return Stemmer.Stemmer(algorithm, 0)  # no cache of its own: ours is per word


@lru_cache(maxsize=65536)
def _snowball(word: str, algorithm: str) -> str:
    return fold(_stemmer(algorithm).stemWord(word))


def snowball(word: str, lang: Language) -> str:
    """The folded Snowball stem of a word (the word folded, for a language without a stemmer)."""
    word = word.casefold()
    return _snowball(word, lang.snowball) if lang.snowball else fold(word)


def stem(word: str, lang: Language) -> str:
    """The light prefix stem search matches: one ending of the language table stripped."""
    for suffix in lang.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            root = word[: -len(suffix)]
            if lang.undouble and len(root) > MIN_STEM and root[-1] == root[-2] and \
                    root[-1] not in "aeiou":
                root = root[:-1]
            return root
    return word
