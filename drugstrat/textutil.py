"""Small text helpers shared by the checks, search and exports: folding, words, sentences."""

from __future__ import annotations

import re
import unicodedata

from drugstrat.lang import Language

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: `Geïntegreerd` -> `geintegreerd`."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the offset of the character of `text`
    it came from, so that a match in the folded text can be shown in the original."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(part):
                out.append(part)
                offsets.append(i)
    return "".join(out), offsets


def original_span(offsets: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """Map a span of a folded text back to the original text."""
    if start >= len(offsets):
        return length, length
    return offsets[start], (offsets[end - 1] + 1) if end > start else offsets[start]


def words(text: str) -> list[str]:
    return WORD.findall(text)


# A sentence ends at . ! ? (and a closing quote or bracket) before white space and a capital,
# a digit or an opening quote; the abbreviation table vetoes the full stops that are not ends.
_SENTENCE_END = re.compile(r"[.!?][”\"')\]]*(?=\s+[\"“‘(]?[A-Z0-9À-Ý])")


def sentences(text: str, lang: Language) -> list[str]:
    """Split a text into sentences, knowing the language's abbreviations and decimals."""
    out: list[str] = []
    start = 0
    abbreviations = lang.abbreviations | {h.casefold() for h in lang.honorifics}
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        token = text[start:match.start() + 1].split()[-1].casefold() if text[
            start:match.start() + 1].split() else ""
        if token in abbreviations or re.fullmatch(r"(?:[a-z]\.)+", token):
            continue
        out.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def function_word_share(text: str, lang: Language) -> float:
    """Share of a text's words that are the language's function words."""
    tokens = [w.casefold() for w in words(text)]
    if not tokens:
        return 0.0
    return sum(t in lang.function_words for t in tokens) / len(tokens)
