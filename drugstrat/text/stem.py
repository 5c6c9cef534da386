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


# Letters past which a "word" is no word of a language (a line of one letter repeated, a
# pasted digest): it is its own stem, and is neither stemmed nor remembered — a cache of such
# keys would hold megabytes each.
LONGEST_WORD = 64


@lru_cache(maxsize=65536)
def _snowball(word: str, algorithm: str) -> str:
    return fold(_stemmer(algorithm).stemWord(word))


def snowball(word: str, lang: Language) -> str:
    """The folded Snowball stem of a word (the word folded, for a language without a stemmer,
    or a word longer than LONGEST_WORD)."""
    word = word.casefold()
    if not lang.snowball or len(word) > LONGEST_WORD:
        return fold(word)
    return _snowball(word, lang.snowball)


def snowball_many(words: set[str], lang: Language) -> dict[str, str]:
    """The folded Snowball stems of many (case-folded) words at once: one call into the C
    stemmer for a whole dictionary's words."""
    ordered = sorted(words)
    if not lang.snowball:
        return {w: fold(w) for w in ordered}
    stemmed = _stemmer(lang.snowball).stemWords(ordered)
    return {w: fold(w if len(w) > LONGEST_WORD else s)
            for w, s in zip(ordered, stemmed, strict=True)}
