"""What search compares of a word: its Snowball stem in a language, and the stems of its parts
when it is a closed compound the document attests ("drugshandel" -> "drug", "handel")."""

from __future__ import annotations

from collections.abc import Mapping

from drugstrat.languages import Language
from drugstrat.text.stem import snowball


class WordForms:
    def __init__(self, lang: Language,
                 compounds: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.lang = lang
        self.compounds = compounds or {}

    def stem(self, folded: str) -> str:
        return snowball(folded, self.lang)

    def parts(self, folded: str) -> list[str]:
        """The stems of a compound's parts (none for a word that is no compound)."""
        return [snowball(part, self.lang) for part in self.compounds.get(folded, ())]
