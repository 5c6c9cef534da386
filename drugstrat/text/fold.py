"""Case- and accent-insensitive forms of text, and the way back to the original offsets."""

from __future__ import annotations

import re
import unicodedata

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
        if ch.isascii():  # most letters even of a Dutch or French text: no table to consult
            out.append(ch.lower())
            offsets.append(i)
            continue
        for part in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(part):
                out.append(part)
                offsets.append(i)
    return "".join(out), offsets


def original_span(offsets: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """Map a span of a folded text back to the original text of `length` characters."""
    if start >= len(offsets):
        return length, length
    return offsets[start], (offsets[end - 1] + 1) if end > start else offsets[start]
