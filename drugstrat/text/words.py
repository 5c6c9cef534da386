"""Words of a text, and how much of it is a language's function words."""

from __future__ import annotations

import re

from drugstrat.languages import Language

# Letters and digits, joined by inner hyphens and apostrophes: "evidence-informed", "Belgium's".
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def function_word_share(text: str, lang: Language) -> float:
    """Share of a text's words that are the language's function words."""
    return _share([w.casefold() for w in words(text)], lang)


SAMPLE = 200_000  # characters enough to tell a language by its function words


def language_shares(text: str, tables: list[Language]) -> dict[str, float]:
    """How much of a text (its first SAMPLE characters) is each language's function words:
    the language of a text is the one whose small words fill it."""
    tokens = [w.casefold() for w in words(text[:SAMPLE])]
    return {table.code: _share(tokens, table) for table in tables}


def _share(tokens: list[str], lang: Language) -> float:
    return sum(t in lang.function_words for t in tokens) / len(tokens) if tokens else 0.0
