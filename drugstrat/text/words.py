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
    tokens = [w.casefold() for w in words(text)]
    if not tokens:
        return 0.0
    return sum(t in lang.function_words for t in tokens) / len(tokens)
