"""Characters that must not pass on as they are: controls to a terminal, and what XML forbids.

Record text comes from documents and from YAML people edit; a PDF extractor or a careless edit
can leave an ESC sequence (which a terminal obeys) or a U+FFFF (which makes a TMX file
ill-formed for every CAT tool). This module is the one place that knows those sets.
"""

from __future__ import annotations

import re
from functools import cache

# C0 and C1 controls except tab and newline, DEL, lone surrogates (no encoding can write them)
# and the noncharacters (no font shows them; a parser may refuse them).
_TERMINAL_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
# What XML 1.0 cannot carry even escaped: C0 controls but tab, LF and CR; lone surrogates; and
# the noncharacters U+FFFE and U+FFFF.
_XML_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled on first use: this module is on every command's start-up path."""
    return re.compile(pattern)


def visible(text: str) -> str:
    """Control characters shown as escapes (`\\x1b`, `\\uffff`), so they cannot act on a
    terminal or break a page."""
    return _compiled(_TERMINAL_CONTROL).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def xml_forbidden(text: str) -> list[str]:
    """The characters of `text` XML 1.0 cannot carry, as `U+FFFF` codes."""
    return sorted({f"U+{ord(ch):04X}" for ch in _compiled(_XML_FORBIDDEN).findall(text)})


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 cannot carry."""
    return _compiled(_XML_FORBIDDEN).sub("", text)


# A cell a spreadsheet would run as a formula (OWASP, "CSV Injection"): one starting with =, +,
# -, @, or a tab or carriage return before them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What ends a line for some reader (str.splitlines, Excel, LibreOffice, a paste) or a cell
# (tab): the same set as `drugstrat.storage.csvrows.BREAKS`, which quotes a cell holding one.
# Quoted, a break is the cell's own text for a CSV reader; a tool that splits lines first
# (or a paste of the text) starts a line or a cell there, so what follows one must not read as
# a formula either.
_CELL_BREAKS = "\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_FORMULA_AFTER_BREAK = "([" + _CELL_BREAKS + "])(?=[=+\\-@])"


def formula_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one it would run as a formula gets a leading
    apostrophe (which spreadsheets hide), and so does every line or cell inside it, after a
    break, that would. Other values pass as they are."""
    if not isinstance(value, str):
        return value
    if any(ch in value for ch in _CELL_BREAKS):
        value = _compiled(_FORMULA_AFTER_BREAK).sub("\\1'", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


class Unformatted(str):
    """A text without its format characters (Unicode category Cf: zero-width spaces and
    joiners, soft hyphens, direction marks), which change no word a reader sees but split
    every word a program compares; `span` maps its characters back to the original's, and
    `hidden` lists the characters taken out (`U+200B`)."""

    at: list[int]
    hidden: list[str]
    length: int

    def __new__(cls, text: str) -> Unformatted:
        import unicodedata

        kept = [i for i, ch in enumerate(text) if unicodedata.category(ch) != "Cf"]
        whole = len(kept) == len(text)
        made = super().__new__(cls, text if whole else "".join(text[i] for i in kept))
        made.at, made.length = kept, len(text)
        made.hidden = [] if whole else sorted(
            {f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) == "Cf"})
        return made

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's characters for [start, end) of this text."""
        first = self.at[start] if start < len(self.at) else self.length
        return (first, self.at[end - 1] + 1) if end > start else (first, first)
