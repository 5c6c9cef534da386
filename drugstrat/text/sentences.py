"""Sentences of a text, knowing the language's abbreviations and decimals."""

from __future__ import annotations

import re

from drugstrat.languages import Language

# A sentence ends at . ! ? (and a closing quote or bracket) before white space and a capital,
# a digit or an opening quote; the abbreviation table vetoes the full stops that are not ends.
_SENTENCE_END = re.compile(r"[.!?][”\"')\]»]*(?=\s+[\"“‘(«]?[A-Z0-9À-Ý])")
_INITIALS = re.compile(r"(?:[a-z]\.)+")


def sentences(text: str, lang: Language) -> list[str]:
    out: list[str] = []
    start = 0
    abbreviations = lang.abbreviations | {h.casefold() for h in lang.honorifics}
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        before = text[start:match.start() + 1].split()
        token = before[-1].casefold() if before else ""
        if token in abbreviations or _INITIALS.fullmatch(token):
            continue
        out.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
