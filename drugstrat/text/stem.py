"""Stems: Snowball (PyStemmer), for comparing the forms of a word — in the lexicon, the checks and
search. They fold inflections ("interfederaal"/"interfederale", "policy"/"policies") so that one
word is counted where a language writes several forms, and keep apart words that only look
alike ("police"/"policy")."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from drugstrat.languages import Language
from drugstrat.text.fold import fold


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


def snowball_many(words: set[str], lang: Language) -> dict[str, str]:
    """The folded Snowball stems of many (case-folded) words at once: one call into the C
    stemmer for a whole dictionary's words."""
    ordered = sorted(words)
    if not lang.snowball:
        return {w: fold(w) for w in ordered}
    stemmed = _stemmer(lang.snowball).stemWords(ordered)
    return {w: fold(s) for w, s in zip(ordered, stemmed, strict=True)}
