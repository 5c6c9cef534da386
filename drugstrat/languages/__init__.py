"""The languages the tool reads: one table of plain data per language (see `table.Language`).

Adding a language is adding a module here with its table and listing it in `LANGUAGES`.
"""

from __future__ import annotations

from drugstrat.errors import InputError
from drugstrat.languages.de import GERMAN
from drugstrat.languages.en import ENGLISH
from drugstrat.languages.fr import FRENCH
from drugstrat.languages.nl import DUTCH
from drugstrat.languages.table import Language

__all__ = ["DUTCH", "ENGLISH", "FRENCH", "GERMAN", "LANGUAGES", "Language", "all_of",
           "language"]

LANGUAGES: dict[str, Language] = {table.code: table
                                  for table in (ENGLISH, DUTCH, FRENCH, GERMAN)}


def language(code: str) -> Language:
    """The table of a language code; an unknown code is the user's error, said plainly."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise InputError(f"unknown language {code!r} (known: {known})") from None


def all_of(field: str) -> tuple[str, ...]:
    """One field of every language table, merged: for what is read without knowing the
    language (a typed id such as `SD.3`, a name that stands the same in every version)."""
    return tuple(dict.fromkeys(item for table in LANGUAGES.values()
                               for item in getattr(table, field)))
