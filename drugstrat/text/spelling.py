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
    """Words a dictionary knows; lookups are cached (a document repeats its words)."""

    def __init__(self, dic: Path) -> None:
        import hunspell  # chunspell's module

        self.path = dic
        self._hunspell: Any = hunspell.Hunspell(dic.stem, hunspell_data_dir=str(dic.parent))
        self._known: dict[str, bool] = {}

    def knows(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = bool(self._hunspell.spell(word))
        return self._known[word]

    def suggest(self, word: str) -> list[str]:
        return list(self._hunspell.suggest(word))


def speller(lang: Language) -> Speller | None:
    """The language's speller, or None where no dictionary (or no chunspell) is installed."""
    return _speller(lang.code, lang.hunspell)


@lru_cache(maxsize=8)
def _speller(code: str, names: tuple[str, ...]) -> Speller | None:
    from drugstrat.languages import language

    dic = find_dictionary(language(code))
    if dic is None:
        return None
    try:
        return Speller(dic)
    except (ImportError, OSError):
        return None
