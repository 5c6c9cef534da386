"""A light stemmer: strip one ending from the language table, keep at least a short root.

Search matches stems as prefixes of indexed words, so the stem only has to be a prefix every
inflection shares: "trafficking" -> "traffick", "gokken" -> "gok" (which also opens the compounds
"gokspelen", "gokverslaving").
"""

from __future__ import annotations

from drugstrat.languages import Language

MIN_STEM = 3


def stem(word: str, lang: Language) -> str:
    for suffix in lang.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            root = word[: -len(suffix)]
            if lang.undouble and len(root) > MIN_STEM and root[-1] == root[-2] and \
                    root[-1] not in "aeiou":
                root = root[:-1]
            return root
    return word
