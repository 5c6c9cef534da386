"""Inline marks inside a piece of text: `**bold**`, `*italic*` and superscript endnote markers.

Marks become structure (character spans over the plain text, endnote numbers) so that `text`
holds what a reader sees, without raw asterisks.
"""

from __future__ import annotations

import re

from drugstrat.record import Emphasis

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}
FOOTNOTE_MARK = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")

# One pass, left to right: `**bold**` or `*italic*` hugging non-space characters. An unpaired
# mark stays in the text as the author typed it.
_MARK = re.compile(
    r"\*\*(?P<bold>(?=\S)[^*]+?(?<=\S))\*\*"
    r"|(?<![\w*])\*(?P<italic>(?=[^\s*])[^*]+?(?<=[^\s*]))\*(?![\w*])"
)


def superscript_to_int(marker: str) -> int:
    return int("".join(_SUPERSCRIPT_VALUE[ch] for ch in marker))


def strip_marks(text: str) -> tuple[str, list[Emphasis]]:
    """Return the plain text and its emphasis spans `{kind, start, end, text}` over it."""
    if "*" not in text:  # most text: no need to run the pattern (slow on a long line)
        return text, []
    out: list[str] = []
    spans: list[Emphasis] = []
    pos = length = 0
    for match in _MARK.finditer(text):
        before = text[pos:match.start()]
        out.append(before)
        length += len(before)
        kind = "bold" if match.group("bold") is not None else "italic"
        inner = match.group(kind)
        spans.append(Emphasis(kind=kind, start=length, end=length + len(inner), text=inner))
        out.append(inner)
        length += len(inner)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), spans


def endnote_citations(text: str) -> list[int]:
    """The endnote numbers cited in `text`, in order of first appearance."""
    seen: list[int] = []
    for match in FOOTNOTE_MARK.finditer(text):
        number = superscript_to_int(match.group())
        if number not in seen:
            seen.append(number)
    return seen
