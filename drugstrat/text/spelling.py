"""Spelling, with the hunspell dictionaries installed on the machine (Debian's `hunspell-nl`,
`hunspell-en-gb`, `hunspell-fr` …), read through `chunspell`.

Dictionaries are an optional resource: `speller` returns None when none of a language's
dictionaries (its table's `hunspell` names) is found, and the spelling check then relies on the
document's own vocabulary alone. `DRUGSTRAT_HUNSPELL_PATH` (a colon-separated list of folders)
is searched before the usual places.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from drugstrat.languages import Language

SEARCH_PATH = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell",
               "/usr/local/share/hunspell", "/Library/Spelling")


def dictionary_dirs() -> list[Path]:
    extra = [d for d in os.environ.get("DRUGSTRAT_HUNSPELL_PATH", "").split(os.pathsep) if d]
    return [Path(d) for d in (*extra, *SEARCH_PATH)]


def find_dictionary(lang: Language) -> Path | None:
    """The `.dic` file of the first of the language's dictionaries found, if any."""
    for name in lang.hunspell:
        for folder in dictionary_dirs():
            dic = folder / f"{name}.dic"
            if dic.is_file() and dic.with_suffix(".aff").is_file():
                return dic
    return None


class Speller:
    """Words a dictionary knows. Answers are kept (a document repeats its words) and may be
    recalled from an earlier run, so that a run asking nothing new never loads the dictionary
    (loading a Dutch one takes a tenth of a second)."""

    def __init__(self, dic: Path) -> None:
        self.path = dic
        self._engine: Any = None
        self._known: dict[str, bool] = {}
        self._suggested: dict[str, list[str]] = {}
        self.learned = False  # whether the dictionary was asked something new
        # The words asked about since `begin`, answered from memory or not: what one
        # document needed, to keep beside it (and nothing of other documents).
        self._asked: set[str] = set()
        self._asked_suggestions: set[str] = set()

    def begin(self) -> None:
        """Start counting the words asked about afresh (see `answers`)."""
        self._asked.clear()
        self._asked_suggestions.clear()

    def knows(self, word: str) -> bool:
        self._asked.add(word)
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = bool(self._hunspell().spell(word))
            self.learned = True
        return known

    def suggest(self, word: str) -> list[str]:
        """The dictionary's own corrections of a word, best first (slow: for words found wrong
        only)."""
        self._asked_suggestions.add(word)
        if word not in self._suggested:
            self._suggested[word] = [str(w) for w in self._hunspell().suggest(word)]
            self.learned = True
        return self._suggested[word]

    def stamp(self) -> list[str | int]:
        """Which dictionary answered: its file, size and time."""
        info = self.path.stat()
        return [str(self.path), info.st_size, info.st_mtime_ns]

    def answers(self, asked_only: bool = False) -> dict[str, bool]:
        """What the dictionary said: of every word it was asked about, or (`asked_only`) of
        those asked since `begin`."""
        if asked_only:
            return {w: self._known[w] for w in self._asked if w in self._known}
        return dict(self._known)

    def suggestions(self, asked_only: bool = False) -> dict[str, list[str]]:
        if asked_only:
            return {w: self._suggested[w] for w in self._asked_suggestions
                    if w in self._suggested}
        return dict(self._suggested)

    def recall(self, answers: dict[str, bool],
               suggestions: dict[str, list[str]] | None = None) -> None:
        """Take earlier answers of this very dictionary (see `stamp`)."""
        self._known.update({w: v for w, v in answers.items()
                            if isinstance(w, str) and isinstance(v, bool)})
        self._suggested.update({w: v for w, v in (suggestions or {}).items()
                                if isinstance(w, str) and isinstance(v, list)
                                and all(isinstance(x, str) for x in v)})

    def _hunspell(self) -> Any:
        if self._engine is None:
            import hunspell  # chunspell's module

            self._engine = hunspell.Hunspell(self.path.stem,
                                             hunspell_data_dir=str(self.path.parent))
        return self._engine


def speller(lang: Language) -> Speller | None:
    """The language's speller, or None where no dictionary (or no chunspell) is installed."""
    return _speller(lang.code, lang.hunspell)


@lru_cache(maxsize=8)
def _speller(code: str, names: tuple[str, ...]) -> Speller | None:
    from importlib.util import find_spec

    from drugstrat.languages import language

    dic = find_dictionary(language(code))
    if dic is None or find_spec("hunspell") is None:
        return None
    return Speller(dic)
